"""A dependency-free SVG line chart of a dyad's series, with alert markers.

Written by hand rather than with a plotting library so that the CLI and the
dashboard draw the same chart offline, and the package stays small.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT = 760, 300
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 48, 16, 28, 42
SERIES_COLOURS = {"conflict": "#c0392b", "cooperation": "#2471a3"}


@dataclass(frozen=True)
class ChartSeries:
    name: str  # "conflict" or "cooperation"
    values: Sequence[float]


def render_svg(title: str, periods: Sequence[str], series: Sequence[ChartSeries], alert_periods: Sequence[str] = ()) -> str:
    """An SVG document: one polyline per series over the periods, a red mark per alert."""
    top = max([v for s in series for v in s.values] + [1.0])
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

    def x(i: int) -> float:
        return MARGIN_LEFT + (plot_w * i / max(len(periods) - 1, 1))

    def y(v: float) -> float:
        return MARGIN_TOP + plot_h - plot_h * v / top

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        'font-family="sans-serif" font-size="11">',
        f'<text x="{MARGIN_LEFT}" y="16" font-size="13" font-weight="bold">{escape(title)}</text>',
        f'<line x1="{MARGIN_LEFT}" y1="{y(0):.1f}" x2="{WIDTH - MARGIN_RIGHT}" y2="{y(0):.1f}" stroke="#888"/>',
        f'<line x1="{MARGIN_LEFT}" y1="{MARGIN_TOP}" x2="{MARGIN_LEFT}" y2="{y(0):.1f}" stroke="#888"/>',
        f'<text x="{MARGIN_LEFT - 6}" y="{MARGIN_TOP + 4}" text-anchor="end">{top:g}</text>',
        f'<text x="{MARGIN_LEFT - 6}" y="{y(0):.1f}" text-anchor="end">0</text>',
    ]
    step = max(1, len(periods) // 8)
    for i in range(0, len(periods), step):
        parts.append(f'<text x="{x(i):.1f}" y="{HEIGHT - 24}" text-anchor="middle">{escape(periods[i])}</text>')
    alerts = set(alert_periods)
    for i, period in enumerate(periods):
        if period in alerts:
            parts.append(
                f'<line class="alert" data-period="{escape(period)}" x1="{x(i):.1f}" y1="{MARGIN_TOP}" '
                f'x2="{x(i):.1f}" y2="{y(0):.1f}" stroke="#e67e22" stroke-width="2" stroke-dasharray="4 3"/>'
            )
    for line in series:
        colour = SERIES_COLOURS.get(line.name, "#555")
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(line.values))
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}"/>')
    for n, line in enumerate(series):
        colour = SERIES_COLOURS.get(line.name, "#555")
        lx = MARGIN_LEFT + 10 + 110 * n
        parts.append(f'<rect x="{lx}" y="{HEIGHT - 14}" width="10" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{lx + 14}" y="{HEIGHT - 5}">{escape(line.name)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)
