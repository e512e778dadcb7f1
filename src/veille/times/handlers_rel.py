"""Value relative dates, times of day, durations, sets and document-relative expressions."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from veille.times import calendar as cal
from veille.times.context import Ctx
from veille.times.handlers import SPACES, Found, direction, grp, ref, tense_dir
from veille.times.tables import parse_number


def _pod_suffix(c: Ctx, pod: str | None) -> str | None:
    """« matin » → TMO, « midi » → T12:00 (the word as a time of day)."""
    if not pod:
        return None
    pod = SPACES.sub(" ", pod)
    code = c.lex.parts_of_day.get(pod)
    if code:
        return "T" + code
    return {"midi": "T12:00", "noon": "T12:00", "minuit": "T24:00", "midnight": "T24:00"}.get(pod)


def _dated(m: re.Match[str], c: Ctx, d: date | None, pod: str | None, anchor: date | None) -> Found:
    suffix = _pod_suffix(c, pod)
    value = None if d is None else d.isoformat() + (suffix or "")
    return [ref(m.start(), m.end(), value, "TIME" if suffix else "DATE", anchor)]


def relative_day(m: re.Match[str], c: Ctx) -> Found:
    """« hier », « demain soir », « aujourd'hui vendredi », « tonight »."""
    if grp(m, "before") or grp(m, "after"):
        word, offset = "", (-2 if grp(m, "before") else 2)  # « the day before yesterday »
    else:
        word = SPACES.sub(" ", m.group("rel")).replace("’", "'")
        offset = c.lex.relative_days[word]
    pod = grp(m, "pod") or ("tonight" if word == "tonight" else None)
    if c.dct is None:
        return [ref(m.start(), m.end(), None, "TIME" if pod else "DATE")]
    return _dated(m, c, c.dct + timedelta(days=offset), pod, c.dct)


def weekday(m: re.Match[str], c: Ctx) -> Found:
    """« mardi », « lundi dernier », « ce même lundi après-midi », « le mercredi » (habitual)."""
    wd = c.lex.weekdays[m.group("wday")]
    pod = grp(m, "pod")
    rel_word = grp(m, "rel")
    rel = direction(c, rel_word)
    det = grp(m, "det")
    if grp(m, "pl") or (det and not rel and not rel_word and not grp(m, "same") and c.lex.lang != "en"):
        # « le mercredi », « les jeudis »: every such day.
        suffix = _pod_suffix(c, pod) or ""
        return [ref(m.start(), m.end(), f"XXXX-WXX-{wd}{suffix}", "SET")]
    if rel in ("prev", "follow") or grp(m, "same") or (rel_word and rel is None):
        # Anaphoric: relative to the time the text is talking about, not to the publication.
        base = c.ref
        if base is None:
            return [ref(m.start(), m.end(), None, "TIME" if pod else "DATE")]
        if rel == "follow":
            d = cal.weekday_near(base, wd, "next")
        elif rel == "prev":
            d = cal.weekday_near(base, wd, "last")
        else:
            fwd, back = cal.weekday_near(base, wd, "future"), cal.weekday_near(base, wd, "past")
            d = fwd if (fwd - base) <= (base - back) else back
        return _dated(m, c, d, pod, base)
    if c.dct is None:
        return [ref(m.start(), m.end(), None, "TIME" if pod else "DATE")]
    if rel is None:
        rel = tense_dir(c, m, "past")
    return _dated(m, c, cal.weekday_near(c.dct, wd, rel or "past"), pod, c.dct)


def relative_unit(m: re.Match[str], c: Ctx) -> Found:
    """« l'année dernière », « cette semaine », « ce week-end », « le siècle dernier », « next month »."""
    unit = c.lex.units[m.group("unit")][0]
    rel_word = grp(m, "rel")
    rel = direction(c, rel_word)
    dem = grp(m, "dem")
    new = grp(m, "new")
    current = bool(dem) or bool(grp(m, "cur"))
    if not (rel or current or new):
        return None
    anaphoric = rel in ("prev", "follow")
    base = c.ref if anaphoric else c.dct
    if base is None:
        return [ref(m.start(), m.end(), None, "DATE")]
    step = {"last": -1, "prev": -1, "next": 1, "follow": 1}.get(rel or "", 0)
    if unit == "Y":
        y = base.year + step
        if new:
            y = base.year if base.month <= 6 else base.year + 1
        value = f"{y:04d}"
    elif unit == "M":
        y, mo = cal.add_months(base.year, base.month, step)
        value = f"{y:04d}-{mo:02d}"
    elif unit == "W":
        value = cal.week_value(base, step)
    elif unit == "WE":
        wd = base.isoweekday()
        if rel in ("last", "prev"):
            shift = -1
        elif rel in ("next", "follow"):
            shift = 1 if wd >= 6 else 0
        else:
            # « ce week-end » early in the week is the one just past, unless the verb is in the future.
            shift = -1 if wd <= 3 and tense_dir(c, m, "past") != "future" else 0
        value = cal.week_value(base, shift) + "-WE"
    elif unit == "CE":
        value = f"{base.year // 100 + step:02d}"
    elif unit == "DE":
        value = f"{base.year // 10 + step:03d}"
    elif unit == "Q":
        q = (base.month - 1) // 3 + step
        value = f"{base.year + q // 4}-Q{q % 4 + 1}"
    elif unit == "HY":
        h = (base.month - 1) // 6 + step
        value = f"{base.year + h // 2}-H{h % 2 + 1}"
    else:
        d = base + timedelta(days=step)
        value = d.isoformat()
    return [ref(m.start(), m.end(), value, "DATE", base)]


