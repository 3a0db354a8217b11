"""Dyads and neighbours read off the actor network of eventwatch.analysis.network."""

from __future__ import annotations

from typing import Any

import networkx as nx

from eventwatch.analysis.network import LAYERS

_COUNTS = tuple(f"{layer}_{field}" for layer in LAYERS for field in ("events", "goldstein"))


def layer_counts(edge: dict[str, Any] | None) -> dict[str, Any]:
    """An edge's cooperation and conflict counts and Goldstein totals (zeros for no edge)."""
    return {name: (edge or {}).get(name, 0) for name in _COUNTS}


def active_dyads(graph: nx.DiGraph, limit: int) -> list[dict[str, Any]]:
    """Directed dyads with the most events, busiest first."""
    edges = sorted(graph.edges(data=True), key=lambda e: (-e[2]["events"], e[0], e[1]))[:limit]
    return [{"source": s, "target": t, "events": data["events"], **layer_counts(data)} for s, t, data in edges]


def neighbours(graph: nx.DiGraph, key: str) -> list[dict[str, Any]]:
    """The actors `key` has events with, in either direction, busiest first."""
    if key not in graph:
        return []
    found = set(graph.successors(key)) | set(graph.predecessors(key))

    def total(other: str) -> int:
        return sum(graph.edges[e]["events"] for e in ((key, other), (other, key)) if graph.has_edge(*e))

    return [
        {"actor": other, "outgoing": layer_counts(graph.get_edge_data(key, other)),
         "incoming": layer_counts(graph.get_edge_data(other, key))}
        for other in sorted(found, key=lambda n: (-total(n), n))
    ]
