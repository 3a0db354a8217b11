"""A stored copy of the deduplicated events, so that reads do not regroup the corpus.

The `event_groups` view regroups every raw event on each query (about a second per
100k events): right after any write, but too slow for dashboards and dyad queries.
`refresh_groups` stores its result in `event_groups_stored` in one transaction,
together with the number of raw events it was built from; `groups_relation` answers
with the stored table while that number still matches the events table (events are
only ever appended, so an equal count means nothing changed) and with the live view
otherwise. A reader is therefore never stale: at worst it is slow until the next
refresh, which `eventwatch ingest` runs when it has stored its last batch (or finds the
copy out of step, as after a migration).
"""

from __future__ import annotations

import duckdb

from eventwatch.store.dedup import DEDUP_MEMBERSHIP, grouped_events
from eventwatch.store.transaction import transaction

GROUPS_VIEW = "event_groups"
GROUPS_TABLE = "event_groups_stored"

MIGRATION: tuple[str, ...] = (
    f"CREATE TABLE {GROUPS_TABLE} AS SELECT * FROM {GROUPS_VIEW} LIMIT 0",
    "CREATE TABLE event_groups_state (raw_events BIGINT NOT NULL)",
)

# After a migration changed the view's columns or grouping: an empty copy of the new
# shape, marked stale, so readers use the view until the next refresh.
RESHAPE: tuple[str, ...] = (
    f"DROP TABLE {GROUPS_TABLE}",
    f"CREATE TABLE {GROUPS_TABLE} AS SELECT * FROM {GROUPS_VIEW} LIMIT 0",
    "DELETE FROM event_groups_state",
)


# Grouping holds each group's reports in memory at once (DuckDB cannot spill its ordered
# and distinct aggregates), so the groups are built in parts of about this many events,
# cut by a hash of the group id (a group falls whole into one part). Each part then needs
# the same memory however large the store; only the narrow event -> group table spans it,
# and DuckDB spills that to disk under a memory limit (runner/ingest.py).
EVENTS_PER_PART = 10_000


def refresh_groups(con: duckdb.DuckDBPyConnection) -> int:
    """Rebuild the stored groups from the raw events; returns how many groups there are."""
    events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    parts = max(1, -(-events // EVENTS_PER_PART))
    with transaction(con):
        con.execute(f"DELETE FROM {GROUPS_TABLE}")
        con.execute(
            f"CREATE TEMP TABLE refresh_membership AS SELECT *, hash(group_id) % {parts} AS part FROM {DEDUP_MEMBERSHIP}"
        )
        for part in range(parts):
            membership = f"(SELECT * EXCLUDE (part) FROM refresh_membership WHERE part = {part})"
            con.execute(f"INSERT INTO {GROUPS_TABLE} {grouped_events(membership)}")
        con.execute("DROP TABLE refresh_membership")
        con.execute("DELETE FROM event_groups_state")
        con.execute("INSERT INTO event_groups_state VALUES (?)", [events])
    return con.execute(f"SELECT count(*) FROM {GROUPS_TABLE}").fetchone()[0]


def groups_in_step(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the stored groups were built from the raw events as they are now."""
    return con.execute(
        "SELECT (SELECT count(*) FROM events) = coalesce((SELECT max(raw_events) FROM event_groups_state), -1)"
    ).fetchone()[0]


def groups_relation(con: duckdb.DuckDBPyConnection) -> str:
    """The stored groups when they are in step with the raw events, else the live view."""
    return GROUPS_TABLE if groups_in_step(con) else GROUPS_VIEW
