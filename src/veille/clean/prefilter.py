"""Literal prefixes of regular expressions, so that an Aho-Corasick pass decides which cues to try.

Python's ``re`` tries every branch of a long alternation at every position of a line; one automaton
pass over the line, then only the few cues whose prefix occurs, is several times cheaper.
"""

from __future__ import annotations

# The regular-expression parser of the standard library (public as sre_parse before Python 3.11).
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_MAX_PREFIXES = 64


def literal_prefixes(pattern: str, minimum: int = 3) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` starts with, or None if there is no useful set."""
    try:
        items = list(sre_parse.parse(pattern))
    except Exception:  # noqa: BLE001 - an unparsable pattern is simply not prefiltered
        return None
    prefixes, _ = _lead(items)
    if not prefixes or len(prefixes) > _MAX_PREFIXES or any(len(p) < minimum for p in prefixes):
        return None
    return frozenset(prefixes)


def _branches(op: Any, av: Any) -> list[list[Any]] | None:
    if op is sre.SUBPATTERN:
        return [list(av[-1])]
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
