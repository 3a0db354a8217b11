// Actors: search by code, country, organisation or name.

import { actorKey, api, paths } from "../api.js";
import { el, link, muted, table } from "../dom.js";

export async function render(main, params) {
  const q = params.get("q") || "";
  const results = el("div", { id: "actor-results" }, muted("Loading…"));
  main.replaceChildren(
    el("h1", {}, q ? `Actors matching “${q}”` : "Actors"),
    el("form", { class: "filters", method: "get", action: "/actors" },
      el("label", {}, "Code, country, organisation or name", el("input", { name: "q", type: "search", value: q })),
      el("button", { type: "submit" }, "Search")),
    results);
  const found = await api("/api/actors", { q, limit: 100 });
  results.replaceChildren(found.length ? table([
    { title: "Actor", cell: (a) => link(paths.actor(actorKey(a)), a.name) },
    { title: "Code", cell: (a) => el("span", { class: "code" }, a.code) },
    { title: "Country", cell: (a) => a.country || "–" },
    { title: "Organisation", cell: (a) => a.org || "–" },
    { title: "Sector", cell: (a) => a.sector || "–" },
    { title: "Events", cell: (a) => String(a.events), className: "num" },
  ], found, { class: "actors", id: "actors-table" }) : muted("No actor matches."));
}
