"""(b) Peak RSS of `eventwatch ingest` on a small and a large corpus: flat means streaming.

Each size runs in a fresh child process (one process, no workers) into a fresh store;
its peak RSS comes from the kernel (wait4). Prints both peaks and large / small.
Run: .venv/bin/python bench/ingest_memory.py --small 2000 --large 20000
"""

from __future__ import annotations

from ingest_corpus import generated, parse_sizes, run_ingest


def main() -> None:
    args = parse_sizes(__doc__, small=2000, large=20000)
    peaks = {}
    for size in (args.small, args.large):
        with generated(size) as (tmp, corpus, words):
            db = tmp / "store.duckdb"
            seconds, peak, summary = run_ingest(corpus, db)
            peaks[size] = peak
            print(f"{size:6d} articles ({words} words): peak RSS {peak} MiB, {seconds:.0f} s, "
                  f"store {db.stat().st_size / 2**20:.0f} MiB")
            print(f"        {summary}")
    print(f"(b) peak RSS {args.large} / {args.small} articles: {peaks[args.large] / peaks[args.small]:.2f}  (target <= 1.2)")


if __name__ == "__main__":
    main()
