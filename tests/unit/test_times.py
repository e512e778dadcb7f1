"""Unit tests for temporal expressions: the project's own French and English sentences."""

from __future__ import annotations

import pytest

from veille.times import find_times
from veille.types import TimeRef

DCT = "2024-10-09"  # a Wednesday


def one(text: str, published: str | None = DCT, lang: str = "fr") -> TimeRef:
    refs = find_times(text, published, lang)
    assert len(refs) == 1, [(text[r.start : r.end], r.value) for r in refs]
    return refs[0]


def span(text: str, r: TimeRef) -> str:
    return text[r.start : r.end]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Le sommet s'est ouvert le 4 octobre 2024 à Paris.", "le 4 octobre 2024", "2024-10-04"),
        ("Il arrivera le 1er mars.", "le 1er mars", "2025-03-01"),
        ("Le texte a été voté en juin 2024.", "juin 2024", "2024-06"),
        ("Il est né en 1961 à Lyon.", "1961", "1961"),
        ("La guerre a éclaté en février 2022.", "février 2022", "2022-02"),
        ("Le bug de l'an 2000 n'a pas eu lieu.", "l'an 2000", "2000"),
        ("La ville a changé dans les années 1990.", "les années 1990", "199"),
        ("Un monument du XXe siècle.", "XXe siècle", "19"),
        ("Publié le 04/10/2024 au soir.", "le 04/10/2024", "2024-10-04"),
        ("Mis à jour 2024-10-04.", "2024-10-04", "2024-10-04"),
        ("Rendez-vous mardi 8 octobre à la mairie.", "mardi 8 octobre", "2024-10-08"),
    ],
)
def test_french_absolute_dates(text: str, surface: str, value: str) -> None:
    r = one(text)
    assert span(text, r) == surface
    assert r.value == value
    assert r.type == "DATE"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Le ministre a parlé hier.", "2024-10-08"),
        ("Le ministre parle aujourd'hui.", "2024-10-09"),
        ("Le ministre parlera demain.", "2024-10-10"),
        ("Le ministre a parlé avant-hier.", "2024-10-07"),
        ("Il est venu lundi dernier.", "2024-10-07"),
        ("Il viendra lundi prochain.", "2024-10-14"),
        ("Il est venu dimanche.", "2024-10-06"),
        ("Il viendra dimanche.", "2024-10-13"),
        ("Le vote aura lieu la semaine prochaine.", "2024-W42"),
        ("Les prix ont monté le mois dernier.", "2024-09"),
        ("Les élections auront lieu l'an prochain.", "2025"),
        ("Le chômage a baissé l'année dernière.", "2023"),
        ("Le budget de cette année est serré.", "2024"),
        ("Il est parti il y a deux ans.", "2022"),
        ("Le verdict tombera dans trois jours.", "2024-10-12"),
    ],
)
def test_french_relative_dates(text: str, value: str) -> None:
    r = one(text)
    assert r.value == value
    assert r.anchor == DCT
    assert r.type == "DATE"


def test_relative_without_anchor_is_not_guessed() -> None:
    r = one("Il est venu mardi.", published=None)
    assert r.value is None
    assert r.anchor is None
    r = one("Il est venu hier.", published=None)
    assert r.value is None
    # An absolute date stays absolute; a day without a year keeps what it has.
    assert one("Le 4 octobre 2024.", published=None).value == "2024-10-04"
    assert one("Il arrive le 4 octobre.", published=None).value == "XXXX-10-04"


def test_precision_is_kept() -> None:
    assert one("Ouverture prévue en juin 2024.").value == "2024-06"
    assert one("Il a été élu en 1961.").value == "1961"
    assert one("En novembre, les écoles rouvriront.").value == "2024-11"
    assert one("Il est venu mardi.").value == "2024-10-08"


