"""Entity recognition and linking: gazetteer matching, context resolution and unknown names.

``find_mentions`` makes one pass of each Aho-Corasick automaton over the text, keeps the
leftmost-longest candidates that sit on word boundaries and pass their alias flags, links the
unambiguous ones, then resolves the ambiguous ones (« Kim », « coréen », « Georgia ») from the
entities the article names elsewhere, and finally looks for unknown names next to cue words.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from operator import attrgetter

from veille.entities.gazetteer import (
    FIRSTNAME,
    ORGWORD,
    TITLE,
    Entry,
    Parts,
    Payload,
    gazetteer,
    payload_parts,
)
from veille.entities.spacy_export import spacy_entity_ruler_patterns
from veille.entities.unknown import (
    TITLE_MODIFIERS,
    first_name_end,
    org_name_end,
    provisional_id,
    title_name,
)
from veille.kb.model import Alias, KnowledgeBase
from veille.types import Mention

__all__ = ["find_mentions", "spacy_entity_ruler_patterns"]

_START = attrgetter("start")


def _glued(src: str, s: int, e: int, first_names: frozenset[str], not_names: frozenset[str]) -> bool:
    """True when the match is part of a longer proper name: « Paris Hilton », « George Washington »,
    that is when a capitalised word follows, or precedes and is not a stopword or a title."""
    n = len(src)
    if e + 1 < n and src[e] == " " and src[e + 1].isupper():
        return True
    if s >= 2 and src[s - 1] == " " and src[s - 2].isalpha():
        j = s - 1
        while j > 0 and (src[j - 1].isalpha() or src[j - 1] in "-'\u2019."):
            j -= 1
        word = src[j : s - 1]
        # Even at the start of a sentence: the words that usually precede a name there (« Selon »,
        # « Hier ») are in the stopword list; « Ivanka Trump » is not Donald Trump anywhere.
        return word[:1].isupper() and word.lower() not in not_names
    return False


def _allowed_modifiers(kb: KnowledgeBase) -> frozenset[str]:
    allowed = kb.cache.get("title_modifiers")
    if allowed is None:
        demonyms = {a.text.lower() for a in kb.aliases if a.cls == "demonym"}
        allowed = kb.cache["title_modifiers"] = frozenset(demonyms | TITLE_MODIFIERS)
    assert isinstance(allowed, frozenset)
    return allowed


def _not_names(kb: KnowledgeBase) -> frozenset[str]:
    """Capitalised words that may precede a name without being part of it (« le Président Poutine »)."""
    words = kb.cache.get("not_names")
    if words is None:
        words = kb.cache["not_names"] = frozenset(
            {w.lower() for w in kb.stopwords} | {w.lower() for w, _, kind in kb.cues if kind == "title"})
    assert isinstance(words, frozenset)
    return words


def _nearest(evidence: dict[str, list[int]], candidates: tuple[str, ...], pos: int) -> str | None:
    """The candidate named closest before ``pos``, else the first named after it."""
    best: tuple[int, int, str] | None = None
    for c in candidates:
        starts = evidence.get(c)
        if not starts:
            continue
        i = bisect_left(starts, pos)
        # before: rank 0 by distance; after: rank 1 by distance
        key = (0, pos - starts[i - 1], c) if i > 0 else (1, starts[i] - pos, c)
        if best is None or key < best:
            best = key
    return best[2] if best else None


def _accept(src: str, low: str, s: int, e: int, p: Payload, kb: KnowledgeBase) -> Parts | None:
    """What the candidate stands for if its right edge is a word boundary and it passes its entries'
    conditions (the left edge is checked by the caller)."""
    if e < len(low):
        if p.prefix:  # « russo- » must be glued to the next word
            if not low[e].isalpha():
                return None
        elif low[e].isalnum():
            return None
    elif p.prefix:
        return None
    return _check(src, s, e, p, kb)


def _check(src: str, s: int, e: int, p: Payload, kb: KnowledgeBase) -> Parts | None:
    """What the candidate stands for once its entries' conditions are checked."""
    upper = src[s].isupper()
    if not p.checked or (p.cap_only and upper):
        return p.parts
    if p.cap_only:
        return None
    opts = [
        en for en in p.entries
        if not (en[2] and not upper)
        and not (en[5] is not None and src[s:e] not in en[5])
        and not (en[4] and _glued(src, s, e, kb.first_names, _not_names(kb)))
    ]
    if len(opts) == len(p.entries):
        return p.parts
    if not opts:
        return None
    return payload_parts(opts, kb.records)


def _candidates(src: str, low: str, kb: KnowledgeBase, lang: str) -> list[tuple[int, int, Parts]]:
    """Leftmost-longest matches on word boundaries, non-overlapping."""
    chosen: list[tuple[int, int, Parts]] = []
    add = chosen.append
    last_end = 0
    n = len(low)
    # This loop runs on every hit of the automaton, most of them plain words: their checks are inline.
    for end, p in gazetteer(kb, lang).lower.iter_long(low):
        s = end - p.length + 1
        # A match that starts inside a word (« pr » in « président ») is dropped at once.
        if s < last_end or (s and low[s - 1].isalnum()):
            continue
        e = end + 1
        if p.prefix:
            parts = _accept(src, low, s, e, p, kb)
        elif e < n and low[e].isalnum():
            parts = None  # the key goes on in the text (« pr » in « prix »)
        elif not p.checked or p.cap_only and src[s].isupper():
            parts = p.parts
        else:
            parts = _check(src, s, e, p, kb)
        if parts is None:
            # « Corée du Nordiste »: the longest key failed, a shorter one ending at a space or a
            # hyphen inside it may still hold (iter_long reports only the longest).
            for k, shorter in p.shorter:
                parts = _accept(src, low, s, s + k, shorter, kb)
                if parts is not None:
                    e = s + k
                    break
            else:
                continue
        add((s, e, parts))
        last_end = e
    return chosen


