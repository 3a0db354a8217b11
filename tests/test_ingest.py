"""Ingest: every input format to Articles, and every unusable input to one clear InputError."""

from __future__ import annotations

import io
import shutil
import time
from pathlib import Path

import pytest

from eventwatch.ingest import BadArticle, InputError, read_path, read_paths
from eventwatch.ingest.dates import iso_date
from eventwatch.records import Article

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"


def fixture(name: str) -> str:
    return str(FIXTURES / name)


def read_all(path: str, published: str | None = None) -> list[Article | BadArticle]:
    return list(read_path(path, published))


def write(tmp_path: Path, name: str, content: str | bytes) -> str:
    target = tmp_path / name
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")
    return str(target)


# --- plain text ---------------------------------------------------------------


def test_text_file_is_one_article_with_paragraphs_and_no_guessed_title():
    [article] = read_all(fixture("harbour_talks.txt"), published="2024-03-05")

    paragraphs = article.body.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0] == "Harbour talks resume"  # a short first line stays body
    assert paragraphs[3] == "Vesterland's delegation declined to comment."
    assert article.title is None
    assert article.published == "2024-03-05"
    assert article.origin == fixture("harbour_talks.txt")


def test_same_text_in_txt_and_jsonl_gives_the_same_article_id():
    [from_txt] = read_all(fixture("harbour_talks.txt"))
    from_jsonl = read_all(fixture("batch.jsonl"))[0]

    assert isinstance(from_jsonl, Article)
    assert from_jsonl.id == from_txt.id


def test_stdin_is_read_as_plain_text():
    stdin = io.BytesIO("Crowds gathered in the square.\r\n\r\nPolice watched.\r\n".encode())

    [article] = read_path("-", published="2024-05-01", stdin=stdin)

    assert article.body == "Crowds gathered in the square.\n\nPolice watched."
    assert article.origin == "<stdin>"
    assert article.published == "2024-05-01"


def test_empty_stdin_is_an_input_error():
    with pytest.raises(InputError, match=r"^<stdin>: empty input$"):
        read_path("-", stdin=io.BytesIO(b""))


# --- HTML ---------------------------------------------------------------------


HTML_BODY = (
    "The main road crossing between Aldova and Brenmark reopened on Monday, three days after "
    "a storm washed away part of the approach.\n\n"
    "Engineers worked through the weekend to lay a temporary surface,\n"
    "the transport ministry said.\n\n"
    "Traders relieved\n\n"
    '"Every day it stayed shut cost us money," said a fruit exporter waiting in the queue.\n\n'
    "The ministry listed three priorities for the coming weeks:\n\n"
    "a permanent repair of the bridge approach\n\n"
    "extra customs staff at peak hours"
)


def test_html_keeps_the_article_paragraphs_only():
    [article] = read_all(fixture("article.html"))

    assert article.body == HTML_BODY


@pytest.mark.parametrize(
    "boilerplate",
    [
        "cookies",  # cookie banner
        "Sport",  # navigation
        "Share on social",  # share bar inside the article
        "Related stories",
        "Storm damage tops estimates",  # a related-stories list item
        "Most read",  # aside
        "Copyright",  # footer
        "dataLayer",  # scripts
        "renderAd",
        "position: fixed",  # style
    ],
)
def test_html_drops_boilerplate(boilerplate: str):
    [article] = read_all(fixture("article.html"))

    assert boilerplate not in article.body


def test_html_metadata_from_json_ld_and_canonical_link():
    [article] = read_all(fixture("article.html"), published="2000-01-01")

    assert article.title == "Border crossing reopens after storm"  # JSON-LD headline, not <title>
    assert article.published == "2024-03-05"
    assert article.source == "The Valley Courier"
    assert article.url == "https://courier.example/news/border-crossing-reopens"


