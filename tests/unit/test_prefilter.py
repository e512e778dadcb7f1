"""The literal-prefix prefilter must never hide a cue that would match."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from veille.clean.cues import default_matcher
from veille.clean.prefilter import literal_prefixes


def test_prefixes_of_alternations_and_optional_parts() -> None:
    assert literal_prefixes(r"\b(fait|font) fondre\b") == {"fait fondre", "font fondre"}
    assert literal_prefixes(r"\bcliquez[- ]ici\b") == {"cliquez-ici", "cliquez ici"}
    assert literal_prefixes(r"\b(remedes?|astuces?) efficaces") == {"remede", "astuce"}
    assert literal_prefixes(r"\d+ commentaires") is None
    assert literal_prefixes(r"\b(a|b)\d") is None  # too short to be worth it


WORDS = ["fait", "fondre", "la", "graisse", "du", "ventre", "newsletter", "cliquez", "ici", "copyright", "©",
         "les", "medecins", "n'en", "reviennent", "pas", "traite", "signe", "a", "pyongyang", "tous", "droits",
         "reserves", "doctors", "hate", "this", "one", "trick", "we", "use", "cookies"]


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
def test_prefiltered_matching_equals_trying_every_cue(words: list[str]) -> None:
    line = " ".join(words)
    matcher = default_matcher()
    expected = next((matcher.cues[i] for i in sorted(matcher.free) if matcher.free[i].search(line)), None)
    assert matcher._free_match(line, frozenset({c.reason for c in matcher.cues})) == expected
    assert all(isinstance(p, re.Pattern) for p in matcher.free.values())


LINES = [" ".join(words) for words in (["a", "lire", "aussi"], ["copyright", "©", "tous", "droits", "reserves"],
                                       ["accueil", ">", "monde", ">", "asie"], ["traite", "signe", "a", "pyongyang"],
                                       ["4", "commentaires"], ["la", "graisse", "du", "ventre"], ["partager"])]


@given(st.lists(st.one_of(st.sampled_from(LINES), st.lists(st.sampled_from(WORDS + [">", "|", "."]), max_size=40)
                          .map(" ".join)), max_size=8))
def test_lines_classified_together_as_one_by_one(lines: list[str]) -> None:
    matcher = default_matcher()
    assert matcher.classify_lines(lines) == [matcher.classify(line) for line in lines]
