"""One transaction around a block of statements, and what a failed write was really about."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """BEGIN ... COMMIT; on any failure ROLLBACK and re-raise the failure itself.

    When COMMIT fails (a full disk) DuckDB has already rolled back, and a second
    ROLLBACK would raise "no transaction is active", hiding the cause.
    """
    con.execute("BEGIN TRANSACTION")
    try:
        yield
        con.execute("COMMIT")
    except BaseException:
        _roll_back(con)
        raise


def _roll_back(con: duckdb.DuckDBPyConnection) -> None:
    try:
        con.execute("ROLLBACK")
    except duckdb.TransactionException:  # already rolled back by DuckDB
        pass
