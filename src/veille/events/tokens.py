"""Tokens of one sentence, with cached simplemma lemmas.

The event stage works on words, not characters: triggers and cues are lemmas or lemma phrases, and
argument rules look at the word before a name (a preposition, a determiner). Elisions are split
(« l'envoi » → « l' » + « envoi ») because the article and the noun play different parts;
hyphenated words stay whole (« nord-coréens », « Jong-un »). Numbers keep their thousands
separators (« 3 000 ») so that a quantity is one token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import simplemma

# Words first (the common case); elisions are split after the match, which is cheaper than a
# look-ahead alternative tried at every position.
_TOKEN = re.compile(
    r"[^\W\d_]+(?:[-'’][^\W\d_]+)*"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])(?:,\d+)?|\d+(?:[.,]\d+)*"
    r"|[^\w\s]",
    re.UNICODE,
)
_ELIDED = frozenset({"c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"})


@dataclass(slots=True)
class Token:
    start: int
    end: int
    low: str  # lower-cased surface, typographic apostrophe normalised to '
    lemma: str
    kind: str  # "word", "num", "elision" or "punct"


@lru_cache(maxsize=200_000)
def lemma_of(low: str, lang: str) -> str:
    """simplemma's lemma of a lower-cased word, cached: the same few thousand words recur in news."""
    try:
        return str(simplemma.lemmatize(low, lang=lang))
    except (ValueError, KeyError):  # an unsupported language code: the word is its own lemma
        return low


# lang → surface → ((offset, length, low, lemma, kind), …): news repeats its words, so each
# surface form is analysed once per process.
_SEEN: dict[str, dict[str, tuple[tuple[int, int, str, str, str], ...]]] = {}


def _analyse(surface: str, lang: str) -> tuple[tuple[int, int, str, str, str], ...]:
    first = surface[0]
    if first.isdigit():
        return ((0, len(surface), surface, surface, "num"),)
    if not first.isalpha():
        low = surface.replace("’", "'")
        return ((0, len(surface), low, low, "punct"),)
    low = surface.lower().replace("’", "'")
    cut = low.find("'")
    if cut > 0 and low[:cut] in _ELIDED:
        head = low[: cut + 1]
        rest = low[cut + 1 :]
        return ((0, cut + 1, head, _ELISIONS.get(head, head), "elision"),
                (cut + 1, len(rest), rest, lemma_of(rest, lang), "word"))
    return ((0, len(surface), low, lemma_of(low, lang), "word"),)


def tokenize(text: str, start: int, end: int, lang: str) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    seen = _SEEN.setdefault(lang, {})
    tokens: list[Token] = []
    append = tokens.append
    for m in _TOKEN.finditer(text, start, end):
        surface = m.group()
        pieces = seen.get(surface)
        if pieces is None:
            pieces = _analyse(surface, lang)
            if len(seen) < 500_000:
                seen[surface] = pieces
        s = m.start()
        for off, length, low, lemma, kind in pieces:
            append(Token(s + off, s + off + length, low, lemma, kind))
    return tokens


# Elided forms stand for a full word; the full word is what the lexicons name.
_ELISIONS = {
    "l'": "le", "d'": "de", "s'": "se", "n'": "ne", "qu'": "que", "j'": "je", "m'": "me",
    "t'": "te", "c'": "ce", "jusqu'": "jusque", "lorsqu'": "lorsque", "puisqu'": "puisque",
    "quoiqu'": "quoique",
}
