"""The faster forms of cleaning steps give what their plain definitions give."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from veille.clean.repeated import drop_repeated_sentences
from veille.text.normalise import content_words, fold, normalise_text
from veille.text.sentences import split_sentences
from veille.types import Removed

PIECES = ["Le ministre a parlé.", "Il est parti !", "M. Dupont signe l'accord", "Oui.", "« Non », dit-il.",
          "THE PORT WAS CLOSED.", "the port was closed", "U.S. officials", "a", " ", "  ", "\u00a0", "\u1680",
          "\t", "\x07", "\u202f:", "Élysée", "ﬁnance", "Ĳssel", "İstanbul", "ΣΟΦΙΑΣ", "2024", "...", "\n"]
texts = st.lists(st.sampled_from(PIECES), max_size=10).map(" ".join)


def _drop_repeated_block_by_block(blocks: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], list[Removed]]:
    seen: set[str] = set()
    kept: list[tuple[str, str]] = []
    removed: list[Removed] = []
    for text, kind in blocks:
        pieces: list[str] = []
        dropped: list[str] = []
        for span in split_sentences(text):
            sentence = text[span.start:span.end]
            key = " ".join(re.sub(r"[^\w ]+", " ", fold(sentence)).split())
            if len(key.split()) >= 4 and key in seen:
                dropped.append(sentence)
                continue
            if dropped:
                removed.append(Removed(" ".join(dropped), "repeated", "sentence_repeat"))
                dropped = []
            seen.add(key)
            pieces.append(sentence)
        if dropped:
            removed.append(Removed(" ".join(dropped), "repeated", "sentence_repeat"))
        if pieces:
            kept.append((" ".join(pieces), kind))
    return kept, removed


@given(st.lists(st.tuples(texts, st.sampled_from(["paragraph", "heading"])), max_size=8))
def test_sentences_split_once_per_article(blocks: list[tuple[str, str]]) -> None:
    assert drop_repeated_sentences(blocks) == _drop_repeated_block_by_block(blocks)


def _normalise_line_by_line(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\ufeff", "").replace("\u2028", "\n").replace("\u2029", "\n")
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", "", text)
    spaces = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
    return "\n".join(spaces.sub(" ", line).strip() for line in text.split("\n"))


@given(st.lists(st.sampled_from(PIECES + ["\r\n", "\r", "\ufeff", "\u2028", "\u200b", "\u3000", "e\u0301"]))
       .map("".join))
def test_normalise_and_content_words_as_defined(raw: str) -> None:
    assert normalise_text(raw) == _normalise_line_by_line(raw)
    assert fold(raw) == re.sub(r"\s+", " ", fold(raw)).strip()
    for min_len in (1, 4, 5):
        assert content_words(raw, min_len) == [w for w in re.findall(r"\w+", fold(raw))
                                               if len(w) >= min_len and not w.isdigit()]
