"""The briefing: every fact line cited, dates and counts written as a reader writes them, copies marked."""

from __future__ import annotations

import re

import pytest

from veille.report.briefing import BriefingData
from veille.report.i18n import count, format_timex
from veille.report.render import render_html, render_markdown


@pytest.mark.parametrize("value,fr,en", [
    ("2024-06-19", "19 juin 2024", "19 June 2024"),
    ("2024-03-01", "1er mars 2024", "1 March 2024"),
    ("2024-06", "juin 2024", "June 2024"),
    ("2023-SU", "été 2023", "summer 2023"),
    ("2024-W42", "semaine 42 de 2024", "week 42 of 2024"),
    ("199", "années 1990", "the 1990s"),
    ("1961", "1961", "1961"),
    ("PRESENT_REF", "PRESENT_REF", "PRESENT_REF"),
])
def test_dates_as_a_reader_writes_them(value: str, fr: str, en: str) -> None:
    assert format_timex(value, "fr") == fr and format_timex(value, "en") == en


def test_counts_agree_in_number() -> None:
    assert count(1, "independent") == "1 source indépendante"
    assert count(0, "fact") == "0 fait" and count(3, "fact") == "3 faits"
    assert count(0, "fact", "en") == "0 facts" and count(1, "story", "en") == "1 story"


def data() -> BriefingData:
    articles = [
        {"id": "a", "source": "a.txt", "title": "Dépêche", "site": "Agence", "published": "2024-05-02",
         "language": "fr", "flags": [], "removed": [{"text": "À lire", "reason": "related_link"}]},
        {"id": "b", "source": "b.txt", "title": "Dépêche reprise", "site": "Portail", "published": "2024-05-03",
         "language": "fr", "flags": ["site_chrome"], "removed": []},
        {"id": "c", "source": "c.txt", "title": "Analyse", "site": None, "published": None, "language": "en",
         "flags": [], "removed": []},
    ]
    entities = [{"id": "CHL", "kind": "country", "name": "Chile", "names": {"fr": "Chili", "en": "Chile"},
                 "country": "CHL", "roles": [], "mentions": 3, "articles": ["a", "b", "c"]},
                {"id": "PER", "kind": "country", "name": "Peru", "names": {"fr": "Pérou", "en": "Peru"},
                 "country": "PER", "roles": [], "mentions": 2, "articles": ["a", "c"]}]
    source = {"certainty": "asserted", "attributed_to": [], "denied_by": []}
    facts = [
        {"id": "f1", "cameo": "057", "label": "Chili – Pérou : Signer un accord", "actors": ["CHL", "PER"],
         "time": "2024-05-01", "quantity": None, "independent_sources": 2, "contested": True,
         "contradictions": ["c denies it, against a and b"],
         "sources": [{**source, "article": "a", "evidence": "Le Chili et le Pérou ont signé un accord."},
                     {**source, "article": "b", "evidence": "Le Chili et le Pérou ont signé un accord."},
                     {**source, "article": "c", "certainty": "denied", "denied_by": ["PER"], "attributed_to": ["PER"],
                      "evidence": "Peru denied signing."}]},
    ]
    timeline = [{"fact": "f1", "time": "2024-05-01", "label": "Chili – Pérou : Signer un accord"}]
    return BriefingData(articles, entities, facts, timeline, [], [["a", "b"]])


def test_markdown_cites_every_source_with_its_sentence_and_marks_copies() -> None:
    md = render_markdown(data(), "fr")
    assert "**Chili – Pérou : Signer un accord** — 1er mai 2024 — 2 sources indépendantes" in md
    assert "[A1 · affirmé] « Le Chili et le Pérou ont signé un accord. »" in md
    assert "[A2, copie de A1 · affirmé]" in md
    assert "[A3 · démenti (démenti par Pérou)] « Peru denied signing. »" in md
    for heading in ("## Faits clés", "## Affirmations contestées", "## Chronologie", "## Acteurs", "## Sources"):
        assert heading in md
    assert "publiés du 2 mai 2024 au 3 mai 2024" in md
    assert "A3 denies it, against A1 and A2" in md


def test_english_briefing() -> None:
    md = render_markdown(data(), "en")
    assert md.startswith("# Veille — briefing") and "1 May 2024" in md and "## Key facts" in md
    assert "[A3 · denied (denied by Peru)]" in md


def test_html_is_self_contained() -> None:
    page = render_html(data(), "fr")
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "&lt;" not in page.split("<body>")[0]
    assert "copie de A1" in page


def test_chronology_leaves_unconfirmed_facts_and_facts_without_an_actor_to_the_timeline_file() -> None:
    briefing = data()
    source = {"certainty": "asserted", "attributed_to": [], "denied_by": [], "article": "c",
              "evidence": "A visit took place in June."}
    briefing.facts.append({"id": "f2", "cameo": "042", "label": "Visite", "actors": [], "time": "2024-06",
                           "quantity": None, "independent_sources": 1, "contested": False,
                           "contradictions": [], "sources": [source]})
    briefing.timeline.append({"fact": "f2", "time": "2024-06", "label": "Visite"})
    briefing.facts.append({"id": "f3", "cameo": "150", "label": "Chili : Essai", "actors": ["CHL"],
                           "time": "2017-09", "quantity": None, "independent_sources": 0, "contested": False,
                           "contradictions": [], "sources": [{**source, "certainty": "negated"}]})
    briefing.timeline.append({"fact": "f3", "time": "2017-09", "label": "Chili : Essai"})
    chronology = render_markdown(briefing, "fr").split("## Chronologie")[1].split("## ")[0]
    assert "1er mai 2024 — Chili – Pérou : Signer un accord" in chronology
    assert "Visite" not in chronology and "timeline.jsonl" in chronology
    assert "Essai" not in chronology  # « n'a pas procédé à un essai depuis 2017 » dates no test
