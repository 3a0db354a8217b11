"""(c) Scale-out: `eventwatch ingest` with 2 local workers and on a 2-worker Dask
LocalCluster, against 1 process, over the same generated corpus.

Every run is a fresh child process into a fresh store, timed end to end (model loads,
worker start-up and writing included); the stores are checked to hold the same rows.
With --repeat N each setting runs N times, in turns, and keeps its fastest run, so that
a burst of other work on the machine does not decide the ratio.
Run: .venv/bin/python bench/ingest_workers.py --articles 2000 --repeat 2
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ingest_corpus import generated, parse_sizes, run_ingest


def content(db: Path) -> dict:
    """What a store holds, ingest times aside."""
    from eventwatch.store import open_store
    from eventwatch.store.queries import fingerprint

    con = open_store(db, read_only=True)
    try:
        return fingerprint(con)
    finally:
        con.close()


# Dask's worker defaults that cost a model-bound workload about 15% of its CPU: the
# sampling profiler (every 10 ms) and MALLOC_TRIM_THRESHOLD_=64 KiB, which makes glibc
# hand memory back to the system on nearly every free. README "Corpus" recommends the same.
DASK_WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}


@contextmanager
def _setting(name: str) -> Iterator[tuple[str, ...]]:
    """The ingest options of a setting; a fresh Dask cluster (started before the clock,
    its workers load the model on the clock) for the Dask one."""
    if name == "1 process":
        yield ()
    elif name == "2 local workers":
        yield ("--workers", "2")
    else:
        import dask
        from distributed import LocalCluster

        with dask.config.set(DASK_WORKER_CONFIG), LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster:
            yield ("--dask", cluster.scheduler_address)


def main() -> None:
    args = parse_sizes(__doc__, articles=2000, repeat=1)
    with generated(args.articles) as (tmp, corpus, words):
        print(f"corpus: {args.articles} generated articles, {words} words")
        runs: dict[str, tuple[float, int, str]] = {}
        for _ in range(args.repeat):
            for name in ("1 process", "2 local workers", "Dask LocalCluster, 2 workers"):
                db = tmp / f"{name}.duckdb"
                db.unlink(missing_ok=True)
                with _setting(name) as options:
                    run = run_ingest(corpus, db, *options)
                if name not in runs or run[0] < runs[name][0]:
                    runs[name] = run
        stores = {name: content(tmp / f"{name}.duckdb") for name in runs}
    base = runs["1 process"][0]
    for name, (seconds, _, summary) in runs.items():
        print(f"{name:30s} {seconds:7.1f} s  {args.articles / seconds:6.1f} articles/s  speed-up {base / seconds:.2f}x")
    print(f"stores identical: {all(store == stores['1 process'] for store in stores.values())}")
    print(f"(c) 2 workers / 1 process: local {base / runs['2 local workers'][0]:.2f}x, "
          f"Dask {base / runs['Dask LocalCluster, 2 workers'][0]:.2f}x  (target >= 1.7)")


if __name__ == "__main__":
    main()
