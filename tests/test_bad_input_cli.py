"""Bad input at the command line: `eventwatch extract` (files, standard input, JSONL, feeds,
pages) and `eventwatch ingest` print one line per problem naming the input, count it, never
a traceback; what is good is still coded, and nothing already stored changes."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwatch.cli import app
from eventwatch.store import open_store
from eventwatch.store.queries import article_record, fingerprint

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "bad_input"
GOOD_TEXT = (FIXTURES / "kessel_port.txt").read_text(encoding="utf-8")
SUMMARY = re.compile(r"stored (\d+) articles .*; (\d+) already stored; (\d+) bad; (\d+) unusable inputs")


def invoke(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(app, list(args), input=stdin)


def problem_lines(stderr: str) -> list[str]:
    lines = stderr.strip().splitlines()
    assert all(line.startswith("eventwatch: ") for line in lines), lines
    assert "Traceback" not in stderr
    return lines


def bad_files(folder: Path) -> Path:
    """One file for each class of bad input, and nothing good."""
    folder.mkdir()
    files = {
        "empty.txt": b"",
        "blank.html": b"  \n\t \n",
        "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10,
        "huge.txt": None,
        "french.txt": (FIXTURES / "french.txt").read_bytes(),
        "russian.html": (FIXTURES / "russian.html").read_bytes(),
        "deep.html": ("<html><body>" + "<div>" * 300 + "<p>Deep text.</p></body></html>").encode(),
        "cut_off.rss": (FIXTURES / "cut_off.rss").read_bytes(),
        "laughs.atom": (FIXTURES / "laughs.atom").read_bytes(),
        "xxe.rss": (FIXTURES / "xxe.rss").read_bytes(),
        "dates.jsonl": b"\n".join((FIXTURES / "far_dates.jsonl").read_bytes().splitlines()[:3]),
        "broken.jsonl": b'{"text": "cut\n[1]\n{"text": ' + b"[" * 50_000 + b"\n\x00\x01\x02\n",
        "wordless.txt": "\u200b 42 \U0001f642".encode(),
    }
    for name, content in files.items():
        if content is None:
            with open(folder / name, "wb") as out:
                out.truncate(50_000_000)
        else:
            (folder / name).write_bytes(content)
    return folder


# --- extract -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.txt", "empty.txt: empty input"),
        ("blank.html", "blank.html: empty input"),
        ("photo.txt", "photo.txt: binary data, not text"),
        ("huge.txt", "huge.txt: too large (50000000 bytes > 20000000)"),
        ("french.txt", "french.txt: not English (detected fr)"),
        ("russian.html", "russian.html: not English (detected ru)"),
        ("deep.html", "deep.html: markup nested more than 256 levels deep"),
        ("cut_off.rss", "cut_off.rss: malformed XML (unclosed token: line 1, column 153)"),
        ("laughs.atom", "laughs.atom: unsafe XML refused (entity declaration or external reference)"),
        ("xxe.rss", "xxe.rss: unsafe XML refused (entity declaration or external reference)"),
        ("wordless.txt", "wordless.txt: no words in the text (only digits, symbols or invisible characters)"),
    ],
)
def test_extract_gives_one_line_naming_each_bad_file_and_status_2(nlp, tmp_path, name, message):
    folder = bad_files(tmp_path / "bad")

    done = invoke("extract", str(folder / name))

    assert done.exit_code == 2
    [line] = problem_lines(done.stderr)
    assert line.endswith(message) and str(folder / name) in line
    assert done.stdout == ""


def test_extract_of_a_bad_batch_names_every_bad_line_and_codes_none(nlp, tmp_path):
    folder = bad_files(tmp_path / "bad")

    done = invoke("extract", str(folder / "broken.jsonl"), str(folder / "dates.jsonl"))

    lines = [re.sub(r".*/bad/", "", line) for line in problem_lines(done.stderr)]
    assert [line.split(": ")[:2] for line in lines[:4]] == [
        ["broken.jsonl:1", "malformed JSON"],
        ["broken.jsonl:2", "not a JSON object"],
        ["broken.jsonl:3", "malformed JSON"],
        ["broken.jsonl:4", "binary data, not text"],
    ]
    assert lines[4] == "dates.jsonl:1: published date 0001-01-01 is before 1800-01-01"
    assert lines[5].startswith("dates.jsonl:2: published date 9999-12-31 is in the future (after ")
    assert lines[6] == "dates.jsonl:3: published date 1799-12-31 is before 1800-01-01"
    assert len(lines) == 7
    assert done.exit_code == 2 and done.stdout == ""


def test_extract_codes_the_good_articles_among_bad_ones(nlp, tmp_path):
    folder = bad_files(tmp_path / "bad")
    shutil.copy(FIXTURES / "multilingual.jsonl", folder)

    done = invoke("extract", str(folder))

    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["article"]["title"] for r in results] == ["Port of Kessel reopens", None]
    assert done.exit_code == 2  # some inputs were unusable
    lines = problem_lines(done.stderr)
    assert len(lines) == 8 + 10 + 3  # unusable files, bad articles in the rest, and multilingual.jsonl's 3
    assert sum("not English" in line for line in lines) == 5


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        (b"", "<stdin>: empty input"),
        (b" \n\t ", "<stdin>: empty input"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "<stdin>: binary data, not text"),
        ((FIXTURES / "french.txt").read_bytes(), "skipped <stdin>: not English (detected fr)"),
        ("\u200b\u200b 1 2 3".encode(), "skipped <stdin>: no words in the text (only digits, symbols or invisible characters)"),
    ],
)
def test_extract_from_bad_standard_input(nlp, stdin, message):
    done = invoke("extract", "-", stdin=stdin)

    assert done.exit_code == 2
    assert problem_lines(done.stderr) == [f"eventwatch: {message}"]


def test_extract_with_a_far_date_refuses_each_article(nlp):
    done = invoke("extract", "--date", "9999-12-31", "-", stdin=GOOD_TEXT.encode())

    assert done.exit_code == 2
    [line] = problem_lines(done.stderr)
    assert line.startswith("eventwatch: skipped <stdin>: published date 9999-12-31 is in the future")


def test_extract_from_latin1_and_windows_1252_inputs(nlp, tmp_path):
    cp1252 = tmp_path / "cp1252.txt"
    cp1252.write_bytes(GOOD_TEXT.replace("Kessel", "Genève").encode("cp1252"))

    done = invoke("extract", "--format", "jsonl", str(cp1252), str(FIXTURES / "latin1.html"), str(FIXTURES / "windows1252.rss"))

    assert done.exit_code == 0 and done.stderr == ""
    bodies = [json.loads(line) for line in done.stdout.splitlines()]
    assert [b["article"]["title"] for b in bodies] == [None, "Zürich talks", "Farmers block road near Genève"]
    quotes = [q["text"] for b in bodies for q in b["quotes"]]
    assert "Ships can dock again, but slowly," in quotes and "We cannot sell below cost," in quotes


# --- ingest --------------------------------------------------------------------------------------------


@pytest.fixture
def store(nlp, tmp_path) -> Path:
    """A store holding two good articles."""
    db = tmp_path / "store.duckdb"
    done = invoke("ingest", "--db", str(db), str(FIXTURES / "kessel_port.txt"), str(FIXTURES / "windows1252.rss"))
    assert done.exit_code == 0, done.output
    return db


def test_ingest_of_bad_files_changes_nothing_stored(store, tmp_path):
    folder = bad_files(tmp_path / "bad")
    with open_store(store, read_only=True) as con:
        before = fingerprint(con)

    done = invoke("ingest", "--db", str(store), str(folder), str(folder / "missing.txt"))

    assert done.exit_code == 2
    lines = problem_lines(done.stderr)
    stored, already, bad, unusable = map(int, SUMMARY.search(lines[-1]).groups())
    assert (stored, already) == (0, 0)
    assert unusable == 9  # empty, blank, binary, too large, too deep, cut off, two unsafe, missing
    assert bad == 10  # French, Russian, 3 impossible dates, 4 broken JSON lines, no words
    assert len(lines) == unusable + bad + 1
    with open_store(store, read_only=True) as con:
        assert fingerprint(con) == before


def test_ingest_stores_the_good_articles_among_bad_ones_and_keeps_the_old(store, tmp_path):
    folder = bad_files(tmp_path / "bad")
    shutil.copy(FIXTURES / "multilingual.jsonl", folder)  # 2 English lines: 1 already stored, 1 new
    with open_store(store, read_only=True) as con:
        old = {id_: article_record(con, id_) for (id_,) in con.execute("SELECT id FROM articles").fetchall()}

    done = invoke("ingest", "--db", str(store), str(folder))

    stored, already, bad, unusable = map(int, SUMMARY.search(done.stderr).groups())
    assert (stored, already, bad, unusable) == (1, 1, 13, 8)
    assert done.exit_code == 2  # some inputs were unusable; what was good is stored
    with open_store(store, read_only=True) as con:
        assert {id_: article_record(con, id_) for id_ in old} == old
        bodies = [b for (b,) in con.execute("SELECT body FROM articles ORDER BY body").fetchall()]
    assert [b.split()[0] for b in bodies] == ["Farmers", "Farmers", "Port"]  # the feed's, the new line's, the text's


def test_ingest_from_bad_standard_input_stores_nothing(store):
    with open_store(store, read_only=True) as con:
        before = fingerprint(con)

    for stdin in (b"", b"\x00\x01binary", (FIXTURES / "french.txt").read_bytes()):
        done = invoke("ingest", "--db", str(store), "-", stdin=stdin)
        assert done.exit_code == 2
        assert len(problem_lines(done.stderr)) == 2  # the problem and the summary

    with open_store(store, read_only=True) as con:
        assert fingerprint(con) == before
