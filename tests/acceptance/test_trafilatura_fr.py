"""HTML extraction on twelve French pages of the trafilatura evaluation set (../shared/data/trafilatura-fr-dev).

Scored: ``with`` snippets found in the main text, ``without`` snippets kept out of it (both on the
whitespace-normalised text), and the title, author and date values that expected.json gives (non-empty
ones only: 24). Plain ``trafilatura.extract`` is scored the same way for comparison.

Veille is scored through the whole pipeline (``veille.run`` then ``articles.jsonl``), so that the
cleaning stage's removals count too.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
DATA = SHARED / "data" / "trafilatura-fr-dev"

# (text, title, author, published)
Extracted = tuple[str, str | None, str | None, str | None]

pytestmark = pytest.mark.skipif(
    not (DATA / "expected.json").is_file(),
    reason=f"evaluation data not found at {DATA}: put the shared folder beside the repository to run this test",
)


def norm(text: str | None) -> str:
    """NFKC, white space collapsed, trimmed, case folded."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text or "")).strip().casefold()


@dataclass
class Score:
    with_found: int = 0
    with_total: int = 0
    without_kept_out: int = 0
    without_total: int = 0
    meta_right: int = 0
    meta_total: int = 0

    def __str__(self) -> str:
        return (
            f"with {self.with_found}/{self.with_total}, without {self.without_kept_out}/{self.without_total}, "
            f"metadata {self.meta_right}/{self.meta_total}"
        )


def score(
    expected: Mapping[str, Mapping[str, Any]], extracted: Mapping[str, Extracted]
) -> tuple[Score, list[str]]:
    result, misses = Score(), []
    for name, gold in sorted(expected.items()):
        text, title, author, published = extracted[name]
        body = norm(text)
        for snippet in gold.get("with", []):
            result.with_total += 1
            if norm(snippet) in body:
                result.with_found += 1
            else:
                misses.append(f"{name}: missing {snippet!r}")
        for snippet in gold.get("without", []):
            result.without_total += 1
            if norm(snippet) not in body:
                result.without_kept_out += 1
            else:
                misses.append(f"{name}: leaked {snippet!r}")
        for key, got in (("title", title), ("author", author), ("date", published)):
            want = gold.get(key)
            if not want:
                continue
            result.meta_total += 1
            want_n, got_n = norm(want), norm(got)
            if key == "date":
                want_n, got_n = want_n[:10], got_n[:10]
            if want_n == got_n:
                result.meta_right += 1
            else:
                misses.append(f"{name}: {key} {got!r}, expected {want!r}")
    return result, misses


def extract_ours(paths: list[Path]) -> dict[str, Extracted]:
    """The whole pipeline (extraction, then cleaning), read back from ``articles.jsonl``."""
    import tempfile

    from veille import run as veille_run

    with tempfile.TemporaryDirectory() as tmp:
        dossier = veille_run(paths, out=Path(tmp))
        assert not dossier.failures, [str(f) for f in dossier.failures]
        lines = (Path(tmp) / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    out: dict[str, Extracted] = {}
    for article in map(json.loads, lines):
        out[Path(article["source"]).name] = (article["text"], article["title"], article["author"],
                                             article["published"])
    return out


def extract_plain(paths: list[Path]) -> dict[str, Extracted]:
    import trafilatura

    out: dict[str, Extracted] = {}
    for path in paths:
        raw = trafilatura.extract(path.read_bytes(), output_format="json", with_metadata=True)
        data = json.loads(raw) if raw else {}
        out[path.name] = (data.get("text") or "", data.get("title"), data.get("author"), data.get("date"))
    return out


@pytest.fixture(scope="module")
def expected() -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
    return data


def run(
    expected: Mapping[str, Mapping[str, Any]], extractor: Callable[[list[Path]], dict[str, Extracted]]
) -> tuple[Score, list[str]]:
    return score(expected, extractor([DATA / name for name in sorted(expected)]))


def test_trafilatura_fr(expected: dict[str, dict[str, Any]]) -> None:
    ours, misses = run(expected, extract_ours)
    plain, _ = run(expected, extract_plain)
    print(f"\ntrafilatura-fr-dev, veille: {ours}")
    print(f"trafilatura-fr-dev, plain trafilatura.extract: {plain}")
    for miss in misses:
        print("  ", miss)
    assert ours.meta_total == 24, "expected.json should have 24 non-empty title/author/date values"
    assert ours.with_found >= 33, f"{ours}\n" + "\n".join(misses)
    assert ours.without_kept_out >= 33, f"{ours}\n" + "\n".join(misses)
    assert ours.meta_right >= 20, f"{ours}\n" + "\n".join(misses)
