"""`eventwatch ingest`, `events` and `export`: a corpus into the store, and out again."""

from __future__ import annotations

import datetime as dt
import functools
import glob
import inspect
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterable
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional, get_type_hints

import duckdb
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from eventwatch.cli.app import app
from eventwatch.cli.common import DateOption, DbOption, Failures, SinceOption, UntilOption, err, open_or_exit, reading, say
from eventwatch.cli.replace import replacing
from eventwatch.ingest import read_paths
from eventwatch.records import Article
from eventwatch.runner import DEFAULT_BATCH, Callbacks, IngestSummary, RunnerError, ingest as run_ingest, make_executor
from eventwatch.store import DamagedStore, default_db, explain
from eventwatch.store.errors import first_line, os_cause
from eventwatch.store.exports import TEXT_WRITERS, ExportFormat, write_parquet
from eventwatch.store.queries import EventQuery, Row, count_events, event_record, event_rows
from eventwatch.store.shapes import MODALITY_FLAGS

_GLOB_CHARS = set("*?[")

_FILTERS: dict[str, Any] = {
    "source": Annotated[Optional[str], typer.Option(help="Source actor: code prefix (RUS, RUSGOV), country or organisation.")],
    "target": Annotated[Optional[str], typer.Option(help="Target actor, as --source.")],
    "actor": Annotated[Optional[str], typer.Option(help="Actor on either side, as --source.")],
    "cameo": Annotated[Optional[str], typer.Option(help="CAMEO root or code prefix: 19, 190, 1123.")],
    "plover": Annotated[Optional[str], typer.Option(help="PLOVER event type: ASSAULT, CONSULT, ...")],
    "quad_class": Annotated[Optional[int], typer.Option("--quad", min=1, max=4, help="Quad class 1-4.")],
    "since": SinceOption,
    "until": UntilOption,
    "text": Annotated[Optional[str], typer.Option(help="Words that the evidence of a report contains.")],
    "raw": Annotated[bool, typer.Option("--raw", help="One row per article's event, not deduplicated.")],
}


def _with_filters(command: Callable[..., None]) -> Callable[..., None]:
    """Give a command the event filter options; it receives them as one `query: EventQuery`."""
    hints = get_type_hints(command, include_extras=True)
    own = [p.replace(annotation=hints[p.name]) for p in inspect.signature(command).parameters.values() if p.name != "query"]
    added = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=False if name == "raw" else None, annotation=hint)
        for name, hint in _FILTERS.items()
    ]

    @functools.wraps(command)
    def with_query(**options: Any) -> None:
        filters = {name: options.pop(name) for name in _FILTERS}
        for day in ("since", "until"):
            filters[day] = dt.date.fromisoformat(filters[day]) if filters[day] else None
        command(query=EventQuery(**filters), **options)

    with_query.__signature__ = inspect.Signature(own + added)  # type: ignore[attr-defined]
    with_query.__annotations__ = {p.name: p.annotation for p in own + added}
    return with_query


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursively), globs, .jsonl, RSS/Atom, or - for stdin.")],
    db: DbOption = None,
    date: DateOption = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Local processes running the pipeline.")] = 1,
    dask: Annotated[
        Optional[str], typer.Option("--dask", help="Address of a running Dask scheduler (tcp://host:8786) to run on.")
    ] = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Articles per unit of work and per transaction.")
    ] = DEFAULT_BATCH,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="A line on stderr for every committed batch.")] = False,
) -> None:
    """Code articles into the store; already stored articles are skipped, so re-running resumes."""
    if dask and workers > 1:
        raise typer.BadParameter("use either --workers or --dask", param_hint="--workers")
    inputs = _expand_globs(paths)
    path = db or default_db()
    con = open_or_exit(path)
    failures = Failures()
    progress = _progress_bar()
    task = progress.add_task("ingest", total=_count_articles(inputs, date) if not progress.disable else None)
    callbacks = Callbacks(bad=failures.report, advance=lambda count: progress.advance(task, count))
    if verbose:
        callbacks.committed = _log_batch
    try:
        with progress:
            articles = failures.articles_only(read_paths(inputs, published=date))
            summary = _run(articles, con, workers, dask, batch_size, callbacks)
    except RunnerError as error:
        say(f"ingest stopped, every committed batch is kept: {error}")
        raise typer.Exit(1) from None
    except duckdb.Error as error:
        cause = explain(path, error)
        say(f"ingest stopped, every committed batch is kept: {cause}")
        raise typer.Exit(2 if isinstance(cause, DamagedStore) else 1) from None
    finally:
        con.close()
    _print_summary(summary, failures, path)
    if failures.unusable_inputs or summary.done == 0 and failures.count:
        raise typer.Exit(2)


def _run(
    articles: Iterable[Article], con: duckdb.DuckDBPyConnection, workers: int, dask: Optional[str], batch_size: int,
    callbacks: Callbacks,
) -> IngestSummary:
    executor = make_executor(workers, dask)
    try:
        return run_ingest(articles, con, executor, batch_size, callbacks)
    finally:
        executor.close()


def _progress_bar() -> Progress:
    """Articles done, articles/s and ETA on a terminal's stderr; nothing elsewhere."""
    return Progress(
        TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), _RateColumn(), TimeRemainingColumn(),
        console=err, disable=not err.is_terminal,
    )


