"""The SQLite store: upserts by content id, accent-insensitive full-text search, entity filter."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from veille.errors import StoreError
from veille.store import SCHEMA_VERSION, Store, fts_query


def doc(ident: str, text: str, mentions: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"id": ident, "source": f"{ident}.txt", "title": f"Titre {ident}", "text": text, "flags": [],
            "mentions": mentions or []}


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "veille.db")
    s.upsert_articles([
        doc("a1", "Le traité de défense a été ratifié par la Douma à Moscou.",
            [{"start": 47, "end": 53, "entity_id": "RUS", "kind": "country", "rule": "metonym"}]),
        doc("a2", "Pyongyang dément avoir livré des obus à la Russie.",
            [{"start": 0, "end": 9, "entity_id": "PRK", "kind": "country", "rule": "metonym"},
             {"start": 43, "end": 49, "entity_id": "RUS", "kind": "country", "rule": "country"}]),
        doc("a3", "The defence treaty was signed in Pyongyang in June.",
            [{"start": 33, "end": 42, "entity_id": "PRK", "kind": "country", "rule": "metonym"}]),
    ])
    return s


def test_schema_is_versioned_and_in_wal_mode(store: Store) -> None:
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_running_twice_adds_nothing(store: Store) -> None:
    again = store.upsert_articles([doc("a1", "Le traité de défense a été ratifié par la Douma à Moscou.",
                                       [{"start": 47, "end": 53, "entity_id": "RUS", "kind": "country",
                                         "rule": "metonym"}])])
    assert again == 0
    assert store.count("articles") == 3 and store.count("mentions") == 4


def test_a_changed_article_is_updated_and_reindexed(store: Store) -> None:
    assert store.upsert_articles([doc("a1", "Texte entièrement nouveau sur la Mongolie.")]) == 1
    assert store.count("articles") == 3
    assert [h.id for h in store.search("Mongolie")] == ["a1"]
    assert store.search("Douma") == []


def test_search_is_accent_insensitive_and_ranked(store: Store) -> None:
    assert [h.id for h in store.search("traite defense")] == ["a1"]
    assert [h.id for h in store.search("dement")] == ["a2"]
    hits = store.search("ratifié")
    assert hits[0].id == "a1" and "[ratifié]" in hits[0].snippet


def test_search_filters_by_entity(store: Store) -> None:
    assert sorted(h.id for h in store.search(None, entity="PRK")) == ["a2", "a3"]
    assert [h.id for h in store.search("Russie", entity="PRK")] == ["a2"]


def test_hyphens_and_apostrophes_are_not_operators() -> None:
    assert fts_query("nord-coréen l'accord") == '"nord" "coréen" "l" "accord"'
    assert fts_query('"traité de défense" OR accord') == '"traité de défense" OR accord'


def test_bad_or_missing_database_is_reported(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.db", create=False)
    other = tmp_path / "other.db"
    db = sqlite3.connect(other)
    db.execute("PRAGMA user_version=99")
    db.close()
    with pytest.raises(StoreError, match="schema version 99"):
        Store(other)
