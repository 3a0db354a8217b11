"""The Typer application every command module registers on."""

from __future__ import annotations

import shutil
from typing import Annotated

import typer
from rich.console import Console

from eventwatch import __version__

app = typer.Typer(
    help="EventWatch: who did what to whom, when and where, and who said so.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        typer.echo(f"eventwatch {__version__}")
        raise typer.Exit()


def wide_console() -> Console:
    """Standard output for tables: the terminal's width, or 160 columns when piped."""
    return Console(highlight=False, width=shutil.get_terminal_size((160, 40)).columns)
