"""Language identification by function words."""

from __future__ import annotations

from veille.text.language import detect_language


def test_words_are_split_at_apostrophes_digits_and_punctuation() -> None:
    assert detect_language("d'un qu'il l'est") == "fr"  # un, il, est
    assert detect_language("the1 the2 (the)") == "en"


def test_too_few_function_words_leave_the_language_unknown() -> None:
    assert detect_language("Bonjour le monde") is None


def test_a_tie_goes_to_french() -> None:
    assert detect_language("la la la") == "fr"  # also Spanish and Italian


def test_only_the_sample_counts() -> None:
    assert detect_language("x " * 5000 + "the the the") is None
