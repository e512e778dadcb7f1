"""A wire story's dateline dates its filing, not the happenings of its first sentence."""

from __future__ import annotations

from tests.unit.test_events_helpers import FakeKB, article, by_trigger
from veille.events import find_events
from veille.events.dateline import is_dateline
from veille.types import TimeRef

KB = FakeKB()


def _ref(text: str, surface: str) -> TimeRef:
    start = text.index(surface)
    return TimeRef(start, start + len(surface), "2024-03-02", "DATE", "test")


def test_dateline_dates_are_recognised_in_both_languages() -> None:
    fr = "LIMA, 2 mars 2024 (AFP) - Le Chili a envoyé 500 soldats au Pérou."
    en = "Intro line.\nSANTIAGO, March 2 (Reuters) — Chile sent 500 troops to Peru."
    assert is_dateline(fr, _ref(fr, "2 mars 2024"))
    assert is_dateline(en, _ref(en, "March 2"))


def test_a_date_in_running_text_is_no_dateline() -> None:
    text = "Le Chili a envoyé, 2 mars 2024 - selon Lima, 500 soldats. Enfin, le 2 mars 2024 (jour férié) - rien."
    assert not is_dateline(text, _ref(text, "2 mars 2024"))
    later = text.rindex("2 mars 2024")
    assert not is_dateline(text, TimeRef(later, later + 11, "2024-03-02", "DATE", "test"))


def test_an_event_does_not_take_its_date_from_the_dateline() -> None:
    text = "LIMA, 2 mars 2024 (AFP) - Le Chili a envoyé 500 soldats au Pérou."
    a = article(text, {"Chili": "CHL", "Pérou": "PER"}, times=[("2 mars 2024", "2024-03-02")])
    sent = by_trigger(find_events(a, KB), text, "envoyé")
    assert sent.time is None
    dated = "Le 2 mars 2024, le Chili a envoyé 500 soldats au Pérou."
    a = article(dated, {"Chili": "CHL", "Pérou": "PER"}, times=[("2 mars 2024", "2024-03-02")])
    assert by_trigger(find_events(a, KB), dated, "envoyé").time == "2024-03-02"


def test_a_date_of_the_triggers_own_clause_comes_first() -> None:
    text = ("Soumis au vote la semaine dernière, le texte avait été signé par le Chili en présence de son ministre "
            "le 19 juin 2024.")
    a = article(text, {"Chili": "CHL"}, times=[("la semaine dernière", "2024-W19"), ("19 juin 2024", "2024-06-19")])
    assert by_trigger(find_events(a, KB), text, "signé").time == "2024-06-19"
    text = "Le 19 juin 2024, à Lima, le Chili a signé un traité."
    a = article(text, {"Chili": "CHL"}, times=[("19 juin 2024", "2024-06-19")])
    assert by_trigger(find_events(a, KB), text, "signé").time == "2024-06-19"  # no date in its clause: nearest


def test_a_date_after_the_verb_is_not_its_object() -> None:
    text = "Le Chili a signé le 19 juin 2024 un traité avec le Pérou."
    a = article(text, {"Chili": "CHL", "Pérou": "PER"}, times=[("le 19 juin 2024", "2024-06-19")])
    ev = by_trigger(find_events(a, KB), text, "signé")
    assert ev.object is not None and text[ev.object.start : ev.object.end].startswith("traité")
    assert ev.time == "2024-06-19"
