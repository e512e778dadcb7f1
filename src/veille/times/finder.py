"""Find temporal expressions in a text and normalise them to TIMEX3 values.

The text is analysed exactly as given (no cleaning): every offset points into it unchanged.
"""

from __future__ import annotations

import contextlib
import re
from datetime import date

from veille.times.calendar import parse_anchor
from veille.times.context import Ctx
from veille.times.grammar import DIGIT_KEY, NUMERIC, TOKEN, Grammar, Rule, grammar
from veille.types import TimeRef

_LEFT_WINDOW = 48  # characters looked at before a trigger for the words that may open the expression
_LEFT_TOKENS = 5
_DAY_VALUE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _lower(text: str) -> str:
    """Lower-case without changing offsets (a few characters, such as « İ », grow when lowered)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _starts(g: Grammar, low: str, hit: int, floor: int) -> list[tuple[int, str]]:
    """Positions where an expression containing the trigger at ``hit`` may begin, leftmost first.

    Walks back over the function words that may open an expression (« la fin de l' », « il y a deux »),
    never past the end of the previous expression (``floor``).
    """
    lo = max(floor, hit - _LEFT_WINDOW)
    toks = list(TOKEN.finditer(low, lo, hit))
    starts: list[tuple[int, str]] = []
    edge = hit
    for tok in reversed(toks[-_LEFT_TOKENS:]):
        if low[tok.end() : edge].strip(" \t\xa0\u202f-"):
            break  # punctuation or a line break: not one expression
        word = tok.group().replace("’", "'")
        if word in g.left:
            starts.append((tok.start(), word))
        elif NUMERIC.match(word):
            starts.append((tok.start(), DIGIT_KEY))
        else:
            break
        edge = tok.start()
    starts.reverse()
    return starts


def _key(g: Grammar, low: str, pos: int) -> str:
    m = TOKEN.match(low, pos)
    if not m:
        return ""
    word = m.group().replace("’", "'")
    if word[0].isdigit():
        return DIGIT_KEY
    return word if word in g.first or not NUMERIC.match(word) else DIGIT_KEY


_NUMBER = re.compile(r"(\d+)([^\W\d_]*)(?:[.,]\d+)?([^\S\n]*)([^\W_]*)")


def _number_may_open(g: Grammar, low: str, pos: int) -> bool:
    """Most numbers in news are amounts; only some shapes can be part of a temporal expression."""
    m = _NUMBER.match(low, pos)
    if m is None:
        return True
    digits, suffix, space, nxt = m.groups()
    if len(digits) == 4 or suffix:
        return True  # a year; « 1er », « 21h45 », « xxe »
    if not space and not nxt:
        return True  # « 04/10 », « 10:30 », « 2024-10-04 »: a separator follows
    return nxt in g.after_number or nxt[:1].isdigit()


def _best(g: Grammar, ctx: Ctx, hit_start: int, hit_end: int, floor: int) -> tuple[Rule, list[TimeRef]] | None:
    candidates: list[tuple[int, int, int, Rule, re.Match[str]]] = []
    low = ctx.low
    for pos, key in [*_starts(g, low, hit_start, floor), (hit_start, _key(g, low, hit_start))]:
        for rule in g.first.get(key, ()):
            m = rule.regex.match(low, pos)
            if m is not None and m.end() > hit_start:
                candidates.append((m.start(), -m.end(), rule.order, rule, m))
    if not candidates:
        return None
    # Leftmost, then longest, then the rule listed first; a handler may still refuse its match.
    candidates.sort(key=lambda t: (t[0], t[1], t[2]))
    for _, _, _, rule, m in candidates:
        found = rule.handler(m, ctx)
        if found:
            return rule, found
    return None


def _apply_mods(g: Grammar, ctx: Ctx, tr: TimeRef, floor: int) -> None:
    """« début juin », « la fin de l'année dernière », « plus de deux ans », « vers 20 h »."""
    lo = max(floor, tr.start - 40)
    before = ctx.low[lo : tr.start]
    if tr.type == "DURATION":
        m = g.duration_mod.search(before)
        scope = "duration"
    else:
        m = g.point_mod.search(before)
        scope = "point"
    if not m:
        return
    phrase = re.sub(r"\s+", " ", m.group("mod")).replace("’", "'")
    mod, included = g.mod_of.get(f"{scope}:{phrase}", (None, False))
    if mod is None:
        return
    if tr.mod is None:
        tr.mod = mod
    if included:
        tr.start = lo + m.start()


def find_times(text: str, published: str | None, lang: str = "fr") -> list[TimeRef]:
    """The temporal expressions of ``text``, valued against the publication date ``published``.

    ``published`` is an ISO 8601 date or datetime (or None: relative expressions then get no value).
    Returns TimeRefs in text order, with offsets into ``text``, the rule that fired, the anchor used.
    """
    g = grammar(lang)
    low = _lower(text)
    dct = parse_anchor(published)
    ctx = Ctx(text, low, g, dct, dct)
    out: list[TimeRef] = []
    floor = 0
    for hs, he in g.triggers(low):
        if hs < floor:
            continue
        if low[hs].isdigit() and not _number_may_open(g, low, hs):
            continue
        best = _best(g, ctx, hs, he, floor)
        if best is None:
            continue
        rule, found = best
        for tr in found:
            if not tr.rule:
                tr.rule = f"{lang}.{rule.name}"
            _apply_mods(g, ctx, tr, floor)
            out.append(tr)
            _remember(ctx, tr)
        floor = max(tr.end for tr in found)
    return out


def _remember(ctx: Ctx, tr: TimeRef) -> None:
    """Keep the last day-precise date as the reference for later times of day and anaphors."""
    if tr.value is None or tr.type not in ("DATE", "TIME") or tr.value.endswith("_REF"):
        return
    ctx.last_value, ctx.last_type = tr.value, tr.type
    m = _DAY_VALUE.match(tr.value)
    if m:
        with contextlib.suppress(ValueError):
            ctx.ref = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
