"""Escalation alerts on 20 synthetic scenarios with a planted escalation.

Each scenario (eventwatch.analysis.synthetic, seeds 0-19; the detector's defaults were
chosen on seeds 100-119) is written into a real DuckDB store through the store's
writer, deduplicated by its views, and `find_alerts` runs on it as `eventwatch alerts`
does. An alert is a hit when it is on the planted dyad (either direction) in the onset
week or the week after; alerts on the planted dyad later in the same episode (up to 6
weeks after onset) are counted apart as late; every other alert is false.

Run: .venv/bin/python eval/alerts.py [--scenarios 20]
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
from pathlib import Path

from eventwatch.analysis.alerts import find_alerts
from eventwatch.analysis.synthetic import generate, to_results
from eventwatch.store import open_store, write_results

EPISODE_WEEKS = 6


def run_scenario(seed: int, folder: Path) -> dict:
    scenario = generate(seed)
    con = open_store(folder / f"scenario-{seed}.duckdb")
    results = list(to_results(scenario.events))
    for start in range(0, len(results), 2000):
        write_results(con, results[start : start + 2000])
    alerts = find_alerts(con)
    con.close()
    planted = set(scenario.planted)
    outcome = {"seed": seed, "hit": False, "late": 0, "false": [], "events": len(scenario.events)}
    for alert in alerts:
        week = (dt.date.fromisoformat(alert.period) - scenario.start).days // 7
        on_planted = {alert.source, alert.target} == planted
        if on_planted and scenario.onset_week <= week <= scenario.onset_week + 1:
            outcome["hit"] = True
        elif on_planted and scenario.onset_week < week <= scenario.onset_week + EPISODE_WEEKS:
            outcome["late"] += 1
        else:
            outcome["false"].append(f"{alert.source}->{alert.target} {alert.period} z={alert.z}")
    return outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenarios", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        outcomes = [run_scenario(seed, Path(folder)) for seed in range(args.scenarios)]
    hits = sum(o["hit"] for o in outcomes)
    false = sum(len(o["false"]) for o in outcomes)
    late = sum(o["late"] for o in outcomes)
    for o in outcomes:
        mark = "hit " if o["hit"] else "MISS"
        print(f"seed {o['seed']:2d}: {mark} {o['events']:5d} events, late {o['late']}, false {o['false'] or '-'}")
    precision = (hits + late) / (hits + late + false) if hits + late + false else 0.0
    recall = hits / len(outcomes)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"detected within one week: {hits}/{len(outcomes)}; false alerts: {false}; late alerts in episode: {late}")
    print(f"alert-week precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")


if __name__ == "__main__":
    main()
