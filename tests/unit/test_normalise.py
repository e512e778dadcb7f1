"""``fold``: the comparison key every cleaning rule uses."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from veille.text import normalise
from veille.text.normalise import fold


def _reference(text: str) -> str:
    """The definition: each character mapped on its own (accents off, quotes unified), lower case."""
    table = str.maketrans({**normalise._latin_table(), **normalise._QUOTES})
    folded = text.translate(table).lower()
    if not folded.isascii():
        folded = "".join(ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch))
    return " ".join(folded.split()) if not (folded.isprintable() and "  " not in folded) else folded.strip()


def test_fold_examples() -> None:
    assert fold("  L’Élysée  a  « dit »  ") == "l'elysee a \" dit \""
    assert fold("Ça, c’est DÉJÀ vu") == "ca, c'est deja vu"
    assert fold("Москва") == "москва"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x2FF) | st.sampled_from(list("’‘ʼ«»“”\u00a0\u202fœ中")),
               max_size=40))
def test_fold_maps_each_character_as_its_definition_says(text: str) -> None:
    assert fold(text) == _reference(text)
