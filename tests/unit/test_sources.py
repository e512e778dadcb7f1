"""Readers: every kind of bad input is reported with its file (and line), and the rest goes on."""

from __future__ import annotations

import json
from pathlib import Path

from veille.sources import RawDocument, read_inputs
from veille.types import Failure


def read(*paths: Path, max_bytes: int = 20_000_000) -> tuple[list[RawDocument], list[Failure]]:
    docs, failures = [], []
    for item in read_inputs(paths, max_bytes):
        (failures if isinstance(item, Failure) else docs).append(item)
    return docs, failures


def test_folders_are_walked_recursively_in_a_stable_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Titre\nUn texte.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Title\nSome text.", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    docs, failures = read(tmp_path)
    assert [Path(d.source).name for d in docs] == ["a.txt", "z.txt"] and not failures


def test_ids_are_content_hashes(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Titre\nLe même texte.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Titre\nLe même texte.", encoding="utf-8")
    docs, _ = read(tmp_path)
    assert docs[0].id == docs[1].id and len(docs[0].id) == 16


def test_empty_binary_missing_and_unsupported_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (tmp_path / "good.txt").write_text("Titre\nUn texte correct.", encoding="utf-8")
    (tmp_path / "data.xlsx").write_bytes(b"x")
    docs, failures = read(tmp_path, tmp_path / "missing.txt", tmp_path / "data.xlsx")
    assert [Path(d.source).name for d in docs] == ["good.txt"]
    reasons = {Path(f.source).name: f.reason for f in failures}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "no such file" in reasons["missing.txt"]
    assert "unsupported" in reasons["data.xlsx"]


def test_latin1_file_is_decoded_and_flagged(tmp_path: Path) -> None:
    text = "Élection présidentielle\nLe scrutin s'est déroulé dans le calme à Bamako, selon les observateurs."
    (tmp_path / "latin.txt").write_bytes(text.encode("latin-1"))
    docs, failures = read(tmp_path)
    assert not failures and docs[0].text == text and "encoding_guessed" in docs[0].flags


def test_huge_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("x" * 5000, encoding="utf-8")
    _, failures = read(tmp_path, max_bytes=1000)
    assert "limit" in failures[0].reason and "--max-bytes" in failures[0].reason


def test_jsonl_bad_lines_are_reported_with_their_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "Premier article.\nAvec du texte.", "url": "https://a.example/1", "site": "A"}),
        "{not json",
        json.dumps({"title": "no body"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"text": "Second article.", "published": "2024-11-05", "title": "Deux"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    docs, failures = read(tmp_path)
    assert [d.source.rsplit(":", 1)[1] for d in docs] == ["1", "6"]
    assert docs[0].url == "https://a.example/1" and docs[0].site == "A"
    assert docs[1].published == "2024-11-05" and docs[1].title == "Deux"
    assert [f.line for f in failures] == [2, 3, 4]
    assert "not valid JSON" in failures[0].reason and "'text' or 'html'" in failures[1].reason


def test_broken_html_does_not_crash(tmp_path: Path) -> None:
    (tmp_path / "broken.html").write_bytes(b"<html><body><p>Unclosed <b>tags <div><p>Le texte continue "
                                           b"ici avec assez de mots pour former un paragraphe complet.")
    (tmp_path / "nothing.html").write_bytes(b"<html><head></head><body></body></html>")
    docs, failures = read(tmp_path)
    assert len(docs) + len(failures) == 2
    for failure in failures:
        assert failure.reason
