// The JSON API and the dashboard's own addresses.

import { el, link } from "./dom.js";

export async function api(path, params = {}) {
  const url = new URL(path, location.origin);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "" && value !== false) url.searchParams.set(name, value);
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(describe(body) || `${response.status} ${response.statusText}`);
  return body;
}

function describe(body) {
  return body && body.detail ? String(body.detail) : ""; // the API's errors are one line
}

const part = encodeURIComponent;

export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "" && value !== false) search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export const paths = {
  article: (id, focus = {}) => `/articles/${part(id)}${query(focus)}`,
  actor: (key) => `/actors/${part(key)}`,
  dyad: (source, target, params = {}) => `/dyad/${part(source)}/${part(target)}${query(params)}`,
};

// The network's name for an actor: its country, else its organisation, else its code.
export function actorKey(actor) {
  return actor.country || actor.org || actor.code;
}

export function actorLink(actor) {
  if (!actor) return el("span", { class: "muted" }, "–");
  return link(paths.actor(actorKey(actor)), el("span", { class: "code" }, actor.code), " ", actor.name);
}

export function signed(value) {
  return value === null || value === undefined ? "–" : `${value > 0 ? "+" : ""}${Number(value).toFixed(1)}`;
}

export function modality(event) {
  const flags = ["negated", "hypothetical", "future"].filter((flag) => event.modality[flag]);
  return flags.length ? el("span", { class: "modality" }, flags.join(", ")) : "";
}

export function quadClass(quad) {
  return ["", "verbal coop.", "material coop.", "verbal conflict", "material conflict"][quad] || "";
}

// The evidence of a (deduplicated) event, linked to its sentence in the first report.
export function evidenceLink(event) {
  const first = event.evidence;
  const href = first.article_id ? paths.article(first.article_id, { event: first.event_id }) : null;
  const text = el("span", { class: "evidence-text" }, first.text);
  return href ? link(href, text) : text;
}

export function eventCode(event) {
  return el("span", { class: `event-code quad${event.quad_class}`, title: quadClass(event.quad_class) },
    `${event.cameo} ${event.plover}`);
}

// Prev/next links for a page of a longer result.
export function pager(page, hrefFor) {
  const last = Math.min(page.offset + page.items.length, page.total);
  const first = page.items.length ? page.offset + 1 : 0;
  return el("nav", { class: "pager", "aria-label": "Pages" },
    page.offset > 0 ? link(hrefFor(Math.max(0, page.offset - page.limit)), "← previous") : null,
    el("span", { class: "count" }, `${first}–${last} of ${page.total}`),
    last < page.total ? link(hrefFor(page.offset + page.limit), "next →") : null);
}
