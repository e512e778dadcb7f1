"""The briefing: key facts, contested claims, timeline, actors and sources, every line cited.

It is built from the documents of the output contract (the same dicts ``articles.jsonl`` and the
store hold), so ``veille run`` and ``veille brief --db`` write the same briefing.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from veille.report.i18n import CERTAINTY_ORDER, count, format_timex, role_label, t

Doc = dict[str, Any]
KEY_FACTS = 20
MAX_CITES = 8
MAX_CONTRADICTIONS = 5
CHRONOLOGY = 60
_CONTENT_HASH = re.compile(r"\b[0-9a-f]{16}\b")


@dataclass(slots=True)
class BriefingData:
    articles: list[Doc]
    entities: list[Doc] = field(default_factory=list)
    facts: list[Doc] = field(default_factory=list)
    timeline: list[Doc] = field(default_factory=list)
    stories: list[Doc] = field(default_factory=list)
    duplicates: list[list[str]] = field(default_factory=list)


@dataclass(slots=True)
class Line:
    """One line of the briefing, as structured data both renderers share."""

    text: str
    cites: list[tuple[str, str]] = field(default_factory=list)  # (article ref, quoted sentence)


@dataclass(slots=True)
class Section:
    title: str
    lines: list[Line] = field(default_factory=list)
    table: list[list[str]] | None = None
    note: str | None = None


class Briefing:
    def __init__(self, data: BriefingData, lang: str = "fr") -> None:
        self.data = data
        self.lang = lang
        self.refs = {a["id"]: f"A{i}" for i, a in enumerate(data.articles, start=1)}
        # Article ids are content hashes, unless a JSONL source gave its own: those are matched as such.
        given = sorted((i for i in self.refs if not _CONTENT_HASH.fullmatch(i)), key=len, reverse=True)
        self._ids = (re.compile("|".join([_CONTENT_HASH.pattern] + [rf"\b{re.escape(i)}\b" for i in given]))
                     if given else _CONTENT_HASH)
        # A copy is cited as such, so that a reader does not count the same text twice; the original is
        # the copy published first (then the first in the input).
        order = {a["id"]: (a.get("published") or "9999", i) for i, a in enumerate(data.articles)}
        self.copy_of: dict[str, str] = {}
        for group in data.duplicates:
            first = min(group, key=lambda a: order.get(a, ("9999", len(order))))
            self.copy_of.update({member: first for member in group if member != first})
        self.names: dict[str, str] = {e["id"]: str((e.get("names") or {}).get(lang) or e["name"])
                                      for e in data.entities}

    def _t(self, key: str, **kwargs: Any) -> str:
        return t(key, self.lang, **kwargs)

    def actor_names(self, ids: list[str]) -> str:
        return ", ".join(self.names.get(i, i) for i in ids) or "—"

    def _time(self, value: Any) -> str:
        if isinstance(value, dict):
            if value.get("value"):
                return format_timex(str(value["value"]), self.lang)
            if value.get("latest"):
                return self._t("before", date=format_timex(str(value["latest"]), self.lang))
            return self._t("undated")
        return format_timex(str(value), self.lang) if value else self._t("undated")

    def _number(self, value: float) -> str:
        """« 3 000 » in French, "3,000" in English."""
        text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
        return text.replace(",", "\u202f") if self.lang == "fr" else text

    def _with_refs(self, text: str) -> str:
        """Contradictions name articles by id; the briefing's reader knows them as A1, A2…"""
        return self._ids.sub(lambda m: self.refs.get(m.group(0), m.group(0)), text)

    def _order(self, article_id: str) -> int:
        return int(self.refs[article_id][1:]) if article_id in self.refs else 0

    def _ref_list(self, article_ids: list[str], most: int = 12) -> str:
        """« A1, A3, A8 », and « … (+40) » past ``most``: a large corpus must not turn a line into a page."""
        shown = ", ".join(self.refs.get(a, a) for a in article_ids[:most])
        return shown + (f", … (+{len(article_ids) - most})" if len(article_ids) > most else "")

    def ref(self, article_id: str) -> str:
        ref = self.refs.get(article_id, article_id)
        original = self.copy_of.get(article_id)
        return f"{ref}, {self._t('copy_of', ref=self.refs.get(original, original))}" if original else ref

    def _worded(self, doc: Doc, key: str) -> Any:
        """A fact's label or contradiction notes in the briefing's language, when the run worded them in it
        (a store written by an older version has the run's language only)."""
        wording = (doc.get("wordings") or {}).get(self.lang) or {}
        return wording.get(key, doc.get(key))

    def _fact_line(self, fact: Doc) -> Line:
        certainties = Counter(s["certainty"] for s in fact["sources"])
        summary = ", ".join(f"{self._t('c_' + c)} ×{n}" if n > 1 else self._t("c_" + c)
                            for c, n in sorted(certainties.items(), key=lambda kv: CERTAINTY_ORDER.index(kv[0])))
        quantity = f" — {self._t('quantity')} {self._number(fact['quantity'])}" if fact.get("quantity") else ""
        text = (f"**{self._worded(fact, 'label')}** — {self._time(fact.get('time'))}"
                f"{quantity} — {count(int(fact['independent_sources']), 'independent', self.lang)} — {summary}")
        cites = []
        # Firmest sources first; beyond MAX_CITES the reader is told how many more facts.jsonl holds.
        sources = sorted(fact["sources"], key=lambda src: CERTAINTY_ORDER.index(src["certainty"]))
        for source in sources[:MAX_CITES]:
            label = self._t("c_" + source["certainty"])
            who = ""
            # a denial is attributed to its deniers: « démenti (démenti par X) » says it once
            if source.get("attributed_to") and not (source["certainty"] == "denied"
                                                    and source["attributed_to"] == source.get("denied_by")):
                who = f" ({self._t('per')} {self.actor_names(source['attributed_to'])})"
            if source.get("denied_by"):
                who += f" ({self._t('denied_by')} {self.actor_names(source['denied_by'])})"
            cites.append((f"{self.ref(source['article'])} · {label}{who}",
                          source["evidence"]))
        if len(sources) > MAX_CITES:
            text += f" ({self._t('more_sources', n=len(sources) - MAX_CITES)})"
        return Line(text, cites)

    def sections(self) -> list[Section]:
        out: list[Section] = []
        facts = self.data.facts
        if facts:
            ranked = sorted(facts, key=_fact_rank)
            # A key fact says who did what: a fact without an identified actor stays in facts.jsonl.
            key = [f for f in ranked if f["actors"]][:KEY_FACTS]
            rest = len(facts) - len(key)
            note = self._t("key_facts_note") + (" " + self._t("more_facts", n=rest) if rest else "")
            out.append(Section(self._t("key_facts"), [self._fact_line(f) for f in key], note=note))
            contested = [f for f in ranked if f.get("contested") and f["actors"]][:KEY_FACTS]
            if contested:
                section = Section(self._t("contested"))
                for fact in contested:
                    line = self._fact_line(fact)
                    contradictions = self._worded(fact, "contradictions") or []
                    reasons = "; ".join(self._with_refs(c) for c in contradictions[:MAX_CONTRADICTIONS])
                    if len(contradictions) > MAX_CONTRADICTIONS:
                        reasons += f"; … (+{len(contradictions) - MAX_CONTRADICTIONS})"
                    if reasons:
                        line.text += f" — {reasons}"
                    section.lines.append(line)
                out.append(section)
        if self.data.timeline:
            by_id = {f["id"]: f for f in facts}
            section = Section(self._t("timeline"), note=self._t("timeline_note"))
            # A chronology shows what it can place, say who did and some source confirms (« n'a pas procédé
            # à un essai depuis septembre 2017 » dates no test), and on a large corpus the best-supported
            # facts only (still in the timeline's order).
            placed = [e for e in self.data.timeline if e.get("time") and e["fact"] in by_id
                      and by_id[e["fact"]]["actors"] and by_id[e["fact"]]["independent_sources"]]
            kept = {e["fact"] for e in sorted(placed, key=lambda e: _fact_rank(by_id[e["fact"]]))[:CHRONOLOGY]}
            for entry in placed:
                if entry["fact"] not in kept:
                    continue
                dated = by_id[entry["fact"]]
                refs = self._ref_list(sorted({s["article"] for s in dated["sources"]}, key=self._order))
                label = self._worded(dated, "label") or entry.get("label", "")
                section.lines.append(Line(f"{self._time(entry.get('time'))} — {label} [{refs}]"))
            out.append(section)
        if self.data.entities:
            out.append(self._actors())
        if self.data.stories or self.data.duplicates:
            out.append(self._stories())
        out.append(self._sources())
        return out

    def _actors(self) -> Section:
        table = [[self._t("actor"), self._t("kind"), self._t("country"), self._t("role"),
                  self._t("mentions"), self._t("articles")]]
        for entity in self.data.entities[:60]:
            country = entity.get("country") or ""
            table.append([
                self.names.get(entity["id"], str(entity["name"])) + (" *" if entity.get("provisional") else ""),
                self._t("k_" + entity["kind"]), self.names.get(country, country or "—"),
                self._roles(entity), str(entity["mentions"]),
                self._ref_list(entity["articles"]),
            ])
        return Section(self._t("actors"), table=table, note=self._t("actors_note"))

    def _roles(self, entity: Doc) -> str:
        """The roles held at the time of the articles, else the last one held, with its years."""
        if entity.get("roles_then"):
            return ", ".join(role_label(r, self.lang) for r in entity["roles_then"])
        history = entity.get("roles") or []
        if not history:
            return "—"
        name, _, span = history[-1].partition(":")
        start, _, end = span.partition("..")
        years = f" ({start[:4]}–{end[:4]})" if start else ""
        return role_label(name, self.lang) + years

    def _stories(self) -> Section:
        section = Section(self._t("stories"))
        for story in self.data.stories:
            refs = self._ref_list(story["articles"])
            label = (story.get("labels") or {}).get(self.lang) or story["label"]
            section.lines.append(Line(f"**{label}** — {refs}"))
        for group in self.data.duplicates:
            refs = " = ".join(self.refs.get(a, a) for a in group)
            section.lines.append(Line(f"{self._t('copies')}{' :' if self.lang == 'fr' else ':'} {refs}"))
        return section

    def _sources(self) -> Section:
        table = [[self._t("ref"), self._t("title"), self._t("site"), self._t("date"), self._t("language"),
                  self._t("flags"), self._t("removed")]]
        for article in self.data.articles:
            removed = Counter(r["reason"] for r in article.get("removed", []))
            table.append([
                self.refs[article["id"]], article.get("title") or article["source"], article.get("site") or "—",
                format_timex(article["published"][:10], self.lang) if article.get("published") else "—",
                article.get("language") or "—",
                ", ".join(self._t("f_" + flag) for flag in article.get("flags", [])) or "—",
                ", ".join(f"{self._t('r_' + r)} ×{n}" for r, n in sorted(removed.items())) or "—",
            ])
        return Section(self._t("sources"), table=table)


def _fact_rank(fact: Doc) -> tuple[int, int, str]:
    best = min((CERTAINTY_ORDER.index(s["certainty"]) for s in fact["sources"]), default=len(CERTAINTY_ORDER))
    return (-int(fact.get("independent_sources", 0)), best, fact["id"])
