"""Which rules can match around a trigger, judged from what is known of the text (a sound filter).

Numbers are the most common trigger of news text (amounts, scores, ages, years) and about ten rules can
begin with one; most of them cannot match a given number at all: « 2024 » followed by a space is never
« 04/10 » nor « 21 h 45 ». Likewise « le » opens ten rules, of which only a few can reach a number or a
month after it. The shape of the text (the words before the trigger, the trigger, the character after
it; for a number, how many digits) already rules most of them out, so each shape is judged once, by
walking the parsed regular expression of every rule over it: the positions the rule can reach while
consuming those characters. Lookarounds and backreferences are assumed to succeed and unknown constructs
to consume anything, so the walk may keep a rule that cannot match (it is then tried and fails, as
before) but never drops one that can.
"""

from __future__ import annotations

import contextlib
import importlib
import re
from functools import cache
from typing import Any

# The regex parser of the standard library: private, but the same in the supported 3.11 and 3.12.
C: Any = importlib.import_module("re._constants")
P: Any = importlib.import_module("re._parser")

DIGITS = "0123456789"
# Longer digit runs are judged as this many digits followed by anything.
MAX_DIGITS = 6
# What is known of a text from a position: the characters each next position may hold ("" for the end
# of the text, where nothing can be consumed), and anything after the last.
Known = tuple[str, ...]
_CATEGORY = {
    C.CATEGORY_DIGIT: re.compile(r"\d"),
    C.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    C.CATEGORY_SPACE: re.compile(r"\s"),
    C.CATEGORY_NOT_SPACE: re.compile(r"\S"),
    C.CATEGORY_WORD: re.compile(r"\w"),
    C.CATEGORY_NOT_WORD: re.compile(r"\W"),
}
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


def _char_ok(op: Any, av: Any, ch: str) -> bool:
    """Whether a one-character item may match ``ch`` (True when unsure)."""
    if op is C.LITERAL:
        return ch == chr(av)
    if op is C.NOT_LITERAL:
        return ch != chr(av)
    if op is C.IN:
        negate = False
        hit = False
        for iop, iav in av:
            if iop is C.NEGATE:
                negate = True
            elif iop is C.LITERAL:
                hit = hit or ch == chr(iav)
            elif iop is C.RANGE:
                hit = hit or iav[0] <= ord(ch) <= iav[1]
            elif iop is C.CATEGORY and iav in _CATEGORY:
                hit = hit or _CATEGORY[iav].match(ch) is not None
            else:
                return True
        return hit != negate
    return True  # ANY and anything else


# ``_char_ok`` by the item (its argument lives in a cached parse tree: its id is stable) and character.
_CHAR_OK: dict[tuple[int, int, str], bool] = {}


class _Reached(Exception):
    """The walk got past what is known with the rule still matching: it may reach the trigger."""


class _Walk:
    def __init__(self, known: Known, need: int) -> None:
        self.known = known
        self.top = len(known)  # beyond what is known: anything may follow
        # Every construct keeps a position past what is known, so once one is reached the rule may match
        # there: the walk stops (when that position is far enough).
        self.stop_at_top = self.top >= need

    def chars(self, j: int) -> str:
        return self.known[j]

    def seq(self, items: Any, reach: set[int]) -> set[int]:
        for op, av in items:
            if not reach:
                break
            reach = self.node(op, av, reach)
            if self.stop_at_top and self.top in reach:
                raise _Reached
        return reach

    def node(self, op: Any, av: Any, reach: set[int]) -> set[int]:
        top = self.top
        if op in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY):
            out = set()
            for j in reach:
                if j == top:
                    out.add(j)
                    continue
                for ch in self.known[j]:
                    key = (id(op), id(av), ch)
                    ok = _CHAR_OK.get(key)
                    if ok is None:
                        ok = _CHAR_OK[key] = _char_ok(op, av, ch)
                    if ok:
                        out.add(j + 1)
                        break
            return out
        if op is C.BRANCH:
            return set().union(*(self.seq(alt, reach) for alt in av[1]))
        if op is C.SUBPATTERN:
            return self.seq(av[3], reach)
        if op is C.ATOMIC_GROUP:
            return self.seq(av, reach)
        if op in _REPEATS:
            low, high, body = av
            cur = reach
            for _ in range(low):
                cur = self.seq(body, cur)
            done, count = set(cur), low
            while cur and (high is C.MAXREPEAT or count < high):
                cur = self.seq(body, cur) - done
                done |= cur
                count += 1
            return done
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            return reach  # zero-width: assumed to hold
        if op is C.GROUPREF_EXISTS:
            _, yes, no = av
            return self.seq(yes, reach) | (self.seq(no, reach) if no else reach)
        # A backreference or an unknown construct: any length of anything.
        return {j2 for j in reach for j2 in range(j, top + 1)}


@cache
def _parsed(pattern: str) -> Any:
    return P.parse(pattern)


def prepare(pattern: str) -> None:
    """Parse ``pattern`` for ``may_reach`` now, while the grammar is built, not when a text first needs it."""
    with contextlib.suppress(Exception):  # as in ``may_reach``: a pattern the walk cannot read is kept
        _parsed(pattern)


def may_reach(pattern: str, known: Known, need: int) -> bool:
    """False only if no match of ``pattern`` at the start of a text described by ``known`` can end at or
    after position ``need``."""
    try:
        tree = _parsed(pattern)
        if tree.state.flags & (re.IGNORECASE | re.DOTALL | re.VERBOSE):
            return True
        ends = _Walk(known, need).seq(tree, {0})
    except _Reached:
        return True
    except Exception:  # noqa: BLE001 - a construct the walk does not know: keep the rule
        return True
    return any(j >= need for j in ends)
