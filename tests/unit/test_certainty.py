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


# --- negation, absence, condition, denial anaphora (own sentences) --------------------------------------
def test_negation_covers_the_verb_and_its_complement() -> None:
    text = "Le Pakistan n'a plus procédé à un essai nucléaire depuis des années."
    assert by_trigger(run(text, {"Pakistan": "PAK"}), text, "essai").certainty == "negated"
    text = "India has not carried out a nuclear test in decades."
    assert by_trigger(run(text, {"India": "IND"}, lang="en"), text, "nuclear test").certainty == "negated"
    text = "Aucun des deux pays n'a signé de traité avec le Chili."
    assert by_trigger(run(text, {"Chili": "CHL"}), text, "signé").certainty == "negated"
    text = "Le texte contient l'engagement de ne conclure aucun accord avec un pays tiers."
    assert by_trigger(run(text, {}), text, "conclure").certainty == "negated"


def test_negation_stops_at_a_subordinate_clause_and_a_second_verb() -> None:
    text = "Le Pérou n'a pas dit hier que le Chili a signé un accord avec la Bolivie."
    ev = by_trigger(run(text, {"Pérou": "PER", "Chili": "CHL", "Bolivie": "BOL"}), text, "signé")
    assert ev.certainty != "negated"
    text = "Le Caire n'a jamais reconnu cet envoi et nie avoir livré des armes au Soudan."
    ev = by_trigger(run(text, {"Caire": "EGY", "Soudan": "SDN"}), text, "livré")
    assert ev.certainty == "denied" and ev.denied_by == ["EGY"]


def test_a_negated_confirmation_leaves_the_claim_unconfirmed_not_negated() -> None:
    text = "La Turquie n'a jamais reconnu l'envoi de soldats en Libye."
    ev = by_trigger(run(text, {"Turquie": "TUR", "Libye": "LBY"}), text, "envoi")
    assert ev.certainty == "reported" and "unconfirmed" in ev.certainty_rule
    text = "Turkish officials have not confirmed the deployment of troops in Libya."
    ev = by_trigger(run(text, {"Turkish": "TUR", "Libya": "LBY"}, lang="en"), text, "deployment")
    assert ev.certainty == "reported" and "unconfirmed" in ev.certainty_rule


def test_ni_ni_negates_both_verbs_so_it_is_no_denial() -> None:
    text = "Le Tchad accuse l'Égypte d'avoir livré des armes au Soudan. Le Caire n'a ni confirmé ni démenti ces informations."
    evs = run(text, {"Tchad": "TCD", "Égypte": "EGY", "Soudan": "SDN", "Caire": "EGY"})
    assert not any(e.cameo == "016" for e in evs)
    ev = by_trigger(evs, text, "livré")
    assert ev.certainty == "alleged" and ev.denied_by == []
    text = "Chad accuses Egypt of delivering weapons to Sudan. Cairo has not denied these reports."
    evs = run(text, {"Chad": "TCD", "Egypt": "EGY", "Sudan": "SDN", "Cairo": "EGY"}, lang="en")
    assert not any(e.cameo == "016" for e in evs) and by_trigger(evs, text, "delivering").denied_by == []


def test_a_bare_or_anaphoric_denial_answers_the_previous_claims() -> None:
    for text, lang in (("Le Tchad accuse l'Égypte d'avoir livré des armes au Soudan. L'Égypte dément.", "fr"),
                       ("Le Tchad accuse l'Égypte d'avoir livré des armes au Soudan. L'Égypte rejette ces accusations.",
                        "fr"),
                       ("Chad accuses Egypt of delivering weapons to Sudan. Egypt denies.", "en"),
                       ("Chad accuses Egypt of delivering weapons to Sudan. Egypt rejects these accusations.", "en")):
        names = {"Tchad": "TCD", "Égypte": "EGY", "Soudan": "SDN", "Chad": "TCD", "Egypt": "EGY", "Sudan": "SDN"}
        evs = run(text, names, lang=lang)
        assert not any(e.cameo == "016" for e in evs), text
        ev = by_trigger(evs, text, "livré" if lang == "fr" else "delivering")
        assert ev.certainty == "alleged" and ev.denied_by == ["EGY"], text


