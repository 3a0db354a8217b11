"""Faults around the store: a full disk during ingest, a store locked by another process,
`kill -9` during export. Each ends with one line and nothing lost or written twice; a re-run
completes."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from eventwatch.analysis.synthetic import generate, to_results
from eventwatch.cli import app
from eventwatch.store import open_store, write_results
from eventwatch.store.queries import fingerprint
from tests.conftest import ROOT

CITIES = [("Aldova", "Brenmark", "Kessel"), ("Norland", "Vesterland", "Drava"), ("Ostmark", "Sudria", "Tarn")]


def wire(folder: Path, count: int) -> Path:
    """A JSONL batch of short, different stories."""
    lines = []
    for n in range(count):
        one, other, city = CITIES[n % len(CITIES)]
        text = (
            f"Police in {city} arrested {n + 2} protesters on Monday after clashes near the town hall, officials said.\n\n"
            f'"We will not allow violence," the mayor of {city} told reporters. Critics accused the police of using force.'
        )
        lines.append(json.dumps({"title": f"{one}: arrests in {city} ({n})", "published": "2023-05-08", "text": text}))
    path = folder / "wire.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def eventwatch(*args: str, file_size_limit: int | None = None, **options) -> subprocess.Popen:
    """The command in its own process; with a limit, writing a file past it fails (EFBIG),
    as writing to a full disk does."""

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # fail the write, do not kill the process
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    return subprocess.Popen(
        [sys.executable, "-m", "eventwatch.cli", *args], cwd=ROOT, text=True,
        preexec_fn=limit if file_size_limit else None, **options,
    )


def finished(process: subprocess.Popen) -> tuple[int, str]:
    _, stderr = process.communicate(timeout=300)
    return process.returncode, stderr


def stored(db: Path) -> tuple[int, dict]:
    with open_store(db, read_only=True) as con:
        return con.execute("SELECT count(*) FROM articles").fetchall()[0][0], fingerprint(con)


def test_a_full_disk_stops_ingest_with_one_line_and_a_rerun_completes(nlp, tmp_path):
    corpus = wire(tmp_path, 12)
    db = tmp_path / "full.duckdb"

    status, stderr = finished(eventwatch("ingest", "--db", str(db), "--batch-size", "2", str(corpus),
                                         file_size_limit=30_000, stderr=subprocess.PIPE))

    assert status == 1 and "Traceback" not in stderr
    [line] = stderr.strip().splitlines()
    assert line.startswith("eventwatch: ingest stopped, every committed batch is kept: ")
    partial, _ = stored(db)
    assert 0 < partial < 12

    rerun = CliRunner().invoke(app, ["ingest", "--db", str(db), str(corpus)])
    clean = tmp_path / "clean.duckdb"
    assert CliRunner().invoke(app, ["ingest", "--db", str(clean), str(corpus)]).exit_code == 0

    assert rerun.exit_code == 0 and f"{partial} already stored" in rerun.stderr
    assert stored(db) == stored(clean)  # nothing lost, nothing twice


def test_a_store_locked_by_another_process_is_refused_with_one_line_and_unchanged(nlp, tmp_path):
    db = tmp_path / "locked.duckdb"
    corpus = wire(tmp_path, 2)
    assert CliRunner().invoke(app, ["ingest", "--db", str(db), str(corpus)]).exit_code == 0
    before = stored(db)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); print(flush=True); time.sleep(120)", str(db)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        holder.stdout.readline()  # the lock is held
        for command in (["ingest", str(wire(tmp_path, 3))], ["events"], ["export", "--format", "csv"]):
            status, stderr = finished(eventwatch(command[0], "--db", str(db), *command[1:], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL))
            assert status == 2, command
            [line] = stderr.strip().splitlines()
            assert line.startswith(f"eventwatch: {db}: cannot open the store (IO Error: Could not set lock on file")
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()

    assert stored(db) == before


def test_kill_9_during_export_leaves_the_previous_file_whole(tmp_path):
    db = tmp_path / "synthetic.duckdb"
    with open_store(db) as con:
        for seed in range(3):
            write_results(con, list(to_results(generate(seed, weeks=100).events)))
    output = tmp_path / "events.tsv"
    output.write_text("the previous export\n", encoding="utf-8")

    export = eventwatch("export", "--db", str(db), "--format", "gdelt", "--raw", "--output", str(output), stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not any(p.stat().st_size for p in tmp_path.glob(".events.tsv.*")) and export.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.005)
        os.kill(export.pid, signal.SIGKILL)  # mid-way through writing
    finally:
        export.wait(timeout=60)

    assert export.returncode == -signal.SIGKILL
    assert output.read_text(encoding="utf-8") == "the previous export\n"

    status, _ = finished(eventwatch("export", "--db", str(db), "--format", "gdelt", "--raw", "--output", str(output), stderr=subprocess.PIPE))
    with open_store(db, read_only=True) as con:
        events = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    assert status == 0 and len(output.read_text(encoding="utf-8").splitlines()) == events
