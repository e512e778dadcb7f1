"""Load and validate the event lexicons: triggers, certainty cues, object classes, grammar words.

Everything language-specific is data under ``events/data/`` so that a linguist can review and extend
it without reading code. Each loader checks every line and raises :class:`LexiconError` naming the
file and the line, because a silently skipped trigger is a recall bug nobody will ever find.

Phrase syntax (triggers and cues): lemmas separated by spaces, matched in order with up to
``MAX_GAP`` words between parts (« exprimer … inquiétude » matches « ont exprimé leur vive
inquiétude »); ``+word`` must follow the previous part directly (« d' +après »); ``a|b`` lists
alternatives for one part; ``=form`` matches a surface form only (« =aurait », never « avoir »).

A trigger code written ``~062`` marks a *state* noun (« la coopération militaire », « la guerre en
Ukraine »): a relationship or a situation, which is an event only when something happens to it
(see ``veille.events._state_event``).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"
MAX_GAP = 4
POS = frozenset({"verb", "noun"})
CLASSES = frozenset({"reported", "alleged", "denied", "speculative", "negated", "block"})
SCOPES = frozenset({"sentence", "rest", "after", "before", "clause", "adjacent", "local", "predicate",
                    "postposed"})
SOURCES = frozenset({"subject", "after", "par", "none"})
_CODE = re.compile(r"^\d{2,4}$")
_PREP = {"au": "à", "aux": "à", "du": "de", "des": "de", "d'": "de"}


class LexiconError(ValueError):
    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {message}")
        self.path = str(path)
        self.line = line


# (lemma-or-surface alternatives, surface-only forms, must follow the previous part immediately)
Part = tuple[frozenset[str], frozenset[str], bool]


@dataclass(slots=True, frozen=True)
class Trigger:
    text: str
    parts: tuple[Part, ...]
    cameo: str | None  # None: an event only when the object class gives a code
    blocking: bool  # a phrase that is not an event (« guerre froide ») and hides shorter triggers
    pos: str
    state: bool  # a state noun (code written ~NNN): an event only with a date, an onset, a quantity
    targets: frozenset[str]  # prepositions (or "obj") that introduce the target
    place_preps: frozenset[str]  # prepositions whose complement is also the place
    by_object: tuple[tuple[str, str], ...]
    where: str
    # the words that introduce the target, contracted articles included (« au », « aux » for « à »)
    target_words: frozenset[str] = frozenset()

    def code_for(self, object_class: str | None) -> str | None:
        for cls, code in self.by_object:
            if cls == object_class:
                return code
        return self.cameo


@dataclass(slots=True, frozen=True)
class Cue:
    text: str
    parts: tuple[Part, ...]
    cls: str
    scope: str
    source: str
    where: str
    rule: str = ""  # « class:text », the certainty rule the cue gives an event


@dataclass(slots=True)
class Grammar:
    determiners: frozenset[str]
    prepositions: frozenset[str]
    locative: frozenset[str]
    agent: tuple[tuple[str, ...], ...]
    coordinators: frozenset[str]
    subject_pronouns: frozenset[str]
    anaphors: frozenset[str]
    demonstratives: frozenset[str]
    boundaries: tuple[tuple[str, ...], ...]
    passive_aux: frozenset[str]
    infinitive_markers: frozenset[str]
    approximators: frozenset[str]
    vague: dict[str, float]
    multipliers: dict[str, float]
    range_words: frozenset[str]
    conditional_endings: tuple[str, ...]
    stop_np: frozenset[str]
    recent: frozenset[str]
    subject_anaphors: frozenset[str]
    boundary_heads: frozenset[str] = frozenset()
    onsets: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    frames: tuple[tuple[str, ...], ...] = ()
    # words that end the predicate a negation governs (« que », "that", « pour »)
    scope_stops: frozenset[str] = frozenset()
    # prepositions whose noun complement is presupposed background (« après la signature »)
    presupposing: frozenset[str] = frozenset()
    # verbs whose negation withholds confirmation of a claim instead of negating it (« n'a pas confirmé »)
    knowing_verbs: frozenset[str] = frozenset()
    # numbers followed by these are not counts: months, ordinal suffixes, percent, ages
    months: frozenset[str] = frozenset()
    ordinal_suffixes: frozenset[str] = frozenset()
    not_counts: tuple[tuple[str, ...], ...] = ()
    # « ses tirs », "its launches": the possessor is who acts, named in an earlier sentence
    possessives: frozenset[str] = frozenset()
    # « à l'unanimité », "without a vote against": how a vote went, between a verb and its object
    manner: tuple[tuple[str, ...], ...] = ()
    manner_heads: frozenset[str] = frozenset()  # their first words
    # « le président russe »: nouns of people and institutions a nationality qualifies
    actor_heads: frozenset[str] = frozenset()
    # phrases by the word the rules look them up by (lists, to compare with slices of a sentence's words)
    boundary_by_head: dict[str, list[list[str]]] = field(default_factory=dict)
    agent_by_head: dict[str, list[list[str]]] = field(default_factory=dict)  # the markers of several words
    agent_by_last: dict[str, list[list[str]]] = field(default_factory=dict)
    frame_by_head: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)


@dataclass(slots=True)
class Lexicon:
    lang: str
    triggers: list[Trigger]
    cues: list[Cue]
    objects: dict[str, str]
    grammar: Grammar
    # head alternative → candidate phrases, longest first (built by ``index``)
    trigger_index: dict[str, list[Trigger]] = field(default_factory=dict)
    cue_index: dict[str, list[Cue]] = field(default_factory=dict)


def _parts(text: str, pos: str, forms: Iterable[str], path: Path, n: int, lang: str) -> tuple[Part, ...]:
    parts: list[Part] = []
    for i, raw in enumerate(text.split()):
        alts: set[str] = set()
        exact: set[str] = set()
        adjacent = raw.startswith("+") and i > 0
        for alt in raw.removeprefix("+").split("|"):
            if not alt:
                raise LexiconError(path, n, f"empty alternative in {text!r}")
            if alt.startswith("="):
                exact.add(alt[1:].replace("’", "'"))
            else:
                alts.add(alt)
                if i == 0:
                    alts.update(_inflections(alt, pos, lang))
        if i == 0:
            exact.update(forms)
        parts.append((frozenset(alts), frozenset(exact), adjacent))
    if not parts:
        raise LexiconError(path, n, "empty phrase")
    return tuple(parts)


def _inflections(lemma: str, pos: str, lang: str) -> list[str]:
    """Forms simplemma misses, generated from the lexicon's own lemmas (not stripped from text).

    simplemma leaves some participles (« fourni », « bombardé », « livrées ») and noun plurals
    unreduced; adding the regular forms of the lexicon's lemmas is exact where suffix stripping of
    arbitrary words would not be."""
    if " " in lemma or "-" in lemma:
        return []
    if pos == "noun":
        if lemma.endswith(("s", "x", "z")):
            return []
        if lemma.endswith("al"):
            return [lemma + "s", lemma[:-2] + "aux"]
        if lang == "en" and lemma.endswith("y"):
            return [lemma[:-1] + "ies"]
        return [lemma + ("x" if lemma.endswith("eau") else "s")]
    if lang == "fr":
        if lemma.endswith("er"):
            return [lemma[:-2] + e for e in ("é", "ée", "és", "ées")]
        if lemma.endswith("ir"):
            return [lemma[:-2] + e for e in ("i", "ie", "is", "ies", "it", "issent")]
        return []
    # English regular verbs: sign → signed/signs/signing; supply → supplied
    forms = [lemma + "s", lemma + "ed", lemma + "ing"]
    if lemma.endswith("e"):
        forms += [lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y"):
        forms += [lemma[:-1] + "ied", lemma[:-1] + "ies"]
    return forms


def _rows(path: Path, ncols: int, optional: int) -> Iterable[tuple[int, list[str]]]:
    """Non-comment TSV rows with ``ncols - optional`` to ``ncols`` columns, numbered from 1."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise LexiconError(path, None, f"cannot read: {exc.strerror}") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))]
        if not ncols - optional <= len(cells) <= ncols:
            raise LexiconError(path, n, f"expected {ncols - optional} to {ncols} tab-separated columns, got {len(cells)}")
        yield n, cells + [""] * (ncols - len(cells))


