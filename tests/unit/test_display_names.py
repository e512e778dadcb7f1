"""Display names of actors in the briefing's language (own example article)."""

from __future__ import annotations

from veille.entities import find_mentions
from veille.kb import load_kb
from veille.report.exports import summarise_entities
from veille.types import Article

KB = load_kb()


def summaries() -> dict[str, dict[str, str]]:
    text = ("Vladimir Poutine a reçu le Conseil de la Fédération, puis les forces armées ukrainiennes ont "
            "répondu, selon le ministère des Cultes.")
    article = Article(id="a", source="a.txt", text=text, language="fr", published="2024-11-01")
    article.mentions = find_mentions(text, KB, "fr")
    return {s.record.id: s.names for s in summarise_entities([article], KB)}


def test_people_and_organisations_are_named_in_french_in_a_french_briefing() -> None:
    names = summaries()
    assert names["vladimir-putin"] == {"fr": "Vladimir Poutine", "en": "Vladimir Putin"}
    assert names["federation-council"] == {"fr": "Conseil de la Fédération", "en": "Federation Council"}
    ukraine = names["armed-forces-of-ukraine"]
    assert ukraine["en"] == "Armed Forces of Ukraine" and ukraine["fr"][:1].isupper()


def test_a_provisional_entity_keeps_the_words_of_the_text() -> None:
    provisional = [n for eid, n in summaries().items() if "cultes" in eid]
    assert provisional and provisional[0]["fr"] == "ministère des Cultes"
