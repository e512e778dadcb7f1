"""Title and by-line metadata as scrapers leave them at the top of a text.

« Titre : X - Site », « > SITE > - Rubrique | Par Jeanne Martin | Publié le 04/10/2024 02:10:00 »,
« By John Smith | Published October 4, 2024 ».
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from veille.text.normalise import fold

_TITLE_PREFIX = re.compile(r"^\s*(titre|title|headline)\s*:\s*", re.IGNORECASE)
_SUFFIX = re.compile(r"^(?P<title>.+?)\s+[-–—|]\s+(?P<site>[^-–—|:]{2,40})$")

_MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12, "january": 1, "february": 2,
    "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8, "september": 9,
    "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_TIME = r"(?:\s*(?:a|à|at|,|-)?\s*(?P<h>\d{1,2})\s*(?:h|:)\s*(?P<mi>\d{2})(?:\s*(?::|min)\s*(?P<s>\d{2}))?)?"
_YEAR = re.compile(r"\d{4}")
_DATE_FORMS = (
    re.compile(r"(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})" + _TIME),
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?)?"),
    re.compile(r"(?P<d>\d{1,2})(?:er)?\s+(?P<mon>[a-z]{3,9})\.?\s+(?P<y>\d{4})" + _TIME),
    re.compile(r"(?P<mon>[a-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})" + _TIME),
)


def parse_date(text: str) -> str | None:
    """An ISO 8601 date or datetime from a by-line date; no time zone is invented."""
    folded = fold(text)
    if not _YEAR.search(folded):  # every form has one: most lines are over in one scan
        return None
    for form in _DATE_FORMS:
        match = form.search(folded)
        if not match:
            continue
        parts = match.groupdict()
        month = int(parts["m"]) if parts.get("m") else _MONTHS.get(parts.get("mon") or "", 0)
        year, day = int(parts["y"]), int(parts["d"])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        value = f"{year:04d}-{month:02d}-{day:02d}"
        if parts.get("h") and parts.get("mi"):
            value += f"T{int(parts['h']):02d}:{parts['mi']}:{parts.get('s') or '00'}"
        return value
    return None


@dataclass(slots=True)
class Byline:
    site: str | None = None
    section: str | None = None
    author: str | None = None
    published: str | None = None
    rule: str = ""


_AUTHOR = re.compile(r"^(?:par|by|de|auteur\s*:|author\s*:)\s+(?P<name>[^|,;]{3,60}?)\s*$", re.IGNORECASE)
_PIPE = re.compile(r"\s*\|\s*")
_PUBLISHED = re.compile(r"^(?:publi[ée]|published|posted|mis en ligne|date)\b", re.IGNORECASE)


def parse_byline(line: str) -> Byline | None:
    """Read a breadcrumb / by-line; None when the line is not one (it must carry a date or an author)."""
    stripped = line.strip()
    author: str | None = None
    published: str | None = None
    others: list[str] = []
    for piece in _PIPE.split(stripped) if "|" in stripped else (stripped,):
        part = piece.strip(" >-–—")
        if not part:
            continue
        match = _AUTHOR.match(part)
        if match and not author and not any(ch.isdigit() for ch in match.group("name")):
            author = match.group("name").strip()
        elif _PUBLISHED.match(part):
            published = published or parse_date(part)
        elif len(part) < 40 and (date := parse_date(part)):
            published = published or date
        else:
            others.append(part)
    if not (author or published):
        return None  # most lines: no Byline is built
    crumbs = [c.strip(" -–—") for part in others for c in part.split(">") if c.strip(" -–—")]
    if len(crumbs) > 4 or any(len(c.split()) > 5 for c in crumbs):
        return None  # prose that happens to mention a date, not a by-line
    site, section = (crumbs[0], crumbs[-1] if len(crumbs) > 1 else None) if crumbs else (None, None)
    return Byline(site, section, author, published, "byline")


def strip_title(line: str, site_hints: list[str]) -> tuple[str, str | None, bool]:
    """The title without a « Titre : » prefix or a trailing site name; returns (title, site, had_prefix).

    A trailing « - Name » is taken as the site only when something else in the document names the
    same site (a by-line, a copyright line, a domain), since titles legitimately contain dashes.
    """
    title = line.strip()
    prefix = _TITLE_PREFIX.match(title)
    if prefix:
        title = title[prefix.end():]
    match = _SUFFIX.match(title)
    if match:
        site = match.group("site").strip()
        key = re.sub(r"[^a-z0-9]", "", fold(site))
        if key and any(key in re.sub(r"[^a-z0-9]", "", fold(hint)) for hint in site_hints):
            return match.group("title").strip(), site, bool(prefix)
    return title, None, bool(prefix)


_CRUMB_SPLIT = re.compile(r"\s+[>/»›|]\s+")
_HOME = frozenset({"accueil", "home", "une", "a la une"})


def breadcrumb_site(line: str) -> str | None:
    """The site a breadcrumb starts from (« Géopolitique Ouverte > Analyses »), unless it is « Accueil »."""
    crumbs = [c.strip(" >-–—") for c in _CRUMB_SPLIT.split(line.strip()) if c.strip(" >-–—")]
    if len(crumbs) < 2 or fold(crumbs[0]) in _HOME:
        return None
    return crumbs[0]
