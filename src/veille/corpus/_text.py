"""Text folding and tokens shared by the corpus stages.

The corpus stages compare articles with each other, so they need a representation that ignores the
differences two copies of one text typically show (case, accents, typographic punctuation) but keeps
the words. Nothing here changes ``Article.text``: these are comparison keys only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

_WORD = re.compile(r"\w+")
# Ligatures that NFKD leaves alone but that writers and sites alternate with their spelled-out forms.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})

# Function words of French and English: frequent everywhere, so they carry no topic. Kept short on
# purpose (a long list would also remove content words such as "guerre" or "accord").
STOPWORDS: frozenset[str] = frozenset(
    str.split(
        """
    a ai aie aient ainsi alors apres au aucun aupres aussi autre autres aux avait avaient avant avec avoir
    bien car ce ceci cela celle celles celui cependant ces cet cette ceux chaque chez comme comment dans de
    debut depuis des deja deux devant doit donc dont du elle elles en encore entre est et etaient etait ete
    etre eu fait faire fin font hors il ils jusqu la le les leur leurs lors lui mais meme mes moins mon ne
    ni non nos notre nous on ont ou par parce pas pendant peu peut plus plusieurs pour pourrait pourquoi
    qu quand que quel quelle quelles quels qui sa sans se selon ses seul si sien son sont sous sur ta tant
    te tel telle tes toi ton tous tout toute toutes tres tu un une vers via vos votre vous ceux afin
    notamment egalement aujourd hui dont ainsi lequel laquelle lesquels cela celle
    about after again against all also an and any are as at be been before being between both but by can
    could did do does during each for from had has have he her here his how if in into is it its itself
    more most new no nor not of on once only or other our out over own same she should so some such than
    that the their them then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your said says since still just now yet
    ago however although though because among around across within without upon first last
    """
    )
)


def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class _FoldTable(dict[int, str]):
    """Code point -> its folded form, filled on first use (``str.translate`` reads it)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower-case, accents removed, ligatures spelled out: the comparison form of ``text``.

    Character by character: decomposition, dropping combining marks and case folding each act on
    one character at a time (reordering only moves the combining marks that are dropped).
    """
    return text.translate(_FOLD)


def words(text: str) -> list[str]:
    """The folded words of ``text``, punctuation dropped (apostrophes and hyphens split words)."""
    return _WORD.findall(fold(text).replace("_", " "))


def stem(word: str) -> str:
    """A light, language-neutral plural strip so that « traités » and « traité » count as one term."""
    if len(word) > 4 and word[-1] in "sx":
        return word[:-1]
    return word


def is_content(word: str) -> bool:
    return len(word) > 2 and not word.isdigit() and word not in STOPWORDS


def content_terms(text: str) -> list[str]:
    """Stemmed folded content words, in text order."""
    return [stem(w) for w in words(text) if is_content(w)]


def surface_terms(text: str) -> Iterator[tuple[str, str]]:
    """(term, surface) pairs: the comparison term and the lower-cased word as written, for labels."""
    for match in _WORD.finditer(text):
        surface, terms = _surface(match.group(0))
        for term in terms:
            yield term, surface


@lru_cache(maxsize=1 << 16)
def _surface(word: str) -> tuple[str, tuple[str, ...]]:
    # A corpus repeats its words: each is lower-cased, folded and stemmed once.
    surface = word.lower()
    return surface, tuple(stem(w) for w in words(surface) if is_content(w))
