"""Entity recognition and linking, on sentences written for these tests."""

from __future__ import annotations

import pytest

from veille.entities import find_mentions, spacy_entity_ruler_patterns
from veille.kb import load_kb
from veille.types import Mention

KB = load_kb()


def found(text: str, lang: str = "fr") -> list[tuple[str, str]]:
    """(surface, entity id) pairs, in text order."""
    return [(text[m.start : m.end], m.entity_id) for m in find_mentions(text, KB, lang)]


def mentions(text: str, lang: str = "fr") -> list[Mention]:
    return find_mentions(text, KB, lang)


def test_sorted_non_overlapping_with_rules() -> None:
    text = "La Corée du Nord, la Guinée-Bissau et la Guinée ; Vladimir Poutine à Moscou."
    ms = mentions(text)
    assert [m.start for m in ms] == sorted(m.start for m in ms)
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:], strict=False))
    assert all(m.rule for m in ms)
    assert found(text) == [("Corée du Nord", "PRK"), ("Guinée-Bissau", "GNB"), ("Guinée", "GIN"),
                           ("Vladimir Poutine", "vladimir-putin"), ("Moscou", "RUS")]
    assert ms[0].rule == "country:fr:Corée du Nord" and ms[0].kind == "country"


def test_case_and_accents() -> None:
    assert found("Les Etats-Unis, les États-Unis et l'Elysée.") == [
        ("Etats-Unis", "USA"), ("États-Unis", "USA"), ("Elysée", "FRA")]
    # a capitalised name needs its capital: « paris » (bets) is not Paris
    assert found("Ils ont fait des paris risqués.") == []


@pytest.mark.parametrize("text", ["l'Ukraine", "l\u2019Ukraine", "d'Ukraine", "d\u2019Ukraine", "qu'en Ukraine"])
def test_elisions(text: str) -> None:
    assert found(f"Il parle de {text} ce matin.") == [("Ukraine", "UKR")]


def test_elided_metonyms_and_word_boundaries() -> None:
    assert found("Il n'est resté qu'à Moscou, puis l'Iran a réagi.") == [("Moscou", "RUS"), ("Iran", "IRN")]
    got = found("Le chercheur Irandoust et la machine du Malinois.")
    assert all(eid not in ("IRN", "CHN", "MLI") for _, eid in got)


def test_compound_adjectives() -> None:
    assert found("Un pacte russo-nord-coréen a été signé.") == [("russo", "RUS"), ("nord-coréen", "PRK")]
    ms = mentions("Le sommet sino-russe de mardi.")
    assert [(m.entity_id, m.rule) for m in ms] == [("CHN", "combining:fr:sino-"), ("RUS", "demonym:fr:russe")]
    assert found("Une entente franco-allemande et des liens nippo-américains.") == [
        ("franco", "FRA"), ("allemande", "DEU"), ("nippo", "JPN"), ("américains", "USA")]
    # a combining form outside a compound of countries is nothing
    assert found("Un texte gréco-romain et un sous-marin anglo-saxon.") == []


def test_russo_coreen_resolved_by_context() -> None:
    north = "Pyongyang a reçu une délégation. Les liens russo-coréens se renforcent."
    assert found(north)[-1] == ("coréens", "PRK")
    south = "Séoul a reçu une délégation. Les liens russo-coréens se renforcent."
    assert found(south)[-1] == ("coréens", "KOR")
    alone = "Les liens russo-coréens se renforcent."
    assert found(alone) == [("russo", "RUS"), ("coréens", "KOR")]


def test_metonyms() -> None:
    ms = mentions("Le Kremlin dément, la Maison-Blanche s'inquiète et Downing Street se tait.")
    assert [(m.entity_id, m.rule) for m in ms] == [
        ("RUS", "metonym:fr:Kremlin"), ("USA", "metonym:fr:Maison-Blanche"), ("GBR", "metonym:fr:Downing Street")]
    assert found("Kiev et Kyiv, Pékin et Beijing, Séoul et Pyongyang.") == [
        ("Kiev", "UKR"), ("Kyiv", "UKR"), ("Pékin", "CHN"), ("Beijing", "CHN"), ("Séoul", "KOR"), ("Pyongyang", "PRK")]


@pytest.mark.parametrize(
    ("word", "eid"),
    [("russe", "RUS"), ("russes", "RUS"), ("nord-coréen", "PRK"), ("nord-coréenne", "PRK"),
     ("nord-coréens", "PRK"), ("nord-coréennes", "PRK"), ("Nord-Coréens", "PRK"), ("américaine", "USA"),
     ("américains", "USA"), ("sud-coréennes", "KOR"), ("ukrainienne", "UKR"), ("soviétiques", "SUN"),
     ("chinoise", "CHN"), ("turque", "TUR"), ("grecques", "GRC")],
)
def test_french_demonyms(word: str, eid: str) -> None:
    ms = mentions(f"Des représentants {word} étaient là.")
    assert [(m.entity_id, m.rule) for m in ms] == [(eid, f"demonym:fr:{word.lower()}")]


def test_english() -> None:
    text = "Russian troops and North Korean officers met; the DPRK and the US talked in Washington."
    assert found(text, "en") == [("Russian", "RUS"), ("North Korean", "PRK"), ("DPRK", "PRK"),
                                 ("US", "USA"), ("Washington", "USA")]
    assert found("Putin met Kim Jong Un in Pyongyang.", "en") == [
        ("Putin", "vladimir-putin"), ("Kim Jong Un", "kim-jong-un"), ("Pyongyang", "PRK")]


