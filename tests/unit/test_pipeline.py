"""Stages declare what they need; a pipeline that misses a requirement fails when it is built."""

from __future__ import annotations

import pytest

from veille.errors import PipelineError
from veille.pipeline import STAGES, Pipeline, Stage


def test_default_pipeline_builds() -> None:
    assert Pipeline.from_names().names == ["language", "sentences", "entities", "times", "events"]


def test_missing_requirement_names_the_stage_and_the_provider() -> None:
    with pytest.raises(PipelineError, match=r"'events' requires \['mentions', 'sentences'\].*'entities'"):
        Pipeline.from_names(["language", "times", "events"])


def test_unknown_stage() -> None:
    with pytest.raises(PipelineError, match="unknown stage"):
        Pipeline.from_names(["language", "sentiment"])


def test_custom_stage_requirements_are_checked() -> None:
    needs_graph = Stage("graph", frozenset({"events", "coreference"}), frozenset({"graph"}), lambda a, r: None)
    with pytest.raises(PipelineError, match="coreference"):
        Pipeline([*(STAGES[n] for n in ("language", "sentences", "entities", "times", "events")), needs_graph])
