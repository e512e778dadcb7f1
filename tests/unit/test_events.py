"""Event mentions: triggers, arguments, quantities, times (own sentences, French and English)."""

from __future__ import annotations

from tests.unit.test_events_helpers import FakeKB, article, by_trigger
from veille.events import cameo_label, find_events

KB = FakeKB()


def run(text: str, names: dict[str, str], **kw):  # type: ignore[no-untyped-def]
    a = article(text, names, **kw)
    return a, find_events(a, KB)


def test_active_voice_verb_with_avec() -> None:
    text = "Le Brésil a signé un accord commercial avec l'Argentine."
    _, evs = run(text, {"Brésil": "BRA", "Argentine": "ARG"})
    ev = by_trigger(evs, text, "signé")
    assert ev.cameo == "057"
    assert (ev.source_actors, ev.target_actors) == (["BRA"], ["ARG"])
    assert text[ev.object.start : ev.object.end].startswith("accord")
    assert ev.certainty == "asserted"
    assert len(evs) == 1  # « accord » inside the object is not a second event


def test_person_and_country_in_one_subject_keep_the_person() -> None:
    text = "Le président brésilien Lula a ratifié un traité avec l'Argentine."
    _, evs = run(text, {"brésilien": "BRA", "Lula": "lula", "Argentine": "ARG"})
    ev = by_trigger(evs, text, "ratifié")
    assert ev.source_actors == ["lula"] and ev.target_actors == ["ARG"]


def test_approving_a_treaty_is_ratifying_it_approving_a_plan_is_agreeing() -> None:
    text = "Le Sénat brésilien a approuvé le traité avec l'Argentine. Lula a approuvé le plan de Milei."
    _, evs = run(text, {"brésilien": "BRA", "Argentine": "ARG", "Lula": "lula", "Milei": "milei"})
    assert [e.cameo for e in evs if text[e.trigger.start : e.trigger.end].startswith("approuvé")] == ["057", "019"]


def test_passive_agent_is_the_source() -> None:
    text = "Le Soudan a été attaqué par l'Égypte et l'Éthiopie."
    _, evs = run(text, {"Soudan": "SDN", "Égypte": "EGY", "Éthiopie": "ETH"})
    ev = by_trigger(evs, text, "attaqué")
    assert ev.cameo.startswith("19")
    assert ev.source_actors == ["EGY", "ETH"] and ev.target_actors == ["SDN"]


def test_a_nationality_after_a_title_shares_the_title_s_preposition() -> None:
    text = "Le texte a été signé par le président brésilien et par Milei."
    _, evs = run(text, {"brésilien": "BRA", "Milei": "milei"})
    assert by_trigger(evs, text, "signé").source_actors == ["BRA", "milei"]
    text = "Le traité a été signé par Lula et le dirigeant argentin."
    _, evs = run(text, {"Lula": "lula", "argentin": "ARG"})
    assert by_trigger(evs, text, "signé").source_actors == ["lula", "ARG"]
    # a nationality after an event noun is who acts, not who is governed: « une invasion russe »
    text = "Le Soudan lutte contre une invasion égyptienne."
    _, evs = run(text, {"Soudan": "SDN", "égyptienne": "EGY"})
    assert by_trigger(evs, text, "invasion").source_actors == ["EGY"]


def test_an_event_set_inside_a_visit_after_a_comma_dates_it_and_names_the_visitor() -> None:
    text = "Le texte a été signé par Lula et Milei le 3 mai 2024, lors d'une visite à Buenos Aires."
    _, evs = run(text, {"Lula": "lula", "Milei": "milei", "Buenos Aires": "ARG"},
                 times=[("3 mai 2024", "2024-05-03")])
    visit = by_trigger(evs, text, "visite")
    assert visit.time == "2024-05-03" and visit.source_actors == ["lula"] and visit.target_actors == ["ARG"]


def test_entre_x_et_y_nominalisation() -> None:
    text = "La rencontre entre Lula et Milei s'est tenue hier."
    _, evs = run(text, {"Lula": "lula", "Milei": "milei"})
    ev = by_trigger(evs, text, "rencontre")
    assert ev.cameo == "040"
    assert ev.source_actors == ["lula"] and ev.target_actors == ["milei"]


