"""Calendar arithmetic and TIMEX3 value formatting.

Kept apart from the grammar so that the rules only say *what* an expression means (« lundi dernier »:
the Monday strictly before the anchor) and this module says how to compute it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

_ISO = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")


@lru_cache(maxsize=4096)  # a corpus has a few publication dates, each seen by many articles
def parse_anchor(published: str | None) -> date | None:
    """The calendar date of an ISO 8601 date or datetime (time and zone are ignored), or None."""
    if not published:
        return None
    m = _ISO.match(published)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def day_value(d: date) -> str:
    return d.isoformat()


def valid_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def week_value(d: date, delta_weeks: int = 0) -> str:
    y, w, _ = (d + timedelta(weeks=delta_weeks)).isocalendar()
    return f"{y:04d}-W{w:02d}"


def weekday_near(anchor: date, weekday: int, direction: str) -> date:
    """The date of ISO ``weekday`` near ``anchor``.

    ``last``/``next`` exclude the anchor day (« lundi dernier » said on a Monday is a week ago);
    ``past``/``future`` include it (a bare « lundi » in a Monday paper is that day).
    """
    diff = weekday - anchor.isoweekday()
    if direction == "last":
        return anchor - timedelta(days=(-diff) % 7 or 7)
    if direction == "next":
        return anchor + timedelta(days=diff % 7 or 7)
    if direction == "future":
        return anchor + timedelta(days=diff % 7)
    return anchor - timedelta(days=(-diff) % 7)


def year_for_month(anchor: date, month: int, direction: str | None) -> int:
    """The year of a month named without one: the closest, or the closest in the given direction."""
    if direction in ("past", "last"):
        if month > anchor.month or (direction == "last" and month == anchor.month):
            return anchor.year - 1
        return anchor.year
    if direction in ("future", "next"):
        if month < anchor.month or (direction == "next" and month == anchor.month):
            return anchor.year + 1
        return anchor.year
    # No cue: the closest such month (June seen from October is the last one, from March the next one).
    diff = month - anchor.month
    if diff > 6:
        return anchor.year - 1
    if diff < -6:
        return anchor.year + 1
    return anchor.year


@lru_cache(maxsize=8192)  # pure, and called for most dates: the same few days recur
def year_for_day(anchor: date, month: int, day: int, direction: str | None, weekday: int | None) -> int:
    """The year of a day and month named without one.

    A weekday given with it (« mercredi 3 avril ») picks the year where it matches; otherwise the
    direction (tense, « dernier », « prochain ») or the nearest date to the anchor decides.
    """
    candidates = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        d = valid_day(y, month, day)
        if d is not None:
            candidates.append(d)
    if not candidates:
        return anchor.year
    if weekday is not None:
        fitting = [d for d in candidates if d.isoweekday() == weekday]
        if fitting:
            return min(fitting, key=lambda d: abs((d - anchor).days)).year
    if direction in ("past", "last"):
        past = [d for d in candidates if d <= anchor if direction == "past" or d < anchor]
        if past:
            return max(past).year
    elif direction in ("future", "next"):
        future = [d for d in candidates if d >= anchor if direction == "future" or d > anchor]
        if future:
            return min(future).year
    return min(candidates, key=lambda d: abs((d - anchor).days)).year


def two_digit_year(yy: int, anchor: date | None) -> int:
    """« octobre 98 », « le 10 novembre 93 »: the century that puts the year at most ten years ahead."""
    ref = anchor.year if anchor else 2000
    year = ref // 100 * 100 + yy
    if year > ref + 10:
        year -= 100
    return year


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def roman(s: str) -> int | None:
    total = 0
    prev = 0
    for ch in reversed(s):
        v = _ROMAN.get(ch)
        if v is None:
            return None
        if v < prev:
            total -= v
        else:
            total += v
            prev = v
    return total or None


def season_year(anchor: date) -> tuple[int, str]:
    """The year and TIMEX3 season code the anchor falls in (meteorological seasons)."""
    m = anchor.month
    if m in (3, 4, 5):
        return anchor.year, "SP"
    if m in (6, 7, 8):
        return anchor.year, "SU"
    if m in (9, 10, 11):
        return anchor.year, "FA"
    return (anchor.year if m == 12 else anchor.year - 1), "WI"


# Winter is labelled with the year its December falls in, so it closes the cycle of a year.
_SEASON_ORDER = ("SP", "SU", "FA", "WI")


def season_shift(anchor: date, season: str, direction: str | None) -> int:
    """The year of the named season: this year's, the last one (« l'été dernier ») or the next one."""
    cur_year, cur = season_year(anchor)
    ci, si = _SEASON_ORDER.index(cur), _SEASON_ORDER.index(season)
    if direction in ("last", "past"):
        return cur_year if si < ci else cur_year - 1
    if direction in ("next", "future"):
        return cur_year if si > ci else cur_year + 1
    return cur_year


def fmt_number(v: float) -> str:
    return str(int(v)) if v == int(v) else f"{v:g}"


def period(n: float | None, unit: str, mult: int = 1) -> str:
    """A TIMEX3 duration: ``period(2, 'Y')`` → ``P2Y``; unknown amount (« quelques jours ») → ``PXD``."""
    amount = "X" if n is None else fmt_number(n * mult)
    if unit in ("H", "MIN", "S"):
        return f"PT{amount}{'M' if unit == 'MIN' else unit}"
    if unit == "Q":
        return "PXM" if n is None else f"P{fmt_number(n * mult * 3)}M"
    if unit == "HY":
        return "PXM" if n is None else f"P{fmt_number(n * mult * 6)}M"
    return f"P{amount}{unit}"
