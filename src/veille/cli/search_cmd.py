"""veille search "query" --db PATH"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from veille.errors import StoreError
from veille.store import Store

HELP = """Full-text search (accent-insensitive) over the stored articles, ranked, with snippets.

Plain words must all occur; use "quotes" for a phrase, or FTS5 syntax (OR, NOT, prefix*).
--entity keeps the articles that mention an entity (country code or entity id).

Examples:  veille search "traité de défense" --db dossier/veille.db
           veille search missiles --entity PRK --db dossier/veille.db
"""


def search(
    query: Annotated[str, typer.Argument(help="Words to look for (may be empty with --entity).")] = "",
    db: Annotated[Path, typer.Option("--db", help="The store written by 'veille run'.")] = Path("dossier/veille.db"),
    entity: Annotated[str | None, typer.Option("--entity", "-e", help="Only articles mentioning it.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many hits at most.")] = 10,
) -> None:
    out = Console(highlight=False)
    err = Console(stderr=True, highlight=False)
    try:
        with Store(db, create=False) as store:
            hits = store.search(query or None, entity, limit)
    except StoreError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(2) from None
    if not hits:
        err.print("no hits")
        return
    for rank, hit in enumerate(hits, start=1):
        # Hits are the articles' own words: never read them as Rich markup (« [blé] » is a highlight).
        out.print(f"[bold]{rank}. {escape(hit.title or hit.source)}[/bold]  "
                  f"[dim]{hit.published or ''} {hit.id}[/dim]", soft_wrap=True)
        out.print(f"   {escape(hit.source)}", soft_wrap=True)
        out.print(f"   {escape(hit.snippet)}", soft_wrap=True)
