"""Corpus stages: they see every article of a run.

Near-duplicates (``find_duplicates``), stories (``cluster_stories``, ``assign_facts``), facts merged
from event mentions with corroboration and contradictions (``merge_facts``), and the timeline
(``build_timeline``); ``*_to_dict`` helpers give the output-contract shape. All of them are
deterministic and independent of the order the articles arrive in.
"""

from veille.corpus._common import CountryResolver
from veille.corpus.duplicates import find_duplicates
from veille.corpus.facts import merge_facts
from veille.corpus.serialise import (
    duplicates_to_dicts,
    fact_to_dict,
    story_to_dict,
    time_to_json,
    timeline_to_dicts,
)
from veille.corpus.stories import assign_facts, cluster_stories
from veille.corpus.timeline import TimelineEntry, build_timeline

__all__ = [
    "CountryResolver",
    "TimelineEntry",
    "assign_facts",
    "build_timeline",
    "cluster_stories",
    "duplicates_to_dicts",
    "fact_to_dict",
    "find_duplicates",
    "merge_facts",
    "story_to_dict",
    "time_to_json",
    "timeline_to_dicts",
]
