"""Literal prefixes of regular expressions, so that an Aho-Corasick pass decides which cues to try.

Python's ``re`` tries every branch of a long alternation at every position of a line; one automaton
pass over the line, then only the few cues whose prefix occurs, is several times cheaper. Cues
anchored at the line start are grouped by the characters their matches can start with
(``first_chars``); literals required anywhere in a match (``required_literals``) guard the others.
"""

from __future__ import annotations

# The regular-expression parser of the standard library (public as sre_parse before Python 3.11).
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_MAX_PREFIXES = 64
_MAX_RANGE = 1024
ANY_DIGIT = "\\d"  # in a set of first characters: any decimal digit (what \d and str.isdecimal accept)


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters every match of ``pattern`` starts with (``ANY_DIGIT`` standing for the decimal
    digits), or None if they are unknown or many."""
    items = _parsed(pattern)
    if items is None:
        return None
    chars, nullable = _first(items)
    return None if chars is None or nullable else frozenset(chars)


def _first(items: list[Any]) -> tuple[set[str] | None, bool]:
    """The first characters of ``items`` and whether the sequence can match the empty string."""
    chars: set[str] = set()
    for op, av in items:
        if op is sre.AT:
            continue
        if op is sre.LITERAL:
            return chars | {chr(av)}, False
        if op is sre.IN:
            charset = _charset(av)
            return (None, False) if charset is None else (chars | charset, False)
        if op is sre.SUBPATTERN and not av[1] & sre.SRE_FLAG_IGNORECASE:
            sub, nullable = _first(list(av[-1]))
        elif op is sre.BRANCH:
            firsts = [_first(list(branch)) for branch in av[1]]
            if any(first is None for first, _ in firsts):
                return None, False
            sub = set().union(*(first for first, _ in firsts if first is not None))
            nullable = any(empty for _, empty in firsts)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            sub, nullable = _first(list(av[2]))
            nullable = nullable or av[0] == 0
        else:
            return None, False
        if sub is None:
            return None, False
        chars |= sub
        if not nullable:
            return chars, False
    return chars, True


def _charset(items: list[Any]) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < _MAX_RANGE:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            chars.add(ANY_DIGIT)
        else:
            return None
    return chars


def _parsed(pattern: str) -> list[Any] | None:
    """The pattern's parsed items, or None when it cannot be prefiltered (unparsable, or ignoring case)."""
    try:
        parsed = sre_parse.parse(pattern)
    except Exception:  # noqa: BLE001 - an unparsable pattern is simply not prefiltered
        return None
    return None if parsed.state.flags & sre.SRE_FLAG_IGNORECASE else list(parsed)


def literal_prefixes(pattern: str, minimum: int = 3) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` starts with, or None if there is no useful set."""
    items = _parsed(pattern)
    if items is None:
        return None
    prefixes, _ = _lead(items)
    if not prefixes or len(prefixes) > _MAX_PREFIXES or any(len(p) < minimum for p in prefixes):
        return None
    return frozenset(prefixes)


def required_literals(pattern: str, minimum: int = 3) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` contains, or None if there is no useful set."""
    items = _parsed(pattern)
    if items is None:
        return None
    best = _required(items, minimum)
    return frozenset(best) if best else None


def _required(items: list[Any], minimum: int) -> set[str] | None:
    """The most selective literal set among the prefixes of every tail of ``items`` and of the bodies
    of the groups and repeats that every match goes through."""
    best: set[str] | None = None
    for start, (op, av) in enumerate(items):
        found = [_lead(items[start:])[0]]
        if op is sre.SUBPATTERN and not av[1] & sre.SRE_FLAG_IGNORECASE:
            found.append(_required(list(av[-1]), minimum) or set())
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            found.append(_required(list(av[2]), minimum) or set())
        for literals in found:
            if (literals and len(literals) <= _MAX_PREFIXES and min(map(len, literals)) >= minimum
                    and (best is None or min(map(len, literals)) > min(map(len, best)))):
                best = literals
    return best


def _branches(op: Any, av: Any) -> list[list[Any]] | None:
    if op is sre.SUBPATTERN:
        return None if av[1] & sre.SRE_FLAG_IGNORECASE else [list(av[-1])]
    if op is sre.BRANCH:
        return [list(branch) for branch in av[1]]
    if op is sre.IN and all(kind is sre.LITERAL for kind, _ in av):
        return [[(sre.LITERAL, value)] for _, value in av]
    return None


def _lead(items: list[Any]) -> tuple[set[str], bool]:
    """The prefixes of ``items`` and whether they cover the whole sequence (else they stop early)."""
    prefixes = {""}
    for op, av in items:
        if op is sre.AT:  # \b and ^ consume nothing
            continue
        if op is sre.LITERAL:
            prefixes = {p + chr(av) for p in prefixes}
            continue
        branches = _branches(op, av)
        if branches is None:
            return prefixes, False
        combined: set[str] = set()
        complete = True
        for branch in branches:
            sub, done = _lead(branch)
            complete = complete and done
            combined |= {p + s for p in prefixes for s in sub}
        prefixes = combined
        if not complete or len(prefixes) > _MAX_PREFIXES:
            return prefixes, False
    return prefixes, True
