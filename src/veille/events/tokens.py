"""Tokens of one sentence, with cached simplemma lemmas.

The event stage works on words, not characters: triggers and cues are lemmas or lemma phrases, and
argument rules look at the word before a name (a preposition, a determiner). Elisions are split
(« l'envoi » → « l' » + « envoi ») because the article and the noun play different parts;
hyphenated words stay whole (« nord-coréens », « Jong-un »). Numbers keep their thousands
separators (« 3 000 ») so that a quantity is one token.

Speed: this is the stage's hot path (every word of every article), so the work per token stays in C.
``tokenize_text`` runs one ``split`` over the whole article, which keeps the skipped characters
between tokens so that offsets are running sums of lengths; each distinct surface
form is analysed once per process; tokens are named tuples built with ``tuple.__new__``.
:func:`split_by` then hands each sentence its range of the article's tokens.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import add, is_, itemgetter
from typing import NamedTuple

import simplemma

from veille.types import Span

# Elided forms stand for a full word; the full word is what the lexicons name.
_ELISIONS = {
    "l'": "le", "d'": "de", "s'": "se", "n'": "ne", "qu'": "que", "j'": "je", "m'": "me",
    "t'": "te", "c'": "ce", "jusqu'": "jusque", "lorsqu'": "lorsque", "puisqu'": "puisque",
    "quoiqu'": "quoique",
}
_ELIDED = frozenset({"c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"})


# Words first (the common case); elisions are split after the match, which is cheaper than a
# look-ahead alternative tried at every position. Only whitespace and « _ » are never part of a token:
# every other character is in some token, so the pieces ``split`` leaves between tokens are gaps.
_TOKEN_BODY = (
    r"[^\W\d_]+(?:[-'’][^\W\d_]+)*"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])(?:,\d+)?|\d+(?:[.,]\d+)*"
    r"|[^\w\s]"
)
_TOKEN = re.compile("(" + _TOKEN_BODY + ")")


class Token(NamedTuple):
    start: int
    end: int
    low: str  # lower-cased surface, typographic apostrophe normalised to '
    lemma: str
    kind: str  # "word", "num", "elision" or "punct"


# C-level getters of a field of every token: ``list(map(LOW, tokens))`` is much cheaper than a comprehension
START, LOW, LEMMA = itemgetter(0), itemgetter(2), itemgetter(3)


@lru_cache(maxsize=200_000)
def lemma_of(low: str, lang: str) -> str:
    """simplemma's lemma of a lower-cased word, cached: the same few thousand words recur in news."""
    try:
        return str(simplemma.lemmatize(low, lang=lang))
    except (ValueError, KeyError):  # an unsupported language code: the word is its own lemma
        return low


# lang → surface → (low, lemma, kind) of its (first) token: news repeats its words, so each
# surface form is analysed once per process. An elided word (« l'envoi ») is two tokens: the first
# entry is the elision's, ``_SPLIT`` holds (its length, low, lemma) of the word after it.
_SEEN: dict[str, dict[str, tuple[str, str, str]]] = {}
_SPLIT: dict[str, dict[str, tuple[int, str, str]]] = {}
_MAX_SEEN = 500_000


def _analyse(surface: str, lang: str) -> tuple[tuple[str, str, str], tuple[int, str, str] | None]:
    first = surface[0]
    if first.isdigit():
        return (surface, surface, "num"), None
    if not first.isalpha():
        low = surface.replace("’", "'")
        return (low, low, "punct"), None
    low = surface.lower().replace("’", "'")
    cut = low.find("'")
    if cut > 0 and low[:cut] in _ELIDED:
        head, rest = low[: cut + 1], low[cut + 1 :]
        return (head, _ELISIONS.get(head, head), "elision"), (cut + 1, rest, lemma_of(rest, lang))
    return (low, lemma_of(low, lang), "word"), None


_NEW = tuple.__new__


def tokenize_text(text: str, lang: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    # [gap0, token0, gap1, token1, …, tail]: ``split`` makes no tuple per token, unlike ``findall``
    parts = _TOKEN.split(text if start == 0 and end == len(text) else text[start:end])
    if len(parts) == 1:
        return []
    surfaces = parts[1::2]
    seen = _SEEN.setdefault(lang, {})
    split = _SPLIT.setdefault(lang, {})
    infos = list(map(seen.get, surfaces))
    if None in infos:
        # an article brings a few new forms (a number, a name): visit those only
        for k in compress(range(len(infos)), map(is_, infos, repeat(None))):
            info, rest = _analyse(surfaces[k], lang)
            infos[k] = info
            if len(seen) < _MAX_SEEN:
                seen[surfaces[k]] = info
                if rest is not None:
                    split[surfaces[k]] = rest
            elif rest is not None:  # the cache is full: split this one by hand below
                split = dict(split)
                split[surfaces[k]] = rest
    # offsets: start + len(gap0), + len(tok0), + len(gap1), …
    bounds = list(accumulate(map(len, parts), initial=start))
    tokens = list(map(_NEW, repeat(Token), map(add, zip(bounds[1:-1:2], bounds[2:-1:2], strict=True), infos)))
    if split.keys().isdisjoint(surfaces):
        return tokens
    out: list[Token] = []
    prev = 0
    for k in compress(range(len(surfaces)), map(split.__contains__, surfaces)):
        out += tokens[prev:k]
        cut, low, lemma = split[surfaces[k]]
        s, e, head, head_lemma, kind = tokens[k]
        out.append(_NEW(Token, (s, s + cut, head, head_lemma, kind)))
        out.append(_NEW(Token, (s + cut, e, low, lemma, "word")))
        prev = k + 1
    out += tokens[prev:]
    return out


def tokenize(text: str, start: int, end: int, lang: str) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    return tokenize_text(text, lang, start, end)


def split_by(text: str, tokens: list[Token], sentences: Sequence[Span], lang: str) -> list[tuple[int, int]]:
    """Each sentence's tokens as a range ``[lo, hi)`` of ``tokens``, the tokens of the whole text. A
    sentence whose edge falls inside a token (or between two digits, where a number's look-ahead
    differs) is tokenised alone and its tokens appended to ``tokens``, so that each range holds exactly
    ``tokenize`` of its sentence."""
    starts = list(map(START, tokens))
    n = len(text)
    out: list[tuple[int, int]] = []
    for s in sentences:
        lo, hi = bisect_left(starts, s.start), bisect_left(starts, s.end)
        if (lo > 0 and tokens[lo - 1].end > s.start) or (hi > lo and tokens[hi - 1].end > s.end) or (
                s.end < n and text[s.end].isdigit()):
            lo = len(tokens)
            tokens += tokenize_text(text, lang, s.start, s.end)
            hi = len(tokens)
        out.append((lo, hi))
    return out
