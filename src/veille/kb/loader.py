"""Read and validate the knowledge-base data files.

Every file is UTF-8 TSV with a header row; ``#`` starts a comment line; alias lists are
``|``-separated and an alias may carry flags, ``Washington[x]`` (see ``ALIAS_FLAGS``). The kind of a
file is given by its name: ``countries*.tsv``, ``people*.tsv``, ``organisations*.tsv``,
``ambiguous*.tsv``, ``first_names*.tsv``, ``cues*.tsv``, ``stopwords*.tsv``, ``successions*.tsv``. Users add their own with
``--kb DIR``; every problem is reported as a :class:`KBError` naming the file, the line and the fix.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path

from veille.kb.forms import combining_forms, french_demonym_forms, slugify
from veille.kb.model import ALIAS_FLAGS, Alias, KnowledgeBase, Role
from veille.types import EntityRecord

DATA_DIR = Path(__file__).parent / "data"

HEADERS: dict[str, tuple[str, ...]] = {
    "countries": ("id", "name", "names_fr", "names_en", "demonyms_fr", "demonyms_en",
                  "metonyms_fr", "metonyms_en", "combining_fr"),
    "people": ("id", "name", "country", "names_fr", "names_en", "short", "roles"),
    "organisations": ("id", "name", "kind", "country", "names_fr", "names_en"),
    "ambiguous": ("alias", "lang", "class", "candidates", "default"),
    "nonentities": ("alias", "lang"),
    "first_names": ("name",),
    "cues": ("word", "lang", "kind"),
    "stopwords": ("word",),
    "successions": ("successor", "predecessor", "from", "until"),
}
# Load order matters: people and organisations refer to countries, ambiguous aliases to anything.
ORDER = ("countries", "people", "organisations", "ambiguous", "nonentities", "first_names", "cues", "stopwords",
         "successions")

ORG_KINDS = frozenset({
    "un-body", "intergovernmental", "alliance", "eu-institution", "news-agency", "media", "parliament",
    "government", "ministry", "armed-forces", "intelligence", "research", "ngo", "party", "court",
    "company", "armed-group", "sport", "religious",
})

AMBIGUOUS_CLASSES = ("country", "demonym", "metonym", "combining", "short", "person", "organisation")
COUNTRY_ID = re.compile(r"^[A-Z]{3}$")
SLUG_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
ROLE = re.compile(rf"^([a-z][a-z-]*):({DATE})?\.\.({DATE})?$")
ALIAS = re.compile(r"^([^\[\]]+?)(?:\[([a-z,]+)\])?$")


class KBError(ValueError):
    """A data file is wrong; the message says where (file:line) and what to fix."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {message}")
        self.path = str(path)
        self.line = line


def _rows(path: Path, kind: str) -> Iterator[tuple[int, list[str]]]:
    header = HEADERS[kind]
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as e:
        raise KBError(path, None, f"not UTF-8 ({e.reason}); save the file as UTF-8") from e
    seen_header = False
    for n, raw in enumerate(lines, 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in raw.split("\t")]
        if not seen_header:
            if tuple(cols) != header:
                raise KBError(path, n, f"header must be the tab-separated columns: {' '.join(header)}")
            seen_header = True
            continue
        if len(cols) != len(header):
            raise KBError(path, n, f"{len(cols)} tab-separated columns, expected {len(header)} "
                                   f"({' '.join(header)}); an empty column is an empty string between tabs")
        yield n, cols
    if not seen_header:
        raise KBError(path, None, f"empty file: it needs the header row {' '.join(header)}")


def _aliases(path: Path, n: int, cell: str) -> list[tuple[str, frozenset[str]]]:
    out = []
    for part in cell.split("|"):
        part = part.strip()
        if not part:
            continue
        m = ALIAS.match(part)
        if not m:
            raise KBError(path, n, f"bad alias {part!r}: write Name or Name[flag,flag]")
        flags = frozenset(f for f in (m.group(2) or "").split(",") if f)
        bad = flags - ALIAS_FLAGS
        if bad:
            raise KBError(path, n, f"unknown flag(s) {sorted(bad)} on {part!r}; known: {sorted(ALIAS_FLAGS)}")
        out.append((m.group(1).strip(), flags))
    return out


def _roles(path: Path, n: int, cell: str) -> tuple[Role, ...]:
    roles = []
    for part in cell.split(";"):
        part = part.strip()
        if not part:
            continue
        m = ROLE.match(part)
        if not m:
            raise KBError(path, n, f"bad role {part!r}: write role:START..END with dates YYYY[-MM[-DD]], "
                                   "either end may be empty (president:2000-05-07..2008-05-07)")
        start, end = m.group(2), m.group(3)
        if start and end and end[: len(start)] < start[: len(end)]:
            raise KBError(path, n, f"bad date range in {part!r}: it ends before it starts")
        roles.append(Role(m.group(1), start, end))
    return tuple(roles)


