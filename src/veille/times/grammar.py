"""Compile the temporal grammar of one language from its word tables, once.

Speed comes from not scanning the text with the grammar. An Aho-Corasick automaton finds the rare
*trigger* words (month and weekday names, units, « hier », digits…) in one C-level pass; the finder
then walks back over the few function words that may open an expression (« le », « la fin de »,
« il y a deux ») and tries, at each possible start, only the rules that can begin with that word
(``Grammar.first``), each a small compiled regular expression applied with ``match``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import ahocorasick

from veille.times.tables import Lexicon, lexicon

# A token as the finder sees it: a run of letters or digits, keeping a trailing elision apostrophe
# (« l' », « aujourd' ») so that « l'année » starts with the token « l' ».
TOKEN = re.compile(r"[^\W_]+['’]?")
# A token that counts as a number or an ordinal wherever a number may open an expression
# (« 1er », « 21h45 », « xxe » siècle).
NUMERIC = re.compile(r"\d|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})(?:e|è|ème|eme|er)$")
DIGIT_KEY = "#"
# Characters that may stand before a trigger word (the automaton needs its left boundary explicit).
_SEPARATORS = " \t\n\r\xa0\u202f'’-(«\"“/.,;:!?[]»)–—_*"
_DIGIT_SEPARATORS = " \t\n\r\xa0\u202f'’-(«\"“/;:!?[]–—_*"


def alt(words: Iterable[str], boundary: bool = True) -> str:
    """A regular expression for a word list, as a trie so that matching is linear in the input.

    Spaces in a phrase match any whitespace, apostrophes match both ' and ’.
    """
    trie: dict[str, Any] = {}
    for w in {w for w in words if w}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def esc(ch: str) -> str:
        if ch == " ":
            return r"\s+"
        if ch == "'":
            return "['’]"
        return re.escape(ch)

    def build(node: dict[str, Any]) -> str:
        end = "" in node
        branches = [esc(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    body = build(trie)
    return "(?:" + body + ")" + (r"(?![\w-])" if boundary else "")


def first_token(phrase: str) -> str:
    m = TOKEN.match(phrase.replace("’", "'"))
    if not m:
        raise ValueError(f"times grammar: no token in {phrase!r}")
    tok = m.group()
    return DIGIT_KEY if tok[0].isdigit() else tok


Handler = Callable[..., Any]


@dataclass(slots=True)
class Rule:
    """One named rule: a pattern (matched at a token start) and the function that values a match."""

    name: str
    regex: re.Pattern[str]
    handler: Handler
    order: int


@dataclass(slots=True)
class RuleSpec:
    name: str
    pattern: str
    starts: tuple[str, ...]
    handler: Handler


@dataclass(slots=True)
class Grammar:
    lang: str
    lex: Lexicon
    rules: list[Rule]
    first: dict[str, list[Rule]]
    # Words that may follow a number inside an expression (« 4 octobre », « 3 ans », « 6 et 13 »):
    # a number followed by anything else opens nothing unless it has four digits or a separator.
    after_number: frozenset[str]
    left: frozenset[str]
    automaton: Any
    point_mod: re.Pattern[str]
    duration_mod: re.Pattern[str]
    mod_of: dict[str, tuple[str, bool]]
    frag: dict[str, str] = field(default_factory=dict)

    def triggers(self, low: str) -> list[tuple[int, int]]:
        """Start and end of every trigger word of ``low`` (lower-cased text), in text order."""
        padded = " " + low
        n = len(padded)
        out: list[tuple[int, int]] = []
        for end, length in self.automaton.iter(padded):
            # ``end`` is the index in ``padded`` of the key's last character, one past it in ``low``.
            nxt = end + 1
            if nxt < n and padded[nxt].isalnum() and not padded[end].isdigit():
                continue  # « mai » inside « mais »; digits are keyed on their first digit only
            out.append((end - length, end))
        out.sort()
        return out


def _starts(spec: RuleSpec, classes: dict[str, Iterable[str]]) -> set[str]:
    keys: set[str] = set()
    for s in spec.starts:
        if s.startswith("@"):
            keys.update(first_token(w) for w in classes[s[1:]])
        else:
            keys.add(first_token(s) if s != DIGIT_KEY else DIGIT_KEY)
    return keys


def compile_grammar(
    lang: str,
    specs: list[RuleSpec],
    frag: dict[str, str],
    classes: dict[str, Iterable[str]],
    trigger_words: Iterable[str],
    left_words: Iterable[str],
) -> Grammar:
    lex = lexicon(lang)
    rules: list[Rule] = []
    first: dict[str, list[Rule]] = {}
    for i, spec in enumerate(specs):
        try:
            rx = re.compile(spec.pattern % frag)
        except (re.error, KeyError, ValueError) as exc:  # a broken table or template must say which rule
            raise ValueError(f"times grammar {lang}: rule {spec.name}: {exc}") from exc
        rule = Rule(spec.name, rx, spec.handler, i)
        rules.append(rule)
        for key in _starts(spec, classes):
            first.setdefault(key, []).append(rule)

    after_number = set(lex.months) | set(lex.units) | set(lex.numbers) | lex.cls("after_number")
    auto = ahocorasick.Automaton()
    for w in {w.replace("’", "'") for w in trigger_words}:
        for variant in {w, w.replace("'", "’")}:
            for sep in _SEPARATORS:
                auto.add_word(sep + variant, len(variant))
    for d in "0123456789":
        for sep in _DIGIT_SEPARATORS:
            auto.add_word(sep + d, 1)
    auto.make_automaton()

    left = set()
    for w in left_words:
        for tok in TOKEN.findall(w.replace("’", "'")):
            left.add(tok)
    point, duration, mod_of = _mod_patterns(lex)
    return Grammar(lang, lex, rules, first, frozenset(after_number), frozenset(left), auto, point, duration, mod_of, frag)


def _mod_patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, tuple[str, bool]]]:
    """Regexes anchored at the end of the text before an expression: « la fin de », « plus de »."""
    mod_of: dict[str, tuple[str, bool]] = {}
    point_words: list[str] = []
    duration_words: list[str] = []
    for phrase, mod, scope, included in lex.mods:
        key = scope + ":" + re.sub(r"\s+", " ", phrase)
        mod_of[key] = (mod, included)
        (point_words if scope == "point" else duration_words).append(phrase)
    dets = alt(lex.cls("det"), boundary=False)
    # The connectives that tie a modifier to its date (« début de », « fin d' », « the end of the »).
    conn = r"(?:(?:de|du|des|of|of\s+the)\s+|d['’]\s*)?"
    point = re.compile(
        r"(?:(?<![\w'’])" + dets + r"\s+)?(?<![\w'’-])(?P<mod>" + alt(point_words, boundary=False)
        + r")(?:\s*-\s*|\s+)" + conn + r"\Z"
    )
    duration = re.compile(r"(?<![\w'’-])(?P<mod>" + alt(duration_words, boundary=False) + r")\s+\Z")
    return point, duration, mod_of


@cache
def grammar(lang: str) -> Grammar:
    # Imported here: the pattern modules import the handlers, which need this module.
    if lang == "fr":
        from veille.times.patterns_fr import build
    elif lang == "en":
        from veille.times.patterns_en import build
    else:
        lexicon(lang)  # raises the error that names the supported languages
        raise AssertionError(lang)
    return build()
