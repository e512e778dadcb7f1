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


# A parsed pattern is walked many times (once per new shape of text), so it is first turned into
# nested tuples the walk reads without the parser's classes: ``(kind, ...)``, by these kinds.
_CHAR = 0  # (_CHAR, op, av, {char: whether it may match}): one character
_BRANCH = 1  # (_BRANCH, alternatives, the literal character each begins with or "")
_GROUP = 2  # (_GROUP, items): a group, atomic or not
_REPEAT = 3  # (_REPEAT, min, max, items)
_ZERO = 4  # (_ZERO,): a lookaround or an anchor, assumed to hold
_IF = 5  # (_IF, yes, no or None): a conditional on a group
_ANY = 6  # (_ANY,): a backreference or an unknown construct, any length of anything
_CHAR_OPS = (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY)
_UNREAD_FLAGS = int(re.IGNORECASE | re.DOTALL | re.VERBOSE)  # patterns with these are always kept
Items = tuple[Any, ...]


def _items(parsed: Any) -> Items:
    out: list[tuple[Any, ...]] = []
    for op, av in parsed:
        if op in _CHAR_OPS:
            out.append((_CHAR, op, av, {}))
        elif op is C.BRANCH:
            alts = tuple(_items(alt) for alt in av[1])
            firsts = tuple(chr(alt[0][2]) if alt and alt[0][0] == _CHAR and alt[0][1] is C.LITERAL else "" for alt in alts)
            out.append((_BRANCH, alts, firsts))
        elif op is C.SUBPATTERN:
            out.append((_GROUP, _items(av[3])))
        elif op is C.ATOMIC_GROUP:
            out.append((_GROUP, _items(av)))
        elif op in _REPEATS:
            out.append((_REPEAT, av[0], av[1], _items(av[2])))
        elif op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            out.append((_ZERO,))
        elif op is C.GROUPREF_EXISTS:
            out.append((_IF, _items(av[1]), _items(av[2]) if av[2] else None))
        else:
            out.append((_ANY,))
    return tuple(out)


class _Reached(Exception):
    """The walk got past what is known with the rule still matching: it may reach the trigger."""


class _Walk:
    __slots__ = ("known", "top", "stop_at_top")

    def __init__(self, known: Known, need: int) -> None:
        self.known = known
        self.top = len(known)  # beyond what is known: anything may follow
        # Every construct keeps a position past what is known, so once one is reached the rule may match
        # there: the walk stops (when that position is far enough).
        self.stop_at_top = self.top >= need

    def seq(self, items: Items, reach: set[int]) -> set[int]:
        """The positions ``items`` may end at, matched from any of ``reach``."""
        top = self.top
        for item in items:
            if not reach:
                break
            kind = item[0]
            if kind == _CHAR:
                known = self.known
                _, op, av, ok_of = item
                out = set()
                for j in reach:
                    if j == top:
                        out.add(j)
                        continue
                    for ch in known[j]:
                        ok = ok_of.get(ch)
                        if ok is None:
                            ok = ok_of[ch] = _char_ok(op, av, ch)
                        if ok:
                            out.add(j + 1)
                            break
                reach = out
            elif kind == _BRANCH:
                ends: set[int] = set()
                # From one known position, an alternative that begins with another character reaches
                # nothing (most alternatives of a word list): skipped without walking it.
                chars = self.known[next(iter(reach))] if len(reach) == 1 and top not in reach else None
                for alt, lit in zip(item[1], item[2], strict=True):
                    if chars is None or not lit or lit in chars:
                        ends |= self.seq(alt, reach)
                reach = ends
            elif kind == _GROUP:
                reach = self.seq(item[1], reach)
            elif kind == _REPEAT:
                reach = self.repeat(item[1], item[2], item[3], reach)
            elif kind == _IF:
                reach = self.seq(item[1], reach) | (self.seq(item[2], reach) if item[2] else reach)
            elif kind == _ANY:
                reach = {j2 for j in reach for j2 in range(j, top + 1)}
            # _ZERO: the positions stay
            if self.stop_at_top and top in reach:
                raise _Reached
        return reach

    def repeat(self, low: int, high: int, body: Items, reach: set[int]) -> set[int]:
        cur = reach
        for _ in range(low):
            cur = self.seq(body, cur)
        done, count = set(cur), low
        while cur and (high is C.MAXREPEAT or count < high):
            cur = self.seq(body, cur) - done
            done |= cur
            count += 1
        return done


@cache
def _parsed(pattern: str) -> tuple[int, Items]:
    """The flags and the walkable items of ``pattern``."""
    tree = P.parse(pattern)
    return tree.state.flags, _items(tree)


def prepare(pattern: str) -> None:
    """Parse ``pattern`` for ``may_reach`` now, while the grammar is built, not when a text first needs it."""
    with contextlib.suppress(Exception):  # as in ``may_reach``: a pattern the walk cannot read is kept
        _parsed(pattern)


def may_reach(pattern: str, known: Known, need: int) -> bool:
    """False only if no match of ``pattern`` at the start of a text described by ``known`` can end at or
    after position ``need``."""
    try:
        flags, items = _parsed(pattern)
        if flags & _UNREAD_FLAGS:
            return True
        ends = _Walk(known, need).seq(items, {0})
    except _Reached:
        return True
    except Exception:  # noqa: BLE001 - a construct the walk does not know: keep the rule
        return True
    return any(j >= need for j in ends)
