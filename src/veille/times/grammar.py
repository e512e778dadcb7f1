"""Compile the temporal grammar of one language from its word tables, once.

Speed comes from not scanning the text with the grammar. An Aho-Corasick automaton finds the rare
*trigger* words (month and weekday names, units, « hier », digits…) in one C-level pass; the finder
then walks back over the few function words that may open an expression (« le », « la fin de »,
« il y a deux ») and tries, at each possible start, only the rules that can begin with that word
(``Grammar.first``), each a small compiled regular expression applied with ``match``.

Of those, it tries only the rules that can reach the trigger from there (``Grammar.rules_at``, judged
once per shape of text by ``shapes``): after « le », a number rules out « le matin »; « 2024 » and a
space rule out « 04/10 » and « 21 h ». Python-level work per trigger, not the regular expressions,
is what costs, so the grammar keeps caches (``word_cache``, ``opening_cache``, ``shape_cache``) of what
depends only on a few characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import ahocorasick

from veille.times.shapes import Known, may_reach, prepare
from veille.times.tables import Lexicon, lexicon

# A token as the finder sees it: a run of letters or digits, keeping a trailing elision apostrophe
# (« l' », « aujourd' ») so that « l'année » starts with the token « l' ».
TOKEN = re.compile(r"[^\W_]+['’]?")
# A token that counts as a number or an ordinal wherever a number may open an expression
# (« 1er », « 21h45 », « xxe » siècle).
NUMERIC = re.compile(r"\d|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})(?:e|è|ème|eme|er)$")
DIGIT_KEY = "#"
# The last TOKEN before a position, read on the reversed text (``low[::-1]``): what lies between
# tokens (anything but letters, digits and an apostrophe ending a word), then the token backwards.
BACK_TOKEN = re.compile(r"(?:[^\w'’]|_|['’](?![^\W_]))*(['’]?[^\W_]+)")
# Characters that may stand before a trigger word (the automaton needs its left boundary explicit).
_SEPARATORS = " \t\n\r\xa0\u202f'’-(«\"“/.,;:!?[]»)–—_*"
_DIGIT_SEPARATORS = " \t\n\r\xa0\u202f'’-(«\"“/;:!?[]–—_*"
# How the trigger automaton sees the separators: those that may stand before a digit become a space
# (an apostrophe stays one), the others (« . », « , », « ) », « » ») a full stop. Every separator class
# then comes before every trigger word in the automaton, exactly as every separator did.
_FOLD = tuple(
    (ch, "'" if ch in "'’" else " " if ch in _DIGIT_SEPARATORS else ".")
    for ch in _SEPARATORS
    if ch not in " '."
)
# Characters roughly by frequency in French and English text (separators, letters, digits), for the
# order of the automaton's keys; any other character sorts last.
_FREQUENT = " .'esaitnrulodcpmhévqfbgwyjàxèkêzçô0123456789âîûùœ"


# ``_FOLD`` as a table of the Latin-1 characters: one ``bytes.translate`` folds a Latin-1 text (most
# French and English texts) several times faster than a ``str.replace`` per separator.
_LATIN1_FOLD = bytes(range(256)).translate(
    bytes.maketrans(
        bytes(ord(ch) for ch, _ in _FOLD if ord(ch) < 256), bytes(ord(to) for ch, to in _FOLD if ord(ch) < 256)
    )
)


def _fold(text: str) -> str:
    """``text`` with the separators folded (same length: offsets are kept)."""
    try:
        return text.encode("latin-1").translate(_LATIN1_FOLD).decode("latin-1")
    except UnicodeEncodeError:
        pass
    for ch, to in _FOLD:
        text = text.replace(ch, to)
    return text


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
    label: str = ""  # « fr.date_dm »: the name a TimeRef records


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
    trigger_words: frozenset[str]  # as written in the text (both apostrophes)
    point_mod: re.Pattern[str]
    duration_mod: re.Pattern[str]
    mod_of: dict[str, tuple[str, bool]]
    # How a text that a modifier regex matches can end, as its last token → the tokens that may stand
    # before it (None: any): « début » (any), « de » after « plus » or « début », « the » after « of ».
    # When the tokens before an expression fit none of these, the regex cannot match and is not run.
    point_mod_ends: ModEnds
    duration_mod_ends: ModEnds
    # Their keys, for ``str.endswith``.
    point_mod_last: tuple[str, ...]
    duration_mod_last: tuple[str, ...]
    frag: dict[str, str] = field(default_factory=dict)
    # The rules to try at a word trigger and what is known of it, by the trigger and the character after
    # it (see ``finder._word_trigger``), filled as texts are read.
    word_cache: dict[str, tuple[Sequence[Rule], Known]] = field(default_factory=dict)
    # The rule key of a token before a trigger ("" when it cannot open an expression), likewise.
    opening_cache: dict[str, str] = field(default_factory=dict)
    # The rules that may match, by the shape of the text (see ``rules_at``), filled as texts are read.
    shape_cache: dict[tuple[str, str, Known], tuple[Rule, ...]] = field(default_factory=dict)

    def rules_at(self, key: str, before: str, trigger: Known) -> tuple[Rule, ...]:
        """The rules of ``key`` that may match the text ``before`` then a trigger described by ``trigger``,
        reaching into the trigger: no other rule of ``key`` can give a candidate there."""
        shape = (key, before, trigger)
        rules = self.shape_cache.get(shape)
        if rules is None:
            known, need = tuple(before) + trigger, len(before) + 1
            rules = tuple(r for r in self.first.get(key, ()) if may_reach(r.regex.pattern, known, need))
            if len(self.shape_cache) < 100_000:
                self.shape_cache[shape] = rules
        return rules

    def triggers(self, low: str) -> list[tuple[int, int]]:
        """Start and end of every trigger word of ``low`` (lower-cased text), in text order.

        A trigger is a key of the table: a separator (or the start of the text) and a trigger word.
        The automaton runs on a copy of the text where the separators are folded into three classes
        (see ``_FOLD``), which makes its walk several times faster; a hit on a word whose folded
        spelling is ambiguous (« après-midi » / « après midi ») is checked on the real text.
        """
        padded = " " + _fold(low)
        n = len(padded)
        out: list[tuple[int, int]] = []
        for end, length in self.automaton.iter(padded):
            # ``end`` is the index in ``padded`` of the key's last character, one past it in ``low``.
            nxt = end + 1
            if nxt < n and padded[nxt].isalnum() and not padded[end].isdigit():
                continue  # « mai » inside « mais »; digits are keyed on their first digit only
            if length < 0:  # to be checked on the real text
                start = end + length
                if low[start:end] not in self.trigger_words:
                    continue
            else:
                start = end - length
            out.append((start, end))
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
        rule = Rule(spec.name, rx, spec.handler, i, f"{lang}.{spec.name}")
        rules.append(rule)
        prepare(rx.pattern)
        for key in _starts(spec, classes):
            first.setdefault(key, []).append(rule)

    after_number = set(lex.months) | set(lex.units) | set(lex.numbers) | lex.cls("after_number")
    # The keys are a separator and a trigger word (or a digit); the automaton holds them folded.
    words = {v for w in {w.replace("’", "'") for w in trigger_words} for v in (w, w.replace("'", "’"))}
    keys: dict[str, int] = {}  # key → the length of the word, negative when the hit must be checked
    separators = {_fold(sep) for sep in _SEPARATORS}  # the three classes
    for v in words:
        folded = _fold(v)
        # A word with a separator or an apostrophe in it may stand for another spelling once folded.
        check = folded != v or any(ch in " '." for ch in v)
        for sep in separators:
            keys[sep + folded] = -len(v) if check else len(v)
    for d in "0123456789":
        for sep in {_fold(sep) for sep in _DIGIT_SEPARATORS}:
            keys[sep + d] = 1
    # The automaton looks a node's next characters up in the order they were added: common letters first.
    auto = ahocorasick.Automaton()
    for key in sorted(keys, key=lambda k: [_FREQUENT.find(ch) % (len(_FREQUENT) + 1) for ch in k]):
        auto.add_word(key, keys[key])
    auto.make_automaton()

    left = set()
    for w in left_words:
        for tok in TOKEN.findall(w.replace("’", "'")):
            left.add(tok)
    point, duration, mod_of, point_ends, duration_ends = _mod_patterns(lex)
    return Grammar(
        lang, lex, rules, first, frozenset(after_number), frozenset(left), auto, frozenset(words),
        point, duration, mod_of, point_ends, duration_ends, tuple(point_ends), tuple(duration_ends), frag,
    )


ModEnds = dict[str, frozenset[str] | None]
_Mods = tuple[re.Pattern[str], re.Pattern[str], dict[str, tuple[str, bool]], ModEnds, ModEnds]
# The connectives of ``_mod_patterns`` as tokens (« of the » is two).
_CONNECTIVES = ("de", "du", "des", "of", "d'")


def _mod_ends(phrases: list[str], connectives: bool) -> ModEnds:
    """The ``Grammar.point_mod_ends`` of modifier phrases, followed or not by a connective."""
    pairs: set[tuple[str | None, str]] = set()
    for phrase in phrases:
        toks = [str(t) for t in TOKEN.findall(phrase.replace("’", "'"))]
        if not toks:
            raise ValueError(f"times grammar: no token in modifier {phrase!r}")
        pairs.add((toks[-2] if len(toks) > 1 else None, toks[-1]))
        if connectives:
            pairs.update((toks[-1], conn) for conn in _CONNECTIVES)
            pairs.add(("of", "the"))
    ends: dict[str, set[str] | None] = {}
    for before, last in pairs:
        if before is None:
            ends[last] = None
        elif last not in ends or ends[last] is not None:
            ends.setdefault(last, set()).add(before)  # type: ignore[union-attr]
    return {last: None if allowed is None else frozenset(allowed) for last, allowed in ends.items()}


def _mod_patterns(lex: Lexicon) -> _Mods:
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
    return point, duration, mod_of, _mod_ends(point_words, True), _mod_ends(duration_words, False)


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
    from veille.times.context import _tense_pattern

    g = build()
    # The tense patterns are compiled with the grammar, not when a text first needs one.
    _tense_pattern(lang)
    _tense_pattern(lang, True)
    return g
