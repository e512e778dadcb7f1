"""Timeline order, TIMEX3 intervals and the timeline/time serialisation."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from veille.corpus import build_timeline, time_to_json, timeline_to_dicts
from veille.corpus.timevalues import DAY, DECADE, MONTH, SEASON, WEEK, YEAR, mention_interval, parse
from veille.types import Fact


def fact(
    fact_id: str,
    time: str | None = None,
    bounds: tuple[str | None, str | None] | None = None,
    independent: int = 1,
) -> Fact:
    return Fact(fact_id, "057", f"label {fact_id}", ["RUS"], time, bounds, None, [], independent)


def test_intervals_of_timex3_values() -> None:
    june = parse("2024-06")
    assert june is not None and june.precision == MONTH and june.end - june.start == 29
    assert parse("2024-06-19T10:00") == parse("2024-06-19")
    assert (parse("2024-06-19") or june).precision == DAY
    assert (parse("1961") or june).precision == YEAR
    assert (parse("196") or june).precision == DECADE
    assert (parse("2024-W25") or june).precision == WEEK
    assert (parse("2024-SU") or june).precision == SEASON
    for unknown in (None, "", "PRESENT_REF", "XXXX-06", "P3D", "2024-13", "2024-02-30"):
        assert parse(unknown) is None
    narrowed = mention_interval("2024", (None, "2024-03-31"))
    assert narrowed is not None and narrowed.end == (parse("2024-03-31") or june).end
    assert mention_interval(None, (None, None)) is None


def test_dated_facts_by_start_then_coarser_first_and_undated_by_their_bounds() -> None:
    facts = [
        fact("recent", bounds=(None, "2024-10-04")),
        fact("signed", "2024-06"),
        fact("day", "2024-06-19"),
        fact("year", "2024"),
        fact("old", "1961"),
        fact("war", "2022-02"),
        fact("nowhen"),
        fact("after-war", bounds=("2022-02", None)),
        fact("later", "2024-11-02"),
        fact("unplaceable", "PRESENT_REF"),
    ]
    order = [e.fact for e in build_timeline(facts)]
    assert order == [
        "old",
        "war",
        "after-war",
        "year",
        "signed",
        "day",
        "recent",
        "later",
        "nowhen",
        "unplaceable",
    ]
    entries = {e.fact: e for e in build_timeline(facts)}
    assert entries["signed"].dated and not entries["recent"].dated and not entries["unplaceable"].dated


def test_ties_go_to_the_better_corroborated_fact_then_the_id() -> None:
    facts = [fact("b", "2024-06", independent=1), fact("c", "2024-06", independent=3), fact("a", "2024-06")]
    assert [e.fact for e in build_timeline(facts)] == ["c", "a", "b"]


@settings(max_examples=30, deadline=None)
@given(st.randoms())
def test_timeline_does_not_depend_on_input_order(rng: random.Random) -> None:
    facts = [fact(f"f{n}", t) for n, t in enumerate(["2024", None, "2024-06", "1961", None, "2024-06"])]
    expected = build_timeline(facts)
    rng.shuffle(facts)
    assert build_timeline(facts) == expected


def test_serialisation() -> None:
    assert time_to_json("2024-06", None) == "2024-06"
    assert time_to_json(None, (None, "2024-10-04")) == {
        "value": None,
        "earliest": None,
        "latest": "2024-10-04",
    }
    rows = timeline_to_dicts(build_timeline([fact("x", bounds=(None, "2024-10-04")), fact("y", "1961")]))
    assert rows == [
        {"fact": "y", "time": "1961", "label": "label y", "dated": True},
        {
            "fact": "x",
            "time": {"value": None, "earliest": None, "latest": "2024-10-04"},
            "label": "label x",
            "dated": False,
        },
    ]
