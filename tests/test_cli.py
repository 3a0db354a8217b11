"""End-to-end: the `eventwatch` command in a subprocess, on the bundled samples and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import ROOT

SAMPLES = ROOT / "samples"
SCHEMA = json.loads((ROOT / "tests" / "contract" / "extract.schema.json").read_text())
BORDER = SAMPLES / "2021-12-03-border-tensions.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "eventwatch.cli", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=300,
    )


def check_spans(result: dict, body: str) -> None:
    """Every offset points at the text it claims, in the body as EventWatch holds it."""
    for quote in result["quotes"]:
        assert body[quote["start"] : quote["end"]] == quote["text"]
    for event in result["events"]:
        evidence = event["evidence"]
        assert body[evidence["start"] : evidence["end"]] == evidence["text"]
    for mention in result["entities"]:
        assert body[mention["start"] : mention["end"]] == mention["text"]


@pytest.fixture(scope="module")
def border_result() -> dict:
    done = run("extract", "--date", "2021-12-03", str(BORDER))
    assert done.returncode == 0, done.stderr.decode()
    return json.loads(done.stdout)


def test_extract_one_article_is_schema_valid(border_result):
    jsonschema.validate(border_result, SCHEMA)
    article = border_result["article"]
    assert article["published"] == "2021-12-03"
    assert len(article["id"]) == 64


def test_extract_offsets_point_at_the_right_text(border_result):
    from eventwatch.ingest import read_path

    body = next(read_path(str(BORDER))).body
    assert border_result["article"]["chars"] == len(body)
    check_spans(border_result, body)


def test_extract_resolves_entities_to_countries(border_result):
    codes = {m["text"]: m["actor"]["country"] for m in border_result["entities"] if m["actor"]}
    assert codes["Ukraine"] == "UKR"
    assert codes["Moscow"] == "RUS"
    assert codes["Stockholm"] == "SWE" or "Stockholm" not in codes
    orgs = {m["actor"]["org"] for m in border_result["entities"] if m["actor"]}
    assert {"NATO", "OSCE"} <= orgs


def test_extract_finds_quotes_with_speakers(border_result):
    speakers = {q["text"][:20]: q["speaker"]["name"] for q in border_result["quotes"] if q["speaker"]}
    assert speakers["We are not going to "] == "Maria Zakharova"
    assert speakers["If Russia decides to"] == "Antony Blinken"
    assert speakers["Nobody wants a war i"] == "Jens Stoltenberg"
    cues = {q["cue"] for q in border_result["quotes"]}
    assert "told reporters" in cues


def test_extract_codes_events_with_cameo_and_plover(border_result):
    events = border_result["events"]
    dyads = {(e["source"]["country"], e["cameo_root"], (e["target"] or {}).get("country")) for e in events}
    assert ("USA", "13", "RUS") in dyads  # Blinken warned Moscow
    assert ("UKR", "11", "RUS") in dyads  # Kyiv accused Moscow
    warning = next(e for e in events if e["source"]["country"] == "USA" and e["cameo_root"] == "13")
    assert warning["date"] == "2021-12-02"  # "on Thursday", published on Friday 3 December
    for event in events:
        assert event["date"] <= "2021-12-03" and event["date_precision"] in {"day", "week", "month"}
        assert event["cameo"].startswith(event["cameo_root"])


def test_jsonl_batch_keeps_order_and_metadata(tmp_path):
    batch = tmp_path / "batch.jsonl"
    lines = [
        {"text": "Germany and France condemned the missile launch on Monday.", "title": "First", "url": "https://a.example/1", "source": "A"},
        "{not json",
        {"text": "Japan protested to China over the incident.", "title": "Second", "published": "2022-05-01"},
    ]
    batch.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n")
    done = run("extract", str(batch))
    assert done.returncode == 0
    results = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [r["article"]["title"] for r in results] == ["First", "Second"]
    assert results[0]["article"]["url"] == "https://a.example/1" and results[0]["article"]["source"] == "A"
    assert results[1]["article"]["published"] == "2022-05-01"
    for result in results:
        jsonschema.validate(result, SCHEMA)
    message = done.stderr.decode().strip().splitlines()
    assert len(message) == 1 and "batch.jsonl:2" in message[0]


def test_missing_file_exits_2_with_one_line(tmp_path):
    done = run("extract", str(tmp_path / "missing.txt"))
    assert done.returncode == 2
    lines = done.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "missing.txt" in lines[0]
    assert "Traceback" not in done.stderr.decode()
    assert done.stdout == b""


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.txt", b""),
        ("blank.txt", b"   \n\n  \t \n"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" * 20),
    ],
)
def test_unusable_input_exits_2_naming_it(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    done = run("extract", str(path))
    assert done.returncode == 2
    stderr = done.stderr.decode()
    assert len(stderr.strip().splitlines()) == 1 and name in stderr and "Traceback" not in stderr


def test_bad_date_is_a_usage_error():
    done = run("extract", "--date", "yesterday", str(BORDER))
    assert done.returncode == 2 and "Traceback" not in done.stderr.decode()


def test_stdin_and_file_give_the_same_article():
    done = run("extract", "--date", "2021-12-03", "-", stdin=BORDER.read_bytes())
    assert done.returncode == 0, done.stderr.decode()
    from_stdin = json.loads(done.stdout)
    jsonschema.validate(from_stdin, SCHEMA)
    assert from_stdin["article"]["id"] == run_id(BORDER)


def run_id(path: Path) -> str:
    from eventwatch.ingest import read_path

    return next(read_path(str(path))).id


def test_sample_table_prints_events():
    done = run("extract", "--format", "table", *sorted(str(p) for p in SAMPLES.iterdir()))
    assert done.returncode == 0, done.stderr.decode()
    out = done.stdout.decode()
    for expected in ("RUSGOV", "IGOWSTNAT", "USA", "quotes"):
        assert expected in out


def test_all_samples_validate_against_the_contract():
    done = run("extract", "--format", "jsonl", *sorted(str(p) for p in SAMPLES.iterdir()))
    assert done.returncode == 0, done.stderr.decode()
    results = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert len(results) == 4
    for result in results:
        jsonschema.validate(result, SCHEMA)
    assert sum(len(r["events"]) for r in results) >= 15
    assert sum(len(r["quotes"]) for r in results) >= 8


def test_schema_copy_matches_the_shared_contract():
    shared = ROOT.parent / "shared" / "spec" / "extract.schema.json"
    if not shared.exists():
        pytest.skip("../shared/spec is not beside this checkout")
    assert json.loads(shared.read_text()) == SCHEMA


def test_extra_actor_file_resolves_an_unknown_person(tmp_path):
    article = tmp_path / "envoy.txt"
    article.write_text('"We will not accept this," Ilse Marwendt said on Monday.\n')
    people = tmp_path / "mine.yaml"
    people.write_text("people:\n  - {name: Ilse Marwendt, roles: [AUTGOV 2020-01-01.. foreign minister]}\n")
    plain = json.loads(run("extract", "--date", "2022-02-01", str(article)).stdout)
    assert plain["quotes"][0]["speaker"]["country"] is None
    done = run("extract", "--date", "2022-02-01", "--actors", str(people), str(article))
    assert done.returncode == 0, done.stderr.decode()
    speaker = json.loads(done.stdout)["quotes"][0]["speaker"]
    assert (speaker["name"], speaker["code"]) == ("Ilse Marwendt", "AUTGOV")
    broken = run("extract", "--actors", str(tmp_path / "nope.yaml"), str(article))
    assert broken.returncode == 2 and "nope.yaml" in broken.stderr.decode() and "Traceback" not in broken.stderr.decode()
