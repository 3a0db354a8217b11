"""Dyad, alert and network queries over a store of N synthetic events (default 100k).

Builds the store through the real writer (one article per report), then times
`dyad_series` for the busiest dyad, `find_alerts` over every dyad and
`build_network`, each the median of several runs, against a baseline measured in
the same run: a plain DuckDB aggregation of the raw events table by week (no
deduplication, no actor join), the floor any dyad query pays.

Run: .venv/bin/python bench/dyad_query.py [--events 100000] [--db PATH]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from eventwatch.analysis.alerts import find_alerts
from eventwatch.analysis.network import build_network
from eventwatch.analysis.series import dyad_series
from eventwatch.analysis.synthetic import generate, to_results
from eventwatch.store import open_store, write_results
from eventwatch.store.groups import GROUPS_TABLE, groups_relation, refresh_groups
from timing import timed  # bench/ is the script folder, first on sys.path

BASELINE_SQL = "SELECT date_trunc('week', TRY_CAST(date AS DATE)) AS w, count(*), sum(goldstein) FROM events GROUP BY w"


def build(path: Path, wanted: int) -> int:
    con = open_store(path)
    written, seed, batch = 0, 1000, []
    while written < wanted:
        scenario = generate(seed, weeks=52)
        seed += 1
        for event in scenario.events[: wanted - written]:
            event = event.__class__(**{**event.__dict__, "id": f"{seed}-{event.id}"})
            batch.extend(to_results([event]))
            written += 1
        if len(batch) >= 5000 or written >= wanted:
            write_results(con, batch)
            batch = []
    con.close()
    return written


def refresh_if_stale(path: Path) -> None:
    """Store the deduplicated groups, as `eventwatch ingest` does when it finishes."""
    con = open_store(path)
    if groups_relation(con) != GROUPS_TABLE:
        start = time.perf_counter()
        print(f"stored {refresh_groups(con)} deduplicated events in {time.perf_counter() - start:.1f} s")
    con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="reuse or create the store here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.db or Path(folder) / "bench.duckdb"
        if not path.exists():
            start = time.perf_counter()
            count = build(path, args.events)
            print(f"built a store of {count} raw events in {time.perf_counter() - start:.1f} s")
        refresh_if_stale(path)
        con = open_store(path, read_only=True)
        raw, grouped = con.execute("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM event_groups)").fetchone()
        source, target = con.execute(
            "SELECT source_country, target_country FROM event_groups GROUP BY ALL ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
        print(f"store: {raw} raw events, {grouped} after deduplication; busiest dyad {source}->{target}")
        print(f"reading from {groups_relation(con)}")
        baseline = timed(lambda: con.execute(BASELINE_SQL).fetchall())
        dyad = timed(lambda: dyad_series(con, source, target))
        both = timed(lambda: dyad_series(con, source, target, both_ways=True, by="month"))
        alerts = timed(lambda: find_alerts(con), repeat=3)
        network = timed(lambda: build_network(con), repeat=3)
        print(f"baseline (raw weekly aggregate):  {baseline * 1000:7.1f} ms")
        for name, seconds in (("dyad by week", dyad), ("dyad both ways by month", both), ("alerts, all dyads", alerts), ("network", network)):
            print(f"{name:32s} {seconds * 1000:7.1f} ms  ({seconds / baseline:.1f}x baseline)")


if __name__ == "__main__":
    main()
