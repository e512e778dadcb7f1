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


@lru_cache(maxsize=1)
def default_cues() -> tuple[Cue, ...]:
    path = resources.files("veille.clean") / "data" / "cues.tsv"
    return tuple(parse_cues(path.read_text(encoding="utf-8"), str(Path("clean/data/cues.tsv"))))


def classify_line(line: str, reasons: frozenset[str] = REASONS) -> Cue | None:
    """The first cue of one of ``reasons`` that the line matches, or None."""
    folded = fold(line)
    for cue in default_cues():
        if cue.reason in reasons and cue.hits(folded):
            return cue
    return None
