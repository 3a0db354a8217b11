"""The `eventwatch` command line: one module per command group, all on one Typer app."""

from eventwatch.cli import extract  # noqa: F401  (registers its commands)
from eventwatch.cli import corpus  # noqa: F401
from eventwatch.cli import analysis  # noqa: F401
from eventwatch.cli import serve  # noqa: F401
from eventwatch.cli.app import app

__all__ = ["app"]
