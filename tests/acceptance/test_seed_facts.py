"""The `facts`, `timeline`, `stories` and `near_duplicates` sections of the seeds' gold.

A gold fact is matched by its own output fact (one to one) whose CAMEO root is in `roots`, whose
actors (countries) include the gold actors and whose sources include every gold source; then each
source's certainty (and attribution, denial), `contested`, `time`, `quantity` and `before` are
checked. Precision: every output fact with two or more sources must match a gold fact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.acceptance.conftest import SeedRun, load_gold, norm

GOLD = load_gold()
GOLD_FACTS: list[dict[str, Any]] = GOLD.get("facts") or []


def _time_value(fact: dict[str, Any]) -> str | None:
    time = fact.get("time")
    return time.get("value") if isinstance(time, dict) else time


def _latest(fact: dict[str, Any]) -> str | None:
    time = fact.get("time")
    if isinstance(time, dict):
        return time.get("latest") or time.get("value")
    return time


def _sources(run: SeedRun, fact: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {run.prefix_of(s["article"]): s for s in fact["sources"]}


def matches(run: SeedRun, gold: dict[str, Any], fact: dict[str, Any]) -> bool:
    return (fact["cameo"][:2] in gold["roots"] and set(gold["actors"]) <= set(fact["actors"])
            and set(gold["sources"]) <= set(_sources(run, fact)))


def assign(run: SeedRun) -> dict[str, dict[str, Any]]:
    """One output fact per gold fact (maximum bipartite matching, preferring right certainties)."""
    def quality(gold: dict[str, Any], fact: dict[str, Any]) -> int:
        sources = _sources(run, fact)
        return sum(sources[d]["certainty"] == s["certainty"] for d, s in gold["sources"].items())

    candidates = {g["id"]: sorted((f for f in run.facts if matches(run, g, f)),
                                  key=lambda f, g=g: (-quality(g, f), len(f["sources"]), f["id"]))
                  for g in GOLD_FACTS}
    owner: dict[str, str] = {}

    def augment(gold_id: str, seen: set[str]) -> bool:
        for fact in candidates[gold_id]:
            if fact["id"] in seen:
                continue
            seen.add(fact["id"])
            if fact["id"] not in owner or augment(owner[fact["id"]], seen):
                owner[fact["id"]] = gold_id
                return True
        return False

    for gold in GOLD_FACTS:
        augment(gold["id"], set())
    by_id = {f["id"]: f for f in run.facts}
    return {gold_id: by_id[fact_id] for fact_id, gold_id in owner.items()}


@dataclass
class Tally:
    passed: int = 0
    failures: list[str] = field(default_factory=list)

    def check(self, ok: bool, what: str) -> None:
        if ok:
            self.passed += 1
        else:
            self.failures.append(what)

    @property
    def total(self) -> int:
        return self.passed + len(self.failures)


def evaluate(run: SeedRun) -> Tally:
    tally = Tally()
    assigned = assign(run)
    for gold in GOLD_FACTS:
        fact = assigned.get(gold["id"])
        tally.check(fact is not None, f"{gold['id']}: no output fact matches (roots {gold['roots']}, "
                                      f"actors {gold['actors']}, sources {sorted(gold['sources'])})")
        sources = _sources(run, fact) if fact else {}
        for doc, want in gold["sources"].items():
            got = sources.get(doc, {})
            tally.check(got.get("certainty") == want["certainty"],
                        f"{gold['id']}/{doc}: certainty {got.get('certainty')!r}, expected {want['certainty']!r}")
            if "attributed_to" in want:
                tally.check(set(want["attributed_to"]) <= set(got.get("attributed_to") or []),
                            f"{gold['id']}/{doc}: attributed_to {got.get('attributed_to')}, expected "
                            f"{want['attributed_to']}")
            if "denied_by" in want:
                tally.check(set(want["denied_by"]) <= set(got.get("denied_by") or []),
                            f"{gold['id']}/{doc}: denied_by {got.get('denied_by')}, expected {want['denied_by']}")
            if "evidence" in want:
                tally.check(norm(want["evidence"]) in norm(got.get("evidence")),
                            f"{gold['id']}/{doc}: evidence {got.get('evidence')!r} lacks {want['evidence']!r}")
        if gold.get("contested"):
            tally.check(bool(fact and fact["contested"]), f"{gold['id']}: not marked contested")
        if "time" in gold:
            value = _time_value(fact) if fact else None
            tally.check(bool(value and str(value).startswith(gold["time"])),
                        f"{gold['id']}: time {value!r}, expected {gold['time']!r}")
        if "quantity" in gold:
            tally.check(bool(fact and fact.get("quantity") == gold["quantity"]),
                        f"{gold['id']}: quantity {fact and fact.get('quantity')}, expected {gold['quantity']}")
        if "before" in gold:
            latest = _latest(fact) if fact else None
            tally.check(bool(latest and str(latest) <= gold["before"]),
                        f"{gold['id']}: time {fact and fact.get('time')}, expected before {gold['before']}")
    matched_ids = {f["id"] for f in assigned.values()}
    for fact in run.facts:
        if len(fact["sources"]) >= 2:
            tally.check(fact["id"] in matched_ids or any(matches(run, g, fact) for g in GOLD_FACTS),
                        f"multi-source fact not in the gold: {fact['cameo']} {fact['label']} {fact['actors']} "
                        f"{sorted(_sources(run, fact))}")
    order = [g for g in GOLD.get("timeline", [])]
    positions = {entry["fact"]: i for i, entry in enumerate(run.timeline)}
    placed = [positions.get(assigned[g]["id"]) if g in assigned else None for g in order]
    for earlier, later, a, b in zip(order, order[1:], placed, placed[1:], strict=False):
        tally.check(a is not None and b is not None and a < b, f"timeline: {earlier} should come before {later}")
    return tally


@pytest.fixture(scope="module")
def facts_tally(seed_run: SeedRun) -> Tally:
    if not GOLD_FACTS:
        pytest.skip("no gold facts")
    return evaluate(seed_run)


def test_seed_facts(facts_tally: Tally) -> None:
    print(f"\nseed facts: {facts_tally.passed}/{facts_tally.total} checks pass")
    for failure in facts_tally.failures:
        print("  FAIL", failure)
    assert not facts_tally.failures, "\n".join(facts_tally.failures)


def test_seed_stories_and_copies(seed_run: SeedRun) -> None:
    stories = sorted(sorted(seed_run.prefix_of(a) for a in s["articles"]) for s in seed_run.stories)
    assert stories == sorted(sorted(group) for group in GOLD.get("stories", []))
    copies = sorted(sorted(seed_run.prefix_of(a) for a in group) for group in seed_run.duplicates)
    assert copies == sorted(sorted(group) for group in GOLD.get("near_duplicates", []))