@pytest.mark.parametrize(
    ("text", "surface", "value", "type_"),
    [
        ("La fusillade a éclaté vers 22 h dans le centre.", "22 h", "2024-10-09T22:00", "TIME"),
        ("Il a été blessé à 21 h 45 devant chez lui.", "21 h 45", "2024-10-09T21:45", "TIME"),
        ("Le train part à 21h45 de Lyon.", "21h45", "2024-10-09T21:45", "TIME"),
        ("Réunion à 10:30 à la préfecture.", "10:30", "2024-10-09T10:30", "TIME"),
        ("Les manifestants sont arrivés à midi devant le palais.", "midi", "2024-10-09T12:00", "TIME"),
        ("Le débat aura lieu ce soir sur France 2.", "ce soir", "2024-10-09TEV", "TIME"),
        ("Il a été arrêté hier matin chez lui.", "hier matin", "2024-10-08TMO", "TIME"),
        ("Des tirs ont été entendus dans la nuit près du port.", "la nuit", "2024-10-09TNI", "TIME"),
        ("Le conseil se réunira cet après-midi en mairie.", "cet après-midi", "2024-10-09TAF", "TIME"),
        ("Le mandat dure deux ans au total.", "deux ans", "P2Y", "DURATION"),
        ("Une trêve de trois mois a été signée.", "trois mois", "P3M", "DURATION"),
        ("La garde à vue a duré 48 heures en tout.", "48 heures", "PT48H", "DURATION"),
        ("Les pourparlers durent depuis quelques jours déjà.", "quelques jours", "PXD", "DURATION"),
        ("Il l'a devancé de 30,4 secondes à l'arrivée.", "30,4 secondes", "PT30.4S", "DURATION"),
        ("Le bulletin est publié chaque semaine en ligne.", "chaque semaine", "P1W", "SET"),
        ("Le marché se tient tous les jeudis place Carnot.", "tous les jeudis", "XXXX-WXX-4", "SET"),
        ("Les comptes sont publiés annuellement en ligne.", "annuellement", "P1Y", "SET"),
        ("Le musée est fermé le mardi pour travaux.", "le mardi", "XXXX-WXX-2", "SET"),
        ("Le pays traverse actuellement une crise.", "actuellement", "PRESENT_REF", "DATE"),
        ("La place abritait autrefois un marché.", "autrefois", "PAST_REF", "DATE"),
        ("Le ministre a récemment démissionné.", "récemment", "PAST_REF", "DATE"),
        ("Un accord sera bientôt signé.", "bientôt", "FUTURE_REF", "DATE"),
    ],
)
def test_french_types(text: str, surface: str, value: str, type_: str) -> None:
    r = one(text)
    assert (span(text, r), r.value, r.type) == (surface, value, type_)


@pytest.mark.parametrize(
    ("text", "surface", "mod"),
    [
        ("Le chantier reprendra début juin sur le site.", "début juin", "START"),
        ("Les travaux finiront fin 2023 au plus tard.", "fin 2023", "END"),
        ("Les tirs ont commencé vers 20 h dans le quartier.", "20 h", "APPROX"),
        ("Il est détenu depuis plus de deux ans sans procès.", "plus de deux ans", "MORE_THAN"),
        ("La toiture a été refaite à la fin de l'année dernière.", "la fin de l'année dernière", "END"),
    ],
)
def test_french_mods(text: str, surface: str, mod: str) -> None:
    r = one(text)
    assert span(text, r) == surface
    assert r.mod == mod


def test_a_time_takes_the_date_last_mentioned() -> None:
    text = "Il a été conduit à l'hôpital mardi vers 21 h 45. Il y est mort le lendemain."
    refs = find_times(text, "2024-10-10", "fr")
    assert [(span(text, r), r.value) for r in refs[:2]] == [("mardi", "2024-10-08"), ("21 h 45", "2024-10-08T21:45")]


def test_ages_and_amounts_are_not_times() -> None:
    for text in (
        "Un homme de 45 ans a été interpellé.",
        "Jean Dupont, 53 ans, habite le quartier.",
        "La ville compte 2000 habitants et 1 500 emplois.",
        "Une femme âgée de 80 ans a été blessée.",
        "Le programme des 6-16 ans reprend.",
        "Il a été conduit au poste.",
        "Le quotidien Le Monde a publié l'enquête.",
    ):
        assert find_times(text, DCT, "fr") == [], text


def test_rule_and_coordination() -> None:
    text = "Les élections auront lieu les 6 et 13 avril prochains."
    refs = find_times(text, "2003-02-24", "fr")
    assert [(span(text, r), r.value) for r in refs] == [("les 6", "2003-04-06"), ("13 avril prochains", "2003-04-13")]
    assert all(r.rule == "fr.date_coord" for r in refs)


