"""Short human labels for CAMEO codes, in French and English (``data/labels.tsv``).

The labels are Veille's own concise wording for briefings and timelines; a 4-digit code without its
own line falls back to its 3-digit parent, then to its root.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=4)
def load_labels(path: Path | None = None) -> dict[str, tuple[str, str]]:
    """code → (English label, French label)."""
    from veille.events.lexicon import LexiconError

    where = path or DATA / "labels.tsv"
    out: dict[str, tuple[str, str]] = {}
    for n, line in enumerate(where.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 3 or not cells[0].isdigit() or not all(c.strip() for c in cells):
            raise LexiconError(where, n, "expected: code<TAB>English label<TAB>French label")
        if cells[0] in out:
            raise LexiconError(where, n, f"duplicate code {cells[0]!r}")
        out[cells[0]] = (cells[1].strip(), cells[2].strip())
    return out


def cameo_label(code: str, lang: str = "fr") -> str:
    """A short label for ``code`` (« Signer un accord » / "Sign an agreement"); the code itself if unknown."""
    labels = load_labels()
    for key in (code, code[:3], code[:2]):
        if key in labels:
            return labels[key][1 if lang == "fr" else 0]
    return code


EVENT_LABELS: dict[str, dict[str, str]] = {
    "fr": {c: fr for c, (_en, fr) in load_labels().items()},
    "en": {c: en for c, (en, _fr) in load_labels().items()},
}
