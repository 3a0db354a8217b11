"""`eventwatch extract`: articles in, records out (../shared/spec/records.md)."""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from eventwatch.cli.app import app, wide_console
from eventwatch.cli.common import DateOption, Failures, say
from eventwatch.ingest import BadArticle, read_paths
from eventwatch.records import Actor, ArticleResult

BATCH_SUFFIXES = {".jsonl", ".xml", ".rss", ".atom"}


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt, .html, .jsonl, RSS/Atom .xml), folders, or - for stdin.")],
    date: DateOption = None,
    output: Annotated[
        Optional[OutputFormat],
        typer.Option("--format", "-f", help="json (default for one article), jsonl (default for batches), or table."),
    ] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show for each event the lexicon pattern that fired and the words it bound.")
    ] = False,
    actors: Annotated[
        Optional[list[Path]],
        typer.Option("--actors", help="Extra actor dictionary (YAML, TSV or TABARI .txt file, or a folder); repeatable."),
    ] = None,
) -> None:
    """Extract quotes, actors and coded events from news articles."""
    fmt = output or _default_format(paths)
    if actors:
        _use_actor_files(actors)
    failures = Failures()
    from eventwatch.pipeline import extract as run_pipeline  # the model loads only when needed

    results = run_pipeline(failures.articles_only(read_paths(paths, published=date)))
    printed = 0
    for result in results:
        if isinstance(result, BadArticle):
            failures.report(result)
            continue
        _print_result(result, fmt, explain)
        printed += 1
    if failures.unusable_inputs or printed == 0 and failures.count:
        raise typer.Exit(2)


def _use_actor_files(paths: list[Path]) -> None:
    """Extend the actor knowledge base for this run, checking the files up front."""
    from eventwatch.actors import load_kb
    from eventwatch.actors.kb import USER_FILES_VARIABLE, ActorDataError, user_paths

    os.environ[USER_FILES_VARIABLE] = os.pathsep.join(str(p) for p in paths)
    try:
        load_kb(user_paths())
    except ActorDataError as error:
        say(str(error))
        raise typer.Exit(2) from None


def _default_format(paths: list[str]) -> OutputFormat:
    single = len(paths) == 1 and (paths[0] == "-" or Path(paths[0]).suffix.lower() not in BATCH_SUFFIXES)
    if single and not Path(paths[0]).is_dir():
        return OutputFormat.json
    return OutputFormat.jsonl


def _print_result(result: ArticleResult, fmt: OutputFormat, explain: bool = False) -> None:
    if fmt is OutputFormat.table:
        _print_table(result)
        if explain:
            _print_explanations(result)
        sys.stdout.flush()
        return
    record = result.to_dict()
    if explain:
        for event, row in zip(result.events, record["events"]):
            row["explanation"] = _explanation(event).to_dict() if _explanation(event) else None
    indent = None if fmt is OutputFormat.jsonl else 2
    sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=indent) + "\n")
    sys.stdout.flush()


def _explanation(event):
    """The explanation the event stage attached, if any (eventwatch.events.explain)."""
    return getattr(event, "explanation", None)


def _print_explanations(result: ArticleResult) -> None:
    out = Console(highlight=False, soft_wrap=True)
    out.print("explanations", style="italic")
    for event in result.events:
        explanation = _explanation(event)
        lines = explanation.lines() if explanation else ["(no explanation)"]
        out.print(f"{event.id} {event.cameo}: " + lines[0], markup=False)
        for line in lines[1:]:
            out.print("    " + line, markup=False)
    out.print()


def _print_table(result: ArticleResult) -> None:
    out = wide_console()
    article = result.article
    heading = article.title or article.origin or article.id[:12]
    events = Table(title=f"{heading} ({article.published or 'undated'})", title_justify="left", expand=True)
    for column in ("id", "date", "source", "event", "target", "gold.", "modality"):
        events.add_column(column, no_wrap=True)
    events.add_column("evidence", ratio=1)
    for event in result.events:
        modality = ",".join(name for name, flag in vars(event.modality).items() if flag) or "-"
        events.add_row(
            event.id,
            event.date or "-",
            _actor_cell(event.source),
            f"{event.cameo} {event.plover}",
            _actor_cell(event.target),
            f"{event.goldstein:+.1f}",
            modality,
            event.evidence.text,
        )
    out.print(events)
    quotes = Table(title="quotes", title_justify="left", expand=True)
    for column in ("id", "kind", "speaker", "cue"):
        quotes.add_column(column, no_wrap=True)
    quotes.add_column("text", ratio=1)
    for quote in result.quotes:
        quotes.add_row(quote.id, quote.kind, _actor_cell(quote.speaker), quote.cue or "-", quote.text)
    out.print(quotes)
    out.print()


def _actor_cell(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    return f"{actor.code or '?'} {actor.name}"
