"""The event stage's shared per-article work gives what per-sentence work would (speed refactors)."""

from __future__ import annotations

from veille.events import get_lexicon
from veille.events.matching import candidates, find_matches
from veille.events.sentence import SentenceView
from veille.events.tokens import LEMMA, LOW, split_by, tokenize, tokenize_text
from veille.types import Mention, Span


def test_each_sentence_range_holds_exactly_its_own_tokens() -> None:
    text = "Le traité a été signé. Il prévoit 3 000 soldats. Fin du texte."
    # edges on spaces, between two digits (« 3 0|00 ») and inside a number: those two are tokenised alone
    sentences = [Span(0, 23), Span(23, 37), Span(37, 49), Span(49, len(text))]
    tokens = tokenize_text(text, "fr")
    whole = len(tokens)
    ranges = split_by(text, tokens, sentences, "fr")
    assert [lo < whole for lo, _ in ranges] == [True, False, False, True]
    for (lo, hi), s in zip(ranges, sentences, strict=True):
        assert tokens[lo:hi] == tokenize(text, s.start, s.end, "fr")


def test_candidates_handed_over_give_the_same_matches() -> None:
    lex = get_lexicon("fr")
    toks = tokenize_text("Selon Reuters, la Russie n'a pas livré de missiles à la Corée du Nord.", "fr")
    lows = list(map(LOW, toks))
    words = set(lows) | set(map(LEMMA, toks))
    cands = candidates(toks, lows, lex.trigger_index, lex.cue_index)
    plain = find_matches(toks, lex.trigger_index, lex.cue_index, lex.grammar.determiners)
    assert plain == find_matches(toks, lex.trigger_index, lex.cue_index, lex.grammar.determiners, lows, words, cands)
    assert plain[0] and plain[1]


def test_a_ref_knows_its_index_even_for_a_name_mentioned_twice_on_the_same_words() -> None:
    text = "La Russie et la Chine ont signé un accord."
    toks = tokenize_text(text, "fr")
    russia = Mention(3, 9, "RUS", "country", "test")
    china = Mention(16, 21, "CHN", "country", "test")
    view = SentenceView(text, toks, [russia, Mention(3, 9, "RUS", "country", "test"), china],
                        get_lexicon("fr").grammar)
    # two equal refs: ``list.index`` answers the first one for both
    assert [view.index_of(r) for r in view.refs] == [view.refs.index(r) for r in view.refs] == [0, 0, 2]
