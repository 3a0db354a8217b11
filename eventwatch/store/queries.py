"""Reading the store: events (deduplicated or raw) by filter, and whole ArticleResults.

Every value from the user travels as a bound parameter; the SQL text is assembled only
from constants of this package.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import duckdb

from eventwatch.store.shapes import modality_record, with_extras
from eventwatch.store.dedup import RAW_MEMBERSHIP, grouped_events
from eventwatch.store.groups import GROUPS_VIEW, groups_relation

Row = dict[str, Any]
_FETCH = 1000


@dataclass(frozen=True)
class EventQuery:
    """Filters of `eventwatch events` / `export`; None means any.

    An actor filter matches a code prefix ("RUS" finds RUSGOV and RUSMIL), a country or
    an organisation, case-insensitively. `cameo` is a code prefix too ("19" is the
    root, "193" the code and its sub-codes). Dates are inclusive, on the event's day.
    """

    source: str | None = None
    target: str | None = None
    actor: str | None = None  # either side
    cameo: str | None = None
    plover: str | None = None
    quad_class: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    text: str | None = None  # in any report's evidence, case-insensitive
    factual: bool = False  # only events neither negated nor hypothetical
    raw: bool = False  # one row per article's event instead of per deduplicated event
    limit: int | None = None


def actor_match(side: str, param: str = "?") -> str:
    """SQL: the event's `side` actor is `param` (an upper-case code prefix, country or
    organisation); with "?" the value is bound three times."""
    return f"(starts_with(upper({side}_code), {param}) OR upper({side}_country) = {param} OR upper({side}_org) = {param})"


def _where(query: EventQuery) -> tuple[list[str], list[Any]]:
    """SQL conditions with `?` for each value, and the values in order."""
    either_side = f"({actor_match('source')} OR {actor_match('target')})"
    wanted: list[tuple[str, Any]] = [
        (actor_match("source"), _upper(query.source)),
        (actor_match("target"), _upper(query.target)),
        (either_side, _upper(query.actor)),
        ("starts_with(cameo, ?)", query.cameo or None),
        ("plover = ?", _upper(query.plover)),
        ("quad_class = ?", query.quad_class),
        ("day >= ?", query.since),
        ("day <= ?", query.until),
        ("len(list_filter(evidence, lambda r: contains(lower(r.text), ?))) > 0", query.text.lower() if query.text else None),
    ]
    clauses = [clause for clause, value in wanted if value is not None]
    params = [value for clause, value in wanted if value is not None for _ in range(clause.count("?"))]
    if query.factual:
        clauses.append("NOT negated AND NOT hypothetical")
    return clauses, params


def _upper(value: str | None) -> str | None:
    return value.upper() if value else None


def _filtered(query: EventQuery, columns: str, groups: str) -> tuple[str, list[Any]]:
    source = groups if not query.raw else f"({grouped_events(RAW_MEMBERSHIP)})"
    clauses, params = _where(query)
    sql = f"SELECT {columns} FROM {source} AS found"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    return sql, params


def event_sql(query: EventQuery, columns: str = "*", groups: str = GROUPS_VIEW) -> tuple[str, list[Any]]:
    """The SELECT for a query's events, ordered by day then id, and its parameters;
    `groups` is the relation of deduplicated events to read (see groups.py)."""
    sql, params = _filtered(query, columns, groups)
    sql += " ORDER BY day NULLS LAST, id"
    if query.limit is not None:
        sql += " LIMIT ?"
        params.append(query.limit)
    return sql, params


def count_events(con: duckdb.DuckDBPyConnection, query: EventQuery) -> int:
    """How many events match, whatever the limit."""
    row = con.execute(*_filtered(query, "count(*)", groups_relation(con))).fetchone()
    return int(row[0]) if row else 0


def event_rows(con: duckdb.DuckDBPyConnection, query: EventQuery, columns: str = "*") -> Iterator[Row]:
    """The matching events as dicts of the event_groups columns, streamed."""
    sql, params = event_sql(query, columns, groups_relation(con))
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    while rows := cursor.fetchmany(_FETCH):
        for row in rows:
            yield dict(zip(names, row))


def _actor(row: Row, side: str) -> dict[str, Any] | None:
    if row[f"{side}_code"] is None:
        return None
    return {
        "name": row[f"{side}_name"],
        "mention": row[f"{side}_mention"],
        "country": row[f"{side}_country"],
        "org": row[f"{side}_org"],
        "sector": row[f"{side}_sector"],
        "code": row[f"{side}_code"],
    }


def event_record(row: Row) -> dict[str, Any]:
    """A (deduplicated) event as JSON: the Event record of records.md as its first
    report gave it, plus `reports`, `all_evidence` and the other group counts."""
    return with_extras({
        "id": row["id"],
        "source": _actor(row, "source"),
        "target": _actor(row, "target"),
        "cameo": row["cameo"],
        "cameo_root": row["cameo_root"],
        "plover": row["plover"],
        "quad_class": row["quad_class"],
        "goldstein": row["goldstein"],
        "date": row["date"],
        "last_date": row["last_day"].isoformat() if row["last_day"] else None,
        "date_precision": row["date_precision"],
        "location": _location(row),
        "modality": modality_record(row),
        "evidence": row["evidence"][0],
        "verb": row["verb"],
        "reports": row["reports"],
        "sources": row["sources"],
        "mentions": row["mentions"],
        "in_lead": row["in_lead"],
        "url": row["first_url"],
        "all_evidence": row["evidence"],
    }, row["extra"])


def article_record(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """A stored article as `ArticleResult.to_dict()` gave it when it was written:
    {"article", "quotes", "events", "entities"}, extra fields included."""
    found = _dicts(con, "SELECT * FROM articles WHERE id = ?", article_id)
    if not found:
        return None
    a = found[0]
    actors = {r["id"]: r for r in _dicts(con, _ACTORS_OF_ARTICLE, article_id)}

    def actor(actor_id: str | None, mention: str | None) -> dict[str, Any] | None:
        if actor_id is None:
            return None
        r = actors[actor_id]
        return {"name": r["name"], "mention": mention, "country": r["country"], "org": r["org"],
                "sector": r["sector"], "code": r["code"]}

    article = {key: a[key] for key in ("id", "title", "source", "url", "published", "language", "chars")}
    entities = [
        with_extras({"text": m["text"], "start": m["start_char"], "end": m["end_char"], "label": m["label"],
                     "actor": actor(m["actor_id"], m["actor_mention"])}, m["extra"])
        for m in _dicts(con, "SELECT * FROM mentions WHERE article_id = ? ORDER BY seq", article_id)
    ]
    quotes = [
        with_extras({"id": q["id"], "text": q["text"], "kind": q["kind"], "start": q["start_char"],
                     "end": q["end_char"], "speaker": actor(q["speaker_id"], q["speaker_mention"]),
                     "cue": q["cue"]}, q["extra"])
        for q in _dicts(con, "SELECT * FROM quotes WHERE article_id = ? ORDER BY rowid", article_id)
    ]
    events = [
        with_extras({
            "id": e["id"], "source": actor(e["source_id"], e["source_mention"]),
            "target": actor(e["target_id"], e["target_mention"]),
            **{key: e[key] for key in ("cameo", "cameo_root", "plover", "quad_class", "goldstein", "date",
                                       "date_precision")},
            "location": _location(e),
            "modality": modality_record(e),
            "evidence": _evidence(e),
            "verb": e["verb"],
        }, e["extra"])
        for e in _dicts(con, "SELECT * FROM events WHERE article_id = ? ORDER BY rowid", article_id)
    ]
    return {"article": with_extras(article, a["extra"]), "quotes": quotes, "events": events, "entities": entities}


def _location(row: Row) -> dict[str, Any] | None:
    if row["location_name"] is None:
        return None
    return {"name": row["location_name"], "country": row["location_country"], "lat": row["location_lat"],
            "lon": row["location_lon"]}


def _evidence(row: Row) -> dict[str, Any]:
    return {"text": row["evidence_text"], "start": row["evidence_start"], "end": row["evidence_end"],
            "quote_id": row["evidence_quote_id"]}


_ACTORS_OF_ARTICLE = """
SELECT * FROM actors WHERE id IN (
    SELECT actor_id FROM mentions WHERE article_id = $1
    UNION SELECT speaker_id FROM quotes WHERE article_id = $1
    UNION SELECT source_id FROM events WHERE article_id = $1
    UNION SELECT target_id FROM events WHERE article_id = $1
)
"""


def _dicts(con: duckdb.DuckDBPyConnection, sql: str, *params: Any) -> list[Row]:
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


FINGERPRINTED = {
    "articles": "ingested_at",  # when, not what
    "actors": None,
    "mentions": None,
    "quotes": None,
    "events": None,
}


def fingerprint(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, int]]:
    """Per table (row count, order-independent hash of its rows): two stores holding
    the same records have equal fingerprints, however and whenever they were written."""
    found = {}
    for table, skip in FINGERPRINTED.items():
        columns = f"* EXCLUDE ({skip})" if skip else "*"
        found[table] = con.execute(f"SELECT count(*), coalesce(sum(hash(r)), 0) FROM (SELECT {columns} FROM {table}) r").fetchall()[0]
    return found
