"""Facts: merging event mentions across articles, corroboration and contradictions.

Articles are built from sentences written for these tests, with hand-made event mentions.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from veille.corpus import fact_to_dict, merge_facts
from veille.corpus.cameo import codes_compatible, fallback_label, family
from veille.corpus.compat import Item, score
from veille.corpus.facts import _inherit_phases, _items
from veille.corpus.merge import cluster
from veille.types import Article, EntityRecord, EventMention, Fact, Mention, Quantity, Span

PEOPLE = {"putin": "RUS", "shoigu": "RUS", "kim": "PRK", "khrushchev": "SUN", "blinken": "USA", "lula": "BRA"}


class FakeKB:
    def country_of(self, entity_id: str) -> str | None:
        if entity_id in PEOPLE:
            return PEOPLE[entity_id]
        return entity_id if len(entity_id) == 3 and entity_id.isupper() else None

    def entity(self, entity_id: str) -> EntityRecord:
        kind = "person" if entity_id in PEOPLE else "country"
        return EntityRecord(entity_id, kind, entity_id, self.country_of(entity_id))


KB = FakeKB()


@dataclass
class E:
    """An event mention to place in a sentence: ``trigger`` and ``obj`` are found in the sentence."""

    trigger: str
    cameo: str
    src: list[str] = field(default_factory=list)
    tgt: list[str] = field(default_factory=list)
    obj: str | None = None
    time: str | None = None
    bounds: tuple[str | None, str | None] | None = None
    certainty: str = "asserted"
    quantity: float | None = None
    unit: str | None = None
    approximate: bool = False
    attributed: list[str] = field(default_factory=list)
    denied: list[str] = field(default_factory=list)


def doc(article_id: str, *parts: str | tuple[str, list[E]], language: str = "fr") -> Article:
    text = ""
    events: list[EventMention] = []
    for part in parts:
        sentence, specs = (part, []) if isinstance(part, str) else part
        start = len(text) + (1 if text else 0)
        text = f"{text} {sentence}" if text else sentence
        for spec in specs:
            t = start + sentence.index(spec.trigger)
            o = None
            if spec.obj:
                j = start + sentence.index(spec.obj)
                o = Span(j, j + len(spec.obj))
            q = (
                Quantity(0, 0, spec.quantity, approximate=spec.approximate, unit=spec.unit)
                if spec.quantity is not None
                else None
            )
            events.append(
                EventMention(
                    sentence=Span(start, start + len(sentence)),
                    trigger=Span(t, t + len(spec.trigger)),
                    cameo=spec.cameo,
                    rule="test",
                    source_actors=list(spec.src),
                    target_actors=list(spec.tgt),
                    object=o,
                    quantity=q,
                    time=spec.time,
                    time_bounds=spec.bounds,
                    certainty=spec.certainty,
                    attributed_to=list(spec.attributed),
                    denied_by=list(spec.denied),
                )
            )
    return Article(id=article_id, source=f"{article_id}.txt", text=text, language=language, events=events)


def merged(
    *articles: Article, duplicates: list[list[str]] | None = None, lang: str | None = None
) -> list[Fact]:
    return merge_facts(list(articles), duplicates or [], KB, lang=lang)


def multi(facts: list[Fact]) -> list[Fact]:
    return [f for f in facts if len(f.sources) > 1]


SIGNED_A = (
    "Moscou et Pyongyang ont signé un pacte de défense.",
    [E("signé", "057", ["RUS", "PRK"], obj="un pacte")],
)
SIGNED_B = (
    "Le dirigeant russe a conclu un accord militaire avec la Corée du Nord en juin.",
    [E("conclu", "057", ["putin"], ["PRK"], obj="un accord", time="2024-06")],
)


def test_same_code_and_actors_in_two_articles_make_one_fact() -> None:
    facts = merged(doc("a1", SIGNED_A), doc("a2", SIGNED_B))
    assert len(facts) == 1
    fact = facts[0]
    assert fact.cameo == "057" and fact.actors == ["PRK", "RUS"] and fact.time == "2024-06"
    assert [s.article for s in fact.sources] == ["a1", "a2"]
    assert fact.independent_sources == 2 and not fact.contested
    assert fact.sources[1].evidence.startswith("Le dirigeant russe a conclu")


def test_generic_and_specific_codes_of_one_root_merge_across_articles_only() -> None:
    supply_a = (
        "Pyongyang a livré des obus à la Russie.",
        [E("livré", "072", ["PRK"], ["RUS"], obj="des obus")],
    )
    supply_b = (
        "La Corée du Nord a fourni un arsenal à Moscou.",
        [E("fourni", "070", ["PRK"], ["RUS"], obj="un arsenal")],
    )
    assert len(multi(merged(doc("a1", supply_a), doc("a2", supply_b)))) == 1
    # In one text, a launch and a call for more warheads are two facts.
    one = doc(
        "a3",
        ("Le Nord a tiré trois missiles.", [E("tiré", "150", ["PRK"], obj="trois missiles")]),
        ("Son chef a exigé davantage d'ogives.", [E("exigé", "154", ["kim"], obj="davantage d'ogives")]),
    )
    assert len(merged(one)) == 2
    assert codes_compatible("150", "154", same_article=False)
    assert not codes_compatible("150", "154", same_article=True)


def test_families_are_a_table_and_different_families_never_merge() -> None:
    assert family("057") == family("0334") == "pledge-agree"
    assert family("062") == family("072") == "cooperate-provide"
    assert family("190") == family("150") == "force"
    visit = ("Poutine s'est rendu à Pyongyang.", [E("rendu", "042", ["putin"], ["PRK"])])
    assert multi(merged(doc("a1", SIGNED_A), doc("a2", visit))) == []
    # Same family, different specific codes (a pledge and a signature) stay apart.
    pledge = ("Moscou promet de défendre Pyongyang.", [E("promet", "0334", ["RUS"], ["PRK"])])
    assert multi(merged(doc("a1", SIGNED_A), doc("a2", pledge))) == []


def test_reversed_direction_is_another_fact() -> None:
    north_to_russia = (
        "Pyongyang fournit des obus à Moscou.",
        [E("fournit", "072", ["PRK"], ["RUS"], obj="des obus")],
    )
    russia_to_north = (
        "Moscou fournit des obus à Pyongyang.",
        [E("fournit", "072", ["RUS"], ["PRK"], obj="des obus")],
    )
    assert multi(merged(doc("a1", north_to_russia), doc("a2", russia_to_north))) == []


def test_another_cast_or_another_person_is_another_fact() -> None:
    old = (
        "Kim et Khrouchtchev ont signé un traité en 1961.",
        [E("signé", "057", ["kim", "khrushchev"], time="1961")],
    )
    assert multi(merged(doc("a1", SIGNED_A), doc("a2", old))) == []
    visit = ("Poutine est venu à Pyongyang.", [E("venu", "042", ["putin"], ["PRK"])])
    meeting = ("Choïgou a rencontré Kim.", [E("rencontré", "040", ["shoigu"], ["kim"])])
    assert multi(merged(doc("a1", visit), doc("a2", meeting))) == []


def test_signing_and_ratifying_a_treaty_are_two_facts() -> None:
    ratified = (
        "Le Sénat russe a ratifié le traité avec la Corée du Nord.",
        [E("ratifié", "057", ["RUS"], ["PRK"], obj="le traité")],
    )
    signed = ("Ce traité avait été signé par les deux pays.", [E("signé", "057", ["RUS", "PRK"])])
    facts = merged(doc("a1", ratified, signed), doc("a2", SIGNED_A))
    assert sorted(len(f.sources) for f in facts) == [1, 2]


def test_objects_of_different_kinds_are_two_facts() -> None:
    arms = (
        "Pyongyang envoie des missiles à Moscou.",
        [E("envoie", "072", ["PRK"], ["RUS"], obj="des missiles")],
    )
    troops = (
        "Pyongyang envoie des soldats à Moscou.",
        [E("envoie", "072", ["PRK"], ["RUS"], obj="des soldats")],
    )
    assert multi(merged(doc("a1", arms), doc("a2", troops))) == []


def test_time_compatibility() -> None:
    june = ("Le pacte a été signé en juin.", [E("signé", "057", ["RUS", "PRK"], time="2024-06")])
    day = ("Le pacte a été signé le 19 juin.", [E("signé", "057", ["RUS", "PRK"], time="2024-06-19")])
    recently = (
        "Le pacte a été signé récemment.",
        [E("signé", "057", ["RUS", "PRK"], bounds=(None, "2024-10-04"))],
    )
    old = ("Un pacte a été signé en 1961.", [E("signé", "057", ["RUS", "PRK"], time="1961")])
    facts = merged(doc("a1", june), doc("a2", day), doc("a3", recently), doc("a4", old))
    by_size = sorted(facts, key=lambda f: len(f.sources))
    assert [len(f.sources) for f in by_size] == [1, 3]
    assert by_size[1].time == "2024-06-19" and by_size[1].time_bounds == (None, "2024-10-04")
    assert by_size[0].time == "1961"


def test_close_but_different_dates_merge_as_contested() -> None:
    first = ("Le pacte a été signé le 19 juin.", [E("signé", "057", ["RUS", "PRK"], time="2024-06-19")])
    second = ("Le pacte a été signé le 20 juin.", [E("signé", "057", ["RUS", "PRK"], time="2024-06-20")])
    (fact,) = merged(doc("a1", first), doc("a2", second))
    assert fact.contested
    assert fact.contradictions == ["dates divergentes : 2024-06-19 (a1), 2024-06-20 (a2)"]


def test_steps_of_a_ratification_on_different_days_are_two_facts() -> None:
    # a lower house votes one week, the upper house the next: two steps, not two dates for one vote
    lower = ("La Douma a ratifié le traité jeudi.", [E("ratifié", "057", ["RUS"], ["PRK"], obj="le traité",
                                                       time="2024-10-24")])
    upper = ("Le Sénat russe a ratifié le traité mercredi.", [E("ratifié", "057", ["RUS"], ["PRK"],
                                                              obj="le traité", time="2024-11-06")])
    facts = merged(doc("a1", lower), doc("a2", upper))
    assert sorted(f.time or "" for f in facts) == ["2024-10-24", "2024-11-06"]
    assert not any(f.contested for f in facts)
    # the same step told with one date in a month still joins
    month = ("La Douma a ratifié le traité en octobre.", [E("ratifié", "057", ["RUS"], ["PRK"], obj="le traité",
                                                            time="2024-10")])
    assert [len(f.sources) for f in multi(merged(doc("a1", lower), doc("a3", month)))] == [2]


def test_each_party_ratifies_on_its_own_and_a_decree_ratifying_is_a_ratification() -> None:
    moscow = ("La Douma a ratifié le traité avec Pyongyang.", [E("ratifié", "057", ["RUS"], ["PRK"],
                                                             obj="le traité")])
    decree = ("Kim a signé un décret ratifiant le traité avec la Russie.",
              [E("signé", "057", ["kim"], ["RUS"], obj="un décret ratifiant le traité")])
    signed = ("Poutine et Kim ont signé le traité en juin.", [E("signé", "057", ["putin", "kim"], obj="le traité",
                                                              time="2024-06")])
    facts = merged(doc("a1", moscow), doc("a2", decree), doc("a3", signed))
    assert multi(facts) == []
    assert sorted(f.label for f in facts) == ["PRK – RUS : Ratifier un accord"] * 2 + [
        "PRK – RUS : Signer un accord"]


class SuccessionKB(FakeKB):
    """Moscow stood for the Soviet Union until the end of 1991."""

    def state_during(self, country: str, first: int, last: int) -> str:
        end = date(1991, 12, 26).toordinal()
        return "SUN" if country == "RUS" and last < end and first >= date(1922, 12, 30).toordinal() else country


def test_a_successor_named_for_a_date_before_it_existed_is_its_predecessor() -> None:
    pact = ("Moscou et Pyongyang ont signé un pacte en 1961.", [E("signé", "057", ["RUS", "PRK"], time="1961")])
    union = ("L'URSS et la Corée du Nord ont signé un traité en 1961.",
             [E("signé", "057", ["SUN", "PRK"], time="1961")])
    today = ("Moscou et Pyongyang ont signé un pacte en 2024.", [E("signé", "057", ["RUS", "PRK"], time="2024")])
    facts = merge_facts([doc("a1", pact), doc("a2", union), doc("a3", today)], [], SuccessionKB())
    assert sorted((f.actors, len(f.sources)) for f in facts) == [(["PRK", "RUS"], 1), (["PRK", "SUN"], 2)]


def test_different_figures_make_the_fact_contested() -> None:
    few = (
        "Pyongyang a envoyé 3 000 soldats en Russie.",
        [E("envoyé", "062", ["PRK"], ["RUS"], obj="3 000 soldats", quantity=3000)],
    )
    many = (
        "North Korea sent 10,000 troops to Russia.",
        [E("sent", "062", ["PRK"], ["RUS"], obj="10,000 troops", quantity=10000)],
    )
    (fact,) = merged(doc("fr1", few), doc("en1", many, language="en"), lang="en")
    assert fact.contested and fact.quantity == 3000.0
    assert fact.contradictions == ["figures differ: 3,000 (fr1), 10,000 (en1)"]


def test_asserted_against_denied_is_contested_and_names_the_articles() -> None:
    asserted = ("Pyongyang livre des obus à Moscou.", [E("livre", "072", ["PRK"], ["RUS"], obj="des obus")])
    accused = (
        "Washington accuse Pyongyang d'avoir livré des obus à Moscou, ce que Pyongyang dément.",
        [
            E(
                "livré",
                "072",
                ["PRK"],
                ["RUS"],
                obj="des obus",
                certainty="alleged",
                attributed=["USA"],
                denied=["PRK"],
            )
        ],
    )
    facts = merged(doc("a1", asserted), doc("a2", accused))
    (fact,) = multi(facts)
    assert fact.contested
    assert [(s.article, s.certainty, s.attributed_to, s.denied_by) for s in fact.sources] == [
        ("a1", "asserted", [], []),
        ("a2", "alleged", ["USA"], ["PRK"]),
    ]
    # a2 tells both the accusation and the denial: it is not listed against itself.
    assert fact.contradictions == ["a2 : démenti par PRK ; contre a1 (affirmé)"]
    assert fact.independent_sources == 2


def test_a_source_telling_both_claim_and_denial_is_contested_on_its_own() -> None:
    accused = (
        "Washington accuse Pyongyang d'avoir livré des obus à Moscou, ce que Pyongyang dément.",
        [E("livré", "072", ["PRK"], ["RUS"], obj="des obus", certainty="alleged", attributed=["USA"],
           denied=["PRK"])],
    )
    (fact,) = merged(doc("a2", accused))
    assert fact.contested
    assert fact.contradictions == ["a2 : allégué et démenti par PRK"]


def test_figures_counted_in_two_languages_are_one_measure() -> None:
    few = (
        "Environ 3 000 soldats auraient été envoyés en Russie.",
        [E("envoyés", "062", ["PRK"], ["RUS"], obj="3 000 soldats", quantity=3000, unit="soldat",
           approximate=True)],
    )
    many = (
        "North Korea sent about 10,000 troops to Russia.",
        [E("sent", "062", ["PRK"], ["RUS"], obj="10,000 troops", quantity=10000, unit="troop",
           approximate=True)],
    )
    (fact,) = merged(doc("fr1", few), doc("en1", many, language="en"))
    assert fact.contradictions == ["quantités divergentes : 3\u202f000 (fr1), 10\u202f000 (en1)"]


def test_figures_of_different_measures_do_not_contradict() -> None:
    troops = (
        "Pyongyang a envoyé 3 000 soldats en Russie.",
        [E("envoyé", "062", ["PRK"], ["RUS"], obj="3 000 soldats", quantity=3000, unit="soldat")],
    )
    shells = (
        "Pyongyang a envoyé 10 000 obus en Russie.",
        [E("envoyé", "062", ["PRK"], ["RUS"], quantity=10000, unit="obus")],
    )
    facts = merged(doc("a1", troops), doc("a2", shells))
    assert not any("quantités" in c for f in facts for c in f.contradictions)


def test_an_undated_negation_does_not_deny_a_dated_happening() -> None:
    signed = ("Moscou et Pyongyang ont signé un pacte en 1961.",
              [E("signé", "057", ["RUS", "PRK"], obj="un pacte", time="1961")])
    missing = ("Seule manque encore la signature russe.",
               [E("signature", "057", ["RUS"], certainty="negated")])
    facts = merged(doc("a1", signed), doc("a2", missing))
    assert not multi(facts)
    assert not any(f.contested for f in facts)


def test_a_denial_mention_contests_an_assertion() -> None:
    asserted = ("Moscou a reçu des obus de Pyongyang.", [E("reçu", "072", ["PRK"], ["RUS"], obj="des obus")])
    denied = (
        "Pyongyang dément avoir livré des obus.",
        [E("livré", "072", ["PRK"], obj="des obus", certainty="denied", attributed=["PRK"])],
    )
    (fact,) = multi(merged(doc("a1", asserted), doc("a2", denied)))
    assert fact.contested and fact.independent_sources == 1
    assert fact.sources[1].certainty == "denied" and fact.sources[1].denied_by == ["PRK"]


def test_speculation_is_a_source_but_not_a_confirmation() -> None:
    guess = (
        "Des soldats nord-coréens pourraient bientôt rejoindre la Russie.",
        [E("rejoindre", "062", ["PRK"], ["RUS"], obj="Des soldats", certainty="speculative")],
    )
    sent = (
        "Pyongyang a envoyé 3 000 soldats en Russie.",
        [E("envoyé", "062", ["PRK"], ["RUS"], obj="3 000 soldats", quantity=3000)],
    )
    (fact,) = merged(doc("a1", guess), doc("a2", sent))
    assert [(s.article, s.certainty) for s in fact.sources] == [("a1", "speculative"), ("a2", "asserted")]
    assert fact.independent_sources == 1 and fact.quantity == 3000.0 and not fact.contested


def test_copies_count_once() -> None:
    facts = merged(doc("a1", SIGNED_A), doc("a2", SIGNED_A), doc("a3", SIGNED_B), duplicates=[["a1", "a2"]])
    (fact,) = facts
    assert len(fact.sources) == 3 and fact.independent_sources == 2


def test_several_mentions_in_one_article_are_one_source_with_all_evidence() -> None:
    article = doc(
        "a1",
        (
            "Selon Séoul, Pyongyang livrerait des obus.",
            [E("livrerait", "072", ["PRK"], ["RUS"], certainty="reported")],
        ),
        "Rien n'a été confirmé.",
        ("Pyongyang a livré des obus à Moscou.", [E("livré", "072", ["PRK"], ["RUS"], obj="des obus")]),
    )
    (fact,) = merged(article)
    (source,) = fact.sources
    assert source.certainty == "asserted" and source.event_index == 1
    assert (
        source.evidence == "Pyongyang a livré des obus à Moscou. … Selon Séoul, Pyongyang livrerait des obus."
    )
    assert article.text[source.sentence.start : source.sentence.end] == "Pyongyang a livré des obus à Moscou."


def test_mentions_without_actors_and_unrelated_concerns_do_not_merge() -> None:
    vague = ("La réunion a eu lieu.", [E("réunion", "040")])
    assert multi(merged(doc("a1", vague), doc("a2", vague))) == []
    worry_us = ("Washington s'inquiète.", [E("inquiète", "111", ["USA"])])
    worry_br = ("Brasília s'inquiète aussi.", [E("inquiète", "111", ["BRA"])])
    assert multi(merged(doc("a1", worry_us), doc("a2", worry_br))) == []


def test_labels_and_serialisation() -> None:
    article = Article(
        id="a1",
        source="a1.txt",
        text="La Russie et la Corée du Nord ont signé un pacte.",
        mentions=[Mention(3, 9, "RUS", "country", "t"), Mention(16, 29, "PRK", "country", "t")],
        events=[EventMention(Span(0, 49), Span(33, 38), "057", "t", ["RUS", "PRK"], time="2024-06")],
    )
    (fact,) = merge_facts([article], [], KB)
    assert fact.label.startswith("Corée du Nord – Russie : ")
    row = fact_to_dict(fact)
    assert list(row) == [
        "id",
        "cameo",
        "label",
        "actors",
        "time",
        "quantity",
        "sources",
        "independent_sources",
        "contested",
        "contradictions",
        "wordings",
    ]
    assert row["time"] == "2024-06" and row["sources"][0]["sentence"] == [0, 49]
    assert row["wordings"]["fr"]["label"] == fact.label
    assert row["wordings"]["en"]["label"].endswith(": Sign an agreement")
    assert fallback_label("0571", "en") == fallback_label("057", "en") != fallback_label("057", "fr")
    assert fallback_label("999") == "CAMEO 999"


def test_ids_are_stable() -> None:
    first = merged(doc("a1", SIGNED_A), doc("a2", SIGNED_B))
    again = merged(doc("a2", SIGNED_B), doc("a1", SIGNED_A))
    assert [f.id for f in first] == [f.id for f in again]
    assert first[0].id.startswith("f-")


# Property: the result does not depend on the order the articles come in.
_CODES = ["057", "050", "0334", "072", "070", "062", "111", "150", "154", "190"]
_ACTORS = ["RUS", "PRK", "USA", "UKR", "putin", "kim", "shoigu"]
_TIMES = [None, "2024", "2024-06", "2024-06-19", "2024-07-01", "1961"]
_CERTAINTIES = ["asserted", "reported", "alleged", "denied", "speculative", "negated"]
_OBJECTS = [None, "des obus", "des soldats", "un traité", "du charbon"]

_event = st.builds(
    E,
    trigger=st.just("acte"),
    cameo=st.sampled_from(_CODES),
    src=st.lists(st.sampled_from(_ACTORS), max_size=2, unique=True),
    tgt=st.lists(st.sampled_from(_ACTORS), max_size=2, unique=True),
    obj=st.sampled_from(_OBJECTS),
    time=st.sampled_from(_TIMES),
    bounds=st.sampled_from([None, (None, "2024-10-04"), ("2024-01-01", None)]),
    certainty=st.sampled_from(_CERTAINTIES),
    quantity=st.sampled_from([None, 3000.0, 10000.0]),
    attributed=st.lists(st.sampled_from(["USA", "KOR"]), max_size=1),
    denied=st.lists(st.sampled_from(["PRK"]), max_size=1),
)


def _build(n: int, events: list[E]) -> Article:
    parts: list[str | tuple[str, list[E]]] = [
        (f"Phrase {k} : acte {e.obj or 'rien'}.", [e]) for k, e in enumerate(events)
    ]
    return doc(f"art{n:02d}", *parts)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(_event, max_size=4), min_size=1, max_size=6), st.randoms())
def test_merge_does_not_depend_on_article_order(corpus: list[list[E]], rng: random.Random) -> None:
    articles = [_build(n, specs) for n, specs in enumerate(corpus)]
    duplicates = [["art00", "art01"]] if len(articles) > 1 else []
    expected = json.dumps(
        [fact_to_dict(f) for f in merge_facts(articles, duplicates, KB)], ensure_ascii=False
    )
    shuffled = list(articles)
    rng.shuffle(shuffled)
    again = json.dumps([fact_to_dict(f) for f in merge_facts(shuffled, duplicates, KB)], ensure_ascii=False)
    assert again == expected


def test_vague_verbal_codes_need_an_anchor_to_merge_across_articles() -> None:
    talk_a = ("Moscou a fait une déclaration.", [E("déclaration", "010", ["RUS"])])
    talk_b = ("Le Kremlin a publié une déclaration.", [E("déclaration", "010", ["RUS"])])
    assert multi(merged(doc("a1", talk_a), doc("a2", talk_b))) == []
    # The same named parties on both sides are an anchor.
    meet_a = ("Kim a reçu Choïgou.", [E("reçu", "040", ["kim"], ["shoigu"])])
    meet_b = ("Choïgou et Kim se sont vus.", [E("vus", "040", ["kim"], ["shoigu"])])
    assert len(multi(merged(doc("a1", meet_a), doc("a2", meet_b)))) == 1


def test_worry_and_criticism_of_one_actor_are_one_reaction_across_articles() -> None:
    worry = ("Washington s'inquiète du pacte.", [E("inquiète", "012", ["USA"])])
    blame = ("Les États-Unis dénoncent le pacte.", [E("dénoncent", "111", ["USA"])])
    (fact,) = merged(doc("a1", worry), doc("a2", blame))
    assert fact.cameo in {"012", "111"} and fact.independent_sources == 2
    assert len(merged(doc("a1", worry, blame))) == 2  # within one text, two statements


def test_a_reaction_continued_by_an_anaphoric_subject_is_one_fact() -> None:
    article = doc(
        "a1",
        ("Le pacte a suscité de vives critiques du Brésil et du Chili.", [E("critiques", "111", ["BRA", "CHL"])]),
        ("Les dirigeants de ces pays ont dit leur inquiétude.", [E("inquiétude", "012", ["BRA", "CHL"])]),
        "Rien ne bouge.",
        ("Ces pays ont aussi dit leur inquiétude.", [E("inquiétude", "012", ["BRA", "CHL"])]),
    )
    article.events[1].rule += "+pronoun"
    article.events[2].rule += "+pronoun"
    facts = merged(article)
    # the next sentence goes on telling the reaction; two sentences later it is told again, separately
    assert sorted(len(f.sources[0].evidence.split(" … ")) for f in facts) == [1, 2]
    article.events[1].rule = "test"  # a subject named anew is not a continuation: the criticism stands alone
    (alone,) = [f for f in merged(article) if f.cameo == "111"]
    assert len(alone.sources[0].evidence.split(" … ")) == 1


def _reference_cluster(items: list[Item]) -> list[list[Item]]:
    """The merge as specified, without its shortcuts: every group of a shared block, every member."""
    clusters: list[list[Item]] = []
    index: dict[tuple[str, str], set[int]] = {}
    for item in sorted(items, key=lambda it: (-it.rank, it.article, it.index)):
        best: tuple[tuple[float, int, int], int] | None = None
        for number in sorted({c for actor in item.actors for c in index.get((item.family, actor), ())}):
            points = [score(item, member) for member in clusters[number]]
            if all(p is not None for p in points):
                total = sum(p for p in points if p is not None)
                key = (total / len(points), len(points), -number)
                if best is None or key > best[0]:
                    best = (key, number)
        if best is None:
            clusters.append([item])
            number = len(clusters) - 1
        else:
            number = best[1]
            clusters[number].append(item)
        for actor in item.actors:
            index.setdefault((item.family, actor), set()).add(number)
    return clusters


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_event, min_size=1, max_size=4), min_size=1, max_size=4), st.randoms())
def test_merge_shortcuts_give_the_reference_groups(events: list[list[E]], rng: random.Random) -> None:
    # Articles repeat one another's mentions (as copies and rewrites do), so that cross keys repeat.
    articles = [_build(n, [rng.choice(sum(events, [])) for _ in range(rng.randint(1, 5))]) for n in range(8)]
    items = _items(articles, KB)
    _inherit_phases(items)
    expected = [[(it.article, it.index) for it in group] for group in _reference_cluster(items)]
    assert [[(it.article, it.index) for it in group] for group in cluster(items)] == expected


def test_denials_by_one_denier_are_one_line() -> None:
    accused = (
        "Washington accuse Pyongyang d'avoir livré des obus à Moscou, ce que Pyongyang dément.",
        [E("livré", "072", ["PRK"], ["RUS"], obj="des obus", certainty="alleged", attributed=["USA"],
           denied=["PRK"])],
    )
    denial = ("Pyongyang nie avoir livré des obus à Moscou.",
              [E("livré", "072", ["PRK"], ["RUS"], obj="des obus", certainty="denied", attributed=["PRK"],
                 denied=["PRK"])])
    (fact,) = merged(doc("a1", accused), doc("a2", denial), doc("a3", denial))
    assert fact.contradictions == ["a2, a3 : démenti par PRK ; contre a1 (allégué)"]


def test_a_treaty_noun_takes_the_phase_of_the_verb_that_governs_it() -> None:
    adopted = (
        "Les députés russes ont adopté jeudi, sans aucune voix contre, le traité signé en juin.",
        [E("traité", "057", ["RUS"], ["PRK"], time="2024-10-24")],
    )
    ratified = ("Le Sénat russe a ratifié le traité avec la Corée du Nord jeudi.",
                [E("ratifié", "057", ["RUS"], ["PRK"], obj="le traité", time="2024-10-24")])
    facts = merged(doc("a1", adopted), doc("a2", ratified), doc("a3", SIGNED_A))
    (both,) = multi(facts)
    assert [s.article for s in both.sources] == ["a1", "a2"]
    assert both.label == "PRK – RUS : Ratifier un accord"
    assert all("Ratifier" not in f.label for f in facts if f is not both)