def test_visit_nominalisation_source_target_place() -> None:
    text = "Les images de la visite de Modi à Moscou ont été diffusées."
    _, evs = run(text, {"Modi": "modi", "Moscou": "RUS"})
    ev = by_trigger(evs, text, "visite")
    assert ev.cameo == "042"
    assert ev.source_actors == ["modi"] and ev.target_actors == ["RUS"] and ev.place == "Moscou"


def test_sending_troops_quantity_and_object_class() -> None:
    text = "Ankara confirme l'envoi de 2 500 soldats turcs en Libye."
    _, evs = run(text, {"Ankara": "TUR", "turcs": "TUR", "Libye": "LBY"})
    ev = by_trigger(evs, text, "envoi")
    assert ev.cameo == "062"  # troops → military cooperation
    assert ev.source_actors == ["TUR"] and ev.target_actors == ["LBY"]
    assert ev.quantity is not None and ev.quantity.value == 2500 and not ev.quantity.approximate
    assert ev.quantity.unit == "soldat"


def test_quantity_ranges_and_vague_amounts() -> None:
    text = "Le Tchad a déployé entre 10 000 et 12 000 hommes. Le Niger a envoyé des milliers de soldats au Mali."
    _, evs = run(text, {"Tchad": "TCD", "Niger": "NER", "Mali": "MLI"})
    dep = by_trigger(evs, text, "déployé")
    assert dep.cameo == "154" and dep.quantity is not None
    assert dep.quantity.value == 10000 and dep.quantity.approximate
    sent = by_trigger(evs, text, "envoyé")
    assert sent.quantity is not None and sent.quantity.value == 1000 and sent.quantity.approximate
    assert sent.target_actors == ["MLI"]


def test_weapons_supply_is_military_aid_and_goods_economic() -> None:
    text = "La Serbie a livré des munitions à la Hongrie. La Hongrie fournit du pétrole à la Serbie."
    _, evs = run(text, {"Serbie": "SRB", "Hongrie": "HUN"})
    assert by_trigger(evs, text, "livré").cameo == "072"
    oil = by_trigger(evs, text, "fournit")
    assert oil.cameo == "071" and oil.source_actors == ["HUN"] and oil.target_actors == ["SRB"]


def test_time_binding_prefers_the_date_in_the_sentence() -> None:
    text = "Le Brésil a signé en mars 2023 un accord avec le Chili."
    _, evs = run(text, {"Brésil": "BRA", "Chili": "CHL"}, times=[("mars 2023", "2023-03")])
    assert by_trigger(evs, text, "signé").time == "2023-03"


def test_recent_gives_bounds_from_publication_date() -> None:
    text = "La récente visite de Lula à Buenos Aires a surpris."
    _, evs = run(text, {"Lula": "lula", "Buenos Aires": "ARG"}, published="2024-05-10T08:00:00")
    ev = by_trigger(evs, text, "visite")
    assert ev.time is None and ev.time_bounds == (None, "2024-05-10")


def test_pronoun_takes_previous_subject() -> None:
    text = "La Turquie a signé un accord avec la Libye. Elle a également livré des drones."
    _, evs = run(text, {"Turquie": "TUR", "Libye": "LBY"})
    ev = by_trigger(evs, text, "livré")
    assert ev.source_actors == ["TUR"] and ev.cameo == "072"


def test_demonstrative_event_takes_antecedent_actors() -> None:
    text = "Le Brésil a signé un accord avec le Chili. Ce traité, signé à Brasilia, entre en vigueur."
    _, evs = run(text, {"Brésil": "BRA", "Chili": "CHL", "Brasilia": "brasilia"})
    second = [e for e in evs if e.trigger.start > text.index("Ce traité")]
    assert second and second[0].source_actors == ["BRA"] and second[0].target_actors == ["CHL"]


def test_noun_homographs_are_not_verb_triggers() -> None:
    text = "L'armée du Chili défile sous le signe de l'unité."
    _, evs = run(text, {"Chili": "CHL"})
    assert evs == []


def test_blocking_phrases_hide_shorter_triggers() -> None:
    text = "Pendant la guerre froide, le Chili restait neutre."
    _, evs = run(text, {"Chili": "CHL"})
    assert evs == []


