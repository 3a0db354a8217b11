"""The server's hold on the store: one DuckDB connection, a cursor per request.

DuckDB connections must not be shared between threads, while FastAPI runs each
request in a worker thread; a cursor is a connection of its own to the same database,
so every request gets one. Writes (ingest over HTTP) are serialised by a lock.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

from eventwatch.store import open_store


class Store:
    def __init__(self, path: str, writable: bool = False) -> None:
        self.path = path
        self.writable = writable
        self._con = open_store(path, read_only=not writable)
        self.write_lock = threading.Lock()

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        cursor = self._con.cursor()
        cursor.execute("SET enable_progress_bar = false")  # a server has no terminal to draw on
        try:
            yield cursor
        finally:
            cursor.close()

    def close(self) -> None:
        self._con.close()
