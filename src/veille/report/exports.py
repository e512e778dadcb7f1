"""The output contract: JSON Lines files an analyst's tools (and the acceptance tests) read."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from veille.types import Article, EntityRecord, EventMention, Span


def _span(text: str, span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": text[span.start:span.end]}


def event_to_dict(text: str, event: EventMention) -> dict[str, Any]:
    quantity = None
    if event.quantity is not None:
        q = event.quantity
        quantity = {"value": q.value, "approximate": q.approximate, "unit": q.unit,
                    "start": q.start, "end": q.end, "text": text[q.start:q.end]}
    return {
        "sentence": _span(text, event.sentence), "trigger": _span(text, event.trigger),
        "cameo": event.cameo, "source_actors": event.source_actors, "target_actors": event.target_actors,
        "object": _span(text, event.object), "quantity": quantity, "time": event.time,
        "time_bounds": list(event.time_bounds) if event.time_bounds else None, "place": event.place,
        "certainty": event.certainty, "certainty_rule": event.certainty_rule,
        "attributed_to": event.attributed_to, "denied_by": event.denied_by, "rule": event.rule,
    }


def article_to_dict(article: Article) -> dict[str, Any]:
    text = article.text
    return {
        "id": article.id, "source": article.source, "url": article.url, "site": article.site,
        "author": article.author, "published": article.published, "published_rule": article.published_rule,
        "section": article.section, "language": article.language, "title": article.title,
        "headings": [text[p.start:p.end] for p in article.headings],
        "text": text,
        "paragraphs": [{"start": p.start, "end": p.end, "kind": p.kind} for p in article.paragraphs],
        "sentences": [{"start": s.start, "end": s.end} for s in article.sentences],
        "comments": [{"author": c.author, "published": c.published, "text": c.text} for c in article.comments],
        "removed": [{"text": r.text, "reason": r.reason, "rule": r.rule} for r in article.removed],
        "flags": article.flags,
        "mentions": [{"start": m.start, "end": m.end, "text": text[m.start:m.end], "entity_id": m.entity_id,
                      "kind": m.kind, "rule": m.rule, "provisional": m.provisional} for m in article.mentions],
        "times": [{"start": t.start, "end": t.end, "text": text[t.start:t.end], "value": t.value, "type": t.type,
                   "anchor": t.anchor, "mod": t.mod, "rule": t.rule} for t in article.times],
        "events": [event_to_dict(text, e) for e in article.events],
    }


@dataclass(slots=True)
class EntitySummary:
    record: EntityRecord
    mentions: int = 0
    articles: list[str] = field(default_factory=list)
    forms: dict[str, int] = field(default_factory=dict)

    names: dict[str, str] = field(default_factory=dict)
    roles_then: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        r = self.record
        return {"id": r.id, "kind": r.kind, "name": r.name, "names": self.names, "country": r.country,
                "roles": r.roles, "roles_then": self.roles_then, "provisional": r.provisional,
                "mentions": self.mentions,
                "articles": self.articles, "forms": sorted(self.forms, key=lambda f: (-self.forms[f], f))}


def summarise_entities(articles: Iterable[Article], kb: Any) -> list[EntitySummary]:
    """Each linked entity once, with its mention count, forms and articles; most mentioned first."""
    summaries: dict[str, EntitySummary] = {}
    articles_seen: list[Article] = []
    for article in articles:
        articles_seen.append(article)
        for mention in article.mentions:
            summary = summaries.get(mention.entity_id)
            if summary is None:
                summary = summaries[mention.entity_id] = EntitySummary(kb.describe(mention, article.text))
            summary.mentions += 1
            if not summary.articles or summary.articles[-1] != article.id:  # articles come one at a time
                summary.articles.append(article.id)
            form = article.text[mention.start:mention.end]
            summary.forms[form] = summary.forms.get(form, 0) + 1
    from veille.corpus._common import names_by_language

    display = names_by_language(articles_seen, kb, "fr")
    # Roles as they stood when the articles were written (the latest publication date of the corpus).
    as_of = max((a.published[:10] for a in articles_seen if a.published), default=None)
    for summary in summaries.values():
        summary.roles_then = kb.roles_at(summary.record.id, as_of) if not summary.record.provisional else []
        # the record's name is the text's for a provisional entity, the English one for people and
        # organisations of the knowledge base
        record = summary.record
        summary.names = {lang: record.name if record.provisional or (lang == "en" and record.kind != "country")
                         else names.name(record.id) for lang, names in display.items()}
    return sorted(summaries.values(), key=lambda s: (-s.mentions, s.record.id))


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")
            count += 1
    return count
