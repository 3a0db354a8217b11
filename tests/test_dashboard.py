"""The dashboard in a real browser (Debian's Chromium driven by Playwright), served from a
store of the bundled samples, a hostile article and a synthetic escalation.

Every test opens its pages in a fresh tab that may reach only the test server, and ends
by checking that nothing failed: no console error, no uncaught exception, no dialog, no
request elsewhere (the dashboard must work offline). Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote as url_part

from tests.browser_fixtures import (  # noqa: F401  (fixtures)
    HOSTILE,
    Visit,
    browser,
    corpus_store,
    keep_screenshot_as,
    live_server,
    visit,
)


def assert_clean(visit: Visit) -> None:
    assert visit.errors == []
    assert visit.dialogs == []
    assert visit.outside == []
    assert visit.page.evaluate("window.__xss") is None


def api(visit: Visit, path: str, **params) -> object:
    response = visit.page.request.get(visit.base + path, params=params)
    assert response.ok, response.text()
    return response.json()


def texts(visit: Visit, selector: str) -> list[str]:
    return [t.strip() for t in visit.page.locator(selector).all_text_contents()]


def planted_alert(visit: Visit, corpus_store) -> dict:
    source, target = corpus_store.scenario.planted
    alerts = [a for a in api(visit, "/api/alerts") if {a["source"], a["target"]} == {source, target}]
    return min(alerts, key=lambda a: a["period"])


def test_overview_shows_the_alerts_and_the_most_active_dyads(visit, corpus_store):
    page = visit.open("/")
    page.wait_for_selector("#alerts table, #alerts .muted:not(:has-text('Loading'))")
    alerts = api(visit, "/api/alerts", limit=20)
    assert alerts, "the synthetic escalation must raise an alert"
    assert texts(visit, "#alerts tbody tr td:first-child") == [f"{a['source']} → {a['target']}" for a in alerts]
    page.wait_for_selector("#dyads table")
    busiest = api(visit, "/api/dyads", limit=12)
    assert texts(visit, "#dyads tbody tr td:first-child") == [f"{d['source']} → {d['target']}" for d in busiest]
    stats = api(visit, "/api/stats")
    assert page.locator("#stats").text_content().startswith(f"{stats['articles']} articles, {stats['events']} coded events")
    visit.screenshot("overview")
    page.locator("#alerts tbody tr").first.locator("a").click()
    page.wait_for_selector("#period-events table")
    assert page.url.endswith(f"?period={alerts[0]['period']}")
    assert_clean(visit)


def test_dyad_page_marks_alerts_and_a_clicked_period_lists_its_events(visit, corpus_store):
    alert = planted_alert(visit, corpus_store)
    source, target = alert["source"], alert["target"]
    page = visit.open(f"/dyad/{source}/{target}")
    page.wait_for_selector("svg.chart")
    series = api(visit, f"/api/dyads/{source}/{target}")
    assert page.locator("rect.period").count() == len(series["periods"])
    own = [a for a in api(visit, "/api/alerts") if (a["source"], a["target"]) == (source, target)]
    markers = page.locator("g.alert-marker")
    assert sorted(markers.nth(i).get_attribute("data-period") for i in range(markers.count())) == sorted(a["period"] for a in own)

    page.locator(f'rect.period[data-period="{alert["period"]}"]').click()
    page.wait_for_selector("#period-events table")
    assert "selected" in page.locator(f'rect.period[data-period="{alert["period"]}"]').get_attribute("class")
    start = dt.date.fromisoformat(alert["period"])
    week = {"since": start.isoformat(), "until": (start + dt.timedelta(days=6)).isoformat()}
    listed = api(visit, "/api/events", source=source, target=target, factual="true", **week)
    rows = page.locator("#period-events tbody tr")
    assert rows.count() == listed["total"] > 0
    assert all(week["since"] <= day <= week["until"] for day in texts(visit, "#period-events tbody td:first-child"))
    assert {d["evidence"] for d in alert["drivers"]} <= set(texts(visit, "#period-events .evidence-text"))
    keep_screenshot_as(visit.screenshot("dyad-page"))

    first = next(e for e in listed["items"] if e["id"] == _first_row_event(listed["items"]))
    rows.first.locator(".evidence-text").click()
    page.wait_for_selector("#article-body mark.focus")
    assert f"/articles/{first['evidence']['article_id']}" in page.url
    assert "".join(page.locator("#article-body mark.focus").all_text_contents()) == first["evidence"]["text"]
    assert_clean(visit)


def _first_row_event(items: list[dict]) -> str:
    """The event the dyad page lists first: earliest date, then id."""
    return min(items, key=lambda e: (e["date"] or "", e["id"]))["id"]


def test_events_table_filters_sorts_and_pages(visit, corpus_store):
    source = corpus_store.scenario.planted[0]
    page = visit.open("/events")
    page.fill("#filters input[name=actor]", source)
    page.select_option("#filters select[name=quad]", "4")
    page.select_option("#filters select[name=sort]", "goldstein")
    page.click("#filters button[type=submit]")
    page.wait_for_url(f"**/events?actor={source}**")
    page.wait_for_selector("body[data-ready=true] #events-table")
    expected = api(visit, "/api/events", actor=source, quad=4, sort="goldstein")
    assert page.locator("#event-results .pager .count").first.text_content() == f"1–50 of {expected['total']}"
    codes = page.locator("#events-table .event-code")
    assert codes.count() == 50 and all("quad4" in codes.nth(i).get_attribute("class") for i in range(codes.count()))
    goldstein = [float(t) for t in texts(visit, "#events-table tbody td:nth-child(5)")]
    assert goldstein == sorted(goldstein)
    assert texts(visit, "#events-table .evidence-text") == [e["evidence"]["text"] for e in expected["items"]]
    assert page.locator("#filters input[name=actor]").input_value() == source  # the form keeps the filter
    visit.screenshot("events-filtered")

    page.locator("#event-results .pager a", has_text="next").first.click()
    page.wait_for_url("**offset=50**")
    page.wait_for_selector("body[data-ready=true] #events-table")
    second = api(visit, "/api/events", actor=source, quad=4, sort="goldstein", offset=50)
    assert texts(visit, "#events-table .evidence-text") == [e["evidence"]["text"] for e in second["items"]]
    assert_clean(visit)


def test_article_page_highlights_quotes_and_events_at_their_offsets(visit, corpus_store):
    result = max(corpus_store.samples, key=lambda r: len(r.quotes) + len(r.events))
    assert result.quotes and result.events
    page = visit.open(f"/articles/{result.article.id}")
    body = page.locator("#article-body")
    assert body.text_content() == result.article.body
    for q in result.quotes:
        marks = page.locator(f'#article-body mark[data-quote~="{q.id}"]')
        assert "".join(marks.all_text_contents()) == q.text
        if q.speaker:
            assert q.speaker.name in marks.first.get_attribute("title")
    for e in result.events:
        marks = page.locator(f'#article-body mark[data-event~="{e.id}"]')
        assert "".join(marks.all_text_contents()) == e.evidence.text
        assert f"{e.source.name} ({e.source.code}) {e.cameo} {e.plover}" in marks.first.get_attribute("title")

    spoken = next(q for q in result.quotes if q.speaker)
    page.locator(f'#article-body mark[data-quote~="{spoken.id}"]').first.hover()
    assert spoken.speaker.name in page.locator("#hover-info").text_content()
    event = result.events[-1]
    page.locator(f'#event-list button[data-event="{event.id}"]').click()
    assert "".join(page.locator("#article-body mark.focus").all_text_contents()) == event.evidence.text
    visit.screenshot("article")
    assert_clean(visit)


def test_hostile_article_renders_as_text_and_runs_nothing(visit, corpus_store):
    hostile = corpus_store.hostile
    scripted = [q for q in hostile.quotes if "<script>" in q.text]
    assert scripted, "the pipeline must find the quote that carries a script tag"
    page = visit.open(f"/articles/{hostile.article.id}")
    assert page.locator("#article-title").text_content() == HOSTILE.title
    assert page.locator("#article-body").text_content() == hostile.article.body
    assert "".join(page.locator(f'#article-body mark[data-quote~="{scripted[0].id}"]').all_text_contents()) == scripted[0].text
    assert page.locator("#page img, #page script, #page b, #page i").count() == 0
    assert page.locator('a[href^="javascript"]').count() == 0
    for mark in page.locator("#article-body mark").all():
        mark.hover()
    visit.screenshot("hostile-article")
    assert_clean(visit)

    for path in ("/articles?q=sumy", "/actors/RUS", f"/events?text={url_part('onmouseover=')}"):
        page = visit.open(path)
        page.wait_for_load_state("networkidle")
        assert page.locator("#page img, #page script, #page b, #page i").count() == 0
    assert any("onmouseover=" in t for t in texts(visit, "#events-table .evidence-text"))
    assert_clean(visit)


MARKUP = "#page img, #page script, #page b, #page i, #page svg:not(.chart):not(.ego)"


def test_markup_in_speaker_and_actor_names_renders_as_text_and_runs_nothing(visit, corpus_store):
    """Names from a user's actor file carry <img onerror>, <script> and <b onmouseover>:
    on every page that shows speakers and actors they stay text."""
    result = corpus_store.hostile_actors
    speaker = next(q.speaker for q in result.quotes if q.speaker and "<img" in q.speaker.name)
    target = next(e.target for e in result.events if e.target and "<script>" in e.target.name)
    assert target.org.startswith("<b onmouseover")

    page = visit.open(f"/articles/{result.article.id}")
    assert speaker.name in texts(visit, "#quote-list button")
    assert speaker.name in texts(visit, "#event-list a")
    for mark in page.locator("#article-body mark").all():
        mark.dispatch_event("mouseover")  # fills #hover-info from the title, as hovering does
        assert page.locator(MARKUP).count() == 0
    marks = page.locator("#article-body mark")
    titles = [marks.nth(i).get_attribute("title") for i in range(marks.count())]
    assert any(f"{speaker.name} ({speaker.code})" in t for t in titles)
    assert any(f"{target.name} ({target.code})" in t for t in titles)
    page.locator("#article-body mark[data-quote]").first.dispatch_event("mouseover")
    assert speaker.name in page.locator("#hover-info").text_content()
    assert page.locator(MARKUP).count() == 0
    visit.screenshot("hostile-names")
    assert_clean(visit)

    for path, shown in [
        ("/events?actor=HRV", "#events-table"),
        ("/actors?q=kessel", "#page table"),
        (f"/actors/{url_part(target.org, safe='')}", "#page table"),
        ("/actors/HRV", "#page table"),
    ]:
        page = visit.open(path)
        page.wait_for_selector(shown)
        page.wait_for_load_state("networkidle")
        body = page.locator("#page").text_content()
        assert speaker.name in body or target.name in body, path
        assert page.locator(MARKUP).count() == 0, path
    assert_clean(visit)


def test_actor_page_shows_network_neighbours(visit, corpus_store):
    source, target = corpus_store.scenario.planted
    page = visit.open(f"/actors/{source}")
    detail = api(visit, f"/api/actors/{source}")
    assert target in [n["actor"] for n in detail["neighbours"]]
    assert texts(visit, "#neighbours tbody td:first-child") == [n["actor"] for n in detail["neighbours"]]
    assert page.locator("svg.ego a.node").count() == min(16, len(detail["neighbours"]))
    page.wait_for_selector("#actor-events table")
    visit.screenshot("actor")
    page.locator("#neighbours tbody tr", has_text=target).locator("a", has_text="time series").click()
    page.wait_for_selector("body[data-ready=true] svg.chart")
    assert page.url.endswith(f"/dyad/{source}/{target}?both=1")
    assert page.locator("h1").text_content() == f"{source} ↔ {target}"
    assert_clean(visit)


def test_api_docs_render_offline(visit):
    page = visit.page
    page.goto(visit.base + "/docs")
    page.wait_for_selector(".swagger-ui .opblock-summary-path")
    paths = texts(visit, ".swagger-ui .opblock-summary-path")
    assert "/api/events" in paths and "/api/dyads/{source}/{target}" in paths
    visit.screenshot("api-docs")
    assert_clean(visit)
