"""Escalation alerts: a dyad's week is alarming when its conflict intensity breaks
far out of the dyad's own recent range.

Method: a robust z-score against a trailing baseline, chosen because weekly event
counts are small, bursty and heavy-tailed. A mean/standard-deviation baseline is
dragged by one earlier spike, while median and MAD ignore it; CUSUM reacts well
to slow drifts but needs a stable in-control mean that few dyads have. For week t:

  intensity(t) = sum over the dyad's conflict events (quad class 3 or 4) of
                 reports x |Goldstein|           (a threat ~4-7, an attack ~10)
  baseline     = intensity of the `baseline_weeks` weeks before t
  z(t)         = (sqrt(intensity(t)) - median(sqrt(baseline))) / scale
  scale        = max(1.4826 x MAD(sqrt(baseline)), min_scale, relative_floor x median)

The square root steadies the spread of count-like series; the scale floor keeps a
quiet dyad's zero MAD from turning one stray event into an alert. Week t alerts
when it has support (at least `min_conflict_events` conflict events and
`min_intensity`) and either z(t) >= z_extreme, or z(t) >= z_threshold and the
next week too is above z_threshold against the same baseline (a sustained rise;
the alert is dated to its first week). A dyad needs `min_history` baseline weeks
with events before it can alert, and is quiet for `cooldown_weeks` after one.
The defaults were chosen on development seeds 100-119 of
eventwatch.analysis.synthetic; eval/alerts.py reports seeds 0-19.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import duckdb

from eventwatch.analysis.series import FACTUAL, INTENSITY, next_period
from eventwatch.store.groups import groups_relation


@dataclass(frozen=True)
class AlertConfig:
    baseline_weeks: int = 12
    min_history: int = 6
    z_threshold: float = 3.0
    z_extreme: float = 6.0
    min_conflict_events: int = 3
    min_intensity: float = 12.0
    min_scale: float = 1.5
    relative_floor: float = 0.2
    cooldown_weeks: int = 4


@dataclass(frozen=True)
class WeekStats:
    """One dyad's events in one period, as the store aggregates them."""

    period: str  # ISO date of the period start
    events: int
    conflict_events: int
    intensity: float  # report-weighted |Goldstein| of conflict events
    goldstein_sum: float = 0.0


@dataclass(frozen=True)
class Alert:
    source: str
    target: str
    period: str
    z: float
    intensity: float
    baseline_median: float
    conflict_events: int
    drivers: tuple[dict[str, Any], ...] = field(default_factory=tuple)  # the events behind it

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "drivers": list(self.drivers)}


def detect_dyad(source: str, target: str, weeks: Sequence[WeekStats], config: AlertConfig = AlertConfig()) -> list[Alert]:
    """Alerts for one dyad; `weeks` is its full weekly series, gaps filled with zero weeks.

    A week alerts when it is extreme on its own, or high and followed by another high
    week (both against the baseline before it): a lone spike is usually noise, a
    sustained rise is not. The alert is dated to the first week of the rise."""
    alerts: list[Alert] = []
    quiet_until = -1
    for t, week in enumerate(weeks):
        history = weeks[max(0, t - config.baseline_weeks) : t]
        if t <= quiet_until or sum(1 for w in history if w.events) < config.min_history:
            continue
        if not _has_support(week, config):
            continue
        baseline = [w.intensity for w in history]
        z, median = robust_z(week.intensity, baseline, config)
        following = weeks[t + 1] if t + 1 < len(weeks) else None
        sustained = following is not None and robust_z(following.intensity, baseline, config)[0] >= config.z_threshold
        if z >= config.z_extreme or (z >= config.z_threshold and sustained):
            alerts.append(Alert(source, target, week.period, round(z, 2), week.intensity, round(median, 2), week.conflict_events))
            quiet_until = t + config.cooldown_weeks
    return alerts


def robust_z(value: float, baseline: Sequence[float], config: AlertConfig) -> tuple[float, float]:
    """z on the square-root scale, where count-like series have steadier spread."""
    roots = [math.sqrt(x) for x in baseline]
    median = statistics.median(roots)
    mad = statistics.median(abs(x - median) for x in roots)
    scale = max(1.4826 * mad, config.min_scale, config.relative_floor * median)
    return (math.sqrt(value) - median) / scale, median**2


