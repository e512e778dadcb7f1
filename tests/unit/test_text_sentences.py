"""Sentence splitting."""

from __future__ import annotations

from veille.text.sentences import split_sentences


def test_sentences_are_trimmed_and_abbreviations_kept() -> None:
    text = "M. Dupont est arrivé. Il a parlé.\n  Deuxième ligne !  « Troisième » phrase… Fin\n"
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        "M. Dupont est arrivé.", "Il a parlé.", "Deuxième ligne !", "« Troisième » phrase…", "Fin"]


def test_a_range_of_the_text() -> None:
    text = "Un. Deux. Trois."
    assert [text[s.start : s.end] for s in split_sentences(text, 4, 9)] == ["Deux."]
