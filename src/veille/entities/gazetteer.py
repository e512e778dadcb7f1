"""The knowledge base compiled for matching: one Aho-Corasick automaton per text language, built
once per process on first use.

Every alias and cue word is a key in all its lowercase spellings (see ``spelling_variants``), and the
automaton runs over ``text.lower()``. Case is then checked on the original text, per entry: an alias
written with a capital must match a capital (« Paris » the city, not « paris » the bets); acronyms
and ``cs`` aliases must match exactly (« UE », not the « ue » of « que »: in-word hits are dropped by
the word-boundary check before any other work). Aliases restricted to a language (``[en]``, such as
« UN » or « EU », which are common French words in lowercase) are only in that language's automaton,
so that they cost nothing elsewhere. One automaton, not several passes: pyahocorasick's cost is
per character of text, not per key.

An automaton value is a :class:`Payload`; an entry is a plain tuple for speed:
``(KIND, Alias | cue word, needs_capital, lang_only, glue_flag, exact_forms)``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import ahocorasick

from veille.kb.forms import APOSTROPHES, spelling_variants, strip_accents
from veille.kb.model import Alias, KnowledgeBase
from veille.types import EntityRecord

# Entry kinds
ALIAS, TITLE, ORGWORD, FIRSTNAME = 0, 1, 2, 3

Entry = tuple[int, "Alias | str", bool, "str | None", bool, "frozenset[str] | None"]

# Surnames never auto-derived from a full name: they are common words or months, and a bare
# « May » or « Mars » must not become a person even in an article that names Theresa May.
_NO_AUTO_SHORT = frozenset({
    "May", "Mai", "March", "Mars", "June", "Juin", "August", "Août", "Rice", "Major", "Little",
    "Long", "Brown", "Young", "King", "Park", "Lee", "Kim", "Li", "Wang", "Zhang", "Liu", "Chen",
    "Blanc", "Petit", "Grand", "Premier", "Royal", "Marin", "Jr.", "Sr.", "Michel", "Philippe",
    "François", "Francis", "Martin", "Paul", "Pierre", "Louis", "Charles", "Hunt", "Cook", "Fox", "Gates",
})
_ROMAN = re.compile(r"^[IVXLC]+$")


@dataclass(slots=True)
class Gazetteer:
    lower: ahocorasick.Automaton
    keys: int


def _is_acronym(text: str) -> bool:
    """Two capitals or more, no lowercase letter, no space: « KCNA », « MI6 », « U.S. »."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in text


def _exact_variants(text: str) -> set[str]:
    bases = {text, strip_accents(text)}
    out: set[str] = set()
    for b in bases:
        out.update(b.replace("'", a) for a in APOSTROPHES)
    return out


_PARTICLES = frozenset({"de", "du", "von", "van", "der", "den", "bin", "ben", "ibn", "al", "el", "da", "di", "zu", "la", "le"})


def _auto_shorts(kb: KnowledgeBase) -> list[Alias]:
    """Bare surnames (« Blinken ») derived from full names; they link only when the article names
    the person in full somewhere (no default), so an unrelated « Blinken » stays unlinked.

    Only names made of capitalised words and particles count (not « Shah of Iran »), and a surname
    that is also a country's name or demonym is left to the country."""
    by_text: dict[str, list[str]] = defaultdict(list)
    explicit = {(a.text, a.candidates[0]) for a in kb.aliases if a.cls == "short"}
    countries = {a.text for a in kb.aliases if a.cls in ("country", "demonym")}
    for a in kb.aliases:
        if a.cls != "person" or " " not in a.text:
            continue
        tokens = a.text.split(" ")
        if not all(t[:1].isupper() or t in _PARTICLES for t in tokens):
            continue
        last = tokens[-1]
        if len(last) < 3 or last in _NO_AUTO_SHORT or last in kb.stopwords or last in countries \
                or _ROMAN.match(last):
            continue
        pid = a.candidates[0]
        if (last, pid) not in explicit and pid not in by_text[last]:
            by_text[last].append(pid)
    return [Alias(t, "any", "short", tuple(c), None, frozenset(), "auto-surname") for t, c in by_text.items()]


def _merge_shorts(aliases: list[Alias]) -> list[Alias]:
    """One alias per short text: « Bush » lists both presidents and has no default; « Poutine »
    (explicit, one person) defaults to Putin."""
    groups: dict[str, list[Alias]] = defaultdict(list)
    rest: list[Alias] = []
    for a in aliases:
        (groups[a.text] if a.cls == "short" else rest).append(a)
    for text, group in groups.items():
        cands: list[str] = []
        for a in group:
            cands.extend(c for c in a.candidates if c not in cands)
        defaults = {a.default for a in group if a.default is not None}
        default = defaults.pop() if len(defaults) == 1 and len(cands) == 1 else None
        flags = frozenset().union(*(a.flags for a in group))
        rest.append(Alias(text, "any", "short", tuple(cands), default, flags, group[0].source))
    return rest


