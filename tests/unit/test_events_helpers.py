"""Shared helpers for the event tests: articles with hand-built mentions (sentences are our own)."""

from __future__ import annotations

from veille.text.sentences import split_sentences
from veille.types import Article, EventMention, Mention, TimeRef

COUNTRY = {"lula": "BRA", "milei": "ARG", "modi": "IND", "reuters": "GBR", "erdogan": "TUR"}
KINDS = {"lula": "person", "milei": "person", "modi": "person", "erdogan": "person", "reuters": "organisation"}


class FakeKB:
    def country_of(self, entity_id: str) -> str | None:
        if len(entity_id) == 3 and entity_id.isupper():
            return entity_id
        return COUNTRY.get(entity_id)


def article(text: str, names: dict[str, str], lang: str = "fr", published: str | None = "2024-05-10",
            times: list[tuple[str, str]] = ()) -> Article:  # type: ignore[assignment]
    """An article whose mentions are every occurrence of each surface form in ``names``."""
    mentions: list[Mention] = []
    for surface, eid in names.items():
        start = text.find(surface)
        while start >= 0:
            kind = KINDS.get(eid, "country" if eid.isupper() else "place")
            mentions.append(Mention(start, start + len(surface), eid, kind, "test"))
            start = text.find(surface, start + len(surface))
    refs = [TimeRef(text.find(s), text.find(s) + len(s), v, "DATE", "test") for s, v in times]
    a = Article(id="t", source="test", text=text, language=lang, published=published)
    a.sentences = split_sentences(text)
    a.mentions = sorted(mentions, key=lambda m: m.start)
    a.times = refs
    return a


def by_trigger(events: list[EventMention], text: str, word: str) -> EventMention:
    for ev in events:
        if word in text[ev.trigger.start : ev.trigger.end]:
            return ev
    raise AssertionError(f"no event on {word!r}: {[text[e.trigger.start:e.trigger.end] for e in events]}")


def test_phrases_of_adjacent_parts_are_walked_without_the_word_set_test() -> None:
    # « d'après » is matched by looking at the next token only: it must still need that token to follow
    from veille.events import get_lexicon
    from veille.events.matching import find_matches
    from veille.events.tokens import LEMMA, LOW, tokenize_text

    lex = get_lexicon("fr")

    def cues(text: str) -> list[str]:
        toks = tokenize_text(text, "fr")
        lows = list(map(LOW, toks))
        words = set(lows) | set(map(LEMMA, toks))
        plain = find_matches(toks, lex.trigger_index, lex.cue_index, lex.grammar.determiners)[1]
        # with the article's words, as find_events calls it: the same matches
        assert plain == find_matches(toks, lex.trigger_index, lex.cue_index, lex.grammar.determiners, lows, words)[1]
        return [m.item.text for m in plain]

    assert "d'|de +après" in cues("D'après l'agence KCNA, Pyongyang a livré des obus.")
    assert "d'|de +après" not in cues("De nombreux obus sont arrivés après la visite.")