@pytest.mark.parametrize(
    ("text", "surface", "value", "type_"),
    [
        ("The summit opened on October 4, 2024 in Paris.", "October 4, 2024", "2024-10-04", "DATE"),
        ("He arrived on 4 Oct. with aides.", "4 Oct.", "2024-10-04", "DATE"),
        ("The minister spoke yesterday.", "yesterday", "2024-10-08", "DATE"),
        ("The vote took place last Monday.", "last Monday", "2024-10-07", "DATE"),
        ("Talks will resume next week.", "next week", "2024-W42", "DATE"),
        ("The war began two years ago.", "two years ago", "2022", "DATE"),
        ("The debate airs tonight on BBC One.", "tonight", "2024-10-09TNI", "TIME"),
        ("Prices soared in the 1990s.", "the 1990s", "199", "DATE"),
        ("A relic of the 20th century.", "the 20th century", "19", "DATE"),
        ("The shooting began at 3 p.m. downtown.", "3 p.m.", "2024-10-09T15:00", "TIME"),
        ("The board meets every week.", "every week", "P1W", "SET"),
        ("He has been held for more than two years.", "more than two years", "P2Y", "DURATION"),
        ("The company is currently in talks.", "currently", "PRESENT_REF", "DATE"),
        ("Work will resume in early June.", "early June", "2025-06", "DATE"),
    ],
)
def test_english(text: str, surface: str, value: str, type_: str) -> None:
    r = one(text, lang="en")
    assert (span(text, r), r.value, r.type) == (surface, value, type_)


def test_english_rejections() -> None:
    for text in ("May I ask a question?", "A 45-year-old man was arrested.", "The fall of Rome was slow."):
        assert find_times(text, DCT, "en") == [], text


def test_offsets_are_into_the_given_text() -> None:
    text = "  Titre\n\nLe 4 octobre 2024, à 22 h, tout a changé. "
    for r in find_times(text, DCT, "fr"):
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start : r.end].strip() == text[r.start : r.end]


def test_unknown_language() -> None:
    with pytest.raises(ValueError, match="supported"):
        find_times("hier", DCT, "de")


# --- the speed-ups must not change what is found ---------------------------------------------------
# Each fast path is checked against the plain computation it replaces, on sentences like those above
# plus spellings chosen to stress it (folded separators, both apostrophes, numbers of every shape).

_SAMPLES = [
    "Le sommet s'est ouvert le 4 octobre 2024 à Paris, puis mardi 8 octobre à 21h45 et à 10:30.",
    "Mis à jour 2024-10-04 ; publié le 04/10/2024 au soir, l’après-midi et l'après midi du 1er mars.",
    "Un homme de 45 ans, 1 500 emplois, 2000 habitants, les 6-16 ans, 30,4 secondes, 12.5 %, 3e, XXe siècle.",
    "Il partira lundi prochain ; ils reviendront dans trois semaines, vous chanterez, nous ferons, front.",
    "Depuis plus de deux ans, vers 20 h, début juin, fin 2023, à la fin de l'année dernière, au début de mai.",
    "Aujourd’hui, aujourd'hui, d'ici à dix ans, cette semaine-là, le week-end, le week end, mi-mai, 6 et 13 avril.",
    "The summit opened on October 4, 2024; he'll arrive at 3 p.m. next week, two years ago, in the 1990s.",
    "«Le 5 mai» (lundi) – 2021/22 — 7h 30, n°12, 10%, 2.000, 1999,5, 1 2 3 4 5 6 7 8 9, 123456789 ans",
]