class _Builder:
    def __init__(self) -> None:
        self.kb = KnowledgeBase()
        self.where: dict[str, str] = {}
        self.first_names: set[str] = set()
        self.stopwords: set[str] = set()
        self.cues: list[tuple[str, str, str]] = []

    def _add_record(self, path: Path, n: int, rec: EntityRecord) -> None:
        if rec.id in self.where:
            raise KBError(path, n, f"duplicate id {rec.id!r} (first defined at {self.where[rec.id]}); "
                                   "merge the two lines or give one another id")
        self.where[rec.id] = f"{path.name}:{n}"
        self.kb.records[rec.id] = rec

    def _alias(self, path: Path, n: int, text: str, lang: str, cls: str, eid: str,
               flags: frozenset[str]) -> None:
        # An entity that needs corroboration has no default: unsupported, the mention is dropped.
        default = None if "ctx" in flags else eid
        self.kb.aliases.append(Alias(text, lang, cls, (eid,), default, flags, f"{path.name}:{n}"))

    def _canonical(self, path: Path, n: int, name: str, cls: str, eid: str, cells: tuple[str, ...]) -> None:
        """The canonical name is an alias too, unless a name column lists it (maybe with flags:
        « Jordan[x] » must not be undone by a flagless copy)."""
        listed = {text for cell in cells for text, _ in _aliases(path, n, cell)}
        if name not in listed:
            self._alias(path, n, name, "en", cls, eid, frozenset())

    def _country_ref(self, path: Path, n: int, code: str, what: str) -> str | None:
        if not code:
            return None
        rec = self.kb.records.get(code)
        if rec is None or rec.kind != "country":
            raise KBError(path, n, f"unknown country code {code!r} in {what}: use an id of countries.tsv "
                                   "(ISO 3166-1 alpha-3, e.g. RUS, or SUN for the Soviet Union)")
        return code

    def _id(self, path: Path, n: int, given: str, name: str, pattern: re.Pattern[str], hint: str) -> str:
        eid = given or slugify(name)
        if not pattern.match(eid):
            raise KBError(path, n, f"bad id {eid!r}: {hint}")
        if not name:
            raise KBError(path, n, "empty name: give the canonical English name")
        return eid

    def countries(self, path: Path) -> None:
        for n, (cid, name, fr, en, dfr, den, mfr, men, comb) in _rows(path, "countries"):
            cid = self._id(path, n, cid, name, COUNTRY_ID, "a country id is its ISO 3166-1 alpha-3 code (RUS)")
            self._add_record(path, n, EntityRecord(id=cid, kind="country", name=name, country=cid))
            self._canonical(path, n, name, "country", cid, (fr, en, mfr, men))
            for cell, lang, cls in ((fr, "fr", "country"), (en, "en", "country"),
                                    (mfr, "fr", "metonym"), (men, "en", "metonym")):
                for text, flags in _aliases(path, n, cell):
                    self._alias(path, n, text, lang, cls, cid, flags)
            for text, flags in _aliases(path, n, dfr):
                for form in french_demonym_forms(text):
                    self._alias(path, n, form, "fr", "demonym", cid, flags)
            for text, flags in _aliases(path, n, den):
                self._alias(path, n, text, "en", "demonym", cid, flags)
            for text, flags in _aliases(path, n, comb):
                self._alias(path, n, combining_forms(text), "fr", "combining", cid, flags)

    def people(self, path: Path) -> None:
        for n, (pid, name, country, fr, en, short, roles) in _rows(path, "people"):
            pid = self._id(path, n, pid, name, SLUG_ID, "a person id is the slug of the English name")
            ctry = self._country_ref(path, n, country, "column country")
            parsed = _roles(path, n, roles)
            self._add_record(path, n, EntityRecord(id=pid, kind="person", name=name, country=ctry,
                                                   roles=[str(r) for r in parsed]))
            self.kb.roles[pid] = parsed
            self._canonical(path, n, name, "person", pid, (fr, en))
            for cell, lang in ((fr, "fr"), (en, "en")):
                for text, flags in _aliases(path, n, cell):
                    self._alias(path, n, text, lang, "person", pid, flags)
            for text, flags in _aliases(path, n, short):
                self._alias(path, n, text, "any", "short", pid, flags)

    def organisations(self, path: Path) -> None:
        for n, (oid, name, kind, country, fr, en) in _rows(path, "organisations"):
            oid = self._id(path, n, oid, name, SLUG_ID, "an organisation id is the slug of the English name")
            if kind not in ORG_KINDS:
                raise KBError(path, n, f"unknown organisation kind {kind!r}; use one of {sorted(ORG_KINDS)}")
            ctry = self._country_ref(path, n, country, "column country")
            self._add_record(path, n, EntityRecord(id=oid, kind="organisation", name=name, country=ctry,
                                                   roles=[kind]))
            self._canonical(path, n, name, "organisation", oid, (fr, en))
            for cell, lang in ((fr, "fr"), (en, "en")):
                for text, flags in _aliases(path, n, cell):
                    self._alias(path, n, text, lang, "organisation", oid, flags)

    def ambiguous(self, path: Path) -> None:
        for n, (alias, lang, cls, cands, default) in _rows(path, "ambiguous"):
            if lang not in ("fr", "en", "any"):
                raise KBError(path, n, f"bad lang {lang!r}: fr, en or any")
            if cls not in AMBIGUOUS_CLASSES:
                raise KBError(path, n, f"bad class {cls!r}: one of {', '.join(AMBIGUOUS_CLASSES)}")
            ids = tuple(c.strip() for c in cands.split("|") if c.strip())
            if len(ids) < 2:
                raise KBError(path, n, "an ambiguous alias needs two or more candidate ids separated by |")
            for c in (*ids, *([default] if default else [])):
                if c not in self.kb.records:
                    raise KBError(path, n, f"unknown id {c!r}: define it in countries/people/organisations first")
            if default and default not in ids:
                raise KBError(path, n, f"default {default!r} is not one of the candidates")
            for text, flags in _aliases(path, n, alias):
                if cls == "demonym" and lang == "fr":
                    forms = french_demonym_forms(text)
                else:
                    forms = [combining_forms(text) if cls == "combining" else text]
                for form in forms:
                    self.kb.aliases.append(Alias(form, lang, cls, ids, default or None, flags, f"{path.name}:{n}"))

    def nonentities(self, path: Path) -> None:
        for n, (alias, lang) in _rows(path, "nonentities"):
            if lang not in ("fr", "en", "any"):
                raise KBError(path, n, f"bad lang {lang!r}: fr, en or any")
            for text, flags in _aliases(path, n, alias):
                self.kb.aliases.append(Alias(text, lang, "block", (), None, flags, f"{path.name}:{n}"))

    def first_names_(self, path: Path) -> None:
        for _, (name,) in _rows(path, "first_names"):
            self.first_names.add(name)

    def cues_(self, path: Path) -> None:
        for n, (word, lang, kind) in _rows(path, "cues"):
            if kind not in ("title", "org") or lang not in ("fr", "en", "any"):
                raise KBError(path, n, "kind must be title or org, lang fr, en or any")
            self.cues.append((word, lang, kind))

    def stopwords_(self, path: Path) -> None:
        for _, (word,) in _rows(path, "stopwords"):
            self.stopwords.add(word)

    def successions(self, path: Path) -> None:
        for n, (successor, predecessor, start, until) in _rows(path, "successions"):
            for code, what in ((successor, "successor"), (predecessor, "predecessor")):
                if self._country_ref(path, n, code, f"column {what}") is None:
                    raise KBError(path, n, f"column {what} is empty: give the ISO alpha-3 id of a country")
            try:
                first, stop = date.fromisoformat(start).toordinal(), date.fromisoformat(until).toordinal()
            except ValueError:
                raise KBError(path, n, f"dates {start!r}, {until!r}: write them YYYY-MM-DD") from None
            if first >= stop:
                raise KBError(path, n, f"'from' ({start}) must come before 'until' ({until})")
            self.kb.successions.setdefault(successor, []).append((first, stop, predecessor))

    def finish(self) -> KnowledgeBase:
        self.kb.first_names = frozenset(self.first_names)
        self.kb.stopwords = frozenset(self.stopwords)
        self.kb.cues = tuple(self.cues)
        return self.kb


