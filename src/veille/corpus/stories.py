"""Stories: the articles about one development.

Two articles are linked when they share their salient actors (the countries they mention most) *and*
their content words (TF-IDF cosine over folded, plural-stripped words); stories are the connected
components of the links, plus the near-duplicate groups. Actors alone are not enough: Russia and
North Korea appear in a treaty story and in a missile-test story alike.

Only articles that share a blocking key are compared: a pair of their salient actors, or one of
their two most distinctive terms. A block larger than ``block_window`` (one actor pair that a whole
corpus shares) is compared in a sliding window over publication order instead of all pairs, so the
cost stays near-linear.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations

from veille.corpus._common import (
    Components,
    CountryResolver,
    EntityNames,
    corpus_language,
    country_level,
    is_country_id,
    names_by_language,
    stable_id,
    unique_by_id,
)
from veille.corpus._text import content_terms, surface_terms
from veille.types import Article, Fact, Story

# Weights of actor overlap and word overlap in the link score, and the thresholds. Calibrated on the
# seeds (rewrites of one development by five sites: score 0.36-0.50, cosine 0.24-0.31) against twelve
# unrelated French pages (cosine below 0.11 but for two pages on one subject). Re-check on a larger set.
ACTOR_WEIGHT = 0.4
LINK_THRESHOLD = 0.3
MIN_COSINE = 0.15
TOP_ACTORS = 3
TERM_KEYS = 2
LABEL_TERMS = 3
# How a story's words are written (« Corée », « traité ») is read from its first articles: a few
# hundred tell it as well as ten thousand, and reading every text of a big story dominated the stage.
FORM_SAMPLE = 200


@dataclass(slots=True)
class _Profile:
    article: Article
    actors: dict[str, float]  # share of the article's mentions, by country (or entity)
    salient: list[str]
    vector: dict[str, float] = field(default_factory=dict)  # L2-normalised TF-IDF of the words
    concepts: dict[str, float] = field(default_factory=dict)  # the same, of language-independent terms
    day: int | None = None


def _day(published: str | None) -> int | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def _profile(article: Article, kb: CountryResolver | None) -> _Profile:
    counts = Counter(country_level(m.entity_id, kb) for m in article.mentions)
    total = sum(counts.values())
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    # Salient: mentioned at least twice (a passing mention is context, not the subject).
    salient = [actor for actor, n in ranked[:TOP_ACTORS] if n >= 2] or [actor for actor, _ in ranked[:1]]
    actors = {actor: n / total for actor, n in counts.items()} if total else {}
    return _Profile(article, actors, salient, day=_day(article.published))


def _text_of(article: Article) -> str:
    return f"{article.title or ''}\n{article.text or article.raw_text}"


def _concepts(article: Article, kb: CountryResolver | None) -> list[str]:
    """Language-independent terms: the people and organisations named and the kinds of event reported,
    so that a French and an English article about one development share terms although they share few
    words. Countries are left out: they are the actors, weighed on their own, and too common to tell two
    developments between the same countries apart."""
    named = [f"@{m.entity_id}" for m in article.mentions if not is_country_id(m.entity_id, kb)]
    return named + [f"#{e.cameo[:3]}" for e in article.events]


def _tfidf(term_counts: list[Counter[str]]) -> list[dict[str, float]]:
    df: Counter[str] = Counter()
    for counts in term_counts:
        df.update(counts.keys())
    n = len(term_counts)
    vectors = []
    for counts in term_counts:
        weights = {
            t: (1.0 + math.log(tf)) * (math.log((1 + n) / (1 + df[t])) + 1.0) for t, tf in counts.items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({t: w / norm for t, w in weights.items()})
    return vectors


def _vectors(profiles: list[_Profile], kb: CountryResolver | None) -> None:
    words = _tfidf([Counter(content_terms(_text_of(p.article))) for p in profiles])
    concepts = _tfidf([Counter(_concepts(p.article, kb)) for p in profiles])
    for profile, vector, concept in zip(profiles, words, concepts, strict=True):
        profile.vector, profile.concepts = vector, concept


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    # Terms missing from ``b`` would add 0.0: skipping them leaves the sum bit for bit the same.
    return sum((w * b[t] for t, w in a.items() if t in b), 0.0)


def _actor_overlap(a: dict[str, float], b: dict[str, float]) -> float:
    """Weighted Jaccard of the two actor distributions."""
    keys = a.keys() | b.keys()
    high = sum(max(a.get(k, 0.0), b.get(k, 0.0)) for k in keys)
    return sum(min(a.get(k, 0.0), b.get(k, 0.0)) for k in keys) / high if high else 0.0


def link_score(a: _Profile, b: _Profile) -> tuple[float, float]:
    """(combined score, content cosine) of two articles: over their words when they are written in the
    same language, over their named people, organisations and event kinds when they are not."""
    same_language = (a.article.language or "") == (b.article.language or "")
    cosine = _cosine(a.vector, b.vector) if same_language else _cosine(a.concepts, b.concepts)
    return ACTOR_WEIGHT * _actor_overlap(a.actors, b.actors) + (1 - ACTOR_WEIGHT) * cosine, cosine


def _keys(profile: _Profile) -> list[str]:
    keys = ["a:" + "|".join(pair) for pair in combinations(sorted(profile.salient), 2)]
    if len(profile.salient) == 1:
        keys.append("a:" + profile.salient[0])
    top_terms = sorted(profile.vector.items(), key=lambda kv: (-kv[1], kv[0]))[:TERM_KEYS]
    keys.extend("t:" + term for term, _ in top_terms)
    return keys


def _blocks(profiles: list[_Profile]) -> list[list[int]]:
    """The blocks (indexes of ``profiles``), each in publication order, in the order of their keys."""
    blocks: dict[str, list[int]] = {}
    for number, profile in enumerate(profiles):
        for key in _keys(profile):
            blocks.setdefault(key, []).append(number)
    return [
        sorted(blocks[key], key=lambda n: (profiles[n].day or 0, profiles[n].article.id))
        for key in sorted(blocks)
    ]


def _topic(members: list[_Profile], kb: CountryResolver | None) -> tuple[list[str], str]:
    """A story's two leading countries (or actors) and its leading words, as the articles write them."""
    actor_weight: Counter[str] = Counter()
    term_weight: Counter[str] = Counter()
    surfaces: dict[str, Counter[str]] = {}
    excluded: set[str] = set()
    for n, p in enumerate(members):
        actor_weight.update(p.actors)
        term_weight.update(p.vector)
        if n < FORM_SAMPLE:
            for term, surface in surface_terms(_text_of(p.article)):
                forms = surfaces.get(term)
                if forms is None:
                    forms = surfaces[term] = Counter()
                forms[surface] += 1
        for m in p.article.mentions:  # names and demonyms are actors, not topic words
            excluded.update(content_terms(p.article.text[m.start : m.end]))
    ranked = sorted(actor_weight.items(), key=lambda kv: (-kv[1], kv[0]))
    countries = [a for a, _ in ranked if is_country_id(a, kb)][:2] or [a for a, _ in ranked][:2]
    terms = [t for t, _ in sorted(term_weight.items(), key=lambda kv: (-kv[1], kv[0])) if t not in excluded]
    shown = [min(surfaces[t].items(), key=lambda kv: (-kv[1], kv[0]))[0] for t in terms if t in surfaces]
    return countries, ", ".join(shown[:LABEL_TERMS])


