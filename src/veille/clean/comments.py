"""Reader comments at the foot of a scraped article: split out with author and timestamp.

The usual shape, one item per line: author, text (one or more lines), « Le 2024-10-04 15:26:57 ».
Widgets around them (« Réagir à cet article », « 4 commentaires ») are removed with their reason;
a comment thread pasted twice keeps one copy.
"""

from __future__ import annotations

import re

from veille.clean.cues import Cue
from veille.clean.metadata import parse_date
from veille.text.normalise import fold
from veille.types import Comment, Removed

_STAMP = re.compile(
    r"^(?:le |on |posted |publie le )?[\w ,/:.-]{8,40}$", re.IGNORECASE
)
_STAMP_MAX = len("publie le ") + 40  # no longer line is a stamp: most comment lines are not looked at


def _timestamp(line: str, folded: str) -> str | None:
    """The ISO timestamp if the whole line (folded: ``folded``) is a comment's date stamp."""
    if len(folded) > _STAMP_MAX or not _STAMP.match(folded):
        return None
    return parse_date(line)


_INITIAL = re.compile(r"(?:^|\s)\w\.$")


def _looks_like_author(line: str) -> bool:
    """A name or a pseudonym: a few words, no sentence punctuation (« Patrice D. » ends an initial)."""
    words = line.split()
    if not 0 < len(words) <= 5 or len(line) > 40 or line[-1] in "!?…:;,":
        return False
    return line[-1] != "." or _INITIAL.search(line) is not None


def split_comments(lines: list[str], folds: list[str],
                   cues: list[Cue | None]) -> tuple[list[Comment], list[Removed]]:
    """Comments and removed segments from the lines of a comment section (folded: ``folds``, with the cue
    of each), in order."""
    comments: list[Comment] = []
    removed: list[Removed] = []
    seen: set[tuple[str | None, str | None, str]] = set()
    pending: list[str] = []

    def flush(stamp: str | None) -> None:
        if not pending:
            return
        author = pending[0] if len(pending) > 1 and _looks_like_author(pending[0]) else None
        body = " ".join(pending[1:] if author else pending)
        key = (author, stamp, fold(body))
        if key in seen:
            removed.append(Removed("\n".join(pending), "repeated", "comment_repeat"))
        else:
            seen.add(key)
            comments.append(Comment(author, stamp, body))
        pending.clear()

    for line, folded, cue in zip(lines, folds, cues, strict=True):
        stamp = _timestamp(line, folded)
        if stamp and pending:
            flush(stamp)
            continue
        if cue is not None:
            _drop_orphans(pending, removed)
            removed.append(Removed(line, cue.reason, cue.rule))
            continue
        pending.append(line)
    _drop_orphans(pending, removed)
    return comments, removed


def _drop_orphans(pending: list[str], removed: list[Removed]) -> None:
    """Lines of the comment section that belong to no dated comment: kept as removed, not lost."""
    for line in pending:
        removed.append(Removed(line, "comment_widget", "comment_section"))
    pending.clear()
