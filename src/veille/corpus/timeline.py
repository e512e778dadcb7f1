"""The timeline: facts in the order the briefing tells them.

Dated facts (a TIMEX3 value on the calendar) are ordered by the first day of the interval their value
denotes, a coarser value first when two start on the same day (« 2024 » before « 2024-01 »).
An undated fact with bounds is placed at its bound: right after the dated facts that start on or
before its latest bound (« récemment », in an article of 2024-10-04: after everything dated up to
that day), or, with only an earliest bound, right after the dated facts up to that bound. Facts
with no time at all close the timeline. Ties go to the better corroborated fact, then to the id.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from veille.corpus.timevalues import POS_INF, parse
from veille.types import Fact


@dataclass(slots=True, frozen=True)
class TimelineEntry:
    fact: str
    time: str | None
    label: str
    dated: bool
    bounds: tuple[str | None, str | None] | None = None
    independent_sources: int = 0


def _key(fact: Fact) -> tuple[int, int, int, int, str]:
    interval = parse(fact.time)
    if interval is not None:
        return (interval.start, 0, interval.precision, -fact.independent_sources, fact.id)
    earliest, latest = fact.time_bounds or (None, None)
    late, early = parse(latest), parse(earliest)
    if late is not None:
        anchor = late.end
    elif early is not None:
        anchor = early.start
    else:
        anchor = POS_INF
    # 1 after 0: an undated fact comes after the dated facts that start on its anchor day.
    return (anchor, 1, 0, -fact.independent_sources, fact.id)


def build_timeline(facts: Sequence[Fact]) -> list[TimelineEntry]:
    """All facts, in timeline order (see the module docstring); the input order does not matter."""
    entries: list[TimelineEntry] = []
    seen: set[str] = set()
    for fact in sorted(facts, key=_key):
        if fact.id in seen:
            continue
        seen.add(fact.id)
        entries.append(
            TimelineEntry(
                fact=fact.id,
                time=fact.time,
                label=fact.label,
                dated=parse(fact.time) is not None,
                bounds=fact.time_bounds,
                independent_sources=fact.independent_sources,
            )
        )
    return entries
