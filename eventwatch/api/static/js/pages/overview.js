// Overview: what the store holds, escalation alerts, the most active dyads, recent articles.

import { api, paths, signed } from "../api.js";
import { el, fill, link, muted, section, table } from "../dom.js";

export async function render(main) {
  const stats = el("p", { class: "stats", id: "stats" });
  const alerts = el("div", { id: "alerts" });
  const dyads = el("div", { id: "dyads" });
  const recent = el("div", { id: "recent-articles" });
  main.replaceChildren(
    el("h1", {}, "Overview"),
    stats,
    el("div", { class: "columns" },
      section("Escalation alerts", alerts),
      section("Most active dyads", dyads)),
    section("Recent articles", recent),
  );
  await Promise.all([
    fill(stats, async () => describeStore(await api("/api/stats"))),
    fill(alerts, async () => alertTable(await api("/api/alerts", { limit: 20 }))),
    fill(dyads, async () => dyadTable(await api("/api/dyads", { limit: 12 }))),
    fill(recent, async () => articleList(await api("/api/articles", { limit: 8 }))),
  ]);
}

function describeStore(s) {
  const span = s.first_date ? ` dated ${s.first_date} to ${s.last_date}` : "";
  return `${s.articles} articles, ${s.events} coded events${span}, ${s.quotes} quotes, ${s.actors} actors.`;
}

export function alertTable(alerts) {
  if (!alerts.length) return muted("No escalation alerts: no dyad's conflict broke out of its own recent range.");
  return table([
    { title: "Dyad", cell: (a) => link(paths.dyad(a.source, a.target, { period: a.period }), `${a.source} → ${a.target}`) },
    { title: "Week of", cell: (a) => a.period },
    { title: "z", cell: (a) => a.z.toFixed(1), className: "num" },
    { title: "Conflict events", cell: (a) => String(a.conflict_events), className: "num" },
    { title: "What drove it", cell: (a) => driver(a.drivers[0]) },
  ], alerts, { class: "alerts" });
}

function driver(d) {
  if (!d) return "";
  return el("span", {}, el("span", { class: "code" }, `${d.cameo} ${d.plover}`), " ", d.evidence);
}

function dyadTable(dyads) {
  if (!dyads.length) return muted("No dated events between countries or organisations yet.");
  return table([
    { title: "Dyad", cell: (d) => link(paths.dyad(d.source, d.target), `${d.source} → ${d.target}`) },
    { title: "Events", cell: (d) => String(d.events), className: "num" },
    { title: "Cooperation", cell: (d) => String(d.cooperation_events), className: "num coop" },
    { title: "Conflict", cell: (d) => String(d.conflict_events), className: "num conflict" },
    { title: "Goldstein", cell: (d) => signed(d.cooperation_goldstein + d.conflict_goldstein), className: "num" },
  ], dyads, { class: "dyads" });
}

function articleList(page) {
  if (!page.items.length) return muted("The store holds no articles yet: `eventwatch ingest` adds some.");
  return el("ul", { class: "articles" }, page.items.map((a) =>
    el("li", {},
      link(paths.article(a.id), a.title || "Untitled article"),
      el("span", { class: "muted" }, ` ${a.published || "undated"} · ${a.source || "unknown outlet"} · ${a.events} events, ${a.quotes} quotes`))));
}
