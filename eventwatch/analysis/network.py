"""The actor network: who interacts with whom over a period, cooperation and conflict apart.

Nodes are actors at country/organisation level (as alerts use them); each directed
edge carries the count, report-weighted count and Goldstein total of its cooperative
(quad 1-2) and conflictual (quad 3-4) events. Actors are ranked by strength (events in and
out, both layers) with betweenness centrality beside it: strength says who is most
involved, betweenness who links otherwise separate parts of the network.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import duckdb
import networkx as nx

from eventwatch.analysis.series import FACTUAL
from eventwatch.store.groups import groups_relation

LAYERS = ("cooperation", "conflict")

_EDGES_SQL = f"""
SELECT coalesce(source_country, source_org) AS source, coalesce(target_country, target_org) AS target,
       CASE WHEN quad_class <= 2 THEN 'cooperation' ELSE 'conflict' END AS layer,
       count(*) AS events, sum(reports) AS reports, sum(goldstein) AS goldstein
FROM {{groups}}
WHERE day IS NOT NULL AND {FACTUAL}
  AND coalesce(source_country, source_org) IS NOT NULL AND coalesce(target_country, target_org) IS NOT NULL
  AND coalesce(source_country, source_org) <> coalesce(target_country, target_org)
  AND ($since IS NULL OR day >= $since) AND ($until IS NULL OR day <= $until)
GROUP BY ALL
"""


@dataclass(frozen=True)
class Centrality:
    actor: str
    strength: int  # events in and out
    betweenness: float
    cooperation_degree: int
    conflict_degree: int


def build_network(
    con: duckdb.DuckDBPyConnection, since: dt.date | None = None, until: dt.date | None = None
) -> nx.DiGraph:
    graph = nx.DiGraph()
    sql = _EDGES_SQL.format(groups=groups_relation(con))
    for source, target, layer, events, reports, goldstein in con.execute(sql, {"since": since, "until": until}).fetchall():
        if not graph.has_edge(source, target):
            graph.add_edge(source, target, **{f"{name}_{field}": 0 for name in LAYERS for field in ("events", "reports")},
                           **{f"{name}_goldstein": 0.0 for name in LAYERS})
        edge = graph.edges[source, target]
        edge[f"{layer}_events"] += events
        edge[f"{layer}_reports"] += int(reports)
        edge[f"{layer}_goldstein"] = round(edge[f"{layer}_goldstein"] + goldstein, 2)
    for _, _, data in graph.edges(data=True):
        data["events"] = data["cooperation_events"] + data["conflict_events"]
    return graph


def layer(graph: nx.DiGraph, name: str) -> nx.DiGraph:
    """The cooperation or conflict layer alone, edges weighted by event count."""
    sub = nx.DiGraph()
    for source, target, data in graph.edges(data=True):
        if data[f"{name}_events"]:
            sub.add_edge(source, target, weight=data[f"{name}_events"], goldstein=data[f"{name}_goldstein"])
    return sub


def centrality(graph: nx.DiGraph, top: int = 10) -> list[Centrality]:
    if not graph:
        return []
    strength = dict(graph.degree(weight="events"))
    between = nx.betweenness_centrality(graph)
    degree = {name: dict(graph.degree(weight=f"{name}_events")) for name in LAYERS}
    ranked = sorted(graph.nodes, key=lambda n: (-strength[n], n))[:top]
    return [
        Centrality(n, int(strength[n]), round(between[n], 4), int(degree["cooperation"][n]), int(degree["conflict"][n]))
        for n in ranked
    ]


def to_json(graph: nx.DiGraph) -> dict[str, Any]:
    return nx.node_link_data(graph, edges="edges")


def write_graphml(graph: nx.DiGraph, path: str) -> None:
    nx.write_graphml(graph, path)


def write_json(graph: nx.DiGraph, path: str) -> None:
    with open(path, "w", encoding="utf-8") as out:
        json.dump({**to_json(graph), "central": [c.__dict__ for c in centrality(graph)]}, out, indent=1)
