// An article: its body with quotes, event evidence and actor mentions highlighted at their
// offsets; hovering a highlight tells who speaks or acts. The body is untrusted text: it is
// cut into text nodes, never parsed as markup.

import { actorKey, api, modality, paths, quadClass, signed } from "../api.js";
import { el, isSafeHref, link, muted, section } from "../dom.js";

export async function render(main, params, id) {
  const record = await api(`/api/articles/${encodeURIComponent(id)}`);
  const { article, body, quotes, events, entities } = record;
  document.title = `${article.title || "Article"} · EventWatch`;
  const spans = [
    ...quotes.map((q) => ({ kind: "quote", id: q.id, start: q.start, end: q.end, label: quoteLabel(q) })),
    ...events.map((e) => ({ kind: "event", id: e.id, start: e.evidence.start, end: e.evidence.end, label: eventLabel(e) })),
    ...entities.filter((m) => m.actor).map((m, n) => ({ kind: "actor", id: `m${n + 1}`, start: m.start, end: m.end, label: entityLabel(m) })),
  ];
  const hover = el("p", { id: "hover-info", class: "hover-info", "aria-live": "polite" }, "Hover a highlight to see who speaks or acts.");
  const text = el("div", { id: "article-body", class: "article-body" }, segments(body, spans));
  text.addEventListener("mouseover", (event) => {
    const mark = event.target.closest("mark");
    if (mark) hover.replaceChildren(...mark.title.split("\n").map((line) => el("span", {}, line)));
  });
  main.replaceChildren(el("div", { class: "article-page" },
    el("article", {},
      el("h1", { id: "article-title" }, article.title || "Untitled article"),
      el("p", { class: "meta" }, [article.source || "unknown outlet", article.published || "undated", `${article.chars} characters`].join(" · "),
        article.url && isSafeHref(article.url) ? [" · ", link(article.url, "original")] : null),
      el("p", { class: "legend" }, el("mark", { class: "quote" }, "quote"), " ", el("mark", { class: "event" }, "event evidence"), " ",
        el("mark", { class: "actor" }, "actor")),
      hover,
      text),
    el("aside", {},
      section(`Quotes (${quotes.length})`, quotes.length ? el("ol", { id: "quote-list", class: "side-list" }, quotes.map((q) =>
        el("li", {}, el("button", { type: "button", class: "linkish", "data-quote": q.id, onclick: () => focus(text, "quote", q.id) },
          q.speaker ? q.speaker.name : "unknown speaker"), ` ${q.cue || ""}: “${q.text}”`))) : muted("None found.")),
      section(`Events (${events.length})`, events.length ? el("ol", { id: "event-list", class: "side-list" }, events.map((e) =>
        el("li", {}, el("button", { type: "button", class: "linkish", "data-event": e.id, onclick: () => focus(text, "event", e.id) },
          `${e.source.code} ${e.cameo} ${e.plover}${e.target ? ` → ${e.target.code}` : ""}`), " ", modality(e),
          el("span", { class: "muted" }, ` ${e.date || "undated"}`), " ",
          link(paths.actor(actorKey(e.source)), e.source.name)))) : muted("None found."))),
  ));
  const wanted = params.get("event") ? ["event", params.get("event")] : params.get("quote") ? ["quote", params.get("quote")] : null;
  if (wanted) focus(text, ...wanted);
}

// The body cut at every span boundary; each piece inside spans becomes a <mark> naming them.
function segments(body, spans) {
  const valid = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= body.length);
  const cuts = [...new Set([0, body.length, ...valid.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const covering = valid.filter((s) => s.start <= from && s.end >= to);
    const piece = body.slice(from, to);
    if (!covering.length) {
      nodes.push(piece);
      continue;
    }
    const ids = (kind) => covering.filter((s) => s.kind === kind).map((s) => s.id).join(" ") || null;
    nodes.push(el("mark", {
      class: [...new Set(covering.map((s) => s.kind))].join(" "),
      "data-quote": ids("quote"), "data-event": ids("event"),
      title: covering.map((s) => s.label).join("\n"),
    }, piece));
  }
  return nodes;
}

function focus(text, kind, id) {
  text.querySelectorAll("mark.focus").forEach((mark) => mark.classList.remove("focus"));
  const marks = [...text.querySelectorAll(`mark[data-${kind}]`)].filter((mark) => mark.dataset[kind].split(" ").includes(id));
  marks.forEach((mark) => mark.classList.add("focus"));
  if (marks.length) marks[0].scrollIntoView({ block: "center" });
}

function actorText(actor) {
  return actor ? `${actor.name} (${actor.code})` : "unknown";
}

function quoteLabel(q) {
  return `Quote ${q.id}, ${q.kind}: ${actorText(q.speaker)}${q.cue ? `, “${q.cue}”` : ""}`;
}

function eventLabel(e) {
  const target = e.target ? ` → ${actorText(e.target)}` : "";
  return `Event ${e.id}: ${actorText(e.source)} ${e.cameo} ${e.plover}${target}; ${quadClass(e.quad_class)}, Goldstein ${signed(e.goldstein)}`;
}

function entityLabel(m) {
  return `Actor: “${m.text}” is ${actorText(m.actor)}`;
}
