"""Small pieces the corpus stages share: the knowledge-base protocol, union-find, ids, names."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Protocol, runtime_checkable

from veille.types import Article


@runtime_checkable
class CountryResolver(Protocol):
    """What the corpus stages need from the knowledge base: an entity's country (ISO alpha-3)."""

    def country_of(self, entity_id: str) -> str | None: ...


def country_level(entity_id: str, kb: CountryResolver | None) -> str:
    """The country an actor stands for; an actor with no known country stands for itself."""
    if kb is not None:
        country = kb.country_of(entity_id)
        if country:
            return country
    return entity_id


def is_country_id(entity_id: str, kb: CountryResolver | None) -> bool:
    # Country ids are ISO alpha-3 codes (SUN for the Soviet Union); a KB may also say so explicitly.
    if kb is not None and kb.country_of(entity_id) == entity_id:
        return True
    return len(entity_id) == 3 and entity_id.isalpha() and entity_id.isupper()


def stable_id(prefix: str, *parts: str) -> str:
    """A short content hash: the same parts give the same id on every run and every machine."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:16]}"


def unique_by_id(articles: Iterable[Article]) -> list[Article]:
    """Articles sorted by id, one per id.

    An id is a hash of the source bytes, so two objects with one id are the same document read twice;
    which object is kept must not depend on arrival order, hence the text tie-break.
    """
    chosen: dict[str, Article] = {}
    for article in articles:
        kept = chosen.get(article.id)
        if kept is None or (article.text, article.source) < (kept.text, kept.source):
            chosen[article.id] = article
    return [chosen[key] for key in sorted(chosen)]


class UnionFind:
    """Disjoint sets over string keys; the representative of a set is its smallest key."""

    def __init__(self, keys: Iterable[str] = ()) -> None:
        self._parent: dict[str, str] = {}
        for key in keys:
            self.add(key)

    def add(self, key: str) -> None:
        self._parent.setdefault(key, key)

    def find(self, key: str) -> str:
        self.add(key)
        root = key
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[key] != root:  # path compression
            self._parent[key], key = root, self._parent[key]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # Smallest key wins so that the representative does not depend on the order of unions.
            if rb < ra:
                ra, rb = rb, ra
            self._parent[rb] = ra

    def groups(self) -> list[list[str]]:
        members: dict[str, list[str]] = {}
        for key in self._parent:
            members.setdefault(self.find(key), []).append(key)
        return sorted(sorted(group) for group in members.values())


class Components:
    """Disjoint sets over 0..n-1 (a lighter ``UnionFind`` for indexes); the representative is the smallest."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        """All sets, each sorted, in order of their smallest member."""
        members: dict[int, list[int]] = {}
        for x in range(len(self.parent)):
            members.setdefault(self.find(x), []).append(x)
        return list(members.values())


def duplicate_representatives(duplicates: Sequence[Sequence[str]]) -> dict[str, str]:
    """Article id -> the id that stands for its near-duplicate group (the group's smallest id)."""
    uf = UnionFind()
    for group in duplicates:
        for member in group[1:]:
            uf.union(group[0], member)
    return {key: uf.find(key) for group in duplicates for key in group}


def corpus_language(articles: Sequence[Article], default: str = "fr") -> str:
    """The most common language of the articles (two-letter code); French on a tie or when unknown."""
    counts = Counter((a.language or "").split("-")[0].lower() for a in articles if a.language)
    if not counts:
        return default
    best = max(counts.values())
    leaders = sorted(code for code, n in counts.items() if n == best)
    return default if default in leaders else leaders[0]


_NAME_CLASSES = frozenset({"country", "person", "organisation"})
# The languages a briefing is written in: labels and notes are worded in each.
BRIEFING_LANGUAGES = ("fr", "en")


class EntityNames:
    """Display names for entity ids, in the language of the briefing.

    The knowledge base's canonical names are English; a French briefing should say « Corée du Nord »,
    « Vladimir Poutine », « Conseil de la Fédération ». In order: the KB's first capitalised name in
    ``lang`` (its ``aliases`` of class country, person or organisation); the most
    frequent capitalised form the articles themselves use for the entity; the KB record's name; the id.
    """

    def __init__(self, articles: Iterable[Article], kb: object | None = None, lang: str = "fr") -> None:
        self._kb = kb
        self._kb_names = _kb_names(kb, lang)
        forms: dict[str, Counter[str]] = {}
        for article in articles:
            text = article.text
            for mention in article.mentions:
                form = " ".join(text[mention.start : mention.end].split())
                if form[:1].isupper():
                    seen = forms.get(mention.entity_id)
                    if seen is None:
                        seen = forms[mention.entity_id] = Counter()
                    seen[form] += 1
        self._forms = forms

    def in_language(self, lang: str) -> EntityNames:
        """The same names for a briefing in ``lang`` (the articles' own forms are read once)."""
        other = EntityNames((), self._kb, lang)
        other._forms = self._forms
        return other

    def name(self, entity_id: str) -> str:
        if entity_id in self._kb_names:
            return self._kb_names[entity_id]
        forms = self._forms.get(entity_id)
        if forms:
            # Most frequent; then the longer form (« Corée du Nord » over « Corée »); then alphabetical.
            return min(forms.items(), key=lambda item: (-item[1], -len(item[0]), item[0]))[0]
        entity = getattr(self._kb, "entity", None)
        if callable(entity):
            try:
                record = entity(entity_id)
            except (KeyError, LookupError, ValueError):
                record = None
            name = getattr(record, "name", None)
            if isinstance(name, str) and name:
                return name
        return entity_id


def _kb_names(kb: object | None, lang: str) -> dict[str, str]:
    """The knowledge base's display name in ``lang`` of each entity that has one."""
    names: dict[str, str] = {}
    described: dict[str, str] = {}
    for alias in getattr(kb, "aliases", None) or ():
        candidates: tuple[str, ...] = tuple(getattr(alias, "candidates", ()))
        text = getattr(alias, "text", None)
        cls = getattr(alias, "cls", None)
        # the canonical names of people and organisations are English: only other languages need theirs
        is_name = (cls == "country" or (cls in _NAME_CLASSES and lang != "en")) and \
            getattr(alias, "lang", None) == lang
        if is_name and len(candidates) == 1 and isinstance(text, str):
            # a proper name first (« Agence centrale de presse coréenne »), else a description
            # written as one (« forces armées ukrainiennes » → « Forces armées ukrainiennes »)
            if text[:1].isupper():
                names.setdefault(candidates[0], text)
            else:
                described.setdefault(candidates[0], text[:1].upper() + text[1:])
    for entity_id, text in described.items():
        names.setdefault(entity_id, text)
    return names


def names_by_language(articles: Sequence[Article], kb: object | None, lang: str) -> dict[str, EntityNames]:
    """Display names for the run's language and every other briefing language, the run's first."""
    own = EntityNames(articles, kb, lang)
    return {lg: own if lg == lang else own.in_language(lg) for lg in dict.fromkeys((lang, *BRIEFING_LANGUAGES))}