def part_of_day(m: re.Match[str], c: Ctx) -> Found:
    """« ce soir » (the publication day), « la nuit », « le matin même » (the day being told)."""
    pod = SPACES.sub(" ", m.group("pod"))
    if pod in c.lex.cls("pod_needs_prep") and c.left_word(m.start()) not in c.lex.cls("pod_prep"):
        return None  # « la soirée de gala », « une journée d'action »: an event, not a time
    base = c.dct if grp(m, "dem") else c.ref
    return _dated(m, c, base, pod, base) if base else [ref(m.start(), m.end(), None, "TIME")]


def pod_adjective(m: re.Match[str], c: Ctx) -> Found:
    return [ref(m.start(), m.end(), "T" + c.lex.parts_of_day[m.group("pod")], "TIME")]


# --- times of day -------------------------------------------------------------------------------


def _clock(m: re.Match[str], c: Ctx, hour: int, minute: int) -> Found:
    if not (0 <= hour <= 24 and 0 <= minute <= 59) or (hour == 24 and minute):
        return None
    base = c.ref
    hhmm = f"T{hour:02d}:{minute:02d}"
    value = (base.isoformat() if base else "XXXX-XX-XX") + hhmm
    return [ref(m.start(), m.end(), value, "TIME", base)]


def clock(m: re.Match[str], c: Ctx) -> Found:
    """« 21 h 45 », « 18 h », « 10:30 », « 3 p.m. »; « 48 heures » or « pendant 3 h » are durations."""
    hour = int(m.group("h"))
    minute = int(grp(m, "min") or 0)
    ampm = grp(m, "ampm")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
        return _clock(m, c, hour, minute)
    left = c.left_word(m.start())
    if left in c.lex.cls("dur_prep") or left in c.lex.cls("quant_vague"):
        return None
    word = grp(m, "hword") or ""
    if word.startswith("heure") and left not in c.lex.cls("time_prep") and not grp(m, "min"):
        return None  # « deux heures », « 10 heures de garde à vue »: a length of time
    return _clock(m, c, hour, minute)


def clock_word(m: re.Match[str], c: Ctx) -> Found:
    """« midi », « minuit », « noon »: not « après-midi », not « le Midi » (the South of France)."""
    s = m.start()
    if c.low[max(0, s - 1) : s] == "-":
        return None
    left = c.left_word(s)
    if c.capitalised(s) and not c.sentence_initial(s) and left not in c.lex.cls("time_prep"):
        return None
    if left in c.lex.cls("det"):
        return None
    word = m.group("w")
    hour = 12 if word in ("midi", "noon") else 24
    minute = 30 if grp(m, "half") else 0
    return _clock(m, c, hour, minute)


# --- durations ----------------------------------------------------------------------------------


_AGE_BRACKET = re.compile(r"\d\s*[-–]\s*$")


def _is_age(m: re.Match[str], c: Ctx, unit: str) -> bool:
    """« un homme de 45 ans », « Jean, 53 ans, », « les moins de 17 ans »: ages are not timexes."""
    if unit not in ("Y", "M"):
        return False
    s = m.start()
    lex = c.lex
    before = c.left_tokens(s, 1, reach=36)  # the nearest of ``left_tokens(s, 3)``; the others if needed
    if before and before[0] in lex.cls("age_head"):
        return True
    if (after_word := c.right_word(m.end())) and after_word in lex.cls("age_tail"):
        return True  # « 45 years old »
    if before and before[0] in ("de", "d'"):
        before = c.left_tokens(s, 3)
        head = before[1] if len(before) > 1 else ""
        if head in ("plus", "moins", "près"):
            return len(before) > 2 and before[2] in ("les", "des", "aux", "âgés", "âgées", "agés")
        return head not in lex.cls("duration_head") and head not in lex.cls("dur_prep")
    if unit == "Y" and _AGE_BRACKET.search(c.low[max(0, s - 4) : s]):
        return True  # « les 6-16 ans »: an age bracket
    after = c.low[m.end() : m.end() + 2]
    low = c.low
    j = s
    while j and low[j - 1].isspace():  # the last character before the match that is not a space
        j -= 1
    prev_char = low[j - 1 : j]
    return unit == "Y" and prev_char in (",", "(") and after[:1] in (",", ")", ".")


