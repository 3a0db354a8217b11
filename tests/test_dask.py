"""`eventwatch ingest --dask ADDRESS`: the per-article work on a Dask cluster, one writer here."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from eventwatch.cli import app
from eventwatch.ingest import read_paths
from eventwatch.records import Article
from eventwatch.runner import InProcess, ingest
from eventwatch.store import open_store
from eventwatch.store.queries import fingerprint
from tests.conftest import ROOT
from tests.test_ingest_cli import wire_story, write_jsonl

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes with one thread each, as a small real cluster would run."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=True
    ) as local:
        yield local


def test_dask_path_stores_exactly_what_a_single_process_stores(nlp, cluster, tmp_path):
    corpus = write_jsonl(tmp_path / "wire.jsonl", [wire_story(n) for n in range(6)])

    single = open_store(tmp_path / "single.duckdb")
    articles = (a for a in read_paths([str(corpus)]) if isinstance(a, Article))
    assert ingest(articles, single, InProcess()).written.articles == 6
    expected = fingerprint(single)
    single.close()

    db = tmp_path / "dask.duckdb"
    done = CliRunner().invoke(
        app, ["ingest", "--db", str(db), "--dask", cluster.scheduler_address, "--batch-size", "2", str(corpus)]
    )
    assert done.exit_code == 0, done.output
    assert "stored 6 articles" in done.stderr
    with open_store(db, read_only=True) as con:
        assert fingerprint(con) == expected


@pytest.fixture(params=[3, 0], ids=["rescheduled", "given up"])
def allowed_failures(request, cluster):
    """How often the scheduler reruns a batch whose worker died: Dask's default, or never."""
    def allow(dask_scheduler, failures: int) -> int:
        before, dask_scheduler.allowed_failures = dask_scheduler.allowed_failures, failures
        return before

    with distributed.Client(cluster, set_as_default=False) as client:
        before = client.run_on_scheduler(allow, failures=request.param)
        yield request.param
        client.run_on_scheduler(allow, failures=before)


def kill_a_busy_worker(client: distributed.Client) -> None:
    """SIGKILL a worker process that holds a batch of the job."""
    pids = client.run(os.getpid)
    deadline = time.monotonic() + 60
    while not (busy := [address for address, keys in client.processing().items() if keys]):
        assert time.monotonic() < deadline
        time.sleep(0.01)
    os.kill(pids[busy[0]], signal.SIGKILL)


def test_a_worker_killed_mid_job_is_rescheduled_or_reported_and_a_rerun_stores_each_article_once(
    nlp, cluster, allowed_failures, tmp_path
):
    corpus = write_jsonl(tmp_path / "wire.jsonl", [wire_story(n) for n in range(16)])
    db = tmp_path / "killed.duckdb"
    command = [
        sys.executable, "-m", "eventwatch.cli", "ingest", "--db", str(db), "--dask", cluster.scheduler_address,
        "--batch-size", "2", "-v", str(corpus),
    ]
    with distributed.Client(cluster, set_as_default=False) as client:
        child = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
        try:
            for line in child.stderr:  # the job is under way: kill a worker running one of its batches
                if "committed batch 1:" in line:
                    kill_a_busy_worker(client)
                    break
            rest = child.stderr.read().strip().splitlines()
        finally:
            child.wait(timeout=300)
            child.stderr.close()
        client.wait_for_workers(2, timeout=120)  # its nanny restarts it, for the tests after this one

    ours = [line for line in rest if line.startswith("eventwatch:")]
    assert not any("Traceback" in line for line in rest)
    if allowed_failures:  # Dask ran the lost batch again on a live worker
        assert child.returncode == 0, rest
        assert ours[-2].startswith("eventwatch: committed batch 8:") and ours[-1].startswith("eventwatch: stored ")
    else:
        assert child.returncode == 1, rest
        assert ours[-1] == (
            "eventwatch: ingest stopped, every committed batch is kept: a Dask worker died running a batch "
            "and the scheduler gave up on it (distributed.scheduler.allowed-failures is 0)"
        )

    rerun = CliRunner().invoke(app, ["ingest", "--db", str(db), "--dask", cluster.scheduler_address, str(corpus)])
    assert rerun.exit_code == 0, rerun.output
    clean = open_store(tmp_path / "clean.duckdb")
    ingest((a for a in read_paths([str(corpus)]) if isinstance(a, Article)), clean, InProcess())
    with open_store(db, read_only=True) as con:
        assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchall() == [(16, 16)]
        assert fingerprint(con) == fingerprint(clean)  # nothing lost, nothing twice
    clean.close()
