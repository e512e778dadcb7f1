"""The SQLite store: versioned schema, WAL, content-hash ids and upserts, FTS5 full-text search.

Rows keep the full JSON document of the output contract (``doc``), so that ``veille brief`` rebuilds
exactly what ``veille run`` wrote; the other columns are there to be queried.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from veille.errors import StoreError

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, url TEXT, site TEXT, author TEXT, published TEXT,
    language TEXT, title TEXT, text TEXT NOT NULL, flags TEXT NOT NULL, doc TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_au AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, start INTEGER NOT NULL,
    end INTEGER NOT NULL, entity_id TEXT NOT NULL, kind TEXT NOT NULL, rule TEXT NOT NULL,
    PRIMARY KEY (article_id, start, end)
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);
CREATE TABLE IF NOT EXISTS entities (id TEXT PRIMARY KEY, kind TEXT, name TEXT, country TEXT, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS facts (
    id TEXT PRIMARY KEY, cameo TEXT, label TEXT, time TEXT, contested INTEGER, independent_sources INTEGER,
    doc TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS stories (id TEXT PRIMARY KEY, label TEXT, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS timeline (position INTEGER PRIMARY KEY, fact TEXT, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS duplicates (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
"""


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class Store:
    def __init__(self, path: str | Path, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StoreError(f"{self.path}: no such database; create one with 'veille run INPUT --out DIR'")
        try:
            self.db = sqlite3.connect(self.path)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a Veille database ({exc})") from None
        if version not in (0, SCHEMA_VERSION):
            raise StoreError(f"{self.path}: schema version {version}, this Veille reads {SCHEMA_VERSION}; "
                             "rebuild it with 'veille run'")
        if version == 0:
            with self.db:
                self.db.executescript(_SCHEMA)
                self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def upsert_articles(self, docs: Iterable[dict[str, Any]]) -> int:
        """Insert or update articles by id; an unchanged article is not touched. Returns rows changed."""
        changed = 0
        with self.db:
            for doc in docs:
                blob = _dumps(doc)
                cur = self.db.execute(
                    """INSERT INTO articles (id, source, url, site, author, published, language, title, text,
                       flags, doc) VALUES (?,?,?,?,?,?,?,?,?,?,?)
                       ON CONFLICT(id) DO UPDATE SET source=excluded.source, url=excluded.url,
                       site=excluded.site, author=excluded.author, published=excluded.published,
                       language=excluded.language, title=excluded.title, text=excluded.text,
                       flags=excluded.flags, doc=excluded.doc WHERE articles.doc != excluded.doc""",
                    (doc["id"], doc["source"], doc.get("url"), doc.get("site"), doc.get("author"),
                     doc.get("published"), doc.get("language"), doc.get("title"), doc["text"],
                     _dumps(doc.get("flags", [])), blob),
                )
                if cur.rowcount:
                    changed += 1
                    self.db.execute("DELETE FROM mentions WHERE article_id = ?", (doc["id"],))
                    self.db.executemany(
                        "INSERT OR REPLACE INTO mentions VALUES (?,?,?,?,?,?)",
                        [(doc["id"], m["start"], m["end"], m["entity_id"], m["kind"], m["rule"])
                         for m in doc.get("mentions", [])],
                    )
        return changed

    def replace_corpus(self, entities: list[dict[str, Any]], facts: list[dict[str, Any]],
                       stories: list[dict[str, Any]], timeline: list[dict[str, Any]],
                       duplicates: list[list[str]]) -> None:
        """The corpus-level results are recomputed over every stored article, so they replace the old ones."""
        with self.db:
            for table in ("entities", "facts", "stories", "timeline", "duplicates"):
                self.db.execute(f"DELETE FROM {table}")
            self.db.executemany("INSERT INTO entities VALUES (?,?,?,?,?)",
                                [(e["id"], e["kind"], e["name"], e.get("country"), _dumps(e)) for e in entities])
            self.db.executemany("INSERT INTO facts VALUES (?,?,?,?,?,?,?)",
                                [(f["id"], f["cameo"], f.get("label"), _dumps(f.get("time")),
                                  int(bool(f.get("contested"))), f.get("independent_sources"), _dumps(f))
                                 for f in facts])
            self.db.executemany("INSERT INTO stories VALUES (?,?,?)",
                                [(s["id"], s.get("label"), _dumps(s)) for s in stories])
            self.db.executemany("INSERT INTO timeline VALUES (?,?,?)",
                                [(i, t.get("fact"), _dumps(t)) for i, t in enumerate(timeline)])
            self.db.executemany("INSERT INTO duplicates VALUES (?,?)",
                                [(group[0], _dumps(group)) for group in duplicates])

    def documents(self, table: str) -> list[Any]:
        order = {"articles": "rowid", "timeline": "position"}.get(table, "id")
        if table not in ("articles", "entities", "facts", "stories", "timeline", "duplicates"):
            raise StoreError(f"unknown table '{table}'")
        return [json.loads(row[0]) for row in self.db.execute(f"SELECT doc FROM {table} ORDER BY {order}")]

    def count(self, table: str) -> int:
        return int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def search(self, query: str | None, entity: str | None = None, limit: int = 10) -> list[Hit]:
        return list(_search(self.db, query, entity, limit))


@dataclass(slots=True)
class Hit:
    id: str
    title: str | None
    source: str
    published: str | None
    snippet: str
    score: float


_FTS_SYNTAX = re.compile(r'"|\bAND\b|\bOR\b|\bNOT\b|\bNEAR\b|\*')
_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(query: str) -> str:
    """A user's words as an FTS5 query: plain words are all required (quoted, so hyphens and
    apostrophes are not operators); a query with quotes or AND/OR/NOT is passed as FTS5 syntax."""
    if _FTS_SYNTAX.search(query):
        return query
    return " ".join(f'"{token}"' for token in _TOKEN.findall(query))


def _search(db: sqlite3.Connection, query: str | None, entity: str | None, limit: int) -> Iterator[Hit]:
    params: list[Any] = []
    entity_clause = ""
    if entity:
        entity_clause = "a.id IN (SELECT article_id FROM mentions WHERE entity_id = ? COLLATE NOCASE)"
        params.append(entity)
    if query and query.strip():
        where = "articles_fts MATCH ?" + (f" AND {entity_clause}" if entity_clause else "")
        sql = (f"SELECT a.id, a.title, a.source, a.published, "
               f"snippet(articles_fts, 1, '[', ']', '…', 16), bm25(articles_fts, 5.0, 1.0) AS score "
               f"FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE {where} "
               f"ORDER BY score, a.id LIMIT ?")
        params = [fts_query(query), *params, limit]
    elif entity_clause:
        sql = (f"SELECT a.id, a.title, a.source, a.published, substr(a.text, 1, 160), "
               f"-(SELECT count(*) FROM mentions m WHERE m.article_id = a.id AND m.entity_id = ? COLLATE NOCASE) "
               f"AS score FROM articles a WHERE {entity_clause} ORDER BY score, a.id LIMIT ?")
        params = [entity, *params, limit]
    else:
        raise StoreError("give a query, an --entity, or both")
    try:
        rows = db.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        raise StoreError(f"cannot search for {query!r}: {exc}; quote phrases with \"…\"") from None
    for row in rows:
        yield Hit(row[0], row[1], row[2], row[3], row[4], float(row[5]))


@contextmanager
def open_store(path: str | Path, create: bool = True) -> Iterator[Store]:
    store = Store(path, create)
    try:
        yield store
    finally:
        store.close()
