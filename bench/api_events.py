"""GET /api/events over a store of N synthetic events (default 100k), through real HTTP.

Builds the store as bench/dyad_query.py does (one article per report, through the real
writer), serves it with uvicorn on a free loopback port and times filtered pages of
/api/events, each the median of several requests, against a baseline measured in the
same run: the same filter and page straight from DuckDB on the raw events table (no
deduplication, no HTTP), the floor any events page pays.

The store's deduplicated events are stored as `eventwatch ingest` leaves them (refreshed
first when stale); the script says which relation the API reads.

Run: .venv/bin/python bench/api_events.py [--events 100000] [--db PATH] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode
from urllib.request import urlopen

from dyad_query import build, refresh_if_stale

from eventwatch.api import Settings, create_app
from eventwatch.api.server import background_server
from eventwatch.store import open_store
from eventwatch.store.groups import groups_relation
from timing import timed  # bench/ is the script folder, first on sys.path

BASELINE_SQL = """
SELECT e.*, s.code AS source_code, t.code AS target_code, count(*) OVER () AS total
FROM events e JOIN actors s ON s.id = e.source_id LEFT JOIN actors t ON t.id = e.target_id
WHERE (starts_with(upper(s.code), ?) OR starts_with(upper(t.code), ?)) AND e.quad_class = ?
ORDER BY TRY_CAST(e.date AS DATE), e.id LIMIT 50
"""


def requests(actor: str) -> dict[str, dict[str, object]]:
    return {
        f"actor={actor}, quad 4, page 1": {"actor": actor, "quad": 4, "limit": 50},
        f"actor={actor}, quad 4, page 20": {"actor": actor, "quad": 4, "limit": 50, "offset": 950},
        "cameo 19 in a month, by Goldstein": {"cameo": "19", "since": "2023-06-01", "until": "2023-06-30", "sort": "goldstein"},
        "evidence words, newest first": {"text": "report 2", "sort": "-date", "limit": 50},
        "no filter, page 1": {"limit": 50},
    }


def fetch(url: str) -> dict:
    with urlopen(url, timeout=120) as response:
        return json.loads(response.read())


def time_api(db: Path, cases: dict[str, dict[str, object]], repeat: int) -> dict[str, tuple[float, int]]:
    found = {}
    with background_server(create_app(Settings(db=str(db)))) as base:
        for name, params in cases.items():
            url = f"{base}/api/events?{urlencode(params)}"
            total = fetch(url)["total"]
            found[name] = (timed(lambda: fetch(url), repeat), total)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="reuse or create the store here")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.db or Path(folder) / "bench.duckdb"
        if not path.exists():
            start = time.perf_counter()
            print(f"built a store of {build(path, args.events)} synthetic events in {time.perf_counter() - start:.1f} s")
        refresh_if_stale(path)
        con = open_store(path, read_only=True)
        print(f"the API reads {groups_relation(con)}")
        raw, grouped = con.execute("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM event_groups)").fetchone()
        actor = con.execute("SELECT source_country FROM event_groups GROUP BY ALL ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        print(f"store: {raw} raw events, {grouped} after deduplication")
        baseline = timed(lambda: con.execute(BASELINE_SQL, [actor, actor, 4]).fetchall(), args.repeat)
        con.close()
        cases = requests(actor)
        print(f"baseline (raw events table, same filter, DuckDB, no HTTP): {baseline * 1000:8.1f} ms")
        print("GET /api/events, median of", args.repeat)
        for name, (seconds, total) in time_api(path, cases, args.repeat).items():
            print(f"  {name:36s} {seconds * 1000:8.1f} ms  ({seconds / baseline:6.1f}x baseline, {total} matches)")


if __name__ == "__main__":
    main()
