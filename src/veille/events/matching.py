"""Find lexicon phrases (triggers, cues) in the tokens of one sentence.

A phrase is a head part looked up in a dict (surface form, lemma, or ``=surface``) and further parts
matched in order with at most ``MAX_GAP`` words between them; gaps never cross a comma or a
sentence-internal boundary, so « exprimer … inquiétude » cannot join two clauses.

Speed: triggers and cues are found in one pass (:func:`find_matches`). Each surface form's candidate
phrases of both lexicons are looked up once per process; a phrase of several parts is only walked
when every later part occurs somewhere in the sentence, which rules most of them out with a set test.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, repeat
from operator import is_, itemgetter
from typing import Generic, NamedTuple, TypeVar, cast

from veille.events.lexicon import MAX_GAP, Cue, Part, Trigger
from veille.events.tokens import LEMMA, LOW, Token

T = TypeVar("T", Trigger, Cue)

# Punctuation a gap may not cross; quotes and apostrophes may be skipped (« exponentielle »).
_HARD = frozenset(".,;:!?()[]—–")
# After an auxiliary, a noun-only reading is a participle homograph (« s'est tournée vers »).
_AUX = frozenset({"est", "sont", "a", "ont", "été", "était", "avait", "is", "are", "was", "were", "has", "have",
                  "had", "been"})


class Match(NamedTuple, Generic[T]):
    """A phrase found in a sentence: ``idx`` is the token index of each part. A tuple, so that making
    one (tens per article) costs no Python call; two matches are equal when item and idx are."""

    item: T
    idx: tuple[int, ...]
    first: int
    last: int


_NEW = tuple.__new__  # a named tuple without its Python-level ``__new__``


def _part_ok(tok: Token, part: Part) -> bool:
    alts, exact, _ = part
    return tok.low in exact or tok.low in alts or tok.lemma in alts


# (phrase, the words each later part may be: its alternatives and surface forms, whether it has later
# parts, the words its second part may be when that part follows directly); a phrase none of whose
# later parts is missing from the sentence's words and lemmas is worth walking. A phrase whose later
# parts all follow directly (« d'après », « ne pas ») has no such words: looking at the next tokens
# costs less than building the sentence's word set to test them, and the next token alone rules out
# most (« de » heads « d'après » and « de source »).
Cand = tuple[T, tuple[frozenset[str], ...], bool, frozenset[str] | None]


def _rest(tokens: Sequence[Token], i: int, parts: tuple[Part, ...]) -> tuple[int, ...] | None:
    idx = [i]
    j = i
    n = len(tokens)
    for alts, exact, adjacent in parts[1:]:
        found = None
        k = j + 1
        stop = k + (1 if adjacent else 1 + MAX_GAP)
        while k < stop and k < n:
            _, _, low, lemma, kind = tokens[k]
            if low in exact or low in alts or lemma in alts:
                found = k
                break
            if kind == "punct":
                if low in _HARD:
                    break
                stop += 1  # quotes do not count: « une augmentation « exponentielle » du nombre d'armes »
            k += 1
        if found is None:
            return None
        idx.append(found)
        j = found
    return tuple(idx)


def _candidates(tok: Token, index: dict[str, list[T]]) -> list[Cand[T]]:
    out: list[T] = []
    for k in (tok.low, tok.lemma, "=" + tok.low):
        for item in index.get(k, ()):
            if item not in out and _part_ok(tok, item.parts[0]):
                out.append(item)
    out.sort(key=lambda it: -len(it.parts))
    return [(it, () if all(adj for _, _, adj in it.parts[1:]) else tuple(alts | exact for alts, exact, _ in it.parts[1:]),
             len(it.parts) > 1, it.parts[1][0] | it.parts[1][1] if len(it.parts) > 1 and it.parts[1][2] else None)
            for it in out]


# (id(trigger index), id(cue index)) → (the indexes, kept alive so their ids stay theirs; surface →
# (trigger candidates, cue candidates), or () when the word heads neither)
_CACHE: dict[tuple[int, int], tuple[object, object, dict[str, tuple]]] = {}
_EMPTY: dict[str, list] = {}
WANTED = itemgetter(2)  # of a candidates entry: it may begin a trigger or a denial


def _cache(triggers: dict[str, list[Trigger]], cues: dict[str, list[Cue]]) -> dict[str, tuple]:
    key = (id(triggers), id(cues))
    hit = _CACHE.get(key)
    if hit is None:
        hit = _CACHE[key] = (triggers, cues, {})
    return hit[2]


def candidates(tokens: Sequence[Token], lows: list[str], triggers: dict[str, list[Trigger]],
               cues: dict[str, list[Cue]]) -> list[tuple]:
    """(trigger candidates, cue candidates, whether it may begin a trigger or a denial) of each token
    (``()`` for most: they head nothing), by one dict look-up done in C per word. Fills the cache for
    words not seen before. A sentence none of whose words may begin a trigger or a denial has no
    event (:data:`WANTED` reads the flag)."""
    cache = _cache(triggers, cues)
    found: list[tuple | None] = list(map(cache.get, lows))
    if None in found:
        for i in compress(range(len(found)), map(is_, found, repeat(None))):  # the words new to the cache
            tok = tokens[i]
            c = cache.get(tok.low)
            if c is None:
                tc, cc = _candidates(tok, triggers), _candidates(tok, cues)
                c = (tc, cc, bool(tc) or any(cue.cls == "denied" for cue, *_ in cc)) if tc or cc else ()
                if len(cache) < 200_000:
                    cache[tok.low] = c
            found[i] = c
    return cast(list[tuple], found)  # no None left


def find_matches(tokens: Sequence[Token], triggers: dict[str, list[Trigger]], cues: dict[str, list[Cue]],
                 determiners: frozenset[str], lows: list[str] | None = None, words: set[str] | None = None,
                 cands: list[tuple] | None = None) -> tuple[list[Match[Trigger]], list[Match[Cue]]]:
    """Triggers (as :func:`find_triggers`) and cues (as :func:`find_cues`) of one sentence; ``lows``
    are the tokens' ``low`` forms, ``words`` a superset of their forms and lemmas (those of the
    whole article) and ``cands`` their :func:`candidates`, when the caller has them. A phrase is
    walked only when each of its later parts is among the article's words, then among the sentence's."""
    if lows is None:
        lows = list(map(LOW, tokens))
    if cands is None:
        cands = candidates(tokens, lows, triggers, cues)
    if not any(cands):
        return [], []
    found: list[Match[Trigger]] = []
    out_cues: list[Match[Cue]] = []
    local: set[str] | None = None  # the sentence's own forms and lemmas, once a phrase passed ``words``
    n = len(tokens)
    for i, (tc, cc, _) in zip(compress(range(len(cands)), cands), filter(None, cands), strict=True):
        kind = tokens[i].kind
        if cc and kind != "punct":
            for cue, need, multi, nxt in cc:
                if need:
                    if words is not None and any(map(words.isdisjoint, need)):
                        continue
                    if local is None:
                        local = _words(tokens, lows)
                    if any(map(local.isdisjoint, need)):
                        continue
                if multi:
                    if nxt is not None and (i + 1 == n or (tokens[i + 1].low not in nxt and tokens[i + 1].lemma not in nxt
                                                            and tokens[i + 1].kind != "punct")):
                        continue  # what follows cannot be the second part (a quote may stand between)
                    idx = _rest(tokens, i, cue.parts)
                    if idx is None:
                        continue
                else:
                    idx = (i,)
                out_cues.append(_NEW(Match, (cue, idx, idx[0], idx[-1])))
                break
        if tc and kind == "word":
            best: list[Match[Trigger]] = []
            for trig, need, multi, nxt in tc:
                if best and len(trig.parts) < len(best[0].item.parts):
                    break
                if need:
                    if words is not None and any(map(words.isdisjoint, need)):
                        continue
                    if local is None:
                        local = _words(tokens, lows)
                    if any(map(local.isdisjoint, need)):
                        continue
                if multi:
                    if nxt is not None and (i + 1 == n or (tokens[i + 1].low not in nxt and tokens[i + 1].lemma not in nxt
                                                            and tokens[i + 1].kind != "punct")):
                        continue  # what follows cannot be the second part (a quote may stand between)
                    idx = _rest(tokens, i, trig.parts)
                    if idx is None:
                        continue
                else:
                    idx = (i,)
                best.append(_NEW(Match, (trig, idx, idx[0], idx[-1])))
            if best:
                chosen = _choose_pos(best, tokens, i, determiners)
                if chosen is not None:
                    found.append(chosen)
    return _resolve(found), out_cues


def _words(tokens: Sequence[Token], lows: list[str]) -> set[str]:
    words = set(lows)
    words.update(map(LEMMA, tokens))
    return words


def _resolve(found: list[Match[Trigger]]) -> list[Match[Trigger]]:
    """Non-overlapping: longer phrases win; blocking phrases are dropped last. ``found`` is in text
    order, one match per head word: one-word matches alone cannot overlap."""
    if len(found) < 2 or all(m.first == m.last for m in found):
        return [m for m in found if not m.item.blocking]
    found.sort(key=lambda m: (-len(m.idx), m.first))
    used: set[int] = set()
    kept: list[Match[Trigger]] = []
    for m in found:
        if used.isdisjoint(m.idx):
            used.update(m.idx)
            kept.append(m)
    return sorted((m for m in kept if not m.item.blocking), key=lambda m: m.first)


def find_cues(tokens: Sequence[Token], index: dict[str, list[Cue]]) -> list[Match[Cue]]:
    """Every cue occurrence (the longest phrase per head word); cues may overlap."""
    return find_matches(tokens, _EMPTY, index, frozenset())[1]


def find_triggers(
    tokens: Sequence[Token], index: dict[str, list[Trigger]], determiners: frozenset[str]
) -> list[Match[Trigger]]:
    """Non-overlapping trigger occurrences; longer phrases win, blocking phrases are dropped last."""
    return find_matches(tokens, index, _EMPTY, determiners)[0]


def _choose_pos(
    best: list[Match[Trigger]], tokens: Sequence[Token], i: int, determiners: frozenset[str]
) -> Match[Trigger] | None:
    """Between a noun and a verb reading of one word (« la visite » / « il visite »), look left:
    a determiner or an English possessive ("Putin's"), or one of them and one adjective (« la récente
    visite », "Putin's first visit"), means a noun. A verb reading right after a determiner is a noun
    homograph (« l'armée », « le signe »): no trigger."""
    prev = tokens[i - 1].low if i > 0 else ""
    prev2 = tokens[i - 2].low if i > 1 else ""
    nominal = (prev in determiners or prev in ("de", "d'") or prev.endswith("'s")
               or ((prev2 in determiners or prev2.endswith("'s")) and tokens[i - 1].kind == "word"))
    want = "noun" if nominal else "verb"
    if prev in _AUX and all(m.item.pos == "noun" for m in best) and len(best[0].idx) == 1:
        return None
    for m in best:
        if m.item.pos == want:
            return m
    if nominal and prev in determiners and len(best[0].idx) == 1:
        return None
    return best[0]
