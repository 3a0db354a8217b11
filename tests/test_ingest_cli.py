"""`eventwatch ingest`, `events` and `export` on short articles written for these tests."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from eventwatch.cli import app
from eventwatch.store import open_store
from eventwatch.store.exports import GDELT_COLUMNS
from eventwatch.store.queries import fingerprint
from tests.conftest import ROOT

CAPITALS = [("Poland", "Warsaw"), ("Turkey", "Ankara"), ("Japan", "Tokyo"), ("Brazil", "Brasilia"),
            ("Kenya", "Nairobi"), ("Egypt", "Cairo")]


def wire_story(number: int) -> dict:
    """A short wire story, different for each number."""
    country, capital = CAPITALS[number % len(CAPITALS)]
    other, _ = CAPITALS[(number + 1) % len(CAPITALS)]
    return {
        "title": f"{country} and {other} hold talks",
        "published": f"2022-04-{number % 28 + 1:02d}",
        "source": "Example Wire",
        "url": f"https://wire.example/{number}",
        "text": f"{country} accused {other} of stalling the trade talks in {capital}, round {number}.\n\n"
        f'"We expect an answer this week," a spokesman for the {country} foreign ministry told reporters. '
        f"{other} rejected the charge.",
    }


def write_jsonl(path: Path, stories: list[dict | str]) -> Path:
    lines = (s if isinstance(s, str) else json.dumps(s) for s in stories)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A folder: a JSONL batch with two bad lines, a plain text article in a sub-folder."""
    folder = tmp_path / "corpus"
    (folder / "more").mkdir(parents=True)
    write_jsonl(folder / "wire.jsonl", [wire_story(1), "{not json", wire_story(2), {"title": "no text"}])
    (folder / "more" / "brief.txt").write_text(
        "Germany sent medical supplies to Moldova.\n\nThe European Union praised the decision.\n", encoding="utf-8"
    )
    return folder


def invoke(*args: str, env: dict | None = None):
    return CliRunner().invoke(app, list(args), env=env)


def test_ingest_stores_a_folder_and_counts_bad_articles_without_stopping(nlp, corpus, tmp_path):
    db = tmp_path / "store.duckdb"
    done = invoke("ingest", "--db", str(db), str(corpus))
    assert done.exit_code == 0, done.output
    assert "wire.jsonl:2: malformed JSON" in done.stderr
    assert "wire.jsonl:4: no 'text'" in done.stderr
    assert "stored 3 articles" in done.stderr and "; 2 bad;" in done.stderr
    con = open_store(db, read_only=True)
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchall() == [(3, 3)]
    assert con.execute("SELECT count(*) FROM events").fetchall()[0][0] > 0


def test_reingesting_the_same_folder_adds_zero_rows(nlp, corpus, tmp_path):
    db = tmp_path / "store.duckdb"
    assert invoke("ingest", "--db", str(db), str(corpus)).exit_code == 0
    before = fingerprint(open_store(db, read_only=True))
    again = invoke("ingest", "--db", str(db), str(corpus), str(corpus / "*.jsonl"))
    assert again.exit_code == 0, again.output
    assert "stored 0 articles" in again.stderr and "5 already stored" in again.stderr
    assert fingerprint(open_store(db, read_only=True)) == before


def test_the_store_path_comes_from_the_environment(nlp, corpus, tmp_path):
    db = tmp_path / "from-env.duckdb"
    assert invoke("ingest", str(corpus / "more"), env={"EVENTWATCH_DB": str(db)}).exit_code == 0
    assert db.is_file()


def test_unusable_inputs_and_stores_give_one_line_and_status_2(nlp, tmp_path):
    done = invoke("ingest", "--db", str(tmp_path / "s.duckdb"), str(tmp_path / "missing.txt"))
    assert done.exit_code == 2
    assert "missing.txt: no such file" in done.stderr
    done = invoke("events", "--db", str(tmp_path / "none.duckdb"))
    assert done.exit_code == 2 and "no store here" in done.stderr and "Traceback" not in done.output


