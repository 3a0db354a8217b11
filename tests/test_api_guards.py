"""The server's defences, each on its own: malformed request bodies, rate limits, the body
size cap, pagination caps, no tracebacks, CORS closed and loopback by default.

Every refusal must be a 4xx whose `detail` is one line, and nothing a client sends may
put a traceback in the response or in the server's log. The test clients re-raise any
exception that escapes the app, so a request that would have been a 500 fails here.
"""

from __future__ import annotations

import json
import logging
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.request import urlopen

import pytest
from fastapi.testclient import TestClient

from eventwatch.api import Settings, create_app
from eventwatch.api.guards import MAX_JSON_DEPTH, TokenBuckets, json_problem
from eventwatch.api.routes import MAX_OFFSET, MAX_PAGE
from eventwatch.api.server import background_server
from eventwatch.store import open_store

JSON = {"Content-Type": "application/json"}
ARTICLE = b'{"text": "Kenya hosted talks on Monday.", "title": %s}'


@pytest.fixture(scope="module")
def empty_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("guards") / "empty.duckdb"
    open_store(path).close()
    return path


def client_for(db: Path, **settings) -> TestClient:
    return TestClient(create_app(Settings(db=str(db), allowed_hosts=("testserver",), **settings)))


@pytest.fixture(scope="module")
def client(empty_store):
    with client_for(empty_store, rate_limit=0) as test_client:
        yield test_client


def nested(depth: int) -> bytes:
    return b'{"text": "Talks resumed.", "x": ' + b"[" * depth + b"]" * depth + b"}"


def one_line(detail: object) -> bool:
    return isinstance(detail, str) and bool(detail.strip()) and "\n" not in detail and "Traceback" not in detail


