"""Benchmark: each stage and the whole run on a generated corpus (a benchmark, not a timed test).

The corpus is built from the shipped example corpus with controlled noise (inserted related links,
adverts, site chrome), repetition (a share of articles repeat paragraphs) and copies (a share are
republished with small edits), so every cleaning and corpus path is exercised.

    python bench/bench.py --articles 10000
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from veille.clean import clean_document  # noqa: E402
from veille.pipeline import STAGES, Resources  # noqa: E402
from veille.sources import RawDocument, content_id, read_inputs  # noqa: E402
from veille.types import Article  # noqa: E402

NOISE = [
    "À lire aussi : Les marchés asiatiques ouvrent en baisse",
    "Lire aussi Le prix du riz atteint un sommet",
    "Read also: Markets slip as traders await data",
    "Ces astuces efficaces pour dormir enfin huit heures",
    "Copyright © 2024 Le Quotidien du Soir",
    "Inscrivez-vous à notre newsletter",
    "To Top",
    "LES PLUS LUS",
]


def base_texts() -> list[RawDocument]:
    docs = [d for d in read_inputs([ROOT / "examples"]) if isinstance(d, RawDocument)]
    if not docs:
        sys.exit("no example articles found under examples/")
    return docs


def generate(count: int, seed: int = 7) -> list[RawDocument]:
    """``count`` articles derived from the examples: paragraphs reordered and edited, noise inserted."""
    rng = random.Random(seed)
    bases = base_texts()
    out: list[RawDocument] = []
    for i in range(count):
        base = bases[i % len(bases)]
        lines = [ln for ln in base.text.split("\n") if ln.strip()]
        head, body = lines[:1], lines[1:]
        if i % 10 == 3 and out:  # a copy of an earlier article, republished
            out.append(RawDocument(id=content_id(f"copy{i}".encode()), source=f"gen/{i}.txt",
                                   text=out[-1].text + "\nCopyright © 2024 Autre Site", format="text"))
            continue
        if i % 4 == 0:
            rng.shuffle(body)
        body = [ln.replace("2024", str(2020 + i % 6)) if i % 3 == 0 else ln for ln in body]
        for _ in range(rng.randint(1, 3)):
            body.insert(rng.randint(0, len(body)), rng.choice(NOISE))
        if i % 5 == 0 and len(body) > 3:  # repeated paragraphs, as scraped pages carry them
            body += body[1:3]
        text = "\n".join(head + body) + f"\nRéférence interne {i}."
        out.append(RawDocument(id=content_id(text.encode()), source=f"gen/{i}.txt", text=text, format="text",
                               published=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", title=base.title))
    return out


def timed(name: str, work: Callable[[], Any], n: int, mb: float, results: dict[str, Any],
          clock: Callable[[], float] = time.process_time) -> Any:
    """Run ``work`` once; stages are timed in CPU seconds of this process (one core, whatever else the
    machine is doing), the whole run in wall-clock seconds."""
    started = clock()
    value = work()
    seconds = clock() - started
    results[name] = {"seconds": round(seconds, 3), "articles_per_s": round(n / seconds, 1) if seconds else None,
                     "mb_per_s": round(mb / seconds, 2) if seconds else None}
    rate = f"{n / seconds:>10,.0f} articles/s" if seconds else ""
    print(f"  {name:<28}{seconds:>8.2f} s {rate} {mb / seconds if seconds else 0:>8.2f} MB/s", flush=True)
    return value


def warm_up(res: Resources) -> None:
    """Start-up work, outside the timings: the knowledge base, the time grammars and the event lexicons
    are built once per process, as in a real run, and would otherwise be charged to the first stage."""
    res.kb  # noqa: B018
    for text in ("Hier, la Russie a signé un accord avec la Chine à Pékin.",
                 "Yesterday Russia signed an agreement with China in Beijing."):
        article = clean_document(RawDocument(id="warm", source="warm", text=text, format="text",
                                             published="2024-01-02"))
        for stage in STAGES.values():
            stage.run(article, res)


def per_article_stages(docs: list[RawDocument], results: dict[str, Any]) -> list[Article]:
    res = Resources()
    warm_up(res)
    mb = sum(len(d.text.encode()) for d in docs) / 1e6
    # What is already in memory (the knowledge base, then what the earlier stages left) is finished
    # data: frozen, the collector does not charge the next stage for walking it again (``veille.run``
    # freezes finished articles the same way)
    gc.collect()
    gc.freeze()
    articles = timed("clean", lambda: [clean_document(d) for d in docs], len(docs), mb, results)
    for name in ("language", "sentences", "entities", "times", "events"):
        stage = STAGES[name]
        gc.collect()
        gc.freeze()
        timed(name, lambda s=stage: [s.run(a, res) for a in articles], len(docs), mb, results)
    gc.unfreeze()
    return articles


def corpus_stages(articles: list[Article], results: dict[str, Any]) -> None:
    from veille.corpus import cluster_stories, find_duplicates, merge_facts

    kb = Resources().kb
    mb = sum(len(a.text.encode()) for a in articles) / 1e6
    duplicates = timed("corpus: near-duplicates", lambda: find_duplicates(articles), len(articles), mb, results)
    timed("corpus: facts", lambda: merge_facts(articles, duplicates, kb), len(articles), mb, results)
    timed("corpus: stories", lambda: cluster_stories(articles, duplicates, kb), len(articles), mb, results)


def baselines(articles: list[Article], sample: int, results: dict[str, Any]) -> None:
    """The same stages done by dateparser.search_dates and spaCy's EntityRuler, side by side."""
    subset = articles[:sample]
    mb = sum(len(a.text.encode()) for a in subset) / 1e6
    try:
        from veille.times.baseline import dateparser_baseline

        timed("times: dateparser", lambda: [dateparser_baseline(a.text, a.published, "fr") for a in subset],
              len(subset), mb, results)
    except ImportError as exc:
        print(f"  times: dateparser skipped ({exc})")
    try:
        import spacy

        from veille.entities import spacy_entity_ruler_patterns

        nlp = spacy.blank("fr")
        ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
        ruler.add_patterns(spacy_entity_ruler_patterns(Resources().kb))
        timed("entities: spaCy EntityRuler", lambda: [nlp(a.text) for a in subset], len(subset), mb, results)
    except ImportError as exc:
        print(f"  entities: spaCy skipped ({exc})")


