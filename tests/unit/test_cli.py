"""The command line: outputs, exit codes (0 ok, 1 some inputs failed, 2 usage), search, annotate, brief."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from veille.cli.main import app

runner = CliRunner()

ARTICLE_FR = """Accord céréalier entre l'Égypte et le Kazakhstan
Par Léa Morel | Publié le 12/03/2024 09:00:00
Le Caire a signé mardi un accord d'achat de blé avec le Kazakhstan, selon le ministère égyptien de l'Approvisionnement.
À lire aussi : Le prix du pain flambe au Maghreb
Les premières cargaisons doivent arriver en avril, d'après les autorités kazakhes.
"""
ARTICLE_EN = """Chile and Peru agree on water sharing
Chile and Peru signed an agreement on Monday to share the waters of a border river, officials said.
Read also: Drought hits Andean farmers
The deal was ratified by both parliaments last year.
"""


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "fr.txt").write_text(ARTICLE_FR, encoding="utf-8")
    (folder / "en.txt").write_text(ARTICLE_EN, encoding="utf-8")
    return folder


def test_run_writes_the_output_contract_and_exits_0(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    for name in ("articles.jsonl", "entities.jsonl", "facts.jsonl", "timeline.jsonl", "stories.jsonl",
                 "duplicates.jsonl", "briefing.md", "briefing.html", "veille.db"):
        assert (out / name).exists(), name
    articles = [json.loads(line) for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    fr = next(a for a in articles if a["source"].endswith("fr.txt"))
    assert fr["author"] == "Léa Morel" and fr["published"] == "2024-03-12T09:00:00" and fr["language"] == "fr"
    assert "À lire aussi" not in fr["text"]
    assert {"text": "À lire aussi : Le prix du pain flambe au Maghreb", "reason": "related_link"}.items() <= \
        fr["removed"][-1].items()
    html = (out / "briefing.html").read_text(encoding="utf-8")
    assert "<style>" in html and "http" not in html.split("<body>")[0].replace("http-equiv", "")


def test_running_twice_gives_identical_output(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner.invoke(app, ["run", str(corpus), "--out", str(out), "-q"])
    first = {p.name: p.read_bytes() for p in out.iterdir() if p.suffix in (".jsonl", ".md", ".html")}
    runner.invoke(app, ["run", str(corpus), "--out", str(out), "-q"])
    second = {p.name: p.read_bytes() for p in out.iterdir() if p.suffix in (".jsonl", ".md", ".html")}
    assert first == second


def test_bad_inputs_are_reported_and_the_rest_goes_on(corpus: Path, tmp_path: Path) -> None:
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "feed.jsonl").write_text('{"text": "Un article en une ligne, assez long pour être lu."}\n{oops\n',
                                       encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out), "-q"])
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "feed.jsonl:2" in result.output
    lines = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3


def test_strict_stops_at_the_first_failure(corpus: Path, tmp_path: Path) -> None:
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["run", str(corpus), "--out", str(tmp_path / "o"), "--strict", "-q"])
    assert result.exit_code == 1 and "empty.txt" in result.output
    assert not (tmp_path / "o" / "articles.jsonl").exists()


def test_usage_errors_exit_2(corpus: Path, tmp_path: Path) -> None:
    assert runner.invoke(app, ["run", str(corpus), "--lang", "de"]).exit_code == 2
    assert runner.invoke(app, ["run"]).exit_code == 2
    assert runner.invoke(app, ["search", "x", "--db", str(tmp_path / "none.db")]).exit_code == 2


def test_search_and_entity_filter(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner.invoke(app, ["run", str(corpus), "--out", str(out), "-q"])
    result = runner.invoke(app, ["search", "ble", "--db", str(out / "veille.db")])
    assert result.exit_code == 0 and "Accord céréalier" in result.output and "[blé]" in result.output
    result = runner.invoke(app, ["search", "--entity", "PER", "--db", str(out / "veille.db")])
    assert "Chile and Peru" in result.output and "Accord céréalier" not in result.output


def test_brief_rebuilds_from_the_store_in_english(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner.invoke(app, ["run", str(corpus), "--out", str(out), "-q"])
    result = runner.invoke(app, ["brief", "--db", str(out / "veille.db"), "--lang", "en", "--out",
                                 str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "b" / "briefing.md").read_text(encoding="utf-8")
    assert text.startswith("# Veille — briefing") and "## Sources" in text


def test_annotate_clean_false_keeps_offsets_into_the_given_text(tmp_path: Path) -> None:
    text = "Titre : rien\nHier, la Russie a signé un accord avec le Kazakhstan à Astana."
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "d1", "text": text, "published": "2024-03-12", "clean": False})
                      + "\nnot json\n", encoding="utf-8")
    result = runner.invoke(app, ["annotate", "--jsonl", str(source)])
    assert result.exit_code == 1  # the second line is bad, and said so
    line = json.loads(result.stdout.splitlines()[0])
    assert line["id"] == "d1" and line["text"] == text
    for mention in line["mentions"]:
        assert text[mention["start"]:mention["end"]] == mention["text"]
    assert any(m["entity_id"] == "RUS" for m in line["mentions"])
    assert any(t["value"] == "2024-03-11" for t in line["times"])
