"""Stories: articles about one development grouped, labelled, with stable ids."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from veille.corpus import assign_facts, cluster_stories, story_to_dict
from veille.types import Article, Fact, FactSource, Mention, Span

NAMES = {
    "RUS": r"Russie|Moscou|russe",
    "PRK": r"Corée du Nord|Pyongyang|nord-coréen",
    "FRA": r"France|Paris",
    "DEU": r"Allemagne|Berlin",
}


@dataclass(frozen=True)
class Alias:
    text: str
    lang: str
    cls: str
    candidates: tuple[str, ...]


class FakeKB:
    # The first French country name of an entity is its display name in a French briefing.
    aliases = [
        Alias("Russia", "en", "country", ("RUS",)),
        Alias("Moscou", "fr", "metonym", ("RUS",)),
        Alias("Russie", "fr", "country", ("RUS",)),
        Alias("Corée du Nord", "fr", "country", ("PRK",)),
        Alias("Kim", "fr", "country", ("PRK", "KOR")),
    ]

    def country_of(self, entity_id: str) -> str | None:
        return entity_id if entity_id in NAMES else None


def art(article_id: str, text: str, published: str | None = None, title: str | None = None) -> Article:
    mentions = [
        Mention(m.start(), m.end(), entity, "country", "test")
        for entity, pattern in NAMES.items()
        for m in re.finditer(pattern, text)
    ]
    mentions.sort(key=lambda m: m.start)
    return Article(
        id=article_id,
        source=article_id,
        text=text,
        title=title,
        published=published,
        mentions=mentions,
        language="fr",
    )


# Texts written for these tests: two developments about Russia and North Korea, one about farming.
TREATY = [
    "La Russie et la Corée du Nord ont signé un traité de défense mutuelle. Le traité engage Moscou à aider "
    "Pyongyang en cas d'attaque. Les voisins de la Corée du Nord redoutent ce traité.",
    "Moscou et Pyongyang scellent un traité d'assistance militaire. Selon ce traité, la Russie défendra la "
    "Corée du Nord si elle est attaquée ; le traité inquiète la région.",
    "Traité de défense : la Corée du Nord et la Russie promettent de se porter secours. Ce traité lie Pyongyang "
    "à Moscou pour des années.",
]
LAUNCH = (
    "La Corée du Nord a tiré un missile balistique en mer du Japon. Le tir du missile, le troisième ce mois, "
    "a été condamné à Moscou du bout des lèvres ; Pyongyang parle d'un essai de routine du missile."
)
FARMING = [
    "La France et l'Allemagne veulent réformer la politique agricole commune. Paris et Berlin proposent de "
    "simplifier les aides aux agriculteurs et les contrôles des exploitations agricoles.",
    "Les agriculteurs de France et d'Allemagne manifestent contre la politique agricole. Paris promet de "
    "simplifier les aides agricoles ; Berlin étudie les contrôles des exploitations.",
]


def corpus() -> list[Article]:
    articles = [art(f"t{n}", text) for n, text in enumerate(TREATY)]
    articles.append(art("m0", LAUNCH))
    articles.extend(art(f"f{n}", text) for n, text in enumerate(FARMING))
    return articles


def test_articles_about_one_development_are_one_story() -> None:
    stories = cluster_stories(corpus(), [], FakeKB())
    assert [s.articles for s in stories] == [["t0", "t1", "t2"], ["f0", "f1"], ["m0"]]
    treaty = stories[0]
    assert treaty.label.startswith(("Corée du Nord – Russie : traité", "Russie – Corée du Nord : traité"))
    # Without a KB name, the form the articles use most.
    assert stories[1].label.startswith(("France – Allemagne : ", "Allemagne – France : "))
    assert "agricole" in stories[1].label


def test_duplicates_are_always_in_one_story() -> None:
    articles = corpus()
    stories = cluster_stories(articles, [["f0", "m0"]], FakeKB())
    assert ["f0", "f1", "m0"] in [s.articles for s in stories]


def test_articles_far_apart_in_time_are_not_linked() -> None:
    early = art("a", TREATY[0], published="2024-06-19")
    late = art("b", TREATY[1], published="2024-11-20")
    assert len(cluster_stories([early, late], [], FakeKB())) == 2
    assert len(cluster_stories([early, late], [], FakeKB(), max_days=None)) == 1


def test_story_ids_are_hashes_of_members_and_facts_are_assigned() -> None:
    stories = cluster_stories(corpus(), [], FakeKB())
    again = cluster_stories(list(reversed(corpus())), [], FakeKB())
    assert [s.id for s in stories] == [s.id for s in again]
    fact = Fact(
        id="f-1",
        cameo="057",
        label="x",
        actors=["PRK", "RUS"],
        time=None,
        time_bounds=None,
        quantity=None,
        sources=[FactSource(a, "asserted", "", Span(0, 1), 0) for a in ("t0", "t1", "m0")],
        independent_sources=3,
    )
    with_facts = assign_facts(stories, [fact])
    assert with_facts[0].facts == ["f-1"] and with_facts[2].facts == []
    assert stories[0].facts == []  # the input is not modified
    assert list(story_to_dict(with_facts[0])) == ["id", "label", "articles", "facts", "labels"]


@settings(max_examples=25, deadline=None)
@given(st.randoms())
def test_stories_do_not_depend_on_article_order(rng: random.Random) -> None:
    articles = corpus()
    expected = [story_to_dict(s) for s in cluster_stories(articles, [["t0", "t1"]], FakeKB())]
    rng.shuffle(articles)
    assert [story_to_dict(s) for s in cluster_stories(articles, [["t0", "t1"]], FakeKB())] == expected


def _with(article: Article, language: str, entities: list[str], cameos: list[str]) -> Article:
    """An article in ``language`` naming ``entities`` (people, organisations) and reporting ``cameos``."""
    from veille.types import EventMention

    article.language = language
    article.mentions = article.mentions + [Mention(0, 1, e, "person", "test") for e in entities]
    article.events = [EventMention(Span(0, 1), Span(0, 1), c, "test") for c in cameos]
    return article


def test_articles_in_two_languages_about_one_development_are_one_story() -> None:
    fr = _with(art("fr1", "La Russie et la Corée du Nord : Moscou reçoit le ministre de Pyongyang. "
                          "La Russie signe. Pyongyang signe.", "2024-11-02"),
               "fr", ["choe-son-hui", "sergey-lavrov", "choe-son-hui"], ["057", "042"])
    countries = [Mention(0, 1, c, "country", "test") for c in ("RUS", "RUS", "PRK", "PRK")]
    en = _with(art("en1", "The foreign ministers met in Moscow and signed a pact.", "2024-11-02"),
               "en", ["choe-son-hui", "sergey-lavrov"], ["057", "042"])
    other = _with(art("en2", "A missile was fired into the sea. Analysts expect more launches.", "2024-11-03"),
                  "en", ["kim-jong-un"], ["150", "138"])
    en.mentions += countries
    other.mentions += countries
    stories = cluster_stories([fr, en, other], kb=FakeKB())
    assert sorted(sorted(s.articles) for s in stories) == [["en1", "fr1"], ["en2"]]