def _list(cell: str) -> list[str]:
    return [] if cell in ("", "-") else [x.strip() for x in cell.split(",") if x.strip()]


def load_triggers(path: Path, codes: frozenset[str], lang: str) -> list[Trigger]:
    out: list[Trigger] = []
    seen: dict[tuple[str, str], int] = {}
    for n, (text, code, pos, targets, by_object, forms) in _rows(path, 6, 3):
        if pos not in POS:
            raise LexiconError(path, n, f"part of speech must be verb or noun, got {pos!r}")
        if (text, pos) in seen:
            raise LexiconError(path, n, f"duplicate trigger {text!r} ({pos}), first on line {seen[text, pos]}")
        seen[text, pos] = n
        state = code.startswith("~")
        if state and pos != "noun":
            raise LexiconError(path, n, "only a noun can be a state trigger (~code)")
        code = code.removeprefix("~")
        blocking = code == "none"
        if not blocking and code != "-":
            _check_code(code, codes, path, n)
        pairs: list[tuple[str, str]] = []
        for item in _list(by_object):
            cls, sep, sub = item.partition("=")
            if not sep:
                raise LexiconError(path, n, f"object rule {item!r} must read class=code")
            _check_code(sub, codes, path, n)
            pairs.append((cls, sub))
        if code == "-" and not pairs:
            raise LexiconError(path, n, "code '-' needs object rules (class=code)")
        # contracted articles govern like their preposition (« aux États-Unis » = à)
        tgt = [_PREP.get(t.removesuffix("+place"), t.removesuffix("+place")) + ("+place" if t.endswith("+place") else "")
               for t in _list(targets)]
        out.append(Trigger(
            text=text,
            parts=_parts(text, pos, _list(forms), path, n, lang),
            cameo=None if code in ("-", "none") else code,
            blocking=blocking,
            pos=pos,
            state=state,
            targets=frozenset(t.removesuffix("+place") for t in tgt),
            place_preps=frozenset(t.removesuffix("+place") for t in tgt if t.endswith("+place")),
            by_object=tuple(pairs),
            where=f"{path.name}:{n}",
            target_words=_target_words(tgt),
        ))
    return out


