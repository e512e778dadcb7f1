"""The merge of event mentions into facts: complete linkage, with candidates kept per cross key.

Mentions are taken in the order ``facts`` gives; each joins the group (the fact being built) it
fits best, provided every member accepts it (``compat.score``), or founds a new group. Comparing a
mention with every group of its block would be quadratic, so the merge keeps what it learns:

- Cross keys. Across articles ``score`` reads only a mention's ``compat.cross_key``, and a corpus
  repeats the same mention (same code, cast, date, object) many times: each pair of keys is scored
  once, and a group counts its members by key.
- Candidates per key. All mentions with one key have the same blocks: (code family, actor) for each
  of their actors, and, when the mention happened within one calendar year, the groups with no
  mention of another year (mentions of two different years never merge: their intervals are
  disjoint, and date slack applies within one year only). Each key keeps the set of groups in its
  blocks that have not refused it. A group refuses a key for good when a member of another article
  refuses it; when all the refusing members are in one article, mentions of that article still
  try the group (the within-article rules differ). Groups enter a key's set when they enter one of
  its blocks.

The result is the same as comparing each mention with every group that shares a block.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

from veille.corpus.compat import Item, cross_key, score
from veille.corpus.timevalues import year_of

_LAST_DAY = date.max.toordinal()
_MIXED = -1  # the year state of a group with mentions of several years: only undated mentions join
_EVERY = ""  # a refusal that holds for mentions of every article

Block = tuple[str, str]  # (code family, actor)


@dataclass(slots=True)
class _Group:
    """A fact being built: its mentions, with their cross keys counted (see ``_fit``)."""

    family: str
    members: list[Item] = field(default_factory=list)
    counts: dict[int, int] = field(default_factory=dict)  # cross key -> mentions, in order of arrival
    articles: dict[int, Counter[str]] = field(default_factory=dict)  # cross key -> their articles
    by_article: dict[str, list[Item]] = field(default_factory=dict)
    # Per cross key of a candidate: how many of ``counts`` were checked, and those that refuse it.
    checked: dict[int, tuple[int, list[int]]] = field(default_factory=dict)
    years: set[int] = field(default_factory=set)  # the single years its mentions happened in
    actors: set[str] = field(default_factory=set)

    @property
    def state(self) -> int | None:
        """The group's year: None (no dated mention), its one year, or ``_MIXED``."""
        if not self.years:
            return None
        return next(iter(self.years)) if len(self.years) == 1 else _MIXED

    def add(self, item: Item, key: int, year: int | None) -> None:
        self.members.append(item)
        self.actors |= item.actors
        if year is not None:
            self.years.add(year)
        self.counts[key] = self.counts.get(key, 0) + 1
        seen = self.articles.get(key)
        if seen is None:
            seen = self.articles[key] = Counter()
        seen[item.article] += 1
        self.by_article.setdefault(item.article, []).append(item)


class _Scores:
    """``score`` across articles, once per pair of cross keys."""

    def __init__(self) -> None:
        self.numbers: dict[tuple[object, ...], int] = {}
        self.examples: list[Item] = []
        self.pairs: dict[tuple[int, int], float | None] = {}

    def key(self, item: Item) -> tuple[int, bool]:
        """The number of the item's cross key, and whether it is new."""
        number = self.numbers.setdefault(cross_key(item), len(self.examples))
        new = number == len(self.examples)
        if new:
            self.examples.append(item)
        return number, new

    def cross(self, a: int, b: int) -> float | None:
        pair = (a, b)
        if pair not in self.pairs:
            self.pairs[pair] = score(self.examples[a], self.examples[b], same_article=False)
        return self.pairs[pair]


def _fit(item: Item, key: int, group: _Group, scores: _Scores) -> tuple[float | None, str | None]:
    """The sum of ``score(item, member)`` over the group's members, or None if one refuses; and
    who else the refusal holds for: ``_EVERY`` mention of the key, those of every article but one
    (that article), or only this mention (None).

    Members of other articles are scored once per cross key and counted; members of the item's own
    article (where the within-article rules apply) one by one. Points are whole numbers, so the sum
    is exact whatever the order.
    """
    done, refusing = group.checked.get(key, (0, []))
    if done < len(group.counts):
        for other in islice(group.counts, done, None):
            if scores.cross(key, other) is None:
                refusing.append(other)
        group.checked[key] = (len(group.counts), refusing)
    allowed: str | None = None  # the one article whose mentions the refusing members may accept
    for other in refusing:
        articles = group.articles[other]
        if len(articles) > 1:
            return None, _EVERY
        (only,) = articles
        if allowed is not None and only != allowed:
            return None, _EVERY
        allowed = only
    if allowed is not None and item.article != allowed:
        return None, allowed
    own = group.by_article.get(item.article, ())
    total = 0.0
    for other, count in group.counts.items():
        if own:
            count -= group.articles[other][item.article]
        if count:
            points = scores.cross(key, other)
            assert points is not None  # refusing members are all in the item's article
            total += count * points
    for member in own:
        points = score(item, member)
        if points is None:
            return None, None
        total += points
    return total, None


