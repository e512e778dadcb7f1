"""Text normalisation shared by every stage that compares strings."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_RUNS = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_QUOTES = {ord(k): v for k, v in {"’": "'", "‘": "'", "ʼ": "'", "«": '"', "»": '"', "“": '"', "”": '"'}.items()}


def normalise_text(raw: str) -> str:
    """NFC, one kind of line break, no control characters, horizontal white space folded.

    The cleaned text keeps the author's characters (typographic apostrophes and quotes stay):
    offsets point into this text, and analysts quote from it.
    """
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\ufeff", "").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _CONTROL.sub("", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def _latin_table() -> dict[int, str]:
    """Accented Latin letters to their base letters, computed once (the per-character NFKD path is slow)."""
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        decomposed = unicodedata.normalize("NFKD", chr(code))
        base = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        if base != chr(code) and base.isascii():
            table[code] = base
    return table


_FOLD = str.maketrans({**_latin_table(), **_QUOTES})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """A comparison key: lower case, accents removed, quotes unified, white space collapsed."""
    folded = text.translate(_FOLD).lower()
    if not folded.isascii():  # other scripts and compatibility characters: the general (slower) path
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _RUNS.sub(" ", folded).strip()


_WORD = re.compile(r"\w+", re.UNICODE)


def content_words(text: str, min_len: int = 4) -> list[str]:
    """Folded words long enough to carry meaning (a cheap, language-neutral filter)."""
    return [w for w in _WORD.findall(fold(text)) if len(w) >= min_len and not w.isdigit()]
