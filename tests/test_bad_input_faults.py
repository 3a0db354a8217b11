"""Faults around the store: a full disk during ingest, a store locked by another process,
`kill -9` during export. Each ends with one line and nothing lost or written twice; a re-run
completes."""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwatch.analysis.synthetic import generate, to_results
from eventwatch.cli import app
from eventwatch.store import open_store, write_results
from eventwatch.store.groups import refresh_groups
from eventwatch.store.queries import fingerprint
from tests.conftest import ROOT

NEIGHBOURS = [("Poland", "Belarus", "Warsaw"), ("Turkey", "Greece", "Ankara"), ("Japan", "China", "Tokyo")]


def wire(folder: Path, count: int) -> Path:
    """A JSONL batch of short, different stories, each with an accusation to code."""
    lines = []
    for n in range(count):
        one, other, city = NEIGHBOURS[n % len(NEIGHBOURS)]
        text = (
            f"{one} accused {other} of violating its airspace near {city} on Monday, the defence ministry said, "
            f"the {n + 2}th such incident this year.\n\n"
            f'"We will not tolerate this," the foreign minister of {one} told reporters. {other} rejected the charge.'
        )
        lines.append(json.dumps({"title": f"{one} accuses {other} ({n})", "published": "2023-05-08", "text": text}))
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


class FileSizeLimit:
    """A write past a size limit fails as on a full disk (EFBIG); works for any user."""

    cause = "the file size limit was reached"

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir()

    def shrink(self) -> None:
        pass

    def ingest(self, *args: str) -> subprocess.Popen:
        return eventwatch("ingest", *args, file_size_limit=WAL_ROOM, stderr=subprocess.PIPE)

    def make_room(self) -> None:
        pass  # the limit held for one process only


class FullFileSystem:
    """A small tmpfs, filled up for real (ENOSPC); needs the right to mount."""

    cause = "no space left on the device"

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir()
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(folder)], capture_output=True)
        if mounted.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")

    def shrink(self) -> None:
        """Leave room for a few batches beyond what the store already holds."""
        used = shutil.disk_usage(self.folder).used
        subprocess.run(["mount", "-o", f"remount,size={used + WAL_ROOM}", str(self.folder)], check=True)

    def ingest(self, *args: str) -> subprocess.Popen:
        return eventwatch("ingest", *args, stderr=subprocess.PIPE)

    def make_room(self) -> None:
        subprocess.run(["mount", "-o", "remount,size=64m", str(self.folder)], check=True)

    def unmount(self) -> None:
        subprocess.run(["umount", str(self.folder)], check=True)


WAL_ROOM = 24_000  # bytes: a few committed batches of two articles, then the disk is full


@pytest.fixture(params=[FileSizeLimit, FullFileSystem], ids=["file size limit", "full tmpfs"])
def small_disk(request, tmp_path):
    disk = request.param(tmp_path / "disk")
    yield disk
    if isinstance(disk, FullFileSystem):
        disk.unmount()


def test_a_full_disk_stops_ingest_with_one_line_naming_the_cause_and_a_rerun_completes(nlp, tmp_path, small_disk):
    corpus = wire(tmp_path, 12)
    db = small_disk.folder / "full.duckdb"
    open_store(db).close()  # created and migrated; the disk fills up while batches are written
    small_disk.shrink()

    status, stderr = finished(small_disk.ingest("--db", str(db), "--batch-size", "2", str(corpus)))

    assert status == 1 and "Traceback" not in stderr
    [line] = stderr.strip().splitlines()
    assert line == (
        f"eventwatch: ingest stopped, every committed batch is kept: {db}: {small_disk.cause} (could not write {db}.wal)"
    )
    partial, _ = stored(db)
    assert 0 < partial < 12

    small_disk.make_room()
    rerun = CliRunner().invoke(app, ["ingest", "--db", str(db), str(corpus)])
    clean = tmp_path / "clean.duckdb"
    assert CliRunner().invoke(app, ["ingest", "--db", str(clean), str(corpus)]).exit_code == 0

    assert rerun.exit_code == 0 and f"{partial} already stored" in rerun.stderr
    assert stored(db) == stored(clean)  # nothing lost, nothing twice
    assert stored(clean)[1]["events"][0] >= 12


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


def test_kill_9_during_export_leaves_the_previous_file_whole_and_the_next_export_clears_its_part_file(tmp_path):
    db = tmp_path / "synthetic.duckdb"
    with open_store(db) as con:
        for seed in range(3):
            write_results(con, list(to_results(generate(seed, weeks=100).events)))
    output = tmp_path / "events.tsv"
    output.write_text("the previous export\n", encoding="utf-8")
    command = ("export", "--db", str(db), "--format", "gdelt", "--raw", "--output", str(output))

    export = eventwatch(*command, stderr=subprocess.DEVNULL)
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
    [left] = tmp_path.glob(".events.tsv.*")
    assert left.name.startswith(f".events.tsv.{export.pid}.") and left.name.endswith(".part")
    running = tmp_path / f".events.tsv.{os.getpid()}.x.part"  # another export, still writing
    running.write_text("in progress\n", encoding="utf-8")

    status, _ = finished(eventwatch(*command, stderr=subprocess.PIPE))
    with open_store(db, read_only=True) as con:
        events = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    assert status == 0 and len(output.read_text(encoding="utf-8").splitlines()) == events
    assert list(tmp_path.glob(".events.tsv.*")) == [running]  # the dead writer's part is gone, a live one's kept


