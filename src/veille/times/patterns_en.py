"""The English temporal grammar: rule templates over the word tables of ``data/``.

Same machinery as the French grammar (see ``patterns_fr``); English word order puts the relative word
first (« last Monday », « next week », « two years ago »).
"""

from __future__ import annotations

from veille.times import handlers as H
from veille.times import handlers_rel as R
from veille.times.common import base_fragments, base_triggers, left_words
from veille.times.grammar import Grammar, RuleSpec, alt, compile_grammar
from veille.times.tables import lexicon


def build() -> Grammar:
    lex = lexicon("en")
    f, classes = base_fragments(lex)
    f["DAY"] = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
    f["APPROXN"] = alt(lex.approx_numbers)
    YEAR_TAIL = r"(?:,?\s+(?P<year>%(Y4)s))?"
    specs = [
        RuleSpec(
            "date_mdy",
            r"(?:(?P<wday>%(WDAY)s),?\s+)?(?P<month>%(MONTH)s)\s+(?P<day>%(DAY)s)(?![\w:])" + YEAR_TAIL,
            ("@WDAY", "@MONTH"),
            H.date_dm,
        ),
        RuleSpec(
            "date_dmy",
            r"(?:(?P<wday>%(WDAY)s),?\s+)?(?:the\s+)?(?P<day>%(DAY)s)\s+(?:of\s+)?(?P<month>%(MONTH)s)" + YEAR_TAIL,
            ("@WDAY", "the", "#"),
            H.date_dm,
        ),
        RuleSpec(
            "date_numeric",
            r"(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/.]?\d)",
            ("#",),
            H.date_numeric,
        ),
        RuleSpec(
            "date_iso",
            r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?:[t\s](?P<h>\d{2}):(?P<mi>\d{2}))?(?!\d)",
            ("#",),
            H.date_iso,
        ),
        RuleSpec(
            "month",
            r"(?:(?P<rel>%(PASTNEXT)s|this)\s+)?(?P<month>%(MONTH)s)(?:,?\s+(?P<year>%(Y4)s))?",
            ("@PASTNEXT", "this", "@MONTH"),
            H.month,
        ),
        RuleSpec(
            "decade",
            r"(?:(?P<det>the)\s+)?(?P<dec>\d{4}|['’]\d{2}|\d{2})['’]?s(?![\w-])",
            ("the", "#"),
            H.decade,
        ),
        RuleSpec(
            "century",
            r"(?:(?P<det>the)\s+)?(?P<c>\d{1,2}(?:st|nd|rd|th)|%(ORD)s)\s+century(?![\w-])",
            ("the", "#", "@ORD"),
            H.century,
        ),
        RuleSpec(
            "quarter",
            r"(?:(?P<det>the)\s+)?(?P<ord>%(ORD)s)\s+(?P<unit>quarter)(?![\w-])(?:\s+(?:of\s+)?(?P<year>%(Y4)s))?",
            ("the", "#", "@ORD"),
            H.quarter,
        ),
        RuleSpec(
            "relative_day",
            r"(?:the\s+day\s+(?:before\s+(?P<before>yesterday)|after\s+(?P<after>tomorrow))|(?P<rel>%(RELDAY)s))"
            r"(?:\s+(?P<pod>%(POD)s))?",
            ("@RELDAY", "the"),
            R.relative_day,
        ),
        RuleSpec(
            "weekday",
            r"(?:(?P<rel>%(REL)s)\s+|(?P<dem>this)\s+)?(?P<wday>%(WDAYB)s)(?P<pl>s)?(?![\w-])(?:\s+(?P<pod>%(POD)s))?",
            ("@PASTNEXT", "this", "previous", "following", "@WDAY"),
            R.weekday,
        ),
        RuleSpec(
            "every",
            r"(?:every|each)\s+(?:other\s+)?(?:(?P<n>%(NUM)s)\s+)?(?:(?P<wday>%(WDAYB)s)(?![\w-])|(?P<unit>%(UNIT)s)"
            r"|(?P<pod>%(PODB)s)(?![\w-]))",
            ("every", "each"),
            R.every,
        ),
        RuleSpec("per_unit", r"(?<=per\s)(?P<unit>%(UNIT)s)", ("@UNIT",), R.per_unit),
        RuleSpec("frequency_word", r"(?P<w>%(SETW)s)", ("@SETW",), R.frequency_word),
        RuleSpec(
            "part_of_day",
            r"(?:(?P<dem>this|that)\s+|(?:in\s+)?(?P<det>the)\s+)(?P<pod>%(POD)s)",
            ("this", "that", "the"),
            R.part_of_day,
        ),
        RuleSpec(
            "relative_unit",
            r"(?:(?P<rel>%(REL)s)|(?P<dem>this))\s+(?P<unit>%(RELUNIT)s)",
            ("@PASTNEXT", "this", "previous", "following"),
            R.relative_unit,
        ),
        RuleSpec(
            "relative_unit_after",
            r"(?:the\s+)?(?P<unit>%(RELUNIT)s)\s+(?P<rel>before|after)(?![\w-])(?!\s+(?:the|a|an|his|her|their|it)\b)",
            ("the", "@UNIT"),
            R.relative_unit,
        ),
        RuleSpec(
            "clock",
            r"(?P<h>[01]?\d|2[0-4])(?::(?P<min>[0-5]\d))?\s*(?P<ampm>a\.?\s?m\.?|p\.?\s?m\.?)(?![\w])",
            ("#",),
            R.clock,
        ),
        RuleSpec("clock_colon", r"(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?!\d)", ("#",), R.clock),
        RuleSpec("clock_word", r"(?P<w>noon|midnight)(?![\w-])", ("noon", "midnight"), R.clock_word),
        RuleSpec(
            "duration_fraction",
            r"(?:(?:a|one)\s+(?P<quart>quarter)\s+(?:of\s+)?(?:a|an)\s+|half\s+(?:a|an)\s+|(?:a|one)\s+half\s+)(?P<unit>%(UNIT)s)",
            ("a", "one", "half"),
            R.fraction_duration,
        ),
        RuleSpec(
            "duration_approx",
            r"(?:a\s+)?(?P<approx>%(APPROXN)s)\s+(?:of\s+)?(?P<unit>%(UNIT)s)",
            ("a", "@APPROXN"),
            R.approx_duration,
        ),
        RuleSpec(
            "ago",
            r"(?P<q>%(NUM)s|a\s+few|%(QUANT)s)\s+(?P<unit>%(UNIT)s)\s+(?P<ago>ago)(?![\w-])",
            ("#", "@NUMW", "@QUANT", "a"),
            R.shifted,
        ),
        RuleSpec(
            "in",
            r"in\s+(?P<q>%(NUM)s|a\s+few)\s+(?P<unit>%(UNIT)s)(?![\w-])(?!\s+(?:of|ago|later|earlier)\b)",
            ("in",),
            R.shifted,
        ),
        RuleSpec(
            "duration",
            r"(?:(?P<det>the)\s+)?(?:(?P<adj>%(PASTNEXT)s)\s+)?(?:(?P<q>%(NUM)s|a\s+few|%(QUANT)s)\s+)?"
            r"(?:(?:more|full|long)\s+)?(?P<unit>%(UNIT)s)(?:\s+and\s+a\s+(?P<frac>half|quarter))?",
            ("the", "#", "@NUMW", "@QUANT", "@PASTNEXT", "a"),
            R.duration,
        ),
        RuleSpec(
            "duration_compound",
            r"(?P<q>\d+|%(NUMW)s)-(?P<unit>%(UNIT)s)(?![\w-])(?!-old)",
            ("#", "@NUMW"),
            R.duration,
        ),
        RuleSpec("whole_unit", r"all\s+(?P<unit>year|week|month|day|weekend)(?:\s+long)?(?![\w-])", ("all",), R.whole_unit),
        RuleSpec("lexical_duration", r"(?P<unit>%(UNIT)s)", ("@UNIT",), R.lexical_duration),
        RuleSpec("vague", r"(?P<v>%(VAGUE)s)", ("@VAGUE",), R.vague),
        RuleSpec("anaphor", r"(?<=at\s)that\s+(?:time|moment)(?![\w-])", ("that",), R.anaphor),
        RuleSpec(
            "season",
            r"(?:(?P<det>the)\s+|(?P<dem>this)\s+|(?P<rel>%(PASTNEXT)s)\s+)?(?P<season>%(SEASON)s)(?:\s+(?:of\s+)?(?P<year>%(Y4)s))?",
            ("the", "this", "@PASTNEXT", "@SEASON"),
            H.season,
        ),
        RuleSpec("year", r"(?P<year>\d{4})(?!\d)", ("#",), H.year),
    ]
    extra_triggers = ["noon", "midnight", "time", "ago"]
    extra_left = ["every", "each", "other", "all", "half", "in", "at", "that", "day", "before", "after", "this"]
    return compile_grammar(
        "en", specs, f, classes | {"APPROXN": lex.approx_numbers}, base_triggers(lex) + extra_triggers,
        left_words(lex) + extra_left,
    )