def _target_words(targets: list[str]) -> frozenset[str]:
    words = {t.split("+")[0] for t in targets}
    if "à" in words:
        words.update(("au", "aux"))
    return frozenset(words)


def _check_code(code: str, codes: frozenset[str], path: Path, n: int) -> None:
    if not _CODE.match(code):
        raise LexiconError(path, n, f"CAMEO code must be 2 to 4 digits, got {code!r}")
    if code not in codes and code[:3] not in codes:
        raise LexiconError(path, n, f"unknown CAMEO code {code!r}")


def load_cues(path: Path, lang: str) -> list[Cue]:
    out: list[Cue] = []
    for n, (text, cls, scope, source, forms) in _rows(path, 5, 1):
        if cls not in CLASSES:
            raise LexiconError(path, n, f"class must be one of {sorted(CLASSES)}, got {cls!r}")
        if scope not in SCOPES:
            raise LexiconError(path, n, f"scope must be one of {sorted(SCOPES)}, got {scope!r}")
        if source not in SOURCES:
            raise LexiconError(path, n, f"source must be one of {sorted(SOURCES)}, got {source!r}")
        parts = _parts(text, "verb", _list(forms), path, n, lang)
        out.append(Cue(text, parts, cls, scope, source, f"{path.name}:{n}", f"{cls}:{text}"))
    return out


