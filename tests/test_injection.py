"""SQL injection: every filter of the API and of the CLI, given payloads that would change
the query if they were pasted into SQL, must match them as plain text (only records that
hold them as written), never fail with a 500 or a traceback, and leave the store
as it was; a payload stored as an article's text is found as that text, nothing more."""

from __future__ import annotations

import json
import shutil
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from eventwatch.api import Settings, create_app
from eventwatch.cli import app as cli
from eventwatch.store import open_store
from eventwatch.store.queries import fingerprint
from tests.browser_fixtures import corpus_store  # noqa: F401  (fixture)

PAYLOADS = [
    "' OR 1=1 --",
    "' OR '1'='1",
    '" OR ""="',
    "x'); DROP TABLE events; --",
    "1; DELETE FROM articles",
    "RUS' UNION SELECT id, body, 1, 1, 1, 1, 1 FROM articles --",
    "'; ATTACH '/tmp/evil.duckdb' AS evil; --",
    "') OR starts_with(code, '",
    "%' OR '%'='",
    "%",
    "_",
    "*",
    "\\",
    "\\'; --",
    "--",
    ";",
    "/* */ OR 1=1",
    "$key",
    "?",
    "$1 OR 1=1",
    "ＲＵＳ＇ ＯＲ １＝１",  # fullwidth letters, quote and digits
    "RUS\u2019 OR 1=1 --",  # a curly apostrophe
    "\u202e' OR 1=1 --",  # right-to-left override
    "é'; SELECT 1; --",
    "Robert'); DROP TABLE actors;--",
    "\x00' OR 1=1 --",
]
# One of each kind for the command line (each run opens the store: ~0.3 s); no NUL,
# which a command line cannot carry. Export shares the query with `events`: fewer still.
CLI_PAYLOADS = [PAYLOADS[i] for i in (0, 2, 3, 5, 6, 8, 10, 13, 16, 20, 22, 24)]
EXPORT_PAYLOADS = CLI_PAYLOADS[::3]
ALERT_PAYLOADS = CLI_PAYLOADS  # the alerts are recomputed on each request

# (path, parameter) for every string filter; None for a path parameter.
API_FILTERS = [
    ("/api/articles", "q"), ("/api/articles", "source"),
    ("/api/events", "source"), ("/api/events", "target"), ("/api/events", "actor"), ("/api/events", "text"),
    ("/api/events", "cameo"), ("/api/events", "plover"), ("/api/events", "sort"),
    ("/api/quotes", "text"), ("/api/quotes", "speaker"), ("/api/quotes", "article"),
    ("/api/alerts", "actor"), ("/api/actors", "q"), ("/api/dyads", "since"),
    ("/api/articles/{}", None), ("/api/actors/{}", None), ("/api/dyads/{}/RUS", None), ("/api/dyads/UKR/{}", None),
]


@pytest.fixture(scope="module")
def client(corpus_store):
    with TestClient(create_app(Settings(db=str(corpus_store.path), allowed_hosts=("testserver",), rate_limit=0))) as c:
        yield c


def store_fingerprint(path) -> dict:
    con = open_store(path, read_only=True)
    try:
        return fingerprint(con)
    finally:
        con.close()


def literal_matches_only(answer: object, payload: str) -> bool:
    """Nothing found, or only records holding the payload as written (the hostile
    article's "window.__xss" holds "_"): a payload read as SQL would find others."""
    if isinstance(answer, dict) and "periods" in answer:
        return answer["periods"] == []
    items = answer["items"] if isinstance(answer, dict) else answer
    return all(payload.lower() in json.dumps(item, ensure_ascii=False).lower() for item in items)


def articles_holding(path, payload: str) -> set[str]:
    """The ids of stored articles whose title or body holds the payload, found in Python."""
    con = open_store(path, read_only=True)
    try:
        rows = con.execute("SELECT id, title, body FROM articles").fetchall()
    finally:
        con.close()
    return {i for i, title, body in rows if payload.lower() in f"{title or ''}\n{body}".lower()}


