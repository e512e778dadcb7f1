"""What a rule may look at when it values a match: the texts, the anchors, the neighbouring words, tense."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from veille.times.grammar import TOKEN, Grammar, alt
from veille.times.tables import Lexicon, lexicon

# Clause limits for the tense cue: a sentence end or a line break.
_BOUNDARY = re.compile(r"[.!?;\n]\s")


@cache
def _tense_pattern(lang: str) -> re.Pattern[str]:
    """One regex for the verb cues of tense, the group name telling which tense."""
    lex = lexicon(lang)
    fut = r"(?<![\w'’])" + alt(lex.cls("future_word"))
    if lang == "fr":
        # The simple future of any verb (« sera », « rouvrira », « auront ») is a future cue.
        fut += r"|(?<![\w'’])\w{2,}(?:ra|ront|rons|rez)(?![\w'’])(?<!\bfront)"
    return re.compile(r"(?P<future>" + fut + r")|(?P<past>(?<![\w'’])" + alt(lex.cls("past_word")) + ")")


@dataclass(slots=True)
class Ctx:
    text: str
    low: str
    g: Grammar
    dct: date | None
    # The reference time for times of day and anaphors (« à 20 h », « le lendemain »): the last
    # day-precise date mentioned, else the publication date.
    ref: date | None
    last_value: str | None = None
    last_type: str | None = None

    @property
    def lex(self) -> Lexicon:
        return self.g.lex

    def left_tokens(self, pos: int, k: int = 2) -> list[str]:
        """Up to ``k`` tokens before ``pos``, nearest first (lower case, ’ normalised to ')."""
        toks = TOKEN.findall(self.low, max(0, pos - 12 * k), pos)
        return [t.replace("’", "'") for t in reversed(toks[-k:])]

    def left_word(self, pos: int) -> str:
        toks = self.left_tokens(pos, 1)
        return toks[0] if toks else ""

    def right_word(self, pos: int) -> str:
        m = TOKEN.search(self.low, pos, pos + 30)
        return m.group().replace("’", "'") if m else ""

    def capitalised(self, pos: int) -> bool:
        return self.text[pos : pos + 1].isupper()

    def sentence_initial(self, pos: int) -> bool:
        before = self.text[max(0, pos - 3) : pos].rstrip(" \t\xa0«\"“(")
        return not before or before[-1] in ".!?:\n»\"”"

    def tense(self, start: int, end: int) -> str | None:
        """``future`` or ``past`` from the nearest verb cue in the clause, or None when there is none."""
        lo = max(0, start - 100)
        hi = min(len(self.low), end + 100)
        window_before = self.low[lo:start]
        cut = None
        for m in _BOUNDARY.finditer(window_before):
            cut = m.end()
        if cut is not None:
            lo += cut
        m_after = _BOUNDARY.search(self.low, end, hi)
        if m_after:
            hi = m_after.start()
        best: tuple[int, str] | None = None
        for m in _tense_pattern(self.lex.lang).finditer(self.low, lo, hi):
            if start <= m.start() < end:
                continue  # the expression's own words (« dernier ») are not the verb
            dist = start - m.end() if m.end() <= start else m.start() - end
            if best is None or dist < best[0]:
                best = (dist, m.lastgroup or "")
        return best[1] if best else None
