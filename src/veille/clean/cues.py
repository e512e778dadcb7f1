"""Line cues (``data/cues.tsv``): which lines are links, adverts, chrome or comment widgets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import ahocorasick

from veille.clean.prefilter import literal_prefixes
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


def _anchored(cues: list[Cue], indexes: list[int]) -> re.Pattern[str] | None:
    starts = []
    for index in indexes:
        cue = cues[index]
        if cue.match == "prefix":
            starts.append(f"(?P<c{index}>{re.escape(cue.pattern)}(?![^\\W_]))")
        elif cue.match == "regex" and cue.pattern.startswith("^"):
            starts.append(f"(?P<c{index}>{cue.pattern[1:]})")
    return re.compile("|".join(starts)) if starts else None


class CueMatcher:
    """The cues of a file, compiled for speed: a dict of exact lines, one alternation of the cues
    anchored at the line start, and an Aho-Corasick prefilter (literal prefixes) in front of the cues
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
        if by_prefix:
            self.automaton.make_automaton()
        self._anchored: dict[frozenset[str], re.Pattern[str] | None] = {}

    def _anchored_for(self, reasons: frozenset[str]) -> re.Pattern[str] | None:
        if reasons not in self._anchored:
            indexes = [i for i, cue in enumerate(self.cues) if cue.reason in reasons]
            self._anchored[reasons] = _anchored(self.cues, indexes)
        return self._anchored[reasons]

    def _free_match(self, folded: str, reasons: frozenset[str]) -> Cue | None:
        candidates = set(self.always)
        if self.automaton.kind == ahocorasick.AHOCORASICK:
            for _, indexes in self.automaton.iter(folded):
                candidates.update(indexes)
        for index in sorted(candidates):  # file order: the first cue listed wins
            cue = self.cues[index]
            if cue.reason in reasons and self.free[index].search(folded):
                return cue
        return None

    def classify(self, folded: str, reasons: frozenset[str] = REASONS) -> Cue | None:
        cue = self.exact.get(folded.rstrip(" .:!"))
        if cue is not None and cue.reason in reasons:
            return cue
        anchored = self._anchored_for(reasons)
        match = anchored.match(folded) if anchored is not None else None
        if match is not None and match.lastgroup is not None:
            return self.cues[int(match.lastgroup[1:])]
        return self._free_match(folded, reasons) if _chrome_shaped(folded) else None


@lru_cache(maxsize=1)
def default_matcher() -> CueMatcher:
    path = resources.files("veille.clean") / "data" / "cues.tsv"
    return CueMatcher(parse_cues(path.read_text(encoding="utf-8"), str(Path("clean/data/cues.tsv"))))


def classify_line(line: str, reasons: frozenset[str] = REASONS) -> Cue | None:
    """The cue of one of ``reasons`` that the line matches, or None."""
    return default_matcher().classify(fold(line), reasons)
