// Articles: the stored articles, newest first, searchable by words.

import { api, pager, paths, query } from "../api.js";
import { el, link, muted, table } from "../dom.js";

const PAGE = 50;

export async function render(main, params) {
  const q = params.get("q") || "";
  const offset = Math.max(0, Number.parseInt(params.get("offset") || "0", 10) || 0);
  const results = el("div", { id: "article-results" }, muted("Loading…"));
  main.replaceChildren(
    el("h1", {}, "Articles"),
    el("form", { class: "filters", method: "get", action: "/articles" },
      el("label", {}, "Words in title or text", el("input", { name: "q", type: "search", value: q })),
      el("button", { type: "submit" }, "Search")),
    results);
  const page = await api("/api/articles", { q, offset, limit: PAGE });
  results.replaceChildren(
    pager(page, (at) => `/articles${query({ q, offset: at || "" })}`),
    page.items.length ? table([
      { title: "Published", cell: (a) => a.published || "–" },
      { title: "Title", cell: (a) => link(paths.article(a.id), a.title || "Untitled article") },
      { title: "Outlet", cell: (a) => a.source || "–" },
      { title: "Events", cell: (a) => String(a.events), className: "num" },
      { title: "Quotes", cell: (a) => String(a.quotes), className: "num" },
    ], page.items, { class: "articles", id: "articles-table" }) : muted("No article matches."));
}
