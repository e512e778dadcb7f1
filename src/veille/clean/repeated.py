"""Text repeated inside one article, removed at sentence level, keeping the first occurrence.

Scraped pages often carry a second copy of the article, re-paragraphed: two paragraphs merged into
one, or one split in two. Comparing whole paragraphs misses those; comparing sentences does not.
"""

from __future__ import annotations

import re

from veille.text.normalise import fold
from veille.text.sentences import split_sentences
from veille.types import Removed

_WORD = re.compile(r"\w+")
_ASCII_WORD = re.compile(r"\w+", re.ASCII)  # the same words in an ASCII text, found faster
# Every ASCII character that is not a word character (re.ASCII's \w) but the line break, to a space.
_ASCII_NON_WORD = str.maketrans({chr(code): " " for code in range(128)
                                 if chr(code) != "\n" and not _ASCII_WORD.match(chr(code))})
_MIN_WORDS = 4


def _keys(sentences: list[str]) -> list[str]:
    """The comparison key of each sentence: its folded words joined by single spaces."""
    folded = [fold(sentence) for sentence in sentences]
    text = "\n".join(folded)  # a folded sentence has no line break
    if folded and text.isascii():
        # One translation and a few passes over the whole article instead of a word scan per sentence.
        spaced = text.translate(_ASCII_NON_WORD)
        while "  " in spaced:
            spaced = spaced.replace("  ", " ")
        return spaced.replace(" \n", "\n").replace("\n ", "\n").strip(" ").split("\n")
    return [" ".join((_ASCII_WORD if f.isascii() else _WORD).findall(f)) for f in folded]


def drop_repeated_sentences(blocks: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], list[Removed]]:
    """Blocks with already-seen sentences taken out, and the removed runs with reason ``repeated``.

    Sentences shorter than four words are never treated as repeats: « Oui. » may recur legitimately.
    """
    seen: set[str] = set()
    kept: list[tuple[str, str]] = []
    removed: list[Removed] = []
    # One call for all blocks (sentences never cross a line break), then the sentences of each block.
    joined = "\n".join(text for text, _ in blocks)
    spans = split_sentences(joined)
    sentences = [joined[span.start:span.end] for span in spans]
    keys = _keys(sentences)
    count = len(spans)
    position = 0
    end = -1
    for text, kind in blocks:
        end += len(text) + 1
        pieces: list[str] = []
        dropped: list[str] = []
        while position < count and spans[position].start < end:
            sentence, key = sentences[position], keys[position]
            position += 1
            # A key of four words or more has three spaces: the words are not counted again.
            if key in seen and key.count(" ") >= _MIN_WORDS - 1:
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