def _texts() -> list[str]:
    out: list[str] = []
    for s in _SAMPLES:
        out += [s, s.lower(), s.replace(" ", "  "), s.replace("'", "’"), s.replace(" ", "-"), s.replace(" ", "_")]
    return out


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_trigger_scan_matches_the_plain_scan(lang: str) -> None:
    from veille.times.grammar import _DIGIT_SEPARATORS, _SEPARATORS, grammar

    g = grammar(lang)
    for text in _texts():
        low = text.lower()
        plain = set()
        for s in range(len(low)):
            before = low[s - 1] if s else " "
            if low[s] in "0123456789" and before in _DIGIT_SEPARATORS:
                plain.add((s, s + 1))
            if before not in _SEPARATORS:
                continue
            for w in g.trigger_words:
                e = s + len(w)
                if low.startswith(w, s) and not (e < len(low) and low[e].isalnum() and not low[e - 1].isdigit()):
                    plain.add((s, e))
        assert g.triggers(low) == sorted(plain), text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_rule_filter_keeps_every_rule_that_matches(lang: str) -> None:
    from veille.times import finder
    from veille.times.grammar import DIGIT_KEY, TOKEN, grammar

    g = grammar(lang)
    checked = 0
    for text in _texts():
        low = text.lower()
        for hs, he in g.triggers(low):
            if low[hs].isdigit():
                trigger = finder._number_trigger(g, low, hs)
                if trigger is None:
                    continue
                keys = [(hs, DIGIT_KEY, g.rules_at(DIGIT_KEY, "", trigger))]
            else:
                trigger = finder._word_trigger(g, low, hs, he)[1]
                keys = []
            # Every token before the trigger that may open an expression (the finder tries fewer).
            for tok in TOKEN.finditer(low, max(0, hs - 48), hs):
                key = finder._opening_key(g, tok.group().replace("’", "'"))
                if key:
                    keys.append((tok.start(), key, g.rules_at(key, low[tok.start() : hs], trigger)))
            for pos, key, kept in keys:
                for rule in g.first.get(key, ()):
                    m = rule.regex.match(low, pos)
                    if m is not None and m.end() > hs:
                        checked += 1
                        assert rule in kept, (rule.name, low[pos : m.end()])
    assert checked > 50


def test_left_tokens_match_a_forward_tokenisation() -> None:
    from veille.times.context import Ctx
    from veille.times.grammar import TOKEN, grammar

    g = grammar("fr")
    for text in _texts():
        low = text.lower()
        ctx = Ctx(text, low, low[::-1], g, g.lex, None, None)
        for pos in range(len(low) + 1):
            for k in (1, 2, 3):
                toks = TOKEN.findall(low, max(0, pos - 12 * k), pos)
                assert ctx.left_tokens(pos, k) == [t.replace("’", "'") for t in reversed(toks[-k:])]
            assert ctx.left_word(pos) == (ctx.left_tokens(pos, 1) or [""])[0]


def test_tense_cues_match_the_plain_pattern() -> None:
    import re

    from veille.times.context import _tense_pattern
    from veille.times.grammar import alt
    from veille.times.tables import lexicon

    lex = lexicon("fr")
    fut = r"(?<![\w'’])" + alt(lex.cls("future_word"))
    fut += r"|(?<![\w'’])\w{2,}(?:ra|ront|rons|rez)(?![\w'’])(?<!\bfront)"
    plain = re.compile(r"(?P<future>" + fut + r")|(?P<past>(?<![\w'’])" + alt(lex.cls("past_word")) + ")")
    fast = _tense_pattern("fr")
    for text in _texts():
        low = text.lower()
        for lo in range(0, len(low), 7):
            hi = min(len(low), lo + 60)
            window = low[lo - 1 : hi] if lo else " " + low[:hi]
            got = [(lo - 1 + m.start(m.lastindex or 0), lo - 1 + m.end(), m.lastgroup) for m in fast.finditer(window)]
            assert got == [(m.start(), m.end(), m.lastgroup) for m in plain.finditer(low, lo, hi)], low[lo:hi]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_tense_is_the_nearest_cue_of_the_whole_window(lang: str) -> None:
    """The scan that starts near the expression finds the cue a scan of the whole clause window finds."""
    from veille.times.context import _BOUNDARY, Ctx, _tense_pattern
    from veille.times.grammar import grammar

    def plain(low: str, start: int, end: int) -> str | None:
        lo, hi = max(0, start - 100), min(len(low), end + 100)
        cuts = [m.end() for m in _BOUNDARY.finditer(low[lo:start])]
        lo += cuts[-1] if cuts else 0
        after = _BOUNDARY.search(low, end, hi)
        hi = after.start() if after else hi
        best: tuple[int, str] | None = None
        window = low[lo - 1 : hi] if lo else " " + low[:hi]
        for m in _tense_pattern(lang).finditer(window):
            m_start, m_end = lo - 1 + m.start(m.lastindex or 0), lo - 1 + m.end()
            if start <= m_start < end:
                continue
            dist = start - m_end if m_end <= start else m_start - end
            if best is None or dist < best[0]:
                best = (dist, m.lastgroup or "")
        return best[1] if best else None

    g = grammar(lang)
    cues = " Il a dit hier qu'il viendra, ce qui sera fait; they will say it was done and we'll see. "
    for text in [*_texts(), cues * 4, (cues * 3).replace(" ", "")]:
        low = text.lower()
        ctx = Ctx(text, low, low[::-1], g, g.lex, None, None)
        for start in range(len(low) + 1):
            for end in (start, start + 9):
                end = min(end, len(low))
                assert ctx.tense(start, end) == plain(low, start, end), (low, start, end)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_latin1_tense_pattern_matches_as_the_unicode_one(lang: str) -> None:
    from veille.times.context import _tense_pattern

    cues = "a sera rouvrira front affront hier will 'll ago was"
    for code in range(256):
        ch = chr(code)
        text = " ".join(f"{ch}{w}{ch}x{ch}" for w in cues.split()) + ch
        got = [(m.span(), m.lastgroup) for m in _tense_pattern(lang, True).finditer(text)]
        assert got == [(m.span(), m.lastgroup) for m in _tense_pattern(lang).finditer(text)], repr(ch)


