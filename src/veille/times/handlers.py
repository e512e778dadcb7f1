"""Value a matched expression: one function per kind of expression, shared by the languages.

A handler receives the match (on the lower-cased text) and the context, and returns the TimeRefs it
stands for, or None when the match is not a temporal expression after all (an age, a newspaper
called « le quotidien », « été » the participle). Rules are named by the finder; handlers leave
``rule`` empty.
"""

from __future__ import annotations

import re
from datetime import date

from veille.times import calendar as cal
from veille.times.context import Ctx
from veille.times.tables import parse_number
from veille.types import TimeRef

Found = list[TimeRef] | None
# Precompiled: the module-level ``re`` functions look their pattern up in a cache at every call.
SPACES = re.compile(r"\s+")
_LEADING_DIGITS = re.compile(r"\d+")
_ROMAN = re.compile(r"[ivxl]+")
_DIGIT_THEN_SEP = re.compile(r"\d[\s.,\xa0\u202f]$")
_SEP_THEN_DIGIT = re.compile(r"[.,]\d")
_YEAR_RANGE_OPEN = re.compile(r"\d{4}\s*[/–-]\s*$")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+|[%€$£])")


def grp(m: re.Match[str], name: str) -> str | None:
    """The group ``name`` of ``m``, None when it did not match or the rule has no such group."""
    try:  # most asked groups exist: cheaper than looking the name up in ``m.re.groupindex`` first
        return m.group(name)
    except IndexError:
        return None


def ref(start: int, end: int, value: str | None, type_: str, anchor: date | None = None) -> TimeRef:
    return TimeRef(start, end, value, type_, "", anchor.isoformat() if anchor else None)


def direction(c: Ctx, word: str | None) -> str | None:
    """« dernier » → last, « prochain » → next, « suivant » → follow, « précédent » → prev."""
    if not word:
        return None
    w = SPACES.sub(" ", word)
    lex = c.lex
    if w in lex.cls("past_adj"):
        return "last"
    if w in lex.cls("next_adj"):
        return "next"
    if w in lex.cls("anaph_prev"):
        return "prev"
    if w in lex.cls("anaph_next"):
        return "follow"
    return None


def month_of(c: Ctx, word: str) -> int:
    return c.lex.months[word.rstrip(".")]


def day_of(word: str) -> int:
    digits = _LEADING_DIGITS.match(word)
    return int(digits.group()) if digits else 1  # « premier », « first »


def year_of(c: Ctx, word: str) -> int:
    w = word.lstrip("'’")
    return int(w) if len(w) == 4 else cal.two_digit_year(int(w), c.dct)


def tense_dir(c: Ctx, m: re.Match[str], default: str | None) -> str | None:
    t = c.tense(m.start(), m.end())
    return t if t else default


# --- calendar dates -----------------------------------------------------------------------------


def date_dm(m: re.Match[str], c: Ctx) -> Found:
    day = day_of(m.group("day"))
    month = month_of(c, m.group("month"))
    wday = grp(m, "wday")
    weekday = c.lex.weekdays.get(wday) if wday else None
    year_txt = grp(m, "year")
    anchor = None
    if year_txt:
        year = year_of(c, year_txt)
    elif c.dct:
        dirn = direction(c, grp(m, "rel")) or tense_dir(c, m, None)
        year = cal.year_for_day(c.dct, month, day, dirn, weekday)
        anchor = c.dct
    else:
        return [ref(m.start(), m.end(), f"XXXX-{month:02d}-{day:02d}", "DATE")]
    d = cal.valid_day(year, month, day)
    if d is None:
        return None
    return [ref(m.start(), m.end(), d.isoformat(), "DATE", anchor)]


def date_coord(m: re.Match[str], c: Ctx) -> Found:
    """« les 6 et 13 avril », « du 3 au 6 mai »: two dates sharing a month, annotated separately."""
    second = date_dm(m, c)
    if not second:
        return None
    tr = second[0]
    tr.start = m.start("day")
    if tr.value is None:
        return None
    d1 = day_of(m.group("d1"))
    first_value = tr.value[:-2] + f"{d1:02d}"
    if "X" not in first_value and cal.valid_day(int(first_value[:4]), int(first_value[5:7]), d1) is None:
        return [tr]
    first = TimeRef(m.start(), m.end("d1"), first_value, "DATE", "", tr.anchor)
    return [first, tr]


def date_numeric(m: re.Match[str], c: Ctx) -> Found:
    a, b = int(m.group("a")), int(m.group("b"))
    y = m.group("y")
    year = int(y) if len(y) == 4 else cal.two_digit_year(int(y), c.dct)
    # Day first in French; month first in English unless the first number cannot be a month.
    day, month = (a, b) if c.lex.lang == "fr" or a > 12 else (b, a)
    d = cal.valid_day(year, month, day)
    return [ref(m.start(), m.end(), d.isoformat(), "DATE")] if d else None