def test_html_open_graph_metadata_wins(tmp_path: Path):
    page = """<html><head>
      <meta property="og:title" content="Mayor resigns">
      <meta property="og:site_name" content="North Star">
      <meta property="og:url" content="https://star.example/mayor">
      <meta property="article:published_time" content="2023-11-30T22:10:00-05:00">
      <script type="application/ld+json">
        {"headline": "Other", "datePublished": "2020-01-01"}
      </script>
      <title>Mayor resigns - North Star</title>
    </head><body><article>
      <p>The mayor of Linden resigned on Thursday.</p>
    </article></body></html>"""

    [article] = read_all(write(tmp_path, "mayor.html", page))

    assert (article.title, article.source, article.url) == (
        "Mayor resigns",
        "North Star",
        "https://star.example/mayor",
    )
    assert article.published == "2023-11-30"  # the publisher's local date, not UTC


def test_html_date_from_time_element_and_title_tag(tmp_path: Path):
    page = """<html><head><title>Dockers walk out</title></head><body>
      <p>Dockers in Sarn walked out at dawn,
         <time datetime="2024-02-14T06:00">on Wednesday</time>.</p>
    </body></html>"""

    [article] = read_all(write(tmp_path, "dock.htm", page), published="2000-01-01")

    assert article.title == "Dockers walk out"
    assert article.published == "2024-02-14"


def test_html_without_article_uses_the_element_with_most_paragraph_text(tmp_path: Path):
    page = """<html><body>
      <div class="top"><p>Breaking</p></div>
      <div class="story">
        <p>Voters in the Ostrava district chose a new council on Sunday.</p>
        <p>Turnout was the highest in a decade, officials said.</p>
      </div>
      <div class="bottom"><p>More news</p></div>
    </body></html>"""

    [article] = read_all(write(tmp_path, "vote.html", page), published="2024-06-02")

    assert article.body == (
        "Voters in the Ostrava district chose a new council on Sunday.\n\n"
        "Turnout was the highest in a decade, officials said."
    )
    assert article.published == "2024-06-02"


def test_html_wrapper_with_a_furniture_word_is_kept_when_it_holds_the_story(tmp_path: Path):
    page = """<html><body><form id="aspnetForm"><div class="layout with-sidebar">
      <p>The port authority raised fees for cargo ships on Monday.</p>
      <div class="sidebar"><p>Weather: rain</p></div>
    </div></form></body></html>"""

    [article] = read_all(write(tmp_path, "port.html", page))

    assert article.body == "The port authority raised fees for cargo ships on Monday."


def test_malformed_html_is_read_without_raising(tmp_path: Path):
    page = "<html><body><p>Talks stalled <b>again<p>on Friday, aides said.</td></div></html"

    [article] = read_all(write(tmp_path, "broken.html", page))

    assert article.body == "Talks stalled again\n\non Friday, aides said."


def test_html_with_no_article_text_is_an_input_error(tmp_path: Path):
    page = "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body>"
    path = write(tmp_path, "menu.html", page)

    with pytest.raises(InputError, match=r"menu\.html: no article text found in the HTML$"):
        read_path(path)


# --- JSON Lines ---------------------------------------------------------------


def test_jsonl_yields_good_articles_in_order_and_bad_lines_as_bad_articles():
    path = fixture("batch.jsonl")

    items = read_all(path, published="2024-01-01")

    assert [type(item).__name__ for item in items] == [
        "Article",
        "BadArticle",
        "BadArticle",
        "Article",
    ]
    first, malformed, textless, last = items
    assert (first.title, first.source, first.url, first.published, first.origin) == (
        "Harbour talks resume",
        "Kessel Gazette",
        "https://gazette.example/harbour",
        "2024-03-05",
        f"{path}:1",
    )
    assert malformed.origin == f"{path}:3"
    assert malformed.reason.startswith("malformed JSON: ")
    assert textless == BadArticle(f"{path}:4", "no 'text' (a non-empty string is required)")
    assert last.origin == f"{path}:5"
    assert last.published == "2024-01-01"
    assert last.body.split("\n\n")[1] == "Police said the road reopened by evening."


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('["not", "an", "object"]', "not a JSON object"),
        ('{"text": "   "}', "no 'text' (a non-empty string is required)"),
        ('{"text": "Rain fell.", "title": ["a", "b"]}', "'title' must be a string"),
        (
            '{"text": "Rain fell.", "published": "last week"}',
            "'published' is not a date: 'last week'",
        ),
    ],
)
def test_jsonl_line_problems_are_reported(tmp_path: Path, line: str, reason: str):
    path = write(tmp_path, "one.jsonl", line + "\n")

    assert read_all(path) == [BadArticle(f"{path}:1", reason)]