def test_number_trigger_describes_the_text_after_it() -> None:
    """What ``rules_at`` is told of a number holds: each known position may hold the text's character."""
    from veille.times.finder import _number_trigger
    from veille.times.grammar import grammar

    g = grammar("fr")
    extra = ["3 000 soldats", "12.500 ans", "1\u202f000\xa0jours", "2 00", "4 0000 x", "7 000", "5 ²³⁴ ans"]
    for text in [*_texts(), *extra]:
        low = text.lower()
        for pos, ch in enumerate(low):
            if not ch.isdigit():
                continue
            known = _number_trigger(g, low, pos)
            for j, chars in enumerate(known or ()):
                nxt = low[pos + j : pos + j + 1]
                assert nxt in chars if nxt else chars == "", (low, pos, known)


def test_modifier_precheck_keeps_every_modifier() -> None:
    from veille.times import finder
    from veille.types import TimeRef

    text = "Début juin, fin 2023, vers 20 h, plus de deux ans, au début de mai, à la fin de l'année, mi-mai."
    low = text.lower()
    g = finder.grammar("fr")
    ctx = finder.Ctx(text, low, low[::-1], g, g.lex, None, None)
    found = 0
    for start in range(1, len(low)):
        if not low[start].isalnum() or low[start - 1].isalnum():
            continue
        for type_, scope, regex in (("DATE", "point", g.point_mod), ("DURATION", "duration", g.duration_mod)):
            tr = TimeRef(start, start + 1, None, type_, "")
            finder._apply_mods(g, ctx, tr, 0)
            m = regex.search(low[max(0, start - 40) : start])
            phrase = finder._SPACES.sub(" ", m.group("mod")).replace("’", "'") if m else ""
            expected = f"{scope}:{phrase}" in g.mod_of
            assert (tr.mod is not None) == expected, (low[:start], type_)
            found += expected
    assert found >= 7


@pytest.mark.parametrize("text,value,kind", [
    ("The minister made her first trip to Hanoi in 12 years.", "P12Y", "DURATION"),
    ("Exports reached their highest level in a decade, customs said.", "P1DE", "DURATION"),
    ("The port will reopen in three weeks.", "2024-W48", "DATE"),
    ("It was the first trip in years. The next one is due in two months.", "2025-01", "DATE"),
])
def test_in_n_units_after_a_superlative_is_a_span(text: str, value: str, kind: str) -> None:
    refs = [r for r in find_times(text, "2024-11-05", "en") if text[r.start:r.end].startswith("in ")]
    assert (refs[-1].value, refs[-1].type) == (value, kind)


def test_lower_is_str_lower_with_the_offsets_kept() -> None:
    from veille.times.finder import _lower

    latin1 = "".join(chr(i) for i in range(256))
    assert _lower(latin1) == latin1.lower()
    for text in _texts():
        assert _lower(text) == text.lower()
    # Outside Latin-1: str.lower, except for the characters that would grow.
    assert _lower("İSTANBUL, le 3 MAI ’24") == "İstanbul, le 3 mai ’24"
