"""Names that are not in the knowledge base, found next to a cue the gazetteer already located.

The Aho-Corasick pass reports cue words (titles « président », « M. »; organisation words
« ministère », « Institute »; known first names « Jean »). Only there do we run one anchored regex,
which keeps the cost proportional to the number of cues, not to the length of the text. A bare
capitalised word is never a name by itself, so sentence-initial common words (« Cependant »)
cannot become entities.
"""

from __future__ import annotations

import re

from veille.kb.forms import slugify

_UP = "".join(re.escape(c) for c in map(chr, range(0x530)) if c.isupper())
_LOW = "".join(re.escape(c) for c in map(chr, range(0x530)) if c.islower())
_SP = "[ \u00a0\u202f]"
# A capitalised word: « Dupont », « Jean-Marie », « O'Brien » (an apostrophe only before a capital,
# so that « Dupont's » stops at « Dupont »).
CAPW = rf"[{_UP}]\w*(?:-\w+|['\u2019][{_UP}]\w*)*"
_PARTICLE = r"(?:(?:de|van|von|der|den|ter|bin|ibn|ben|al|el|da|di|dos|del|della|abu|abou)" + _SP + r"|d['\u2019])"
NAME = rf"{CAPW}(?:{_SP}{_PARTICLE}?{CAPW}){{0,3}}"

# After a title: up to four modifiers, lowercase words (checked against allowed words below) or
# complements (« des Affaires étrangères », « de la Défense », « of State »), then the name.
_MOD = (
    rf"(?:de|du|des|of|for){_SP}(?:la{_SP}|l['\u2019]|the{_SP})?{CAPW}(?:{_SP}(?!(?:de|du|des)\b)[{_LOW}][\w-]*)?"
    rf"|d['\u2019]{CAPW}(?:{_SP}[{_LOW}][\w-]*)?"
    rf"|(?!(?:de|du|des|la|le|les|of|the)\b)(?P<low>[{_LOW}][\w'\u2019-]*)"
)
TITLE_TAIL = re.compile(rf"(?P<mods>(?:{_SP}(?:{_MOD})){{0,4}}?),?{_SP}(?P<name>{NAME})")
_MODS_SCAN = re.compile(rf"{_SP}(?:{_MOD})")

_CONNECT = (
    rf"(?:de{_SP}la{_SP}|de{_SP}l['\u2019]|d['\u2019]|de{_SP}|du{_SP}|des{_SP}|pour{_SP}la{_SP}|pour{_SP}le{_SP}"
    rf"|pour{_SP}l['\u2019]|pour{_SP}|of{_SP}the{_SP}|of{_SP}|for{_SP}the{_SP}|for{_SP}|on{_SP}|and{_SP}|the{_SP})"
)
ORG_TAIL = re.compile(rf"(?:{_SP}{_CONNECT}?{CAPW})+")
FIRST_TAIL = re.compile(rf"(?:-{CAPW})?{_SP}(?P<sur>{_PARTICLE}?{CAPW})(?:{_SP}(?P<more>{CAPW}))?")


def title_name(text: str, end: int, allowed: frozenset[str]) -> tuple[int, int] | None:
    """The name after a title ending at ``end``, if every lowercase modifier is an allowed word."""
    m = TITLE_TAIL.match(text, end)
    if m is None:
        return None
    for mod in _MODS_SCAN.finditer(m.group("mods")):
        low = mod.group("low")
        if low is not None and low.lower() not in allowed:
            return None
    return m.span("name")


def org_name_end(text: str, end: int) -> int | None:
    m = ORG_TAIL.match(text, end)
    return m.end() if m else None


def first_name_end(text: str, end: int, first_names: frozenset[str]) -> int | None:
    m = FIRST_TAIL.match(text, end)
    if m is None:
        return None
    # A second capitalised word belongs to the name only if the first one is a first name too
    # (« Jean Claude Dupont »); otherwise it may be a place or an organisation that follows.
    if m.group("more") and m.group("sur") in first_names:
        return m.end()
    return m.end("sur")


def provisional_id(name: str) -> str:
    return slugify(name) or "unnamed"


# Lowercase words allowed between a title and a name, besides the demonyms of the base
# (« le président russe », « le ministre délégué », « the former president »).
TITLE_MODIFIERS = frozenset({
    "adjoint", "adjointe", "délégué", "déléguée", "sortant", "sortante", "ancien", "ancienne", "élu",
    "élue", "actuel", "actuelle", "nouveau", "nouvelle", "intérimaire", "général", "générale", "fédéral",
    "fédérale", "chargé", "chargée", "démissionnaire", "honoraire", "former", "acting", "deputy", "vice",
    "general", "foreign", "defence", "defense", "interior", "finance", "state", "chief", "senior",
    "new", "outgoing", "incoming", "then", "late", "prime", "minister", "sénateur", "député", "exécutif",
})