def test_english_active_passive_and_between() -> None:
    text = ("Brazil signed a trade agreement with Argentina. Sudan was attacked by Egypt. "
            "The meeting between Lula and Milei lasted an hour. Turkey sent 3,000 troops to Libya.")
    names = {"Brazil": "BRA", "Argentina": "ARG", "Sudan": "SDN", "Egypt": "EGY", "Lula": "lula",
             "Milei": "milei", "Turkey": "TUR", "Libya": "LBY"}
    _, evs = run(text, names, lang="en")
    sign = by_trigger(evs, text, "signed")
    assert sign.cameo == "057" and sign.source_actors == ["BRA"] and sign.target_actors == ["ARG"]
    att = by_trigger(evs, text, "attacked")
    assert att.source_actors == ["EGY"] and att.target_actors == ["SDN"]
    meet = by_trigger(evs, text, "meeting")
    assert meet.source_actors == ["lula"] and meet.target_actors == ["milei"]
    sent = by_trigger(evs, text, "sent")
    assert sent.cameo == "062" and sent.quantity is not None and sent.quantity.value == 3000
    assert sent.target_actors == ["LBY"]


def test_an_english_possessive_makes_a_noun_of_a_verb_homograph() -> None:
    text = "Lula's first visit to Buenos Aires lasted two days. Lula's visit ended."
    _, evs = run(text, {"Lula": "lula", "Buenos Aires": "ARG"}, lang="en")
    visit = by_trigger(evs, text, "visit")
    assert visit.rule.startswith("triggers_en.tsv") and (visit.source_actors, visit.target_actors) == (["lula"], ["ARG"])
    assert visit.place == "Buenos Aires"


def test_a_nationality_before_the_counted_noun_is_not_the_unit() -> None:
    text = "Turkey sent about 3,000 Turkish troops to Libya."
    _, evs = run(text, {"Turkey": "TUR", "Turkish": "TUR", "Libya": "LBY"}, lang="en")
    quantity = by_trigger(evs, text, "sent").quantity
    assert quantity is not None and quantity.value == 3000 and quantity.unit == "troop"


def test_a_noun_s_complements_end_at_the_clause_s_verb() -> None:
    text = "La visite de Lula à Buenos Aires, en mai, a montré que le rapprochement entre le Chili et le Pérou avance."
    _, evs = run(text, {"Lula": "lula", "Buenos Aires": "ARG", "Chili": "CHL", "Pérou": "PER"})
    visit = by_trigger(evs, text, "visite")
    assert visit.source_actors == ["lula"] and visit.target_actors == ["ARG"]


def test_an_event_brought_back_by_an_anaphor_does_not_become_the_next_subject() -> None:
    text = ("Le Chili a signé un traité avec le Pérou. La signature de ce traité a provoqué des réactions de la "
            "part du Brésil et de l'Argentine. Les dirigeants de ces pays ont exprimé leur inquiétude.")
    _, evs = run(text, {"Chili": "CHL", "Pérou": "PER", "Brésil": "BRA", "Argentine": "ARG"})
    assert by_trigger(evs, text, "signature").source_actors == ["CHL"]
    assert by_trigger(evs, text, "exprimé").source_actors == ["BRA", "ARG"]


def test_a_date_in_a_later_clause_with_its_own_verb_does_not_date_the_trigger() -> None:
    text = "Le pacte, signé pour vingt ans par le Chili et le Pérou, était devenu caduc dans les années 1990."
    _, evs = run(text, {"Chili": "CHL", "Pérou": "PER"}, times=[("années 1990", "199")])
    assert by_trigger(evs, text, "signé").time is None
    # a clause before the trigger sets its scene
    text = "Publié en mai 2024, le rapport du Chili accusait le Pérou."
    _, evs = run(text, {"Chili": "CHL", "Pérou": "PER"}, times=[("mai 2024", "2024-05")])
    assert by_trigger(evs, text, "accusait").time == "2024-05"


def test_cameo_labels() -> None:
    assert cameo_label("057", "fr") == "Signer un accord"
    assert cameo_label("057", "en") == "Sign an agreement"
    assert cameo_label("1123", "fr") == "Accuser d'agression"
    assert cameo_label("1122", "en") == "Accuse"  # falls back to its 3-digit parent
    assert cameo_label("999") == "999"


# --- state nouns, modality, frames, implicit recipients, war agents -----------------------------

def test_bare_relationship_and_war_nouns_are_states_not_events() -> None:
    text = "La coopération militaire entre le Brésil et l'Argentine inquiète. Le pays souffre de la guerre au Soudan."
    _, evs = run(text, {"Brésil": "BRA", "Argentine": "ARG", "Soudan": "SDN"})
    assert evs == []
    text = "The military cooperation between Brazil and Argentina worries analysts amid the war in Sudan."
    _, evs = run(text, {"Brazil": "BRA", "Argentina": "ARG", "Sudan": "SDN"}, lang="en")
    assert evs == []


