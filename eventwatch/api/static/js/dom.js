// Building pages. Everything that comes from the store is untrusted text: it enters the
// page as text nodes and attribute values only, never as markup.

const SVG_NS = "http://www.w3.org/2000/svg";

export function el(tag, attrs = {}, ...children) {
  return build(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

function build(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) {
      if (typeof value !== "function") throw new TypeError(`${name} must be a function`);
      node.addEventListener(name.slice(2), value);
    } else if (name === "href" && !isSafeHref(value)) {
      continue;
    } else {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// Links go to our own paths or to http(s) pages; never javascript:, data: and the like.
export function isSafeHref(value) {
  const href = String(value);
  if (href.startsWith("/") && !href.startsWith("//")) return true;
  try {
    return ["http:", "https:"].includes(new URL(href).protocol);
  } catch {
    return false;
  }
}

export function link(href, ...children) {
  return el("a", { href }, ...children);
}

export function section(title, ...children) {
  return el("section", {}, el("h2", {}, title), ...children);
}

export function muted(text) {
  return el("p", { class: "muted" }, text);
}

export function errorBox(error) {
  return el("p", { class: "error", role: "alert" }, `Could not load: ${error.message}`);
}

// A table from column specs: {title, cell: row => node or text, className?}.
export function table(columns, rows, attrs = {}) {
  const head = el("thead", {}, el("tr", {}, columns.map((c) => el("th", { class: c.className }, c.title))));
  const body = el("tbody", {}, rows.map((row) => el("tr", {}, columns.map((c) => el("td", { class: c.className }, c.cell(row))))));
  return el("table", attrs, head, body);
}

// Fill `box` from an async loader: a loading line first, then its nodes or the error.
export async function fill(box, loader) {
  box.replaceChildren(muted("Loading…"));
  try {
    box.replaceChildren(...[await loader()].flat());
  } catch (error) {
    box.replaceChildren(errorBox(error));
  }
}
