"""Cleaning: from the text a scraper left to the article's own words, with nothing silently dropped.

Each line of the raw text is a block (paragraph, heading, list item) or something to remove, with
the reason kept in ``Article.removed``: metadata, related_link, advert, boilerplate, comment_widget,
repeated. Reader comments are split out into ``Article.comments``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import chain

from veille.clean.comments import split_comments
from veille.clean.cues import Cue, default_matcher
from veille.clean.metadata import breadcrumb_site, parse_byline, strip_title
from veille.clean.repeated import drop_repeated_sentences
from veille.sources import RawDocument
from veille.text.normalise import content_words, fold, normalise_lines
from veille.types import Article, Paragraph, Removed

_BULLET = re.compile(r"^(?:[-*•·▪►●◦–—]|\d{1,2}[.)])\s+")
_BULLET_FIRST = frozenset("-*•·▪►●◦–—")  # or a digit (\d is str.isdecimal): lines that may be list items
_BOLD = re.compile(r"^\*\*(.+?)\*\*$|^__(.+?)__$")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(.+)$")
_TERMINAL = ".!?…;:,»\")”"
_HEADING_MAX_WORDS = 14


@dataclass(slots=True)
class _Block:
    text: str
    kind: str


def clean_document(doc: RawDocument) -> Article:
    """An ``Article`` with cleaned text, metadata, comments, removed segments and quality flags."""
    article = Article(
        id=doc.id, source=doc.source, raw_text=doc.text, title=doc.title, url=doc.url, site=doc.site,
        author=doc.author, published=doc.published, published_rule=doc.published_rule,
        language=doc.language, comments=list(doc.comments), flags=list(doc.flags), removed=list(doc.removed),
    )
    if not doc.clean:
        article.text = doc.text
        article.paragraphs = [Paragraph(0, len(doc.text))] if doc.text else []
        return article
    lines = _join_wrapped([ln for ln in normalise_lines(doc.text) if ln])
    lines, folds = _take_header(article, lines)
    lines, folds, cues = _take_comments(article, lines, folds)
    blocks = _classify(article, lines, folds, cues, frozenset(doc.headings))
    blocks = _drop_adverts(article, blocks)
    kept, repeated = drop_repeated_sentences([(b.text, b.kind) for b in blocks])
    if repeated:
        article.removed.extend(repeated)
        article.flag("repeated_content")
    _assemble(article, kept)
    if not article.text:
        article.flag("empty_after_cleaning")
    return article


def _join_wrapped(lines: list[str]) -> list[str]:
    """Re-join hard-wrapped prose: a long line without final punctuation continued in lower case."""
    joined: list[str] = []
    for line in lines:
        if (joined and len(joined[-1]) > 40 and joined[-1][-1] not in _TERMINAL
                and line[0].islower() and not _BULLET.match(line)):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


_SITE_MARKS = ("©".encode(), b"copyright", b"www.")


def _site_hints(article: Article, lines: list[str]) -> list[str]:
    hints = [h for h in (article.site, article.url) if h]
    # The lines with « © », « copyright » or « www. » in any case. The marks need ASCII-only lower case,
    # which bytes.lower does on the UTF-8 form (several times faster than str.lower): no other character
    # lowers to one of their letters (« İ » lowers to « i » and a combining dot), and a multi-byte
    # character has no ASCII byte, nor a line break; « © » is a byte sequence no other character has.
    low = "\n".join(lines).encode("utf-8", "surrogatepass").lower()
    marked: set[int] = set()
    for mark in _SITE_MARKS:  # most texts have none: three scans of the whole text
        at = low.find(mark)
        while at >= 0:
            marked.add(low.count(b"\n", 0, at))  # the index of its line
            at = low.find(mark, at + 1)
    hints += [lines[index] for index in sorted(marked)]
    return hints


def _take_header(article: Article, lines: list[str]) -> tuple[list[str], list[str]]:
    """Title (first line, unless the source gave one) and the by-line just below it; returns the other
    lines and their folded forms (what the cues are compared with)."""
    if not lines:
        return lines, []
    rest = lines
    if article.title is None and len(lines) > 1:
        title_line, rest = lines[0], lines[1:]
    else:
        title_line = article.title or ""
    hints = _site_hints(article, lines)
    given_site = article.site  # from the source's own metadata (HTML, JSONL): it wins
    for i, line in enumerate(rest[:5]):
        byline = parse_byline(line)
        if byline is None:
            continue
        article.removed.append(Removed(line, "metadata", byline.rule))
        article.author = article.author or byline.author
        if byline.published and not article.published:
            article.published, article.published_rule = byline.published, "byline"
        article.section = article.section or byline.section
        if byline.site:
            hints.append(byline.site)
            article.site = article.site or byline.site
        rest = rest[:i] + rest[i + 1:]
        break
    title, site, had_prefix = strip_title(title_line, hints)
    if had_prefix:
        article.flag("template_artifact")
    # A corroborated « - Site » suffix names the site better than a breadcrumb's first crumb (often a
    # section: « World | Asia | By … »), and keeps the site's own capitalisation.
    if site and given_site is None:
        article.site = site
    article.title = title or None
    title_keys = {fold(title), fold(title_line)} - {""}
    kept: list[str] = []
    folds: list[str] = []
    for line in rest:
        folded = fold(line)
        if folded in title_keys:
            article.removed.append(Removed(line, "repeated", "title_repeat"))
        else:
            kept.append(line)
            folds.append(folded)
    return kept, folds


_COMMENT_WIDGET = frozenset({"comment_widget"})


def _take_comments(article: Article, lines: list[str],
                   folds: list[str]) -> tuple[list[str], list[str], list[Cue | None]]:
    """Everything from the first comment-widget line on is the comment section; returns the lines
    before it, their folded forms and the cue of each."""
    matcher = default_matcher()
    cues = matcher.classify_lines(folds)
    for index, (folded, cue) in enumerate(zip(folds, cues, strict=True)):
        # A line no cue matches matches no comment-widget cue either: the second look is for the few
        # lines where a cue of another reason comes first.
        if cue is None or (cue.reason != "comment_widget"
                           and matcher.classify(folded, _COMMENT_WIDGET) is None):
            continue
        comments, removed = split_comments(lines[index:], folds[index:], cues[index:])
        article.comments.extend(comments)
        article.removed.extend(removed)
        if comments:
            article.flag("comments_separated")
        return lines[:index], folds[:index], cues[:index]
    return lines, folds, cues


_FLAGS = {"related_link": "related_links", "advert": "advert_inserted", "boilerplate": "site_chrome",
          "metadata": "metadata_in_body", "comment_widget": "comment_widget"}


def _classify(article: Article, lines: list[str], folds: list[str], cues: list[Cue | None],
              known_headings: frozenset[str]) -> list[_Block]:
    blocks: list[_Block] = []
    for index, (line, folded, cue) in enumerate(zip(lines, folds, cues, strict=True)):
        if article.site and line[-1] not in ".!?…" and _is_site_line(article.site, line, folded):
            article.removed.append(Removed(line, "boilerplate", "site_name_line"))
            article.flag("site_chrome")
            continue
        if cue is not None:
            article.removed.append(Removed(line, cue.reason, cue.rule))
            if cue.reason == "metadata" and index < 5 and article.site is None:
                article.site = breadcrumb_site(line)
            article.flag(_FLAGS[cue.reason])
            continue
        first = line[0]
        bold = (_BOLD.match(line) if first in "*_" else _MARKDOWN_HEADING.match(line) if first == "#" else None)
        if bold:
            article.flag("template_artifact")
            heading = next(g for g in bold.groups() if g).strip()
            if heading:
                blocks.append(_Block(heading, "heading"))
            else:  # « ** ** »: markup around nothing
                article.removed.append(Removed(line, "boilerplate", "empty_markup"))
            continue
        if line in known_headings:
            blocks.append(_Block(line, "heading"))
            continue
        bullet = _BULLET.match(line) if first in _BULLET_FIRST or first.isdecimal() else None
        if bullet:
            blocks.append(_Block(line[bullet.end():].strip(), "list_item"))
            continue
        blocks.append(_Block(line, "paragraph"))
    for block in blocks[:-1]:  # a heading has something after it
        if block.kind == "paragraph" and block.text[-1] not in _TERMINAL and _heading_shaped(block.text):
            block.kind = "heading"
    return blocks


def _is_site_line(site: str, line: str, folded: str) -> bool:
    """A tagline or credit that opens with the site's own name (« Horizons Asie avec AFP »), for a line
    that does not end a sentence."""
    key = fold(site)
    return (folded.startswith(key) and (len(folded) == len(key) or not folded[len(key)].isalnum())
            and len(line.split()) <= 15)


def _heading_shaped(text: str) -> bool:
    return (text != "" and text[-1] not in _TERMINAL and (text[0].isupper() or text[0].isdigit())
            and 0 < len(text.split()) <= _HEADING_MAX_WORDS)


def _stems(words: list[str]) -> set[str]:
    return {w[:5] for w in words}


def _drop_adverts(article: Article, blocks: list[_Block]) -> list[_Block]:
    """Inserted clickbait that no cue names: a short line sharing almost no words with the article."""
    if sum(1 for b in blocks if b.kind == "paragraph") < 3:
        return blocks
    # Teasers are unpunctuated headline-like lines of five content words or more; a real sentence of
    # the article is never removed. The other blocks' words are counted only when there is a teaser.
    teasers = {index: stems for index, block in enumerate(blocks)
               if index > 0 and block.kind != "list_item" and block.text[-1] not in _TERMINAL
               and len(stems := _stems(content_words(block.text))) >= 5 and len(block.text.split()) <= 20}
    if not teasers:
        return blocks
    stems_by_block = [teasers.get(index) or _stems(content_words(b.text)) for index, b in enumerate(blocks)]
    counts = Counter(chain.from_iterable(stems_by_block))  # in how many blocks each stem is
    kept: list[_Block] = []
    for index, (block, stems) in enumerate(zip(blocks, stems_by_block, strict=True)):
        if index in teasers and sum(1 for s in stems if counts[s] > 1) / len(stems) < 0.2:
            article.removed.append(Removed(block.text, "advert", "off_topic_line"))
            article.flag("advert_inserted")
        else:
            kept.append(block)
    return kept


def _assemble(article: Article, blocks: list[tuple[str, str]]) -> None:
    parts: list[str] = []
    offset = 0
    for text, kind in blocks:
        if not text:
            continue
        if parts:
            offset += 1
        article.paragraphs.append(Paragraph(offset, offset + len(text), kind))
        parts.append(text)
        offset += len(text)
    article.text = "\n".join(parts)