@pytest.mark.parametrize(("path", "name"), API_FILTERS, ids=[f"{p} {n or 'path'}" for p, n in API_FILTERS])
def test_api_filters_take_payloads_as_text(client, corpus_store, path, name):
    before = store_fingerprint(corpus_store.path)
    for payload in ALERT_PAYLOADS if path == "/api/alerts" else PAYLOADS:
        if name is None:
            response = client.get(path.format(quote(payload, safe="")))
        else:
            response = client.get(path, params={name: payload, "limit": 500} if path != "/api/dyads" else {name: payload})
        assert response.status_code in (200, 404, 422), (payload, response.text)
        answer = response.json()
        if (path, name) == ("/api/articles", "q"):  # the list shows no body: compare with a search in Python
            holding = articles_holding(corpus_store.path, payload)
            assert answer["total"] == len(holding) and {a["id"] for a in answer["items"]} <= holding, payload
        elif response.status_code == 200:
            assert literal_matches_only(answer, payload), (payload, answer)
        else:  # refused as not a valid value, or not found: a one-line reason
            assert isinstance(answer["detail"], str) and "\n" not in answer["detail"]
    assert store_fingerprint(corpus_store.path) == before


def test_a_payload_stored_as_text_is_found_as_that_text(corpus_store, tmp_path, nlp):
    db = tmp_path / "copy.duckdb"
    shutil.copy(corpus_store.path, db)
    before = store_fingerprint(db)
    payload = "Robert'); DROP TABLE events;--"
    article = {"title": f"Strike at {payload}", "source": "' OR 1=1 --", "url": "http://x.example/?q=' OR 1=1",
               "published": "2023-05-09",
               "text": f"Dock workers in Kessel went on strike on Tuesday, the union said. Its banner read {payload}."}
    with TestClient(create_app(Settings(db=str(db), allowed_hosts=("testserver",), allow_ingest=True))) as writer:
        stored = writer.post("/api/ingest", json={"articles": [article]}).json()
        assert stored["articles"] == 1 and stored["bad"] == []
        found = writer.get("/api/articles", params={"q": payload}).json()
        assert [a["title"] for a in found["items"]] == [article["title"]]
        assert writer.get("/api/articles", params={"source": "' OR 1=1 --"}).json()["total"] == 1
    after = store_fingerprint(db)
    assert after["articles"][0] == before["articles"][0] + 1
    assert all(after[table][0] >= rows for table, (rows, _) in before.items())  # nothing dropped or deleted


CLI_FILTERS = ["--source", "--target", "--actor", "--cameo", "--plover", "--text"]


def run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


@pytest.mark.parametrize("option", CLI_FILTERS)
def test_cli_filters_take_payloads_as_text(corpus_store, option):
    db = str(corpus_store.path)
    before = store_fingerprint(db)
    for payload in CLI_PAYLOADS:
        listed = run("events", "--db", db, option, payload, "--format", "json")
        assert listed.exit_code == 0 and literal_matches_only(json.loads(listed.stdout), payload), (payload, listed.output)
    for payload in EXPORT_PAYLOADS:
        exported = run("export", "--db", db, "--format", "jsonl", option, payload)
        lines = exported.stdout.splitlines()
        assert exported.exit_code == 0 and literal_matches_only([json.loads(line) for line in lines], payload), payload
        assert f"exported {len(lines)} events" in exported.stderr
    assert store_fingerprint(db) == before


def test_cli_dyad_takes_payloads_as_actor_names(corpus_store):
    db = str(corpus_store.path)
    before = store_fingerprint(db)
    for payload in CLI_PAYLOADS:
        for source, target in ((payload, "RUS"), ("UKR", payload)):
            result = run("dyad", "--db", db, "--format", "json", "--both-ways", "--", source, target)
            assert result.exit_code == 0 and json.loads(result.stdout)["periods"] == [], (payload, result.output)
    assert store_fingerprint(db) == before


@pytest.mark.parametrize("command", [["events"], ["export", "--format", "csv"], ["alerts"], ["network"], ["dyad", "RUS", "UKR"]])
def test_cli_dates_with_payloads_are_refused(corpus_store, command):
    for payload in ("2023-01-01' OR 1=1 --", "2023-01-01; DROP TABLE events", "１９９９-01-01"):
        result = run(*command, "--db", str(corpus_store.path), "--since", payload)
        assert result.exit_code == 2 and "is not a date" in result.output and "Traceback" not in result.output
