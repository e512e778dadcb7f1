"""The Python API: the same things the CLI does, as plain functions.

>>> dossier = veille.run(["articles/"], out="dossier")      # doctest: +SKIP
>>> [f.label for f in dossier.facts[:3]]                      # doctest: +SKIP
"""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from veille.engines import Job, run_documents
from veille.errors import SourceError, UsageError
from veille.pipeline import DEFAULT_STAGES, Resources
from veille.report.briefing import BriefingData
from veille.report.exports import article_to_dict, summarise_entities, write_jsonl
from veille.report.render import render_html, render_markdown
from veille.sources import DEFAULT_MAX_BYTES, RawDocument, content_id, read_inputs
from veille.store import Store
from veille.types import Article, Dossier, Failure

Progress = Callable[[int, int], None]
T = TypeVar("T")


@dataclass(slots=True)
class RunOptions:
    out: str | Path
    kb_dirs: Sequence[str | Path] = ()
    lang: str = "fr"
    engine: str = "local"
    workers: int = 1
    scheduler: str | None = None
    strict: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    stages: Sequence[str] = DEFAULT_STAGES
    progress: Progress | None = None


FREEZE_EVERY = 500  # articles


def run(paths: Iterable[str | Path], out: str | Path, **options: Any) -> Dossier:
    """Read, clean and analyse ``paths``; write the dossier into ``out``; return it as objects.

    With ``strict=True`` the first input that fails raises ``SourceError``; otherwise failures are
    collected in ``Dossier.failures`` and the rest goes on.
    """
    opts = RunOptions(out=out, **options)
    failures: list[Failure] = []

    def keep(item: T | Failure, sink: list[T]) -> None:
        if not isinstance(item, Failure):
            sink.append(item)
        elif opts.strict:
            raise SourceError(str(item))
        else:
            failures.append(item)

    docs: list[RawDocument] = []
    for item in read_inputs(paths, opts.max_bytes):
        keep(item, docs)
    job = Job(tuple(opts.stages), tuple(str(d) for d in opts.kb_dirs), opts.lang)
    articles: list[Article] = []
    results = run_documents(docs, job, opts.engine, opts.workers, scheduler=opts.scheduler)
    try:
        for done, result in enumerate(results, start=1):
            keep(result, articles)
            if opts.progress:
                opts.progress(done, len(docs))
            if done % FREEZE_EVERY == 0:
                # Finished articles live to the end of the run: frozen, the collector stops walking
                # them again at each full collection the next articles set off.
                gc.freeze()
    finally:
        gc.unfreeze()
    dossier = analyse_corpus(articles, Resources(job.kb_dirs, job.lang))
    dossier.failures = failures
    write_dossier(dossier, Path(opts.out), Resources(job.kb_dirs, job.lang), opts.lang)
    return dossier


def analyse_corpus(articles: list[Article], resources: Resources) -> Dossier:
    """The corpus stages: copies, facts (merged, corroborated, contested), stories."""
    from veille.corpus import assign_facts, cluster_stories, find_duplicates, merge_facts

    kb = resources.kb
    # The articles and their annotations live until the end of the run: moving them out of the
    # collector's sight keeps it from rescanning millions of objects during the corpus stages.
    gc.collect()
    gc.freeze()
    try:
        duplicates = find_duplicates(articles)
        # labels and contradiction notes are written in the dossier's language, as its briefing is
        facts = merge_facts(articles, duplicates, kb, lang=resources.lang)
        stories = assign_facts(cluster_stories(articles, duplicates, kb, lang=resources.lang), facts)
    finally:
        gc.unfreeze()
    entities = [s.record for s in summarise_entities(articles, kb)]
    return Dossier(articles=articles, entities=entities, facts=facts, stories=stories, duplicates=duplicates)


def dossier_documents(dossier: Dossier, resources: Resources) -> dict[str, Any]:
    """The dossier as the documents of the output contract."""
    from veille.corpus import build_timeline, fact_to_dict, story_to_dict, timeline_to_dicts

    facts = sorted(dossier.facts, key=lambda f: f.id)
    return {
        "articles": [article_to_dict(a) for a in dossier.articles],
        "entities": [s.to_dict() for s in summarise_entities(dossier.articles, resources.kb)],
        "facts": [fact_to_dict(f) for f in facts],
        "timeline": timeline_to_dicts(build_timeline(facts)),
        "stories": [story_to_dict(s) for s in dossier.stories],
        "duplicates": dossier.duplicates,
    }


