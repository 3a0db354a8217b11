"""Load: concurrent readers against the local server (loopback only) while ingest writes
through it. Bounded; every request must succeed. Throughput and p99 latency are printed
(`pytest -s`). The readers are one client (127.0.0.1), so the rate limit is off for the
measurement; a second test puts the same load through the limit."""

from __future__ import annotations

import json
import statistics
import threading
import time
import urllib.request
from pathlib import Path
from email.message import Message
from urllib.error import HTTPError

from typer.testing import CliRunner

from eventwatch.api import Settings, create_app
from eventwatch.api.server import background_server
from eventwatch.cli import app
from eventwatch.store import open_store

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "bad_input"
READERS = 4
READS_EACH = 60
READ_PATHS = ["/api/stats", "/api/articles?limit=20", "/api/events?limit=50", "/api/quotes?limit=20", "/api/dyads", "/api/actors?q=pol"]
TOWNS = ["Kessel", "Drava", "Tarn", "Aldova", "Brenmark"]


def story(n: int) -> dict:
    town = TOWNS[n % len(TOWNS)]
    return {
        "title": f"Strike in {town} ({n})",
        "published": "2023-05-09",
        "text": f"Dock workers in {town} went on strike on Tuesday, round {n}, and police arrested {n + 1} pickets, "
        f'the union said.\n\n"We will not go back without a contract," the union leader told reporters.',
    }


def request(base: str, path: str, body: dict | None = None) -> tuple[int, float, bytes]:
    status, seconds, answer, _ = request_with_headers(base, path, body)
    return status, seconds, answer


def request_with_headers(base: str, path: str, body: dict | None = None) -> tuple[int, float, bytes, Message]:
    data = json.dumps(body).encode() if body is not None else None
    sent = urllib.request.Request(base + path, data=data, headers={"Content-Type": "application/json"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(sent, timeout=120) as response:
            status, answer, headers = response.status, response.read(), response.headers
    except HTTPError as error:
        status, answer, headers = error.code, error.read(), error.headers
    return status, time.perf_counter() - started, answer, headers


def test_readers_see_no_errors_while_ingest_writes(nlp, tmp_path):
    db = tmp_path / "load.duckdb"
    assert CliRunner().invoke(app, ["ingest", "--db", str(db), str(FIXTURES / "multilingual.jsonl")]).exit_code == 0  # 2 stored, 3 skipped
    latencies: list[float] = []
    statuses: list[int] = []
    lock = threading.Lock()

    with background_server(create_app(Settings(db=str(db), allow_ingest=True, rate_limit=0))) as base:
        assert base.startswith("http://127.0.0.1:")

        def read(reader: int) -> None:
            for n in range(READS_EACH):
                status, seconds, _ = request(base, READ_PATHS[(reader + n) % len(READ_PATHS)])
                with lock:
                    statuses.append(status)
                    latencies.append(seconds)

        def write() -> None:
            for batch in range(4):
                status, _, _ = request(base, "/api/ingest", {"articles": [story(batch * 3 + i) for i in range(3)]})
                with lock:
                    statuses.append(status)

        started = time.perf_counter()
        threads = [threading.Thread(target=read, args=(r,)) for r in range(READERS)] + [threading.Thread(target=write)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        seconds = time.perf_counter() - started
        stats = json.loads(request(base, "/api/stats")[2])

    assert statuses.count(200) == len(statuses) == READERS * READS_EACH + 4
    assert stats["articles"] == 2 + 12
    p99 = statistics.quantiles(latencies, n=100)[98]
    print(
        f"\nload: {len(latencies)} reads by {READERS} readers while 12 articles were ingested, in {seconds:.1f} s: "
        f"{len(latencies) / seconds:.0f} reads/s, median {statistics.median(latencies) * 1000:.0f} ms, "
        f"p99 {p99 * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms"
    )


def test_under_the_same_load_the_rate_limit_answers_429_and_nothing_else(tmp_path):
    db = tmp_path / "empty.duckdb"
    open_store(db).close()
    answers: list[tuple[int, Message, bytes]] = []
    lock = threading.Lock()
    with background_server(create_app(Settings(db=str(db), rate_limit=60, rate_burst=20))) as base:
        started = time.monotonic()

        def read(reader: int) -> None:
            for n in range(READS_EACH):
                status, _, answer, headers = request_with_headers(base, READ_PATHS[(reader + n) % len(READ_PATHS)])
                with lock:
                    answers.append((status, headers, answer))

        threads = [threading.Thread(target=read, args=(r,)) for r in range(READERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        seconds = time.monotonic() - started
    statuses = [status for status, _, _ in answers]
    assert len(statuses) == READERS * READS_EACH and set(statuses) <= {200, 429}
    assert 20 <= statuses.count(200) <= 20 + seconds * 60 / 60 + 1  # the burst and what refilled meanwhile
    for status, headers, answer in answers:
        if status == 429:
            assert int(headers.get("Retry-After")) >= 1
            assert json.loads(answer)["detail"].startswith("too many requests from 127.0.0.1: at most 60 a minute")