def test_a_state_noun_with_an_onset_or_its_own_date_is_an_event() -> None:
    text = "Les prix montent depuis le début de la guerre au Soudan."
    _, evs = run(text, {"Soudan": "SDN"})
    ev = by_trigger(evs, text, "guerre")
    assert ev.cameo == "190" and ev.target_actors == ["SDN"]
    text = "Le blé manque, surtout depuis le conflit soudanais en avril 2023, a dit le ministre hier."
    _, evs = run(text, {"soudanais": "SDN"}, times=[("avril 2023", "2023-04"), ("hier", "2024-05-09")])
    ev = by_trigger(evs, text, "conflit")
    assert ev.time == "2023-04" and ev.target_actors == ["SDN"] and ev.source_actors == []
    text = "Prices have risen since the outbreak of the war in Sudan."
    _, evs = run(text, {"Sudan": "SDN"}, lang="en")
    assert by_trigger(evs, text, "war").cameo == "190"


def test_a_treaty_named_is_not_a_treaty_signed_unless_its_phrase_dates_it() -> None:
    text = ("Ce traité entre le Brésil et l'Argentine ne vise aucun pays tiers. "
            "Le pacte de 1991 entre le Brésil et l'Argentine reste la référence.")
    _, evs = run(text, {"Brésil": "BRA", "Argentine": "ARG"}, times=[("1991", "1991")])
    assert [(text[e.trigger.start : e.trigger.end], e.cameo, e.time) for e in evs] == [("pacte", "057", "1991")]
    text = "The treaty between Brazil and Argentina targets no third country."
    _, evs = run(text, {"Brazil": "BRA", "Argentina": "ARG"}, lang="en")
    assert evs == []


def test_a_vote_s_manner_stands_between_the_verb_and_its_object() -> None:
    text = ("Le Sénat brésilien a approuvé mercredi à l'unanimité le traité avec l'Argentine. "
            "Les députés brésiliens ont adopté jeudi, sans aucune voix contre, le traité.")
    _, evs = run(text, {"brésilien": "BRA", "brésiliens": "BRA", "Argentine": "ARG"},
                 times=[("mercredi", "2024-05-08"), ("jeudi", "2024-05-09")])
    approved, adopted = by_trigger(evs, text, "approuvé"), by_trigger(evs, text, "adopté")
    assert approved.cameo == adopted.cameo == "057"
    assert text[approved.object.start : approved.object.end].startswith("traité")
    assert text[adopted.object.start : adopted.object.end] == "traité"


def test_a_light_verb_makes_a_state_noun_an_action() -> None:
    text = "Le Brésil apporte un soutien militaire à l'Argentine."
    _, evs = run(text, {"Brésil": "BRA", "Argentine": "ARG"})
    ev = by_trigger(evs, text, "soutien militaire")
    assert ev.cameo == "062" and ev.source_actors == ["BRA"]


def test_a_war_noun_takes_the_one_invader_the_article_names() -> None:
    text = "Le Soudan vit une invasion égyptienne. Depuis le début du conflit soudanais, les prix montent."
    _, evs = run(text, {"Soudan": "SDN", "égyptienne": "EGY", "soudanais": "SDN"})
    war = by_trigger(evs, text, "conflit")
    assert war.source_actors == ["EGY"] and war.target_actors == ["SDN"] and "+war-agent" in war.rule


def test_a_trigger_that_is_the_modality_of_another_event_is_not_an_event() -> None:
    text = "Des sanctions contre le Soudan sont envisagées."
    _, evs = run(text, {"Soudan": "SDN"})
    assert [e.cameo for e in evs] == ["163"] and evs[0].certainty == "speculative"
    text = "Le Brésil a imposé des sanctions au Soudan. Khartoum nie ces accusations."
    _, evs = run(text, {"Brésil": "BRA", "Soudan": "SDN", "Khartoum": "SDN"})
    assert not any(e.cameo == "016" for e in evs)
    text = "Khartoum nie."  # a bare denial answers earlier claims: no event of its own (see test_certainty)
    _, evs = run(text, {"Khartoum": "SDN"})
    assert evs == []


