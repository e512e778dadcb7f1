"""The in-memory knowledge base: records, aliases and roles, plus the small query API.

The data files are parsed by :mod:`veille.kb.loader`; this module only holds the result. The
compiled matchers (Aho-Corasick automaton, regexes) are built from the aliases by
:mod:`veille.entities` and cached on the instance, so that they are built once per process.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from veille.types import EntityRecord, Mention

# Where an alias came from; it becomes the first part of a mention's ``rule``.
# "block" is a phrase that contains a name but is not that entity (« Amérique latine »).
ALIAS_CLASSES = ("country", "demonym", "metonym", "combining", "person", "short", "organisation", "block")

# Per-alias flags written in the data files as ``Alias[flag,flag]``:
#   x    not when glued to another capitalised word (« George Washington », « Paris Hilton »)
#   ctx  only when the article names the entity some other way (« Georgia » the state vs the country)
#   cs   exact case (the default is: first letter's case as written, the rest case-insensitive)
#   fr / en   only in texts of that language
ALIAS_FLAGS = frozenset({"x", "ctx", "cs", "fr", "en"})


@dataclass(slots=True, frozen=True)
class Alias:
    """One surface form and the entities it may stand for.

    ``candidates`` has one id for plain aliases; ambiguous ones (« Kim », « coréen ») list several
    and are resolved by context, falling back to ``default`` (None: drop the mention)."""

    text: str
    lang: str
    cls: str
    candidates: tuple[str, ...]
    default: str | None
    flags: frozenset[str] = frozenset()
    source: str = ""  # file:line, for error messages and audits

    @property
    def rule(self) -> str:
        return f"{self.cls}:{self.lang}:{self.text}"


@dataclass(slots=True, frozen=True)
class Role:
    name: str
    start: str | None  # ISO date prefix (YYYY, YYYY-MM or YYYY-MM-DD); None: unknown/open
    end: str | None

    def active_at(self, date_iso: str | None) -> bool:
        if date_iso is None:
            return self.end is None
        # ISO prefixes compare correctly as strings once cut to the same precision.
        if self.start is not None and date_iso[: len(self.start)] < self.start:
            return False
        # The end date is inclusive: on the day of a handover both holders match.
        return not (self.end is not None and date_iso[: len(self.end)] > self.end)

    def __str__(self) -> str:
        return f"{self.name}:{self.start or ''}..{self.end or ''}"


@dataclass(slots=True)
class KnowledgeBase:
    records: dict[str, EntityRecord] = field(default_factory=dict)
    aliases: list[Alias] = field(default_factory=list)
    roles: dict[str, tuple[Role, ...]] = field(default_factory=dict)
    first_names: frozenset[str] = frozenset()
    # cue words for names not in the base: (word, lang, kind) with kind "title" or "org"
    cues: tuple[tuple[str, str, str], ...] = ()
    # words that never start a name although capitalised (sentence-initial function words)
    stopwords: frozenset[str] = frozenset()
    # successor country -> (first day, day after the last, predecessor) as proleptic ordinals
    successions: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    # compiled matchers, built on first use by veille.entities (not part of the data)
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def entity(self, entity_id: str) -> EntityRecord | None:
        return self.records.get(entity_id)

    def state_during(self, country: str, first: int, last: int) -> str:
        """The state ``country`` stood for from day ``first`` to day ``last`` (ordinals): « Moscou » in
        1961 is the Soviet Union. A span that reaches past a succession keeps the successor."""
        for start, stop, predecessor in self.successions.get(country, ()):
            if start <= first and last < stop:
                return predecessor
        return country

    def country_of(self, entity_id: str) -> str | None:
        rec = self.records.get(entity_id)
        if rec is None:
            return None
        return rec.id if rec.kind == "country" else rec.country

    def describe(self, mention: Mention, text: str) -> EntityRecord:
        rec = self.records.get(mention.entity_id)
        if rec is not None:
            return rec
        name = " ".join(text[mention.start : mention.end].split())
        return EntityRecord(id=mention.entity_id, kind=mention.kind, name=name, provisional=True)

    def roles_at(self, entity_id: str, date_iso: str | None) -> list[str]:
        """Roles held on that date (ISO 8601 prefix); with None, the roles held now (open-ended)."""
        return [r.name for r in self.roles.get(entity_id, ()) if r.active_at(date_iso)]

    def __getstate__(self) -> dict[str, Any]:
        # Process pools pickle the KB; the matchers are rebuilt on the other side.
        return {
            "records": self.records,
            "aliases": self.aliases,
            "roles": self.roles,
            "first_names": self.first_names,
            "cues": self.cues,
            "stopwords": self.stopwords,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        for k, v in state.items():
            setattr(self, k, v)
        self.cache = {}
