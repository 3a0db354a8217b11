// A dyad: its series chart with alert markers; a clicked period lists its events, each
// linked to the sentence that states it.

import { actorLink, api, eventCode, evidenceLink, modality, paths, signed } from "../api.js";
import { seriesChart } from "../chart.js";
import { el, fill, link, muted, section, table } from "../dom.js";

export async function render(main, params, source, target) {
  const by = ["day", "week", "month"].includes(params.get("by")) ? params.get("by") : "week";
  const bothWays = params.get("both") === "1";
  source = source.toUpperCase();
  target = target.toUpperCase();
  const arrow = bothWays ? "↔" : "→";
  const chartBox = el("div", { id: "chart" });
  const eventsBox = el("div", { id: "period-events" }, muted("Click a period of the chart to see its events."));
  const alertsBox = el("div", { id: "dyad-alerts" });
  document.title = `${source} ${arrow} ${target} · EventWatch`;
  main.replaceChildren(
    el("h1", {}, link(paths.actor(source), source), ` ${arrow} `, link(paths.actor(target), target)),
    controls(source, target, by, bothWays),
    chartBox,
    section("Alerts for this dyad", alertsBox),
    section("Events of the period", eventsBox),
  );

  const [series, allAlerts] = await Promise.all([
    api(`/api/dyads/${encodeURIComponent(source)}/${encodeURIComponent(target)}`, { by, both_ways: bothWays }),
    api("/api/alerts", { actor: source }),
  ]);
  const alerts = allAlerts.filter((a) =>
    (a.source === source && a.target === target) || (bothWays && a.source === target && a.target === source));
  if (!series.periods.length) {
    chartBox.replaceChildren(muted(`No dated factual events from ${source} to ${target} in the store.`));
    alertsBox.replaceChildren(muted("None."));
    return;
  }
  const byPeriod = alertsByPeriod(alerts, series.periods);
  const chart = seriesChart(`${source} ${arrow} ${target}: events per ${by}`, series.periods, byPeriod, select);
  chartBox.replaceChildren(chart.node);
  alertsBox.replaceChildren(alertList(alerts, byPeriod, series.periods, select));

  function select(period) {
    chart.select(period.start);
    const url = new URL(location.href);
    url.searchParams.set("period", period.start);
    history.replaceState(null, "", url);
    return fill(eventsBox, () => periodEvents(source, target, bothWays, by, period));
  }

  const wanted = params.get("period");
  const initial = wanted && series.periods.find((p) => p.start === periodStart(wanted, series.periods));
  if (initial) await select(initial);
}

function controls(source, target, by, bothWays) {
  const form = el("form", { class: "controls", method: "get", action: paths.dyad(source, target) },
    el("label", {}, "Period ",
      el("select", { name: "by", onchange: () => form.submit() },
        ["day", "week", "month"].map((p) => el("option", { value: p, selected: p === by }, p)))),
    el("label", {}, el("input", { type: "checkbox", name: "both", value: "1", checked: bothWays, onchange: () => form.submit() }),
      " both directions"),
    link(paths.dyad(target, source, { by }), "reverse dyad"));
  return form;
}

// The chart period (its start) that a day falls in.
function periodStart(day, periods) {
  let found = null;
  for (const p of periods) if (p.start <= day) found = p.start;
  return found;
}

function alertsByPeriod(alerts, periods) {
  const found = {};
  for (const alert of alerts) {
    const start = periodStart(alert.period, periods);
    if (start) (found[start] ||= []).push(alert);
  }
  return found;
}

function alertList(alerts, byPeriod, periods, select) {
  if (!alerts.length) return muted("None: this dyad's conflict stayed within its own recent range.");
  return el("ul", { class: "alert-list" }, alerts.map((a) => {
    const period = periods.find((p) => p.start === periodStart(a.period, periods));
    return el("li", {},
      el("button", { type: "button", class: "linkish", onclick: () => period && select(period) },
        `Week of ${a.period}: z = ${a.z.toFixed(1)}, ${a.conflict_events} conflict events`),
      el("ul", {}, a.drivers.slice(0, 3).map((d) => el("li", {}, el("span", { class: "code" }, `${d.cameo} ${d.plover}`), " ", d.evidence))));
  }));
}

function periodEnd(start, by) {
  const day = new Date(`${start}T00:00:00Z`);
  if (by === "week") day.setUTCDate(day.getUTCDate() + 6);
  else if (by === "month") day.setUTCMonth(day.getUTCMonth() + 1, 0);
  return day.toISOString().slice(0, 10);
}

async function periodEvents(source, target, bothWays, by, period) {
  const until = periodEnd(period.start, by);
  const directions = bothWays ? [[source, target], [target, source]] : [[source, target]];
  const pages = await Promise.all(directions.map(([s, t]) =>
    api("/api/events", { source: s, target: t, since: period.start, until, factual: true, sort: "-reports", limit: 200 })));
  const events = pages.flatMap((p) => p.items).sort((a, b) => (a.date || "").localeCompare(b.date || "") || a.id.localeCompare(b.id));
  const heading = el("p", { class: "period-heading" },
    `${period.start} to ${until}: ${events.length} events (${period.conflict_events} conflict, ${period.cooperation_events} cooperation in the chart)`);
  if (!events.length) return [heading, muted("No events.")];
  return [heading, table([
    { title: "Date", cell: (e) => e.date || "–" },
    { title: "Source", cell: (e) => actorLink(e.source) },
    { title: "Event", cell: (e) => [eventCode(e), " ", modality(e)] },
    { title: "Target", cell: (e) => actorLink(e.target) },
    { title: "Goldstein", cell: (e) => signed(e.goldstein), className: "num" },
    { title: "Reports", cell: (e) => String(e.reports), className: "num" },
    { title: "Evidence", cell: (e) => evidenceLink(e) },
  ], events, { class: "events" })];
}
