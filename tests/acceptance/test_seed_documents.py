"""The `documents` section of the seeds' gold: metadata, headings, once/absent, comments, removed, flags."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.acceptance.conftest import SeedRun, body_without_headings, load_gold, norm

Check = tuple[str, str, Callable[[dict[str, Any]], tuple[bool, str]]]


def _field_check(name: str, expected: Any) -> Callable[[dict[str, Any]], tuple[bool, str]]:
    def check(article: dict[str, Any]) -> tuple[bool, str]:
        got = article.get(name)
        ok = norm(got) == norm(expected) if isinstance(expected, str) else got == expected
        return ok, f"{name}: expected {expected!r}, got {got!r}"
    return check


def _checks() -> list[Check]:
    checks: list[Check] = []
    for doc, gold in (load_gold().get("documents") or {}).items():
        prefix = doc[:3]
        for name in ("title", "site", "author", "published", "language", "section"):
            if name in gold:
                checks.append((prefix, f"{name}", _field_check(name, gold[name])))
        for heading in gold.get("headings", []):
            def check(a: dict[str, Any], h: str = heading) -> tuple[bool, str]:
                headings = [norm(x) for x in a["headings"]]
                return norm(h) in headings and norm(h) not in norm(body_without_headings(a)), \
                    f"heading {h!r} not recognised; headings: {a['headings']}"
            checks.append((prefix, f"heading:{heading[:30]}", check))
        for snippet in gold.get("once", []):
            def check(a: dict[str, Any], s: str = snippet) -> tuple[bool, str]:
                n = norm(body_without_headings(a)).count(norm(s))
                return n == 1, f"{s!r} occurs {n} times in the body"
            checks.append((prefix, f"once:{snippet[:30]}", check))
        for snippet in gold.get("absent", []):
            def check(a: dict[str, Any], s: str = snippet) -> tuple[bool, str]:
                return norm(s) not in norm(a["text"]), f"{s!r} is still in the body"
            checks.append((prefix, f"absent:{snippet[:30]}", check))
        for comment in gold.get("comments", []):
            def check(a: dict[str, Any], c: dict[str, str] = comment) -> tuple[bool, str]:
                ok = any(norm(x["author"]) == norm(c["author"]) and x["published"] == c["published"]
                         and norm(x["text"]).startswith(norm(c["starts"])) for x in a["comments"])
                return ok and norm(c["starts"]) not in norm(a["text"]), f"comment {c} not split out: {a['comments']}"
            checks.append((prefix, f"comment:{comment['author']}", check))
        for removed in gold.get("removed", []):
            def check(a: dict[str, Any], r: dict[str, str] = removed) -> tuple[bool, str]:
                ok = any(norm(x["text"]).startswith(norm(r["starts"])) and x["reason"] == r["reason"]
                         for x in a["removed"])
                return ok, f"no removed segment {r}"
            checks.append((prefix, f"removed:{removed['starts'][:30]}", check))
        for flag in gold.get("flags", []):
            def check(a: dict[str, Any], f: str = flag) -> tuple[bool, str]:
                return f in a["flags"], f"flag {f!r} missing: {a['flags']}"
            checks.append((prefix, f"flag:{flag}", check))
    return checks


CHECKS = _checks()


@pytest.mark.parametrize("prefix,name,check", CHECKS, ids=[f"{p}-{n}" for p, n, _ in CHECKS])
def test_document_check(seed_run: SeedRun, prefix: str, name: str,
                        check: Callable[[dict[str, Any]], tuple[bool, str]]) -> None:
    ok, detail = check(seed_run.article(prefix))
    assert ok, detail


def test_document_figures(seed_run: SeedRun) -> None:
    if not CHECKS:
        pytest.skip("no gold documents")
    passed = sum(check(seed_run.article(prefix))[0] for prefix, _, check in CHECKS)
    sections = sum(1 for _, name, _ in CHECKS if name == "section")
    print(f"\nseed documents: {passed}/{len(CHECKS)} checks pass "
          f"({len(CHECKS) - sections} of the README's kinds + {sections} section)")
    assert passed == len(CHECKS)
