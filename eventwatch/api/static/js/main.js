// The router: one HTML shell, the page chosen by the URL's path.

import { errorBox } from "./dom.js";
import * as overview from "./pages/overview.js";
import * as events from "./pages/events.js";
import * as articles from "./pages/articles.js";
import * as article from "./pages/article.js";
import * as actors from "./pages/actors.js";
import * as actor from "./pages/actor.js";
import * as dyad from "./pages/dyad.js";

const ROUTES = [
  [/^\/$/, "overview", overview],
  [/^\/events$/, "events", events],
  [/^\/articles$/, "articles", articles],
  [/^\/articles\/([^/]+)$/, "articles", article],
  [/^\/actors$/, "actors", actors],
  [/^\/actors\/([^/]+)$/, "actors", actor],
  [/^\/dyad\/([^/]+)\/([^/]+)$/, "overview", dyad],
];

async function start() {
  const main = document.getElementById("page");
  const params = new URLSearchParams(location.search);
  for (const [pattern, nav, page] of ROUTES) {
    const match = location.pathname.match(pattern);
    if (!match) continue;
    document.querySelector(`[data-nav="${nav}"]`)?.setAttribute("aria-current", "page");
    try {
      await page.render(main, params, ...match.slice(1).map(decodeURIComponent));
    } catch (error) {
      main.replaceChildren(errorBox(error));
    }
    document.body.dataset.ready = "true";
    return;
  }
  main.replaceChildren(errorBox(new Error("no such page")));
  document.body.dataset.ready = "true";
}

start();
