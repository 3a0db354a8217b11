"""The Typer application every command module registers on."""

from __future__ import annotations

from typing import Annotated

import typer

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
