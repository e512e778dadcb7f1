"""veille run INPUT... --out DIR"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from veille import api
from veille.engines import ENGINES
from veille.errors import SourceError, VeilleError
from veille.types import Dossier

HELP = """Read, clean and analyse articles; write the dossier into --out.

Inputs are files or folders (walked recursively): .txt, .html/.htm, .jsonl (one article per line
with "text" or "html", and optional url, title, published, site, author).

Writes articles.jsonl, entities.jsonl, facts.jsonl, timeline.jsonl, stories.jsonl,
duplicates.jsonl, briefing.md, briefing.html and veille.db.

Example:  veille run examples/ --out dossier
"""

err = Console(stderr=True)


def run(
    inputs: Annotated[list[Path], typer.Argument(help="Files or folders to read.", show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the dossier into.")] = Path("dossier"),
    kb: Annotated[list[Path] | None, typer.Option("--kb", help="Extra knowledge-base folder (repeatable).")] = None,
    lang: Annotated[str, typer.Option(help="Briefing language: fr or en.")] = "fr",
    engine: Annotated[str, typer.Option(help=f"Where to run: {', '.join(ENGINES)}.")] = "local",
    workers: Annotated[int, typer.Option(help="Worker processes (process and dask engines).")] = 1,
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address (tcp://host:8786).")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Stop at the first input that fails.")] = False,
    max_bytes: Annotated[int, typer.Option(help="Larger files are reported, not read.")] = 20 * 1024 * 1024,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
) -> None:
    if lang not in ("fr", "en"):
        raise typer.BadParameter("--lang must be fr or en")
    if engine not in ENGINES:
        raise typer.BadParameter(f"--engine must be one of {', '.join(ENGINES)}")
    for folder in kb or []:
        if not folder.is_dir():
            raise typer.BadParameter(f"--kb {folder}: not a folder")
    progress = Progress(TextColumn("[bold]analysing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=err, transient=True, disable=quiet)
    with progress:
        task = progress.add_task("articles", total=None)

        def tick(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        try:
            dossier = api.run(inputs, out=out, kb_dirs=[str(k) for k in kb or []], lang=lang, engine=engine,
                              workers=workers, scheduler=scheduler, strict=strict, max_bytes=max_bytes, progress=tick)
        except SourceError as exc:
            err.print(f"[red]error:[/red] {escape(str(exc))} (stopped: --strict)", soft_wrap=True)
            raise typer.Exit(1) from None
        except VeilleError as exc:
            err.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True)
            raise typer.Exit(2) from None
    for failure in dossier.failures:
        err.print(f"[yellow]failed:[/yellow] {escape(str(failure))}", soft_wrap=True)
    if not quiet:
        _summary(dossier)
        err.print(f"Briefing: [bold]{out / 'briefing.html'}[/bold] (and briefing.md)", highlight=False)
    raise typer.Exit(1 if dossier.failures else 0)


def _summary(dossier: Dossier) -> None:
    table = Table(title="Veille run", show_header=True, header_style="bold")
    table.add_column("what")
    table.add_column("count", justify="right")
    articles = dossier.articles
    table.add_row("articles read", str(len(articles) + len(dossier.failures)))
    table.add_row("cleaned", str(len(articles)))
    table.add_row("failed", str(len(dossier.failures)))
    removed = Counter(r.reason for a in articles for r in a.removed)
    for reason, count in sorted(removed.items()):
        table.add_row(f"removed: {reason}", str(count))
    flags = Counter(f for a in articles for f in a.flags)
    for flag, count in sorted(flags.items()):
        table.add_row(f"flag: {flag}", str(count))
    table.add_row("comments split out", str(sum(len(a.comments) for a in articles)))
    table.add_row("entities", str(len(dossier.entities)))
    table.add_row("events", str(sum(len(a.events) for a in articles)))
    table.add_row("facts", str(len(dossier.facts)))
    table.add_row("stories", str(len(dossier.stories)))
    table.add_row("groups of copies", str(len(dossier.duplicates)))
    err.print(table)