def test_jsonl_published_datetime_becomes_a_date(tmp_path: Path):
    line = '{"text": "Rain fell.", "published": "2022-07-22T18:05:00Z"}'
    path = write(tmp_path, "dated.jsonl", line)

    [article] = read_all(path, published="2000-01-01")

    assert article.published == "2022-07-22"


# --- RSS and Atom -------------------------------------------------------------


def test_rss_items_become_articles_and_an_item_without_body_a_bad_article():
    path = fixture("wire.xml")

    dam, ferry, gallery = read_all(path, published="2000-01-01")

    assert dam.body == (
        "The regional council ordered an inspection of the Orvik dam on Tuesday.\n\n"
        '"Safety comes first," council chair Mara Ilic said.'
    )  # content:encoded wins over the teaser description; the share link is dropped
    assert (dam.title, dam.url, dam.published, dam.source, dam.origin) == (
        "Dam inspection ordered",
        "https://wire.example/dam-inspection",
        "2024-03-05",
        "Riverside Wire",
        f"{path} item 1",
    )
    assert ferry.body == (
        "Ferry crews returned to work on Wednesday after a two-day strike.\n\n"
        "The union accepted a pay offer."
    )
    assert ferry.published == "2024-03-06"
    assert gallery == BadArticle(f"{path} item 3", "no text (no content, description or summary)")


def test_atom_entries_become_articles():
    path = fixture("bulletin.atom")

    budget, envoy = read_all(path)

    assert budget.title == "Parliament approves budget"  # HTML title, tags removed
    assert budget.body == (
        "Lawmakers approved the annual budget on Thursday by 88 votes to 61.\n\n"
        "The opposition called it a missed chance."
    )
    assert (budget.url, budget.published, budget.source) == (
        "https://bulletin.example/budget",
        "2024-03-07",
        "Capital Bulletin",
    )
    assert envoy.body == (  # XHTML content
        "The government recalled its envoy to Tarsia for consultations.\n\nNo reason was given."
    )
    assert envoy.url == "https://bulletin.example/envoy"  # the alternate link, not rel="self"
    assert envoy.published == "2024-03-06"  # <updated> when there is no <published>
    assert envoy.origin == f"{path} item 2"


def test_rss_item_plain_text_source_and_default_date(tmp_path: Path):
    feed = """<rss version="2.0"><channel><title>Aggregator</title>
      <item><title>Quake hits coast</title><source url="https://coast.example">Coast Radio</source>
        <description>A moderate quake shook the coast overnight.

No damage was reported.</description></item>
    </channel></rss>"""

    [article] = read_all(write(tmp_path, "agg.rss", feed), published="2024-04-09")

    assert article.body == "A moderate quake shook the coast overnight.\n\nNo damage was reported."
    assert article.source == "Coast Radio"
    assert article.published == "2024-04-09"


def test_feed_without_extension_is_sniffed(tmp_path: Path):
    path = str(tmp_path / "latest")
    shutil.copy(fixture("wire.xml"), path)

    items = read_all(path)

    assert [item.origin for item in items] == [f"{path} item {n}" for n in (1, 2, 3)]


def test_xml_extension_holding_html_is_read_as_a_page(tmp_path: Path):
    page = "<!DOCTYPE html><html><body><article><p>Snow closed the pass.</p></article></body>"

    [article] = read_all(write(tmp_path, "page.xml", page))

    assert article.body == "Snow closed the pass."


def test_xml_that_is_not_a_feed_is_an_input_error(tmp_path: Path):
    path = write(tmp_path, "config.xml", "<?xml version='1.0'?><settings><a>1</a></settings>")

    expected = r"config\.xml: unknown format \(XML, but neither RSS, Atom nor HTML\)$"
    with pytest.raises(InputError, match=expected):
        read_path(path)


def test_malformed_feed_is_an_input_error(tmp_path: Path):
    path = write(tmp_path, "cut.xml", "<rss><channel><title>Cut off</title><item><title>x</item>")

    with pytest.raises(InputError, match=r"cut\.xml: malformed XML \(mismatched tag: line 1"):
        read_path(path)


