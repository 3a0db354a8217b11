"""(c) Scale-out: `eventwatch ingest` with 2 local workers and on a 2-worker Dask
LocalCluster, against 1 process, over the same generated corpus.

Every run is a fresh child process into a fresh store, timed end to end (model loads,
worker start-up and writing included); the stores are checked to hold the same rows.
Run: .venv/bin/python bench/ingest_workers.py --articles 2000
"""

from __future__ import annotations

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


def main() -> None:
    args = parse_sizes(__doc__, articles=2000)

    from distributed import LocalCluster

    with generated(args.articles) as (tmp, corpus, words):
        print(f"corpus: {args.articles} generated articles, {words} words")
        runs = {}
        for name, options in (("1 process", ()), ("2 local workers", ("--workers", "2"))):
            runs[name] = run_ingest(corpus, tmp / f"{name}.duckdb", *options)
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            name = "Dask LocalCluster, 2 workers"
            runs[name] = run_ingest(corpus, tmp / f"{name}.duckdb", "--dask", cluster.scheduler_address)
        stores = {name: content(tmp / f"{name}.duckdb") for name in runs}
    base = runs["1 process"][0]
    for name, (seconds, _, summary) in runs.items():
        print(f"{name:30s} {seconds:7.1f} s  {args.articles / seconds:6.1f} articles/s  speed-up {base / seconds:.2f}x")
    print(f"stores identical: {all(store == stores['1 process'] for store in stores.values())}")
    print(f"(c) 2 workers / 1 process: local {base / runs['2 local workers'][0]:.2f}x, "
          f"Dask {base / runs['Dask LocalCluster, 2 workers'][0]:.2f}x  (target >= 1.7)")


if __name__ == "__main__":
    main()
