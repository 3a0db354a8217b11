"""Dyad time series from the store: DuckDB aggregates the deduplicated events by period.

Only factual events count (not negated, not hypothetical, not future): an analyst
asking "is this getting worse?" wants what happened, not what was threatened to
happen conditionally. Threats themselves are events (CAMEO 13) and do count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import duckdb

from eventwatch.store.groups import groups_relation
from eventwatch.store.queries import actor_match


PERIODS = ("day", "week", "month")
FACTUAL = "NOT negated AND NOT hypothetical AND NOT future"
INTENSITY = "sum(CASE WHEN quad_class >= 3 THEN reports * abs(goldstein) ELSE 0 END)"



@dataclass(frozen=True)
class Period:
    """One period of a dyad: counts by quad class, Goldstein, conflict share, evidence."""

    start: str
    events: int = 0
    verbal_cooperation: int = 0
    material_cooperation: int = 0
    verbal_conflict: int = 0
    material_conflict: int = 0
    goldstein_total: float = 0.0
    goldstein_mean: float | None = None
    conflict_share: float | None = None
    reports: int = 0  # report-weighted event count
    intensity: float = 0.0  # report-weighted |Goldstein| of conflict events (alerts use it)
    top_evidence: tuple[str, ...] = ()

    @property
    def conflict_events(self) -> int:
        return self.verbal_conflict + self.material_conflict

    @property
    def cooperation_events(self) -> int:
        return self.verbal_cooperation + self.material_cooperation

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "top_evidence": list(self.top_evidence)}


@dataclass(frozen=True)
class DyadSeries:
    source: str
    target: str
    by: str
    both_ways: bool
    periods: list[Period] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "by": self.by,
            "both_ways": self.both_ways,
            "periods": [p.to_dict() for p in self.periods],
        }


_SERIES_SQL = f"""
SELECT CAST(date_trunc($by, day) AS DATE) AS period,
       count(*) AS events,
       count(*) FILTER (WHERE quad_class = 1) AS verbal_cooperation,
       count(*) FILTER (WHERE quad_class = 2) AS material_cooperation,
       count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
       count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
       sum(goldstein) AS goldstein_total,
       avg(goldstein) AS goldstein_mean,
       sum(reports) AS reports,
       {INTENSITY} AS intensity,
       list(evidence[1].text ORDER BY reports * abs(goldstein) DESC, id)[1:$top] AS top_evidence
FROM {{groups}}
WHERE day IS NOT NULL AND {FACTUAL} AND ($since IS NULL OR day >= $since) AND ($until IS NULL OR day <= $until)
  AND (({actor_match('source', '$a')} AND {actor_match('target', '$b')})
       OR ($both AND {actor_match('source', '$b')} AND {actor_match('target', '$a')}))
GROUP BY period
ORDER BY period
"""


def dyad_series(
    con: duckdb.DuckDBPyConnection,
    source: str,
    target: str,
    by: str = "week",
    both_ways: bool = False,
    since: dt.date | None = None,
    until: dt.date | None = None,
    top: int = 3,
) -> DyadSeries:
    """Per period from the first event to the last (or since/until), empty periods included."""
    if by not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {by!r}")
    params = {
        "by": by, "a": source.upper(), "b": target.upper(), "both": both_ways,
        "since": since, "until": until, "top": top,
    }
    cursor = con.execute(_SERIES_SQL.format(groups=groups_relation(con)), params)
    names = [d[0] for d in cursor.description]
    found = {row[0]: dict(zip(names, row)) for row in cursor.fetchall()}
    periods = [_period(start, found.get(start)) for start in _period_starts(found, by, since, until)]
    return DyadSeries(source.upper(), target.upper(), by, both_ways, periods)


def _period(start: dt.date, row: dict[str, Any] | None) -> Period:
    if row is None:
        return Period(start=start.isoformat())
    conflict = row["verbal_conflict"] + row["material_conflict"]
    return Period(
        start=start.isoformat(),
        events=row["events"],
        verbal_cooperation=row["verbal_cooperation"],
        material_cooperation=row["material_cooperation"],
        verbal_conflict=row["verbal_conflict"],
        material_conflict=row["material_conflict"],
        goldstein_total=round(row["goldstein_total"], 2),
        goldstein_mean=round(row["goldstein_mean"], 2),
        conflict_share=round(conflict / row["events"], 3),
        reports=int(row["reports"]),
        intensity=round(row["intensity"], 2),
        top_evidence=tuple(row["top_evidence"]),
    )


def period_start(day: dt.date, by: str) -> dt.date:
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    return day


def next_period(start: dt.date, by: str) -> dt.date:
    if by == "week":
        return start + dt.timedelta(weeks=1)
    if by == "month":
        return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return start + dt.timedelta(days=1)


def _period_starts(found: dict, by: str, since: dt.date | None, until: dt.date | None) -> Sequence[dt.date]:
    if not found and not (since and until):
        return []
    first = period_start(since, by) if since else min(found)
    last = period_start(until, by) if until else max(found)
    starts = []
    while first <= last:
        starts.append(first)
        first = next_period(first, by)
    return starts
