"""`eventwatch dyad`, `alerts` and `network`: is this getting worse, and between whom?"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from eventwatch.analysis.alerts import AlertConfig, find_alerts
from eventwatch.analysis.chart import ChartSeries, render_svg
from eventwatch.analysis.network import build_network, centrality, write_graphml, write_json
from eventwatch.analysis.series import PERIODS, DyadSeries, dyad_series
from eventwatch.cli.app import app, wide_console
from eventwatch.cli.common import DbOption, SinceOption, UntilOption, open_or_exit
from eventwatch.store import default_db

PERIOD_COLUMNS = (
    "start", "events", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict",
    "goldstein_total", "goldstein_mean", "conflict_share", "reports", "intensity",
)


class AnalysisFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


FormatOption = Annotated[AnalysisFormat, typer.Option("--format", "-f", help="table, json or csv.")]


def _day(value: Optional[str]) -> Optional[dt.date]:
    return dt.date.fromisoformat(value) if value else None


@app.command()
def dyad(
    source: Annotated[str, typer.Argument(help="Source actor: country (RUS), code prefix (RUSMIL) or organisation (NATO).")],
    target: Annotated[str, typer.Argument(help="Target actor, as source.")],
    db: DbOption = None,
    by: Annotated[str, typer.Option("--by", help="Period: day, week or month.")] = "week",
    both_ways: Annotated[bool, typer.Option("--both-ways", help="Count events in both directions.")] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    output: FormatOption = AnalysisFormat.table,
    chart: Annotated[Optional[Path], typer.Option("--chart", help="Also write an SVG chart with alert markers here.")] = None,
) -> None:
    """The time series of one dyad: events by quad class, Goldstein, conflict share, evidence."""
    if by not in PERIODS:
        raise typer.BadParameter(f"--by must be one of {', '.join(PERIODS)}")
    con = open_or_exit(db or default_db(), read_only=True)
    series = dyad_series(con, source, target, by=by, both_ways=both_ways, since=_day(since), until=_day(until))
    if chart is not None:
        alerts = [a.period for a in find_alerts(con, until=_day(until)) if {a.source, a.target} <= {series.source, series.target}]
        chart.write_text(dyad_chart(series, alerts), encoding="utf-8")
    _print_series(series, output)


def dyad_chart(series: DyadSeries, alert_periods: list[str]) -> str:
    arrow = "<->" if series.both_ways else "->"
    return render_svg(
        f"{series.source} {arrow} {series.target}: events per {series.by}",
        [p.start for p in series.periods],
        [
            ChartSeries("conflict", [p.conflict_events for p in series.periods]),
            ChartSeries("cooperation", [p.cooperation_events for p in series.periods]),
        ],
        alert_periods,
    )


def _print_series(series: DyadSeries, output: AnalysisFormat) -> None:
    if output is AnalysisFormat.json:
        json.dump(series.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif output is AnalysisFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow([*PERIOD_COLUMNS, "top_evidence"])
        for p in series.periods:
            writer.writerow([getattr(p, c) for c in PERIOD_COLUMNS] + [" | ".join(p.top_evidence)])
    else:
        table = Table(title=f"{series.source} -> {series.target} by {series.by}", title_justify="left")
        for column in ("period", "events", "coop v/m", "conflict v/m", "goldstein", "mean", "conflict %", "reports"):
            table.add_column(column, justify="right" if column != "period" else "left")
        table.add_column("top evidence", ratio=1)
        for p in series.periods:
            table.add_row(
                p.start, str(p.events), f"{p.verbal_cooperation}/{p.material_cooperation}",
                f"{p.verbal_conflict}/{p.material_conflict}", f"{p.goldstein_total:+.1f}",
                "-" if p.goldstein_mean is None else f"{p.goldstein_mean:+.2f}",
                "-" if p.conflict_share is None else f"{100 * p.conflict_share:.0f}",
                str(p.reports), p.top_evidence[0] if p.top_evidence else "",
            )
        wide_console().print(table)


@app.command()
def alerts(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    z: Annotated[float, typer.Option("--z", help="z-score a sustained rise must reach.")] = AlertConfig.z_threshold,
    z_extreme: Annotated[float, typer.Option("--z-extreme", help="z-score that alerts on one week alone.")] = AlertConfig.z_extreme,
    min_events: Annotated[int, typer.Option("--min-events", min=1, help="Conflict events an alert week needs.")] = AlertConfig.min_conflict_events,
    min_history: Annotated[int, typer.Option("--min-history", min=1, help="Baseline weeks with events a dyad needs.")] = AlertConfig.min_history,
    output: FormatOption = AnalysisFormat.table,
) -> None:
    """Escalation alerts over every dyad, strongest first, with the events that drove them."""
    config = AlertConfig(z_threshold=z, z_extreme=z_extreme, min_conflict_events=min_events, min_history=min_history)
    con = open_or_exit(db or default_db(), read_only=True)
    found = find_alerts(con, config, since=_day(since), until=_day(until))
    if output is AnalysisFormat.json:
        json.dump([a.to_dict() for a in found], sys.stdout, ensure_ascii=False, indent=1, default=str)
        sys.stdout.write("\n")
    elif output is AnalysisFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(["source", "target", "week", "z", "intensity", "baseline_median", "conflict_events", "top_evidence"])
        for a in found:
            top = a.drivers[0]["evidence"] if a.drivers else ""
            writer.writerow([a.source, a.target, a.period, a.z, a.intensity, a.baseline_median, a.conflict_events, top])
    else:
        table = Table(title=f"{len(found)} escalation alerts", title_justify="left")
        for column in ("dyad", "week", "z", "intensity", "baseline", "conflict ev."):
            table.add_column(column)
        table.add_column("what drove it", ratio=1)
        for a in found:
            drivers = "; ".join(f"{d['cameo']} {d['evidence'][:80]}" for d in a.drivers[:2])
            table.add_row(f"{a.source}->{a.target}", a.period, f"{a.z:.1f}", f"{a.intensity:.0f}",
                          f"{a.baseline_median:.0f}", str(a.conflict_events), drivers)
        wide_console().print(table)


@app.command()
def network(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    graphml: Annotated[Optional[Path], typer.Option("--graphml", help="Write the network as GraphML here.")] = None,
    json_path: Annotated[Optional[Path], typer.Option("--json", help="Write the network as node-link JSON here.")] = None,
    top: Annotated[int, typer.Option("--top", min=1, help="How many central actors to list.")] = 10,
) -> None:
    """The actor network of a period: cooperation and conflict edges, the most central actors."""
    con = open_or_exit(db or default_db(), read_only=True)
    graph = build_network(con, since=_day(since), until=_day(until))
    if graphml:
        write_graphml(graph, str(graphml))
    if json_path:
        write_json(graph, str(json_path))
    table = Table(title=f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} directed links", title_justify="left")
    for column in ("actor", "events in+out", "betweenness", "cooperation events", "conflict events"):
        table.add_column(column)
    for c in centrality(graph, top):
        table.add_row(c.actor, str(c.strength), f"{c.betweenness:.3f}", str(c.cooperation_degree), str(c.conflict_degree))
    wide_console().print(table)
