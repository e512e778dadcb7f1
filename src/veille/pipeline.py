"""Per-article stages and the pipeline that runs them.

Each stage declares what it ``requires`` and what it ``assigns`` (as spaCy's components do); a
pipeline whose stage needs something no earlier stage provides fails when it is built, with a
message naming the stage, the missing attribute and the stage that would provide it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from veille.errors import PipelineError
from veille.types import Article


@dataclass(slots=True)
class Resources:
    """Read-only resources the stages share (loaded lazily, once per process)."""

    kb_dirs: tuple[str, ...] = ()
    lang: str = "fr"
    _kb: Any = None

    @property
    def kb(self) -> Any:
        if self._kb is None:
            from veille.kb import load_kb

            self._kb = load_kb([Path(d) for d in self.kb_dirs])
        return self._kb


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    requires: frozenset[str]
    assigns: frozenset[str]
    run: Callable[[Article, Resources], None]


def _language(article: Article, res: Resources) -> None:
    from veille.text.language import detect_language

    if not article.language:
        article.language = detect_language(article.text) or None
    elif "-" in article.language or "_" in article.language:
        article.language = article.language.replace("_", "-").split("-")[0].lower()


def _sentences(article: Article, res: Resources) -> None:
    from veille.text.sentences import split_sentences

    article.sentences = split_sentences(article.text)


def _analysis_lang(article: Article, res: Resources) -> str:
    return article.language if article.language in ("fr", "en") else res.lang


def _entities(article: Article, res: Resources) -> None:
    from veille.entities import find_mentions

    article.mentions = find_mentions(article.text, res.kb, _analysis_lang(article, res))


def _times(article: Article, res: Resources) -> None:
    from veille.times import find_times

    article.times = find_times(article.text, article.published, _analysis_lang(article, res))


def _events(article: Article, res: Resources) -> None:
    from veille.events import find_events

    article.events = find_events(article, res.kb)


STAGES: dict[str, Stage] = {
    stage.name: stage
    for stage in (
        Stage("language", frozenset({"text"}), frozenset({"language"}), _language),
        Stage("sentences", frozenset({"text"}), frozenset({"sentences"}), _sentences),
        Stage("entities", frozenset({"text", "language"}), frozenset({"mentions"}), _entities),
        Stage("times", frozenset({"text", "language", "published"}), frozenset({"times"}), _times),
        Stage("events", frozenset({"sentences", "mentions", "times"}), frozenset({"events"}), _events),
    )
}
DEFAULT_STAGES = ("language", "sentences", "entities", "times", "events")
# What a cleaned article already has when the per-article stages start.
CLEANED = frozenset({"text", "title", "paragraphs", "removed", "comments", "flags", "published"})


@dataclass(slots=True)
class Pipeline:
    stages: Sequence[Stage]
    provided: frozenset[str] = CLEANED

    def __post_init__(self) -> None:
        available = set(self.provided)
        for stage in self.stages:
            missing = stage.requires - available
            if missing:
                providers = {name for name, s in STAGES.items() if s.assigns & missing}
                hint = f"; add {sorted(providers)} before it" if providers else ""
                raise PipelineError(f"stage '{stage.name}' requires {sorted(missing)}, "
                                    f"which no earlier stage assigns{hint}")
            available |= stage.assigns

    @classmethod
    def from_names(cls, names: Sequence[str] = DEFAULT_STAGES) -> Pipeline:
        unknown = [n for n in names if n not in STAGES]
        if unknown:
            raise PipelineError(f"unknown stage(s) {unknown}; known stages: {sorted(STAGES)}")
        return cls([STAGES[n] for n in names])

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, article: Article, res: Resources) -> Article:
        for stage in self.stages:
            stage.run(article, res)
        return article
