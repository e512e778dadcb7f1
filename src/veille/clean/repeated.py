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
_MIN_WORDS = 4


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
    position = 0
    end = -1
    for text, kind in blocks:
        end += len(text) + 1
        pieces: list[str] = []
        dropped: list[str] = []
        while position < len(spans) and spans[position].start < end:
            span = spans[position]
            position += 1
            sentence = joined[span.start:span.end]
            folded = fold(sentence)  # the key: folded words, punctuation and spacing ignored
            words = (_ASCII_WORD if folded.isascii() else _WORD).findall(folded)
            key = " ".join(words)
            if len(words) >= _MIN_WORDS and key in seen:
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
