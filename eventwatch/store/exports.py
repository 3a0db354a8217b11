"""Exports of the stored events: csv, parquet, jsonl, GDELT 2.0 event table, PLOVER JSON.

csv and parquet are flat (one column per field, the first report's evidence); jsonl is
the event record of queries.event_record; gdelt and plover follow those projects'
layouts (README, "Corpus") and hold only events stated as happening, since neither
layout can say "did not" or "if".
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from enum import Enum
from typing import IO, Any

import duckdb

from eventwatch import __version__
from eventwatch.store.groups import groups_relation
from eventwatch.store.queries import EventQuery, Row, event_record, event_rows, event_sql


class ExportFormat(str, Enum):
    csv = "csv"
    parquet = "parquet"
    jsonl = "jsonl"
    gdelt = "gdelt"
    plover = "plover"


FLAT_COLUMNS = (
    "id, date, last_day AS last_date, date_precision,"
    " source_code, source_name, source_mention, source_country, source_org, source_sector,"
    " target_code, target_name, target_mention, target_country, target_org, target_sector,"
    " cameo, cameo_root, plover, quad_class, goldstein, negated, hypothetical, future, suspected, verb,"
    " location_name, location_country, location_lat, location_lon,"
    " reports, sources, mentions, in_lead, first_article_id, first_url,"
    " evidence[1].text AS evidence_text, evidence[1]['start'] AS evidence_start,"
    " evidence[1]['end'] AS evidence_end, evidence[1].quote_id AS evidence_quote_id"
)

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{field}" for n in (1, 2) for field in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{geo}Geo_{field}" for geo in ("Actor1", "Actor2", "Action") for field in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)


def write_flat_csv(con: duckdb.DuckDBPyConnection, query: EventQuery, out: IO[str]) -> int:
    """The flat columns as CSV with a header; returns the number of events."""
    sql, params = event_sql(query, FLAT_COLUMNS, groups_relation(con))
    cursor = con.execute(sql, params)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(d[0] for d in cursor.description)
    count = 0
    while rows := cursor.fetchmany(1000):
        writer.writerows(rows)
        count += len(rows)
    return count


def write_parquet(con: duckdb.DuckDBPyConnection, query: EventQuery, path: str) -> int:
    """The flat columns as a Parquet file written by DuckDB itself, straight into `path`
    (the caller's part file: DuckDB's own tmp_ file would be one more to clean up)."""
    sql, params = event_sql(query, FLAT_COLUMNS, groups_relation(con))
    with con.cursor() as cursor:  # a relation needs a connection with no pending result
        cursor.sql(sql, params=params).write_parquet(path, use_tmp_file=False)
        return cursor.execute("SELECT count(*) FROM read_parquet(?)", [path]).fetchall()[0][0]


def write_lines(rows: Iterable[Any], out: IO[str]) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        count += 1
    return count


def write_gdelt(con: duckdb.DuckDBPyConnection, query: EventQuery, out: IO[str]) -> int:
    """Tab-separated, the 61 GDELT 2.0 event columns in order, no header (as GDELT's files)."""
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
    count = 0
    for row in event_rows(con, _factual(query)):
        writer.writerow(_gdelt_row(row))
        count += 1
    return count


def _factual(query: EventQuery) -> EventQuery:
    return EventQuery(**{**vars(query), "factual": True})


def _gdelt_actor(row: Row, side: str) -> list[Any]:
    if row[f"{side}_code"] is None:
        return [""] * 10
    return [
        row[f"{side}_code"], row[f"{side}_name"].upper(), row[f"{side}_country"] or "",
        row[f"{side}_org"] or "", "", "", "", row[f"{side}_sector"] or "", "", "",
    ]


def _gdelt_row(row: Row) -> list[Any]:
    day = row["day"]
    location = [""] * 8
    if row["location_name"] is not None:
        has_point = row["location_lat"] is not None
        location = [
            4 if has_point else 1, row["location_name"], row["location_country"] or "", "", "",
            row["location_lat"] if has_point else "", row["location_lon"] if has_point else "", "",
        ]
    values = [
        global_event_id(row["id"]),
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        day.year if day else "",
        f"{day.year + day.timetuple().tm_yday / 365:.4f}" if day else "",
        *_gdelt_actor(row, "source"),
        *_gdelt_actor(row, "target"),
        int(bool(row["in_lead"])),
        row["cameo"], row["cameo"][:3], row["cameo_root"], row["quad_class"], row["goldstein"],
        row["mentions"], row["sources"], row["reports"], "",
        *[""] * 8, *[""] * 8, *location,
        row["first_ingested_at"].strftime("%Y%m%d%H%M%S"),
        row["first_url"] or "",
    ]
    return [_one_line(v) for v in values]


def _one_line(value: Any) -> Any:
    return value.replace("\t", " ").replace("\n", " ") if isinstance(value, str) else value


def global_event_id(group_id: str) -> int:
    """GDELT's integer id: the first 60 bits of the event's MD5 id, stable across runs."""
    return int(group_id[:15], 16)


def _plover_entity(row: Row, side: str) -> dict[str, Any]:
    return {
        "code": row[f"{side}_country"] or row[f"{side}_org"] or row[f"{side}_code"],
        "sector": row[f"{side}_sector"],
        "entity_text": row[f"{side}_mention"],
        "identifier_text": row[f"{side}_name"],
        "cameo_code": row[f"{side}_code"],
    }


def plover_record(row: Row) -> dict[str, Any]:
    """The PLOVER JSON record (PLOVER manual, "Data Fields") of one event; `event_text`
    and `text_info` are lists with one entry per report."""
    location = None
    if row["location_name"] is not None:
        location = {
            "extracted_place": row["location_name"],
            "country_code": row["location_country"],
            "lat": row["location_lat"],
            "lon": row["location_lon"],
        }
    return {
        "id": row["id"],
        "has_event": True,
        "date": row["date"],
        "enddate": row["last_day"].isoformat() if row["last_day"] and row["last_day"] != row["day"] else None,
        "actor": [_plover_entity(row, "source")],
        "recipient": [_plover_entity(row, "target")] if row["target_code"] is not None else [],
        "event": [row["plover"]],
        "mode": [],
        "context": [],
        "event_loc": location,
        "event_text": [e["text"] for e in row["evidence"]],
        "quad_code": row["quad_class"],
        "event_scale": row["goldstein"],
        "text_info": [
            {"article_id": e["article_id"], "start": e["start"], "end": e["end"], "quote_id": e["quote_id"]}
            for e in row["evidence"]
        ],
        "cite_info": {"url": row["first_url"], "coder": f"eventwatch {__version__}"},
        "coded_date": row["first_ingested_at"].date().isoformat(),
        "cameo": row["cameo"],
        "future": row["future"],
        "reports": row["reports"],
    }


def write_jsonl(con: duckdb.DuckDBPyConnection, query: EventQuery, out: IO[str]) -> int:
    return write_lines(map(event_record, event_rows(con, query)), out)


def write_plover(con: duckdb.DuckDBPyConnection, query: EventQuery, out: IO[str]) -> int:
    return write_lines(map(plover_record, event_rows(con, _factual(query))), out)


Writer = Callable[[duckdb.DuckDBPyConnection, EventQuery, IO[str]], int]

TEXT_WRITERS: dict[ExportFormat, Writer] = {
    ExportFormat.csv: write_flat_csv,
    ExportFormat.jsonl: write_jsonl,
    ExportFormat.gdelt: write_gdelt,
    ExportFormat.plover: write_plover,
}
