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
# How far before an expression the search for a tense cue starts (see ``Ctx.tense``).
_NEAR = 30


def _class_of(chars: str) -> str:
    """The body of a regex character class holding exactly ``chars``, as ranges."""
    codes = sorted(map(ord, chars))
    parts: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        parts.append(re.escape(chr(codes[i])) + ("" if i == j else "-" + re.escape(chr(codes[j]))))
        i = j + 1
    return "".join(parts)


# The Latin-1 characters that ``\w`` matches. The regex engine tests a class of such ranges with one
# bitmap lookup and ``\w`` with a Unicode table lookup per character: on a Latin-1 text (most French
# and English texts) the tense scan is about a fifth cheaper with the class.
_LATIN1_WORD = _class_of("".join(ch for ch in map(chr, range(256)) if re.match(r"\w", ch)))


def _latin1(pattern: str) -> str:
    r"""``pattern`` with each ``\w`` spelled as the Latin-1 word characters, and no ’ (which a Latin-1 text
    cannot hold) in a class that also holds ': the same on a Latin-1 text. Every class then has only
    Latin-1 characters, which the engine tests with one bitmap (a class with ’ takes a two-level one)."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            esc = pattern[i : i + 2]
            out.append(esc if esc != r"\w" else _LATIN1_WORD if in_class else "[" + _LATIN1_WORD + "]")
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
            # A ``]`` right after ``[`` or ``[^`` is a member, not the end of the class.
            head = 2 if pattern.startswith("[^", i) else 1
            if pattern[i + head : i + head + 1] == "]":
                head += 1
            out.append(pattern[i : i + head])
            i += head
            continue
        if ch == "]" and in_class:
            in_class = False
        elif ch == "’" and in_class and out[-1] == "'":
            i += 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _is_latin1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


@cache
def _tense_pattern(lang: str, latin1: bool = False) -> re.Pattern[str]:
    """One regex for the verb cues of tense, the group name telling which tense (``latin1``: for
    Latin-1 texts only, the same matches faster).

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
    pattern = r"[^\w'’](?:(?P<future>" + fut + r")|(?P<past>" + alt(lex.cls("past_word")) + "))"
    return re.compile(_latin1(pattern) if latin1 else pattern)


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
    latin1: bool | None = None  # whether ``low`` is all Latin-1, found when ``tense`` first needs it

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
        low = self.low
        lo = pos - 12 if pos > 12 else 0
        if pos - 2 >= lo and low[pos - 1] == " ":
            # A word then one space (most cases): found with string methods, as the regex would.
            word = low[low.rfind(" ", lo, pos - 1) + 1 or lo : pos - 1]
            if word.isalnum():
                return word
        n = len(low)
        m = BACK_TOKEN.match(self.rev, n - pos, n - lo)
        return low[n - m.end() : n - m.start(1)].replace("’", "'") if m else ""

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
        low = self.low
        lo = start - 100 if start > 100 else 0
        hi = end + 100 if end + 100 < len(low) else len(low)
        # Matched in place (``pos``/``endpos`` read like a slice here: neither pattern looks behind its
        # start, and a cue's own look-behinds stay inside its word).
        cut = None
        for m in _BOUNDARY.finditer(low, lo, start):
            cut = m.end()
        if cut is not None:
            lo = cut
        m_after = _BOUNDARY.search(low, end, hi)
        if m_after:
            hi = m_after.start()
        # The window and the character before it (the pattern reads it as the cue's left edge), matched
        # in place or, at the start of the text, after a space.
        if lo:
            text, first, last, s, e = low, lo - 1, hi, start, end
        else:
            text, first, last, s, e = " " + low[:hi], 0, hi + 1, start + 1, end + 1
        # The nearest cue is the last one before the expression or the first one after it (the earlier on
        # a tie): cues never overlap and each depends only on its own word, so the scan starts near the
        # expression, stops at the first cue after it, and reads further back only when none was before.
        latin1 = self.latin1
        if latin1 is None:
            latin1 = self.latin1 = _is_latin1(low)
        pattern = _tense_pattern(self.lex.lang, latin1)
        near = s - _NEAR if s - _NEAR > first else first
        # When no cue spans a space, the scan can stop at any space and go on from it unchanged: the
        # first scan stops at the first space after the expression, and the scan to its right stops
        # where a cue could no longer be nearer than the one on its left.
        split = text.find(" ", e, last) if _one_word_cues(self.lex.lang) else -1
        mid = last if split < 0 else split
        left = right = None
        for m in pattern.finditer(text, near, mid):
            m_start = m.start(m.lastindex or 0)
            if m_start < s:
                left = m
            elif m_start >= e:
                right = m
                break
        if left is None and near > first:
            # Up to a space at or after ``near``: no cue before ``near`` reads past it.
            space = text.find(" ", near, last)
            for m in pattern.finditer(text, first, last if space < 0 else space):
                if m.start() >= near:
                    break
                left = m
        dist = 0
        if left is not None:
            l_start, l_end = left.start(left.lastindex or 0), left.end()
            dist = s - l_end if l_end <= s else l_start - e
        if right is None and mid < last:
            # A cue on the right is taken only if it begins before ``e + dist``.
            stop = last if left is None else text.find(" ", e + dist, last)
            for m in pattern.finditer(text, mid, last if stop < 0 else stop):
                right = m  # it begins after the expression
                break
        if left is not None and (right is None or dist <= right.start(right.lastindex or 0) - e):
            return left.lastgroup or ""
        return right.lastgroup or "" if right is not None else None


@cache
def _one_word_cues(lang: str) -> bool:
    """Whether no verb cue of ``lang`` holds a space (a match of ``_tense_pattern`` then holds none)."""
    lex = lexicon(lang)
    return not any(ch.isspace() for w in lex.cls("future_word") | lex.cls("past_word") for ch in w)