def test_washington_city_or_person() -> None:
    assert found("Selon Washington, la décision est prise.") == [("Washington", "USA")]
    assert found("Le portrait de George Washington.") == [("George Washington", "george-washington")]
    assert all(eid != "USA" for _, eid in found("L'acteur Denzel Washington a tourné."))


def test_bare_names_link_to_the_full_name_met_earlier() -> None:
    assert found("Kim Il-sung a reçu un émissaire. Kim a souri.")[-1] == ("Kim", "kim-il-sung")
    assert found("Kim Jong-un a reçu un émissaire. Kim a souri.")[-1] == ("Kim", "kim-jong-un")
    # nothing to link a bare Kim to: no mention rather than a guess
    assert found("Kim a souri.") == []
    ms = mentions("Sergueï Choïgou est arrivé ; Choïgou a parlé, puis Poutine.")
    assert [(m.entity_id, m.rule) for m in ms][1:] == [
        ("sergei-shoigu", "short:any:Choïgou+context"), ("vladimir-putin", "short:any:Poutine+default")]
    # a surname known only from full names links only when the full name is in the article
    assert found("Powell a parlé.") == []
    assert found("Colin Powell est venu. Powell a parlé.")[-1] == ("Powell", "colin-powell")
    # a first name before it makes another person
    assert all(eid != "donald-trump" for _, eid in found("Sa fille Ivanka Trump est venue."))


def test_common_word_collisions_are_flagged_in_data() -> None:
    assert found("Paris Hilton est arrivée à Paris.") == [("Paris", "FRA")]
    assert found("Michael Jordan visited Jordan.", "en")[-1] == ("Jordan", "JOR")
    assert all(eid != "JOR" for _, eid in found("Michael Jordan visited Jordan.", "en")[:-1])
    assert found("She lives in Atlanta, Georgia.", "en") == []
    assert found("Tbilisi said Georgia would apply.", "en") == [("Tbilisi", "GEO"), ("Georgia", "GEO")]
    assert found("Le Niger et le Nigeria, le Tchad.") == [("Niger", "NER"), ("Nigeria", "NGA"), ("Tchad", "TCD")]
    assert found("L'Amérique latine et l'Amérique.") == [("Amérique", "USA")]
    assert found("Les négociations à l'ONU et dans l'UE : que faire ?") == [
        ("ONU", "united-nations"), ("UE", "european-union")]


def test_organisations() -> None:
    text = "Selon l'agence nord-coréenne KCNA, le Conseil de la Fédération et l'OTAN ont réagi."
    ms = mentions(text)
    assert [(text[m.start:m.end], m.entity_id, m.kind) for m in ms] == [
        ("agence nord-coréenne KCNA", "korean-central-news-agency", "organisation"),
        ("Conseil de la Fédération", "federation-council", "organisation"),
        ("OTAN", "nato", "organisation")]
    assert found("La chambre haute russe a voté.") == [("chambre haute russe", "federation-council")]


def test_provisional_names() -> None:
    text = ("Le président Jean Dupont a reçu M. Lefort et la ministre de la Culture Anne Morel. "
            "Selon l'Institut Boulanger, Pauline Garnier a démissionné. Lefort a refusé.")
    ms = [m for m in mentions(text) if m.provisional]
    got = [(text[m.start:m.end], m.entity_id, m.kind) for m in ms]
    assert got == [
        ("Jean Dupont", "jean-dupont", "person"),
        ("Lefort", "lefort", "person"),
        ("Anne Morel", "anne-morel", "person"),
        ("Institut Boulanger", "institut-boulanger", "organisation"),
        ("Pauline Garnier", "pauline-garnier", "person"),
    ]
    assert ms[0].rule == "provisional:title:président"
    assert ms[3].rule == "provisional:org-word:institut"
    assert ms[4].rule == "provisional:first-name:Pauline"


def test_provisional_names_english() -> None:
    text = "Minister Jane Holloway told the Ministry of Fisheries that Mr. Okafor had left."
    got = [(text[m.start:m.end], m.kind) for m in mentions(text, "en") if m.provisional]
    assert got == [("Jane Holloway", "person"), ("Ministry of Fisheries", "organisation"), ("Okafor", "person")]


def test_sentence_initial_words_are_not_entities() -> None:
    text = "Cependant, rien ne bouge. Ensuite Les Habitants attendent. Pourtant Personne ne sait."
    assert mentions(text) == []


def test_known_name_wins_over_provisional() -> None:
    ms = mentions("Le président russe Vladimir Poutine est arrivé.")
    assert [(m.entity_id, m.provisional) for m in ms] == [("RUS", False), ("vladimir-putin", False)]


def test_spacy_patterns_export() -> None:
    patterns = spacy_entity_ruler_patterns(KB)
    assert {"label": "PERSON", "pattern": "Vladimir Poutine", "id": "vladimir-putin"} in patterns
    assert {"label": "GPE", "pattern": "Corée du Nord", "id": "PRK"} in patterns
    assert {"label": "NORP", "pattern": "nord-coréennes", "id": "PRK"} in patterns
    assert all(set(p) == {"label", "pattern", "id"} for p in patterns)


def test_first_name_cue_keeps_the_spelling_of_the_text() -> None:
    # « Eric » and « Éric » are both first names and share the key « eric ».
    text = "Eric Jacote et Éric Dupont sont arrivés."
    assert [m.rule for m in mentions(text)] == ["provisional:first-name:Eric", "provisional:first-name:Éric"]
