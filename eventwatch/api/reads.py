"""The API's reads of the store that the CLI has no query for: pages of events in any
order, article lists, quote and actor search, counts.

Events are selected by eventwatch.store.queries (the filters of `eventwatch events`);
this module only orders and pages them. Every value from a request is a bound
parameter; SQL text is built from this module's constants alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any

import duckdb

from eventwatch.store.groups import groups_relation
from eventwatch.store.queries import EventQuery, Row, event_record, event_sql
from eventwatch.store.shapes import with_extras


class EventSort(str, Enum):
    date = "date"
    date_desc = "-date"
    goldstein = "goldstein"
    goldstein_desc = "-goldstein"
    reports = "reports"
    reports_desc = "-reports"


_EVENT_ORDER = {
    EventSort.date: "day NULLS LAST, id",
    EventSort.date_desc: "day DESC NULLS LAST, id",
    EventSort.goldstein: "goldstein, day NULLS LAST, id",
    EventSort.goldstein_desc: "goldstein DESC, day NULLS LAST, id",
    EventSort.reports: "reports, day NULLS LAST, id",
    EventSort.reports_desc: "reports DESC, day NULLS LAST, id",
}


@dataclass(frozen=True)
class Paged:
    total: int
    items: list[dict[str, Any]]


def event_page(con: duckdb.DuckDBPyConnection, query: EventQuery, sort: EventSort, offset: int, limit: int) -> Paged:
    """One page of deduplicated (or raw) events and the number matching, in one pass."""
    matched, params = event_sql(replace(query, limit=None), groups=groups_relation(con))
    sql = (
        f"SELECT *, count(*) OVER () AS total_matches FROM ({matched}) AS matched "
        f"ORDER BY {_EVENT_ORDER[sort]} LIMIT ? OFFSET ?"
    )
    rows = _dicts(con, sql, [*params, limit, offset])
    total = rows[0]["total_matches"] if rows else _count(con, f"SELECT count(*) FROM ({matched}) AS matched", params)
    return Paged(total, [event_record(row) for row in rows])


_ARTICLE_COLUMNS = "a.id, a.title, a.source, a.url, a.published, a.language, a.chars"

_ARTICLES_SQL = f"""
WITH page AS (
    SELECT {_ARTICLE_COLUMNS}, a.extra, count(*) OVER () AS total_matches
    FROM articles a
    WHERE ($text IS NULL OR contains(lower(a.title), $text) OR contains(lower(a.body), $text))
      AND ($source IS NULL OR lower(a.source) = $source)
      AND ($since IS NULL OR TRY_CAST(a.published AS DATE) >= $since)
      AND ($until IS NULL OR TRY_CAST(a.published AS DATE) <= $until)
    ORDER BY TRY_CAST(a.published AS DATE) DESC NULLS LAST, a.id
    LIMIT $limit OFFSET $offset
)
SELECT page.*,
       (SELECT count(*) FROM events e WHERE e.article_id = page.id) AS events,
       (SELECT count(*) FROM quotes q WHERE q.article_id = page.id) AS quotes
FROM page
ORDER BY TRY_CAST(page.published AS DATE) DESC NULLS LAST, page.id
"""


def article_page(
    con: duckdb.DuckDBPyConnection,
    text: str | None,
    source: str | None,
    since: dt.date | None,
    until: dt.date | None,
    offset: int,
    limit: int,
) -> Paged:
    """Stored articles, newest first, with how many events and quotes each has."""
    params = {"text": _lower(text), "source": _lower(source), "since": since, "until": until,
              "limit": limit, "offset": offset}
    rows = _dicts(con, _ARTICLES_SQL, params)
    items = [with_extras(_article(row) | {"events": row["events"], "quotes": row["quotes"]}, row["extra"]) for row in rows]
    return Paged(_total(con, rows, _ARTICLES_SQL, params), items)


def article_body(con: duckdb.DuckDBPyConnection, article_id: str) -> str | None:
    row = con.execute("SELECT body FROM articles WHERE id = ?", [article_id]).fetchone()
    return row[0] if row else None


# An actor matches a key by code prefix ("RUS" finds RUSGOV), country, organisation or,
# for free-text search, words of its name.
_ACTOR_MATCHES = """(starts_with(upper({t}.code), upper($key)) OR upper({t}.country) = upper($key)
                     OR upper({t}.org) = upper($key) OR ($by_name AND contains(lower({t}.name), lower($key))))"""

_QUOTES_SQL = f"""
SELECT q.id AS quote_id, q.text AS quote_text, q.kind, q.start_char, q.end_char, q.cue, q.speaker_mention, q.extra AS quote_extra,
       s.name AS speaker_name, s.country AS speaker_country, s.org AS speaker_org, s.sector AS speaker_sector,
       s.code AS speaker_code, {_ARTICLE_COLUMNS}, a.extra, count(*) OVER () AS total_matches
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN actors s ON s.id = q.speaker_id
WHERE ($text IS NULL OR contains(lower(q.text), $text))
  AND ($key IS NULL OR {_ACTOR_MATCHES.format(t='s')} OR contains(lower(q.speaker_mention), lower($key)))
  AND ($article IS NULL OR q.article_id = $article)