# (what, body, content type, status, words the reason must contain)
MALFORMED_BODIES = [
    # lone surrogates: valid JSON escapes that no UTF-8 text can hold
    ("high surrogate", b'{"text": "\\ud800"}', JSON, 400, "lone surrogate"),
    ("low surrogate", b'{"text": "Talks \\udfff resumed"}', JSON, 400, "lone surrogate"),
    ("surrogate in title", ARTICLE % b'"\\udbff"', JSON, 400, "lone surrogate"),
    ("surrogate in a key", b'{"text": "Talks resumed.", "\\ud800": 1}', JSON, 400, "lone surrogate"),
    ("reversed pair", b'{"text": "\\ude00\\ud83d"}', JSON, 400, "lone surrogate"),
    ("surrogate in a list", b'{"articles": [{"text": "\\ud83d"}]}', JSON, 400, "lone surrogate"),
    # invalid UTF-8
    ("stray byte", b'{"text": "caf\xe9 talks"}', JSON, 400, "not UTF-8 (byte 0xe9 at offset 13)"),
    ("0xff", b'{"text": "\xff\xfe"}', JSON, 400, "not UTF-8"),
    ("cut multi-byte", b'{"text": "\xe2\x82"}', JSON, 400, "not UTF-8"),
    ("encoded surrogate", b'{"text": "\xed\xa0\x80"}', JSON, 400, "not UTF-8"),
    ("overlong slash", b'{"text": "\xc0\xaf"}', JSON, 400, "not UTF-8"),
    ("UTF-16", '{"text": "Talks"}'.encode("utf-16"), JSON, 400, "not UTF-8"),
    # nesting
    (f"{MAX_JSON_DEPTH + 1} levels", nested(MAX_JSON_DEPTH), JSON, 400, f"nested deeper than {MAX_JSON_DEPTH} levels"),
    ("1,000 levels", nested(1_000), JSON, 400, "nested deeper"),
    ("100,000 levels", nested(100_000), JSON, 400, "nested deeper"),
    ("100,000 objects deep", b'{"a": ' * 100_000 + b"1" + b"}" * 100_000, JSON, 400, "nested deeper"),
    # numbers
    ("1e999", b'{"text": "Talks resumed.", "published": 1e999}', JSON, 400, "number out of range"),
    ("-1e999", b'{"text": -1e999}', JSON, 400, "number out of range"),
    ("NaN", b'{"text": "Talks resumed.", "published": NaN}', JSON, 400, "NaN is not a JSON number"),
    ("Infinity", b'{"text": Infinity}', JSON, 400, "Infinity is not a JSON number"),
    ("-Infinity", b'{"text": -Infinity}', JSON, 400, "-Infinity is not a JSON number"),
    ("5,000 digits", b'{"text": "Talks resumed.", "published": ' + b"9" * 5000 + b"}", JSON, 400, "number too long"),
    ("negative 5,000 digits", b'{"text": -' + b"9" * 5000 + b"}", JSON, 400, "number too long"),
    ("31 digits", b'{"text": "Talks resumed.", "published": ' + b"1" * 31 + b"}", JSON, 400, "(31 digits; at most 30)"),
    ("30-digit date", b'{"text": "Talks resumed.", "published": ' + b"1" * 30 + b"}", JSON, 422, "body published"),
    ("1e308 as a date", b'{"text": "Talks resumed.", "published": 1e308}', JSON, 422, "body published"),
    # wrong types and shapes
    ("text a number", b'{"text": 123}', JSON, 422, "body text: Input should be a valid string"),
    ("text null", b'{"text": null}', JSON, 422, "body text"),
    ("text a list", b'{"text": ["Talks"]}', JSON, 422, "body text"),
    ("text an object", b'{"text": {"a": 1}}', JSON, 422, "body text"),
    ("text empty", b'{"text": ""}', JSON, 422, "body text: String should have at least 1 character"),
    ("text missing", b'{"title": "Talks"}', JSON, 422, "body text: Field required"),
    ("title a number", ARTICLE % b"7", JSON, 422, "body title"),
    ("published a word", b'{"text": "Talks resumed.", "published": "soon"}', JSON, 422, "body published"),
    ("published true", b'{"text": "Talks resumed.", "published": true}', JSON, 422, "body published"),
    ("published 2023-02-30", b'{"text": "Talks resumed.", "published": "2023-02-30"}', JSON, 422, "body published"),
    ("a list", b"[1, 2]", JSON, 422, "body: Input should be a valid dictionary"),
    ("null", b"null", JSON, 422, "body"),
    ("a string", b'"text"', JSON, 422, "body"),
    ("a number", b"42", JSON, 422, "body"),
    ("no body", b"", JSON, 422, "body: Field required"),
    # not JSON at all
    ("cut short", b'{"text": "Talks', JSON, 400, "malformed JSON: Unterminated string"),
    ("trailing comma", b'{"text": "Talks",}', JSON, 400, "malformed JSON"),
    ("single quotes", b"{'text': 'Talks'}", JSON, 400, "malformed JSON"),
    ("garbage after", b'{"text": "Talks"} x', JSON, 400, "malformed JSON: Extra data"),
    ("binary", b"\x00\x01\x02\x03", JSON, 400, "malformed JSON"),
    ("byte order mark", b'\xef\xbb\xbf{"text": "Talks"}', JSON, 400, "malformed JSON"),
    ("whitespace only", b" \n\t ", JSON, 400, "malformed JSON"),
    ("control character in a string", b'{"text": "Talks\x01resumed"}', JSON, 400, "malformed JSON: Invalid control character"),
    # not declared as JSON
    ("text/plain", b'{"text": "Talks"}', {"Content-Type": "text/plain"}, 415, "Content-Type: application/json"),
    ("no content type", b'{"text": "Talks"}', {}, 415, "as JSON"),
    ("form", b"text=Talks", {"Content-Type": "application/x-www-form-urlencoded"}, 415, "as JSON"),
    ("multipart", b"--x\r\n\r\nTalks\r\n--x--", {"Content-Type": "multipart/form-data; boundary=x"}, 415, "as JSON"),
    ("xml", b"<text>Talks</text>", {"Content-Type": "application/xml"}, 415, "as JSON"),
]


# Refused before any route sees them, whichever it is.
UNREADABLE_BODIES = [case for case in MALFORMED_BODIES if case[3] != 422]


def assert_refused(response, status: int, reason: str, caplog) -> None:
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    assert one_line(detail) and reason in detail, detail
    assert not [r for r in caplog.records if r.exc_info or "Traceback" in r.getMessage()]


@pytest.mark.parametrize(("what", "body", "headers", "status", "reason"), MALFORMED_BODIES, ids=[c[0] for c in MALFORMED_BODIES])
def test_a_malformed_body_gets_a_4xx_with_a_one_line_reason(client, caplog, what, body, headers, status, reason):
    caplog.set_level(logging.DEBUG)
    assert_refused(client.post("/api/extract", content=body, headers=headers), status, reason, caplog)


@pytest.mark.parametrize(("what", "body", "headers", "status", "reason"), UNREADABLE_BODIES, ids=[c[0] for c in UNREADABLE_BODIES])
def test_every_endpoint_with_a_body_refuses_it_alike(client, caplog, what, body, headers, status, reason):
    caplog.set_level(logging.DEBUG)
    assert_refused(client.post("/api/ingest", content=body, headers=headers), status, reason, caplog)


