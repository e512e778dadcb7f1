"""Certainty and attribution of event mentions, and the lexicon loader's errors (own sentences)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.test_events_helpers import FakeKB, article, by_trigger
from veille.events import LexiconError, build_lexicon, find_events
from veille.events.lexicon import DATA

KB = FakeKB()


def run(text: str, names: dict[str, str], lang: str = "fr"):  # type: ignore[no-untyped-def]
    return find_events(article(text, names, lang=lang), KB)


# --- French ---------------------------------------------------------------------------------------
def test_fr_asserted() -> None:
    text = "Le Chili a livré des munitions à la Bolivie."
    ev = by_trigger(run(text, {"Chili": "CHL", "Bolivie": "BOL"}), text, "livré")
    assert ev.certainty == "asserted" and ev.certainty_rule == "" and ev.attributed_to == []


def test_fr_reported_selon_and_conditional() -> None:
    text = "Selon l'agence Reuters, le Chili aurait livré des munitions à la Bolivie."
    ev = by_trigger(run(text, {"Reuters": "reuters", "Chili": "CHL", "Bolivie": "BOL"}), text, "livré")
    assert ev.certainty == "reported"
    assert ev.attributed_to == ["reuters"]
    assert ev.source_actors == ["CHL"]  # the source of the claim is not an actor


def test_fr_reported_by_journalistic_conditional_alone() -> None:
    text = "Le Chili aurait signé un accord avec la Bolivie."
    ev = by_trigger(run(text, {"Chili": "CHL", "Bolivie": "BOL"}), text, "signé")
    assert ev.certainty == "reported" and "aurait" in ev.certainty_rule


def test_fr_reported_by_speech_verb() -> None:
    text = "Le Pérou affirme que la Bolivie a attaqué un poste frontière."
    ev = by_trigger(run(text, {"Pérou": "PER", "Bolivie": "BOL"}), text, "attaqué")
    assert ev.certainty == "reported" and ev.attributed_to == ["PER"] and ev.source_actors == ["BOL"]


def test_fr_alleged_passive_accusation_and_denial_in_next_sentence() -> None:
    text = ("Le Chili a été accusé par le Pérou et l'Équateur d'avoir livré des drones à la Bolivie. "
            "Bien que Santiago nie ces accusations, des experts restent sceptiques.")
    evs = run(text, {"Chili": "CHL", "Pérou": "PER", "Équateur": "ECU", "Bolivie": "BOL", "Santiago": "CHL"})
    acc = by_trigger(evs, text, "accusé")
    assert acc.cameo.startswith("112") and acc.certainty == "asserted"
    assert acc.source_actors == ["PER", "ECU"] and acc.target_actors == ["CHL"]
    ev = by_trigger(evs, text, "livré")
    assert ev.certainty == "alleged"
    assert ev.source_actors == ["CHL"] and ev.target_actors == ["BOL"]
    assert ev.attributed_to == ["PER", "ECU"]
    assert ev.denied_by == ["CHL"]  # the denial points back to the accusation


def test_fr_alleged_active_accusation() -> None:
    text = "Le Pérou accuse la Bolivie d'avoir bombardé un village."
    ev = by_trigger(run(text, {"Pérou": "PER", "Bolivie": "BOL"}), text, "bombardé")
    assert ev.certainty == "alleged" and ev.attributed_to == ["PER"] and ev.source_actors == ["BOL"]


def test_fr_denied_in_the_same_sentence() -> None:
    text = "La Bolivie dément avoir livré des armes au Pérou."
    ev = by_trigger(run(text, {"Bolivie": "BOL", "Pérou": "PER"}), text, "livré")
    assert ev.certainty == "denied" and ev.denied_by == ["BOL"] and ev.source_actors == ["BOL"]


def test_fr_speculative_modal_and_unlinked_source_phrase() -> None:
    text = "Des diplomates occidentaux suspectent que le Pérou pourrait envoyer des troupes en Bolivie."
    ev = by_trigger(run(text, {"Pérou": "PER", "Bolivie": "BOL"}), text, "envoyer")
    assert ev.certainty == "speculative"
    assert ev.attributed_to == ["diplomates occidentaux"]
    assert ev.source_actors == ["PER"] and ev.target_actors == ["BOL"]


def test_fr_speculative_passive_envisage_and_adjective() -> None:
    text = "De nouvelles sanctions contre la Bolivie sont envisagées. Une possible visite de Lula à La Paz inquiète."
    evs = run(text, {"Bolivie": "BOL", "Lula": "lula", "La Paz": "BOL"})
    assert by_trigger(evs, text, "sanctions").certainty == "speculative"
    assert by_trigger(evs, text, "visite").certainty == "speculative"


def test_fr_negated_and_its_scope() -> None:
    text = "Le Japon n'a pas signé le traité avec la Corée du Sud."
    ev = by_trigger(run(text, {"Japon": "JPN", "Corée du Sud": "KOR"}), text, "signé")
    assert ev.certainty == "negated" and ev.certainty_rule.startswith("negated:")


def test_fr_restrictive_negation_is_not_a_negation() -> None:
    text = "Le Canada ne se contente pas de condamner l'attaque : il a livré des armes à l'Ukraine."
    evs = run(text, {"Canada": "CAN", "Ukraine": "UKR"})
    assert by_trigger(evs, text, "condamner").certainty == "asserted"
    sent = by_trigger(evs, text, "livré")
    assert sent.certainty == "asserted" and sent.source_actors == ["CAN"] and sent.target_actors == ["UKR"]


def test_fr_negation_does_not_reach_the_next_clause() -> None:
    text = "La Bolivie ne se limite pas à des échanges commerciaux ; elle a signé un pacte avec le Pérou."
    ev = by_trigger(run(text, {"Bolivie": "BOL", "Pérou": "PER"}), text, "signé")
    assert ev.certainty == "asserted"


# --- English --------------------------------------------------------------------------------------
def test_en_classes() -> None:
    names = {"Chile": "CHL", "Bolivia": "BOL", "Peru": "PER", "Reuters": "reuters", "Japan": "JPN",
             "Korea": "KOR"}
    text = ("According to Reuters, Chile delivered ammunition to Bolivia. "
            "Peru was accused by Chile of shelling a village. "
            "Peru could send troops to Bolivia. "
            "Japan did not sign the treaty with Korea. "
            "Chile allegedly supplied drones to Peru.")
    evs = run(text, names, lang="en")
    rep = by_trigger(evs, text, "delivered")
    assert rep.certainty == "reported" and rep.attributed_to == ["reuters"] and rep.source_actors == ["CHL"]
    shell = by_trigger(evs, text, "shelling")
    assert shell.certainty == "alleged" and shell.attributed_to == ["CHL"] and shell.source_actors == ["PER"]
    assert by_trigger(evs, text, "send").certainty == "speculative"
    assert by_trigger(evs, text, "sign").certainty == "negated"
    assert by_trigger(evs, text, "supplied").certainty == "alleged"


def test_en_denial_links_back() -> None:
    text = "Bolivia was accused by Peru of supplying drones to Chile. Bolivia denied the allegations."
    evs = run(text, {"Bolivia": "BOL", "Peru": "PER", "Chile": "CHL"}, lang="en")
    ev = by_trigger(evs, text, "supplying")
    assert ev.certainty == "alleged" and ev.denied_by == ["BOL"]


def test_en_not_only_is_not_a_negation() -> None:
    text = "Canada has not only condemned the attack."
    ev = by_trigger(run(text, {"Canada": "CAN"}, lang="en"), text, "condemned")
    assert ev.certainty == "asserted"


# --- the lexicon loader ---------------------------------------------------------------------------
def _lexicon_dir(tmp_path: Path, **override: str) -> Path:
    for f in DATA.iterdir():
        (tmp_path / f.name).write_text(override.get(f.name, f.read_text(encoding="utf-8")), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("signer\t057\tverb\tavec\t-\t-\textra", "columns"),
        ("signer\t999\tverb", "unknown CAMEO code"),
        ("signer\t05x\tverb", "2 to 4 digits"),
        ("signer\t057\tadjective", "verb or noun"),
        ("envoyer\t-\tverb\t-", "needs object rules"),
        ("envoyer\t-\tverb\t-\ttroops", "class=code"),
    ],
)
def test_trigger_file_errors_name_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    d = _lexicon_dir(tmp_path, **{"triggers_fr.tsv": "# header\n\n" + line + "\n"})
    with pytest.raises(LexiconError, match=message) as info:
        build_lexicon("fr", d)
    assert info.value.line == 3 and info.value.path.endswith("triggers_fr.tsv")
    assert "triggers_fr.tsv:3:" in str(info.value)


def test_duplicate_trigger_is_an_error(tmp_path: Path) -> None:
    d = _lexicon_dir(tmp_path, **{"triggers_fr.tsv": "signer\t057\tverb\nsigner\t057\tverb\n"})
    with pytest.raises(LexiconError, match="duplicate trigger .* line 1"):
        build_lexicon("fr", d)


def test_cue_file_errors(tmp_path: Path) -> None:
    d = _lexicon_dir(tmp_path, **{"certainty_fr.tsv": "selon\trumour\tsentence\tafter\n"})
    with pytest.raises(LexiconError, match="certainty_fr.tsv:1: class"):
        build_lexicon("fr", d)
    d = _lexicon_dir(tmp_path, **{"certainty_fr.tsv": "selon\treported\teverywhere\tafter\n"})
    with pytest.raises(LexiconError, match="scope"):
        build_lexicon("fr", d)


def test_grammar_file_errors(tmp_path: Path) -> None:
    d = _lexicon_dir(tmp_path, **{"grammar_fr.yaml": "determiners: le\n"})
    with pytest.raises(LexiconError, match="determiners"):
        build_lexicon("fr", d)


def test_shipped_lexicons_cover_all_roots() -> None:
    for lang, minimum in (("fr", 300), ("en", 200)):
        lex = build_lexicon(lang)
        events = [t for t in lex.triggers if not t.blocking]
        assert len(events) >= minimum
        roots = {t.cameo[:2] for t in events if t.cameo} | {c[:2] for t in events for _, c in t.by_object}
        assert roots == {f"{i:02d}" for i in range(1, 21)}
