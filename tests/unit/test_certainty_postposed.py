"""A reporting verb after what it reports: « …, a déclaré le ministère » (own sentences)."""

from __future__ import annotations

from tests.unit.test_events_helpers import FakeKB, article, by_trigger
from veille.events import find_events

KB = FakeKB()
NAMES = {"Chili": "CHL", "Pérou": "PER", "Bolivie": "BOL", "péruvien": "PER"}


def event(text: str, word: str, times: list[tuple[str, str]] = ()):  # type: ignore[no-untyped-def, assignment]
    return by_trigger(find_events(article(text, NAMES, times=times), KB), text, word)


def test_a_postposed_reporting_verb_names_the_source() -> None:
    ev = event("Le Chili aurait livré des armes à la Bolivie, a déclaré mardi le ministère péruvien.", "livré",
               times=[("mardi", "2024-05-07")])
    assert ev.certainty == "reported" and ev.attributed_to == ["PER"]
    assert ev.time is None  # mardi dates the statement, not the delivery


def test_a_present_tense_postposed_verb_reports_an_assertion() -> None:
    ev = event("Le Chili a livré des armes à la Bolivie, affirme le Pérou.", "livré")
    assert ev.certainty == "reported" and ev.attributed_to == ["PER"]


def test_a_verb_after_a_subject_in_commas_is_no_postposed_report() -> None:
    ev = event("Le Chili, confirmant son engagement, a assuré la Bolivie de son soutien et a livré des armes.",
               "livré")
    assert ev.certainty == "asserted" and ev.attributed_to == []


def test_a_verb_with_its_own_que_clause_reports_what_follows() -> None:
    text = "La visite du Chili, en mai, a confirmé que le Pérou avait livré des armes à la Bolivie."
    ev = event(text, "livré")
    assert ev.certainty == "reported"
    visit = event(text, "visite")
    assert visit.certainty == "asserted"


def test_a_participle_is_no_postposed_speaker() -> None:
    ev = event("Le Chili a livré des armes à la Bolivie, soulignant l'importance de leur alliance.", "livré")
    assert ev.certainty == "asserted"
