"""Fixtures for the API and dashboard tests: a store built from the bundled samples, a
hostile article and a synthetic escalation; the server on a free loopback port; one
Debian Chromium for the whole session, driven by Playwright.

Test modules import the fixtures they use from here (tests/conftest.py stays shared).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from eventwatch.actors.kb import USER_FILES_VARIABLE
from eventwatch.analysis.synthetic import Scenario, generate, to_results
from eventwatch.api import Settings, create_app
from eventwatch.api.server import background_server
from eventwatch.ingest import read_paths
from eventwatch.pipeline import extract
from eventwatch.records import Article, ArticleResult
from eventwatch.store import open_store, write_results
from tests.conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
]
ARTIFACTS = ROOT / "test-artifacts"
SAMPLE_DATE = "2021-12-03"

# An article written to attack the page: markup and script in its title, outlet, URL,
# body and a quote. Every payload would set window.__xss if it ever ran.
HOSTILE = Article(
    body=(
        "Ukraine accused Russia of shelling the border town of Sumy on Monday. "
        "<img src=x onerror=\"window.__xss='body'\">\n\n"
        "\"We will not stay silent <script>window.__xss='quote'</script> while our towns burn,\" "
        "Ukrainian Foreign Minister Dmytro Kuleba told reporters in Kyiv.\n\n"
        "Moscow denied the claim <b onmouseover=\"window.__xss='hover'\">and</b> said its forces "
        "had not fired across the border."
    ),
    title="<script>window.__xss='title'</script><img src=x onerror=\"window.__xss='title-img'\"> Sumy shelled",
    source="<i>Evil Wire</i>",
    url="javascript:window.__xss='url'",
    published="2022-05-02",
)


# Actor data a user might have been handed: names carrying markup and script, for the
# speakers and actors of HOSTILE_ACTORS (read through EVENTWATCH_ACTORS, as a user's file is).
HOSTILE_ACTOR_DATA = """
people:
  - name: "<img src=x onerror=\\"window.__xss='speaker'\\">Vesna Marek"
    aliases: [Vesna Marek, Marek]
    roles: [HRVGOV 2020-01-01.. foreign minister]
organisations:
  - name: "<script>window.__xss='actor'</script>Kessel Liberation Front"
    org: "<b onmouseover=\\"window.__xss='org'\\">KLF</b>"
    code: NGOKLF
    sector: NGO
    aliases: [Kessel Liberation Front]
"""
HOSTILE_ACTORS = Article(
    body=(
        "Croatian Foreign Minister Vesna Marek accused the Kessel Liberation Front on Monday of attacking "
        "a police station near Zagreb.\n\n"
        "\"We will answer this attack with the full force of the law,\" Marek told reporters in Zagreb.\n\n"
        "The Kessel Liberation Front denied the claim and said Croatia had provoked the clashes."
    ),
    title="Minister blames front for police station attack",
    published="2023-05-09",
)


@dataclass
class CorpusStore:
    path: Path
    scenario: Scenario  # the synthetic escalation
    samples: list[ArticleResult]
    hostile: ArticleResult
    hostile_actors: ArticleResult  # speakers and actors named with markup (HOSTILE_ACTOR_DATA)


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory, nlp) -> CorpusStore:
    """The bundled samples (as `eventwatch ingest --date 2021-12-03 samples/*` stores
    them), the hostile article, and a synthetic escalation so that alerts fire."""
    paths = [str(p) for p in sorted((ROOT / "samples").iterdir())]
    articles = [a for a in read_paths(paths, published=SAMPLE_DATE) if isinstance(a, Article)]
    coded = list(extract([*articles, HOSTILE]))
    folder = tmp_path_factory.mktemp("dashboard")
    coded += _with_actor_file(folder / "hostile-actors.yaml", HOSTILE_ACTOR_DATA, [HOSTILE_ACTORS])
    assert all(isinstance(r, ArticleResult) for r in coded)
    *samples, hostile, hostile_actors = coded
    scenario = generate(seed=7)
    path = folder / "corpus.duckdb"
    con = open_store(path)
    write_results(con, coded)
    write_results(con, list(to_results(scenario.events)))
    con.close()
    return CorpusStore(path, scenario, samples, hostile, hostile_actors)


def _with_actor_file(path: Path, data: str, articles: list[Article]) -> list[Any]:
    """The articles coded with a user's actor file added, as EVENTWATCH_ACTORS adds it."""
    path.write_text(data, encoding="utf-8")
    before = os.environ.get(USER_FILES_VARIABLE)
    os.environ[USER_FILES_VARIABLE] = str(path)
    try:
        return list(extract(articles))
    finally:
        if before is None:
            del os.environ[USER_FILES_VARIABLE]
        else:
            os.environ[USER_FILES_VARIABLE] = before


@pytest.fixture(scope="session")
def live_server(corpus_store) -> Iterator[str]:
    """The app over the corpus store, read-only, on a free loopback port."""
    with background_server(create_app(Settings(db=str(corpus_store.path)))) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@dataclass
class Visit:
    """A browser tab on the live server, with what it saw go wrong."""

    page: Any
    base: str
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions
    outside: list[str] = field(default_factory=list)  # requests to anywhere but the server

    def open(self, path: str) -> Any:
        self.page.goto(self.base + path)
        self.page.wait_for_selector("body[data-ready=true]")
        return self.page

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        target = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(target), full_page=True)
        return target


@pytest.fixture
def visit(browser, live_server) -> Iterator[Visit]:
    """A fresh tab that may reach only the server: any other request is refused and recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    seen = Visit(page, live_server)

    def route(request_route: Any) -> None:
        if request_route.request.url.startswith(live_server) or request_route.request.url.startswith("data:"):
            request_route.continue_()
        else:
            seen.outside.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    page.on("dialog", lambda dialog: (seen.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: message.type == "error" and seen.errors.append(message.text))
    page.on("pageerror", lambda error: seen.errors.append(str(error)))
    yield seen
    context.close()


def keep_screenshot_as(source: Path) -> None:
    """Copy a screenshot to $EVENTWATCH_SCREENSHOT_TO (used to refresh docs/dyad-page.png)."""
    target = os.environ.get("EVENTWATCH_SCREENSHOT_TO")
    if target:
        Path(target).write_bytes(source.read_bytes())
