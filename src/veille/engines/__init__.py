"""Engines run the per-article work: in this process, in a local process pool, or on Dask.

The same function (``process_document``) runs everywhere and results come back in input order,
so the output is byte-identical whatever the engine or the number of workers.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from veille.clean import clean_document
from veille.errors import UsageError, VeilleError
from veille.pipeline import DEFAULT_STAGES, Pipeline, Resources
from veille.sources import RawDocument
from veille.types import Article, Failure

ENGINES = ("local", "process", "dask")


@dataclass(frozen=True, slots=True)
class Job:
    """What every worker needs to rebuild the same pipeline (picklable)."""

    stages: tuple[str, ...] = DEFAULT_STAGES
    kb_dirs: tuple[str, ...] = ()
    lang: str = "fr"


_WORKER: tuple[Job, Pipeline, Resources] | None = None


def _worker(job: Job) -> tuple[Pipeline, Resources]:
    global _WORKER
    if _WORKER is None or _WORKER[0] != job:
        _WORKER = (job, Pipeline.from_names(job.stages), Resources(job.kb_dirs, job.lang))
    return _WORKER[1], _WORKER[2]


def process_document(doc: RawDocument, job: Job) -> Article | Failure:
    """Clean and analyse one document; an unexpected error becomes a Failure, not a crash."""
    pipeline, resources = _worker(job)
    try:
        return pipeline(clean_document(doc), resources)
    except VeilleError as exc:
        return Failure(doc.source, str(exc))
    except Exception as exc:  # a bug on one article must not lose the others
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return Failure(doc.source, f"internal error {type(exc).__name__}: {exc} "
                       f"(at {where.filename}:{where.lineno}); please report it with this file")


def _process_chunk(args: tuple[list[RawDocument], Job]) -> list[Article | Failure]:
    docs, job = args
    return [process_document(doc, job) for doc in docs]


def _chunks(docs: Sequence[RawDocument], size: int) -> list[list[RawDocument]]:
    return [list(docs[i:i + size]) for i in range(0, len(docs), size)]


def run_documents(docs: Sequence[RawDocument], job: Job, engine: str = "local", workers: int = 1,
                  chunk: int | None = None, scheduler: str | None = None) -> Iterator[Article | Failure]:
    """Process ``docs`` with the chosen engine, yielding results in input order."""
    if engine not in ENGINES:
        raise UsageError(f"unknown engine '{engine}'; choose one of {', '.join(ENGINES)}")
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    if engine == "local" or (engine == "process" and workers == 1) or not docs:
        for doc in docs:
            yield process_document(doc, job)
        return
    # Several chunks per worker so that a slow chunk does not leave the others idle; at most 64
    # articles a chunk so that results stream back while the run goes on.
    size = chunk or max(1, min(64, len(docs) // (workers * 4)))
    tasks = [(c, job) for c in _chunks(docs, size)]
    if engine == "process":
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for results in pool.map(_process_chunk, tasks):
                yield from results
        return
    yield from _run_dask(tasks, workers, scheduler)


def _run_dask(tasks: Iterable[tuple[list[RawDocument], Job]], workers: int,
              scheduler: str | None = None) -> Iterator[Article | Failure]:
    """On a Dask cluster when ``scheduler`` names one (tcp://host:8786), else on local processes."""
    try:
        import dask.bag as db
    except ImportError:
        raise UsageError("the dask engine needs Dask: pip install 'veille[dask]'") from None
    bag = db.from_sequence(list(tasks), npartitions=max(1, workers)).map(_process_chunk)
    if scheduler:
        try:
            from distributed import Client
        except ImportError:
            raise UsageError("a Dask scheduler address needs dask.distributed: pip install 'veille[dask]'") from None
        with Client(scheduler) as client:
            results = client.compute(bag).result()
    else:
        results = bag.compute(scheduler="processes", num_workers=workers)
    for chunk in results:
        yield from chunk
