"""`eventwatch ingest --dask ADDRESS`: the per-article work on a Dask cluster, one writer here."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from eventwatch.cli import app
from eventwatch.ingest import read_paths
from eventwatch.records import Article
from eventwatch.runner import InProcess, ingest
from eventwatch.store import open_store
from eventwatch.store.queries import fingerprint
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