def build_gazetteer(kb: KnowledgeBase, lang: str) -> Gazetteer:
    lower: dict[str, list[Entry]] = defaultdict(list)
    aliases = _merge_shorts([*kb.aliases, *_auto_shorts(kb)])
    for a in aliases:
        lang_only = "fr" if "fr" in a.flags else "en" if "en" in a.flags else None
        if lang_only is not None and lang_only != lang:
            continue
        # Bare surnames are never glued to another capitalised word either: « Ivanka Trump » is not
        # Donald Trump, « Trump Tower » is not a person.
        glue = "x" in a.flags or a.cls == "short"
        if "cs" in a.flags or _is_acronym(a.text):
            forms = frozenset(_exact_variants(a.text))
            for key in {f.lower() for f in forms}:
                lower[key].append((ALIAS, a, False, lang_only, glue, forms))
            continue
        needs_cap = a.text[0].isupper()
        for key in spelling_variants(a.text):
            lower[key].append((ALIAS, a, needs_cap, lang_only, glue, None))
    for word, lang, kind in kb.cues:
        code = TITLE if kind == "title" else ORGWORD
        lang_only = None if lang == "any" else lang
        if lang_only is not None and lang_only != lang:
            continue
        # Honorifics (« M. », « Mme ») are capitalised in the data and must be in the text.
        needs_cap = word[0].isupper()
        for key in spelling_variants(word):
            lower[key].append((code, word, needs_cap, lang_only, False, None))
    # In a stable order: « Eric » and « Éric » share the key « eric », and the first one is the cue.
    for name in sorted(kb.first_names):
        for key in spelling_variants(name):
            lower[key].append((FIRSTNAME, name, True, None, False, None))
    return Gazetteer(_automaton(lower, kb.records), len(lower))


# A mention ready to report: entity id, kind, rule.
Linked = tuple[str, str, str]


@dataclass(slots=True, frozen=True)
class Parts:
    """What a match stands for once its entries' conditions are checked."""

    aliases: tuple[Alias, ...]
    cue: Entry | None
    # One entity, no context needed: the mention to report per text language ("" for any other).
    linked: dict[str, Linked] | None
    combining: bool  # a combining form (« russo- »): a mention only inside a compound
    joins: bool  # may follow a combining form: a demonym or another combining form


def payload_parts(entries: tuple[Entry, ...] | list[Entry], records: dict[str, EntityRecord]) -> Parts:
    aliases = tuple(e[1] for e in entries if e[0] == ALIAS and isinstance(e[1], Alias))
    cue = next((e for e in entries if e[0] != ALIAS), None)
    linked = None
    if aliases:
        a = aliases[0]
        if len(a.candidates) == 1 and a.default is not None and a.cls != "short" and all(
            x.default == a.default and len(x.candidates) == 1 and x.cls != "short" for x in aliases[1:]
        ):
            # The same name listed in French and in English: report the entry of the text's language.
            linked = {lang: _linked(next((x for x in aliases if x.lang == lang), a), records)
                      for lang in ("fr", "en")}
            linked[""] = _linked(a, records)
    first = aliases[0].cls if aliases else None
    return Parts(aliases, cue, linked, first == "combining", first in ("combining", "demonym"))


def _linked(a: Alias, records: dict[str, EntityRecord]) -> Linked:
    eid = a.candidates[0]
    return (eid, records[eid].kind, a.rule)


@dataclass(slots=True, frozen=True)
class Payload:
    """What a key of an automaton stands for, with everything the hot loop needs precomputed."""

    length: int
    prefix: bool  # a combining form (« russo- »), glued to the next word
    entries: tuple[Entry, ...]
    checked: bool  # some entry has a case, glue or exact-spelling condition
    cap_only: bool  # the only condition: a capital first letter, on every entry
    parts: Parts  # when every entry holds
    # The keys this one starts with that end before one of its spaces or hyphens, longest first, with
    # their lengths: when the match fails, one of these may still hold (« Corée du Nordiste »).
    shorter: tuple[tuple[int, Payload], ...]


def _payload(key: str, entries: list[Entry], records: dict[str, EntityRecord],
             done: dict[str, Payload]) -> Payload:
    # Aliases before cues, so that a known name always beats a cue word on the same span.
    entries.sort(key=lambda e: e[0])
    # The language condition is met by construction: the automaton is built for one language.
    checked = any(e[2] or e[4] or e[5] is not None for e in entries)
    cap_only = all(e[2] and not e[4] and e[5] is None for e in entries)
    shorter = tuple((k, done[key[:k]]) for k in range(len(key) - 1, 0, -1) if key[k] in " -" and key[:k] in done) \
        if " " in key or "-" in key else ()
    return Payload(len(key), key.endswith("-"), tuple(entries), checked, cap_only,
                   payload_parts(entries, records), shorter)


# Letters by frequency in French and English news, then the other characters keys are made of: as
# a sort key, each becomes a control character, which sorts before any character left as it is.
_LETTER_ORDER = str.maketrans({c: chr(i) for i, c in enumerate(" eaisnrtoludcmpéghbfvqyjkxzwàèêçôûùîâœëïü-'\u2019.")})


def _automaton(table: dict[str, list[Entry]], records: dict[str, EntityRecord]) -> ahocorasick.Automaton:
    payloads: dict[str, Payload] = {}
    for key in sorted(table, key=len):  # shorter keys first: a payload links to its prefixes'
        payloads[key] = _payload(key, table[key], records, payloads)
    auto = ahocorasick.Automaton()
    # A node finds its child for the next character by a linear scan, in insertion order: keys added
    # in letter-frequency order put the frequent letters first (the automaton is the same).
    for key in sorted(table, key=lambda k: k.translate(_LETTER_ORDER)):
        auto.add_word(key, payloads[key])
    if not table:  # an empty automaton cannot be searched
        auto.add_word("\x00", Payload(1, False, (), False, False, Parts((), None, None, False, False), ()))
    auto.make_automaton()
    return auto


def gazetteer(kb: KnowledgeBase, lang: str = "fr") -> Gazetteer:
    g = kb.cache.get("gazetteer:" + lang)
    if g is None:
        g = kb.cache["gazetteer:" + lang] = build_gazetteer(kb, lang)
    assert isinstance(g, Gazetteer)
    return g
