"""Phrases of the trigger lexicons that contain a trigger word but tell no happening (own sentences)."""

from __future__ import annotations

from tests.unit.test_events_helpers import FakeKB, article
from veille.events import find_events

KB = FakeKB()


def triggers(text: str, names: dict[str, str], lang: str = "fr") -> dict[str, str]:
    a = article(text, names, lang=lang)
    return {text[e.trigger.start : e.trigger.end]: e.cameo for e in find_events(a, KB)}


def test_what_one_is_shielded_from_has_not_happened() -> None:
    assert "sanctions" not in triggers("Le veto de la Chine met le Soudan à l'abri de nouvelles sanctions.",
                                       {"Chine": "CHN", "Soudan": "SDN"})
    assert "sanctions" not in triggers("China's veto shields Sudan from new sanctions.",
                                       {"China": "CHN", "Sudan": "SDN"}, lang="en")
    # the noun still counts where sanctions are imposed
    assert triggers("Le Canada a adopté de nouvelles sanctions contre le Soudan.",
                    {"Canada": "CAN", "Soudan": "SDN"}).get("sanctions") == "163"


def test_a_bill_put_before_parliament_is_not_an_offer() -> None:
    found = triggers("Proposé au Parlement par le Chili en mai, le texte sera voté en juin.", {"Chili": "CHL"})
    assert "Proposé" not in found
    assert triggers("Le Chili a proposé son aide au Pérou.", {"Chili": "CHL", "Pérou": "PER"})


def test_a_promise_of_military_assistance_is_one_event() -> None:
    text = "Le Chili et le Pérou s'étaient promis une assistance militaire en cas d'attaque."
    found = triggers(text, {"Chili": "CHL", "Pérou": "PER"})
    assert found == {"promis une assistance militaire": "0332"}


def test_a_coordinated_second_verb_keeps_its_names() -> None:
    from tests.unit.test_events_helpers import by_trigger

    names = {"Chile": "CHL", "Peru": "PER", "Bolivia": "BOL", "United Nations": "UNO"}
    text = "Chile and Peru condemned the test and said it broke United Nations rules."
    condemn = by_trigger(find_events(article(text, names, lang="en"), KB), text, "condemned")
    assert condemn.source_actors == ["CHL", "PER"] and condemn.target_actors == []
    text = "Le Chili a condamné l'essai et a déclaré qu'il violait les règles des Nations unies."
    condemn = by_trigger(find_events(article(text, {"Chili": "CHL", "Nations unies": "UNO"}), KB), text, "condamné")
    assert condemn.source_actors == ["CHL"] and condemn.target_actors == []
    text = "Le Chili a condamné la Bolivie et le Pérou pour cet essai."
    names = {"Chili": "CHL", "Bolivie": "BOL", "Pérou": "PER"}
    condemn = by_trigger(find_events(article(text, names), KB), text, "condamné")
    assert condemn.target_actors == ["BOL", "PER"]  # names coordinated under one verb stay its targets


def test_these_accusations_are_made_by_the_earlier_accusers_not_the_sentence_subject() -> None:
    from tests.unit.test_events_helpers import by_trigger

    text = ("Le Chili accuse la Bolivie d'avoir livré des armes au Pérou. "
            "La Bolivie nie avoir livré quoi que ce soit, et le Pérou qualifie ces accusations de rumeurs.")
    names = {"Chili": "CHL", "Bolivie": "BOL", "Pérou": "PER"}
    accusations = by_trigger(find_events(article(text, names), KB), text, "accusations")
    assert accusations.source_actors == ["CHL"] and accusations.target_actors == ["BOL"]


def test_accusations_that_someone_rejects_are_a_denial_not_an_accusation() -> None:
    found = triggers("Des accusations que la Bolivie rejette.", {"Bolivie": "BOL"})
    assert list(found.values()) == ["016"]
    found = triggers("Allegations that Bolivia denies.", {"Bolivia": "BOL"}, lang="en")
    assert list(found.values()) == ["016"]


def test_an_accuser_or_an_unnamed_recipient_is_not_borrowed_as_recipient() -> None:
    from tests.unit.test_events_helpers import by_trigger

    names = {"Chili": "CHL", "Bolivie": "BOL", "Pérou": "PER"}
    text = "Le Chili accuse la Bolivie de trafic. D'après Lima, la Bolivie aurait livré des millions d'obus."
    ev = by_trigger(find_events(article(text, names), KB), text, "livré")
    assert ev.source_actors == ["BOL"] and ev.target_actors == []
    text = "Le Pérou manque de tout. La Bolivie a livré des armes à son voisin."
    ev = by_trigger(find_events(article(text, names), KB), text, "livré")
    assert ev.target_actors == []
    text = "Le Pérou manque de tout. La Bolivie a livré des armes."
    ev = by_trigger(find_events(article(text, names), KB), text, "livré")
    assert ev.target_actors == ["PER"]  # the needy neighbour of the sentence before still receives


def test_a_possessive_noun_is_done_by_whoever_was_named_before() -> None:
    from tests.unit.test_events_helpers import by_trigger

    names = {"Chili": "CHL", "Pérou": "PER"}
    text = "Le Chili a fermé sa frontière. Ses tirs de missiles, selon les experts, inquiètent le Pérou voisin."
    ev = by_trigger(find_events(article(text, names), KB), text, "tirs")
    assert ev.source_actors == ["CHL"]
    text = "Chile closed its border. Its missile launches have worried Peru."
    ev = by_trigger(find_events(article(text, {"Chile": "CHL", "Peru": "PER"}, lang="en"), KB), text, "launches")
    assert ev.source_actors == ["CHL"]


def test_a_named_direct_object_is_the_target_not_a_thing() -> None:
    from tests.unit.test_events_helpers import by_trigger

    text = "Le Chili accuse le Pérou d'avoir livré des armes."
    ev = by_trigger(find_events(article(text, {"Chili": "CHL", "Pérou": "PER"}), KB), text, "accuse")
    assert ev.target_actors == ["PER"] and ev.object is None


def test_an_intertitle_yields_no_event() -> None:
    from veille.types import Paragraph

    text = "Une démonstration de force\nLe Chili a tiré trois missiles vers le Pérou."
    a = article(text, {"Chili": "CHL", "Pérou": "PER"})
    heading_end = text.index("\n")
    a.paragraphs = [Paragraph(0, heading_end, "heading"), Paragraph(heading_end + 1, len(text))]
    found = {text[e.trigger.start : e.trigger.end] for e in find_events(a, KB)}
    assert found and not any("démonstration" in f for f in found)


def test_state_in_a_title_is_not_the_verb_to_state() -> None:
    found = triggers("Secretary of State Rubio said Chile and Peru held talks.", {"Chile": "CHL", "Peru": "PER"},
                     lang="en")
    assert "State" not in found and "held talks" in found
    assert "state" in triggers("Chile will state its position to Peru.", {"Chile": "CHL", "Peru": "PER"}, lang="en")
