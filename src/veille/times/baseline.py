"""A dateparser baseline for the benchmark: what an off-the-shelf date finder gets on the same texts.

dateparser is an optional benchmark dependency (``pip install veille[bench]``); it is imported inside
the function so that Veille itself never needs it.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import Any


def dateparser_baseline(text: str, published: str | None, lang: str) -> list[tuple[int, int, str]]:
    """(start, end, value) of each date dateparser's ``search_dates`` finds, relative to ``published``.

    ``search_dates`` returns strings, not offsets: each is located in the text after the previous one.
    Values are days (``YYYY-MM-DD``), or day and minute when dateparser saw a time of day.
    """
    from dateparser.search import search_dates

    settings: dict[str, Any] = {"RETURN_AS_TIMEZONE_AWARE": False}
    if published:
        with contextlib.suppress(ValueError):
            settings["RELATIVE_BASE"] = datetime.fromisoformat(published[:19])
    found = search_dates(text, languages=[lang], settings=settings) or []
    out: list[tuple[int, int, str]] = []
    pos = 0
    for surface, when in found:
        start = text.find(surface, pos)
        if start < 0:
            continue
        end = start + len(surface)
        pos = end
        value = when.strftime("%Y-%m-%dT%H:%M") if (when.hour or when.minute) else when.strftime("%Y-%m-%d")
        out.append((start, end, value))
    return out
