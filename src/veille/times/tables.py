"""Load the word tables of ``times/data`` once per language.

Every word the temporal grammar knows lives in a reviewable TSV file (``lang<TAB>word<TAB>value``, or
``lang<TAB>class<TAB>word`` for ``words.tsv``); nothing language-specific is hard-coded in the matcher,
so adding a language or a synonym is a data change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

LANGS: tuple[str, ...] = ("fr", "en")


def _rows(name: str) -> list[list[str]]:
    raw = resources.files("veille.times").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in raw.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(slots=True)
class Lexicon:
    """The tables of one language, as plain dicts and sets (lower-case keys)."""

    lang: str
    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    approx_numbers: dict[str, int] = field(default_factory=dict)
    ordinals: dict[str, int] = field(default_factory=dict)
    units: dict[str, tuple[str, int]] = field(default_factory=dict)
    relative_days: dict[str, int] = field(default_factory=dict)
    parts_of_day: dict[str, str] = field(default_factory=dict)
    seasons: dict[str, str] = field(default_factory=dict)
    vague: dict[str, str] = field(default_factory=dict)
    sets: dict[str, str] = field(default_factory=dict)
    words: dict[str, set[str]] = field(default_factory=dict)
    month_abbreviations: set[str] = field(default_factory=set)
    # (phrase, TimeML mod, scope "point" or "duration", whether the phrase is inside the extent)
    mods: list[tuple[str, str, str, bool]] = field(default_factory=list)

    def cls(self, name: str) -> set[str]:
        """A closed word class of ``words.tsv`` (empty when the language has none)."""
        return self.words.get(name, set())


def norm_apostrophe(s: str) -> str:
    return s.replace("’", "'")


@cache
def lexicon(lang: str) -> Lexicon:
    if lang not in LANGS:
        raise ValueError(f"times: unsupported language {lang!r}; supported: {', '.join(LANGS)}")
    lex = Lexicon(lang)
    simple: list[tuple[str, dict[str, int]]] = [
        ("months.tsv", lex.months),
        ("weekdays.tsv", lex.weekdays),
        ("numbers.tsv", lex.numbers),
        ("approx_numbers.tsv", lex.approx_numbers),
        ("ordinals.tsv", lex.ordinals),
        ("relative_days.tsv", lex.relative_days),
    ]
    for name, table in simple:
        for row in _rows(name):
            if row[0] == lang:
                table[row[1]] = int(row[2])
    for row in _rows("units.tsv"):
        if row[0] == lang:
            lex.units[row[1]] = (row[2], int(row[3]))
    textual: list[tuple[str, dict[str, str]]] = [
        ("parts_of_day.tsv", lex.parts_of_day),
        ("seasons.tsv", lex.seasons),
        ("vague.tsv", lex.vague),
        ("sets.tsv", lex.sets),
    ]
    for name, stable in textual:
        for row in _rows(name):
            if row[0] == lang:
                stable[row[1]] = row[2]
    for row in _rows("words.tsv"):
        if row[0] == lang:
            lex.words.setdefault(row[1], set()).add(row[2])
    # Capital É is often written E (« Eté », « Epoque »): accept the unaccented form of initial é.
    tables: list[dict[str, Any]] = [lex.months, lex.units, lex.seasons, lex.parts_of_day, lex.vague, lex.sets]
    for t in tables:
        for key in [k for k in t if k.startswith("é")]:
            t.setdefault("e" + key[1:], t[key])
    names = set(lex.months)
    lex.month_abbreviations = {w for w in names if any(o != w and o.startswith(w) for o in names)}
    for row in _rows("mods.tsv"):
        if row[0] == lang:
            lex.mods.append((row[1], row[2], row[3], row[4] == "yes"))
    return lex


_FR_TENS = {"vingt", "vingts"}
_GROUPED = re.compile(r"\d{1,3}(?:[\s.\u202f\xa0]\d{3})+")
_NON_DIGITS = re.compile(r"\D")
_NUMBER_WORD_SEP = re.compile(r"[\s-]+")


def parse_number(words: str, lex: Lexicon) -> float | None:
    """The value of a number written in digits or in words (« dix-huit », « quatre-vingt-dix », « 30,4 »)."""
    w = words.strip()
    if w and w[0].isdigit():
        if _GROUPED.fullmatch(w):
            return float(_NON_DIGITS.sub("", w))  # « 2 000 », « 1.500 »: thousands separators
        try:
            return float(w.replace(",", "."))
        except ValueError:
            return None
    total = 0
    current = 0
    seen = False
    for tok in _NUMBER_WORD_SEP.split(w):
        if tok in ("et", "and", ""):
            continue
        v = lex.numbers.get(tok)
        if v is None:
            return None
        seen = True
        if v == 100:
            current = max(current, 1) * 100
        elif v == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif tok in _FR_TENS and current in (4,):
            # « quatre-vingt(s) » is 4 × 20, the one multiplicative tens word of French.
            current = 80
        else:
            current += v
    return float(total + current) if seen else None