def date_iso(m: re.Match[str], c: Ctx) -> Found:
    d = cal.valid_day(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    if d is None:
        return None
    hh = grp(m, "h")
    if hh is not None:
        return [ref(m.start(), m.end(), f"{d.isoformat()}T{int(hh):02d}:{m.group('mi')}", "TIME")]
    return [ref(m.start(), m.end(), d.isoformat(), "DATE")]


def month(m: re.Match[str], c: Ctx) -> Found:
    word = m.group("month")
    mon = month_of(c, word)
    year_txt = grp(m, "year")
    mpos = m.start("month")
    named_with = bool(grp(m, "mois") or year_txt or grp(m, "rel"))
    if not named_with:
        if word.rstrip(".") in c.lex.month_abbreviations:
            return None  # « sept » alone is seven, « mar » is not March: abbreviations need a day or year
        left = c.left_word(mpos)
        ambiguous = c.lex.lang == "en" or word.rstrip(".") in c.lex.cls("ambiguous_month")
        if ambiguous and left not in c.lex.cls("year_prep"):
            return None  # « May », « March », « mars »: a month only after a word that introduces a date
        if c.capitalised(mpos) and not c.sentence_initial(mpos) and left not in c.lex.cls("year_prep"):
            return None  # « Mars » the planet or a brand, « Juin » a name
        if c.lex.lang == "en" and not c.capitalised(mpos):
            return None
    if year_txt:
        return [ref(m.start(), m.end(), f"{year_of(c, year_txt):04d}-{mon:02d}", "DATE")]
    if c.dct is None:
        return [ref(m.start(), m.end(), f"XXXX-{mon:02d}", "DATE")]
    dirn = direction(c, grp(m, "rel")) or tense_dir(c, m, None)
    year = cal.year_for_month(c.dct, mon, dirn)
    return [ref(m.start(), m.end(), f"{year:04d}-{mon:02d}", "DATE", c.dct)]


def year_named(m: re.Match[str], c: Ctx) -> Found:
    return [ref(m.start(), m.end(), m.group("year"), "DATE")]


def year(m: re.Match[str], c: Ctx) -> Found:
    """A bare four-digit number is a year after a word that introduces one, or when it reads as one."""
    y = int(m.group("year"))
    s = m.start()
    low = c.low
    if _DIGIT_THEN_SEP.search(low[max(0, s - 2) : s]) or _SEP_THEN_DIGIT.match(low[m.end() : m.end() + 2]):
        return None  # part of « 1 500 », « 2.000 » or « 1999,5 »
    left = c.left_word(s)
    before = low[max(0, s - 2) : s].strip()
    if left in c.lex.cls("year_prep") or (before[-1:] in "/-–" and _YEAR_RANGE_OPEN.search(low[max(0, s - 8) : s])):
        return [ref(s, m.end(), f"{y:04d}", "DATE")] if 1000 <= y <= 2100 else None
    if not 1900 <= y <= 2100:
        return None
    nxt = _NEXT_WORD.match(low[m.end() : m.end() + 20])
    if nxt and nxt.group(1) not in c.lex.cls("year_follower"):
        return None  # « 2000 personnes », « 1990 euros »
    return [ref(s, m.end(), f"{y:04d}", "DATE")]


def decade(m: re.Match[str], c: Ctx) -> Found:
    txt = m.group("dec").lstrip("'’")
    n = parse_number(txt, c.lex)
    if n is None:
        return None
    v = int(n)
    if len(txt) == 4 and txt.isdigit():
        return [ref(m.start(), m.end(), f"{v // 10:03d}", "DATE")]
    if v % 10 or not 10 <= v <= 90:
        return None
    return [ref(m.start(), m.end(), f"19{v // 10}", "DATE")]


def century(m: re.Match[str], c: Ctx) -> Found:
    txt = m.group("c")
    digits = _LEADING_DIGITS.match(txt)
    numeral = _ROMAN.match(txt)
    n = (int(digits.group()) if digits else c.lex.ordinals.get(SPACES.sub(" ", txt))
         or (cal.roman(numeral.group()) if numeral else None))
    if not n or not 1 <= n <= 30:
        return None
    return [ref(m.start(), m.end(), f"{int(n) - 1:02d}", "DATE")]


def quarter(m: re.Match[str], c: Ctx) -> Found:
    n = c.lex.ordinals.get(m.group("ord"), 0)
    unit = c.lex.units[m.group("unit")][0]
    limit = 4 if unit == "Q" else 2
    if not 1 <= n <= limit:
        return None
    letter = "Q" if unit == "Q" else "H"
    year_txt = grp(m, "year")
    if year_txt:
        return [ref(m.start(), m.end(), f"{year_txt}-{letter}{n}", "DATE")]
    if c.dct is None:
        return [ref(m.start(), m.end(), f"XXXX-{letter}{n}", "DATE")]
    return [ref(m.start(), m.end(), f"{c.dct.year}-{letter}{n}", "DATE", c.dct)]


def season(m: re.Match[str], c: Ctx) -> Found:
    word = m.group("season")
    code = c.lex.seasons[word]
    spos = m.start("season")
    determined = grp(m, "det") or grp(m, "dem") or grp(m, "year") or grp(m, "rel") or grp(m, "mois")
    if not determined:
        left = c.left_word(m.start())
        if left in c.lex.cls("season_blocker"):
            return None  # « les Jeux d'hiver », « vacances d'été »: an adjective, not a date
        if left not in c.lex.cls("season_prep") and not c.capitalised(spos):
            return None  # « a été »: the participle of « être »
    if word in c.lex.cls("ambiguous_season") and not (grp(m, "dem") or grp(m, "year") or grp(m, "rel")):
        return None  # « the fall of Rome »
    year_txt = grp(m, "year")
    if year_txt:
        return [ref(m.start(), m.end(), f"{year_txt}-{code}", "DATE")]
    rel = direction(c, grp(m, "rel"))
    if grp(m, "dem") or rel:
        if c.dct is None:
            return [ref(m.start(), m.end(), None, "DATE")]
        y = cal.season_shift(c.dct, code, rel or tense_dir(c, m, None))
        return [ref(m.start(), m.end(), f"{y}-{code}", "DATE", c.dct)]
    # « en été », « l'hiver »: a season in general, not a particular one.
    return [ref(m.start(), m.end(), f"XXXX-{code}", "DATE")]
