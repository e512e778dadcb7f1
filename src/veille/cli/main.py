"""The ``veille`` command: a thin layer over ``veille.api``.

Exit codes: 0 success, 1 some inputs failed, 2 usage error.
"""

from __future__ import annotations

import sys

import typer

from veille.cli import annotate_cmd, brief_cmd, run_cmd, search_cmd

app = typer.Typer(
    name="veille",
    help="Veille: a pile of collected news articles in, a sourced dossier out.\n\n"
         "Example: veille run examples/ --out dossier",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("run", help=run_cmd.HELP)(run_cmd.run)
app.command("search", help=search_cmd.HELP)(search_cmd.search)
app.command("annotate", help=annotate_cmd.HELP)(annotate_cmd.annotate)
app.command("brief", help=brief_cmd.HELP)(brief_cmd.brief)


def main() -> None:
    try:
        app(standalone_mode=False)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    except Exception as exc:
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(2)
        raise


if __name__ == "__main__":
    main()