@pytest.fixture
def stored(nlp, tmp_path) -> Path:
    db = tmp_path / "query.duckdb"
    corpus = write_jsonl(tmp_path / "wire.jsonl", [wire_story(n) for n in range(4)])
    assert invoke("ingest", "--db", str(db), str(corpus)).exit_code == 0
    return db


def test_events_filters_and_formats(stored):
    as_json = invoke("events", "--db", str(stored), "--source", "pol", "--plover", "ACCUSE", "--format", "json")
    assert as_json.exit_code == 0, as_json.output
    found = json.loads(as_json.stdout)
    assert found and all(e["source"]["country"] == "POL" and e["plover"] == "ACCUSE" for e in found)
    as_csv = invoke("events", "--db", str(stored), "--text", "stalling", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert rows and all("stalling" in r["evidence_text"] for r in rows)
    table = invoke("events", "--db", str(stored), "--since", "2022-04-02", "--until", "2022-04-03", "--limit", "2")
    assert table.exit_code == 0 and "events" in table.stdout
    bad = invoke("events", "--db", str(stored), "--since", "April")
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def test_export_writes_gdelt_and_parquet_files(stored, tmp_path):
    gdelt = tmp_path / "events.tsv"
    done = invoke("export", "--db", str(stored), "--format", "gdelt", "--output", str(gdelt))
    assert done.exit_code == 0, done.output
    lines = gdelt.read_text().splitlines()
    assert lines and all(len(line.split("\t")) == len(GDELT_COLUMNS) for line in lines)
    parquet = tmp_path / "events.parquet"
    assert invoke("export", "--db", str(stored), "-f", "parquet", "-o", str(parquet)).exit_code == 0
    assert duckdb.sql("SELECT count(*) FROM read_parquet(?)", params=[str(parquet)]).fetchall()[0][0] > 0
    refused = invoke("export", "--db", str(stored), "-f", "parquet")
    assert refused.exit_code == 2 and "parquet needs a file" in refused.output


def test_two_local_workers_store_exactly_what_one_process_stores(nlp, tmp_path):
    corpus = write_jsonl(tmp_path / "wire.jsonl", [wire_story(n) for n in range(6)])
    stores = {}
    for name, options in (("one", ()), ("two", ("--workers", "2", "--batch-size", "2"))):
        db = tmp_path / f"{name}.duckdb"
        done = invoke("ingest", "--db", str(db), *options, str(corpus))
        assert done.exit_code == 0, done.output
        stores[name] = fingerprint(open_store(db, read_only=True))
    assert stores["one"] == stores["two"]
    assert stores["one"]["articles"][0] == 6


def test_kill_9_mid_ingest_then_rerun_stores_every_article_exactly_once(nlp, tmp_path):
    corpus = write_jsonl(tmp_path / "wire.jsonl", [wire_story(n) for n in range(16)])
    db = tmp_path / "killed.duckdb"
    command = [sys.executable, "-m", "eventwatch.cli", "ingest", "--db", str(db), "--batch-size", "2", "-v", str(corpus)]
    child = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    try:
        for line in child.stderr:  # wait for the first committed batch, then kill without warning
            if "committed batch 1:" in line:
                break
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=60)
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    with open_store(db, read_only=True) as con:
        partial = con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
    assert 2 <= partial < 16

    rerun = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{partial} already stored" in rerun.stderr
    clean = tmp_path / "clean.duckdb"
    assert invoke("ingest", "--db", str(clean), str(corpus)).exit_code == 0
    with open_store(db, read_only=True) as con:
        assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchall() == [(16, 16)]
        recovered = fingerprint(con)
    with open_store(clean, read_only=True) as con:
        assert recovered == fingerprint(con)  # and no quote, event or mention twice
