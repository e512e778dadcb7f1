"""Acceptance against ../shared: the seeds run once through the whole pipeline, outputs read back."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "acceptance" / "seeds.expected.yaml"

_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "«": '"', "»": '"', "“": '"', "”": '"'})


def norm(text: str | None) -> str:
    """The acceptance README's normalisation: NFKC, unified quotes, white space collapsed."""
    if text is None:
        return ""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).translate(_QUOTES)).strip()


def require_shared() -> None:
    if not GOLD.exists() or not SEEDS.is_dir():
        pytest.skip(f"acceptance data not found at {SHARED} (../shared beside the repository); "
                    "these tests need the seeds and their gold")


def load_gold() -> dict[str, Any]:
    if not GOLD.exists():
        return {}
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


@dataclass
class SeedRun:
    out: Path
    articles: dict[str, dict[str, Any]]  # keyed by the seed's id prefix ("000", "002_daeb…")
    entities: dict[str, dict[str, Any]]
    facts: list[dict[str, Any]]
    timeline: list[dict[str, Any]]
    stories: list[dict[str, Any]]
    duplicates: list[list[str]]

    def article(self, prefix: str) -> dict[str, Any]:
        for key, article in self.articles.items():
            if key.startswith(prefix):
                return article
        raise KeyError(f"no article whose source starts with {prefix}")

    def prefix_of(self, article_id: str) -> str:
        for key, article in self.articles.items():
            if article["id"] == article_id:
                return key[:3]
        return article_id


def _jsonl(path: Path) -> list[Any]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory: pytest.TempPathFactory) -> SeedRun:
    require_shared()
    from veille import run

    out = tmp_path_factory.mktemp("seeds")
    dossier = run([SEEDS], out=out)
    assert not dossier.failures, [str(f) for f in dossier.failures]
    articles = {Path(a["source"]).name: a for a in _jsonl(out / "articles.jsonl")}
    return SeedRun(
        out=out, articles=articles, entities={e["id"]: e for e in _jsonl(out / "entities.jsonl")},
        facts=_jsonl(out / "facts.jsonl"), timeline=_jsonl(out / "timeline.jsonl"),
        stories=_jsonl(out / "stories.jsonl"), duplicates=[d["articles"] for d in _jsonl(out / "duplicates.jsonl")],
    )


def body_without_headings(article: dict[str, Any]) -> str:
    text = article["text"]
    return "\n".join(text[p["start"]:p["end"]] for p in article["paragraphs"] if p["kind"] != "heading")
