"""Text normalisation shared by every stage that compares strings."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Horizontal white space other than the plain space; each run of it and of spaces becomes one space.
_ODD_SPACES = "\t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000"
_SPACE_RUN = re.compile(" {2,}")
_RUNS = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_ODD = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u00a0\u2000-\u200b\u202f\u205f\u3000]")  # both of the above
_QUOTES = {ord(k): v for k, v in {"’": "'", "‘": "'", "ʼ": "'", "«": '"', "»": '"', "“": '"', "”": '"'}.items()}


def normalise_text(raw: str) -> str:
    """NFC, one kind of line break, no control characters, horizontal white space folded.

    The cleaned text keeps the author's characters (typographic apostrophes and quotes stay):
    offsets point into this text, and analysts quote from it.
    """
    return "\n".join(normalise_lines(raw))


def normalise_lines(raw: str) -> list[str]:
    """The lines of ``normalise_text(raw)``, for a caller that would split it again."""
    if "\r" in raw:
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\ufeff", "").replace("\u2028", "\n").replace("\u2029", "\n")
    # One scan for what is rare (a substitution over every space of the text would cost more than the
    # rest of normalisation): control characters go, odd spaces become spaces, then runs of spaces one.
    # Each of them is a control, format or separator character, which str.isprintable (a table look-up
    # per character, faster than a character class) rejects with the line breaks: a text printable but
    # for its line breaks has none.
    if not text.replace("\n", " ").isprintable() and _ODD.search(text):
        text = _CONTROL.sub("", text)
        for space in _ODD_SPACES:
            if space in text:
                text = text.replace(space, " ")
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    return [line.strip() for line in text.split("\n")]


def _latin_table() -> dict[int, str]:
    """Accented Latin letters to their base letters, computed once (the per-character NFKD path is slow)."""
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        decomposed = unicodedata.normalize("NFKD", chr(code))
        base = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        if base != chr(code) and base.isascii():
            table[code] = base
    return table


_FOLD_MAP = {chr(code): value for code, value in {**_latin_table(), **_QUOTES}.items()}
# str.translate takes its slow path (a mapping look-up per character) on any non-ASCII text, which is
# most French text; the characters to map are few, so a C scan for them and a look-up per hit is
# several times cheaper, with the same result.
_TO_FOLD = re.compile("[" + "".join(re.escape(ch) for ch in _FOLD_MAP) + "]")
_FOLD_CHAR = _FOLD_MAP.__getitem__


def fold(text: str) -> str:
    """A comparison key: lower case, accents removed, quotes unified, white space collapsed."""
    folded = (_TO_FOLD.sub(lambda m: _FOLD_CHAR(m.group()), text) if not text.isascii() else text).lower()
    if not folded.isascii():  # other scripts and compatibility characters: the general (slower) path
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    if folded.isprintable() and "  " not in folded:  # no white space but single spaces: nothing to collapse
        return folded.strip()
    return _RUNS.sub(" ", folded).strip()


@lru_cache(maxsize=8)
def _words_of_length(min_len: int, ascii_only: bool) -> re.Pattern[str]:
    # The maximal runs of word characters that are long enough; in an ASCII text, re.ASCII finds the
    # same runs faster.
    return re.compile(rf"\w{{{max(min_len, 1)},}}", re.ASCII if ascii_only else 0)


def content_words(text: str, min_len: int = 4) -> list[str]:
    """Folded words long enough to carry meaning (a cheap, language-neutral filter)."""
    folded = fold(text)
    return [w for w in _words_of_length(min_len, folded.isascii()).findall(folded) if not w.isdigit()]