def _expand_globs(paths: list[str]) -> list[str]:
    """Patterns the shell left unexpanded ("news/**/*.html"), in sorted order."""
    expanded: list[str] = []
    for path in paths:
        matches = sorted(glob.glob(path, recursive=True)) if _GLOB_CHARS & set(path) and not Path(path).exists() else []
        expanded.extend(matches or [path])
    return expanded


def _count_articles(paths: list[str], published: Optional[str]) -> Optional[int]:
    """A first, quiet pass for the progress bar's total and ETA (reading is cheap next to
    parsing); None for standard input, which can be read only once."""
    if "-" in paths:
        return None
    return sum(1 for item in read_paths(paths, published) if isinstance(item, Article))


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "- articles/s", style="progress.data.speed")


def _log_batch(summary: IngestSummary) -> None:
    written = summary.written
    err.print(
        f"eventwatch: committed batch {summary.batches}: {written.articles} stored, "
        f"{summary.skipped + written.skipped} skipped, {summary.bad} bad",
        markup=False,
    )


def _print_summary(summary: IngestSummary, failures: Failures, path: str) -> None:
    written = summary.written
    seconds = summary.seconds
    rate = written.articles / seconds if seconds > 0 else 0.0
    err.print(
        f"eventwatch: stored {written.articles} articles ({written.events} events, {written.quotes} quotes, "
        f"{written.mentions} mentions) in {path}; {summary.skipped + written.skipped} already stored; "
        f"{failures.count - failures.unusable_inputs} bad; {failures.unusable_inputs} unusable inputs; "
        f"{seconds:.1f} s, {rate:.1f} articles/s",
        markup=False,
    )


class EventsFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


TABLE_LIMIT = 50


@app.command()
@_with_filters
def events(
    query: EventQuery,
    db: DbOption = None,
    output: Annotated[EventsFormat, typer.Option("--format", "-f", help="table, json or csv.")] = EventsFormat.table,
    limit: Annotated[
        Optional[int], typer.Option(min=1, help=f"At most this many events (default: {TABLE_LIMIT} for a table, else all).")
    ] = None,
) -> None:
    """Stored events, deduplicated across articles, by actor, code, type, date and evidence text."""
    if output is EventsFormat.table and limit is None:
        limit = TABLE_LIMIT
    query = replace(query, limit=limit)
    with reading(db or default_db()) as con:
        if output is EventsFormat.csv:
            TEXT_WRITERS[ExportFormat.csv](con, query, sys.stdout)
        elif output is EventsFormat.json:
            records = [event_record(row) for row in event_rows(con, query)]
            sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2, default=str) + "\n")
        else:
            _print_events_table(list(event_rows(con, query)), count_events(con, query))


def _print_events_table(rows: list[Row], total: int) -> None:
    table = Table(title=f"{len(rows)} of {total} events", title_justify="left", expand=True)
    for column in ("date", "source", "event", "target", "gold.", "reports", "modality"):
        table.add_column(column, no_wrap=True)
    table.add_column("evidence", ratio=1)
    for row in rows:
        modality = ",".join(flag for flag in MODALITY_FLAGS if row[flag]) or "-"
        table.add_row(
            row["date"] or "-",
            _actor_cell(row, "source"),
            f"{row['cameo']} {row['plover']}",
            _actor_cell(row, "target"),
            f"{row['goldstein']:+.1f}",
            str(row["reports"]),
            modality,
            row["evidence"][0]["text"],
        )
    Console(highlight=False, width=shutil.get_terminal_size((160, 40)).columns).print(table)


def _actor_cell(row: Row, side: str) -> str:
    if row[f"{side}_code"] is None:
        return "-"
    return f"{row[f'{side}_code'] or '?'} {row[f'{side}_name']}"


@app.command()
@_with_filters
def export(
    query: EventQuery,
    output_format: Annotated[ExportFormat, typer.Option("--format", "-f", help="csv, parquet, jsonl, gdelt or plover.")],
    output: Annotated[str, typer.Option("--output", "-o", help="File to write, or - for stdout (not for parquet).")] = "-",
    db: DbOption = None,
) -> None:
    """Export stored events (deduplicated unless --raw) for other tools."""
    if output_format is ExportFormat.parquet and output == "-":
        raise typer.BadParameter("parquet needs a file: --output events.parquet", param_hint="--output")
    try:
        with reading(db or default_db()) as con:
            count = _export(con, query, output_format, output)
    except BrokenPipeError:  # the reader stopped early (| head): not an error
        sys.stdout = open(os.devnull, "w")
        return
    except OSError as error:
        say(f"{output}: cannot write ({error.strerror or error})")
        raise typer.Exit(2) from None
    say(f"exported {count} events as {output_format.value} to {output}")


def _export(con: duckdb.DuckDBPyConnection, query: EventQuery, output_format: ExportFormat, output: str) -> int:
    if output_format is ExportFormat.parquet:
        with replacing(output) as part:
            try:
                return write_parquet(con, query, part)
            except duckdb.IOException as error:
                if part not in str(error):
                    raise  # reading the store failed
                raise OSError(os_cause(error) or first_line(error)) from None  # DuckDB writes the file itself
    if output == "-":
        return TEXT_WRITERS[output_format](con, query, sys.stdout)
    with replacing(output) as part, open(part, "w", encoding="utf-8", newline="") as out:
        return TEXT_WRITERS[output_format](con, query, out)
