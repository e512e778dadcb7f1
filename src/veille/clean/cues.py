"""Line cues (``data/cues.tsv``): which lines are links, adverts, chrome or comment widgets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

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


def _compile(cues: list[Cue], indexes: list[int]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    starts, anywhere = [], []
    for index in indexes:
        cue = cues[index]
        if cue.match == "prefix":
            starts.append(f"(?P<c{index}>{re.escape(cue.pattern)}(?![^\\W_]))")
        elif cue.match == "regex" and cue.pattern.startswith("^"):
            starts.append(f"(?P<c{index}>{cue.pattern[1:]})")
        elif cue.match != "exact":
            body = cue.pattern if cue.match == "regex" else re.escape(cue.pattern)
            anywhere.append(f"(?P<c{index}>{body})")
    return (re.compile("|".join(starts)) if starts else None,
            re.compile("|".join(anywhere)) if anywhere else None)


class CueMatcher:
    """All cues of a file compiled into two regular expressions (anchored at the line start, and
    anywhere) plus a dict of exact lines, so that a line is folded once and scanned twice at most."""

    def __init__(self, cues: list[Cue]) -> None:
        self.cues = cues
        self.exact: dict[str, Cue] = {}
        for cue in cues:
            if cue.match == "exact":
                self.exact.setdefault(cue.pattern, cue)
        self._compiled: dict[frozenset[str], tuple[re.Pattern[str] | None, re.Pattern[str] | None]] = {}

    def _patterns(self, reasons: frozenset[str]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        compiled = self._compiled.get(reasons)
        if compiled is None:
            indexes = [i for i, cue in enumerate(self.cues) if cue.reason in reasons]
            compiled = self._compiled[reasons] = _compile(self.cues, indexes)
        return compiled

    def classify(self, folded: str, reasons: frozenset[str] = REASONS) -> Cue | None:
        cue = self.exact.get(folded.rstrip(" .:!"))
        if cue is not None and cue.reason in reasons:
            return cue
        anchored, free = self._patterns(reasons)
        match = anchored.match(folded) if anchored is not None else None
        if match is None and free is not None and _chrome_shaped(folded):
            match = free.search(folded)
        if match is not None and match.lastgroup is not None:
            return self.cues[int(match.lastgroup[1:])]
        return None


@lru_cache(maxsize=1)
def default_matcher() -> CueMatcher:
    path = resources.files("veille.clean") / "data" / "cues.tsv"
    return CueMatcher(parse_cues(path.read_text(encoding="utf-8"), str(Path("clean/data/cues.tsv"))))


def classify_line(line: str, reasons: frozenset[str] = REASONS) -> Cue | None:
    """The cue of one of ``reasons`` that the line matches, or None."""
    return default_matcher().classify(fold(line), reasons)
