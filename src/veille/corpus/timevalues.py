"""TIMEX3 values as day intervals, to compare the dates of event mentions and order a timeline.

A TIMEX3 value names an interval at some precision: « 1961 » is a year, « 2024-06 » a month,
« 2024-06-19 » a day. Two mentions are compatible in time when their intervals overlap (equal, or one
inside the other); a coarser value sorts before a finer one that starts on the same day.
Values this module cannot place on the calendar (PRESENT_REF, XXXX-06, durations) give None: unknown,
never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

# Precision ranks: higher is finer.
CENTURY, DECADE, YEAR, HALF, SEASON, QUARTER, MONTH, WEEK, DAY = range(9)

NEG_INF = 0
POS_INF = date.max.toordinal() + 1

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
_PART = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|AU|WI)$")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")

# Meteorological seasons (northern hemisphere); winter is taken as the start of the year, the part
# a news text dated in that year usually means.
_PARTS: dict[str, tuple[int, int, int]] = {
    "Q1": (1, 3, QUARTER),
    "Q2": (4, 6, QUARTER),
    "Q3": (7, 9, QUARTER),
    "Q4": (10, 12, QUARTER),
    "H1": (1, 6, HALF),
    "H2": (7, 12, HALF),
    "SP": (3, 5, SEASON),
    "SU": (6, 8, SEASON),
    "FA": (9, 11, SEASON),
    "AU": (9, 11, SEASON),
    "WI": (1, 2, SEASON),
}


@dataclass(slots=True, frozen=True)
class Interval:
    """Days ``start`` to ``end`` inclusive (proleptic ordinals) and the precision they were given at."""

    start: int
    end: int
    precision: int

    def overlaps(self, other: Interval) -> bool:
        return self.start <= other.end and other.start <= self.end

    def gap(self, other: Interval) -> int:
        """Days between the two intervals (0 when they overlap)."""
        return max(0, other.start - self.end, self.start - other.end)


def _month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def _span(first: date, last: date, precision: int) -> Interval:
    return Interval(first.toordinal(), last.toordinal(), precision)


@lru_cache(maxsize=65_536)
def parse(value: str | None) -> Interval | None:
    """The interval a TIMEX3 date value denotes, or None when it is not a calendar date (cached: a
    corpus repeats a few thousand values)."""
    if not value:
        return None
    value = value.strip()
    try:
        if m := _DATE.match(value):
            year = int(m.group(1))
            if m.group(3):
                day = date(year, int(m.group(2)), int(m.group(3)))
                return _span(day, day, DAY)
            if m.group(2):
                month = int(m.group(2))
                return _span(date(year, month, 1), _month_end(year, month), MONTH)
            return _span(date(year, 1, 1), date(year, 12, 31), YEAR)
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return _span(monday, monday + timedelta(days=6), WEEK)
        if m := _PART.match(value):
            year = int(m.group(1))
            first, last, precision = _PARTS[m.group(2)]
            return _span(date(year, first, 1), _month_end(year, last), precision)
        if m := _DECADE.match(value):
            decade = int(m.group(1)) * 10
            return _span(date(max(decade, 1), 1, 1), date(decade + 9, 12, 31), DECADE)
        if m := _CENTURY.match(value):
            century = int(m.group(1)) * 100
            return _span(date(max(century, 1), 1, 1), date(century + 99, 12, 31), CENTURY)
    except ValueError:  # month 13, week 54, year 0: not a date
        return None
    return None


def bounds_interval(bounds: tuple[str | None, str | None] | None) -> Interval | None:
    """The interval between an earliest and a latest bound (either may be open), or None."""
    if bounds is None:
        return None
    earliest, latest = parse(bounds[0]), parse(bounds[1])
    if earliest is None and latest is None:
        return None
    start = earliest.start if earliest else NEG_INF
    end = latest.end if latest else POS_INF
    return Interval(start, end, -1)


def mention_interval(value: str | None, bounds: tuple[str | None, str | None] | None) -> Interval | None:
    """When a mention's event happened, as known: its value, narrowed by its bounds when both exist."""
    exact, bounded = parse(value), bounds_interval(bounds)
    if exact is None:
        return bounded
    if bounded is None or not exact.overlaps(bounded):
        # Bounds that exclude the value are an annotation conflict; the explicit value is the stronger.
        return exact
    return Interval(max(exact.start, bounded.start), min(exact.end, bounded.end), exact.precision)


def year_of(interval: Interval) -> int | None:
    """The calendar year of an interval that lies within one year, else None."""
    first, last = date.fromordinal(interval.start), date.fromordinal(interval.end)
    return first.year if first.year == last.year else None
