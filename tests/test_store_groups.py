"""The stored copy of the deduplicated events is read only while it is in step with the raw events."""

from __future__ import annotations

import eventwatch.store.groups as groups
from eventwatch.analysis.series import dyad_series
from eventwatch.analysis.synthetic import SyntheticEvent, generate, to_results
from eventwatch.records import Article
from eventwatch.runner import InProcess, ingest
from eventwatch.store import open_store, write_results
from eventwatch.store.groups import GROUPS_TABLE, GROUPS_VIEW, groups_relation, refresh_groups
from tests.test_ingest_cli import wire_story


def events(first: int, day: str) -> list[SyntheticEvent]:
    return [SyntheticEvent(f"g{first + n}", "RUS", "UKR", day, "190", "19", 4, -10.0, reports=2) for n in range(2)]


def rows(con, relation: str) -> list[tuple]:
    return con.execute(f"SELECT * EXCLUDE (evidence) FROM {relation} ORDER BY id").fetchall()


def test_stored_groups_equal_the_view_and_go_stale_on_new_events(tmp_path):
    con = open_store(tmp_path / "g.duckdb")
    write_results(con, list(to_results(events(0, "2024-03-04"))))
    assert groups_relation(con) == GROUPS_VIEW  # never refreshed: read live
    assert refresh_groups(con) == 1  # two events on one day and dyad: one event, four reports
    assert groups_relation(con) == GROUPS_TABLE
    assert rows(con, GROUPS_TABLE) == rows(con, GROUPS_VIEW)
    write_results(con, list(to_results(events(2, "2024-03-20"))))
    assert groups_relation(con) == GROUPS_VIEW  # stale copy is not read
    assert [p.events for p in dyad_series(con, "RUS", "UKR").periods if p.events] == [1, 1]
    refresh_groups(con)
    assert groups_relation(con) == GROUPS_TABLE and rows(con, GROUPS_TABLE) == rows(con, GROUPS_VIEW)


def test_ingest_leaves_the_stored_groups_in_step(tmp_path):
    import subprocess
    import sys

    from tests.conftest import ROOT

    db = tmp_path / "s.duckdb"
    samples = sorted(str(p) for p in (ROOT / "samples").iterdir())
    done = subprocess.run(
        [sys.executable, "-m", "eventwatch.cli", "ingest", "--db", str(db), "--date", "2021-12-03", *samples],
        capture_output=True, cwd=ROOT, timeout=300,
    )
    assert done.returncode == 0, done.stderr.decode()
    con = open_store(db, read_only=True)
    assert groups_relation(con) == GROUPS_TABLE
    assert con.execute(f"SELECT count(*) FROM {GROUPS_TABLE}").fetchone()[0] > 10


def test_groups_built_in_parts_equal_the_view(tmp_path, monkeypatch):
    con = open_store(tmp_path / "parts.duckdb")
    write_results(con, list(to_results(generate(3, weeks=30).events)))
    events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    monkeypatch.setattr(groups, "EVENTS_PER_PART", events // 7)  # eight parts
    assert refresh_groups(con) == con.execute(f"SELECT count(*) FROM {GROUPS_VIEW}").fetchone()[0]
    stored = con.execute(f"SELECT * FROM {GROUPS_TABLE} ORDER BY id").fetchall()
    assert stored == con.execute(f"SELECT * FROM {GROUPS_VIEW} ORDER BY id").fetchall()  # evidence lists too
    assert len({row[0] for row in stored}) == len(stored) > 100  # no group split over two parts


def test_an_ingest_leaves_no_memory_limit_behind(nlp, tmp_path):
    con = open_store(tmp_path / "limit.duckdb")
    default = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    story = wire_story(1)
    ingest([Article(body=story["text"], published=story["published"])], con, InProcess())
    assert con.execute("SELECT current_setting('memory_limit')").fetchone()[0] == default
