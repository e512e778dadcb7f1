"""The dossier's fact labels and contradiction notes are in the language asked for (own texts)."""

from __future__ import annotations

import json
from pathlib import Path

import veille

TEXTS = {
    "a.txt": "Accord entre le Chili et le Pérou\nLe Chili a signé un accord commercial avec le Pérou le 3 mars 2024.",
    "b.txt": "Le Chili et le Pérou liés par un accord\nLe Chili a signé le 3 mars 2024 un accord avec le Pérou à Lima.",
}


def labels(tmp_path: Path, lang: str) -> list[str]:
    src = tmp_path / "in"
    src.mkdir(exist_ok=True)
    for name, text in TEXTS.items():
        (src / name).write_text(text, encoding="utf-8")
    out = tmp_path / f"out-{lang}"
    veille.run([src], out=out, lang=lang)
    return [json.loads(line)["label"] for line in (out / "facts.jsonl").read_text(encoding="utf-8").splitlines()]


def test_labels_follow_the_requested_language(tmp_path: Path) -> None:
    assert "Chili – Pérou : Signer un accord" in labels(tmp_path, "fr")
    assert "Chile – Peru: Sign an agreement" in labels(tmp_path, "en")


def test_a_briefing_rebuilt_from_the_store_speaks_the_language_asked_for(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name, text in TEXTS.items():
        (src / name).write_text(text, encoding="utf-8")
    veille.run([src], out=tmp_path / "out", lang="fr")
    english, _ = veille.brief(tmp_path / "out" / "veille.db", out=tmp_path / "en", lang="en")
    text = english.read_text(encoding="utf-8")
    assert "Chile – Peru: Sign an agreement" in text
    assert "Signer un accord" not in text
    french, _ = veille.brief(tmp_path / "out" / "veille.db", out=tmp_path / "fr", lang="fr")
    assert "Chili – Pérou : Signer un accord" in french.read_text(encoding="utf-8")