def whole_run(docs: list[RawDocument], results: dict[str, Any], engine: str, workers: int) -> None:
    import veille

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "corpus"
        source.mkdir()
        for start in range(0, len(docs), 1000):  # files of a size a collector writes (and under --max-bytes)
            with (source / f"{start // 1000:04d}.jsonl").open("w", encoding="utf-8") as handle:
                for d in docs[start:start + 1000]:
                    handle.write(json.dumps({"text": d.text, "title": d.title, "published": d.published},
                                            ensure_ascii=False) + "\n")
        mb = sum(p.stat().st_size for p in source.iterdir()) / 1e6
        dossier = timed(f"whole run ({engine}, {workers})",
                        lambda: veille.run([source], out=Path(tmp) / "out", engine=engine, workers=workers),
                        len(docs), mb, results, clock=time.perf_counter)
        results["whole_run"].update(articles=len(dossier.articles), failures=len(dossier.failures),
                                    facts=len(dossier.facts), duplicates=len(dossier.duplicates))
        print(f"  ({len(dossier.articles):,} articles, {len(dossier.failures)} failures, {len(dossier.facts):,} facts, "
              f"{len(dossier.duplicates):,} groups of copies)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--baseline-sample", type=int, default=200)
    parser.add_argument("--engine", default="local")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    results: dict[str, Any] = {"articles": args.articles}
    docs = generate(args.articles)
    print(f"Veille benchmark: {len(docs):,} generated articles, "
          f"{sum(len(d.text.encode()) for d in docs) / 1e6:.1f} MB, one core per stage")
    articles = per_article_stages(docs, results)
    per_article = sum(results[name]["seconds"] for name in ("clean", "language", "sentences", "entities", "times",
                                                            "events"))
    results["per_article_analysis"] = {"seconds": round(per_article, 3),
                                       "articles_per_s": round(len(docs) / per_article, 1)}
    print(f"  {'per-article analysis (sum)':<28}{per_article:>8.2f} s {len(docs) / per_article:>10,.0f} articles/s")
    corpus_stages(articles, results)
    baselines(articles, args.baseline_sample, results)
    results["whole_run"] = {}
    whole_run(docs, results, args.engine, args.workers)
    results["whole_run"].update(results.pop(f"whole run ({args.engine}, {args.workers})"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results["peak_memory_mb"] = round(peak, 1)
    print(f"  peak memory {peak:,.0f} MB")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
