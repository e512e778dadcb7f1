"""Acceptance: temporal expressions on the French TimeBank (TempEval-3 style figures).

The corpus is third-party (LGPL-LR) and lives in ../shared; it is read here, never copied. For each
document the text is the content of <TEXT> with the tags stripped (gold offsets are computed while
stripping) and the DCT is the publication date. Figures: strict span P/R/F1 (same extent), relaxed span
F1 (overlap) and value F1 (an overlapping system timex with the gold value is correct).

The first 35 documents (sorted by name) were used for development; the others are held out.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from veille.api import annotate

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
FTIB = SHARED / "data" / "ftib-dev"
DEV_DOCS = 35

_TAG = re.compile(r"<(/?)(\w+)([^>]*?)(/?)>|([^<]+)")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Doc:
    name: str
    dct: str
    text: str
    gold: list[tuple[int, int, str]]  # start, end, value


def load(path: Path) -> Doc:
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
    body_m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    assert dct_m and body_m, f"{path.name}: no DCT or TEXT"
    parts: list[str] = []
    gold: list[tuple[int, int, str]] = []
    open_timex: list[tuple[dict[str, str], int]] = []
    pos = 0
    for m in _TAG.finditer(body_m.group(1)):
        if m.group(5) is not None:
            chunk = html.unescape(m.group(5))
            parts.append(chunk)
            pos += len(chunk)
            continue
        closing, tag, attrs, self_closing = m.group(1), m.group(2), m.group(3), m.group(4)
        if tag != "TIMEX3":
            continue
        if closing:
            a, start = open_timex.pop()
            gold.append((start, pos, a.get("value", "")))
        elif not self_closing:  # empty TIMEX3s (implicit points) have no extent to find
            open_timex.append((dict(_ATTR.findall(attrs)), pos))
    return Doc(path.stem, dct_m.group(1), "".join(parts), gold)


def load_all() -> list[Doc]:
    return [load(p) for p in sorted(FTIB.glob("*.tml"))]


@dataclass
class Counts:
    system: int = 0
    gold: int = 0
    strict: int = 0
    relaxed_sys: int = 0
    relaxed_gold: int = 0
    value: int = 0

    def add(self, other: Counts) -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))


def score(doc: Doc, system: list[tuple[int, int, str | None]]) -> Counts:
    c = Counts(system=len(system), gold=len(doc.gold))
    gold_spans = {(s, e) for s, e, _ in doc.gold}
    c.strict = sum(1 for s, e, _ in system if (s, e) in gold_spans)

    def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
        return a[0] < b[1] and b[0] < a[1]

    c.relaxed_sys = sum(1 for s, e, _ in system if any(overlaps((s, e), (gs, ge)) for gs, ge, _ in doc.gold))
    c.relaxed_gold = sum(1 for gs, ge, _ in doc.gold if any(overlaps((s, e), (gs, ge)) for s, e, _ in system))
    # One-to-one pairing of overlapping timexes, preferring a pair with the same value.
    used: set[int] = set()
    for s, e, v in system:
        options = [i for i, (gs, ge, _) in enumerate(doc.gold) if i not in used and overlaps((s, e), (gs, ge))]
        same = [i for i in options if doc.gold[i][2] == v]
        pick = same[0] if same else (options[0] if options else None)
        if pick is not None:
            used.add(pick)
            if same:
                c.value += 1
    return c


def prf(correct_p: int, system: int, correct_r: int, gold: int) -> tuple[float, float, float]:
    p = correct_p / system if system else 0.0
    r = correct_r / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def figures(c: Counts) -> dict[str, float]:
    sp, sr, sf = prf(c.strict, c.system, c.strict, c.gold)
    rp, rr, rf = prf(c.relaxed_sys, c.system, c.relaxed_gold, c.gold)
    vp, vr, vf = prf(c.value, c.system, c.value, c.gold)
    return {"strict_p": sp, "strict_r": sr, "strict_f1": sf, "relaxed_p": rp, "relaxed_r": rr,
            "relaxed_f1": rf, "value_p": vp, "value_r": vr, "value_f1": vf}


def run(docs: list[Doc]) -> Counts:
    """Each document through ``veille annotate`` with ``clean: false`` (offsets into the text as given)."""
    total = Counts()
    records = [{"id": d.name, "text": d.text, "published": d.dct, "language": "fr", "clean": False} for d in docs]
    for doc, result in zip(docs, annotate(records), strict=True):
        assert isinstance(result, dict) and result["text"] == doc.text, result
        total.add(score(doc, [(t["start"], t["end"], t["value"]) for t in result["times"]]))
    return total


def report(label: str, c: Counts) -> str:
    f = figures(c)
    return (f"{label:9s} gold={c.gold:3d} system={c.system:3d}  strict P/R/F1 {f['strict_p']:.3f}/{f['strict_r']:.3f}/"
            f"{f['strict_f1']:.3f}  relaxed F1 {f['relaxed_f1']:.3f}  value P/R/F1 {f['value_p']:.3f}/"
            f"{f['value_r']:.3f}/{f['value_f1']:.3f}")


@pytest.mark.skipif(not FTIB.is_dir(), reason=f"French TimeBank not found at {FTIB} (../shared is absent)")
def test_french_timebank(capsys: pytest.CaptureFixture[str]) -> None:
    docs = load_all()
    assert len(docs) >= 40, f"expected the 54 FTiB dev documents in {FTIB}, found {len(docs)}"
    dev, held = run(docs[:DEV_DOCS]), run(docs[DEV_DOCS:])
    overall = Counts()
    overall.add(dev)
    overall.add(held)
    lines = [report("dev", dev), report("held-out", held), report("overall", overall)]
    with capsys.disabled():
        print("\nFrench TimeBank (TempEval-3 style)\n" + "\n".join(lines))
    print("\n".join(lines))  # also kept in the test's captured output
    f = figures(overall)
    assert f["strict_f1"] >= 0.88, lines[2]
    assert f["value_f1"] >= 0.85, lines[2]