def _amount(m: re.Match[str], c: Ctx) -> tuple[float | None, bool]:
    """The number of units, and whether it was vague (« quelques », « ces derniers »)."""
    for name in ("n", "n2", "q"):
        txt = grp(m, name)
        if txt:
            txt = SPACES.sub(" ", txt)
            vague = c.lex.cls("quant_vague")
            if txt in vague or any(w in vague for w in txt.split()):
                return None, True
            return parse_number(txt, c.lex), False
    adj = grp(m, "adj")
    if adj:
        # « the past week » is one week; « ces derniers jours », « the past weeks » an unknown number.
        unit_word = grp(m, "unit") or ""
        return (1.0, False) if not unit_word.endswith("s") and not adj.endswith("s") else (None, True)
    return None, False


def duration(m: re.Match[str], c: Ctx) -> Found:
    word = m.group("unit")
    unit, mult = c.lex.units[word]
    n, vague = _amount(m, c)
    if n is None and not vague:
        return None
    if _is_age(m, c, unit):
        return None
    left = c.left_word(m.start())
    q = grp(m, "q") or ""
    if q in c.lex.cls("needs_dur_prep") and left not in c.lex.cls("dur_prep"):
        return None  # « des années 1990 », « des jours meilleurs »; « un jour » is not a length
    if n == 1 and q in c.lex.numbers and unit == "D" and left not in c.lex.cls("dur_prep"):
        return None  # « un jour » (some day), « one day »: not a length of time
    if q in c.lex.numbers and n == 1 and left in c.lex.cls("frequency_left"):
        return [ref(m.start(), m.end(), cal.period(1, unit, mult), "SET")]  # « twice a week »
    frac = grp(m, "frac")
    if n is not None and frac:
        n += 0.5 if frac.startswith(("dem", "half")) else 0.25
    if unit == "WE":
        return [ref(m.start(), m.end(), f"P{'X' if n is None else cal.fmt_number(n)}WE", "DURATION")]
    return [ref(m.start(), m.end(), cal.period(n, unit, mult), "DURATION")]


