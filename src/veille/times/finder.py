"""Find temporal expressions in a text and normalise them to TIMEX3 values.

The text is analysed exactly as given (no cleaning): every offset points into it unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from veille.times.calendar import parse_anchor, valid_day
from veille.times.context import Ctx
from veille.times.grammar import BACK_TOKEN, DIGIT_KEY, NUMERIC, TOKEN, Grammar, Rule, grammar
from veille.times.shapes import DIGITS, MAX_DIGITS, Known
from veille.types import TimeRef

_LEFT_WINDOW = 48  # characters looked at before a trigger for the words that may open the expression
_LEFT_TOKENS = 5
_CACHE_LIMIT = 100_000  # entries of a grammar's per-token caches (a language's vocabulary fits)


# ``str.lower`` of each Latin-1 character, which is one Latin-1 character: ``bytes.translate`` lowers a
# Latin-1 text (most French and English texts) several times faster than ``str.lower``.
_LATIN1_LOWER = bytes(ord(chr(i).lower()) for i in range(256))


def _lower(text: str) -> str:
    """Lower-case without changing offsets (a few characters, such as « İ », grow when lowered)."""
    try:
        return text.encode("latin-1").translate(_LATIN1_LOWER).decode("latin-1")
    except UnicodeEncodeError:
        pass
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


# The token just before a position, read on the reversed text: the separators allowed inside an
# expression, then a token backwards (an elision apostrophe, then letters or digits).
_BACK_TOKEN = re.compile(r"[ \t\xa0\u202f-]*(['’]?[^\W_]+)")
# What may end the text just before a trigger for ``_BACK_TOKEN`` to match there (or a letter or digit).
_JOINERS = frozenset(" \t\xa0\u202f-'’")


def _opening_key(g: Grammar, token: str) -> str:
    """The rule key of a token that may open an expression (« le », « 3 »), or "" when it may not."""
    word = token.replace("’", "'")
    if word in g.left:
        return word
    return DIGIT_KEY if NUMERIC.match(word) else ""


def _key(g: Grammar, low: str, pos: int) -> str:
    """The rule key of the token at ``pos`` (« # » for a number or an ordinal)."""
    m = TOKEN.match(low, pos)
    if not m:
        return ""
    word = m.group().replace("’", "'")
    if word[0].isdigit():
        return DIGIT_KEY
    return word if word in g.first or not NUMERIC.match(word) else DIGIT_KEY


_NUMBER = re.compile(r"(\d+)([^\W\d_]*)(?:[.,]\d+)?([^\S\n]*)([^\W_]*)")
_ASCII_DIGITS = re.compile(r"[0-9]+")
_AFTER_NUMBER = 2  # characters after a number that ``Grammar.rules_at`` is shown


def _number_trigger(g: Grammar, low: str, pos: int) -> Known | None:
    """What ``Grammar.rules_at`` may know of the number at ``pos``: how many ASCII digits, then the next
    characters ("": the end of the text); None when the number cannot open an expression.

    Most numbers in news are amounts; only some shapes can be part of a temporal expression.
    """
    m = _NUMBER.match(low, pos)
    if m is None:  # pos is not a digit (a caller's error): nothing is known
        return ()
    digits, suffix, space, nxt = m.groups()
    # A year, « 1er », « 21h45 », « xxe », a separator after it (« 04/10 », « 10:30 »), or a word
    # that may follow a number in an expression (« 4 octobre », « 3 ans »).
    if not (len(digits) == 4 or suffix or (not space and not nxt) or nxt in g.after_number or nxt[:1].isdigit()):
        return None
    # ``\d`` also takes other scripts' digits; the shapes are of ASCII digits.
    k = len(digits) if digits.isascii() else _ASCII_DIGITS.match(low, pos).end() - pos  # type: ignore[union-attr]
    if k > MAX_DIGITS:
        return (DIGITS,) * MAX_DIGITS
    after = low[pos + k : pos + k + _AFTER_NUMBER]  # the characters after it, "" for the end of the text
    return (DIGITS,) * k + (tuple(after) if len(after) == _AFTER_NUMBER else (*after, ""))


_Found = tuple[Rule, list[TimeRef]] | None


def _best(g: Grammar, ctx: Ctx, hit_start: int, trigger: Known, own: Sequence[Rule], floor: int) -> _Found:
    """The first acceptable match around the trigger at ``hit_start``.

    ``trigger`` describes the trigger for ``Grammar.rules_at``; ``own`` are the rules to try at it.
    """
    candidates: list[tuple[int, int, int, Rule, re.Match[str]]] = []
    low = ctx.low
    # The words before the trigger may belong to the expression only if it follows one of them directly.
    if hit_start > floor and (low[hit_start - 1] in _JOINERS or low[hit_start - 1].isalnum()):
        # Walk back over the function words that may open an expression (« la fin de l' », « il y a
        # deux »), never past the end of the previous expression (``floor``), and try at each the rules
        # that can begin with it. Each step back is one match on the reversed text, not a
        # re-tokenisation of the window.
        rev = ctx.rev
        n = len(low)
        lo = hit_start - _LEFT_WINDOW
        stop = n - (lo if lo > floor else floor)  # the window's left edge, in ``rev`` (``max`` is a slower call)
        edge = n - hit_start
        opening = g.opening_cache
        shapes = g.shape_cache
        for _ in range(_LEFT_TOKENS):
            back = _BACK_TOKEN.match(rev, edge, stop)
            if back is None:
                break  # punctuation, a line break or the window's edge: not one expression
            edge = back.end()
            pos = n - edge
            token = low[pos : n - back.start(1)]
            key = opening.get(token)
            if key is None:
                key = _opening_key(g, token)
                if len(opening) < _CACHE_LIMIT:
                    opening[token] = key
            if not key:
                break
            before = low[pos:hit_start]
            rules = shapes.get((key, before, trigger))
            if rules is None:
                rules = g.rules_at(key, before, trigger)
            for rule in rules:
                m = rule.regex.match(low, pos)
                if m is not None and m.end() > hit_start:
                    candidates.append((pos, -m.end(), rule.order, rule, m))
    for rule in own:
        m = rule.regex.match(low, hit_start)
        if m is not None and m.end() > hit_start:
            candidates.append((hit_start, -m.end(), rule.order, rule, m))
    if not candidates:
        return None
    # Leftmost, then longest, then the rule listed first; a handler may still refuse its match. No two
    # candidates share a start and a rule, so the sort never compares past the rule's order.
    if len(candidates) > 1:
        candidates.sort()
    for _, _, _, rule, m in candidates:
        found = rule.handler(m, ctx)
        if found:
            return rule, found
    return None


_SPACES = re.compile(r"\s+")


def _apply_mods(g: Grammar, ctx: Ctx, tr: TimeRef, floor: int) -> None:
    """« début juin », « la fin de l'année dernière », « plus de deux ans », « vers 20 h »."""
    start = tr.start
    lo = start - 40
    if lo < floor:
        lo = floor
    low, rev = ctx.low, ctx.rev
    duration = tr.type == "DURATION"
    # When a word and one space stand before the expression, that word is the one read below: unless
    # the text ends like one of the modifiers' last words there, it is none of them (a suffix test is
    # far cheaper than reading the word).
    if (
        start - 2 >= lo
        and low[start - 1] == " "
        and low[start - 2].isalnum()
        and not low.endswith(g.duration_mod_last if duration else g.point_mod_last, lo, start - 1)
    ):
        return
    n = len(low)
    # Most expressions have no modifier: unless the word before is one a modifier ends with, the
    # modifier regex (which reads the whole window) cannot match.
    back = BACK_TOKEN.match(rev, n - tr.start, n - lo)
    if back is None:
        return
    last = low[n - back.end() : n - back.start(1)].replace("’", "'")
    ends = g.duration_mod_ends if duration else g.point_mod_ends
    if last not in ends:
        return
    allowed = ends[last]
    if allowed is not None:
        back = BACK_TOKEN.match(rev, back.end(), n - lo)
        if back is None or low[n - back.end() : n - back.start(1)].replace("’", "'") not in allowed:
            return
    before = low[lo : tr.start]
    if duration:
        m = g.duration_mod.search(before)
        scope = "duration"
    else:
        m = g.point_mod.search(before)
        scope = "point"
    if not m:
        return
    phrase = _SPACES.sub(" ", m.group("mod")).replace("’", "'")
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
    n = len(low)
    dct = parse_anchor(published)
    ctx = Ctx(text, low, low[::-1], g, g.lex, dct, dct)
    out: list[TimeRef] = []
    floor = 0
    words = g.word_cache
    shapes = g.shape_cache
    own: Sequence[Rule] | None
    trigger: Known
    for hs, he in g.triggers(low):
        if hs < floor:
            continue
        if low[hs].isdigit():
            number = _number_trigger(g, low, hs)
            if number is None:
                continue
            trigger = number
            own = shapes.get((DIGIT_KEY, "", trigger))  # ``g.rules_at``, most often known
            if own is None:
                own = g.rules_at(DIGIT_KEY, "", trigger)
        elif he < n:
            # Unless a letter follows, all depends on the trigger word and the character after it.
            surface = low[hs : he + 1]
            entry = words.get(surface)
            if entry is None:
                entry = _word_trigger(g, low, hs, he)
                if not low[he].isalnum() and len(words) < _CACHE_LIMIT:
                    words[surface] = entry
            own, trigger = entry
        else:
            own, trigger = _word_trigger(g, low, hs, he)
        best = _best(g, ctx, hs, trigger, own, floor)
        if best is None:
            continue
        rule, found = best
        for tr in found:
            if not tr.rule:
                tr.rule = rule.label
            _apply_mods(g, ctx, tr, floor)
            out.append(tr)
            if tr.value is not None:
                _remember(ctx, tr)
        floor = found[0].end if len(found) == 1 else max(tr.end for tr in found)
    return out


def _word_trigger(g: Grammar, low: str, hs: int, he: int) -> tuple[Sequence[Rule], Known]:
    """The rules to try at a word trigger, and what ``Grammar.rules_at`` may know of it: the trigger
    word and the character after it ("": the end of the text)."""
    trigger = tuple(low[hs : he + 1]) if he < len(low) else (*low[hs:he], "")
    return g.first.get(_key(g, low, hs), ()), trigger


def _remember(ctx: Ctx, tr: TimeRef) -> None:
    """Keep the last day-precise date as the reference for later times of day and anaphors."""
    v = tr.value
    if v is None or tr.type not in ("DATE", "TIME") or v.endswith("_REF"):
        return
    ctx.last_value, ctx.last_type = v, tr.type
    d = _day(v[:10])
    if d is not None:
        ctx.ref = d


@lru_cache(maxsize=8192)
def _day(v: str) -> date | None:
    """The date of a value that begins with YYYY-MM-DD (values are ASCII: isdecimal is \\d here)."""
    if len(v) == 10 and v[4] == v[7] == "-" and v[:4].isdecimal() and v[5:7].isdecimal() and v[8:10].isdecimal():
        return valid_day(int(v[:4]), int(v[5:7]), int(v[8:10]))
    return None
