"""Surface forms derived from the data files by rule, so that the files stay short and reviewable.

- French demonyms are written once, masculine singular (« nord-coréen »); the feminine and plural
  forms are generated here. Irregular words list their forms explicitly with ``/``
  (« grec/grecque/grecs/grecques »).
- Matching runs on ``str.lower()`` of the text (fast, and length-preserving apart from U+0130, which
  the matcher replaces first), so accents are handled on the pattern side instead: each alias also
  yields its unaccented spelling and the spelling with unaccented capitals (« Etats-Unis »,
  « Elysée »), as French typography often drops accents on capitals.
"""

from __future__ import annotations

import re
import unicodedata

APOSTROPHES = ("'", "\u2019", "\u02bc", "\u2018")


def strip_accents(s: str) -> str:
    decomposed = unicodedata.normalize("NFD", s)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def slugify(name: str) -> str:
    """A stable id from a canonical English name: « Kim Jong-un » -> ``kim-jong-un``."""
    s = strip_accents(name).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s)
    return s.strip("-")


def _strip_capital_accents(s: str) -> str:
    return "".join(strip_accents(c) if c.isupper() else c for c in s)


def spelling_variants(alias: str) -> set[str]:
    """The lowercase keys an alias is matched by: as written, without accents, without accents on
    capitals; each with every kind of apostrophe."""
    bases = {alias, strip_accents(alias), _strip_capital_accents(alias)}
    out: set[str] = set()
    for b in bases:
        low = b.replace("\u0130", "I").lower()
        if "'" in low:
            for apo in APOSTROPHES:
                out.add(low.replace("'", apo))
        else:
            out.add(low)
    return out


def _inflect_word(word: str) -> list[str]:
    """Masculine singular French adjective -> [m.sg, f.sg, m.pl, f.pl] (regular patterns only)."""
    if word.endswith("e"):
        return [word, word, word + "s", word + "s"]
    if word.endswith(("s", "x")):
        return [word, word + "e", word, word + "es"]
    if word.endswith(("en", "on")):
        return [word, word + "ne", word + "s", word + "nes"]
    if word.endswith("eur"):
        return [word, word[:-3] + "rice", word + "s", word[:-3] + "rices"]
    if word.endswith("al"):
        return [word, word + "e", word[:-2] + "aux", word + "es"]
    if word.endswith("c"):
        return [word, word + "que", word + "s", word + "ques"]
    return [word, word + "e", word + "s", word + "es"]


def french_demonym_forms(entry: str) -> list[str]:
    """All genders and numbers of a French demonym entry, without duplicates, in a stable order.

    « nord-coréen » inflects its last part only (« nord-coréennes »); an entry with ``/`` is taken
    as the explicit list of its forms."""
    if "/" in entry:
        forms = [f.strip() for f in entry.split("/") if f.strip()]
    else:
        head, sep, last = entry.rpartition("-")
        forms = [head + sep + f for f in _inflect_word(last)]
    seen: dict[str, None] = {}
    for f in forms:
        seen.setdefault(f, None)
    return list(seen)


def combining_forms(entry: str) -> str:
    """« russo » or « russo- » -> « russo- » (the key always carries its hyphen)."""
    return entry if entry.endswith("-") else entry + "-"
