"""Ingest: articles -> executor -> one writer -> store, a transaction per batch.

Articles already stored (same id) are dropped before any work is spent on them, so a
re-run after a crash only does what is missing. Results come back in input order and
are written by this process alone, whichever executor did the work, so a Dask run
stores exactly what a single-process run stores.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import duckdb

from eventwatch.ingest import BadArticle
from eventwatch.records import Article, ArticleResult
from eventwatch.runner.executors import Batch, Executor
from eventwatch.runner.work import Outcome
from eventwatch.store import WriteCounts, stored_ids, write_results
from eventwatch.store.groups import groups_in_step, refresh_groups

DEFAULT_BATCH = 32


@dataclass
class IngestSummary:
    written: WriteCounts = field(default_factory=WriteCounts)
    skipped: int = 0  # already stored before this batch was formed, or twice in the input
    bad: int = 0  # failed analysis
    batches: int = 0
    started: float = field(default_factory=time.perf_counter)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    @property
    def done(self) -> int:
        """Articles dealt with: stored, skipped or bad."""
        return self.written.articles + self.written.skipped + self.skipped + self.bad


@dataclass
class Callbacks:
    """What the caller hears about: bad articles, articles done, committed batches."""

    bad: Callable[[BadArticle], None] = lambda bad: None
    advance: Callable[[int], None] = lambda count: None
    committed: Callable[[IngestSummary], None] = lambda summary: None


def ingest(
    articles: Iterable[Article],
    con: duckdb.DuckDBPyConnection,
    executor: Executor,
    batch_size: int = DEFAULT_BATCH,
    callbacks: Callbacks | None = None,
) -> IngestSummary:
    """Analyse and store every article not yet in the store; returns the counts."""
    run = _Run(con, callbacks or Callbacks())
    try:
        for outcomes in executor.map(run.fresh(_batches(articles, batch_size))):
            bound_memory(con)
            run.store(outcomes)
        if run.summary.written.articles or not groups_in_step(con):
            bound_memory(con)
            refresh_groups(con)
    finally:
        con.execute("RESET memory_limit")
    return run.summary


# DuckDB keeps every block it has read or written cached until it reaches its memory
# limit (80 % of RAM by default), so without a limit an ingest's memory grows with the
# store. While ingesting, DuckDB gets what the store's indexes hold in memory plus this
# much: it evicts cached blocks to stay below, and regrouping (groups.py) spills to disk.
# bench/ingest_memory.py measures the effect (peak RSS at 20k articles against 2k).
WORKING_MEMORY = 64 * 2**20


def bound_memory(con: duckdb.DuckDBPyConnection) -> None:
    """Set DuckDB's memory limit to the indexes' share plus WORKING_MEMORY."""
    indexes = con.execute(
        "SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() WHERE tag = 'ART_INDEX'"
    ).fetchone()[0]
    con.execute(f"SET memory_limit = '{int(indexes) + WORKING_MEMORY}B'")  # numbers, not user input


class _Run:
    """One ingest: drops what is stored or already on its way, writes what comes back."""

    def __init__(self, con: duckdb.DuckDBPyConnection, hear: Callbacks) -> None:
        self.con = con
        self.hear = hear
        self.summary = IngestSummary()
        self.in_flight: deque[list[str]] = deque()  # ids of submitted batches, oldest first
        self.flying: set[str] = set()

    def fresh(self, batches: Iterable[Batch]) -> Iterator[Batch]:
        """Each batch without the articles stored or submitted before (nor repeats in it)."""
        for batch in batches:
            seen = stored_ids(self.con, [a.id for a in batch]) | self.flying
            new: dict[str, Article] = {}
            for article in batch:
                if article.id not in seen:
                    new.setdefault(article.id, article)
            self.summary.skipped += len(batch) - len(new)
            self.hear.advance(len(batch) - len(new))
            if new:
                self.in_flight.append(list(new))
                self.flying.update(new)
                yield list(new.values())

    def store(self, outcomes: list[Outcome]) -> None:
        """Write the oldest submitted batch's results in one transaction; report its bad articles."""
        for bad in (o for o in outcomes if isinstance(o, BadArticle)):
            self.summary.bad += 1
            self.hear.bad(bad)
        results = [o for o in outcomes if isinstance(o, ArticleResult)]
        self.summary.written.add(write_results(self.con, results))
        self.summary.batches += 1
        self.flying.difference_update(self.in_flight.popleft())
        self.hear.advance(len(outcomes))
        self.hear.committed(self.summary)


def _batches(articles: Iterable[Article], size: int) -> Iterator[Batch]:
    batch: Batch = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
