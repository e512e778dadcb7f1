"""Readers: files and folders in, raw documents with their provenance out.

Each reader yields either a ``RawDocument`` or a ``Failure`` that names the file (and line) and
what to do, so that one bad input never stops the others.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from veille.errors import SourceError
from veille.sources.decode import decode_bytes
from veille.types import Comment, Failure, Removed

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(slots=True)
class RawDocument:
    """One article as read, before cleaning. ``text`` is plain text; metadata fields may be None."""

    id: str
    source: str
    text: str
    format: str
    title: str | None = None
    url: str | None = None
    site: str | None = None
    author: str | None = None
    published: str | None = None
    published_rule: str | None = None
    language: str | None = None
    clean: bool = True
    comments: list[Comment] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    # What the reader already knows of the structure (HTML markup): heading lines, removed segments.
    headings: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)


def content_id(data: bytes) -> str:
    """A stable id from the source bytes: the same input always gets the same id."""
    return hashlib.blake2b(data, digest_size=8).hexdigest()


def discover(paths: Iterable[str | Path]) -> Iterator[Path | Failure]:
    """Files to read, in a stable order; folders are walked recursively for supported files."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUPPORTED and not child.name.startswith("."):
                    yield child
        elif path.is_file():
            if path.suffix.lower() in SUPPORTED:
                yield path
            else:
                yield Failure(str(path), f"unsupported file type '{path.suffix or '(none)'}': "
                              "give .txt, .html/.htm or .jsonl files (or rename the file)")
        else:
            yield Failure(str(path), "no such file or folder: check the path")


def read_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | Failure]:
    """Read one file into raw documents (one, or one per line for JSONL)."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield Failure(source, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit: "
                          "split it, or raise the limit with --max-bytes")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(source, f"cannot read the file ({exc.strerror or exc}): check its permissions")
        return
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(data, source)
        elif suffix in HTML_SUFFIXES:
            yield from_html(data, source)
        else:
            yield from_text(data, source)
    except SourceError as exc:
        yield Failure(source, exc.reason, exc.line)


def from_text(data: bytes, source: str) -> RawDocument:
    text, flags = decode_bytes(data)
    if not text.strip():
        raise SourceError("the file is empty (or only white space): nothing to analyse")
    return RawDocument(id=content_id(data), source=source, text=text, format="text", flags=flags)


def from_html(data: bytes, source: str, url: str | None = None) -> RawDocument:
    from veille.sources.html import extract_html

    doc = extract_html(data, source)
    comments = [Comment(author, published, text) for author, published, text in doc.comments]
    return RawDocument(
        id=content_id(data), source=source, text=doc.text, format="html", title=doc.title,
        url=url or doc.url, site=doc.site, author=doc.author, published=doc.published,
        published_rule=doc.published_rule, language=doc.language, comments=comments,
        headings=[b.text for b in doc.blocks if b.kind == "heading"],
        removed=[Removed(text, _HTML_REASONS.get(reason, "boilerplate"), f"html:{reason}")
                 for text, reason in doc.removed],
    )


# The HTML reader's own removals, in the reasons the rest of Veille uses.
_HTML_REASONS = {"title": "repeated", "byline": "metadata", "caption": "boilerplate"}


_JSONL_FIELDS = ("title", "url", "site", "author", "published", "language")


def read_jsonl(data: bytes, source: str) -> Iterator[RawDocument | Failure]:
    """One article per line: ``text`` or ``html``, with optional url, title, published, site, author."""
    text, _ = decode_bytes(data, allow_binary_check=False)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield _jsonl_record(line, source, number)
        except SourceError as exc:
            yield Failure(source, exc.reason, number)


def _jsonl_record(line: str, source: str, number: int) -> RawDocument:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise SourceError(f"not valid JSON ({exc.msg} at column {exc.colno}): fix or remove the line") from None
    if not isinstance(record, dict):
        raise SourceError("a line must be a JSON object with a 'text' or 'html' field")
    body, html = record.get("text"), record.get("html")
    if not isinstance(body, str) and not isinstance(html, str):
        raise SourceError("the object has no 'text' or 'html' string field: add one")
    where = f"{source}:{number}"
    url = record.get("url") if isinstance(record.get("url"), str) else None
    if isinstance(body, str):
        if not body.strip():
            raise SourceError("the 'text' field is empty: nothing to analyse")
        doc = RawDocument(id=content_id(line.encode("utf-8")), source=where, text=body, format="jsonl")
    else:
        assert isinstance(html, str)
        doc = from_html(html.encode("utf-8"), where, url)
        doc.id = content_id(line.encode("utf-8"))
        doc.format = "jsonl-html"
    for name in _JSONL_FIELDS:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            setattr(doc, name, value.strip())
    if isinstance(record.get("published"), str):
        doc.published_rule = "jsonl:published"
    if isinstance(record.get("id"), str | int):
        doc.id = str(record["id"])
    if record.get("clean") is False:
        doc.clean = False
    return doc


def read_inputs(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | Failure]:
    """Every document under ``paths``, in a stable order, with failures in their place."""
    for item in discover(paths):
        if isinstance(item, Failure):
            yield item
        else:
            yield from read_path(item, max_bytes)
