"""veille annotate --jsonl IN.jsonl"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from veille import api
from veille.errors import UsageError
from veille.types import Failure

HELP = """Per-article analysis for tools and evaluations, one JSON line in, one out.

Input lines: {"id": ..., "text": ..., "published": "2024-10-04"?, "clean": true|false?}.
Output lines: {id, text, mentions, times, events, ...}. With "clean": false the text is analysed
as given and every offset points into it unchanged.

Example:  veille annotate --jsonl in.jsonl > out.jsonl
"""


def annotate(
    jsonl: Annotated[Path, typer.Option("--jsonl", help="Input JSON Lines file ('-' for standard input).")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    kb: Annotated[list[Path] | None, typer.Option("--kb", help="Extra knowledge-base folder.")] = None,
) -> None:
    err = Console(stderr=True, highlight=False)
    try:
        records = api.read_jsonl_records(jsonl if str(jsonl) != "-" else None)
        sink = output.open("w", encoding="utf-8") if output else sys.stdout
    except (UsageError, OSError) as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(2) from None
    failures: list[Failure] = []

    def valid(items: Iterable[dict[str, Any] | Failure]) -> Iterator[dict[str, Any]]:
        for item in items:
            if isinstance(item, Failure):
                failures.append(item)
                err.print(f"[yellow]failed:[/yellow] {escape(str(item))}", soft_wrap=True)
            else:
                yield item

    for result in api.annotate(valid(records), kb_dirs=[str(k) for k in kb or []]):
        if isinstance(result, Failure):
            failures.append(result)
            err.print(f"[yellow]failed:[/yellow] {escape(f'{jsonl}: {result}')}", soft_wrap=True)
            continue
        sink.write(json.dumps(result, ensure_ascii=False) + "\n")
    if output:
        sink.close()
    raise typer.Exit(1 if failures else 0)
