// An actor (a country or organisation): the names it appears under, its place in the
// network, its neighbours drawn around it, its latest events and quotes.

import { actorLink, api, eventCode, evidenceLink, paths, signed } from "../api.js";
import { el, fill, link, muted, section, svg, table } from "../dom.js";

export async function render(main, params, key) {
  key = key.toUpperCase();
  document.title = `${key} · EventWatch`;
  const recent = el("div", { id: "actor-events" });
  const said = el("div", { id: "actor-quotes" });
  const detail = await api(`/api/actors/${encodeURIComponent(key)}`);
  main.replaceChildren(
    el("h1", {}, key),
    el("p", { class: "stats" }, centralityLine(detail.centrality)),
    el("div", { class: "columns" },
      section("Network neighbours", egoNetwork(key, detail.neighbours), neighbourTable(key, detail.neighbours)),
      section("Appears as", identityTable(detail.identities))),
    section("Latest events", recent),
    section("Quotes", said),
  );
  await Promise.all([
    fill(recent, async () => eventList(await api("/api/events", { actor: key, sort: "-date", limit: 15 }))),
    fill(said, async () => quoteList(await api("/api/quotes", { speaker: key, limit: 10 }))),
  ]);
}

function centralityLine(c) {
  if (!c) return "Not in the network: no dated factual events with another country or organisation.";
  return `${c.strength} events with other countries and organisations (${c.cooperation_degree} cooperative, ` +
    `${c.conflict_degree} conflictual); betweenness ${c.betweenness.toFixed(3)}.`;
}

const total = (n) => n.outgoing.cooperation_events + n.outgoing.conflict_events + n.incoming.cooperation_events + n.incoming.conflict_events;
const conflict = (n) => n.outgoing.conflict_events + n.incoming.conflict_events;

// The actor in the middle, its neighbours around it; an edge is red when conflict
// outweighs cooperation, blue otherwise, thicker with more events.
function egoNetwork(key, neighbours) {
  const shown = neighbours.slice(0, 16);
  const size = 360;
  const centre = size / 2;
  const radius = size / 2 - 50;
  const most = Math.max(1, ...shown.map(total));
  const graph = svg("svg", { viewBox: `0 0 ${size} ${size}`, class: "ego", role: "img", "aria-label": `${key} and its neighbours` });
  const nodes = [];
  shown.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / shown.length - Math.PI / 2;
    const [x, y] = [centre + radius * Math.cos(angle), centre + radius * Math.sin(angle)];
    const hostile = conflict(n) * 2 > total(n);
    graph.append(svg("line", { x1: centre, y1: centre, x2: x, y2: y, class: hostile ? "edge-conflict" : "edge-coop",
      "stroke-width": 1 + (5 * total(n)) / most }, svg("title", {}, `${key} – ${n.actor}: ${total(n)} events, ${conflict(n)} conflictual`)));
    nodes.push(svg("a", { href: paths.actor(n.actor), class: "node" },
      svg("circle", { cx: x, cy: y, r: 16 }), svg("text", { x, y: y + 4, "text-anchor": "middle" }, n.actor)));
  });
  graph.append(...nodes, svg("circle", { cx: centre, cy: centre, r: 24, class: "centre" }),
    svg("text", { x: centre, y: centre + 4, "text-anchor": "middle", class: "centre-label" }, key));
  return shown.length ? graph : muted("No neighbours.");
}

function neighbourTable(key, neighbours) {
  if (!neighbours.length) return null;
  return table([
    { title: "Neighbour", cell: (n) => link(paths.actor(n.actor), n.actor) },
    { title: `${key} → it: coop. / conflict`, cell: (n) => `${n.outgoing.cooperation_events} / ${n.outgoing.conflict_events}`, className: "num" },
    { title: `it → ${key}: coop. / conflict`, cell: (n) => `${n.incoming.cooperation_events} / ${n.incoming.conflict_events}`, className: "num" },
    { title: "Dyad", cell: (n) => link(paths.dyad(key, n.actor, { both: 1 }), "time series") },
  ], neighbours, { class: "neighbours", id: "neighbours" });
}

function identityTable(identities) {
  if (!identities.length) return muted("No stored actor under this key.");
  return table([
    { title: "Name", cell: (a) => a.name },
    { title: "Code", cell: (a) => el("span", { class: "code" }, a.code) },
    { title: "Sector", cell: (a) => a.sector || "–" },
    { title: "Events", cell: (a) => String(a.events), className: "num" },
  ], identities, { class: "identities" });
}

function eventList(page) {
  if (!page.items.length) return muted("No events.");
  return table([
    { title: "Date", cell: (e) => e.date || "–" },
    { title: "Source", cell: (e) => actorLink(e.source) },
    { title: "Event", cell: (e) => eventCode(e) },
    { title: "Target", cell: (e) => actorLink(e.target) },
    { title: "Goldstein", cell: (e) => signed(e.goldstein), className: "num" },
    { title: "Evidence", cell: (e) => evidenceLink(e) },
  ], page.items, { class: "events" });
}

function quoteList(page) {
  if (!page.items.length) return muted("No quotes from this actor.");
  return el("ul", { class: "quotes" }, page.items.map((q) =>
    el("li", {}, link(paths.article(q.article.id, { quote: q.id }), `“${q.text}”`),
      el("span", { class: "muted" }, ` ${q.speaker ? q.speaker.name : ""}, ${q.article.published || "undated"}`))));
}
