"""Dyad series, escalation alerts and the actor network, on stores built from synthetic corpora."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from eventwatch.analysis.alerts import AlertConfig, WeekStats, detect_dyad, find_alerts
from eventwatch.analysis.chart import ChartSeries, render_svg
from eventwatch.analysis.network import build_network, centrality, write_graphml
from eventwatch.analysis.series import dyad_series
from eventwatch.analysis.synthetic import SyntheticEvent, generate, to_results
from eventwatch.store import open_store, write_results
from tests.conftest import ROOT


def store_of(path, events):
    con = open_store(path)
    write_results(con, list(to_results(events)))
    return con


def event(n, source, target, date, cameo="040", root="04", quad=1, goldstein=1.0, reports=1):
    return SyntheticEvent(f"t{n}", source, target, date, cameo, root, quad, goldstein, reports)


@pytest.fixture(scope="module")
def scenario_store(tmp_path_factory):
    scenario = generate(seed=7)
    con = store_of(tmp_path_factory.mktemp("alerts") / "s.duckdb", scenario.events)
    yield scenario, con
    con.close()


def test_planted_escalation_alerts_in_its_week_and_nowhere_else(scenario_store):
    scenario, con = scenario_store
    alerts = find_alerts(con)
    planted = set(scenario.planted)
    first = min((a for a in alerts if {a.source, a.target} == planted), key=lambda a: a.period)
    week = (dt.date.fromisoformat(first.period) - scenario.start).days // 7
    assert scenario.onset_week <= week <= scenario.onset_week + 1
    assert all({a.source, a.target} == planted for a in alerts)
    assert first.drivers and all(d["cameo"][:2] in {"11", "13", "15", "19"} for d in first.drivers)


def test_no_alert_without_enough_history():
    quiet = [WeekStats(f"2024-01-{1 + 7 * i:02d}", 1, 0, 0.0) for i in range(3)]
    burst = WeekStats("2024-01-22", 9, 9, 90.0)
    assert detect_dyad("AAA", "BBB", [*quiet, burst, burst]) == []


def test_a_lone_moderate_spike_is_not_an_alert_but_a_sustained_rise_is():
    calm = [WeekStats(f"w{i}", 3, 1, 4.0) for i in range(10)]
    spike = WeekStats("spike", 4, 3, 60.0)
    assert detect_dyad("A", "B", [*calm, spike, calm[0]], AlertConfig(z_extreme=99)) == []
    (alert,) = detect_dyad("A", "B", [*calm, spike, spike], AlertConfig(z_extreme=99))
    assert alert.period == "spike"


def test_dyad_series_counts_by_week_with_gaps_and_both_ways(tmp_path):
    con = store_of(
        tmp_path / "d.duckdb",
        [
            event(1, "RUS", "UKR", "2024-03-04", "190", "19", 4, -10.0, reports=2),
            event(2, "RUS", "UKR", "2024-03-06", "130", "13", 3, -4.4),
            event(3, "UKR", "RUS", "2024-03-05", "040", "04", 1, 1.0),
            event(4, "RUS", "UKR", "2024-03-20", "036", "03", 1, 4.0),
            event(5, "RUS", "POL", "2024-03-05", "111", "11", 3, -2.0),
        ],
    )
    series = dyad_series(con, "RUS", "UKR")
    assert [p.start for p in series.periods] == ["2024-03-04", "2024-03-11", "2024-03-18"]
    first, gap, last = series.periods
    assert (first.events, first.verbal_conflict, first.material_conflict) == (2, 1, 1)
    assert first.goldstein_total == pytest.approx(-14.4) and first.conflict_share == 1.0
    assert first.reports == 3 and first.intensity == pytest.approx(24.4)
    assert first.top_evidence[0].startswith("RUS acted toward UKR on 2024-03-04")
    assert gap.events == 0 and last.verbal_cooperation == 1
    both = dyad_series(con, "UKR", "RUS", both_ways=True)
    assert both.periods[0].events == 3
    monthly = dyad_series(con, "RUS", "UKR", by="month")
    assert [(p.start, p.events) for p in monthly.periods] == [("2024-03-01", 3)]


def test_chart_has_both_series_and_the_alert_mark():
    svg = render_svg("A -> B", ["w1", "w2", "w3"], [ChartSeries("conflict", [0, 5, 9]), ChartSeries("cooperation", [3, 2, 1])], ["w2"])
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert len(root.findall(f"{ns}polyline")) == 2
    (mark,) = root.findall(f"{ns}line[@class='alert']")
    assert mark.get("data-period") == "w2"


def test_network_layers_centrality_and_graphml(tmp_path):
    con = store_of(
        tmp_path / "n.duckdb",
        [
            event(1, "RUS", "UKR", "2024-03-04", "190", "19", 4, -10.0),
            event(2, "RUS", "UKR", "2024-03-12", "190", "19", 4, -10.0),
            event(3, "TUR", "UKR", "2024-03-05", "040", "04", 1, 1.0),
            event(4, "TUR", "RUS", "2024-03-06", "040", "04", 1, 1.0),
        ],
    )
    graph = build_network(con)
    assert graph.edges["RUS", "UKR"]["conflict_events"] == 2
    assert graph.edges["TUR", "RUS"]["cooperation_events"] == 1
    central = centrality(graph)
    assert [c.actor for c in central][:2] == ["RUS", "UKR"]
    write_graphml(graph, str(tmp_path / "n.graphml"))
    assert set(nx.read_graphml(tmp_path / "n.graphml").nodes) == {"RUS", "UKR", "TUR"}


def test_cli_dyad_and_alerts_as_json(scenario_store, tmp_path):
    scenario, con = scenario_store
    path = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()[0]
    con.close()
    a, b = scenario.planted
    chart = tmp_path / "dyad.svg"
    run = lambda *args: subprocess.run([sys.executable, "-m", "eventwatch.cli", *args], capture_output=True, cwd=ROOT)
    dyad = run("dyad", a, b, "--db", path, "--both-ways", "--format", "json", "--chart", str(chart))
    assert dyad.returncode == 0, dyad.stderr.decode()
    series = json.loads(dyad.stdout)
    assert len(series["periods"]) >= scenario.weeks - 1
    assert 'class="alert"' in chart.read_text()
    alerts = run("alerts", "--db", path, "--format", "json")
    assert alerts.returncode == 0, alerts.stderr.decode()
    assert {a, b} == {json.loads(alerts.stdout)[0]["source"], json.loads(alerts.stdout)[0]["target"]}
    missing = run("alerts", "--db", str(tmp_path / "none.duckdb"))
    assert missing.returncode == 2 and len(missing.stderr.decode().strip().splitlines()) == 1
