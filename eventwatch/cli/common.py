"""What every command shares: the stderr console, date and store options, the one-line
report of bad inputs, and opening the store with a one-line error instead of a traceback."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Annotated, Optional

import duckdb
import typer
from rich.console import Console

from eventwatch.ingest import BadArticle, InputError
from eventwatch.records import Article
from eventwatch.store import DB_ENV, StoreError, explain, open_store

err = Console(stderr=True, highlight=False, soft_wrap=True)


def say(message: str) -> None:
    """One line on stderr, prefixed with the program's name; never Rich markup."""
    err.print(f"eventwatch: {message}", markup=False)


def check_date(value: Optional[str]) -> Optional[str]:
    """Typer callback: a YYYY-MM-DD day, or a usage error naming the value."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


DateOption = Annotated[
    Optional[str],
    typer.Option("--date", help="Publication date (YYYY-MM-DD) for inputs that carry none.", callback=check_date),
]
SinceOption = Annotated[Optional[str], typer.Option(help="From this day (YYYY-MM-DD), inclusive.", callback=check_date)]
UntilOption = Annotated[Optional[str], typer.Option(help="Up to this day (YYYY-MM-DD), inclusive.", callback=check_date)]
DbOption = Annotated[
    Optional[str],
    typer.Option("--db", help=f"The store file (default: ${DB_ENV}, else ./eventwatch.duckdb).", show_default=False),
]


class Failures:
    """Reports unusable inputs and bad articles on stderr, one line each, and counts them."""

    def __init__(self) -> None:
        self.unusable_inputs = 0
        self.count = 0

    def articles_only(self, items: Iterable[Article | BadArticle | InputError]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, Article):
                yield item
            else:
                self.report(item)

    def report(self, item: BadArticle | InputError) -> None:
        self.count += 1
        if isinstance(item, InputError):
            self.unusable_inputs += 1
            say(str(item))
        else:
            say(f"skipped {item.origin}: {item.reason}")


def open_or_exit(path: str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """The store at `path`, or a one-line message and exit status 2."""
    try:
        return open_store(path, read_only=read_only)
    except StoreError as error:
        say(str(error))
        raise typer.Exit(2) from None


@contextmanager
def reading(path: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """The store opened for reading. A DuckDB failure while reading it (a damaged block
    that only a query reaches) ends the command with one line naming the file, status 2."""
    con = open_or_exit(path, read_only=True)
    try:
        yield con
    except duckdb.Error as error:
        say(str(explain(path, error)))
        raise typer.Exit(2) from None
    finally:
        con.close()