def test_billion_laughs_is_refused_at_once():
    started = time.monotonic()

    with pytest.raises(InputError, match=r"laughs\.xml: unsafe XML refused"):
        read_path(fixture("laughs.xml"))

    assert time.monotonic() - started < 2


# --- decoding -----------------------------------------------------------------


def test_latin1_file_decodes():
    [article] = read_all(fixture("latin1.txt"))

    assert article.body == (
        "Officials in Zürich said on Monday that talks with Genève would go ahead."
    )


def test_windows_1252_curly_quotes_decode():
    [article] = read_all(fixture("cp1252.txt"))

    assert article.body == (
        "The mayor said \u201cwe will rebuild\u201d and thanked volunteers"
        " \u2013 it\u2019s been a long week."
    )


def test_utf8_with_bom_and_truncated_last_character(tmp_path: Path):
    data = "\ufeffTalks in Zürich ended \u201cwell\u201d".encode()[:-1]

    [article] = read_all(write(tmp_path, "cut.txt", data))

    assert article.body == "Talks in Zürich ended \u201cwell"


def test_utf16_with_bom_is_text_not_binary(tmp_path: Path):
    data = "The envoy left Genève.".encode("utf-16")

    [article] = read_all(write(tmp_path, "wide.txt", data))

    assert article.body == "The envoy left Genève."


# --- unusable inputs ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing.txt", "no such file"),
        ("empty.txt", "empty input"),
        ("blank.txt", "empty input"),
        ("photo.txt", "binary data, not text"),
        ("corpus", "is a directory"),
    ],
)
def test_unusable_input_raises_one_line_input_error_at_the_call(name: str, message: str):
    with pytest.raises(InputError) as raised:
        read_path(fixture(name))  # not iterated: the error comes before any article

    assert str(raised.value) == f"{fixture(name)}: {message}"


def test_unknown_extension_is_an_input_error(tmp_path: Path):
    path = write(tmp_path, "report.pdf", "%PDF-1.7 but written as text")

    with pytest.raises(InputError, match=r"report\.pdf: unknown format \(\.pdf\); known: \.txt, "):
        read_path(path)


def test_size_limit_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("EVENTWATCH_MAX_INPUT_BYTES", "100")
    path = write(tmp_path, "long.txt", "word " * 40)

    with pytest.raises(InputError, match=r"long\.txt: too large \(200 bytes > 100\)$"):
        read_path(path)
    with pytest.raises(InputError, match=r"^<stdin>: too large \(> 100 bytes\)$"):
        read_path("-", stdin=io.BytesIO(b"word " * 40))


# --- several paths ------------------------------------------------------------


def test_read_paths_expands_directories_and_reports_failures_in_place():
    corpus = FIXTURES / "corpus"

    items = list(read_paths([str(corpus), fixture("missing.txt"), fixture("harbour_talks.txt")]))

    assert [getattr(item, "origin", None) for item in items[:3]] == [
        str(corpus / "a.txt"),
        str(corpus / "regional" / "b.txt"),
        str(corpus / "regional" / "c.jsonl") + ":1",
    ]  # sorted; notes.md and the hidden .cache directory are skipped
    assert isinstance(items[3], InputError)
    assert str(items[3]) == f"{fixture('missing.txt')}: no such file"
    assert items[4].origin == fixture("harbour_talks.txt")
    assert len(items) == 5


def test_read_paths_reports_a_directory_without_inputs(tmp_path: Path):
    (tmp_path / "notes.md").write_text("not news")

    [error] = read_paths([str(tmp_path)])

    assert isinstance(error, InputError)
    assert str(error).startswith(f"{tmp_path}: no input files in the directory (.txt, .html")


# --- dates --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Tue, 05 Mar 2024 17:40:00 +0100", "2024-03-05"),
        ("Wed, 06 Mar 2024 09:00:00 GMT", "2024-03-06"),
        ("2024-03-07T10:30:00+02:00", "2024-03-07"),
        ("2024-03-06T23:30:00Z", "2024-03-06"),
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05 10:00 UTC", "2024-03-05"),
        ("yesterday", None),
        ("2024-13-45", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_date(value: str | None, expected: str | None):
    assert iso_date(value) == expected
