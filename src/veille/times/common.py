"""Regex fragments, trigger words and opening words shared by the language grammars."""

from __future__ import annotations

from collections.abc import Iterable

from veille.times.grammar import alt
from veille.times.tables import Lexicon


def _month_pattern(months: Iterable[str], abbrev: set[str]) -> str:
    """Full month names, and abbreviations that may take a full stop (« janv. », « Oct. »)."""
    full = set(months) - abbrev
    return "(?:" + alt(full) + "|" + alt(abbrev) + r"\.?)"


def base_fragments(lex: Lexicon) -> tuple[dict[str, str], dict[str, Iterable[str]]]:
    c = lex.cls
    pod_adj = c("pod_adj")
    pods = [w for w in lex.parts_of_day if w not in pod_adj]
    numw = alt(lex.numbers, boundary=False)
    f = {
        "MONTH": _month_pattern(lex.months, lex.month_abbreviations),
        "WDAY": alt(lex.weekdays),
        "WDAYB": alt(lex.weekdays, boundary=False),
        "Y4": r"(?:1\d{3}|20\d{2})(?!\d)",
        # A two-digit year after a month (« octobre 98 »), not a count (« octobre 12 personnes »).
        "Y2": r"['’]?\d{2}(?!\d)(?![.,:]\d)(?!\s*[^\W\d_])",
        "NUMW": numw + r"(?:(?:-|\s+)(?:et(?:-|\s+))?" + numw + r")*(?![\w-])",
        "UNIT": alt(lex.units),
        "POD": alt(pods),
        "PODB": alt(pods, boundary=False),
        "PODADJ": alt(pod_adj),
        "PASTNEXT": alt(c("past_adj") | c("next_adj")),
        "REL": alt(c("past_adj") | c("next_adj") | c("anaph_prev") | c("anaph_next")),
        "RELDAY": alt(lex.relative_days),
        "RELUNIT": alt(c("rel_unit")),
        "SEASON": alt(lex.seasons),
        "VAGUE": alt(lex.vague),
        "SETW": alt(lex.sets),
        "ORD": alt(lex.ordinals),
        "QUANT": alt(c("quant_vague")),
    }
    # Digits with thousands separators (« 2 000 ans ») before plain ones, then numbers in words.
    f["NUM"] = r"(?:\d{1,3}(?:[\s.\u202f\xa0]\d{3})+(?!\d)|\d+(?:[.,]\d+)?|" + f["NUMW"] + ")"
    classes: dict[str, Iterable[str]] = {
        "WDAY": lex.weekdays,
        "MONTH": lex.months,
        "RELDAY": lex.relative_days,
        "NUMW": lex.numbers,
        "QUANT": c("quant_vague"),
        "PASTNEXT": c("past_adj") | c("next_adj"),
        "ORD": lex.ordinals,
        "UNIT": lex.units,
        "SETW": lex.sets,
        "PODADJ": pod_adj,
        "VAGUE": lex.vague,
        "SEASON": lex.seasons,
    }
    return f, classes


def base_triggers(lex: Lexicon) -> list[str]:
    """The content words every expression contains at least one of (digits are added by the grammar)."""
    words: list[str] = []
    words += lex.months
    words += lex.weekdays
    words += [w + "s" for w in lex.weekdays]
    words += lex.units
    words += lex.relative_days
    words += lex.parts_of_day
    words += lex.seasons
    words += lex.sets
    # The last word of a document-relative phrase (« à présent » → « présent »).
    words += [p.split()[-1].split("'")[-1] for p in lex.vague]
    return words


def left_words(lex: Lexicon) -> list[str]:
    """Words that may stand before the trigger word inside an expression."""
    c = lex.cls
    words: list[str] = []
    for cls in ("left", "det", "dem", "quant_vague", "past_adj", "next_adj", "anaph_prev", "anaph_next"):
        words += c(cls)
    words += lex.numbers
    words += lex.approx_numbers
    words += lex.ordinals
    words += lex.weekdays
    words += lex.relative_days
    words += [p for p, _, _, _ in lex.mods]
    words += lex.vague
    return words
