// Events: the filters of `eventwatch events` as a form, results a page at a time. The URL
// holds the whole state, so a filtered view can be bookmarked and shared.

import { actorLink, api, eventCode, evidenceLink, modality, pager, query, signed } from "../api.js";
import { el, muted, table } from "../dom.js";

const PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
  "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const QUADS = [["", "any"], ["1", "1 verbal cooperation"], ["2", "2 material cooperation"], ["3", "3 verbal conflict"],
  ["4", "4 material conflict"]];
const SORTS = [["date", "date, oldest first"], ["-date", "date, newest first"], ["goldstein", "Goldstein, most conflictual first"],
  ["-goldstein", "Goldstein, most cooperative first"], ["-reports", "most reported first"]];
const FILTERS = ["actor", "source", "target", "cameo", "plover", "quad", "since", "until", "text", "factual", "raw", "sort"];
const PAGE = 50;

export async function render(main, params) {
  const state = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) || ""]));
  const offset = Math.max(0, Number.parseInt(params.get("offset") || "0", 10) || 0);
  const results = el("div", { id: "event-results" }, muted("Loading…"));
  main.replaceChildren(el("h1", {}, "Events"), filterForm(state), results);
  const page = await api("/api/events", { ...state, offset, limit: PAGE });
  const hrefFor = (at) => `/events${query({ ...state, offset: at || "" })}`;
  results.replaceChildren(
    pager(page, hrefFor),
    page.items.length ? eventTable(page.items) : muted("No event matches these filters."),
  );
}

function filterForm(state) {
  const text = (name, label, attrs = {}) =>
    el("label", {}, label, el("input", { name, value: state[name], ...attrs }));
  const choice = (name, label, options) =>
    el("label", {}, label, el("select", { name },
      options.map(([value, title]) => el("option", { value, selected: state[name] === value }, title))));
  const flag = (name, label) =>
    el("label", { class: "flag" }, el("input", { type: "checkbox", name, value: "true", checked: state[name] === "true" }), label);
  return el("form", { id: "filters", class: "filters", method: "get", action: "/events" },
    text("actor", "Actor (either side)", { placeholder: "RUS, NATO" }),
    text("source", "Source", { placeholder: "RUSGOV" }),
    text("target", "Target", { placeholder: "UKR" }),
    text("cameo", "CAMEO", { placeholder: "19, 190", pattern: "\\d{1,4}", size: 6 }),
    choice("plover", "PLOVER", [["", "any"], ...PLOVER.map((p) => [p, p])]),
    choice("quad", "Quad class", QUADS),
    text("since", "Since", { type: "date" }),
    text("until", "Until", { type: "date" }),
    text("text", "Evidence words", { placeholder: "grain corridor" }),
    flag("factual", " factual only"),
    flag("raw", " raw (per article)"),
    choice("sort", "Sort", SORTS),
    el("button", { type: "submit" }, "Filter"),
    el("a", { href: "/events", class: "reset" }, "clear"));
}

function eventTable(events) {
  return table([
    { title: "Date", cell: (e) => e.date || "–" },
    { title: "Source", cell: (e) => actorLink(e.source) },
    { title: "Event", cell: (e) => [eventCode(e), " ", modality(e)] },
    { title: "Target", cell: (e) => actorLink(e.target) },
    { title: "Goldstein", cell: (e) => signed(e.goldstein), className: "num" },
    { title: "Reports", cell: (e) => String(e.reports), className: "num" },
    { title: "Evidence", cell: (e) => evidenceLink(e) },
  ], events, { class: "events", id: "events-table" });
}