def load_objects(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for n, (word, cls) in _rows(path, 2, 0):
        if word in out:
            raise LexiconError(path, n, f"duplicate object word {word!r}")
        out[word] = cls
    return out


def load_grammar(path: Path) -> Grammar:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(path, getattr(getattr(exc, "problem_mark", None), "line", None), str(exc)) from exc
    if not isinstance(raw, dict):
        raise LexiconError(path, None, "expected a mapping")

    def words(key: str) -> frozenset[str]:
        value = raw.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise LexiconError(path, None, f"{key!r} must be a list of strings")
        return frozenset(v.replace("’", "'") for v in value)

    def optional(key: str) -> frozenset[str]:
        return words(key) if key in raw else frozenset()

    def numbers(key: str) -> dict[str, float]:
        value = raw.get(key)
        if not isinstance(value, dict) or not all(isinstance(v, int | float) for v in value.values()):
            raise LexiconError(path, None, f"{key!r} must map words to numbers")
        return {str(k): float(v) for k, v in value.items()}

    grammar = Grammar(
        determiners=words("determiners"),
        prepositions=words("prepositions"),
        locative=words("locative"),
        agent=tuple(tuple(p.split()) for p in words("agent")),
        coordinators=words("coordinators"),
        subject_pronouns=words("subject_pronouns"),
        anaphors=words("anaphors"),
        demonstratives=words("demonstratives"),
        boundaries=tuple(tuple(p.split()) for p in sorted(words("boundaries"))),
        passive_aux=words("passive_aux"),
        infinitive_markers=words("infinitive_markers"),
        approximators=words("approximators"),
        vague=numbers("vague"),
        multipliers=numbers("multipliers"),
        range_words=words("range_words"),
        conditional_endings=tuple(sorted(words("conditional_endings"))),
        stop_np=words("stop_np"),
        recent=words("recent"),
        subject_anaphors=words("subject_anaphors"),
    )
    grammar.boundary_heads = frozenset(p[0] for p in grammar.boundaries)
    grammar.onsets = optional("onsets")
    grammar.light_verbs = optional("light_verbs")
    grammar.frames = tuple(tuple(p.split()) for p in sorted(optional("frames")))
    grammar.scope_stops = optional("scope_stops")
    grammar.presupposing = optional("presupposing")
    grammar.knowing_verbs = optional("knowing_verbs")
    grammar.months = optional("months")
    grammar.ordinal_suffixes = optional("ordinal_suffixes")
    grammar.not_counts = tuple(tuple(p.split()) for p in sorted(optional("not_counts")))
    grammar.possessives = optional("possessives")
    grammar.actor_heads = optional("actor_heads")
    grammar.manner = tuple(tuple(p.split()) for p in sorted(optional("manner"), key=lambda p: (-len(p), p)))
    grammar.manner_heads = frozenset(p[0] for p in grammar.manner)
    for p in grammar.boundaries:
        grammar.boundary_by_head.setdefault(p[0], []).append(list(p))
    for p in grammar.agent:
        grammar.agent_by_last.setdefault(p[-1], []).append(list(p))
        if len(p) > 1:
            grammar.agent_by_head.setdefault(p[0], []).append(list(p))
    for f in grammar.frames:
        grammar.frame_by_head.setdefault(f[0], []).append(f)
    return grammar


def known_codes(path: Path | None = None) -> frozenset[str]:
    from veille.events.labels import load_labels

    return frozenset(load_labels(path))


def _index(items: Iterable[Trigger | Cue]) -> dict[str, list]:
    index: dict[str, list] = {}
    for item in items:
        alts, exact, _ = item.parts[0]
        for key in alts | {"=" + e for e in exact}:
            index.setdefault(key, []).append(item)
    for bucket in index.values():
        bucket.sort(key=lambda it: -len(it.parts))  # longest phrase first; stable: file order next
    return index


def build_lexicon(lang: str, data: Path = DATA) -> Lexicon:
    codes = known_codes(data / "labels.tsv")
    lex = Lexicon(
        lang=lang,
        triggers=load_triggers(data / f"triggers_{lang}.tsv", codes, lang),
        cues=load_cues(data / f"certainty_{lang}.tsv", lang),
        objects=load_objects(data / f"objects_{lang}.tsv"),
        grammar=load_grammar(data / f"grammar_{lang}.yaml"),
    )
    lex.trigger_index = _index(lex.triggers)
    lex.cue_index = _index(lex.cues)
    return lex


@lru_cache(maxsize=8)
def get_lexicon(lang: str) -> Lexicon:
    """The shipped lexicon for ``lang`` ("fr" or "en"), loaded once per process."""
    return build_lexicon(lang if lang in ("fr", "en") else "fr")