ORDER BY TRY_CAST(a.published AS DATE) DESC NULLS LAST, a.id, q.start_char
LIMIT $limit OFFSET $offset
"""


def quote_page(
    con: duckdb.DuckDBPyConnection, text: str | None, speaker: str | None, article: str | None, offset: int, limit: int
) -> Paged:
    """Quotes whose words contain `text`, said by a speaker matching `speaker`, newest first."""
    params = {"text": _lower(text), "key": speaker or None, "by_name": True, "article": article or None,
              "limit": limit, "offset": offset}
    rows = _dicts(con, _QUOTES_SQL, params)
    return Paged(_total(con, rows, _QUOTES_SQL, params), [_quote_hit(row) for row in rows])


def _quote_hit(row: Row) -> dict[str, Any]:
    speaker = None
    if row["speaker_code"] is not None:
        speaker = {"name": row["speaker_name"], "mention": row["speaker_mention"], "country": row["speaker_country"],
                   "org": row["speaker_org"], "sector": row["speaker_sector"], "code": row["speaker_code"]}
    quote = {"id": row["quote_id"], "text": row["quote_text"], "kind": row["kind"], "start": row["start_char"],
             "end": row["end_char"], "speaker": speaker, "cue": row["cue"]}
    return with_extras(quote, row["quote_extra"]) | {"article": with_extras(_article(row), row["extra"])}


_ACTORS_SQL = f"""
WITH roles AS (SELECT source_id AS actor_id FROM events UNION ALL SELECT target_id FROM events)
SELECT x.name, x.country, x.org, x.sector, x.code, count(r.actor_id) AS events
FROM actors x
LEFT JOIN roles r ON r.actor_id = x.id
WHERE $key IS NULL OR {_ACTOR_MATCHES.format(t='x')}
GROUP BY ALL
ORDER BY events DESC, x.code, x.name
LIMIT $limit
"""


def find_actors(con: duckdb.DuckDBPyConnection, key: str | None, limit: int, by_name: bool = True) -> list[Row]:
    """Distinct actors matching `key` (by code prefix, country, organisation and, with
    `by_name`, words of the name), those in most events first."""
    return _dicts(con, _ACTORS_SQL, {"key": key or None, "by_name": by_name, "limit": limit})


_STATS_SQL = """
SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), (SELECT count(*) FROM quotes),
       (SELECT count(*) FROM actors),
       (SELECT min(TRY_CAST(date AS DATE)) FROM events), (SELECT max(TRY_CAST(date AS DATE)) FROM events)
"""


def store_stats(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    articles, events, quotes, actors, first, last = con.execute(_STATS_SQL).fetchone()
    return {"articles": articles, "events": events, "quotes": quotes, "actors": actors,
            "first_date": first.isoformat() if first else None, "last_date": last.isoformat() if last else None}


def _article(row: Row) -> dict[str, Any]:
    return {key: row[key] for key in ("id", "title", "source", "url", "published", "language", "chars")}


def _total(con: duckdb.DuckDBPyConnection, rows: list[Row], sql: str, params: dict[str, Any]) -> int:
    """The window count of a page's rows; a page past the end counts again from the start."""
    if rows:
        return int(rows[0]["total_matches"])
    if params["offset"] == 0:
        return 0
    return _total(con, _dicts(con, sql, {**params, "offset": 0, "limit": 1}), sql, {**params, "offset": 0})


def _count(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> int:
    row = con.execute(sql, params).fetchone()
    return int(row[0]) if row else 0


def _lower(value: str | None) -> str | None:
    return value.lower() if value else None


def _dicts(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | dict[str, Any]) -> list[Row]:
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