_SMALLER = {"CE": ("Y", 100), "DE": ("Y", 10), "Y": ("M", 12), "M": ("D", 30), "W": ("D", 7),
            "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}


def fraction_duration(m: re.Match[str], c: Ctx) -> Found:
    """« un quart de siècle » → P25Y, « une demi-heure » → PT30M, « half an hour »."""
    unit, mult = c.lex.units[m.group("unit")]
    frac = 0.25 if grp(m, "quart") else 0.5
    small, factor = _SMALLER.get(unit, (unit, 1))
    return [ref(m.start(), m.end(), cal.period(frac * factor * mult, small), "DURATION")]


def approx_duration(m: re.Match[str], c: Ctx) -> Found:
    """« une dizaine de jours » → P10D, roughly."""
    unit, mult = c.lex.units[m.group("unit")]
    if _is_age(m, c, unit):
        return None
    n = c.lex.approx_numbers.get(m.group("approx"))
    if n is None:
        return None
    tr = ref(m.start(), m.end(), cal.period(n, unit, mult), "DURATION")
    tr.mod = "APPROX"
    return [tr]


def lexical_duration(m: re.Match[str], c: Ctx) -> Found:
    """« quinquennat » → P5Y, « septennat » → P7Y: nouns that are themselves a length of time."""
    unit, mult = c.lex.units[m.group("unit")]
    if mult == 1:
        return None
    return [ref(m.start(), m.end(), cal.period(1, unit, mult), "DURATION")]


def whole_unit(m: re.Match[str], c: Ctx) -> Found:
    """« toute l'année », « all week »: the length of one unit."""
    word = m.group("unit")
    unit, mult = c.lex.units.get(word, ("", 1))
    if not unit:
        code = c.lex.parts_of_day.get(word)
        return [ref(m.start(), m.end(), "PT12H" if code else None, "DURATION")] if code else None
    return [ref(m.start(), m.end(), cal.period(1, unit, mult), "DURATION")]


_CLAUSE_END = re.compile(r"[.;:!?\n]")
_LETTERS = re.compile(r"[a-z]+")


def _after_span_marker(pos: int, c: Ctx) -> bool:
    """« the first visit … in 24 years »: a superlative earlier in the clause makes « in N years » a span."""
    markers = c.lex.cls("span_marker")
    if not markers:
        return False
    start = max(0, pos - 80)
    clause = c.low[start:pos]
    cut = max((mm.end() for mm in _CLAUSE_END.finditer(clause)), default=0)
    return any(word in markers for word in _LETTERS.findall(clause, cut))


def shifted(m: re.Match[str], c: Ctx) -> Found:
    """« il y a deux ans », « dans trois jours », « two years ago »: a date that far from the anchor."""
    unit, mult = c.lex.units[m.group("unit")]
    n, vague = _amount(m, c)
    sign = -1 if grp(m, "ago") else 1
    if sign > 0 and _after_span_marker(m.start(), c):
        return [ref(m.start(), m.end(), cal.period(n, unit, mult), "DURATION")]
    if n is None:
        return [ref(m.start(), m.end(), "PAST_REF" if sign < 0 else "FUTURE_REF", "DATE")]
    if c.dct is None:
        return [ref(m.start(), m.end(), None, "DATE")]
    k = sign * n * mult
    d = c.dct
    if int(k) != k:
        return [ref(m.start(), m.end(), "PAST_REF" if sign < 0 else "FUTURE_REF", "DATE", d)]
    ki = int(k)
    if unit == "Y":
        value = f"{d.year + ki:04d}"
    elif unit in ("M", "Q", "HY"):
        y, mo = cal.add_months(d.year, d.month, ki * {"M": 1, "Q": 3, "HY": 6}[unit])
        value = f"{y:04d}-{mo:02d}"
    elif unit in ("W", "WE"):
        value = cal.week_value(d, ki)
    elif unit == "D":
        value = (d + timedelta(days=ki)).isoformat()
    elif unit == "DE":
        value = f"{(d.year + 10 * ki) // 10:03d}"
    elif unit == "CE":
        value = f"{d.year // 100 + ki:02d}"
    else:
        value = d.isoformat()  # hours or minutes ago: the day is all the anchor tells
    return [ref(m.start(), m.end(), value, "DATE", d)]


# --- sets and document-relative expressions -----------------------------------------------------


def every(m: re.Match[str], c: Ctx) -> Found:
    """« chaque semaine » → P1W, « tous les jeudis » → XXXX-WXX-4, « tous les deux jours » → P2D."""
    wday = grp(m, "wday")
    pod = grp(m, "pod") or grp(m, "pod2")
    suffix = _pod_suffix(c, pod) or ""
    if wday:
        return [ref(m.start(), m.end(), f"XXXX-WXX-{c.lex.weekdays[wday]}{suffix}", "SET")]
    unit_word = grp(m, "unit")
    if unit_word:
        unit, mult = c.lex.units[unit_word]
        n = parse_number(grp(m, "n") or "1", c.lex) or 1
        return [ref(m.start(), m.end(), cal.period(n, unit, mult), "SET")]
    if suffix:
        return [ref(m.start(), m.end(), "XXXX-XX-XX" + suffix, "SET")]
    return None


def ordinal_weekdays(m: re.Match[str], c: Ctx) -> Found:
    return [ref(m.start(), m.end(), f"XXXX-WXX-{c.lex.weekdays[m.group('wday')]}", "SET")]


def per_unit(m: re.Match[str], c: Ctx) -> Found:
    """« par an », « par semestre »: the unit is the frequency (the preposition stays outside)."""
    unit, mult = c.lex.units[m.group("unit")]
    return [ref(m.start(), m.end(), cal.period(1, unit, mult), "SET")]


def frequency_word(m: re.Match[str], c: Ctx) -> Found:
    """« quotidien », « annuellement », « weekly »; not the newspaper (« le quotidien », « The Daily »)."""
    word = m.group("w")
    left = c.left_word(m.start())
    if (left in c.lex.cls("noun_det") or left in c.lex.cls("set_blocker")) and not word.endswith("ment"):
        return None
    if c.capitalised(m.start()) and not c.sentence_initial(m.start()):
        return None
    return [ref(m.start(), m.end(), c.lex.sets[word], "SET")]


def vague(m: re.Match[str], c: Ctx) -> Found:
    phrase = SPACES.sub(" ", m.group("v")).replace("’", "'")
    return [ref(m.start(), m.end(), c.lex.vague[phrase], "DATE")]


def constant(value: str, type_: str = "DATE") -> Callable[[re.Match[str], Ctx], Found]:
    def handler(m: re.Match[str], c: Ctx) -> Found:
        return [ref(m.start(), m.end(), value, type_)]

    handler.__name__ = "constant_" + value.lower()
    return handler


def anaphor(m: re.Match[str], c: Ctx) -> Found:
    """« à ce moment-là », « at that time »: the time last mentioned."""
    if c.last_value is None:
        return None
    return [ref(m.start(), m.end(), c.last_value, c.last_type or "DATE", c.ref)]
