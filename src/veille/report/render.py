"""Markdown and self-contained HTML (one file, no network) from the briefing's sections."""

from __future__ import annotations

import html
import re

from veille.report.briefing import Briefing, BriefingData, Section
from veille.report.i18n import count, format_timex, t

_BOLD = re.compile(r"\*\*(.+?)\*\*")

_CSS = """
body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;
color:#1d232a;background:#fff}h1{font-size:1.7rem;margin-bottom:.2rem}h2{border-bottom:2px solid #d8dee4;
padding-bottom:.2rem;margin-top:2.2rem}li{margin:.5rem 0}blockquote{margin:.2rem 0 .2rem 1rem;padding-left:.6rem;
border-left:3px solid #c0c8d0;color:#39424a;font-size:.93rem}.ref{font-weight:600;color:#0b5394}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #d8dee4;padding:.3rem .5rem;
text-align:left;vertical-align:top}th{background:#f3f5f7}.note{color:#5a646e;font-size:.9rem}
"""


def _summary(brief: Briefing) -> str:
    data, lang = brief.data, brief.lang
    dates = sorted(a["published"][:10] for a in data.articles if a.get("published"))
    span = ""
    if dates:
        first, last = format_timex(dates[0], lang), format_timex(dates[-1], lang)
        span = t("span_one", lang, start=first) if first == last else t("span", lang, start=first, end=last)
    return t("corpus", lang, articles=count(len(data.articles), "article", lang), span=span,
             facts=count(len(data.facts), "fact", lang), stories=count(len(data.stories), "story", lang),
             copies=count(len(data.duplicates), "copies", lang))


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(data: BriefingData, lang: str = "fr") -> str:
    brief = Briefing(data, lang)
    out = [f"# {t('heading', lang)}", "", _summary(brief), ""]
    for section in brief.sections():
        out += [f"## {section.title}", ""]
        if section.note:
            out += [f"_{section.note}_", ""]
        for line in section.lines:
            out.append(f"- {line.text}")
            for ref, sentence in line.cites:
                out.append(f"  - [{ref}] « {sentence} »" if lang == "fr" else f"  - [{ref}] “{sentence}”")
        if section.table:
            header, *rows = section.table
            out.append("| " + " | ".join(header) + " |")
            out.append("|" + "---|" * len(header))
            out += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _inline(text: str) -> str:
    return _BOLD.sub(r"<strong>\1</strong>", html.escape(text))


def _html_section(section: Section, lang: str) -> list[str]:
    out = [f"<section><h2>{html.escape(section.title)}</h2>"]
    if section.note:
        out.append(f'<p class="note">{html.escape(section.note)}</p>')
    if section.lines:
        out.append("<ul>")
        for line in section.lines:
            out.append(f"<li>{_inline(line.text)}")
            for ref, sentence in line.cites:
                quoted = f"« {sentence} »" if lang == "fr" else f"“{sentence}”"
                out.append(f'<blockquote><span class="ref">[{html.escape(ref)}]</span> '
                           f"{html.escape(quoted)}</blockquote>")
            out.append("</li>")
        out.append("</ul>")
    if section.table:
        header, *rows = section.table
        out.append("<table><thead><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in header) + "</tr></thead>")
        out.append("<tbody>")
        out += ["<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows]
        out.append("</tbody></table>")
    out.append("</section>")
    return out


def render_html(data: BriefingData, lang: str = "fr") -> str:
    brief = Briefing(data, lang)
    title = html.escape(t("heading", lang))
    out = [
        "<!DOCTYPE html>", f'<html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title><style>{_CSS}</style></head><body>",
        f"<h1>{title}</h1>", f'<p class="note">{html.escape(_summary(brief))}</p>',
    ]
    for section in brief.sections():
        out += _html_section(section, lang)
    out.append("</body></html>")
    return "\n".join(out) + "\n"
