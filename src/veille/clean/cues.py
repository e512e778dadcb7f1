"""Line cues (``data/cues.tsv``): which lines are links, adverts, chrome or comment widgets."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import ahocorasick

from veille.clean.prefilter import ANY_DIGIT, first_chars, literal_prefixes, required_literals
from veille.errors import VeilleError
from veille.text.normalise import fold

REASONS = frozenset({"related_link", "advert", "boilerplate", "comment_widget", "metadata"})
_MATCHES = frozenset({"prefix", "exact", "contains", "regex"})


@dataclass(slots=True, frozen=True)
class Cue:
    reason: str
    match: str
    lang: str
    pattern: str
    regex: re.Pattern[str] | None

    @property
    def rule(self) -> str:
        return f"cue:{self.reason}:{self.pattern}"

    def hits(self, folded: str) -> bool:
        if self.regex is not None:
            return self.regex.search(folded) is not None
        if self.match == "exact":
            return folded.rstrip(" .:!") == self.pattern
        if self.match == "prefix":
            return folded.startswith(self.pattern) and (
                len(folded) == len(self.pattern) or not folded[len(self.pattern)].isalnum()
            )
        return self.pattern in folded


class CueFileError(VeilleError):
    pass


def parse_cues(text: str, origin: str) -> list[Cue]:
    cues: list[Cue] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 4:
            raise CueFileError(f"{origin}:{number}: expected 4 tab-separated columns "
                               f"(reason, match, lang, pattern), found {len(parts)}")
        reason, match, lang, pattern = parts
        if reason not in REASONS:
            raise CueFileError(f"{origin}:{number}: unknown reason '{reason}'; use one of {sorted(REASONS)}")
        if match not in _MATCHES:
            raise CueFileError(f"{origin}:{number}: unknown match '{match}'; use one of {sorted(_MATCHES)}")
        try:
            regex = re.compile(pattern) if match == "regex" else None
        except re.error as exc:
            raise CueFileError(f"{origin}:{number}: bad regular expression ({exc})") from None
        cues.append(Cue(reason, match, lang, pattern if regex else fold(pattern), regex))
    return cues


# Chrome, links and adverts are short lines; body paragraphs are long sentences. Cues that may match
# anywhere in a line are only tried on short lines, or on mid-length lines without a sentence's final
# punctuation: a paragraph that merely mentions « newsletter » stays, and the scan (a long alternation)
# stays cheap. Cues anchored at the start of the line always apply.
MAX_FREE_CUE_LINE = 160
MAX_UNPUNCTUATED_LINE = 320


def _chrome_shaped(folded: str) -> bool:
    size = len(folded)
    return size <= MAX_FREE_CUE_LINE or (size <= MAX_UNPUNCTUATED_LINE and folded[-1] not in '.!?"')


def _anchored_source(cue: Cue) -> str | None:
    """The cue as a pattern matched at the start of the line, or None for a cue that may match anywhere."""
    if cue.match == "prefix":
        return f"{re.escape(cue.pattern)}(?![^\\W_])"
    if cue.match == "regex" and cue.pattern.startswith("^"):
        return cue.pattern[1:]
    return None


@dataclass(slots=True, frozen=True)
class _Alternation:
    regex: re.Pattern[str]
    # Strings one of which every match starts with (None: unknown): str.startswith with them is much
    # cheaper than a call of the pattern, and most lines start with none.
    starts: tuple[str, ...] | None


def _alternation(cues: list[Cue], indexes: list[int]) -> _Alternation | None:
    """One pattern for the anchored cues ``indexes``; the first listed that matches names the group."""
    sources = {index: _anchored_source(cues[index]) or "" for index in sorted(indexes)}
    if not sources:
        return None
    regex = re.compile("|".join(f"(?P<c{index}>{source})" for index, source in sources.items()))
    starts: set[str] = set()
    for source in sources.values():
        prefixes = literal_prefixes(source, minimum=1)
        if prefixes is None:
            return _Alternation(regex, None)
        starts |= prefixes
    return _Alternation(regex, tuple(sorted(starts)))


@dataclass(slots=True, frozen=True)
class _Guarded:
    index: int
    literals: tuple[str, ...]  # one of which every match contains
    required: re.Pattern[str]  # the same literals, as one pattern
    regex: re.Pattern[str]


@dataclass(slots=True)
class _Plan:
    """The cues of one set of reasons, arranged so that a line tries only those that could match."""

    exact: dict[str, Cue]
    # Anchored cues by the first character of their matches (those with an unknown one are in every
    # alternation); ``other_first`` serves lines starting with any other character.
    by_first: dict[str, _Alternation | None]
    other_first: _Alternation | None
    # Anchored cues with an unknown first character but a literal every match contains (a breadcrumb's
    # « > »): tried one by one, in file order, only when the literal is in the line.
    guarded: list[_Guarded]
    free: frozenset[int]
    always: list[int]


class CueMatcher:
    """The cues of a file, compiled for speed: a dict of exact lines, the cues anchored at the line start
    grouped by their first character, and an Aho-Corasick prefilter (literal prefixes) in front of the cues
    that may match anywhere, so that a line is folded once and only plausible cues are tried."""

    def __init__(self, cues: list[Cue]) -> None:
        self.cues = cues
        self.exact: dict[str, Cue] = {}
        self.free: dict[int, re.Pattern[str]] = {}
        self.always: list[int] = []  # free cues without a literal prefix: tried on every short line
        self.automaton = ahocorasick.Automaton()
        by_prefix: dict[str, list[int]] = {}
        for index, cue in enumerate(cues):
            if cue.match == "exact":
                self.exact.setdefault(cue.pattern, cue)
            elif cue.match == "contains" or (cue.match == "regex" and not cue.pattern.startswith("^")):
                source = cue.pattern if cue.match == "regex" else re.escape(cue.pattern)
                self.free[index] = re.compile(source)
                prefixes = literal_prefixes(source)
                if prefixes is None:
                    self.always.append(index)
                for prefix in prefixes or ():
                    by_prefix.setdefault(prefix, []).append(index)
        for prefix, indexes in by_prefix.items():
            self.automaton.add_word(prefix, tuple(indexes))
        self._scan = self.automaton.iter if by_prefix else None
        if by_prefix:
            self.automaton.make_automaton()
        self._plans: dict[frozenset[str], _Plan] = {}

    def _plan(self, reasons: frozenset[str]) -> _Plan:
        plan = self._plans.get(reasons)
        if plan is None:
            plan = self._plans[reasons] = self._make_plan(reasons)
        return plan

    def _make_plan(self, reasons: frozenset[str]) -> _Plan:
        firsts: dict[int, frozenset[str]] = {}
        unknown: list[int] = []
        guarded: list[_Guarded] = []
        for index, cue in enumerate(self.cues):
            source = _anchored_source(cue)
            if source is None or cue.reason not in reasons:
                continue
            chars = first_chars(source)
            required = None if chars else required_literals(source)
            if chars:
                firsts[index] = chars
            elif required:
                literals = tuple(sorted(required))
                guarded.append(_Guarded(index, literals, re.compile("|".join(map(re.escape, literals))),
                                        re.compile(source)))
            else:
                unknown.append(index)
        # Cues led by a digit are grouped under the ASCII digits and also tried on lines that start with
        # any other character str.isdecimal accepts.
        digit_led = {index for index, chars in firsts.items() if ANY_DIGIT in chars}
        groups: dict[str, set[int]] = {digit: set(digit_led) for digit in "0123456789" if digit_led}
        for index, chars in firsts.items():
            for char in chars - {ANY_DIGIT}:
                groups.setdefault(char, set(digit_led) if char.isdecimal() else set()).add(index)
        compiled: dict[frozenset[int], _Alternation | None] = {}
        by_first = {}
        for char, indexes in groups.items():
            key = frozenset(indexes | set(unknown))
            if key not in compiled:
                compiled[key] = _alternation(self.cues, list(key))
            by_first[char] = compiled[key]
        return _Plan(
            exact={pattern: cue for pattern, cue in self.exact.items() if cue.reason in reasons},
            by_first=by_first, other_first=_alternation(self.cues, unknown + sorted(digit_led)), guarded=guarded,
            free=frozenset(i for i in self.free if self.cues[i].reason in reasons),
            always=[i for i in self.always if self.cues[i].reason in reasons],
        )

    def _free_match(self, folded: str, reasons: frozenset[str]) -> Cue | None:
        return self._free(folded, self._plan(reasons))

    def _free(self, folded: str, plan: _Plan) -> Cue | None:
        candidates: Iterable[int] = plan.always
        if self._scan is not None:
            hits = [indexes for _, indexes in self._scan(folded)]
            if hits:
                candidates = set(plan.always).union(*hits)
            elif not candidates:  # most lines
                return None
        for index in sorted(candidates):  # file order: the first cue listed wins
            if index in plan.free and self.free[index].search(folded):
                return self.cues[index]
        return None

    def classify(self, folded: str, reasons: frozenset[str] = REASONS) -> Cue | None:
        plan = self._plans.get(reasons) or self._plan(reasons)
        return self._classify(folded, plan, plan.guarded)

    def classify_lines(self, folds: list[str], reasons: frozenset[str] = REASONS) -> list[Cue | None]:
        """``classify`` of each folded line of a text. The literals that guard some cues are looked for in
        the whole text first: most texts have none, and then no line tries those cues."""
        plan = self._plans.get(reasons) or self._plan(reasons)
        guarded = plan.guarded
        if guarded:
            text = "\n".join(folds)
            guarded = [entry for entry in guarded if any(literal in text for literal in entry.literals)]
        return [self._classify(folded, plan, guarded) for folded in folds]

    def _classify(self, folded: str, plan: _Plan, guarded: list[_Guarded]) -> Cue | None:
        cue = plan.exact.get(folded.rstrip(" .:!"))
        if cue is not None:
            return cue
        anchored = plan.by_first.get(folded[:1], plan.other_first)
        match = (anchored.regex.match(folded) if anchored is not None
                 and (anchored.starts is None or folded.startswith(anchored.starts)) else None)
        best = int(match.lastgroup[1:]) if match is not None and match.lastgroup is not None else None
        for entry in guarded:
            if best is not None and entry.index > best:
                break
            if entry.required.search(folded) and entry.regex.match(folded):
                return self.cues[entry.index]
        if best is not None:
            return self.cues[best]
        return self._free(folded, plan) if plan.free and _chrome_shaped(folded) else None


@lru_cache(maxsize=1)
def default_matcher() -> CueMatcher:
    path = resources.files("veille.clean") / "data" / "cues.tsv"
    return CueMatcher(parse_cues(path.read_text(encoding="utf-8"), str(Path("clean/data/cues.tsv"))))