def _label(countries: list[str], what: str, fallback: str, names: EntityNames, lang: str) -> str:
    who = " – ".join(names.name(c) for c in countries)
    if who and what:
        return f"{who} : {what}" if lang == "fr" else f"{who}: {what}"
    return who or what or fallback


def cluster_stories(
    articles: Sequence[Article],
    duplicates: Sequence[Sequence[str]] = (),
    kb: CountryResolver | None = None,
    *,
    threshold: float = LINK_THRESHOLD,
    min_cosine: float = MIN_COSINE,
    max_days: int | None = 30,
    block_window: int = 100,
    lang: str | None = None,
) -> list[Story]:
    """Group the articles into stories; every article is in exactly one story.

    Two articles are linked when their score (actor overlap and word cosine, see ``link_score``) is at
    least ``threshold`` and their cosine at least ``min_cosine``, and, when both are dated, they were
    published at most ``max_days`` apart. Near-duplicates are always in one story. Stories are sorted
    largest first, then by id; ids hash the sorted member ids.
    """
    ordered = unique_by_id(articles)
    lang = lang or corpus_language(ordered)
    profiles = [_profile(a, kb) for a in ordered]  # in id order
    _vectors(profiles, kb)
    position = {a.id: n for n, a in enumerate(ordered)}
    uf = Components(len(profiles))
    for group in duplicates:
        for member in group[1:]:
            if group[0] in position and member in position:
                uf.union(position[group[0]], position[member])
    # Stories are the connected components whatever order the links come in, so a pair already in
    # one component needs no score, and a pair is scored at most once.
    find = uf.find
    tried: set[tuple[int, int]] = set()
    for members in _blocks(profiles):
        for pos, left in enumerate(members):
            root = find(left)
            for right in members[pos + 1 : pos + 1 + block_window]:
                if find(right) == root:
                    continue
                pair = (left, right) if left < right else (right, left)  # the smaller id first
                if pair in tried:
                    continue
                tried.add(pair)
                a, b = profiles[pair[0]], profiles[pair[1]]
                if (
                    max_days is not None
                    and a.day is not None
                    and b.day is not None
                    and abs(a.day - b.day) > max_days
                ):
                    continue
                combined, cosine = link_score(a, b)
                if combined >= threshold and cosine >= min_cosine:
                    uf.union(left, right)
                    root = find(left)
    names = names_by_language(ordered, kb, lang)
    stories = []
    for component in uf.groups():
        countries, what = _topic([profiles[n] for n in component], kb)
        first = profiles[component[0]].article
        labels = {lg: _label(countries, what, first.title or first.id, by_lang, lg) for lg, by_lang in names.items()}
        stories.append(Story(id=stable_id("s", *(profiles[n].article.id for n in component)), label=labels[lang],
                             articles=[profiles[n].article.id for n in component], labels=labels))
    stories.sort(key=lambda s: (-len(s.articles), s.id))
    return stories


def assign_facts(stories: Sequence[Story], facts: Sequence[Fact]) -> list[Story]:
    """Copies of ``stories`` with each fact listed in the story most of its sources belong to.

    A fact whose sources span stories goes to the one with most of them (ties: the earlier story in
    the given order); facts keep the order they are given in.
    """
    story_of = {article: n for n, story in enumerate(stories) for article in story.articles}
    listed: list[dict[str, None]] = [{} for _ in stories]  # ordered sets
    for fact in facts:
        votes = Counter(story_of[s.article] for s in fact.sources if s.article in story_of)
        if votes:
            best = min(votes, key=lambda n: (-votes[n], n))
            listed[best].setdefault(fact.id, None)
    return [Story(s.id, s.label, list(s.articles), list(listed[n]), dict(s.labels)) for n, s in enumerate(stories)]
