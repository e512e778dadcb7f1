"""The same output, byte for byte, whatever the engine and the number of workers."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille import run

TEXTS = [
    ("Accord gazier entre Bakou et Ankara\nL'Azerbaïdjan a signé lundi un accord gazier avec la Turquie, "
     "selon l'agence Anadolu. Les livraisons commenceront en 2025."),
    ("Talks in Geneva\nIran and the United States held indirect talks in Geneva on Tuesday, officials said. "
     "No agreement was reached."),
    ("Manœuvres en mer Baltique\nLa Suède aurait déployé des navires près de Gotland, d'après la presse locale. "
     "Moscou dément toute provocation."),
] * 3


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("in")
    for i, text in enumerate(TEXTS):
        (folder / f"{i:02d}.txt").write_text(text + f"\nDépêche numéro {i}.", encoding="utf-8")
    return folder


def outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.suffix in (".jsonl", ".md", ".html")}


@pytest.mark.parametrize("engine,workers", [("process", 2), ("dask", 2)])
def test_engines_agree_with_the_local_run(corpus: Path, tmp_path: Path, engine: str, workers: int) -> None:
    if engine == "dask":
        pytest.importorskip("dask")
    run([corpus], out=tmp_path / "local")
    run([corpus], out=tmp_path / engine, engine=engine, workers=workers)
    assert outputs(tmp_path / "local") == outputs(tmp_path / engine)