def find_mentions(text: str, kb: KnowledgeBase, lang: str = "fr") -> list[Mention]:
    """Mentions of countries, people and organisations, sorted by start and non-overlapping."""
    # U+0130 is the one character whose lowercase is two characters long; keep offsets aligned.
    src = text.replace("\u0130", "I") if "\u0130" in text else text
    chosen = _candidates(src, src.lower(), kb, lang)

    report_lang = lang if lang in ("fr", "en") else ""
    linked: list[Mention] = []
    pending: list[tuple[int, int, tuple[Alias, ...]]] = []
    cues: list[tuple[int, int, Entry]] = []
    last = len(chosen) - 1
    add = linked.append
    for i, (s, e, parts) in enumerate(chosen):
        # A cue on the same span as an alias is kept too: if the alias stays unlinked (« Dominique »
        # without any other sign of Dominica), the first name can still start a provisional name.
        if parts.cue is not None:
            cues.append((s, e, parts.cue))
        report = parts.linked
        if report is not None and not parts.combining:  # the common case, first
            eid, kind, rule = report[report_lang]
            add(Mention(s, e, eid, kind, rule))
            continue
        if not parts.aliases:
            continue
        if parts.combining:
            # « russo- » counts only inside a compound: next comes a demonym or another prefix.
            if i == last or chosen[i + 1][0] != e or not chosen[i + 1][2].joins:
                continue
            e -= 1  # the mention is « russo », without its hyphen
        if report is not None:
            eid, kind, rule = report[report_lang]
            add(Mention(s, e, eid, kind, rule))
        else:
            pending.append((s, e, parts.aliases))

    if pending:
        _resolve(pending, linked, kb, lang)
    if cues:
        provisional = _provisional(src, cues, kb)
        if provisional:
            linked = _merge(linked, provisional)
    return linked


def _resolve(pending: list[tuple[int, int, tuple[Alias, ...]]], linked: list[Mention], kb: KnowledgeBase,
             lang: str) -> None:
    """Link the ambiguous names to the entity the article names nearest, else to their default."""
    records = kb.records
    # Where each candidate entity is named, its country counting as named there too.
    wanted = {c for _, _, aliases in pending for a in aliases for c in a.candidates}
    evidence: dict[str, list[int]] = {}
    country = _other_country(kb)
    for m in linked:
        eid = m.entity_id
        if eid in wanted:
            evidence.setdefault(eid, []).append(m.start)
        c = country.get(eid)
        if c in wanted:
            evidence.setdefault(c, []).append(m.start)
    for s, e, aliases in pending:
        mention = None
        for a in aliases:
            if len(a.candidates) > 1 or a.default is None or a.cls == "short":
                near = _nearest(evidence, a.candidates, s)
                if near is not None:
                    mention = Mention(s, e, near, records[near].kind, a.rule + "+context")
                    break
        if mention is None:
            for a in sorted(aliases, key=lambda x: x.lang != lang):
                if a.default is not None:
                    mention = Mention(s, e, a.default, records[a.default].kind, a.rule + "+default")
                    break
        if mention is not None:
            insort(linked, mention, key=_START)  # in place among the others


def _other_country(kb: KnowledgeBase) -> dict[str, str]:
    """The country of each entity that has one and is not a country itself."""
    country = kb.cache.get("other_country")
    if country is None:
        country = kb.cache["other_country"] = {
            eid: rec.country for eid, rec in kb.records.items() if rec.country is not None and rec.country != eid}
    assert isinstance(country, dict)
    return country


# A provisional name before it is kept: start, end, kind, rule, and the name its id is made from.
_Provisional = tuple[int, int, str, str, str]


def _provisional(src: str, cues: list[tuple[int, int, Entry]], kb: KnowledgeBase) -> list[_Provisional]:
    out: list[_Provisional] = []
    allowed = _allowed_modifiers(kb)
    for s, e, (code, word, *_rest) in cues:
        if code == TITLE:
            span = title_name(src, e, allowed)
            if span is not None:
                out.append((*span, "person", f"provisional:title:{word}", ""))
        elif code == ORGWORD:
            end = org_name_end(src, e)
            if end is not None:
                out.append((s, end, "organisation", f"provisional:org-word:{word}", src[s:end]))
        elif code == FIRSTNAME:
            end = first_name_end(src, e, kb.first_names)
            if end is not None:
                out.append((s, end, "person", f"provisional:first-name:{word}", ""))
    # A full provisional name lends its id to later bare uses of its surname (« M. Dupont »).
    full: dict[str, str] = {}
    for i, (s, e, kind, rule, _) in enumerate(out):
        if kind == "person":
            name = src[s:e]
            if " " in name:
                full.setdefault(name.rsplit(" ", 1)[1], name)
            else:
                name = full.get(name, name)
            out[i] = (s, e, kind, rule, name)
    return out


def _merge(linked: list[Mention], provisional: list[_Provisional]) -> list[Mention]:
    """Known names win any overlap with provisional ones; among these, leftmost-longest."""
    provisional.sort(key=lambda m: (m[0], m[0] - m[1]))
    keep: list[Mention] = []
    last_end = 0
    for start, end, kind, rule, name in provisional:
        if start < last_end:
            continue
        i = bisect_left(linked, end, key=_START)
        if i > 0 and linked[i - 1].end > start:
            continue
        # Only now the id: most provisional names overlap a known one and are dropped.
        keep.append(Mention(start, end, provisional_id(name), kind, rule, True))
        last_end = end
    if not keep:
        return linked
    return sorted(linked + keep, key=_START)