def _kind_of(path: Path) -> str:
    for kind in ORDER:
        if path.name.startswith(kind):
            return kind
    raise KBError(path, None, f"unknown data file: its name must start with one of {', '.join(ORDER)}")


def build_kb(dirs: Sequence[Path]) -> KnowledgeBase:
    """Load every ``*.tsv`` of ``dirs``, kind by kind so that cross-references resolve."""
    files: list[Path] = []
    for d in dirs:
        if not d.is_dir():
            raise KBError(d, None, "not a directory: --kb takes a folder of .tsv files")
        files.extend(sorted(d.glob("*.tsv")))
    b = _Builder()
    loaders: dict[str, Callable[[Path], None]] = {
        "countries": b.countries, "people": b.people, "organisations": b.organisations,
        "ambiguous": b.ambiguous, "nonentities": b.nonentities, "first_names": b.first_names_, "cues": b.cues_, "stopwords": b.stopwords_,
        "successions": b.successions,
    }
    kinds = [(_kind_of(f), f) for f in files]
    for kind in ORDER:
        for k, f in kinds:
            if k == kind:
                loaders[kind](f)
    return b.finish()


@lru_cache(maxsize=8)
def _cached(dirs: tuple[Path, ...]) -> KnowledgeBase:
    return build_kb(dirs)


def load_kb(extra_dirs: Sequence[Path] = ()) -> KnowledgeBase:
    """The shipped knowledge base plus the users' folders (``--kb DIR``), loaded once per process."""
    dirs = (DATA_DIR, *(Path(d).resolve() for d in extra_dirs))
    return _cached(dirs)
