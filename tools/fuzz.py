"""Fuzzing ingest -> extract: generated inputs of every kind, checked against what
EventWatch promises about bad input and offsets.

    .venv/bin/python tools/fuzz.py --inputs 3000 --seed 7              # every kind of input
    .venv/bin/python tools/fuzz.py --inputs 400 --kind html --verbose  # one line per input
    .venv/bin/python tools/fuzz.py --inputs 1000 --no-analysis         # reading only, fast
    .venv/bin/python tools/fuzz.py --scaling                           # growth of pathological texts

Prints the inputs tried, the articles read and analysed, and every failure with the input
that caused it (saved under --save for a rerun); exit status 1 when anything failed.
tests/test_fuzz.py runs the same checks on a bounded number of examples.

The promises: reading raises nothing but InputError, whose message is one line naming the
input; it yields Articles and BadArticles only, a BadArticle's reason one line; an Article
is normalised, has words, no control characters, a true date, a size within the limit and
is English. Analysis fails on no article; every quote's, event evidence's and entity's
text is the body's slice at its offsets, and each result fits the output contract. The
API ("api" inputs: POST bodies for /api/extract and /api/ingest) answers 200 with such
records or a 4xx whose detail is one line, and never raises.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as with_seed
from hypothesis import strategies as st

from eventwatch.ingest import BadArticle, InputError, read_path
from eventwatch.ingest.checks import max_article_chars
from eventwatch.ingest.dates import date_out_of_range
from eventwatch.records import Article, ArticleResult, normalise_body

SCHEMA = Path(__file__).resolve().parent.parent / "tests" / "contract" / "extract.schema.json"

# --- what generated articles are made of -----------------------------------------------

# Sentences written for this fuzzer, news-style, so that generated articles are English
# and reach every stage: quotes with speakers, events, dates and places.
SENTENCES = [
    "Russia accused Ukraine on Monday of shelling the dam near Nova Kakhovka, the ministry said.",
    '"We will not back down," Zelensky told reporters in Kyiv on Tuesday.',
    "NATO ministers met in Brussels and agreed to send more air defence systems next month.",
    "The United Nations condemned the attack and called for an immediate ceasefire.",
    "According to the police, protesters blocked the road to the parliament for three hours.",
    "He said the talks with China would resume next week in Geneva.",
    "The United States and India signed a trade deal last year, officials said.",
    "\u201cThis is a dangerous escalation,\u201d the foreign minister warned, adding that Iran would respond.",
    "Turkish troops withdrew from the border town on Friday after a week of clashes with Kurdish fighters.",
    "She told the BBC that the government had rejected the proposal.",
]
WORDS = [
    "the", "of", "and", "to", "in", "on", "a", "was", "that", "he", "she", "they", "it", "said",
    "told", "reporters", "would", "will", "not", "according to", "Russia", "Ukraine", "Putin",
    "Zelensky", "NATO", "the United Nations", "Kyiv", "Moscow", "Beijing", "Washington", "Mr.",
    "Dr.", "U.S.", "President", "minister", "spokesman", "troops", "police", "protesters",
    "attacked", "accused", "met", "signed", "warned", "threatened", "condemned", "talks", "deal",
    "sanctions", "ceasefire", "on Monday", "last week", "next year", "yesterday", "in 3000",
    "on 1 January 0001", "on 31 December 9999", "in the year 10000", "10,000", "1990s", "AD 1",
    "Ms", "Sen.", "e.g.", "etc.", "No.", "St.", "a.m.", "Jan.",
]
MARKS = [
    '"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u2014", "\u2013", "-",
    "(", ")", "[", "]", ":", ";", ",", ".", "!", "?", "\u2026", "\u00a0", "\u200b", "\u200f",
    "\u202e", "\u0301", "\U0001f642", "\U0001f1fa\U0001f1e6", "\t", "\r\n", "\r", "\n", "\n\n",
    "\x1b[2J", "\x07", "\x9b", "\ufffd", "\ufeff", "&amp;", "<b>", "</p>", "\\", "/", "\u2028",
]
FOREIGN = ["Москва", "Київ", "北京", "القاهرة", "Zürich", "Genève", "İstanbul", "Łódź", "São Paulo", "ﬁnal"]
DATES = [
    "2024-03-05", "0001-01-01", "9999-12-31", "1799-12-31", "1800-01-01", "3000-01-01", "2024-02-30",
    "Tue, 05 Mar 2024 17:40:00 +0100", "Fri, 31 Dec 9999 23:59:59 -1400", "yesterday", "",
    "99999-01-01", "-0001-01-01", "2024-03-05T25:00:00", "2024-03-05T10:00:00+14:00",
]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]
_REASON_KIND = re.compile(r"[^:(\d]*")
SUFFIXES = [".txt", ".html", ".htm", ".jsonl", ".xml", ".rss", ".atom", "", ".pdf"]


def news_text(max_pieces: int = 60) -> st.SearchStrategy[str]:
    """News-like English with every kind of trouble mixed in: quote marks, dashes,
    invisible and control characters, other scripts, far dates, arbitrary snippets."""
    piece = st.one_of(
        st.sampled_from(SENTENCES), st.sampled_from(SENTENCES), st.sampled_from(SENTENCES),
        st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(MARKS),
        st.sampled_from(FOREIGN), st.text(max_size=6), st.integers(-10, 100_000).map(str),
    )
    joint = st.sampled_from([" ", " ", " ", "", "\n", ". ", ", "])
    return st.lists(st.tuples(piece, joint), max_size=max_pieces).map(lambda ps: "".join(p + j for p, j in ps))


def _encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


@st.composite
def _damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """The bytes as they are, cut short, or with a few stray bytes pasted in."""
    how = draw(st.sampled_from(["as is", "as is", "cut", "stray"]))
    if how == "cut" and data:
        return data[: draw(st.integers(0, len(data)))]
    if how == "stray":
        at = draw(st.integers(0, len(data)))
        return data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at:]
    return data


@st.composite
def text_files(draw: st.DrawFn) -> tuple[str, bytes]:
    text = draw(news_text())
    data = _encoded(text, draw(st.sampled_from(ENCODINGS)))
    return draw(st.sampled_from([".txt", "", ".txt"])), draw(_damaged(data))


@st.composite
def jsonl_files(draw: st.DrawFn) -> tuple[str, bytes]:
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["record", "record", "record", "garbage", "blank", "deep"]))
        if kind == "record":
            record: dict[str, Any] = {"text": draw(news_text(40))}
            for name in draw(st.sets(st.sampled_from(["title", "published", "url", "source"]))):
                record[name] = draw(st.one_of(st.sampled_from(DATES), st.text(max_size=10), st.none(), st.integers()))
            lines.append(json.dumps(record, ensure_ascii=draw(st.booleans())))
        elif kind == "garbage":
            lines.append(draw(st.sampled_from(['{"text": "cut', "[1, 2]", "null", '"text"', '{"text": "\\ud800 x"}', "{}"])))
        elif kind == "deep":
            depth = draw(st.integers(1, 5000))
            lines.append('{"text": "deep", "x": ' + "[" * depth + "]" * depth + "}")
        else:
            lines.append(draw(st.sampled_from(["", " ", "\r"])))
    data = "\n".join(lines).encode("utf-8", errors="replace")
    return ".jsonl", draw(_damaged(data))


@st.composite
def feed_files(draw: st.DrawFn) -> tuple[str, bytes]:
    atom = draw(st.booleans())
    items = []
    for _ in range(draw(st.integers(0, 5))):
        body = draw(news_text(40))
        wrap = draw(st.sampled_from(["escaped", "cdata", "plain", "nested"]))
        if wrap == "cdata":
            content = "<![CDATA[<p>" + body.replace("]]>", "") + "</p>]]>"
        elif wrap == "nested":
            depth = draw(st.integers(1, 400))
            content = escape("<div>" * depth + "<p>" + body + "</p>" + "</div>" * depth)
        else:
            content = escape("<p>" + body + "</p>" if wrap == "escaped" else body)
        date = escape(draw(st.sampled_from(DATES)))
        title = escape(draw(st.text(max_size=12)))
        if atom:
            items.append(f"<entry><title>{title}</title><updated>{date}</updated><content type=\"html\">{content}</content></entry>")
        else:
            items.append(f"<item><title>{title}</title><pubDate>{date}</pubDate><description>{content}</description></item>")
    prolog = draw(st.sampled_from(["", '<?xml version="1.0" encoding="utf-8"?>', '<!DOCTYPE rss [<!ENTITY a "aaaa">]>']))
    if atom:
        doc = f'{prolog}<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>{"".join(items)}</feed>'
    else:
        doc = f"{prolog}<rss version=\"2.0\"><channel><title>Wire</title>{''.join(items)}</channel></rss>"
    suffix = draw(st.sampled_from([".xml", ".rss", ".atom", ""]))
    return suffix, draw(_damaged(_encoded(doc, draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"])))))


@st.composite
def html_files(draw: st.DrawFn) -> tuple[str, bytes]:
    paragraphs = "".join(f"<p>{escape(draw(news_text(30)))}</p>" for _ in range(draw(st.integers(1, 4))))
    depth = draw(st.sampled_from([0, 1, 5, 50, 255, 300]))
    date = escape(draw(st.sampled_from(DATES)), quote=True)
    furniture = draw(st.sampled_from(["", "<nav><a>Home</a></nav>", "<script>var x = '<p>';</script>", "<div class=ad>Buy</div>"]))
    ld = json.dumps({"headline": draw(st.text(max_size=10)), "datePublished": draw(st.sampled_from(DATES))})
    page = (
        f'<html><head><meta property="article:published_time" content="{date}">'
        f'<script type="application/ld+json">{ld}</script><title>{escape(draw(st.text(max_size=10)))}</title></head>'
        f"<body>{furniture}{'<div>' * depth}<article>{paragraphs}</article>{'</div>' * depth}</body></html>"
    )
    suffix = draw(st.sampled_from([".html", ".htm", ".xml", ""]))
    return suffix, draw(_damaged(_encoded(page, draw(st.sampled_from(["utf-8", "cp1252"])))))


def raw_files() -> st.SearchStrategy[tuple[str, bytes]]:
    return st.tuples(st.sampled_from(SUFFIXES), st.binary(max_size=600))


API_PATHS = ["/api/extract", "/api/extract", "/api/ingest"]


def _json_values() -> st.SearchStrategy[Any]:
    leaves = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8), st.sampled_from(DATES))
    return st.recursive(leaves, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
                        max_leaves=12)


def _field() -> st.SearchStrategy[Any]:
    """What a client may send for a field: mostly right, sometimes of another type."""
    return st.one_of(st.text(max_size=12), st.text(max_size=12), st.none(), st.integers(), st.floats(), st.sampled_from(DATES))


@st.composite
def _article_fields(draw: st.DrawFn, with_source: bool) -> dict[str, Any]:
    body: dict[str, Any] = {"text": draw(st.one_of(news_text(30), news_text(30), _field()))}
    names = ["title", "published", "url", "source"] if with_source else ["title", "published"]
    for name in draw(st.sets(st.sampled_from(names))):
        body[name] = draw(st.one_of(st.sampled_from(DATES), _field()) if name == "published" else _field())
    return body


# Spliced into a body's JSON: escapes no UTF-8 text can hold, nesting, numbers no field takes.
SPLICES = ['"\\ud800"', '"x\\udfff"', '"\\ude00\\ud83d"', "1e999", "-1e999", "NaN", "Infinity", "9" * 400,
           "[" * 40 + "]" * 40, "[" * 5000 + "]" * 5000, '{"a": ' * 50 + "1" + "}" * 50]


@st.composite
def api_requests(draw: st.DrawFn) -> tuple[str, bytes]:
    """A POST body for the API: a request of the right shape with wrong values, any JSON,
    JSON with something spliced in, or bytes; damaged as files are."""
    path = draw(st.sampled_from(API_PATHS))
    how = draw(st.sampled_from(["shaped", "shaped", "spliced", "any JSON", "bytes"]))
    if how == "bytes":
        return path, draw(st.binary(max_size=300))
    if how == "any JSON":
        value = draw(_json_values())
    elif path == "/api/extract":
        value = draw(_article_fields(with_source=False))
    else:
        value = {"articles": draw(st.lists(_article_fields(with_source=True), max_size=3))}
    text = json.dumps(value, ensure_ascii=draw(st.booleans()))
    if how == "spliced":
        text = text.replace('"text": ', f'"text": {draw(st.sampled_from(SPLICES))}, "was": ', 1)
    return path, draw(_damaged(text.encode("utf-8")))


INPUTS: dict[str, Callable[[], st.SearchStrategy[tuple[str, bytes]]]] = {
    "bytes": raw_files,
    "text": text_files,
    "jsonl": jsonl_files,
    "feed": feed_files,
    "html": html_files,
    "api": api_requests,
}

# --- the checks --------------------------------------------------------------------------


@dataclass
class Outcome:
    """What one input gave: articles read, analysed, refused, and broken promises."""

    articles: list[Article] = field(default_factory=list)
    bad: list[str] = field(default_factory=list)  # their reasons
    refused: str = ""  # the InputError's reason
    analysed: int = 0
    problems: list[str] = field(default_factory=list)


def check_input(suffix: str, data: bytes, analyse: bool = True) -> Outcome:
    """Write the input to a file, read it through ingest, analyse its articles; or, for
    an API path, send it as the body of a POST."""
    if suffix.startswith("/api/"):
        return check_api_request(suffix, data)
    with tempfile.TemporaryDirectory(prefix="eventwatch-fuzz-") as folder:
        path = str(Path(folder) / f"input{suffix}")
        Path(path).write_bytes(data)
        outcome = check_reading(path)
    if analyse and outcome.articles:
        check_analysis(outcome)
    return outcome


def check_reading(path: str) -> Outcome:
    outcome = Outcome()
    try:
        items = list(read_path(path, published="2024-03-05"))
    except InputError as err:
        outcome.refused = _kind_of_reason(str(err).removeprefix(f"{path}: "))
        _expect(outcome, _one_line(str(err)) and str(err).startswith(f"{path}: "), f"InputError message: {err!r}")
        return outcome
    except Exception as err:  # the promise under test: nothing else escapes
        outcome.problems.append(f"reading raised {err!r}")
        return outcome
    for item in items:
        if isinstance(item, BadArticle):
            outcome.bad.append(_kind_of_reason(item.reason))
            _expect(outcome, _one_line(item.reason) and item.origin.startswith(path), f"BadArticle: {item!r}")
        elif isinstance(item, Article):
            outcome.articles.append(item)
            outcome.problems.extend(article_problems(item))
        else:
            outcome.problems.append(f"reading yielded {item!r}")
    return outcome


API_STATUSES = {200, 400, 413, 415, 422}


def check_api_request(path: str, body: bytes) -> Outcome:
    """The promises of the API: a 200 with records of the contract, or a 4xx whose detail
    is one line; never an exception (the test client re-raises any that escapes)."""
    outcome = Outcome()
    try:
        response = _api_client().post(path, content=body, headers={"Content-Type": "application/json"})
    except Exception as err:
        outcome.problems.append(f"the server raised {err!r}")
        return outcome
    answer = response.json()
    if response.status_code != 200:
        outcome.refused = f"{response.status_code} {_api_reason_kind(str(answer.get('detail')))}"
        _expect(outcome, response.status_code in API_STATUSES, f"status {response.status_code}: {answer}")
        _expect(outcome, isinstance(answer.get("detail"), str) and _one_line(answer["detail"]), f"detail: {answer}")
        return outcome
    if path == "/api/ingest":
        outcome.bad = [_api_reason_kind(reason) for reason in answer["bad"]]
        _expect(outcome, all(_one_line(reason) for reason in answer["bad"]), f"reasons: {answer['bad']}")
        outcome.analysed = answer["articles"] + answer["skipped"]
        return outcome
    outcome.analysed = 1
    outcome.problems.extend(_served_record_problems(json.loads(body)["text"], answer))
    return outcome


def _served_record_problems(text: str, record: dict[str, Any]) -> list[str]:
    """The served record against the contract, its spans against the body the server coded."""
    from eventwatch.ingest import check_article

    article = check_article(Article(body=text))
    if not isinstance(article, Article) or article.id != record["article"]["id"]:
        return [f"served article {record['article']['id'][:12]} is not the checked text"]
    body = article.body
    spans = [*record["quotes"], *(e["evidence"] for e in record["events"]), *record["entities"]]
    problems = [f"span {s} is not the body's slice" for s in spans
                if not 0 <= s["start"] <= s["end"] <= len(body) or body[s["start"]:s["end"]] != s["text"]]
    return problems + [f"contract: {e.message}" for e in sorted(_validator().iter_errors(record), key=str)[:3]]


@lru_cache(maxsize=1)
def _api_client() -> Any:
    """A test client of the app over a fresh store in a temporary folder, ingest allowed,
    no rate limit; open for the rest of the process."""
    from fastapi.testclient import TestClient

    from eventwatch.api import Settings, create_app
    from eventwatch.store import open_store

    folder = Path(tempfile.mkdtemp(prefix="eventwatch-fuzz-api-"))
    open_store(folder / "fuzz.duckdb").close()
    settings = Settings(db=str(folder / "fuzz.duckdb"), allowed_hosts=("testserver",), allow_ingest=True, rate_limit=0)
    client = TestClient(create_app(settings))
    client.__enter__()
    return client


def article_problems(article: Article) -> list[str]:
    """The promises ingest makes about every Article it hands on."""
    body = article.body
    problems = {
        "body not normalised": normalise_body(body) != body,
        "body without words": not any(ch.isalpha() for ch in body),
        "control character in a text field": any(
            _has_control(value) for value in (body, article.title, article.source, article.url) if value
        ),
        "body over the size limit": article.chars > max_article_chars(),
        "id is not the body's SHA-256": article.id != hashlib.sha256(body.encode()).hexdigest(),
        "language is not English": article.language != "en",
        "published date out of range": bool(article.published and date_out_of_range(article.published)),
    }
    return [f"{what}: {article.origin}" for what, broken in problems.items() if broken]


def check_analysis(outcome: Outcome) -> None:
    """Run the pipeline on the articles read; every result checked against the contract."""
    from eventwatch.pipeline import extract

    results = list(extract(outcome.articles))
    _expect(outcome, len(results) == len(outcome.articles), "pipeline lost or added results")
    for article, result in zip(outcome.articles, results):
        if isinstance(result, BadArticle):
            outcome.problems.append(f"analysis failed: {result.reason}")
            continue
        outcome.analysed += 1
        _expect(outcome, result.article is article, "result for another article")
        outcome.problems.extend(result_problems(result))


def result_problems(result: ArticleResult) -> list[str]:
    """Offsets inside the body, each span's text its slice, the record valid JSON of the contract."""
    body = result.article.body
    spans = [
        *(("quote", q.text, q.start, q.end) for q in result.quotes),
        *(("evidence", e.evidence.text, e.evidence.start, e.evidence.end) for e in result.events),
        *(("entity", m.text, m.start, m.end) for m in result.entities),
    ]
    problems = [
        f"{kind} {text!r} at {start}:{end} is not the body's slice {body[start:end]!r}"
        for kind, text, start, end in spans
        if not 0 <= start <= end <= len(body) or body[start:end] != text
    ]
    record = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    errors = sorted(_validator().iter_errors(record), key=str)
    problems.extend(f"contract: {error.message}" for error in errors[:3])
    return problems


@lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema

    return jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def _expect(outcome: Outcome, holds: bool, problem: str) -> None:
    if not holds:
        outcome.problems.append(problem)


def _kind_of_reason(reason: str) -> str:
    """"malformed JSON: Expecting value ..." -> "malformed JSON", for counting."""
    return _REASON_KIND.match(reason).group().strip()


def _api_reason_kind(detail: str) -> str:
    """ "article 2: not English (detected fr)" -> "not English"; "body articles[1].text: Input
    should be ..." -> "body articles[n].text"."""
    detail = re.sub(r"^(text|article \d+): ", "", detail)
    return re.sub(r"\[\d+\]", "[n]", detail).split(" (")[0].split(": ")[0]


def _one_line(message: str) -> bool:
    return bool(message.strip()) and "\n" not in message and "\r" not in message


def _has_control(text: str) -> bool:
    return any(ord(ch) < 32 and ch not in "\t\n\x0b\x0c\r" or 0x7F <= ord(ch) <= 0x9F for ch in text)


# --- growth with size ---------------------------------------------------------------------

LEAD = "Officials in Kessel said on Monday that the talks would resume. "
# Texts that grow with n, each a way of packing in quotation marks: time per doubling of
# n should double (linear), not quadruple.
SCALING_SHAPES: dict[str, Callable[[int], str]] = {
    "run of n marks": lambda n: LEAD + '"' * n + " " + LEAD,
    "n marks apart": lambda n: LEAD + " ".join('"' for _ in range(n)),
    "n/2 quoted words": lambda n: LEAD + " and ".join('"talks"' for _ in range(n // 2)),
    "n/2 quotes with a cue, one sentence": lambda n: LEAD + " ".join(f'"We will go," he said "{i}' for i in range(n // 2)),
    "n/2 quoted sentences": lambda n: LEAD + " ".join(f'"We will go {i}," he said.' for i in range(n // 2)),
    "n/2 dash attributions, one line": lambda n: LEAD + " ".join(f'"We go {i}" \u2014 General Ivan Petrov,' for i in range(n // 2)),
    "n/2 quotes by pronoun, two names each": lambda n: LEAD + " ".join(
        f'Ivan Petrov met Anna Sokolova. "We go {i}," she said.' for i in range(n // 2)),
}


def scaling(sizes: list[int]) -> None:
    """Seconds per stage for each shape at each size, and the growth per step of the
    parse and of the quote stage (x2 per doubling is linear, x4 quadratic)."""
    from eventwatch.pipeline import extract_text

    extract_text(LEAD)  # load the model and data before timing
    for name, shape in SCALING_SHAPES.items():
        previous: dict[str, float] | None = None
        for n in sizes:
            seconds = _stage_seconds(Article(body=shape(n), published="2024-03-05"))
            line = ", ".join(f"{stage} {time:6.2f} s" for stage, time in seconds.items())
            if previous is not None:
                line += "  growth " + ", ".join(
                    f"{stage} x{seconds[stage] / max(previous[stage], 1e-3):.1f}" for stage in ("parse", "quotes"))
            print(f"{name:38s} n={n:6d}: {line}", flush=True)
            previous = seconds


def _stage_seconds(article: Article) -> dict[str, float]:
    """The pipeline's stages one by one, as eventwatch.pipeline.analyse runs them, timed."""
    from eventwatch.actors import find_actors
    from eventwatch.events import find_events
    from eventwatch.nlp import parse
    from eventwatch.quotes import find_quotes
    from eventwatch.when_where import date_and_place

    seconds: dict[str, float] = {}

    def timed(stage: str, run: Callable[[], Any]) -> Any:
        started = time.perf_counter()
        result = run()
        seconds[stage] = time.perf_counter() - started
        return result

    doc = timed("parse", lambda: next(parse([article.body])))
    actors = timed("actors", lambda: find_actors(doc, on=article.published))
    quotes = timed("quotes", lambda: find_quotes(doc, actors))
    events = timed("events", lambda: find_events(doc, actors, quotes))
    timed("when/where", lambda: date_and_place(doc, events, article, actors))
    return seconds


# --- the long run --------------------------------------------------------------------------


@dataclass
class Tally:
    inputs: int = 0
    refused: Counter[str] = field(default_factory=Counter)
    articles: int = 0
    bad: Counter[str] = field(default_factory=Counter)
    analysed: int = 0
    failures: list[tuple[str, tuple[str, bytes], list[str]]] = field(default_factory=list)


def run(kinds: Iterable[str], inputs: int, seed: int, analyse: bool, verbose: bool, progress: int = 0) -> Tally:
    """`inputs` generated inputs of each kind; never stops at a failure. With `progress`,
    a line of the tally so far every that many inputs."""
    tally = Tally()
    started = time.perf_counter()
    for kind in kinds:
        trial = given(INPUTS[kind]())(_trial(tally, kind, analyse, verbose, progress, started))
        settled = settings(
            max_examples=inputs, database=None, deadline=None, phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )(trial)
        with_seed(seed)(settled)()
    return tally


def _trial(
    tally: Tally, kind: str, analyse: bool, verbose: bool, progress: int, started: float
) -> Callable[[tuple[str, bytes]], None]:
    def trial(sample: tuple[str, bytes]) -> None:
        outcome = check_input(*sample, analyse=analyse)
        tally.inputs += 1
        tally.refused.update([outcome.refused] if outcome.refused else [])
        tally.articles += len(outcome.articles)
        tally.bad.update(outcome.bad)
        tally.analysed += outcome.analysed
        if outcome.problems:
            tally.failures.append((kind, sample, outcome.problems))
        if verbose or outcome.problems:
            print(_describe(tally.inputs, kind, sample, outcome), flush=True)
        if progress and tally.inputs % progress == 0:
            print(f"  ... {_summary(tally, time.perf_counter() - started)} (now {kind})", flush=True)

    return trial


def _summary(tally: Tally, seconds: float) -> str:
    return (f"{tally.inputs} inputs tried in {seconds:.0f} s; {tally.refused.total()} refused with a message, "
            f"{tally.articles} articles read, {tally.bad.total()} bad articles skipped with a message, "
            f"{tally.analysed} analysed; {len(tally.failures)} failures")


def _describe(number: int, kind: str, sample: tuple[str, bytes], outcome: Outcome) -> str:
    suffix, data = sample
    what = f"refused ({outcome.refused})" if outcome.refused else f"{len(outcome.articles)} articles, {len(outcome.bad)} bad"
    line = f"{number:6d} {kind:5s} {suffix or '(none)':7s} {len(data):6d} bytes: {what} {data[:70]!r}"
    return line + "".join(f"\n       FAILED: {problem}" for problem in outcome.problems)


def _save(failures: list[tuple[str, tuple[str, bytes], list[str]]], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number, (kind, (suffix, data), problems) in enumerate(failures, start=1):
        (folder / f"{number:03d}-{kind}{suffix or '.noext'}").write_bytes(data)
        (folder / f"{number:03d}-{kind}.problems.txt").write_text("\n".join(problems) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=500, help="generated inputs per kind (default 500)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--kind", choices=[*INPUTS, "all"], nargs="+", default=["all"], help="kinds of input (default all)")
    parser.add_argument("--progress", type=int, default=0, metavar="N", help="a line of the tally every N inputs")
    parser.add_argument("--no-analysis", action="store_true", help="read only; do not run the pipeline")
    parser.add_argument("--verbose", "-v", action="store_true", help="one line per input tried")
    parser.add_argument("--save", type=Path, default=Path("test-artifacts/fuzz"), help="where failing inputs go")
    parser.add_argument("--scaling", type=int, nargs="*", metavar="N", help="time pathological texts at these sizes instead")
    args = parser.parse_args(argv)
    if args.scaling is not None:
        scaling(args.scaling or [250, 500, 1000])
        return 0
    kinds = list(INPUTS) if "all" in args.kind else args.kind
    started = time.perf_counter()
    tally = run(kinds, args.inputs, args.seed, not args.no_analysis, args.verbose, args.progress)
    print(f"fuzz seed {args.seed} ({', '.join(kinds)}): {_summary(tally, time.perf_counter() - started)}")
    for title, reasons in (("inputs refused", tally.refused), ("articles skipped", tally.bad)):
        print(f"  {title}: " + "; ".join(f"{reason} {count}" for reason, count in reasons.most_common()))
    if tally.failures:
        _save(tally.failures, args.save)
        print(f"failing inputs saved in {args.save}/")
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