def test_ingest_articles_are_checked_one_by_one(empty_store, caplog):
    caplog.set_level(logging.DEBUG)
    with client_for(empty_store, rate_limit=0) as test_client:
        for body, reason in [
            ({"articles": "Talks"}, "body articles: Input should be a valid list"),
            ({"articles": []}, "body articles: List should have at least 1 item after validation, not 0"),
            ({"articles": [1]}, "body articles[0]: Input should be a valid dictionary"),
            ({"articles": [{"text": "Talks"}, {"text": 5}]}, "body articles[1].text: Input should be a valid string"),
            ({"articles": [{"text": 1}, {"text": 2}, {"text": 3}, {"text": 4}]}, "; body articles[2].text: Input should be a valid string (and 1 more)"),
        ]:
            response = test_client.post("/api/ingest", json=body)
            assert response.status_code == 422 and reason in response.json()["detail"], response.text
    assert not [r for r in caplog.records if r.exc_info]


@pytest.mark.parametrize(("depth", "refused"), [(1, False), (MAX_JSON_DEPTH, False), (MAX_JSON_DEPTH + 1, True)])
def test_json_nesting_is_counted_in_containers(depth, refused):
    assert (json_problem(b"[" * depth + b"]" * depth) is not None) is refused
    assert (json_problem(b'{"a": ' * depth + b"1" + b"}" * depth) is not None) is refused


def test_json_the_api_takes_passes_unchanged():
    body = json.dumps({"text": "Talks in Genève \U0001f642 \u201cresumed\u201d", "published": "2023-05-09",
                       "n": [1.5, -2, 10**29, 1e308, True, None]}).encode()
    assert json_problem(body) is None
    assert json_problem('{"text": "paired \\ud83d\\ude00"}'.encode()) is None


# --- rate limits ------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_token_buckets_allow_a_burst_then_the_rate_per_client():
    clock = Clock()
    buckets = TokenBuckets(per_minute=60, burst=3, clock=clock)
    assert [buckets.take("a") for _ in range(3)] == [0, 0, 0]
    assert buckets.take("a") == pytest.approx(1.0)
    assert buckets.take("b") == 0  # another client has its own bucket
    clock.now += 0.5
    assert buckets.take("a") == pytest.approx(0.5)
    clock.now += 0.5
    assert buckets.take("a") == 0
    clock.now += 3600
    assert [buckets.take("a") for _ in range(4)][-1] == pytest.approx(1.0)  # refilled to the burst, no more


def test_token_buckets_forget_the_longest_idle_clients_first():
    clock = Clock()
    buckets = TokenBuckets(per_minute=60, burst=1, max_clients=2, clock=clock)
    for client in ("a", "b"):
        assert buckets.take(client) == 0
    assert buckets.take("a") > 0  # a is now the most recent
    assert buckets.take("c") == 0  # pushes out b, not a
    assert buckets.take("a") > 0
    assert buckets.take("b") == 0  # b starts again with a full bucket


def test_a_client_over_its_rate_gets_429_with_retry_after(empty_store):
    app = create_app(Settings(db=str(empty_store), allowed_hosts=("testserver",), rate_limit=60, rate_burst=3))
    with TestClient(app, client=("192.0.2.1", 5000)) as first, TestClient(app, client=("192.0.2.2", 5000)) as second:
        assert [first.get("/api/stats").status_code for _ in range(3)] == [200, 200, 200]
        refused = first.get("/api/events")
        assert refused.status_code == 429
        assert refused.headers["retry-after"] == "1"
        assert refused.json() == {"detail": "too many requests from 192.0.2.1: at most 60 a minute; retry in 1 s"}
        assert first.post("/api/extract", json={"text": "Talks resumed."}).status_code == 429  # counted before the body is read
        assert second.get("/api/stats").status_code == 200
        assert first.get("/").status_code == 200  # the dashboard's shell and files are not counted
        time.sleep(int(refused.headers["retry-after"]))
        assert first.get("/api/stats").status_code == 200


def test_rate_limit_is_on_by_default_and_can_be_turned_off(empty_store):
    settings = Settings(db=str(empty_store))
    assert settings.rate_limit > 0 and settings.rate_burst > 0
    with client_for(empty_store, rate_limit=0, rate_burst=1) as unlimited:
        assert {unlimited.get("/api/stats").status_code for _ in range(20)} == {200}


# --- size, pages, tracebacks ---------------------------------------------------------------


def test_a_body_over_8_mib_is_refused_before_it_is_parsed(client):
    limit = Settings(db="").max_body_bytes
    assert limit == 8 * 1024 * 1024
    body = b'{"text": "' + b"a" * (limit - 11) + b'"}'
    assert len(body) == limit + 1
    response = client.post("/api/extract", content=body, headers=JSON)
    assert response.status_code == 413 and response.json() == {"detail": f"request body over {limit} bytes"}

    def chunks():  # no Content-Length: counted as it arrives
        for _ in range(9):
            yield b"a" * (1024 * 1024)

    response = client.post("/api/extract", content=chunks(), headers=JSON)
    assert response.status_code == 413