def write_dossier(dossier: Dossier, out: Path, resources: Resources, lang: str = "fr") -> None:
    from veille.corpus import duplicates_to_dicts

    out.mkdir(parents=True, exist_ok=True)
    docs = dossier_documents(dossier, resources)
    for name in ("articles", "entities", "facts", "timeline", "stories"):
        write_jsonl(out / f"{name}.jsonl", docs[name])
    write_jsonl(out / "duplicates.jsonl", duplicates_to_dicts(docs["duplicates"]))
    with Store(out / "veille.db") as store:
        store.upsert_articles(docs["articles"])
        store.replace_corpus(docs["entities"], docs["facts"], docs["stories"], docs["timeline"],
                             docs["duplicates"])
    write_briefing(_briefing_data(docs), out, lang)
    dossier.out = str(out)


def _briefing_data(docs: dict[str, Any]) -> BriefingData:
    return BriefingData(docs["articles"], docs["entities"], docs["facts"], docs["timeline"], docs["stories"],
                        docs["duplicates"])


def write_briefing(data: BriefingData, out: Path, lang: str = "fr") -> tuple[Path, Path]:
    md, page = out / "briefing.md", out / "briefing.html"
    md.write_text(render_markdown(data, lang), encoding="utf-8")
    page.write_text(render_html(data, lang), encoding="utf-8")
    return md, page


def brief(db: str | Path, out: str | Path | None = None, lang: str = "fr") -> tuple[Path, Path]:
    """Rebuild ``briefing.md`` and ``briefing.html`` from a store (next to it unless ``out`` is given)."""
    with Store(db, create=False) as store:
        data = BriefingData(*(store.documents(t) for t in ("articles", "entities", "facts", "timeline",
                                                           "stories", "duplicates")))
    target = Path(out) if out else Path(db).parent
    target.mkdir(parents=True, exist_ok=True)
    return write_briefing(data, target, lang)


def annotate(records: Iterable[dict[str, Any]], kb_dirs: Sequence[str | Path] = (), lang: str = "fr",
             stages: Sequence[str] = DEFAULT_STAGES) -> Iterator[dict[str, Any] | Failure]:
    """Per-article analysis of ``{id, text, published?, clean?}`` records.

    With ``clean: false`` the text is analysed as given and every offset points into it unchanged.
    """
    job = Job(tuple(stages), tuple(str(d) for d in kb_dirs), lang)
    for number, record in enumerate(records, start=1):
        try:
            doc = _annotation_doc(record, number)
        except SourceError as exc:
            yield Failure(str(record.get("id", f"record {number}")) if isinstance(record, dict) else
                          f"record {number}", exc.reason, number)
            continue
        result = next(run_documents([doc], job))
        yield result if isinstance(result, Failure) else article_to_dict(result)


def _annotation_doc(record: Any, number: int) -> RawDocument:
    if not isinstance(record, dict):
        raise SourceError("each line must be a JSON object {id, text, published?, clean?}")
    text = record.get("text")
    if not isinstance(text, str):
        raise SourceError("the record has no 'text' string")
    ident = record.get("id")
    doc = RawDocument(id=str(ident) if ident is not None else content_id(text.encode("utf-8")),
                      source=str(ident if ident is not None else f"record {number}"), text=text, format="annotate")
    published = record.get("published")
    if isinstance(published, str) and published:
        doc.published, doc.published_rule = published, "input"
    if isinstance(record.get("language"), str):
        doc.language = record["language"]
    if isinstance(record.get("title"), str):
        doc.title = record["title"]
    doc.clean = record.get("clean", True) is not False
    return doc


def read_jsonl_records(path: str | Path | None) -> Iterator[dict[str, Any] | Failure]:
    """Lines of a JSONL file (standard input when ``path`` is None) as dicts; bad lines as Failures."""
    source = str(path) if path is not None else "<stdin>"
    try:
        handle = open(path, encoding="utf-8") if path is not None else sys.stdin  # noqa: SIM115
    except OSError as exc:
        raise UsageError(f"{source}: cannot open ({exc.strerror or exc})") from None
    try:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Failure(source, f"not valid JSON ({exc.msg} at column {exc.colno})", number)
                continue
            yield value if isinstance(value, dict) else Failure(source, "not a JSON object", number)
    finally:
        if path is not None:
            handle.close()
