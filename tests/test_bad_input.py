"""Bad input at the ingest layer: every class of trouble gets one clear line naming the
input (an InputError for a whole input, a BadArticle for one item), and what can be read
is read. The pipeline runs on what passes, and its offsets stay right."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import tracemalloc
from pathlib import Path

import pytest

from eventwatch.ingest import BadArticle, InputError, read_path, read_paths
from eventwatch.pipeline import extract
from eventwatch.records import MAX_CHUNK_CHARS, Article, ArticleResult

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "bad_input"
GOOD_TEXT = (FIXTURES / "kessel_port.txt").read_text(encoding="utf-8")
GOOD_BODY = Article(body=GOOD_TEXT).body
MARKUP_FORMATS = {
    ".txt": "{text}",
    ".html": "<html><body><article><p>{text}</p></article></body></html>",
    ".rss": "<rss><channel><item><description>{text}</description></item></channel></rss>",
    ".atom": '<feed xmlns="http://www.w3.org/2005/Atom"><entry><content>{text}</content></entry></feed>',
    ".jsonl": '{{"text": "{text}"}}',
}


def fixture(name: str) -> str:
    return str(FIXTURES / name)


def write(tmp_path: Path, name: str, content: str | bytes) -> str:
    target = tmp_path / name
    target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return str(target)


def read_all(path: str, published: str | None = None) -> list[Article | BadArticle]:
    return list(read_path(path, published))


def refused(path: str, stdin: bytes | None = None) -> str:
    """The one-line message of the InputError that the input raises at the call."""
    with pytest.raises(InputError) as raised:
        read_path(path, stdin=io.BytesIO(stdin) if stdin is not None else None)
    message = str(raised.value)
    assert "\n" not in message and message.startswith(f"{'<stdin>' if path == '-' else path}: ")
    return message.split(": ", 1)[1]


def only_bad(items: list[Article | BadArticle]) -> list[str]:
    assert all(isinstance(item, BadArticle) for item in items), items
    return [item.reason for item in items]


def analysed(articles: list[Article]) -> list[ArticleResult]:
    """The pipeline's results, each checked: no failure, every span its body's slice."""
    results = list(extract(articles))
    for result in results:
        assert isinstance(result, ArticleResult), result
        body = result.article.body
        spans = [*result.quotes, *(e.evidence for e in result.events), *result.entities]
        for span in spans:
            assert 0 <= span.start <= span.end <= len(body)
            assert body[span.start : span.end] == span.text
    return results


# --- empty and whitespace only ---------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".html", ".jsonl", ".xml", ".rss", ".atom", ""])
@pytest.mark.parametrize("content", [b"", b"   \n\n\t \r\n", "\u00a0\n\u3000 \u2003".encode()], ids=["empty", "spaces", "unicode-spaces"])
def test_empty_and_whitespace_inputs_are_refused_as_empty(tmp_path, suffix, content):
    assert refused(write(tmp_path, f"nothing{suffix}", content)) == "empty input"


@pytest.mark.parametrize("content", [b"", b" \n\t\n"])
def test_empty_stdin_is_refused(content):
    assert refused("-", stdin=content) == "empty input"


@pytest.mark.parametrize(
    "body", ["\u200b\u200b\ufeff\u2060", "1234 5678 !!! ...", "\U0001f642 \U0001f1fa\U0001f1e6 \u2014 \u00b2"]
)
@pytest.mark.parametrize("suffix", [".txt", ".jsonl"])
def test_text_without_words_is_skipped_with_a_reason(tmp_path, body, suffix):
    content = json.dumps({"text": body}) if suffix == ".jsonl" else body
    items = read_all(write(tmp_path, f"wordless{suffix}", content))

    assert only_bad(items) == ["no words in the text (only digits, symbols or invisible characters)"]


# --- binary --------------------------------------------------------------------------------


BINARIES = {
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "gzip": gzip.compress(GOOD_TEXT.encode() * 5, mtime=0),
    "nul-padded": b"\x00" * 64 + b"Ships can dock again",
    "control-noise": bytes([1, 2, 3, 4, 5, 6, 14, 15, 16, 27]) * 30 + b"text",
}


@pytest.mark.parametrize("suffix", [".txt", ".html", ".jsonl", ".xml", ".rss", ""])
@pytest.mark.parametrize("kind", BINARIES)
def test_binary_data_is_refused_in_every_format(tmp_path, suffix, kind):
    assert refused(write(tmp_path, f"blob{suffix}", BINARIES[kind])) == "binary data, not text"


def test_binary_stdin_is_refused():
    assert refused("-", stdin=BINARIES["png"]) == "binary data, not text"


def test_a_binary_line_inside_jsonl_is_one_bad_article(tmp_path):
    lines = [json.dumps({"text": GOOD_TEXT}).encode(), b"\x00\x01\x02 \x89PNG \x00", json.dumps({"text": GOOD_TEXT + " More."}).encode()]
    items = read_all(write(tmp_path, "mixed.jsonl", b"\n".join(lines)))

    assert [type(item).__name__ for item in items] == ["Article", "BadArticle", "Article"]
    assert items[1].reason == "binary data, not text" and items[1].origin.endswith("mixed.jsonl:2")


# --- truncated and stray UTF-8, Latin-1, Windows-1252 ------------------------------------------


def test_utf8_cut_at_any_byte_of_its_last_characters_keeps_what_came_before(tmp_path):
    data = (GOOD_TEXT.rstrip() + " Zürich \u2014 \u201cGenève\u201d \U0001f6a2").encode("utf-8")
    for cut in range(len(data) - 16, len(data)):
        [article] = read_all(write(tmp_path, f"cut{cut}.txt", data[:cut]))
        assert GOOD_BODY[:-1] in article.body
        assert "\ufffd" not in article.body and "Ã" not in article.body  # no mojibake


def test_utf8_with_a_few_stray_bytes_stays_utf8_with_replacements(tmp_path):
    text = GOOD_TEXT.replace("Kessel", "Kessel \u2014 Zürich")
    data = text.encode()
    damaged = data[:40] + b"\xff" + data[40:120] + b"\x93\x94" + data[120:]

    [article] = read_all(write(tmp_path, "stray.txt", damaged))

    assert article.body.count("\ufffd") == 3
    assert "\u201cShips can dock again, but slowly,\u201d" in article.body  # not decoded as a legacy encoding
    assert "Zürich" in article.body and "Ã" not in article.body


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
@pytest.mark.parametrize("suffix", [".txt", ".html", ".rss", ".atom", ".jsonl"])
def test_legacy_encodings_are_decoded_in_every_format(tmp_path, encoding, suffix):
    sentence = "Negotiators met in Zürich and Genève on Thursday, the mediator said."
    if encoding == "cp1252":
        sentence = "\u201cWe will meet again,\u201d the mediator said \u2013 in Zürich, not Genève."
    path = write(tmp_path, f"legacy{suffix}", MARKUP_FORMATS[suffix].format(text=sentence).encode(encoding))

    [article] = read_all(path)

    assert article.body == sentence


def test_windows_1252_feed_with_its_own_declaration():
    [article] = read_all(fixture("windows1252.rss"))

    assert article.title == "Farmers block road near Genève"
    assert "\u201cWe cannot sell below cost,\u201d said Zoë Marchetti" in article.body
    assert "Wednesday \u2013 the third" in article.body


def test_latin1_page_with_its_charset():
    [article] = read_all(fixture("latin1.html"))

    assert article.title == "Zürich talks" and article.body.startswith("Negotiators met in Zürich")


def test_utf16_jsonl_is_read_whole(tmp_path):
    data = codecs.BOM_UTF16_LE + (json.dumps({"text": GOOD_TEXT}, ensure_ascii=False) + "\n").encode("utf-16-le")

    [article] = read_all(write(tmp_path, "wide.jsonl", data))

    assert article.body == GOOD_BODY


# --- control characters ---------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".html", ".rss"])
def test_control_characters_never_reach_an_article(tmp_path, suffix):
    escaped = {".jsonl": "\\u001b[2J", ".html": "&#27;[2J", ".rss": ""}.get(suffix, "\x1b[2J")
    text = f"The harbour {escaped}master\x07 said\x9b the port\x0b reopened on Tuesday."
    path = write(tmp_path, f"controls{suffix}", MARKUP_FORMATS[suffix].format(text=text))

    [article] = read_all(path)

    assert " ".join(article.body.replace("[2J", "").split()) == "The harbour master said the port reopened on Tuesday."
    assert not any(ord(ch) < 32 and ch != "\n" or 0x7F <= ord(ch) <= 0x9F for ch in article.body)


def test_control_characters_are_removed_from_titles_too(tmp_path):
    line = json.dumps({"text": GOOD_TEXT, "title": "\x1b]0;owned\x07Port reopens\x1b[0m", "source": "\x9bWire"})

    [article] = read_all(write(tmp_path, "titles.jsonl", line))

    assert article.title == "]0;ownedPort reopens[0m" and article.source == "Wire"


# --- mixed scripts ------------------------------------------------------------------------------------


def test_mixed_scripts_are_read_and_analysed_with_exact_offsets(nlp):
    [article] = read_all(fixture("mixed_scripts.txt"), published="2023-06-06")

    [result] = analysed([article])

    assert article.language == "en"
    assert "\u00ab\u041c\u044b \u043d\u0435" in article.body and "\u5916\u4ea4\u90e8" in article.body
    assert {"UKR", "RUS"} <= {m.actor.country for m in result.entities if m.actor}


def test_homoglyphs_bidi_controls_and_combining_marks_keep_offsets_exact(nlp, tmp_path):
    text = (
        "Russi\u0430 accused Ukr\u0430ine of shelling the dam, the ministry said on Monday. "  # Cyrillic a
        "\u202e\u201cWe did not,\u201d\u202c Kyiv replied. Zu\u0308rich and Gene\u0300ve offered talks.\u200f "
        "Za\u0337\u0322lgo te\u0335xt a\u0336n\u0334d \U0001f469\u200d\U0001f52c emoji stayed in the report."
    )
    [article] = read_all(write(tmp_path, "tricky.txt", text))

    [result] = analysed([article])

    assert "Zürich" in article.body  # NFC joined the combining mark
    assert any(q.text.startswith("We did not") for q in result.quotes)


# --- not English -----------------------------------------------------------------------------------------


def test_non_english_articles_are_skipped_naming_the_language():
    assert only_bad(read_all(fixture("french.txt"))) == ["not English (detected fr)"]
    assert only_bad(read_all(fixture("russian.html"))) == ["not English (detected ru)"]


def test_non_english_lines_of_a_batch_are_skipped_and_the_rest_read():
    items = read_all(fixture("multilingual.jsonl"))

    reasons = [item.reason for item in items if isinstance(item, BadArticle)]
    assert reasons == ["not English (detected de)", "not English (detected es)", "not English (detected ja)"]
    assert [item.origin.rsplit(":", 1)[1] for item in items if isinstance(item, Article)] == ["1", "5"]


def test_non_english_feed_items_are_skipped(tmp_path):
    items = "".join(
        f"<item><description>{text}</description></item>"
        for text in (GOOD_TEXT, "Le ministre a déclaré mardi que les négociations avec le pays voisin reprendraient la semaine prochaine.")
    )
    feed = write(tmp_path, "news.rss", f"<rss><channel>{items}</channel></rss>")

    good, bad = read_all(feed)

    assert good.body == GOOD_BODY
    assert bad == BadArticle(f"{feed} item 2", "not English (detected fr)")


# --- size: 50 MB files, long lines, long articles ------------------------------------------------------------


def sparse_file(path: Path, size: int) -> str:
    """A file of `size` bytes that takes no disk space (all NUL, but never read)."""
    with open(path, "wb") as out:
        out.truncate(size)
    return str(path)


@pytest.mark.parametrize("suffix", [".txt", ".html", ".xml", ".rss", ""])
def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path, suffix):
    path = sparse_file(tmp_path / f"huge{suffix}", 50_000_000)
    tracemalloc.start()
    try:
        message = refused(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert message == "too large (50000000 bytes > 20000000)"
    assert peak < 1_000_000  # nothing of the file was read


def test_50_mb_on_stdin_is_refused_after_the_limit(monkeypatch):
    monkeypatch.setenv("EVENTWATCH_MAX_INPUT_BYTES", "1000000")
    assert refused("-", stdin=b"word " * 10_000_000) == "too large (> 1000000 bytes)"


def test_a_50_mb_jsonl_archive_is_streamed_in_the_memory_of_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWATCH_MAX_INPUT_BYTES", "1000000")  # per line
    line = (json.dumps({"text": GOOD_TEXT, "published": "2024-03-05"}) + "\n").encode()
    path = tmp_path / "archive.jsonl"
    with open(path, "wb") as out:
        out.write(line * 1000)
        out.write(b'{"text": "' + b"x" * 49_000_000 + b'"}\n')  # one line of 49 MB
        out.write(line * 10)
    tracemalloc.start()
    try:
        counts = {"Article": 0, "BadArticle": 0}
        for item in read_path(str(path)):
            counts[type(item).__name__] += 1
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert counts == {"Article": 1010, "BadArticle": 1}
    assert peak < 5_000_000  # a few times the 1 MB line limit, never the 50 MB file


def test_an_over_long_line_is_one_bad_article_and_reading_goes_on(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWATCH_MAX_INPUT_BYTES", "2000")
    good = json.dumps({"text": GOOD_TEXT})
    path = write(tmp_path, "lines.jsonl", "\n".join([good, json.dumps({"text": "word " * 1000}), good + " "]))

    items = read_all(path)

    assert [type(item).__name__ for item in items] == ["Article", "BadArticle", "Article"]
    assert items[1] == BadArticle(f"{path}:2", "line too long (over 2000 bytes)")


def test_an_article_over_the_character_limit_is_skipped_with_the_limit_named(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWATCH_MAX_ARTICLE_CHARS", "300")
    [bad] = read_all(write(tmp_path, "long.txt", GOOD_TEXT * 2))

    assert bad.reason == f"too long ({len(Article(body=GOOD_TEXT * 2).body)} characters > 300; EVENTWATCH_MAX_ARTICLE_CHARS sets the limit)"


def test_limits_from_the_environment_must_be_positive_integers(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWATCH_MAX_ARTICLE_CHARS", "lots")
    with pytest.raises(ValueError, match="EVENTWATCH_MAX_ARTICLE_CHARS must be a positive integer, not 'lots'"):
        read_all(write(tmp_path, "a.txt", GOOD_TEXT))


# --- 10,000 quotation marks -------------------------------------------------------------------------------------


def test_a_run_of_10000_quotation_marks_is_broken_into_chunks_and_analysed(nlp, tmp_path):
    text = GOOD_TEXT.replace("Ships can dock", '"' * 10_000 + " Ships can dock")
    [article] = read_all(write(tmp_path, "marks.txt", text))

    [result] = analysed([article])

    assert article.body.count('"') == 10_000
    assert max(len(chunk) for chunk in article.body.split()) == MAX_CHUNK_CHARS
    assert any(q.text.startswith("The harbour authority in Kessel reopened") for q in result.quotes)


def test_10000_separate_quotation_marks_are_analysed(nlp, tmp_path):
    marks = " ".join("\u201c\u201d\"'\u00ab\u00bb\u2018\u2019"[i % 8] for i in range(10_000))
    [article] = read_all(write(tmp_path, "marks.txt", GOOD_TEXT + "\n\n" + marks + "\n\n" + GOOD_TEXT))

    [result] = analysed([article])

    assert sum(article.body.count(m) for m in "\u201c\u201d\"'\u00ab\u00bb\u2018\u2019") > 10_000
    assert result.article is article


# --- long runs without a space: the same body on every path ----------------------------------------------------

# 8,000 characters without a space that spaCy's tokenizer would take seconds on, whole.
SPACE_FREE = "=" * 4_000 + "-." * 2_000
LONG_RUN_TEXT = GOOD_TEXT.replace("Ships can dock", f"Notice: {SPACE_FREE} Ships can dock")


def body_by_path(path: str, tmp_path: Path) -> tuple[str, list[ArticleResult]]:
    """The body (and results, where the path gives them) of LONG_RUN_TEXT coming in by `path`."""
    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from eventwatch.api import Settings, create_app
    from eventwatch.cli import app as cli
    from eventwatch.nlp import parse
    from eventwatch.pipeline import analyse, extract_text
    from eventwatch.store import open_store

    if path in ("text file", "JSON line"):
        name, content = ("long.txt", LONG_RUN_TEXT) if path == "text file" else ("long.jsonl", json.dumps({"text": LONG_RUN_TEXT}))
        [article] = read_all(write(tmp_path, name, content))
        return article.body, analysed([article])
    if path == "stdin":
        [article] = list(read_path("-", stdin=io.BytesIO(LONG_RUN_TEXT.encode())))
        return article.body, analysed([article])
    if path == "library extract_text":
        result = extract_text(LONG_RUN_TEXT)
        return result.article.body, [result]
    if path == "library analyse":
        article = Article(body=LONG_RUN_TEXT)
        return article.body, [analyse(article, next(parse([article.body])))]
    if path == "pipeline extract":
        [result] = list(extract([Article(body=LONG_RUN_TEXT)]))
        return result.article.body, [result]
    if path == "CLI extract":
        done = CliRunner().invoke(cli, ["extract", write(tmp_path, "long.txt", LONG_RUN_TEXT)])
        assert done.exit_code == 0, done.output
        return "", [json.loads(done.stdout)]
    db = tmp_path / "store.duckdb"
    open_store(db).close()
    with TestClient(create_app(Settings(db=str(db), allowed_hosts=("testserver",), allow_ingest=True))) as client:
        if path == "API extract":
            return "", [client.post("/api/extract", json={"text": LONG_RUN_TEXT}).json()]
        [stored] = client.post("/api/ingest", json={"articles": [{"text": LONG_RUN_TEXT}]}).json() and client.get("/api/articles").json()["items"]
        record = client.get(f"/api/articles/{stored['id']}").json()
        return record["body"], [record]


LONG_RUN_PATHS = ["text file", "JSON line", "stdin", "library extract_text", "library analyse", "pipeline extract",
                  "CLI extract", "API extract", "API ingest"]


@pytest.mark.parametrize("path", LONG_RUN_PATHS)
def test_long_runs_without_a_space_are_broken_alike_on_every_path(nlp, tmp_path, path):
    """One normalisation for every Article: the same body, so the same id and offsets,
    whichever way the text comes in; nothing but spaces added."""
    expected = Article(body=LONG_RUN_TEXT)
    body, results = body_by_path(path, tmp_path)
    for result in results:
        record = result.to_dict() if isinstance(result, ArticleResult) else result
        assert (record["article"]["id"], record["article"]["chars"]) == (expected.id, expected.chars)
        if body:
            assert body == expected.body
            assert all(body[s["start"]:s["end"]] == s["text"] for s in [*record["quotes"], *record["entities"]])
    assert max(len(chunk) for chunk in expected.body.split()) == MAX_CHUNK_CHARS
    assert "".join(expected.body.split()) == "".join(LONG_RUN_TEXT.split())
    assert SPACE_FREE not in expected.body


# --- deeply nested markup and JSON -------------------------------------------------------------------------------


def nested_page(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + f"<p>{GOOD_TEXT}</p>" + "</div>" * depth + "</body></html>"


@pytest.mark.parametrize("depth", [300, 100_000])
def test_html_nested_past_the_parser_limit_is_refused_not_cut_short(tmp_path, depth):
    assert refused(write(tmp_path, "deep.html", nested_page(depth))) == "markup nested more than 256 levels deep"


def test_html_nested_below_the_limit_is_read(tmp_path):
    [article] = read_all(write(tmp_path, "deep.html", nested_page(200)))

    assert article.body == GOOD_BODY.replace("\n\n", " ").replace("\n", " ")


@pytest.mark.parametrize("depth", [300, 50_000])
def test_deeply_nested_feed_item_is_one_bad_article(tmp_path, depth):
    deep = "<div>" * depth + "Deep words." + "</div>" * depth
    feed = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>'
        f'<entry><content type="xhtml">{deep}</content></entry>'
        f'<entry><content type="html">&lt;p&gt;{GOOD_TEXT}&lt;/p&gt;</content></entry></feed>'
    )
    bad, good = read_all(write(tmp_path, "deep.atom", feed))

    assert bad.reason == "markup nested more than 256 levels deep"
    assert good.body == GOOD_BODY.replace("\n\n", " ").replace("\n", " ")


def test_deeply_nested_escaped_html_in_a_feed_item_is_one_bad_article(tmp_path):
    deep = ("&lt;div&gt;" * 400) + "Deep words."
    feed = f"<rss><channel><item><description>{deep}</description></item><item><description>{GOOD_TEXT}</description></item></channel></rss>"

    bad, good = read_all(write(tmp_path, "deep.rss", feed))

    assert bad.reason == "markup nested more than 256 levels deep" and good.body == GOOD_BODY


def test_deeply_nested_json_is_one_bad_article(tmp_path):
    deep = '{"text": "x", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"
    path = write(tmp_path, "deep.jsonl", "\n".join([deep, json.dumps({"text": GOOD_TEXT})]))

    bad, good = read_all(path)

    assert bad == BadArticle(f"{path}:1", "malformed JSON: nested too deeply")
    assert good.body == GOOD_BODY


# --- malformed JSON and XML; entity expansion -----------------------------------------------------------------------


def test_every_malformed_json_line_is_named_and_the_good_ones_read():
    path = fixture("broken.jsonl")
    items = read_all(path)

    assert [(item.origin.rsplit(":", 1)[1], item.reason.split(":")[0]) for item in items if isinstance(item, BadArticle)] == [
        ("1", "malformed JSON"),
        ("2", "not a JSON object"),
        ("3", "not a JSON object"),
        ("4", "no 'text' (a non-empty string is required)"),
        ("5", "no 'text' (a non-empty string is required)"),
        ("6", "no 'text' (a non-empty string is required)"),
        ("8", "'published' is not a date"),
        ("9", "'title' must be a string"),
        ("10", "malformed JSON"),
    ]
    lone, last = [item for item in items if isinstance(item, Article)]
    assert lone.body == "The mayor said \ufffd the bridge would reopen on Friday."  # half a surrogate pair
    assert last.published == "2024-03-05"


def test_a_cut_off_feed_is_refused_with_the_position():
    assert refused(fixture("cut_off.rss")) == "malformed XML (unclosed token: line 1, column 153)"


@pytest.mark.parametrize("name", ["laughs.atom", "xxe.rss"])
def test_entity_expansion_and_external_entities_are_refused(name):
    assert refused(fixture(name)) == "unsafe XML refused (entity declaration or external reference)"


def test_billion_laughs_in_an_xml_file_is_refused_without_expanding(tmp_path):
    laughs = (FIXTURES / "laughs.atom").read_text().replace("&d;", "&d;" * 1000)
    tracemalloc.start()
    try:
        message = refused(write(tmp_path, "bomb.xml", laughs))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert message.startswith("unsafe XML refused")
    assert peak < 5_000_000  # 10 GB had it been expanded


def test_entities_in_html_are_neither_expanded_nor_resolved():
    [article] = read_all(fixture("entities.html"))

    hostname = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").exists() else None
    assert "&secret;" in article.body and "&b;" in article.body
    assert not hostname or hostname not in article.body


# --- far past and far future ------------------------------------------------------------------------------------------


def test_publication_dates_that_cannot_be_true_are_skipped_with_the_date():
    reasons = only_bad(read_all(fixture("far_dates.jsonl"))[:3])

    assert reasons[0] == "published date 0001-01-01 is before 1800-01-01"
    assert reasons[1].startswith("published date 9999-12-31 is in the future (after ")
    assert reasons[2] == "published date 1799-12-31 is before 1800-01-01"


def test_far_dates_in_feeds_and_pages_are_skipped_too(tmp_path):
    past, future, fine = read_all(fixture("far_dates.atom"))
    page = nested_page(1).replace("<html>", '<html><head><meta property="article:published_time" content="9999-12-31T23:59:59Z"></head>')

    [from_page] = read_all(write(tmp_path, "future.html", page))

    assert past.reason == "published date 0001-01-01 is before 1800-01-01"
    assert future.reason.startswith("published date 9999-12-31 is in the future")
    assert fine.published == "2024-03-05"
    assert from_page.reason.startswith("published date 9999-12-31 is in the future")


def test_a_far_default_date_is_refused_for_every_article(tmp_path):
    items = read_all(write(tmp_path, "a.txt", GOOD_TEXT), published="0001-01-01")

    assert only_bad(items) == ["published date 0001-01-01 is before 1800-01-01"]


def test_far_dates_in_the_text_are_analysed(nlp):
    fine_jsonl = read_all(fixture("far_dates.jsonl"))[3]
    fine_atom = read_all(fixture("far_dates.atom"))[2]
    text = "The ministry said on 31 December 9999 it would meet next year, in the year 10000 and in 3000 BC."
    written = Article(body=text, published="2024-03-05")

    results = analysed([fine_jsonl, fine_atom, written])

    assert [r.article.published for r in results] == ["2024-03-05", "2024-03-05", "2024-03-05"]


# --- several paths -----------------------------------------------------------------------------------------------------


def test_a_folder_of_bad_inputs_yields_one_item_per_problem_and_every_good_article():
    items = list(read_paths([str(FIXTURES)]))

    errors = [str(item) for item in items if isinstance(item, InputError)]
    articles = [item for item in items if isinstance(item, Article)]
    assert [e.split(": ", 1)[0].rsplit("/", 1)[1] for e in errors] == ["cut_off.rss", "laughs.atom", "xxe.rss"]
    assert all("\n" not in e for e in errors)
    assert len(articles) == 11
    assert all(a.language == "en" for a in articles)