def test_an_event_set_inside_another_shares_its_cast_and_date() -> None:
    text = "Un accord commercial signé en mars 2023 lors de la visite de Lula à Buenos Aires reste en vigueur."
    _, evs = run(text, {"Lula": "lula", "Buenos Aires": "ARG"}, times=[("mars 2023", "2023-03")])
    signed, visit = by_trigger(evs, text, "signé"), by_trigger(evs, text, "visite")
    assert signed.source_actors == ["lula"] and signed.target_actors == ["ARG"] and "+frame" in signed.rule
    assert signed.time == visit.time == "2023-03"


def test_a_date_belongs_to_the_trigger_nearest_without_another_in_between() -> None:
    text = "L'adoption du traité par le Sénat rappelle le début de la guerre au Soudan en avril 2023."
    _, evs = run(text, {"Sénat": "BRA", "Soudan": "SDN"}, times=[("avril 2023", "2023-04")])
    assert by_trigger(evs, text, "adoption").time is None
    assert by_trigger(evs, text, "guerre").time == "2023-04"


def test_a_giving_verb_without_recipient_gives_to_the_previous_subject() -> None:
    text = "Le Soudan manque de tout depuis des mois. En retour, l'Égypte fournit du blé et des médicaments."
    _, evs = run(text, {"Soudan": "SDN", "Égypte": "EGY"})
    ev = by_trigger(evs, text, "fournit")
    assert ev.source_actors == ["EGY"] and ev.target_actors == ["SDN"] and "+recipient" in ev.rule


# --- generalisation rules (own sentences) ----------------------------------------------------------
def test_numbers_of_dates_ordinals_shares_and_names_are_not_quantities() -> None:
    text = "Signé le 12 mars 2023 à Brasilia, l'accord prévoit l'envoi de soldats du 7e régiment en Bolivie."
    _, evs = run(text, {"Brasilia": "BRA", "Bolivie": "BOL"}, times=[("le 12 mars 2023", "2023-03-12")])
    assert all(e.quantity is None for e in evs)
    text = "Le Chili a livré le 3 mai des missiles Exocet-40 à la Bolivie."  # a day-month date, no time span given
    assert by_trigger(run(text, {"Chili": "CHL", "Bolivie": "BOL"})[1], text, "livré").quantity is None
    text = "Le Chili a livré 30 % des munitions promises à la Bolivie."
    assert by_trigger(run(text, {"Chili": "CHL", "Bolivie": "BOL"})[1], text, "livré").quantity is None
    text = "Turkey sent Bora-2 missiles to Libya on the 4th of May."
    ev = by_trigger(run(text, {"Turkey": "TUR", "Libya": "LBY"}, lang="en")[1], text, "sent")
    assert ev.quantity is None
    text = "Turkey sent 2,500 soldiers to Libya."  # a real count stays one
    ev = by_trigger(run(text, {"Turkey": "TUR", "Libya": "LBY"}, lang="en")[1], text, "sent")
    assert ev.quantity is not None and ev.quantity.value == 2500


def test_a_passive_verb_takes_its_object_class_and_count_from_its_subject() -> None:
    text = "Environ 2 000 soldats turcs auraient été envoyés en Libye."
    ev = by_trigger(run(text, {"turcs": "TUR", "Libye": "LBY"})[1], text, "envoyés")
    assert ev.cameo == "062" and ev.source_actors == ["TUR"] and ev.certainty == "reported"
    assert ev.quantity is not None and ev.quantity.value == 2000 and ev.quantity.approximate
    text = "Officials said that about 4,000 Turkish troops had been sent to Libya."
    ev = by_trigger(run(text, {"Turkish": "TUR", "Libya": "LBY"}, lang="en")[1], text, "sent")
    assert ev.cameo == "062" and ev.source_actors == ["TUR"]
    assert ev.quantity is not None and ev.quantity.value == 4000


def test_the_words_of_a_name_or_of_a_source_cue_are_not_triggers() -> None:
    text = "The United States and Brazil signed a trade accord."
    evs = run(text, {"United States": "USA", "Brazil": "BRA"}, lang="en")[1]
    assert [text[e.trigger.start : e.trigger.end] for e in evs] == ["signed"]
    text = "According to Reuters, Lula told Milei that Brazil would stand by Argentina."
    evs = run(text, {"Reuters": "reuters", "Lula": "lula", "Milei": "milei", "Brazil": "BRA", "Argentina": "ARG"},
              lang="en")[1]
    assert not any(text[e.trigger.start : e.trigger.end] == "According" for e in evs)
