"""Find lexicon phrases (triggers, cues) in the tokens of one sentence.

A phrase is a head part looked up in a dict (surface form, lemma, or ``=surface``) and further parts
matched in order with at most ``MAX_GAP`` words between them; gaps never cross a comma or a
sentence-internal boundary, so « exprimer … inquiétude » cannot join two clauses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from veille.events.lexicon import MAX_GAP, Cue, Part, Trigger
from veille.events.tokens import Token

T = TypeVar("T", Trigger, Cue)

# Punctuation a gap may not cross; quotes and apostrophes may be skipped (« exponentielle »).
_HARD = frozenset(".,;:!?()[]—–")
# After an auxiliary, a noun-only reading is a participle homograph (« s'est tournée vers »).
_AUX = frozenset({"est", "sont", "a", "ont", "été", "était", "avait", "is", "are", "was", "were", "has", "have",
                  "had", "been"})


@dataclass(slots=True)
class Match(Generic[T]):
    item: T
    idx: tuple[int, ...]  # the token index of each part

    @property
    def first(self) -> int:
        return self.idx[0]

    @property
    def last(self) -> int:
        return self.idx[-1]


def _part_ok(tok: Token, part: Part) -> bool:
    alts, exact, _ = part
    return tok.low in exact or tok.low in alts or tok.lemma in alts


def _rest(tokens: Sequence[Token], i: int, parts: tuple[Part, ...]) -> tuple[int, ...] | None:
    idx = [i]
    j = i
    for part in parts[1:]:
        found = None
        limit = j + 2 + (0 if part[2] else MAX_GAP)
        k = j
        while k + 1 < min(len(tokens), limit):
            k += 1
            tok = tokens[k]
            if _part_ok(tok, part):
                found = k
                break
            if tok.kind == "punct" and tok.low in _HARD:
                break
            if tok.kind == "punct":
                limit += 1  # quotes do not count: « une augmentation « exponentielle » du nombre d'armes »
        if found is None:
            return None
        idx.append(found)
        j = found
    return tuple(idx)


# id(index) → surface → candidates: the per-token lookup is the stage's hot loop (the lemma is a
# function of the surface form and the language, and each index belongs to one language)
_CACHE: dict[int, dict[str, list]] = {}


def _candidates(tok: Token, index: dict[str, list[T]], cache: dict[str, list[T]]) -> list[T]:
    hit = cache.get(tok.low)
    if hit is not None:
        return hit
    out: list[T] = []
    for k in (tok.low, tok.lemma, "=" + tok.low):
        for item in index.get(k, ()):
            if item not in out and _part_ok(tok, item.parts[0]):
                out.append(item)
    out.sort(key=lambda it: -len(it.parts))
    if len(cache) < 200_000:
        cache[tok.low] = out
    return out


def _hits(tokens: Sequence[Token], index: dict[str, list[T]]) -> list[tuple[int, list[T]]]:
    """(token index, candidates) of the tokens that head some phrase of ``index``; most words head
    none, so the per-word test is one dict look-up done in C."""
    cache = _CACHE.setdefault(id(index), {})
    lows = [t.low for t in tokens]
    found = list(map(cache.get, lows))
    if None in found:
        for i, c in enumerate(found):
            if c is None:
                found[i] = _candidates(tokens[i], index, cache)
    return [(i, c) for i, c in enumerate(found) if c]


def find_cues(tokens: Sequence[Token], index: dict[str, list[Cue]]) -> list[Match[Cue]]:
    """Every cue occurrence (the longest phrase per head word); cues may overlap."""
    out: list[Match[Cue]] = []
    for i, cands in _hits(tokens, index):
        if tokens[i].kind == "punct":
            continue
        for cue in cands:
            idx = _rest(tokens, i, cue.parts)
            if idx is not None:
                out.append(Match(cue, idx))
                break
    return out


def find_triggers(
    tokens: Sequence[Token], index: dict[str, list[Trigger]], determiners: frozenset[str]
) -> list[Match[Trigger]]:
    """Non-overlapping trigger occurrences; longer phrases win, blocking phrases are dropped last."""
    found: list[Match[Trigger]] = []
    for i, cands in _hits(tokens, index):
        if tokens[i].kind != "word":
            continue
        best: list[Match[Trigger]] = []
        for trig in cands:
            if best and len(trig.parts) < len(best[0].item.parts):
                break
            idx = _rest(tokens, i, trig.parts)
            if idx is not None:
                best.append(Match(trig, idx))
        chosen = _choose_pos(best, tokens, i, determiners) if best else None
        if chosen is not None:
            found.append(chosen)
    if not found:
        return found
    found.sort(key=lambda m: (-len(m.idx), m.first))
    used: set[int] = set()
    kept: list[Match[Trigger]] = []
    for m in found:
        if used.isdisjoint(m.idx):
            used.update(m.idx)
            kept.append(m)
    return sorted((m for m in kept if not m.item.blocking), key=lambda m: m.first)


def _choose_pos(
    best: list[Match[Trigger]], tokens: Sequence[Token], i: int, determiners: frozenset[str]
) -> Match[Trigger] | None:
    """Between a noun and a verb reading of one word (« la visite » / « il visite »), look left:
    a determiner, or a determiner and one adjective (« la récente visite »), means a noun. A verb
    reading right after a determiner is a noun homograph (« l'armée », « le signe »): no trigger."""
    prev = tokens[i - 1].low if i > 0 else ""
    prev2 = tokens[i - 2].low if i > 1 else ""
    nominal = prev in determiners or prev in ("de", "d'") or (prev2 in determiners and tokens[i - 1].kind == "word")
    want = "noun" if nominal else "verb"
    if prev in _AUX and all(m.item.pos == "noun" for m in best) and len(best[0].idx) == 1:
        return None
    for m in best:
        if m.item.pos == want:
            return m
    if nominal and prev in determiners and len(best[0].idx) == 1:
        return None
    return best[0]