def test_the_accused_is_not_a_source_of_the_accusation() -> None:
    text = "Le vote a lieu alors que le Tchad et le Niger accusent l'Égypte d'avoir envoyé des soldats au Soudan."
    ev = by_trigger(run(text, {"Tchad": "TCD", "Niger": "NER", "Égypte": "EGY", "Soudan": "SDN"}), text, "envoyé")
    assert ev.certainty == "alleged" and ev.attributed_to == ["TCD", "NER"] and ev.source_actors == ["EGY"]
    text = "Chad and Niger accuse Egypt of sending troops to Sudan."
    ev = by_trigger(run(text, {"Chad": "TCD", "Niger": "NER", "Egypt": "EGY", "Sudan": "SDN"}, lang="en"), text,
                    "sending")
    assert ev.attributed_to == ["TCD", "NER"] and ev.source_actors == ["EGY"]


def test_what_is_still_missing_or_awaited_has_not_happened() -> None:
    text = "Manque encore la ratification du Sénat argentin."
    assert by_trigger(run(text, {"argentin": "ARG"}), text, "ratification").certainty == "negated"
    text = "Reste à obtenir la signature du président chilien."
    assert by_trigger(run(text, {"chilien": "CHL"}), text, "signature").certainty == "negated"
    text = "The accord still awaits ratification by the Argentine parliament."
    assert by_trigger(run(text, {"Argentine": "ARG"}, lang="en"), text, "ratification").certainty == "negated"


def test_a_condition_makes_its_event_speculative_but_a_concession_does_not() -> None:
    text = "Si l'Argentine subit une agression armée, le Brésil enverra des troupes."
    assert by_trigger(run(text, {"Argentine": "ARG", "Brésil": "BRA"}), text, "agression").certainty == "speculative"
    text = "Même si le Chili a signé un accord avec la Bolivie, la frontière reste fermée."
    assert by_trigger(run(text, {"Chili": "CHL", "Bolivie": "BOL"}), text, "signé").certainty == "asserted"
    text = "Even if Chile signed an accord with Bolivia, the border stays closed."
    assert by_trigger(run(text, {"Chile": "CHL", "Bolivia": "BOL"}, lang="en"), text, "signed").certainty == "asserted"


def test_a_dated_background_event_after_a_temporal_preposition_keeps_its_certainty() -> None:
    text = "La visite interviendrait deux mois après la signature d'un accord entre le Brésil et l'Argentine."
    evs = run(text, {"Brésil": "BRA", "Argentine": "ARG"})
    assert by_trigger(evs, text, "signature").certainty == "asserted"
    text = "Troops could move weeks after the signing of an accord between Brazil and Argentina."
    evs = run(text, {"Brazil": "BRA", "Argentina": "ARG"}, lang="en")
    assert by_trigger(evs, text, "signing").certainty == "asserted"


def test_a_word_of_a_time_expression_is_never_a_cue() -> None:
    text = "In May Turkey sent troops to Libya."
    ev = by_trigger(find_events(article(text, {"Turkey": "TUR", "Libya": "LBY"}, lang="en", times=[("In May", "2024-05")]),
                                KB), text, "sent")
    assert ev.certainty == "asserted"


def test_a_reporting_verb_coordinated_after_an_act_reports_what_follows_it_only() -> None:
    text = "Brazil and Chile condemned the strike and said it violated the truce."
    evs = run(text, {"Brazil": "BRA", "Chile": "CHL"}, lang="en")
    assert by_trigger(evs, text, "condemned").certainty == "asserted"
    assert by_trigger(evs, text, "violated").certainty == "reported"
    text = "Argentina fired a missile, officials said."
    evs = run(text, {"Argentina": "ARG"}, lang="en")
    assert by_trigger(evs, text, "fired").certainty == "reported"


def test_an_open_question_or_a_condition_is_speculative_in_english() -> None:
    text = "Chile declined to say whether Peruvian troops are fighting in Bolivia."
    evs = run(text, {"Chile": "CHL", "Peruvian": "PER", "Bolivia": "BOL"}, lang="en")
    assert by_trigger(evs, text, "fighting").certainty == "speculative"
    text = "If Peru attacks Chile, Brazil will mediate."
    evs = run(text, {"Peru": "PER", "Chile": "CHL", "Brazil": "BRA"}, lang="en")
    assert by_trigger(evs, text, "attacks").certainty == "speculative"
