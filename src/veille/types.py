"""The core types of Veille.

Every annotation is an offset pair into ``Article.text`` (the cleaned body), never a copied
string, and names the rule or lexicon entry that produced it so an analyst can audit it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True, frozen=True)
class Span:
    start: int
    end: int


@dataclass(slots=True)
class Paragraph:
    """A block of the cleaned text: ``kind`` is ``paragraph``, ``heading`` or ``list_item``."""

    start: int
    end: int
    kind: str = "paragraph"


@dataclass(slots=True)
class Removed:
    """A segment taken out of the body, kept so that nothing is silently dropped."""

    text: str
    reason: str
    rule: str = ""


@dataclass(slots=True)
class Comment:
    author: str | None
    published: str | None
    text: str


@dataclass(slots=True)
class Mention:
    """A name in the text linked to an entity (``entity_id``: ISO alpha-3 for countries, a slug otherwise)."""

    start: int
    end: int
    entity_id: str
    kind: str
    rule: str
    provisional: bool = False


@dataclass(slots=True)
class TimeRef:
    """A temporal expression normalised to a TIMEX3 ``value`` of ``type`` DATE, TIME, DURATION or SET.

    ``anchor`` is the date a relative expression was resolved against (None when absolute);
    ``value`` is None when the expression could not be resolved (never guessed).
    """

    start: int
    end: int
    value: str | None
    type: str
    rule: str
    anchor: str | None = None
    mod: str | None = None


@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    value: float | None
    approximate: bool = False
    unit: str | None = None


@dataclass(slots=True)
class EventMention:
    """Who did what to whom, in one sentence, and how sure the source is."""

    sentence: Span
    trigger: Span
    cameo: str
    rule: str
    source_actors: list[str] = field(default_factory=list)
    target_actors: list[str] = field(default_factory=list)
    object: Span | None = None
    quantity: Quantity | None = None
    time: str | None = None
    time_bounds: tuple[str | None, str | None] | None = None
    place: str | None = None
    certainty: str = "asserted"
    certainty_rule: str = ""
    attributed_to: list[str] = field(default_factory=list)
    denied_by: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Article:
    id: str
    source: str
    text: str = ""
    raw_text: str = ""
    site: str | None = None
    author: str | None = None
    published: str | None = None
    published_rule: str | None = None
    section: str | None = None
    language: str | None = None
    title: str | None = None
    url: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)

    @property
    def headings(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind == "heading"]

    def flag(self, name: str) -> None:
        if name not in self.flags:
            self.flags.append(name)


@dataclass(slots=True)
class EntityRecord:
    """An entry of the knowledge base (or a provisional one for a name not in it)."""

    id: str
    kind: str
    name: str
    country: str | None = None
    roles: list[str] = field(default_factory=list)
    provisional: bool = False


@dataclass(slots=True)
class FactSource:
    article: str
    certainty: str
    evidence: str
    sentence: Span
    event_index: int
    attributed_to: list[str] = field(default_factory=list)
    denied_by: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Wording:
    """A fact's label and contradiction notes in one language."""

    label: str
    contradictions: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Fact:
    id: str
    cameo: str
    label: str
    actors: list[str]
    time: str | None
    time_bounds: tuple[str | None, str | None] | None
    quantity: float | None
    sources: list[FactSource]
    independent_sources: int
    contested: bool = False
    contradictions: list[str] = field(default_factory=list)
    # ``label`` and ``contradictions`` in every language a briefing is written in (those two are the
    # run's language), so that a briefing rebuilt from the store in another language reads in it
    wordings: dict[str, Wording] = field(default_factory=dict)


@dataclass(slots=True)
class Story:
    id: str
    label: str
    articles: list[str]
    facts: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # ``label`` in every briefing language


@dataclass(slots=True)
class Failure:
    """An input that could not be read or processed, with what to do about it."""

    source: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"


@dataclass(slots=True)
class Dossier:
    """Everything one run produces."""

    articles: list[Article]
    entities: list[EntityRecord] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    duplicates: list[list[str]] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    out: str | None = None
