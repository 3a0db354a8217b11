// The dyad chart: conflict and cooperation events per period, alert markers, and one
// clickable column per period. The same picture as eventwatch.analysis.chart draws
// for the CLI, drawn here with DOM calls so that it can answer clicks.

import { svg } from "./dom.js";

const WIDTH = 900;
const HEIGHT = 320;
const M = { left: 48, right: 16, top: 30, bottom: 44 };
const LINES = [
  { key: "conflict_events", name: "conflict", className: "line-conflict" },
  { key: "cooperation_events", name: "cooperation", className: "line-coop" },
];

// periods: the API's periods; alerts: {periodStart: [alert, ...]}; onSelect(period).
export function seriesChart(title, periods, alerts, onSelect) {
  const plotW = WIDTH - M.left - M.right;
  const plotH = HEIGHT - M.top - M.bottom;
  const top = Math.max(1, ...periods.flatMap((p) => LINES.map((l) => p[l.key])));
  const step = plotW / Math.max(periods.length, 1);
  const x = (i) => M.left + step * (i + 0.5);
  const y = (v) => M.top + plotH - (plotH * v) / top;

  const chart = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "chart", role: "img", "aria-label": title });
  chart.append(svg("text", { x: M.left, y: 18, class: "chart-title" }, title));
  for (const fraction of [0, 0.5, 1]) {
    const value = top * fraction;
    chart.append(
      svg("line", { x1: M.left, x2: WIDTH - M.right, y1: y(value), y2: y(value), class: fraction ? "grid" : "axis" }),
      svg("text", { x: M.left - 6, y: y(value) + 4, class: "tick", "text-anchor": "end" }, Number.isInteger(value) ? value : value.toFixed(1)),
    );
  }
  const every = Math.max(1, Math.ceil(periods.length / 8));
  periods.forEach((p, i) => {
    if (i % every === 0) chart.append(svg("text", { x: x(i), y: HEIGHT - M.bottom + 16, class: "tick", "text-anchor": "middle" }, p.start));
  });

  const columns = periods.map((p, i) => {
    const column = svg("rect", {
      x: M.left + step * i, y: M.top, width: step, height: plotH, class: "period", "data-period": p.start,
      tabindex: 0, onclick: () => onSelect(p),
      onkeydown: (event) => { if (event.key === "Enter" || event.key === " ") onSelect(p); },
    }, svg("title", {}, periodLabel(p)));
    chart.append(column);
    return column;
  });
  periods.forEach((p, i) => {
    for (const alert of alerts[p.start] || []) {
      chart.append(svg("g", { class: "alert-marker", "data-period": p.start },
        svg("line", { x1: x(i), x2: x(i), y1: M.top, y2: M.top + plotH }),
        svg("path", { d: `M${x(i) - 6},${M.top - 10} h12 l-6,9 z` }),
        svg("title", {}, `Escalation alert ${alert.source} → ${alert.target}, week of ${alert.period}: z = ${alert.z.toFixed(1)}`)));
    }
  });
  for (const line of LINES) {
    const points = periods.map((p, i) => `${x(i).toFixed(1)},${y(p[line.key]).toFixed(1)}`).join(" ");
    chart.append(svg("polyline", { points, class: line.className }));
    periods.forEach((p, i) => {
      if (p[line.key]) chart.append(svg("circle", { cx: x(i), cy: y(p[line.key]), r: 2.5, class: line.className }));
    });
  }
  LINES.forEach((line, n) => {
    const lx = WIDTH - M.right - 220 + 110 * n;
    chart.append(svg("rect", { x: lx, y: HEIGHT - 16, width: 10, height: 10, class: `swatch ${line.className}` }),
      svg("text", { x: lx + 14, y: HEIGHT - 7, class: "tick" }, `${line.name} events`));
  });
  chart.append(svg("path", { d: `M${M.left},${HEIGHT - 16} h12 l-6,9 z`, class: "swatch-alert" }),
    svg("text", { x: M.left + 16, y: HEIGHT - 7, class: "tick" }, "escalation alert"));

  return {
    node: chart,
    select(start) {
      columns.forEach((c) => c.classList.toggle("selected", c.dataset.period === start));
    },
  };
}

function periodLabel(p) {
  const lines = [`${p.start}: ${p.events} events, ${p.conflict_events} conflict, ${p.cooperation_events} cooperation`];
  for (const text of p.top_evidence) lines.push(`• ${text}`);
  return lines.join("\n");
}
