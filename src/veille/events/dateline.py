"""Datelines: « SÉOUL, 24 octobre 2024 (AFP) - … », "BEIJING, Oct 3 (Reuters) — …".

The date of a wire story's dateline is when the story was filed, not when anything in its first
sentence happened; a fact dated by it would contradict every source that dates the fact itself.
"""

from __future__ import annotations

import re

from veille.types import TimeRef

# the place in capitals at the start of a paragraph, then a comma: « SÉOUL, », "NEW YORK, "
_PLACE = re.compile(r"(?:^|\n)[ \t]*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ' .\-/]{1,40},[ \t]*$")
# after the date: an optional agency in brackets, then a dash
_AGENCY_DASH = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?[-–—]")


def is_dateline(text: str, time: TimeRef) -> bool:
    before = text[max(0, time.start - 48) : time.start]
    return bool(_PLACE.search(before if time.start >= 48 else "\n" + before)) and bool(
        _AGENCY_DASH.match(text, time.end))