def test_the_body_cap_is_a_setting(empty_store):
    with client_for(empty_store, max_body_bytes=1000) as small:
        response = small.post("/api/extract", content=b'{"text": "' + b"a" * 2000 + b'"}', headers=JSON)
    assert response.status_code == 413 and response.json() == {"detail": "request body over 1000 bytes"}


def test_a_declared_length_over_the_cap_is_refused_without_waiting_for_the_body(empty_store):
    with background_server(create_app(Settings(db=str(empty_store), rate_limit=0))) as base:
        host, port = base.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as sock:
            sock.sendall(b"POST /api/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                         b"Content-Length: 1000000000000\r\n\r\n")
            answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 413")


LISTS = ["/api/articles", "/api/events", "/api/quotes", "/api/dyads", "/api/alerts", "/api/actors"]


@pytest.mark.parametrize("path", LISTS)
def test_every_list_is_capped_at_500_a_page(client, path):
    assert MAX_PAGE == 500
    refused = client.get(path, params={"limit": MAX_PAGE + 1})
    assert refused.status_code == 422
    assert refused.json() == {"detail": f"query limit: Input should be less than or equal to {MAX_PAGE}"}
    assert client.get(path, params={"limit": MAX_PAGE}).status_code == 200
    assert client.get(path, params={"limit": 0}).status_code == 422


@pytest.mark.parametrize("path", ["/api/articles", "/api/events", "/api/quotes"])
@pytest.mark.parametrize("offset", [-1, MAX_OFFSET + 1, 10**30, "ten"])
def test_offsets_out_of_range_are_a_422_not_a_500(client, path, offset):
    response = client.get(path, params={"offset": offset})
    assert response.status_code == 422 and one_line(response.json()["detail"])
    assert response.json()["detail"].startswith("query offset: ")


def test_an_internal_error_is_one_line_and_its_traceback_only_in_the_log(empty_store, caplog):
    app = create_app(Settings(db=str(empty_store), allowed_hosts=("testserver",)))

    def broken() -> None:
        raise RuntimeError("secret detail /etc/passwd")

    app.add_api_route("/api/broken", broken)
    caplog.set_level(logging.ERROR, logger="eventwatch.api")
    with TestClient(app, raise_server_exceptions=False) as test_client:
        response = test_client.get("/api/broken")
    assert response.status_code == 500
    assert response.json() == {"detail": "internal error; the server log has the details"}
    assert "secret" not in response.text and "Traceback" not in response.text
    assert [r.getMessage() for r in caplog.records] == ["GET /api/broken failed"]


# --- CORS and loopback -----------------------------------------------------------------


def test_cors_is_closed_by_default_for_reads_and_posts(client, empty_store):
    origin = {"Origin": "https://elsewhere.example"}
    for method in ("GET", "POST"):
        preflight = client.options("/api/extract", headers={**origin, "Access-Control-Request-Method": method})
        assert not [h for h in preflight.headers if h.startswith("access-control-")]
    assert "access-control-allow-origin" not in client.post("/api/extract", json={"text": ""}, headers=origin).headers
    with client_for(empty_store, cors_origins=("https://trusted.example",)) as named:
        assert "access-control-allow-origin" not in named.get("/api/stats", headers=origin).headers
        trusted = named.get("/api/stats", headers={"Origin": "https://trusted.example"})
        assert trusted.headers["access-control-allow-origin"] == "https://trusted.example"


def test_settings_answer_loopback_host_names_only_by_default(empty_store):
    assert Settings(db="").allowed_hosts == ("127.0.0.1", "localhost", "[::1]")
    with TestClient(create_app(Settings(db=str(empty_store)))) as default:
        for host, status in [("rebound.example", 400), ("192.168.1.5:8000", 400), ("localhost:8000", 200), ("[::1]:8000", 200)]:
            assert default.get("/api/stats", headers={"Host": host}).status_code == status, host


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket listening on `port`, from /proc/net/tcp and tcp6."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc/net/tcp")
def test_serve_listens_on_loopback_only_and_limits_the_rate(empty_store):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "eventwatch.cli", "serve", "--db", str(empty_store), "--port", str(port),
         "--rate-limit", "6", "--rate-burst", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        statuses = []
        deadline = time.monotonic() + 60
        while len(statuses) < 3:
            try:
                with urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=5) as response:
                    statuses.append(response.status)
            except HTTPError as error:
                statuses.append(error.code)
                retry_after = error.headers["Retry-After"]
            except (URLError, ConnectionError):
                assert server.poll() is None and time.monotonic() < deadline, server.stderr.read().decode()
                time.sleep(0.2)
        assert listening_addresses(port) == {"0100007F"}  # 127.0.0.1, and nothing else
        assert statuses == [200, 200, 429] and 1 <= int(retry_after) <= 10  # 6 a minute: one every 10 s
    finally:
        server.terminate()
        server.wait(10)
    assert "Traceback" not in server.stderr.read().decode()
