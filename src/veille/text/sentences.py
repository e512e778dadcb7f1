"""Sentence splitting for French and English news text.

A sentence ends at . ! ? or … followed by white space and something that can open a sentence
(a capital, a digit, a quote or a dash), and always at a line break: the cleaned text keeps one
block per line. Abbreviations (M., Mme., Dr., p. ex., U.S.) and initials (J. Smith) do not end one.
"""

from __future__ import annotations

import re

from veille.types import Span

_ABBREVIATIONS = frozenset(
    """
    m mm mme mmes mlle dr pr me st ste sts av apr env cf etc ex vol art chap fig no nos p pp
    gén col cdt lt sgt capt mgr vs mr mrs ms prof sen rep gov jr sr inc ltd co corp dept univ jan feb
    fév mar apr avr aug aoû sept sep oct nov dec déc
    """.split()
)

# The white space after the end is captured (not consumed): the next sentence starts after it. The
# look-ahead stays on the line ([^\S\n] is white space but a line break), so that one scan of the whole
# text finds the ends of every line. The pattern opens with one plain character class (not a repeat)
# so that re skips to candidate characters in C instead of attempting a match at every position.
_END = re.compile(
    r"""[.!?…][.!?…]*["'»”’)\]]*(?=([^\S\n]+)["'«“(\[\-–—]?[^\S\n]*[A-ZÀ-ÖØ-Þ0-9«"“(\[\-–—])"""
)
_WORD_REACH = 24  # how far back a space is looked for before a period


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` closes an abbreviation or an initial, not a sentence."""
    # Most periods follow a plain word after a space: that word is found without a character loop.
    low = dot - _WORD_REACH if dot > _WORD_REACH else 0
    space = text.rfind(" ", low, dot)
    word = text[space + 1:dot]
    if not (word.isalpha() and (space >= 0 or low == 0)):
        start = dot
        while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
            start -= 1
        word = text[start:dot]
        if not word:
            return False
        if "." in word:
            return True  # « U.S. », « J.-C. », « p.ex. »
    if len(word) == 1 and word.isupper():
        return True  # an initial: « J. Smith », « U. S. »
    return word.lower() in _ABBREVIATIONS


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans of ``text[start:end]``, trimmed of surrounding white space."""
    stop = len(text) if end is None else min(end, len(text))
    spans: list[Span] = []
    begin = line_start = max(start, 0)  # where the current sentence and its line start
    for match in _END.finditer(text, begin, stop):
        dot = match.start()
        if text[dot] == "." and _is_abbreviation(text, dot):  # only a period may close one
            continue
        if text.find("\n", begin, dot) >= 0:  # the lines before this one end their last sentences
            begin = line_start = _end_lines(text, begin, dot, spans)
        if begin == line_start and text[begin].isspace():
            _append_trimmed(text, begin, match.end(), spans)
        else:  # nothing to trim: a sentence ends on punctuation, and starts after white space or a line break
            spans.append(Span(begin, match.end()))
        begin = match.end(1)
    if begin < stop:
        begin = _end_lines(text, begin, stop, spans)
        if begin < stop:
            _append_line_end(text, begin, stop, spans)
    return spans


def _end_lines(text: str, begin: int, stop: int, spans: list[Span]) -> int:
    """Ends the sentences that run to a line break before ``stop``; returns where the next line starts."""
    line_end = text.find("\n", begin, stop)
    while line_end >= 0:
        if line_end > begin:  # else an empty line
            _append_line_end(text, begin, line_end, spans)
        begin = line_end + 1
        line_end = text.find("\n", begin, stop)
    return begin


def _append_line_end(text: str, begin: int, end: int, spans: list[Span]) -> None:
    # The cleaned text has no white space around its lines: most lines need no trimming.
    if text[begin].isspace() or text[end - 1].isspace():
        _append_trimmed(text, begin, end, spans)
    else:
        spans.append(Span(begin, end))


def _append_trimmed(text: str, begin: int, end: int, spans: list[Span]) -> None:
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    if end > begin:
        spans.append(Span(begin, end))
