"""Bytes to text without crashing on the encodings scraped files come in."""

from __future__ import annotations

from charset_normalizer import from_bytes

from veille.errors import SourceError

_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_15"})


def looks_binary(data: bytes) -> bool:
    """A NUL byte, or many control bytes, in the first 8 KB: not a text file."""
    head = data[:8192]
    if b"\x00" in head and not (head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff")):
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and control / len(head) > 0.1


def decode_bytes(data: bytes, allow_binary_check: bool = True) -> tuple[str, list[str]]:
    """Decode ``data``; returns the text and quality flags (``encoding_guessed``).

    UTF-8 first (the overwhelming case, and strict so that Latin-1 files are not mangled), then
    the best guess of charset-normalizer; a file that is neither is reported, not crashed on.
    """
    if allow_binary_check and looks_binary(data):
        raise SourceError("this looks like a binary file, not text: give .txt, .html or .jsonl files")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    matches = from_bytes(data)
    # Scraped French and English pages that are not UTF-8 are overwhelmingly Windows-1252/Latin-1;
    # on short texts the detector cannot tell them from Central European code pages, so prefer them.
    western = [m for m in matches if m.encoding in _WESTERN]
    best = western[0] if western else matches.best()
    if best is None:
        raise SourceError("cannot tell the text encoding: convert the file to UTF-8 (e.g. with iconv)")
    return str(best), ["encoding_guessed"]
