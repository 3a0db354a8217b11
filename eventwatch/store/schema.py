"""The store's tables as numbered migrations.

`migrate` brings a file of any older version up to the latest, one transaction per
migration, and records each in `migrations`; `schema_version` holds the version the
file is at. A change to the schema is a new migration appended to MIGRATIONS, never
an edit of an applied one.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from eventwatch.store.dedup import FIRST_FLAGS, dedup_views
from eventwatch.store.errors import StoreError
from eventwatch.store.groups import MIGRATION as GROUPS_MIGRATION, RESHAPE as RESHAPE_GROUPS
from eventwatch.store.transaction import transaction


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


_RECORD_TABLES = (
    """
    CREATE TABLE articles (
        id VARCHAR PRIMARY KEY,          -- SHA-256 of the normalised body
        title VARCHAR,
        source VARCHAR,
        url VARCHAR,
        published VARCHAR,               -- ISO date as ingested
        language VARCHAR NOT NULL,
        chars INTEGER NOT NULL,
        body VARCHAR NOT NULL,           -- every offset below refers to it
        lead_end INTEGER NOT NULL,       -- end of the lead paragraph (GDELT IsRootEvent)
        origin VARCHAR,                  -- where it was first read from
        extra VARCHAR,                   -- JSON: record fields without a column (shapes.py)
        ingested_at TIMESTAMP NOT NULL DEFAULT timezone('UTC', current_timestamp)  -- UTC
    )
    """,
    """
    CREATE TABLE actors (
        id VARCHAR PRIMARY KEY,          -- hash of the five fields below
        name VARCHAR NOT NULL,
        country VARCHAR,
        org VARCHAR,
        sector VARCHAR,
        code VARCHAR NOT NULL
    )
    """,
    """
    CREATE TABLE mentions (
        article_id VARCHAR NOT NULL,
        seq INTEGER NOT NULL,            -- order in the article, from 1
        text VARCHAR NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        label VARCHAR NOT NULL,
        actor_id VARCHAR,
        actor_mention VARCHAR,
        extra VARCHAR
    )
    """,
    """
    CREATE TABLE quotes (
        article_id VARCHAR NOT NULL,
        id VARCHAR NOT NULL,
        text VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        speaker_id VARCHAR,
        speaker_mention VARCHAR,
        cue VARCHAR,
        extra VARCHAR
    )
    """,
    """
    CREATE TABLE events (
        article_id VARCHAR NOT NULL,
        id VARCHAR NOT NULL,
        source_id VARCHAR NOT NULL,
        source_mention VARCHAR NOT NULL,
        target_id VARCHAR,
        target_mention VARCHAR,
        cameo VARCHAR NOT NULL,
        cameo_root VARCHAR NOT NULL,
        plover VARCHAR NOT NULL,
        quad_class TINYINT NOT NULL,
        goldstein DOUBLE NOT NULL,
        date VARCHAR,
        date_precision VARCHAR,
        location_name VARCHAR,
        location_country VARCHAR,
        location_lat DOUBLE,
        location_lon DOUBLE,
        negated BOOLEAN NOT NULL,
        hypothetical BOOLEAN NOT NULL,
        future BOOLEAN NOT NULL,
        evidence_text VARCHAR NOT NULL,
        evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL,
        evidence_quote_id VARCHAR,
        verb VARCHAR NOT NULL,
        extra VARCHAR
    )
    """,
)

# `suspected` was kept in `extra` only; as a column it joins the deduplication key.
_SUSPECTED_COLUMN = (
    "ALTER TABLE events ADD COLUMN suspected BOOLEAN",
    "UPDATE events SET suspected = TRY_CAST(json_extract_string(extra, '$.modality.suspected') AS BOOLEAN)"
    " WHERE extra IS NOT NULL",
    *dedup_views(),
    *RESHAPE_GROUPS,
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "record tables and cross-article event deduplication", _RECORD_TABLES + dedup_views(FIRST_FLAGS)),
    Migration(2, "stored copy of the deduplicated events for fast reads", GROUPS_MIGRATION),
    Migration(3, "suspected as a column and in the deduplication key", _SUSPECTED_COLUMN),
)
LATEST = MIGRATIONS[-1].version

_BOOKKEEPING = (
    "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)",
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
)


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The version a store is at; 0 for a new, empty file."""
    found = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()
    if not found or not found[0]:
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return row[0] if row and row[0] is not None else 0


def check_not_newer(con: duckdb.DuckDBPyConnection, path: str) -> int:
    """The store's schema version, unless this EventWatch is too old to read it."""
    current = schema_version(con)
    if current > LATEST:
        raise StoreError(f"{path}: written by a newer EventWatch (schema {current}, this one knows {LATEST})")
    return current


def migrate(con: duckdb.DuckDBPyConnection, path: str, target: int = LATEST) -> int:
    """Apply the migrations the file lacks up to `target`, each in one transaction;
    returns the version."""
    current = check_not_newer(con, path)
    for migration in MIGRATIONS[current:target]:
        with transaction(con):
            for statement in _BOOKKEEPING + migration.statements:
                con.execute(statement)
            con.execute(
                "INSERT INTO migrations VALUES (?, ?, timezone('UTC', current_timestamp))",
                [migration.version, migration.name],
            )
            con.execute("DELETE FROM schema_version")
            con.execute("INSERT INTO schema_version VALUES (?)", [migration.version])
    return max(current, target)
