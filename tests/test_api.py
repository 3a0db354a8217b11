"""The JSON API over a store of the bundled samples, a hostile article and a synthetic
escalation: each endpoint against the store and analysis functions it serves, the
records against the output contract, and the server's defences."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import socket
import subprocess
import sys
import time
from urllib.error import URLError
from urllib.parse import quote
from urllib.request import urlopen

import jsonschema
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from eventwatch.analysis.alerts import find_alerts
from eventwatch.analysis.network import build_network
from eventwatch.analysis.series import dyad_series
from eventwatch.api import Settings, create_app
from eventwatch.api.pages import STATIC
from eventwatch.api.routes import MAX_PAGE
from eventwatch.cli import app as cli
from eventwatch.store import open_store
from eventwatch.store.queries import EventQuery, article_record, event_record, event_rows
from tests.browser_fixtures import corpus_store  # noqa: F401  (fixture)
from tests.conftest import ROOT

SCHEMA = json.loads((ROOT / "tests" / "contract" / "extract.schema.json").read_text())
EVENT_SCHEMA = jsonschema.Draft202012Validator({"$defs": SCHEMA["$defs"], **SCHEMA["properties"]["events"]["items"]})
QUOTE_SCHEMA = jsonschema.Draft202012Validator({"$defs": SCHEMA["$defs"], **SCHEMA["properties"]["quotes"]["items"]})


def client_for(db, **settings) -> TestClient:
    return TestClient(create_app(Settings(db=str(db), allowed_hosts=("testserver",), **settings)))


@pytest.fixture(scope="module")
def client(corpus_store):
    with client_for(corpus_store.path) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def con(corpus_store):
    connection = open_store(corpus_store.path, read_only=True)
    yield connection
    connection.close()


def get(client: TestClient, path: str, status: int = 200, **params) -> object:
    response = client.get(path, params=params)
    assert response.status_code == status, response.text
    return response.json()


def spans_of(record: dict) -> list[dict]:
    return [*record["quotes"], *(e["evidence"] for e in record["events"]), *record["entities"]]


def test_article_detail_is_the_stored_record_with_its_body(client, con, corpus_store):
    for result in corpus_store.samples:
        record = get(client, f"/api/articles/{result.article.id}")
        body = record.pop("body")
        assert body == result.article.body
        assert record == json.loads(json.dumps(article_record(con, result.article.id)))
        jsonschema.validate(record, SCHEMA)
        assert all(body[s["start"]:s["end"]] == s["text"] for s in spans_of(record))


def test_unknown_article_is_a_one_line_404(client):
    assert get(client, "/api/articles/0123abc", 404) == {"detail": "no article '0123abc' in the store"}


def test_articles_list_searches_and_counts(client, corpus_store):
    everything = get(client, "/api/articles", limit=MAX_PAGE)
    hostile = 2  # corpus_store.hostile and corpus_store.hostile_actors
    assert everything["total"] == len(corpus_store.samples) + hostile + sum(e.reports for e in corpus_store.scenario.events)
    grain = get(client, "/api/articles", q="GRAIN CORRIDOR")
    assert [a["title"] for a in grain["items"]] == ["Talks on grain corridor resume in Istanbul"]
    (hit,) = grain["items"]
    stored = next(r for r in corpus_store.samples if r.article.id == hit["id"])
    assert (hit["events"], hit["quotes"]) == (len(stored.events), len(stored.quotes))


@pytest.mark.parametrize(
    "params, query",
    [
        ({"actor": "rus"}, EventQuery(actor="rus")),
        ({"source": "UKR", "target": "RUS"}, EventQuery(source="UKR", target="RUS")),
        ({"cameo": "19", "since": "2023-03-01", "until": "2023-03-31"},
         EventQuery(cameo="19", since=dt.date(2023, 3, 1), until=dt.date(2023, 3, 31))),
        ({"plover": "threaten", "quad": 3, "factual": True}, EventQuery(plover="threaten", quad_class=3, factual=True)),
        ({"text": "Sumy", "raw": True}, EventQuery(text="Sumy", raw=True)),
    ],
)
def test_events_filter_as_eventwatch_events_does(client, con, params, query):
    page = get(client, "/api/events", limit=MAX_PAGE, **params)
    expected = [json.loads(json.dumps(event_record(row), default=str)) for row in event_rows(con, query)]
    assert page["total"] == len(expected) > 0
    assert page["items"] == expected[:MAX_PAGE]
    for item in page["items"]:
        EVENT_SCHEMA.validate(item)


def test_events_pages_join_up_and_sort(client):
    whole = get(client, "/api/events", actor="GEO", sort="-goldstein", limit=MAX_PAGE)
    pages = [get(client, "/api/events", actor="GEO", sort="-goldstein", offset=at, limit=40) for at in range(0, whole["total"], 40)]
    assert [e["id"] for p in pages for e in p["items"]] == [e["id"] for e in whole["items"]]
    assert all(p["total"] == whole["total"] for p in pages)
    goldstein = [e["goldstein"] for e in whole["items"]]
    assert goldstein == sorted(goldstein, reverse=True)
    reports = [e["reports"] for e in get(client, "/api/events", sort="-reports", limit=20)["items"]]
    assert reports == sorted(reports, reverse=True) and reports[0] > 1
    past_the_end = get(client, "/api/events", actor="GEO", offset=whole["total"] + 5)
    assert (past_the_end["total"], past_the_end["items"]) == (whole["total"], [])


@pytest.mark.parametrize(
    "params", [{"limit": MAX_PAGE + 1}, {"limit": 0}, {"offset": -1}, {"cameo": "1; DROP TABLE events"},
               {"quad": 5}, {"since": "yesterday"}, {"sort": "evidence_text"}, {"actor": "x" * 81}],
)
def test_bad_event_parameters_are_refused_with_a_reason(client, params):
    detail = get(client, "/api/events", 422, **params)["detail"]
    (name,) = params
    assert detail.startswith(f"query {name}: ") and "\n" not in detail


def test_quotes_search_by_words_and_speaker(client, corpus_store):
    said = [(q, r.article) for r in corpus_store.samples for q in r.quotes if q.speaker]
    quote, article = said[0]
    words = quote.text.split()[1:4]
    found = get(client, "/api/quotes", text=" ".join(words).upper())
    assert (quote.id, article.id) in {(q["id"], q["article"]["id"]) for q in found["items"]}
    by_speaker = get(client, "/api/quotes", speaker=quote.speaker.name.split()[-1], limit=MAX_PAGE)
    assert by_speaker["items"] and all(q["speaker"]["name"] == quote.speaker.name for q in by_speaker["items"])
    by_code = get(client, "/api/quotes", speaker=quote.speaker.country or quote.speaker.code, limit=MAX_PAGE)
    assert quote.id in {q["id"] for q in by_code["items"]}
    for q in found["items"]:
        QUOTE_SCHEMA.validate({k: v for k, v in q.items() if k != "article"})


def test_dyad_series_is_that_of_eventwatch_dyad(client, con, corpus_store):
    source, target = corpus_store.scenario.planted
    for params in ({}, {"by": "month", "both_ways": True}):
        served = get(client, f"/api/dyads/{source.lower()}/{target}", **params)
        series = dyad_series(con, source, target, by=params.get("by", "week"), both_ways=params.get("both_ways", False))
        expected = series.to_dict()
        for period, wanted in zip(expected["periods"], series.periods):
            period.update(conflict_events=wanted.conflict_events, cooperation_events=wanted.cooperation_events)
        # DuckDB sums in parallel, so a mean rounded to 2 places may differ in its last digit
        assert [{**p, "goldstein_mean": pytest.approx(p["goldstein_mean"], abs=0.011)} for p in expected["periods"]] == served.pop("periods")
        assert served == {k: v for k, v in expected.items() if k != "periods"}
    assert get(client, f"/api/dyads/{source}/{target}", 422, by="year")


def same_alert(alert: dict) -> dict:
    """An alert up to the last bits of its DuckDB sums, which parallel aggregation may vary."""
    return {**alert, "z": pytest.approx(alert["z"], abs=0.011), "intensity": pytest.approx(alert["intensity"]),
            "baseline_median": pytest.approx(alert["baseline_median"], abs=0.011)}


def test_alerts_and_busiest_dyads_come_from_the_analysis(client, con, corpus_store):
    expected = [json.loads(json.dumps(a.to_dict(), default=str)) for a in find_alerts(con)]
    assert get(client, "/api/alerts") == [same_alert(a) for a in expected]
    planted = set(corpus_store.scenario.planted)
    assert expected and {expected[0]["source"], expected[0]["target"]} == planted
    source = corpus_store.scenario.planted[0]
    assert get(client, "/api/alerts", actor=source.lower()) == [
        same_alert(a) for a in expected if source in (a["source"], a["target"])]
    graph = build_network(con)
    busiest = get(client, "/api/dyads", limit=3)
    assert [d["events"] for d in busiest] == sorted((data["events"] for _, _, data in graph.edges(data=True)), reverse=True)[:3]


def test_actor_search_and_network_neighbours(client, con, corpus_store):
    found = get(client, "/api/actors", q="zelensky")
    assert [a["name"] for a in found] == ["Volodymyr Zelensky"] and found[0]["code"] == "UKRGOV"
    source, target = corpus_store.scenario.planted
    detail = get(client, f"/api/actors/{source.lower()}")
    graph = build_network(con)
    assert {n["actor"] for n in detail["neighbours"]} == set(graph.successors(source)) | set(graph.predecessors(source))
    edge = graph.edges[source, target]
    (planted,) = [n for n in detail["neighbours"] if n["actor"] == target]
    assert planted["outgoing"]["conflict_events"] == edge["conflict_events"]
    assert detail["centrality"]["strength"] == sum(d["events"] for *_, d in graph.in_edges(source, data=True)) + sum(
        d["events"] for *_, d in graph.out_edges(source, data=True))
    assert get(client, "/api/actors/NOSUCHACTOR", 404)["detail"] == "no actor 'NOSUCHACTOR' in the store"


def test_an_actor_whose_name_holds_a_slash_has_its_own_record(client, corpus_store):
    org = next(e.target.org for e in corpus_store.hostile_actors.events if e.target and e.target.org)
    assert "/" in org
    detail = get(client, f"/api/actors/{quote(org, safe='')}")
    assert [i["org"] for i in detail["identities"]] == [org]


def test_extract_codes_a_text_without_storing_it(client, corpus_store):
    text = ("Lithuania expelled two Belarusian diplomats on Tuesday, the foreign ministry in Vilnius said.\n\n"
            "\"Their activities were incompatible with their status,\" Foreign Minister Gabrielius Landsbergis told reporters.")
    stats = get(client, "/api/stats")
    response = client.post("/api/extract", json={"text": text, "published": "2023-02-14", "title": "Diplomats expelled"})
    assert response.status_code == 200, response.text
    record = response.json()
    jsonschema.validate(record, SCHEMA)
    assert record["article"]["title"] == "Diplomats expelled" and record["article"]["published"] == "2023-02-14"
    assert record["quotes"] and record["events"]
    assert all(text[s["start"]:s["end"]] == s["text"] for s in spans_of(record))
    assert get(client, "/api/stats") == stats


@pytest.mark.parametrize(
    "body, status, detail",
    [
        ({"text": "x" * 100_001}, 413, "text of 100001 characters; this server codes at most 100000 per article"),
        ({"text": ""}, 422, None),
        ({"text": "Talks resumed.", "published": "soon"}, 422, None),
    ],
)
def test_extract_refuses_oversized_or_malformed_input(client, body, status, detail):
    response = client.post("/api/extract", json=body)
    assert response.status_code == status
    if detail:
        assert response.json() == {"detail": detail}


def test_ingest_is_refused_unless_enabled(client, corpus_store):
    response = client.post("/api/ingest", json={"articles": [{"text": "Kenya hosted talks on Monday."}]})
    assert response.status_code == 403
    assert "--allow-ingest" in response.json()["detail"]


def test_ingest_when_enabled_stores_articles_once(corpus_store, tmp_path):
    db = tmp_path / "copy.duckdb"
    shutil.copy(corpus_store.path, db)
    article = {"text": "Kenya hosted talks between Ethiopia and Eritrea in Nairobi on Monday.", "title": "Talks in Nairobi",
               "published": "2023-06-05", "source": "Example Wire"}
    with client_for(db, allow_ingest=True) as writer:
        first = writer.post("/api/ingest", json={"articles": [article]}).json()
        again = writer.post("/api/ingest", json={"articles": [article]}).json()
        (stored,) = get(writer, "/api/articles", q="nairobi")["items"]
    assert (first["articles"], first["skipped"], first["bad"]) == (1, 0, [])
    assert (again["articles"], again["skipped"]) == (0, 1)
    assert stored["title"] == "Talks in Nairobi" and stored["events"] == first["events"]


def test_docs_and_dashboard_need_nothing_from_elsewhere(client):
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "https://" not in docs.text and "/static-offline-docs/swagger-ui-bundle.js" in docs.text
    assert client.get("/static-offline-docs/swagger-ui-bundle.js").status_code == 200
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {"/api/articles", "/api/articles/{article_id}", "/api/events", "/api/quotes", "/api/dyads/{source}/{target}",
            "/api/alerts", "/api/actors", "/api/extract", "/api/ingest"} <= paths
    shell = client.get("/dyad/RUS/UKR")
    assert "script-src 'self'" in shell.headers["content-security-policy"]
    for asset in sorted(STATIC.rglob("*.*")):
        served = client.get(f"/static/{asset.relative_to(STATIC).as_posix()}")
        assert served.status_code == 200
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", served.text), asset.name


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_command_serves_the_store(corpus_store):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "eventwatch.cli", "serve", "--db", str(corpus_store.path), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=2) as response:
                    status, stats = response.status, json.loads(response.read())
                break
            except (URLError, ConnectionError):
                assert server.poll() is None and time.monotonic() < deadline, server.stderr.read().decode()
                time.sleep(0.2)
        assert status == 200 and stats["articles"] > 0
    finally:
        server.terminate()
        server.wait(10)


def test_serve_without_a_store_exits_2_with_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "none.duckdb: no store here" in result.output


@pytest.mark.parametrize(
    ("text", "published", "reason"),
    [
        ("Le gouvernement a annoncé lundi de nouvelles mesures contre la sécheresse dans le sud du pays.", None, "not English"),
        ("   \u200b  ", None, "no words"),
        ("Germany condemned the missile launch on Monday.", "9999-12-31", "published date 9999-12-31"),
    ],
)
def test_extract_refuses_what_files_would_skip(client, text, published, reason):
    body = {"text": text, **({"published": published} if published else {})}
    response = client.post("/api/extract", json=body)
    assert response.status_code == 422, response.text
    assert reason in response.json()["detail"]