def _year(item: Item) -> int | None:
    """The year the mention happened in, when its interval lies within one calendar year."""
    iv = item.interval
    if iv is None or iv.start < 1 or iv.end > _LAST_DAY:
        return None
    return year_of(iv)


def _sees(year: int | None, state: int | None) -> bool:
    """A mention of ``year`` may join a group of year ``state``."""
    return year is None or state is None or state == year


class _Merger:
    def __init__(self) -> None:
        self.groups: list[_Group] = []
        self.scores = _Scores()
        self.index: dict[Block, dict[int | None, set[int]]] = {}  # block -> group state -> groups
        self.watchers: dict[Block, list[int]] = {}  # block -> the keys whose candidates it holds
        self.year: dict[int, int | None] = {}  # key -> its year
        self.live: dict[int, set[int]] = {}  # key -> the groups of its blocks that did not refuse it
        self.barred: dict[int, dict[int, str]] = {}  # key -> refusing group -> the article it spares
        self.spared: dict[int, dict[str, set[int]]] = {}  # key -> article -> groups that spare it

    def _register(self, item: Item, key: int) -> None:
        year = _year(item)
        self.year[key] = year
        live = self.live[key] = set()
        self.barred[key] = {}
        self.spared[key] = {}
        for actor in item.actors:
            block = (item.family, actor)
            self.watchers.setdefault(block, []).append(key)
            for state, numbers in self.index.get(block, {}).items():
                if _sees(year, state):
                    live |= numbers

    def _candidates(self, item: Item, key: int) -> list[int]:
        found = set(self.live.get(key, ()))
        year = self.year.get(key)
        for number in self.spared.get(key, {}).get(item.article, ()):
            if _sees(year, self.groups[number].state):
                found.add(number)
        return sorted(found)

    def _refused(self, key: int, number: int, spares: str) -> None:
        self.live[key].discard(number)
        before = self.barred[key].get(number)
        if before:
            self.spared[key][before].discard(number)
        self.barred[key][number] = spares
        if spares != _EVERY:
            self.spared[key].setdefault(spares, set()).add(number)

    def _show(self, number: int, blocks: list[Block], state: int | None) -> None:
        """Tell the keys watching ``blocks`` whether group ``number`` (now of ``state``) is a candidate."""
        for block in blocks:
            for key in self.watchers.get(block, ()):
                if not _sees(self.year[key], state):
                    self.live[key].discard(number)
                elif number not in self.barred[key]:
                    self.live[key].add(number)

    def add(self, item: Item) -> None:
        key, new = self.scores.key(item)
        if new and item.actors:
            self._register(item, key)
        best: tuple[tuple[float, int, int], int] | None = None
        for number in self._candidates(item, key):
            group = self.groups[number]
            total, spares = _fit(item, key, group, self.scores)
            if total is None:
                if spares is not None:
                    self._refused(key, number, spares)
                continue
            size = len(group.members)
            rank = (total / size, size, -number)
            if best is None or rank > best[0]:
                best = (rank, number)
        if best is None:
            number = len(self.groups)
            self.groups.append(_Group(item.family))
        else:
            number = best[1]
        group = self.groups[number]
        before, known = group.state, set(group.actors)
        group.add(item, key, _year(item))
        after = group.state
        moved = sorted(group.actors) if after != before else sorted(item.actors - known)
        blocks = [(group.family, actor) for actor in moved]
        for block in blocks:
            by_state = self.index.setdefault(block, {})
            if after != before:
                by_state.get(before, set()).discard(number)
            by_state.setdefault(after, set()).add(number)
        self._show(number, blocks, after)


def cluster(items: list[Item]) -> list[list[Item]]:
    """The groups of mentions that are one fact each (see the module docstring)."""
    merger = _Merger()
    for item in sorted(items, key=lambda it: (-it.rank, it.article, it.index)):
        merger.add(item)
    return [group.members for group in merger.groups]
