"""The `entities`, `entities_absent` and `times` sections of the seeds' gold, on the pipeline's output."""

from __future__ import annotations

from typing import Any

import pytest

from tests.acceptance.conftest import SeedRun, load_gold, norm

GOLD = load_gold()
ENTITY_CHECKS = [(e, doc) for e in GOLD.get("entities") or [] for doc in e["docs"]]
ABSENT = GOLD.get("entities_absent") or []
TIMES = GOLD.get("times") or []
FORM_CHECKS = [(e, form) for e in GOLD.get("entities") or [] for form in e.get("forms", [])]


def _linked_ids(run: SeedRun, gold_id: str) -> set[str]:
    """Output entity ids the gold id names: a country code, or a person/organisation's canonical name."""
    return {e["id"] for e in run.entities.values() if e["id"] == gold_id or norm(e["name"]) == norm(gold_id)}


def _check_entity(run: SeedRun, entity: dict[str, Any], doc: str) -> tuple[bool, str]:
    ids = _linked_ids(run, entity["id"])
    article = run.article(doc)
    found = [m for m in article["mentions"] if m["entity_id"] in ids]
    record = run.entities[next(iter(ids))] if ids else None
    ok = bool(found) and record is not None and record["kind"] == entity["kind"]
    if ok and "country" in entity:
        ok = record is not None and record["country"] == entity["country"]
    forms = sorted({m["text"] for m in found})
    return ok, f"{entity['id']} in {doc}: ids {sorted(ids)}, record {record}, forms {forms}"


@pytest.mark.parametrize("entity,doc", ENTITY_CHECKS, ids=[f"{e['id']}-{d}" for e, d in ENTITY_CHECKS])
def test_entity_found(seed_run: SeedRun, entity: dict[str, Any], doc: str) -> None:
    ok, detail = _check_entity(seed_run, entity, doc)
    assert ok, detail


def _check_form(run: SeedRun, entity: dict[str, Any], form: str) -> bool:
    """Some occurrence of the gold form, in a listed document, is covered by a mention that links to
    the entity, directly or at country level (« sud-coréenne » inside « l'armée sud-coréenne »)."""
    ids = _linked_ids(run, entity["id"])
    for doc in entity["docs"]:
        article = run.article(doc)
        text = article["text"]
        for m in article["mentions"]:
            record = run.entities.get(m["entity_id"], {})
            if m["entity_id"] not in ids and record.get("country") not in ids:
                continue
            start = max(0, m["start"] - len(form))
            window = text[start:m["end"] + len(form)]
            at = norm(window).lower().find(norm(form).lower())
            if at >= 0 and start + at < m["end"] and start + at + len(form) > m["start"]:
                return True
    return False


@pytest.mark.parametrize("entity,form", FORM_CHECKS, ids=[f"{e['id']}-{f}" for e, f in FORM_CHECKS])
def test_entity_form_linked(seed_run: SeedRun, entity: dict[str, Any], form: str) -> None:
    assert _check_form(seed_run, entity, form), f"{form!r} is not linked to {entity['id']}"


@pytest.mark.parametrize("gold_id", ABSENT)
def test_entity_absent(seed_run: SeedRun, gold_id: str) -> None:
    ids = _linked_ids(seed_run, gold_id)
    assert not ids, f"{gold_id} was found, but it only occurs in text that must be removed"


@pytest.mark.parametrize("gold", TIMES, ids=[f"{t['doc']}-{t['text']}" for t in TIMES])
def test_time_found(seed_run: SeedRun, gold: dict[str, str]) -> None:
    times = seed_run.article(gold["doc"])["times"]
    assert any(norm(t["text"]) == norm(gold["text"]) and t["value"] == gold["value"] for t in times), \
        [(t["text"], t["value"]) for t in times]


def test_entity_and_time_figures(seed_run: SeedRun) -> None:
    if not GOLD:
        pytest.skip("no gold")
    entities = sum(_check_entity(seed_run, e, d)[0] for e, d in ENTITY_CHECKS)
    absent = sum(not _linked_ids(seed_run, g) for g in ABSENT)
    times = sum(any(norm(t["text"]) == norm(g["text"]) and t["value"] == g["value"]
                    for t in seed_run.article(g["doc"])["times"]) for g in TIMES)
    forms = sum(_check_form(seed_run, e, f) for e, f in FORM_CHECKS)
    print(f"\nseed entities: {entities}/{len(ENTITY_CHECKS)} (document, kind, country), forms linked: "
          f"{forms}/{len(FORM_CHECKS)}, absent: {absent}/{len(ABSENT)}, times: {times}/{len(TIMES)}")
    assert (entities, forms, absent, times) == (len(ENTITY_CHECKS), len(FORM_CHECKS), len(ABSENT), len(TIMES))
