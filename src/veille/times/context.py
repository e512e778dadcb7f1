"""What a rule may look at when it values a match: the texts, the anchors, the neighbouring words, tense."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from veille.times.grammar import BACK_TOKEN, TOKEN, Grammar, alt
from veille.times.tables import Lexicon, lexicon

# Clause limits for the tense cue: a sentence end or a line break.
_BOUNDARY = re.compile(r"[.!?;\n]\s")


@cache
def _tense_pattern(lang: str) -> re.Pattern[str]:
    """One regex for the verb cues of tense, the group name telling which tense.

    Each match begins with the character before the cue word (anything but a letter, a digit or an
    apostrophe), so that the engine only tries positions where a word starts.
    """
    lex = lexicon(lang)
    fut = alt(lex.cls("future_word"))
    if lang == "fr":
        # The simple future of any verb (« sera », « rouvrira », « auront ») is a future cue: a whole
        # word of at least two letters before the ending.
        # (``[atsz]`` first: most words end otherwise and fail there at once. After the possessive run no word
        # character can follow: only an apostrophe is left to rule out.)
        fut += r"|\w++(?!['’])(?<=[atsz])(?:(?<=\w\wra)|(?<=\w\wront)|(?<=\w\wrons)|(?<=\w\wrez))(?<!\bfront)"
    return re.compile(r"[^\w'’](?:(?P<future>" + fut + r")|(?P<past>" + alt(lex.cls("past_word")) + "))")


@dataclass(slots=True)
class Ctx:
    text: str
    low: str
    rev: str  # ``low`` reversed, to read the words before a position one match at a time
    g: Grammar
    lex: Lexicon  # ``g.lex``, read by every handler
    dct: date | None
    # The reference time for times of day and anaphors (« à 20 h », « le lendemain »): the last
    # day-precise date mentioned, else the publication date.
    ref: date | None
    last_value: str | None = None
    last_type: str | None = None

    def left_tokens(self, pos: int, k: int = 2, reach: int | None = None) -> list[str]:
        """Up to ``k`` tokens before ``pos``, nearest first (lower case, ’ normalised to ').

        Only the ``reach`` (by default ``12 * k``) characters before ``pos`` are read (a token across
        that edge is cut).
        """
        low, rev = self.low, self.rev
        n = len(low)
        stop = n - max(0, pos - (12 * k if reach is None else reach))
        edge = n - pos
        out: list[str] = []
        while len(out) < k:
            m = BACK_TOKEN.match(rev, edge, stop)
            if m is None:
                break
            edge = m.end()
            out.append(low[n - edge : n - m.start(1)].replace("’", "'"))
        return out

    def left_word(self, pos: int) -> str:
        """``left_tokens(pos, 1)[0]``, or "" when there is none."""
        n = len(self.low)
        m = BACK_TOKEN.match(self.rev, n - pos, n - max(0, pos - 12))
        return self.low[n - m.end() : n - m.start(1)].replace("’", "'") if m else ""

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
        # The window and the character before it (the pattern reads it as the cue's left edge).
        window = self.low[lo - 1 : hi] if lo else " " + self.low[:hi]
        base = lo - 1
        for m in _tense_pattern(self.lex.lang).finditer(window):
            m_start, m_end = base + m.start(m.lastindex or 0), base + m.end()
            if start <= m_start < end:
                continue  # the expression's own words (« dernier ») are not the verb
            dist = start - m_end if m_end <= start else m_start - end
            if best is None or dist < best[0]:
                best = (dist, m.lastgroup or "")
        return best[1] if best else None
