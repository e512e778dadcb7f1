"""The corpus outputs as plain dicts, in the shape of the output contract (DESIGN.md).

Keys are snake_case and come in a fixed order, so ``json.dumps`` of the same result is byte-identical
from run to run. Beyond the contract, sources carry ``sentence`` ([start, end] in the article's
cleaned text) and ``event`` (the index in the article's events) so that a reader can go back to the
exact mention; timeline entries carry ``dated``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from veille.corpus._common import stable_id
from veille.corpus.timeline import TimelineEntry
from veille.types import Fact, FactSource, Story


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def time_to_json(
    value: str | None, bounds: tuple[str | None, str | None] | None
) -> str | dict[str, str | None] | None:
    """A TIMEX3 value, or {value, earliest, latest} when bounds are known."""
    if bounds is None or (bounds[0] is None and bounds[1] is None):
        return value
    return {"value": value, "earliest": bounds[0], "latest": bounds[1]}


def source_to_dict(source: FactSource) -> dict[str, Any]:
    return {
        "article": source.article,
        "certainty": source.certainty,
        "attributed_to": list(source.attributed_to),
        "denied_by": list(source.denied_by),
        "evidence": source.evidence,
        "sentence": [source.sentence.start, source.sentence.end],
        "event": source.event_index,
    }


def fact_to_dict(fact: Fact) -> dict[str, Any]:
    return {
        "id": fact.id,
        "cameo": fact.cameo,
        "label": fact.label,
        "actors": list(fact.actors),
        "time": time_to_json(fact.time, fact.time_bounds),
        "quantity": _number(fact.quantity),
        "sources": [source_to_dict(s) for s in fact.sources],
        "independent_sources": fact.independent_sources,
        "contested": fact.contested,
        "contradictions": list(fact.contradictions),
        "wordings": {lang: {"label": w.label, "contradictions": list(w.contradictions)}
                     for lang, w in fact.wordings.items()},
    }


def story_to_dict(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "label": story.label,
        "articles": list(story.articles),
        "facts": list(story.facts),
        "labels": dict(story.labels),
    }


def timeline_to_dicts(entries: Sequence[TimelineEntry]) -> list[dict[str, Any]]:
    return [
        {
            "fact": e.fact,
            "time": time_to_json(e.time, e.bounds),
            "label": e.label,
            "dated": e.dated,
        }
        for e in entries
    ]


def duplicates_to_dicts(groups: Sequence[Sequence[str]]) -> list[dict[str, Any]]:
    """One line per near-duplicate group: a stable id and the sorted article ids."""
    return [{"id": stable_id("d", *group), "articles": list(group)} for group in groups]
