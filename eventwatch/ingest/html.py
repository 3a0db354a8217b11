"""Web pages: the article's own text and metadata, without the page around it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import lxml.html
from lxml import etree

from eventwatch.ingest.dates import iso_date
from eventwatch.ingest.errors import InputError, Unreadable
from eventwatch.records import Article

# Never text of the article.
_NON_TEXT_TAGS = frozenset(
    {"head", "script", "style", "noscript", "template", "iframe", "svg", "button"}
)
# Page furniture, unless it wraps the story (ASP.NET pages put everything in a <form>).
_FURNITURE_TAGS = frozenset({"nav", "header", "footer", "aside", "form"})
# Whole words of class/id values that mark page furniture, not article text.
_BOILERPLATE_WORDS = frozenset(
    {
        "nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs",
        "footer", "share", "sharing", "social", "related", "trending", "recommended",
        "comment", "comments", "cookie", "cookies", "consent", "subscribe",
        "subscription", "newsletter", "advert", "adverts", "advertisement", "ad", "ads",
        "sponsored", "promo", "sidebar", "popup", "modal", "banner",
    }
)
_BOILERPLATE_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog"}
)
_NEVER_DROPPED = frozenset({"html", "body", "article", "main"})
_BLOCK_TAGS = ("p", "h2", "h3", "h4", "h5", "h6", "blockquote", "li")
_PARAGRAPH_BREAK = "\n\n"
# <br> survives whitespace collapsing as this character, then becomes "\n".
_LINE_BREAK = "\u2028"
_SPACE_RUN = re.compile(r"[ \t\n\r\f\v]+")
_CAMEL_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z])")
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_EMPTY_PAGE = "<html><body></body></html>"
# libxml2 stops reading at this depth and drops the rest of the page; no real page nests so deep.
MAX_MARKUP_DEPTH = 256
_RESOURCE_LIMIT = "ERR_RESOURCE_LIMIT"


def read_html(text: str, origin: str, published: str | None) -> Iterator[Article]:
    """One article from a page; InputError if no article text is left."""
    try:
        doc = parse_html(text)
    except Unreadable as err:
        raise InputError(f"{origin}: {err}") from None
    meta = _metadata(doc)
    body = _main_text(doc)
    if not body:
        raise InputError(f"{origin}: no article text found in the HTML")
    article = Article(
        body=body,
        title=meta.get("title"),
        source=meta.get("source"),
        url=meta.get("url"),
        published=meta.get("published") or published,
        origin=origin,
    )
    return iter([article])


def html_to_text(markup: str) -> str:
    """The main text of HTML (a page or a fragment), one paragraph per block."""
    return _main_text(parse_html(markup))


def parse_html(markup: str) -> lxml.html.HtmlElement:
    """lxml's forgiving parse; an empty page when there is no document at all.

    Unreadable when the parser gave up part-way (markup nested too deeply), rather than
    a page silently cut short.
    """
    parser = lxml.html.HTMLParser()
    try:
        doc = lxml.html.document_fromstring(_XML_DECLARATION.sub("", markup, count=1), parser=parser)
    except (etree.ParserError, ValueError):
        return lxml.html.document_fromstring(_EMPTY_PAGE)
    limit = next((e for e in parser.error_log if e.type_name == _RESOURCE_LIMIT), None)
    if limit is not None:
        if "depth" in limit.message.lower():
            raise Unreadable(f"markup nested more than {MAX_MARKUP_DEPTH} levels deep")
        raise Unreadable(f"markup beyond the parser's limits ({limit.message.strip()})")
    return doc


def _main_text(doc: lxml.html.HtmlElement) -> str:
    _drop_boilerplate(doc)
    container = _main_container(doc)
    for br in container.iter("br"):
        br.tail = _LINE_BREAK + (br.tail or "")
    blocks = [_block_text(el) for el in _innermost_blocks(container)]
    text = _PARAGRAPH_BREAK.join(b for b in blocks if b)
    return text or _block_text(container)


def _drop_boilerplate(doc: lxml.html.HtmlElement) -> None:
    page_chars = _paragraph_chars(doc)
    doomed = [el for el in doc.iter(etree.Element) if _is_boilerplate(el, page_chars)]
    for el in doomed:
        el.drop_tree()


def _is_boilerplate(el: lxml.html.HtmlElement, page_chars: int) -> bool:
    if el.tag in _NON_TEXT_TAGS:
        return True
    if el.tag in _NEVER_DROPPED or not _looks_like_furniture(el):
        return False
    # A wrapper like <div class="with-sidebar"> may hold the story itself.
    holds_story = next(el.iterdescendants("article", "main"), None) is not None
    return not holds_story and _paragraph_chars(el) * 2 <= page_chars


def _looks_like_furniture(el: lxml.html.HtmlElement) -> bool:
    return (
        el.tag in _FURNITURE_TAGS
        or (el.get("role") or "").strip().lower() in _BOILERPLATE_ROLES
        or not _BOILERPLATE_WORDS.isdisjoint(_words(el.get("class"), el.get("id")))
    )


def _words(*values: str | None) -> set[str]:
    """Lower-case words of class/id values: "siteNav main-menu" -> site, nav, main, menu."""
    joined = " ".join(_CAMEL_HUMP.sub(" ", v) for v in values if v)
    return set(_WORD_SPLIT.split(joined.lower())) - {""}


def _main_container(doc: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """<article>, else <main>, else the element whose own <p> children hold most text."""
    for tag in ("article", "main"):
        best = max(doc.iter(tag), key=_paragraph_chars, default=None)
        if best is not None and _paragraph_chars(best):
            return best
    densest = _densest_paragraph_parent(doc)
    return densest if densest is not None else doc


def _paragraph_chars(el: lxml.html.HtmlElement) -> int:
    return sum(len(p.text_content().strip()) for p in el.iter("p"))


def _densest_paragraph_parent(doc: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    chars: dict[lxml.html.HtmlElement, int] = {}
    for p in doc.iter("p"):
        parent = p.getparent()
        if parent is not None:
            chars[parent] = chars.get(parent, 0) + len(p.text_content().strip())
    return max(chars, key=chars.__getitem__, default=None)


def _innermost_blocks(container: lxml.html.HtmlElement) -> Iterator[lxml.html.HtmlElement]:
    """Blocks with no block inside, so a <blockquote><p> is one paragraph, not two."""
    for el in container.iter(*_BLOCK_TAGS):
        if next(el.iterdescendants(*_BLOCK_TAGS), None) is None:
            yield el


def _block_text(el: lxml.html.HtmlElement) -> str:
    text = _SPACE_RUN.sub(" ", el.text_content())
    return "\n".join(line.strip() for line in text.split(_LINE_BREAK)).strip()


def _metadata(doc: lxml.html.HtmlElement) -> dict[str, str | None]:
    """Title, published, source and url from meta tags and JSON-LD (read before cleaning)."""
    ld = _json_ld_article(doc)
    dates = [
        _meta(doc, "article:published_time"),
        _string(ld.get("datePublished")),
        *doc.xpath("//time/@datetime"),
        _meta(doc, "date"),
    ]
    return {
        "title": _meta(doc, "og:title") or _string(ld.get("headline")) or _title_tag(doc),
        "published": next((d for d in map(iso_date, dates) if d), None),
        "source": _meta(doc, "og:site_name") or _publisher_name(ld),
        "url": _first(doc.xpath("//link[@rel='canonical']/@href")) or _meta(doc, "og:url"),
    }


def _meta(doc: lxml.html.HtmlElement, key: str) -> str | None:
    contents = doc.xpath("//meta[@property=$k or @name=$k or @itemprop=$k]/@content", k=key)
    return _first(contents)


def _first(values: list[str]) -> str | None:
    return next((v for v in map(_clean, values) if v), None)


def _title_tag(doc: lxml.html.HtmlElement) -> str | None:
    title = doc.find("head/title")
    return _clean(title.text_content()) if title is not None else None


def _clean(value: str) -> str:
    return _SPACE_RUN.sub(" ", value).strip()


def _string(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return _clean(value) or None


def _publisher_name(ld: dict[str, Any]) -> str | None:
    publisher = ld.get("publisher")
    if isinstance(publisher, list):
        publisher = publisher[0] if publisher else None
    if isinstance(publisher, dict):
        return _string(publisher.get("name"))
    return _string(publisher)


def _json_ld_article(doc: lxml.html.HtmlElement) -> dict[str, Any]:
    """The first JSON-LD object that describes an article (has a headline or date)."""
    for script in doc.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content(), strict=False)
        except (ValueError, RecursionError):
            continue
        for obj in _json_ld_objects(data):
            if "headline" in obj or "datePublished" in obj:
                return obj
    return {}


def _json_ld_objects(data: Any) -> Iterator[dict[str, Any]]:
    """Top-level objects and those in a "@graph": where pages put their article."""
    for obj in data if isinstance(data, list) else [data]:
        if isinstance(obj, dict):
            yield obj
            graph = obj.get("@graph")
            if isinstance(graph, list):
                yield from (item for item in graph if isinstance(item, dict))
