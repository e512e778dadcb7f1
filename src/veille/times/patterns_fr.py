"""The French temporal grammar: rule templates over the word tables of ``data/``.

Templates use ``%(NAME)s`` fragments built from the tables (``MONTH``, ``UNIT``…); each rule names the
words it can begin with (``@CLASS`` for a whole table, ``#`` for a number) so that the finder only
tries it where it can match. Extents follow the French TimeBank (ISO-TimeML): the determiner or
demonstrative is inside (« le 4 octobre », « l'année dernière », « ce soir »), a preposition or a
contracted article is outside (« au 27 mai », « depuis trois ans »).
"""

from __future__ import annotations

from veille.times import handlers as H
from veille.times import handlers_rel as R
from veille.times.common import base_fragments, base_triggers, left_words
from veille.times.grammar import Grammar, RuleSpec, alt, compile_grammar
from veille.times.tables import lexicon


def build() -> Grammar:
    lex = lexicon("fr")
    f, classes = base_fragments(lex)
    f["DAY"] = r"(?:1er|1re|premier|[12]\d|3[01]|0?[1-9])(?!\d)"
    f["APPROXN"] = alt(lex.approx_numbers)
    DATE_TAIL = r"(?:\s+(?P<year>%(Y4)s|%(Y2)s))?(?:\s+(?P<rel>%(PASTNEXT)s))?"
    specs = [
        RuleSpec(
            "date_coord",
            r"(?:(?P<det>les|le)\s+)?(?P<d1>%(DAY)s)\s+(?:et|au|à|ou)\s+(?:le\s+)?(?P<day>%(DAY)s)\s*"
            r"(?P<month>%(MONTH)s)" + DATE_TAIL,
            ("le", "les", "#", "premier"),
            H.date_coord,
        ),
        RuleSpec(
            "date_dm",
            r"(?:(?P<det>le)\s+)?(?:(?P<wday>%(WDAY)s)\s+)?(?P<day>%(DAY)s)\s*(?P<month>%(MONTH)s)" + DATE_TAIL,
            ("le", "#", "premier", "@WDAY"),
            H.date_dm,
        ),
        RuleSpec(
            "date_numeric",
            r"(?:(?P<det>le)\s+)?(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/.]?\d)",
            ("le", "#"),
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
            r"(?:(?:(?P<det>le)\s+)?(?P<mois>mois)\s+d(?:e\s+|['’]\s*))?(?P<month>%(MONTH)s)" + DATE_TAIL,
            ("le", "mois", "@MONTH"),
            H.month,
        ),
        RuleSpec("year_named", r"(?:(?P<det>l['’])\s*)?(?:an|année)\s+(?P<year>\d{4})(?!\d)", ("l'", "an", "année"), H.year_named),
        RuleSpec(
            "decade",
            r"(?:(?P<det>les)\s+)?années\s+(?P<dec>\d{4}|['’]?\d{2}|%(NUMW)s)(?!\d)",
            ("les", "années"),
            H.decade,
        ),
        RuleSpec(
            "century",
            r"(?:(?P<det>le)\s+)?(?P<c>(?:[ivxl]+|\d{1,2})(?:e|è|ème|eme|er)|%(ORD)s)\s+siècle(?![\w-])",
            ("le", "#", "@ORD"),
            H.century,
        ),
        RuleSpec(
            "quarter",
            r"(?:(?P<det>le)\s+)?(?P<ord>%(ORD)s)\s+(?P<unit>trimestre|semestre)(?![\w-])(?:\s+(?P<year>%(Y4)s))?",
            ("le", "#", "@ORD"),
            H.quarter,
        ),
        RuleSpec(
            "relative_day",
            r"(?P<rel>%(RELDAY)s)(?:\s+(?P<wday>%(WDAY)s)(?:\s+%(DAY)s\s*%(MONTH)s)?)?(?:\s+(?P<pod>%(POD)s|midi(?![\w-])))?",
            ("@RELDAY",),
            R.relative_day,
        ),
        RuleSpec(
            "weekday",
            r"(?:(?P<dem>ce|cet)\s+|(?P<det>le|les)\s+)?(?:(?P<same>même)\s+)?(?P<wday>%(WDAYB)s)(?P<pl>s)?(?![\w-])"
            r"(?:\s+(?P<rel>%(REL)s|même(?![\w-])))?(?:\s+(?P<pod>%(POD)s|midi(?![\w-])))?",
            ("ce", "cet", "le", "les", "même", "@WDAY"),
            R.weekday,
        ),
        RuleSpec(
            "every",
            r"(?:chaque|(?:tous|toutes)\s+les)\s+(?:(?P<n>%(NUM)s)\s+)?(?:(?P<wday>%(WDAYB)s)s?(?![\w-])|(?P<unit>%(UNIT)s)"
            r"|(?P<pod>%(PODB)s)s?(?![\w-]))(?:\s+(?P<pod2>%(PODB)s)s?(?![\w-]))?",
            ("chaque", "tous", "toutes"),
            R.every,
        ),
        RuleSpec(
            "ordinal_weekdays",
            r"les\s+%(ORD)s(?:\s*(?:,|et)\s*%(ORD)s)*\s+(?P<wday>%(WDAYB)s)s(?![\w-])",
            ("les",),
            R.ordinal_weekdays,
        ),
        RuleSpec("per_unit", r"(?<=par\s)(?P<unit>%(UNIT)s)", ("@UNIT",), R.per_unit),
        RuleSpec("frequency_word", r"(?P<w>%(SETW)s)", ("@SETW",), R.frequency_word),
        RuleSpec(
            "part_of_day",
            r"(?:(?P<det>la|le|l['’])\s*|(?P<dem>cette|ce|cet)\s+)(?P<pod>%(POD)s)(?:\s+(?P<same>même)(?![\w-]))?",
            ("la", "le", "l'", "cette", "ce", "cet"),
            R.part_of_day,
        ),
        RuleSpec("pod_adjective", r"(?P<pod>%(PODADJ)s)", ("@PODADJ",), R.pod_adjective),
        RuleSpec(
            "relative_unit",
            r"(?:(?P<det>l['’]|la|le)\s*|(?P<dem>cette|ce|cet)\s+)(?:(?P<new>nouvelle)\s+)?(?P<unit>%(RELUNIT)s)(?:-ci)?"
            r"(?:\s+(?P<rel>%(REL)s)|\s+(?P<cur>en\s+cours|courante?(?![\w-])))?",
            ("l'", "la", "le", "cette", "ce", "cet"),
            R.relative_unit,
        ),
        RuleSpec(
            "clock",
            r"(?P<h>[01]?\d|2[0-4])\s*(?P<hword>heures?|h)(?![^\W\d_])(?:\s*(?P<min>[0-5]\d)(?!\d)"
            r"(?:\s*(?:min|mn)(?![\w-]))?)?(?:\s+(?P<loc>locales?)(?![\w-]))?",
            ("#",),
            R.clock,
        ),
        RuleSpec("clock_colon", r"(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?!\d)", ("#",), R.clock),
        RuleSpec("clock_word", r"(?P<w>midi|minuit)(?:\s+et\s+(?P<half>demie?))?(?![\w-])", ("midi", "minuit"), R.clock_word),
        RuleSpec(
            "duration_fraction",
            r"(?:un|une)\s+(?:(?P<demi>demi)-|(?P<quart>quart)\s+d(?:e\s+|['’]\s*))(?P<unit>%(UNIT)s)",
            ("un", "une"),
            R.fraction_duration,
        ),
        RuleSpec(
            "duration_approx",
            r"(?:une|la)\s+(?P<approx>%(APPROXN)s)\s+d(?:e\s+|['’]\s*)(?P<unit>%(UNIT)s)",
            ("une", "la"),
            R.approx_duration,
        ),
        RuleSpec(
            "ago",
            r"(?P<ago>il\s+y\s+a)\s+(?P<q>%(NUM)s|%(QUANT)s)\s+(?P<unit>%(UNIT)s)",
            ("il",),
            R.shifted,
        ),
        RuleSpec("in", r"dans\s+(?P<q>%(NUM)s|quelques)\s+(?P<unit>%(UNIT)s)", ("dans",), R.shifted),
        RuleSpec(
            "duration",
            r"(?:(?P<det>les|ces)\s+)?(?:(?P<q>%(NUM)s|%(QUANT)s)\s+)?(?:(?P<adj>%(PASTNEXT)s|bonnes?|longues?|petites?)\s+)?"
            r"(?:(?P<n2>%(NUM)s)\s+)?(?P<unit>%(UNIT)s)(?:\s+et\s+(?P<frac>demie?|quart)(?![\w-]))?",
            ("les", "ces", "#", "@NUMW", "@QUANT", "@PASTNEXT"),
            R.duration,
        ),
        RuleSpec(
            "whole_unit",
            r"(?:toute|tout)\s+(?:l['’]\s*|la\s+|le\s+)(?P<unit>année|journée|semaine|mois|week-end|siècle|an)(?![\w-])",
            ("toute", "tout"),
            R.whole_unit,
        ),
        RuleSpec("lexical_duration", r"(?P<unit>%(UNIT)s)", ("@UNIT",), R.lexical_duration),
        RuleSpec("vague", r"(?P<v>%(VAGUE)s)", ("@VAGUE",), R.vague),
        RuleSpec(
            "deictic_ici",
            # « d'ici à dix ans »: « ici » is the present the span is counted from (French TimeBank).
            r"(?<=d['’])ici(?=\s+(?:à|au|la|le|l['’]|fin|début|mi|demain|\d|%(NUMW)s|quelques|plusieurs))",
            ("ici",),
            R.constant("PRESENT_REF"),
        ),
        RuleSpec("anaphor", r"(?:ce\s+moment|cette\s+époque)(?:-|\s+)?là(?![\w-])", ("ce", "cette"), R.anaphor),
        RuleSpec(
            "era",
            r"(?<=à\s)l['’]\s*époque(?![\w-])(?:\s+[^\W\d_][\w-]*(?:aine|ique|ienne|iste|ale|ane|oise|ine)s?(?![\w-]))?",
            ("l'",),
            R.constant("PAST_REF"),
        ),
        RuleSpec(
            "season",
            r"(?:(?P<det>l['’]|le)\s*|(?P<dem>cet|ce|cette)\s+|les\s+(?P<mois>mois)\s+d['’]\s*)?(?P<season>%(SEASON)s)"
            r"(?:\s+(?P<year>%(Y4)s)|\s+(?P<rel>%(PASTNEXT)s))?",
            ("l'", "le", "cet", "ce", "cette", "les", "@SEASON"),
            H.season,
        ),
        RuleSpec("year", r"(?P<year>\d{4})(?!\d)", ("#",), H.year),
    ]
    extra_triggers = ["midi", "minuit", "ici", "moment", "époque"]
    extra_left = ["toute", "tout", "chaque", "tous", "toutes", "il", "y", "dans", "même", "nouvelle", "mois", "demi", "quart"]
    return compile_grammar(
        "fr", specs, f, classes, base_triggers(lex) + extra_triggers, left_words(lex) + extra_left
    )