def _has_support(week: WeekStats, config: AlertConfig) -> bool:
    return week.conflict_events >= config.min_conflict_events and week.intensity >= config.min_intensity


def detect(series: Iterable[tuple[str, str, Sequence[WeekStats]]], config: AlertConfig = AlertConfig()) -> list[Alert]:
    """Alerts over many dyads, strongest first."""
    alerts = [a for source, target, weeks in series for a in detect_dyad(source, target, weeks, config)]
    return sorted(alerts, key=lambda a: (-a.z, a.period))


# Directed dyads at country/organisation level, by week; sector-only actors ("REB") are
# too vague to track and are left out.
_WEEKLY_SQL = f"""
SELECT coalesce(source_country, source_org) AS source, coalesce(target_country, target_org) AS target,
       CAST(date_trunc('week', day) AS DATE) AS week,
       count(*) AS events,
       count(*) FILTER (WHERE quad_class >= 3) AS conflict_events,
       {INTENSITY} AS intensity,
       sum(goldstein) AS goldstein_sum
FROM {{groups}}
WHERE day IS NOT NULL AND {FACTUAL}
  AND coalesce(source_country, source_org) IS NOT NULL AND coalesce(target_country, target_org) IS NOT NULL
  AND coalesce(source_country, source_org) <> coalesce(target_country, target_org)
  AND ($until IS NULL OR day <= $until)
GROUP BY ALL
"""

_DRIVERS_SQL = f"""
SELECT id, date, source_code, target_code, cameo, plover, goldstein, reports, evidence[1].text AS evidence
FROM {{groups}}
WHERE day >= $week AND day < $week + INTERVAL 7 DAY AND quad_class >= 3 AND {FACTUAL}
  AND coalesce(source_country, source_org) = $source AND coalesce(target_country, target_org) = $target
ORDER BY reports * abs(goldstein) DESC, id
LIMIT $limit
"""


def weekly_series(con: duckdb.DuckDBPyConnection, until: dt.date | None = None) -> list[tuple[str, str, list[WeekStats]]]:
    """Every directed dyad's weekly series, from its first week to the store's last."""
    rows = con.execute(_WEEKLY_SQL.format(groups=groups_relation(con)), {"until": until}).fetchall()
    if not rows:
        return []
    last = max(r[2] for r in rows)
    by_dyad: dict[tuple[str, str], dict[dt.date, WeekStats]] = {}
    for source, target, week, events, conflict, intensity, goldstein in rows:
        by_dyad.setdefault((source, target), {})[week] = WeekStats(week.isoformat(), events, conflict, intensity, goldstein)
    series = []
    for (source, target), weeks in sorted(by_dyad.items()):
        filled, week = [], min(weeks)
        while week <= last:
            filled.append(weeks.get(week) or WeekStats(week.isoformat(), 0, 0, 0.0))
            week = next_period(week, "week")
        series.append((source, target, filled))
    return series


def find_alerts(
    con: duckdb.DuckDBPyConnection,
    config: AlertConfig = AlertConfig(),
    since: dt.date | None = None,
    until: dt.date | None = None,
    drivers: int = 5,
) -> list[Alert]:
    """Escalation alerts over every dyad in the store, strongest first, each with the
    events that drove it. `since` only filters which alerts are shown: the baseline
    always uses all earlier history."""
    alerts = detect(weekly_series(con, until), config)
    if since:
        alerts = [a for a in alerts if dt.date.fromisoformat(a.period) >= since]
    return [_with_drivers(con, a, drivers) for a in alerts]


def _with_drivers(con: duckdb.DuckDBPyConnection, alert: Alert, limit: int) -> Alert:
    params = {"week": dt.date.fromisoformat(alert.period), "source": alert.source, "target": alert.target, "limit": limit}
    cursor = con.execute(_DRIVERS_SQL.format(groups=groups_relation(con)), params)
    names = [d[0] for d in cursor.description]
    found = tuple(dict(zip(names, row)) for row in cursor.fetchall())
    return Alert(**{**asdict(alert), "drivers": found})
