"""Entity recognition and linking: gazetteer matching, context resolution and unknown names.

``find_mentions`` makes one pass of each Aho-Corasick automaton over the text, keeps the
leftmost-longest candidates that sit on word boundaries and pass their alias flags, links the
unambiguous ones, then resolves the ambiguous ones (« Kim », « coréen », « Georgia ») from the
entities the article names elsewhere, and finally looks for unknown names next to cue words.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict

from veille.entities.gazetteer import FIRSTNAME, ORGWORD, TITLE, Entry, Payload, gazetteer, payload_parts
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


Chosen = tuple[int, int, tuple[Alias, ...], "Entry | None", "dict[str, Alias] | None"]


def _accept(src: str, low: str, s: int, e: int, p: Payload, lang: str, kb: KnowledgeBase) -> Chosen | None:
    """The candidate if its right edge is a word boundary and it passes its entries' conditions
    (the left edge is checked by the caller)."""
    if e < len(low):
        if p.prefix:  # « russo- » must be glued to the next word
            if not low[e].isalpha():
                return None
        elif low[e].isalnum():
            return None
    elif p.prefix:
        return None
    if not p.checked or (p.cap_only and src[s].isupper()):
        return (s, e, p.aliases, p.cue, p.plain)
    upper = src[s].isupper()
    opts = [
        en for en in p.entries
        if not (en[2] and not upper)
        and not (en[5] is not None and src[s:e] not in en[5])
        and not (en[4] and _glued(src, s, e, kb.first_names, _not_names(kb)))
    ]
    if len(opts) == len(p.entries):
        return (s, e, p.aliases, p.cue, p.plain)
    if not opts:
        return None
    return (s, e, *payload_parts(opts))


def _candidates(src: str, low: str, kb: KnowledgeBase, lang: str) -> list[Chosen]:
    """Leftmost-longest matches on word boundaries, non-overlapping."""
    g = gazetteer(kb, lang)
    # A match that starts inside a word (« pr » in « président ») is dropped at once: this filter
    # runs on every hit, so it stays inline.
    raw: list[tuple[int, int, Payload]] = []
    append = raw.append
    for end, p in g.lower.iter_long(low):
        s = end - p.length + 1
        if s == 0 or not low[s - 1].isalnum():
            append((s, end + 1, p))
    chosen: list[Chosen] = []
    last_end = 0
    get = g.lower.get
    for s, e, p in raw:
        if s < last_end:
            continue
        c = _accept(src, low, s, e, p, lang, kb)
        if c is None and (" " in low[s:e] or "-" in low[s:e]):
            # « Corée du Nordiste »: the longest key failed, a shorter one ending at a space or a
            # hyphen inside it may still hold (iter_long reports only the longest).
            k = e - 1
            while c is None and k > s:
                if low[k] in " -":
                    shorter = get(low[s:k], None)
                    if isinstance(shorter, Payload):
                        c = _accept(src, low, s, k, shorter, lang, kb)
                k -= 1
        if c is not None:
            chosen.append(c)
            last_end = c[1]
    return chosen


def find_mentions(text: str, kb: KnowledgeBase, lang: str = "fr") -> list[Mention]:
    """Mentions of countries, people and organisations, sorted by start and non-overlapping."""
    # U+0130 is the one character whose lowercase is two characters long; keep offsets aligned.
    src = text.replace("\u0130", "I") if "\u0130" in text else text
    low = src.lower()
    chosen = _candidates(src, low, kb, lang)

    records = kb.records
    evidence: dict[str, list[int]] = defaultdict(list)
    linked: list[Mention] = []
    pending: list[tuple[int, int, tuple[Alias, ...]]] = []
    cues: list[tuple[int, int, Entry]] = []
    for i, (s, e, aliases, cue, plain) in enumerate(chosen):
        # A cue on the same span as an alias is kept too: if the alias stays unlinked (« Dominique »
        # without any other sign of Dominica), the first name can still start a provisional name.
        if cue is not None:
            cues.append((s, e, cue))
        if not aliases:
            continue
        a = aliases[0]
        if a.cls == "combining":
            # « russo- » counts only inside a compound: next comes a demonym or another prefix.
            nxt = chosen[i + 1] if i + 1 < len(chosen) else None
            if nxt is None or nxt[0] != e or not nxt[2] or nxt[2][0].cls not in ("combining", "demonym"):
                continue
            e -= 1  # the mention is « russo », without its hyphen
        if plain is not None:
            a = plain.get(lang, a)
            eid = a.candidates[0]
            rec = records[eid]
            linked.append(Mention(s, e, eid, rec.kind, a.rule))
            evidence[eid].append(s)
            if rec.country is not None and rec.country != eid:
                evidence[rec.country].append(s)
        else:
            pending.append((s, e, aliases))

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
            linked.append(mention)

    linked.sort(key=lambda m: m.start)
    if cues:
        linked = _merge(linked, _provisional(src, cues, kb))
    return linked


def _provisional(src: str, cues: list[tuple[int, int, Entry]], kb: KnowledgeBase) -> list[Mention]:
    out: list[Mention] = []
    allowed = _allowed_modifiers(kb)
    for s, e, (code, word, *_rest) in cues:
        if code == TITLE:
            span = title_name(src, e, allowed)
            if span is None:
                continue
            ns, ne = span
            out.append(Mention(ns, ne, provisional_id(src[ns:ne]), "person", f"provisional:title:{word}", True))
        elif code == ORGWORD:
            end = org_name_end(src, e)
            if end is not None:
                out.append(Mention(s, end, provisional_id(src[s:end]), "organisation",
                                   f"provisional:org-word:{word}", True))
        elif code == FIRSTNAME:
            end = first_name_end(src, e, kb.first_names)
            if end is not None:
                out.append(Mention(s, end, provisional_id(src[s:end]), "person",
                                   f"provisional:first-name:{word}", True))
    # A full provisional name lends its id to later bare uses of its surname (« M. Dupont »).
    full: dict[str, str] = {}
    for m in out:
        if m.kind == "person":
            name = src[m.start : m.end]
            if " " in name:
                full.setdefault(name.rsplit(" ", 1)[1], m.entity_id)
            elif name in full:
                m.entity_id = full[name]
    return out


def _merge(linked: list[Mention], provisional: list[Mention]) -> list[Mention]:
    """Known names win any overlap with provisional ones; among these, leftmost-longest."""
    starts = [m.start for m in linked]
    provisional.sort(key=lambda m: (m.start, m.start - m.end))
    keep: list[Mention] = []
    last_end = 0
    for p in provisional:
        if p.start < last_end:
            continue
        i = bisect_left(starts, p.end)
        if i > 0 and linked[i - 1].end > p.start:
            continue
        keep.append(p)
        last_end = p.end
    if not keep:
        return linked
    return sorted(linked + keep, key=lambda m: m.start)
