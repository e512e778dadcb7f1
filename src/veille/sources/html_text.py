"""Small text helpers shared by the HTML reader's modules."""

from __future__ import annotations

import re
import unicodedata

from lxml import etree

_SPACES = re.compile(r"[^\S\n]+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "«": '"', "»": '"', "“": '"', "”": '"'})


def clean_space(text: str | None) -> str:
    """NFC, every run of spaces (nbsp included) to one space, trimmed."""
    if not text:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text).replace("\u00ad", "")).strip()


def fold_text(text: str | None) -> str:
    """A comparison key: NFKC, typographic quotes folded, spaces collapsed, case folded."""
    folded = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    folded = re.sub(r"\s+", " ", folded).strip().casefold()
    return folded.strip(' "')


def css_classes(el: etree._Element) -> list[str]:
    value = el.get("class") or ""
    return value.lower().split()


def text_of(el: etree._Element) -> str:
    return clean_space(" ".join(el.itertext()))
