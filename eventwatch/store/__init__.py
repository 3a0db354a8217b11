"""The corpus store: one DuckDB file holding the records of ../shared/spec/records.md.

Tables: articles, actors, mentions, quotes, events (raw, one row per event per article),
plus schema_version and migrations; views event_dedup_keys and event_groups give the
events deduplicated across articles (see dedup.py).
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from eventwatch.store.errors import DamagedStore, StoreError, damaged, explain, refused
from eventwatch.store.schema import LATEST, check_not_newer, migrate
from eventwatch.store.writer import WriteCounts, stored_ids, write_results

__all__ = [
    "DB_ENV",
    "DEFAULT_DB",
    "DamagedStore",
    "StoreError",
    "WriteCounts",
    "default_db",
    "explain",
    "open_store",
    "stored_ids",
    "write_results",
]

DEFAULT_DB = "eventwatch.duckdb"
DB_ENV = "EVENTWATCH_DB"


def default_db() -> str:
    """$EVENTWATCH_DB, else ./eventwatch.duckdb."""
    return os.environ.get(DB_ENV) or DEFAULT_DB


def open_store(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the store at `path`, created and migrated when opened for writing.

    A file that is not a whole store (not DuckDB, truncated, corrupt) raises a
    DamagedStore before anything is written to it. Writing opens with one DuckDB thread:
    the writer only appends small batches, and more threads add per-thread memory
    arenas, not speed, while the model needs the cores.
    """
    path = str(path)
    if read_only and not Path(path).is_file():
        raise StoreError(f"{path}: no store here (create one with `eventwatch ingest --db {path} ...`)")
    try:
        con = duckdb.connect(path, read_only=read_only, config={} if read_only else {"threads": 1})
    except duckdb.Error as err:
        raise refused(explain(path, err, otherwise="cannot open the store")) from None
    try:
        con.execute("SET enable_progress_bar = false")  # no bars on the CLI's or server's stderr
        check_whole(con, path)
        if read_only:
            _check_current(con, path)
        else:
            migrate(con, path)
    except (duckdb.Error, StoreError) as err:
        con.close()
        raise refused(err if isinstance(err, StoreError) else explain(path, err, otherwise="not a usable store")) from None
    return con


# A DuckDB file: three 4 KiB headers, then its blocks (PRAGMA database_size).
_HEADERS = 3 * 4096


def check_whole(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """Refuse a file shorter than its own header says: a truncated copy or a cut-off
    download, whose missing blocks would only fail later, half-way through a write."""
    _, _, block_size, total_blocks, *_ = con.execute("PRAGMA database_size").fetchone()
    expected = _HEADERS + block_size * total_blocks
    size = Path(path).stat().st_size
    if size < expected:
        raise damaged(path, f"truncated: {size} of {expected} bytes")


def _check_current(con: duckdb.DuckDBPyConnection, path: str) -> None:
    if check_not_newer(con, path) < LATEST:
        raise StoreError(
            f"{path}: an older schema than version {LATEST}; `eventwatch ingest --db {path}` migrates it"
        )
