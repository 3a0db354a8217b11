"""The DuckDB store: schema, idempotent writes, round trip, deduplication, queries, exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import replace
from pathlib import Path

import duckdb
import jsonschema
import pytest

from eventwatch.events.modality import EventModality
from eventwatch.pipeline import extract
from eventwatch.records import Actor, Article, ArticleResult, Event, Evidence
from eventwatch.store import StoreError, open_store, write_results
from eventwatch.store.exports import GDELT_COLUMNS, TEXT_WRITERS, ExportFormat, global_event_id, write_parquet
from eventwatch.store.queries import EventQuery, article_record, count_events, event_record, event_rows, fingerprint
from eventwatch.store.schema import LATEST, MIGRATIONS, migrate
from tests.conftest import ROOT

SCHEMA = json.loads((ROOT / "tests" / "contract" / "extract.schema.json").read_text())
EVENT_SCHEMA = {"$defs": SCHEMA["$defs"], **SCHEMA["properties"]["events"]["items"]}

# Short wire stories written for these tests: two outlets report the same accusation a
# day apart, a third repeats it ten days later, a fourth is about something else.
STORIES = [
    Article(
        body="Russia accuses Ukraine over border shelling\n\n"
        "Russia accused Ukraine of shelling a village in the Belgorod region, the Russian foreign "
        "ministry said in a statement.\n\n"
        '"Such attacks will not go unanswered," ministry spokeswoman Irina Sokolova told reporters. '
        "The Ukrainian army denied the claim.",
        title="Russia accuses Ukraine over border shelling",
        source="Example Wire",
        url="https://wire.example/2022/05/10/shelling",
        published="2022-05-10",
    ),
    Article(
        body="Russia accused Ukraine of shelling a border village, a charge that officials in Kyiv "
        "rejected as invented.\n\nGerman Chancellor Olaf Scholz urged both sides to avoid any escalation.",
        source="The Ledger",
        url="https://ledger.example/2022/05/11/border",
        published="2022-05-11",
    ),
    Article(
        body="Russia accused Ukraine of firing rockets at a power station near the frontier.",
        source="Example Wire",
        published="2022-05-21",
    ),
    Article(
        body="Aid convoy reaches Mali\n\nThe World Food Programme sent twenty trucks of grain to Mali, "
        "the agency said.\n\nFrance pledged ten million euros in humanitarian aid to the country.",
        source="Morning Dispatch",
        published="2022-05-12",
    ),
]


@pytest.fixture(scope="module")
def results(nlp) -> list[ArticleResult]:
    found = list(extract(STORIES))
    assert all(isinstance(r, ArticleResult) for r in found)
    return found


@pytest.fixture
def store(tmp_path, results):
    con = open_store(tmp_path / "store.duckdb")
    write_results(con, results)
    yield con
    con.close()


def test_a_new_store_is_at_the_latest_schema_with_every_migration_recorded(tmp_path):
    con = open_store(tmp_path / "new.duckdb")
    assert con.execute("SELECT version FROM schema_version").fetchall() == [(LATEST,)]
    assert [r[0] for r in con.execute("SELECT version FROM migrations ORDER BY version").fetchall()] == [
        m.version for m in MIGRATIONS
    ]
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"articles", "actors", "mentions", "quotes", "events", "event_groups", "schema_version"} <= tables
    con.close()
    again = open_store(tmp_path / "new.duckdb")  # reopening applies nothing twice
    assert again.execute("SELECT count(*) FROM migrations").fetchall() == [(len(MIGRATIONS),)]
    again.close()


def test_unusable_store_files_give_one_line_errors(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        open_store(tmp_path / "missing.duckdb", read_only=True)
    junk = tmp_path / "junk.duckdb"
    junk.write_text("this is not a database\n")
    with pytest.raises(StoreError, match="junk.duckdb: not a store") as caught:
        open_store(junk)
    assert "\n" not in str(caught.value)
    newer = tmp_path / "newer.duckdb"
    open_store(newer).close()
    with duckdb.connect(str(newer)) as con:
        con.execute("UPDATE schema_version SET version = ?", [LATEST + 1])
    with pytest.raises(StoreError, match="newer EventWatch"):
        open_store(newer)


def test_writing_the_same_results_again_adds_no_rows(store, results):
    before = fingerprint(store)
    counts = write_results(store, results)
    assert counts.articles == 0 and counts.skipped == len(results)
    assert fingerprint(store) == before
    assert before["articles"][0] == len(STORIES)


def test_a_stored_article_reads_back_as_the_records_it_was_written_from(store, results):
    for result in results:
        assert article_record(store, result.article.id) == result.to_dict()


def groups_of(con) -> dict[tuple[str, str], str]:
    rows = con.execute("SELECT article_id, event_id, group_id FROM event_dedup_keys").fetchall()
    return {(a, e): g for a, e, g in rows}


def key(event: Event) -> tuple[str, str | None, str]:
    return event.source.code, event.target.code if event.target else None, event.cameo


def test_the_same_accusation_reported_a_day_apart_is_one_event_with_every_report(store, results):
    first, second, later, _ = results
    shared = {key(e) for e in first.events} & {key(e) for e in second.events}
    assert ("RUS", "UKR", "112") in shared
    group = groups_of(store)
    rows = {r["id"]: r for r in event_rows(store, EventQuery())}
    for wanted in shared:
        ids = {group[(r.article.id, e.id)] for r in (first, second) for e in r.events if key(e) == wanted}
        assert len(ids) == 1, wanted
        row = rows[ids.pop()]
        assert row["reports"] == 2 and row["sources"] == 2
        assert {span["article_id"] for span in row["evidence"]} == {first.article.id, second.article.id}
    # Ten days later it is news again, not the same event.
    repeat = [e for e in later.events if key(e) == ("RUS", "UKR", "112")]
    assert repeat
    assert group[(later.article.id, repeat[0].id)] not in {group[(first.article.id, e.id)] for e in first.events}


def test_raw_events_are_kept_and_each_belongs_to_exactly_one_group(store, results):
    raw = sum(len(r.events) for r in results)
    assert count_events(store, EventQuery(raw=True)) == raw
    assert sum(row["mentions"] for row in event_rows(store, EventQuery())) == raw
    assert count_events(store, EventQuery()) < raw


def event(day: str | None, source: str = "Russia", **flags: bool) -> Event:
    actors = {"Russia": Actor("Russia", "Russia", "RUS", None, None, "RUS"),
              "rebels": Actor("rebels", "the rebels", None, None, "REB", "REB"),
              "gunmen": Actor("gunmen", "gunmen", None, None, "REB", "REB")}
    return Event(
        id="e1", source=actors[source], target=Actor("Ukraine", "Ukraine", "UKR", None, None, "UKR"),
        cameo="190", cameo_root="19", plover="ASSAULT", quad_class=4, goldstein=-10.0,
        modality=EventModality(**flags), evidence=Evidence("x", 0, 1), date=day,
        date_precision="day" if day else None,
    )


def record(number: int, *events: Event) -> ArticleResult:
    article = Article(body=f"Report number {number}.", published="2022-06-01")
    return ArticleResult(article=article, events=[replace(e, id=f"e{i}") for i, e in enumerate(events, 1)])


def test_grouping_takes_the_next_day_but_does_not_chain_a_week_of_daily_reports(tmp_path):
    con = open_store(tmp_path / "days.duckdb")
    days = ["2022-06-01", "2022-06-02", "2022-06-03", "2022-06-04", "2022-06-04", "2022-06-09"]
    write_results(con, [record(n, event(day)) for n, day in enumerate(days)])
    rows = list(event_rows(con, EventQuery()))
    assert [(r["date"], r["last_day"].isoformat(), r["reports"]) for r in rows] == [
        ("2022-06-01", "2022-06-02", 2),
        ("2022-06-03", "2022-06-04", 3),
        ("2022-06-09", "2022-06-09", 1),
    ]


def test_negated_undated_and_vaguely_coded_events_are_not_merged(tmp_path):
    con = open_store(tmp_path / "apart.duckdb")
    write_results(con, [
        record(1, event("2022-06-01"), event("2022-06-01", negated=True), event(None)),
        record(2, event("2022-06-01"), event(None), event("2022-06-01", source="rebels")),
        record(3, event("2022-06-01", source="gunmen")),
    ])
    reports = sorted(
        (r["source_name"], r["negated"], r["date"] is None, r["reports"]) for r in event_rows(con, EventQuery())
    )
    assert reports == [
        ("Russia", False, False, 2),  # the same code, day and modality: one event
        ("Russia", False, True, 1),  # no date: never merged
        ("Russia", False, True, 1),
        ("Russia", True, False, 1),  # "did not attack" is not "attacked"
        ("gunmen", False, False, 1),  # REB alone is too vague: names differ
        ("rebels", False, False, 1),
    ]


@pytest.mark.parametrize("flag", ["negated", "hypothetical", "future", "suspected"])
def test_a_report_with_any_modality_flag_is_not_merged_with_the_confirmed_event(tmp_path, flag):
    con = open_store(tmp_path / "modality.duckdb")
    write_results(con, [
        record(1, event("2022-06-01"), event("2022-06-01", **{flag: True})),
        record(2, event("2022-06-01"), event("2022-06-02", **{flag: True})),
    ])
    rows = list(event_rows(con, EventQuery()))
    assert sorted((r[flag], r["reports"]) for r in rows) == [(False, 2), (True, 2)]  # flagged: an event of its own
    assert sorted(event_record(r)["modality"][flag] for r in rows) == [False, True]


ALLEGED_SHELLING = [
    "Russian forces shelled Ukrainian positions near Kharkiv on Monday, the Ukrainian army said.",
    "Russian troops shelled Ukrainian positions near Kharkiv on Monday, according to the regional governor.",
    "Russian forces allegedly shelled Ukrainian positions near Kharkiv on Monday, officials said.",
    "Russian forces did not shell Ukrainian positions near Kharkiv on Monday, the ministry said.",
]


def test_an_alleged_or_denied_shelling_stays_apart_from_the_reported_one(nlp, tmp_path):
    articles = [Article(body=text, published="2022-05-10", source=f"Outlet {n}") for n, text in enumerate(ALLEGED_SHELLING)]
    results = list(extract(articles))
    con = open_store(tmp_path / "alleged.duckdb")
    write_results(con, results)
    assault = list(event_rows(con, EventQuery(cameo="19")))
    by_modality = sorted(
        ((r["negated"], r["suspected"]), r["reports"], sorted(e["text"] for e in r["evidence"])) for r in assault
    )
    assert [(flags, reports) for flags, reports, _ in by_modality] == [((False, False), 2), ((False, True), 1), ((True, False), 1)]
    assert "allegedly" in by_modality[1][2][0] and "did not" in by_modality[2][2][0]


def store_at_version(path: Path, version: int) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(path))
    migrate(con, str(path), target=version)
    return con


def test_a_version_2_store_gets_suspected_as_a_column_and_keeps_its_group_ids(tmp_path):
    path = tmp_path / "v2.duckdb"
    con = store_at_version(path, 2)
    con.execute("INSERT INTO actors VALUES ('rus', 'Russia', 'RUS', NULL, NULL, 'RUS'), ('ukr', 'Ukraine', 'UKR', NULL, NULL, 'UKR')")
    for number, extra in enumerate((None, '{"modality": {"suspected": false}}', '{"modality": {"suspected": true}}')):
        con.execute("INSERT INTO articles (id, language, chars, body, lead_end) VALUES (?, 'en', 1, 'x', 1)", [f"a{number}"])
        con.execute(
            "INSERT INTO events (article_id, id, source_id, source_mention, target_id, cameo, cameo_root, plover,"
            " quad_class, goldstein, date, date_precision, negated, hypothetical, future, evidence_text,"
            " evidence_start, evidence_end, verb, extra) VALUES (?, 'e1', 'rus', 'Russia', 'ukr', '190', '19',"
            " 'ASSAULT', 4, -10, '2022-06-01', 'day', false, false, false, 'x', 0, 1, 'shell', ?)",
            [f"a{number}", extra],
        )
    [(before, reports)] = con.execute("SELECT id, reports FROM event_groups").fetchall()
    assert reports == 3  # version 2 merged the suspected report too
    con.close()

    con = open_store(path)
    assert con.execute("SELECT article_id, suspected FROM events ORDER BY article_id").fetchall() == [
        ("a0", None), ("a1", False), ("a2", True),
    ]
    groups = {r["id"]: (r["suspected"], r["reports"]) for r in event_rows(con, EventQuery())}
    assert groups[before] == (None, 2)  # the confirmed reports keep their event id
    assert sorted(groups.values(), key=str) == [(None, 2), (True, 1)]
    assert article_record(con, "a2")["events"][0]["modality"]["suspected"] is True


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        (EventQuery(source="rus", target="UKR", cameo="11"), lambda r: r["source_code"].startswith("RUS")
         and r["target_code"] == "UKR" and r["cameo"].startswith("11")),
        (EventQuery(actor="ukr", plover="accuse"), lambda r: "UKR" in (r["source_country"], r["target_country"])
         and r["plover"] == "ACCUSE"),
        (EventQuery(text="BELGOROD"), lambda r: any("Belgorod" in e["text"] for e in r["evidence"])),
        (EventQuery(source="FRA", quad_class=1), lambda r: r["source_country"] == "FRA" and r["quad_class"] == 1),
    ],
)
def test_filters_select_exactly_the_matching_events(store, query, wanted):
    everything = list(event_rows(store, EventQuery()))
    found = list(event_rows(store, query))
    assert found, query
    assert [r["id"] for r in found] == [r["id"] for r in everything if wanted(r)]


def test_date_filters_are_inclusive_days(store):
    days = {r["day"] for r in event_rows(store, EventQuery(since=dt.date(2022, 5, 11), until=dt.date(2022, 5, 12)))}
    assert days and all(dt.date(2022, 5, 11) <= d <= dt.date(2022, 5, 12) for d in days)
    assert count_events(store, EventQuery(since=dt.date(2023, 1, 1))) == 0


def test_filter_values_are_data_never_sql(store):
    hostile = "x' OR 1=1; DROP TABLE events; --"
    for query in (EventQuery(source=hostile), EventQuery(text=hostile), EventQuery(plover=hostile)):
        assert count_events(store, query) == 0
    assert count_events(store, EventQuery(raw=True)) > 0


def test_event_records_follow_the_event_contract_with_all_reports(store, results):
    bodies = {r.article.id: r.article.body for r in results}
    for row in event_rows(store, EventQuery()):
        record_ = event_record(row)
        jsonschema.validate(record_, EVENT_SCHEMA)
        assert record_["reports"] == len({e["article_id"] for e in record_["all_evidence"]})
        for span in record_["all_evidence"]:
            assert bodies[span["article_id"]][span["start"] : span["end"]] == span["text"]


def export_text(store, fmt: ExportFormat, query: EventQuery = EventQuery()) -> str:
    out = io.StringIO()
    TEXT_WRITERS[fmt](store, query, out)
    return out.getvalue()


def test_csv_and_parquet_hold_the_same_flat_rows(store, tmp_path):
    rows = list(csv.DictReader(io.StringIO(export_text(store, ExportFormat.csv))))
    assert len(rows) == count_events(store, EventQuery())
    path = tmp_path / "events.parquet"
    assert write_parquet(store, EventQuery(), str(path)) == len(rows)
    parquet = duckdb.sql("SELECT id, evidence_text, reports FROM read_parquet(?) ORDER BY id", params=[str(path)]).fetchall()
    assert parquet == sorted((r["id"], r["evidence_text"], int(r["reports"])) for r in rows)


def test_gdelt_export_has_the_61_event_table_columns(store):
    lines = export_text(store, ExportFormat.gdelt).splitlines()
    assert lines and len(GDELT_COLUMNS) == 61
    factual = {r["id"]: r for r in event_rows(store, EventQuery()) if not r["negated"] and not r["hypothetical"]}
    by_id = {global_event_id(i): r for i, r in factual.items()}
    assert len(lines) == len(factual)
    for line in lines:
        row = dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True))
        event_ = by_id[int(row["GLOBALEVENTID"])]
        assert row["SQLDATE"] == event_["day"].strftime("%Y%m%d")
        assert row["EventCode"] == event_["cameo"] and row["EventRootCode"] == event_["cameo_root"]
        assert row["Actor1Code"] == event_["source_code"]
        assert int(row["NumArticles"]) == event_["reports"]
        assert len(row["DATEADDED"]) == 14


def test_plover_export_has_the_plover_record_shape(store):
    for line in export_text(store, ExportFormat.plover).splitlines():
        record_ = json.loads(line)
        assert {"id", "date", "actor", "recipient", "event", "event_text", "quad_code", "event_scale"} <= record_.keys()
        assert record_["has_event"] is True and len(record_["event"]) == 1
        assert all({"code", "sector", "entity_text"} <= a.keys() for a in record_["actor"] + record_["recipient"])
        assert len(record_["event_text"]) == len(record_["text_info"]) >= record_["reports"]


def test_jsonl_export_is_one_event_record_a_line(store):
    lines = export_text(store, ExportFormat.jsonl, EventQuery(raw=True)).splitlines()
    assert len(lines) == count_events(store, EventQuery(raw=True))
    for line in lines:
        jsonschema.validate(json.loads(line), EVENT_SCHEMA)


def test_store_file_outlives_the_connection(tmp_path, results):
    path = Path(tmp_path / "kept.duckdb")
    con = open_store(path)
    write_results(con, results[:1])
    con.close()
    reader = open_store(path, read_only=True)
    assert article_record(reader, results[0].article.id) == results[0].to_dict()
    reader.close()