@pytest.fixture(scope="module")
def whole_store(tmp_path_factory) -> bytes:
    """The bytes of a real store: synthetic events, the stored groups refreshed."""
    db = tmp_path_factory.mktemp("whole") / "whole.duckdb"
    with open_store(db) as con:
        write_results(con, list(to_results(generate(0, weeks=60).events)))
        refresh_groups(con)
    return db.read_bytes()


def truncations(size: int) -> dict[str, int]:
    """Cuts through the headers, the first block, the middle and the end of a store."""
    block = 256 * 1024
    return {
        "100 bytes": 100, "first header": 4096, "headers only": 3 * 4096, "one byte of the first block": 3 * 4096 + 1,
        "a tenth": size // 10, "half": size // 2, "nine tenths": size * 9 // 10, "without the last block": size - block,
        "without the last byte": size - 1,
    }


def garbage() -> dict[str, bytes]:
    pick = random.Random(11)
    return {
        "empty": b"", "text": b"this is not a database\n", "zeros": bytes(300_000),
        **{f"{size} random bytes": pick.randbytes(size) for size in (100, 65_536, 1_000_000)},
    }


DAMAGED = [f"truncated: {name}" for name in truncations(10**7)] + [f"garbage: {name}" for name in garbage()]
STORE_COMMANDS = {
    "ingest": ["ingest", str(ROOT / "samples" / "2021-12-03-border-tensions.txt")],
    "events": ["events"],
    "export": ["export", "--format", "csv", "--output", "out.csv"],
    "serve": ["serve", "--host", "192.0.2.1"],  # an address no interface has: fails fast should the store be accepted
}


def damaged_bytes(case: str, whole: bytes) -> bytes:
    kind, name = case.split(": ", 1)
    return whole[: truncations(len(whole))[name]] if kind == "truncated" else garbage()[name]


@pytest.mark.parametrize("case", DAMAGED)
def test_a_damaged_store_file_is_refused_by_every_command_with_one_line_and_left_untouched(whole_store, tmp_path, case, monkeypatch):
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "damaged.duckdb"
    data = damaged_bytes(case, whole_store)
    db.write_bytes(data)
    for name, command in STORE_COMMANDS.items():
        done = CliRunner().invoke(app, [command[0], "--db", str(db), *command[1:]])
        assert done.exit_code == 2, (name, done.output)
        [line] = done.stderr.strip().splitlines()
        assert line.startswith(f"eventwatch: {db}: ") and line.endswith("; the file was left untouched"), (name, line)
        assert "the store file is damaged (truncated" in line or "not a store (the file is not a DuckDB database)" in line
        assert db.read_bytes() == data, name  # byte for byte
        assert sorted(p.name for p in tmp_path.iterdir()) == ["damaged.duckdb"], name  # no WAL, no export


def test_a_damaged_block_inside_a_store_stops_reads_with_one_line(whole_store, tmp_path):
    """Damage that no header shows is found by DuckDB's block checksums when it is read."""
    db = tmp_path / "flipped.duckdb"
    db.write_bytes(whole_store)
    with open_store(db, read_only=True) as con:
        [(block,)] = con.execute(
            "SELECT min(block_id) FROM pragma_storage_info('event_groups_stored') WHERE block_id >= 0"
        ).fetchall()
    data = bytearray(whole_store)
    offset = 3 * 4096 + block * 256 * 1024 + 1000
    data[offset : offset + 64] = bytes(b ^ 0x5A for b in data[offset : offset + 64])
    db.write_bytes(bytes(data))
    for command in (["events"], ["export", "--format", "jsonl", "--output", str(tmp_path / "out.jsonl")]):
        done = CliRunner().invoke(app, [command[0], "--db", str(db), *command[1:]])
        assert done.exit_code == 2, done.output
        [line] = done.stderr.strip().splitlines()
        assert line.startswith(f"eventwatch: {db}: the store file is damaged (truncated or corrupt: Corrupt database file")
        assert db.read_bytes() == bytes(data)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["flipped.duckdb"]  # no export, no part file


@pytest.mark.parametrize("output_format", ["csv", "parquet"])
def test_a_full_disk_during_export_gives_one_line_and_keeps_the_previous_file(whole_store, tmp_path, output_format):
    db = tmp_path / "whole.duckdb"
    db.write_bytes(whole_store)
    disk = FullFileSystem(tmp_path / "disk")
    try:
        output = disk.folder / f"events.{output_format}"
        output.write_text("the previous export\n", encoding="utf-8")
        subprocess.run(["mount", "-o", "remount,size=64k", str(disk.folder)], check=True)
        done = CliRunner().invoke(app, ["export", "--db", str(db), "--format", output_format, "--output", str(output)])
        assert done.exit_code == 2, done.output
        assert done.stderr.strip() == f"eventwatch: {output}: cannot write (No space left on device)"
        assert [p.name for p in disk.folder.iterdir()] == [output.name]  # no part file left
        assert output.read_text(encoding="utf-8") == "the previous export\n"
    finally:
        disk.unmount()


def test_an_export_file_gets_the_usual_permissions_not_those_of_its_part_file(whole_store, tmp_path):
    db = tmp_path / "whole.duckdb"
    db.write_bytes(whole_store)
    output = tmp_path / "events.jsonl"
    umask = os.umask(0o022)
    try:
        assert CliRunner().invoke(app, ["export", "--db", str(db), "-f", "jsonl", "-o", str(output)]).exit_code == 0
    finally:
        os.umask(umask)
    assert output.stat().st_mode & 0o777 == 0o644
