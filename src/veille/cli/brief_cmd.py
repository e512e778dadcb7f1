"""veille brief --db PATH"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from veille import api
from veille.errors import StoreError

HELP = """Rebuild briefing.md and briefing.html from a store.

Example:  veille brief --db dossier/veille.db --lang en
"""


def brief(
    db: Annotated[Path, typer.Option("--db", help="The store written by 'veille run'.")] = Path("dossier/veille.db"),
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Folder for the briefing (default: the db's).")]
    = None,
    lang: Annotated[str, typer.Option(help="fr or en.")] = "fr",
) -> None:
    err = Console(stderr=True, highlight=False)
    if lang not in ("fr", "en"):
        raise typer.BadParameter("--lang must be fr or en")
    try:
        md, page = api.brief(db, out, lang)
    except StoreError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(2) from None
    err.print(f"Briefing: {page} (and {md.name})")
