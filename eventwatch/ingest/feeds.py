"""RSS (0.9x, 1.0, 2.0) and Atom feeds: one article per item or entry."""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError, tostring

import defusedxml.ElementTree
from defusedxml import DefusedXmlException

from eventwatch.ingest.dates import iso_date
from eventwatch.ingest.errors import BadArticle, InputError, Unreadable
from eventwatch.ingest.html import MAX_MARKUP_DEPTH, html_to_text
from eventwatch.records import Article

FEED_ROOTS = frozenset({"rss", "RDF", "feed"})
# Namespaces are ignored: content:encoded is "encoded", dc:date is "date".
_BODY_FIELDS = ("encoded", "content", "description", "summary")
_DATE_FIELDS = ("pubDate", "published", "updated", "date")
_ITEM_TAGS = frozenset({"item", "entry"})
_LOOKS_LIKE_HTML = re.compile(r"<[a-zA-Z!/]")
_SPACE_RUN = re.compile(r"\s+")


def read_feed(text: str, origin: str, published: str | None) -> Iterator[Article | BadArticle]:
    """Parses the whole feed first, so malformed XML raises InputError before any item."""
    root = _parse(text, origin)
    channel = _child(root, "channel")
    try:
        feed_title = _inline_text(_child(channel if channel is not None else root, "title"))
    except Unreadable:
        feed_title = None  # a title beyond reading does not spoil the items
    # RSS 2.0 items sit in <channel>, RSS 1.0 items beside it, Atom entries in <feed>.
    parents = [el for el in (root, channel) if el is not None]
    items = [el for parent in parents for el in parent if _local(el.tag) in _ITEM_TAGS]
    return (
        _article(item, f"{origin} item {number}", feed_title, published)
        for number, item in enumerate(items, start=1)
    )


def _parse(text: str, origin: str) -> Element:
    try:
        root = defusedxml.ElementTree.fromstring(text)
    except DefusedXmlException:
        # Entity declarations are how "billion laughs" expansion bombs work.
        reason = "unsafe XML refused (entity declaration or external reference)"
        raise InputError(f"{origin}: {reason}") from None
    except ParseError as err:
        raise InputError(f"{origin}: malformed XML ({err})") from None
    if _local(root.tag) not in FEED_ROOTS:
        raise InputError(f"{origin}: not an RSS or Atom feed (root element <{_local(root.tag)}>)")
    return root


def _article(
    item: Element, origin: str, feed_title: str | None, published: str | None
) -> Article | BadArticle:
    try:
        body = next(filter(None, (_body_text(_child(item, name)) for name in _BODY_FIELDS)), "")
        title, source = _inline_text(_child(item, "title")), _item_source(item)
    except Unreadable as err:
        return BadArticle(origin, str(err))
    if not body:
        return BadArticle(origin, "no text (no content, description or summary)")
    dates = (iso_date(_child_text(item, name)) for name in _DATE_FIELDS)
    return Article(
        body=body,
        title=title,
        source=source or feed_title,
        url=_link(item),
        published=next(filter(None, dates), None) or published,
        origin=origin,
    )


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(parent: Element, name: str) -> Element | None:
    return next((el for el in parent if _local(el.tag) == name), None)


def _child_text(parent: Element, name: str) -> str | None:
    el = _child(parent, name)
    return el.text if el is not None else None


def _markup(el: Element) -> str:
    """The element's content as markup: escaped HTML arrives as text, Atom XHTML as elements.
    Unreadable when nested too deeply to serialise (and for the HTML parser to read)."""
    if _deeper_than(el, MAX_MARKUP_DEPTH):
        raise Unreadable(f"markup nested more than {MAX_MARKUP_DEPTH} levels deep")
    inner = [el.text or ""]
    for child in el:
        for node in child.iter():
            node.tag = _local(node.tag)  # <xhtml:p> -> <p>, so HTML parsing sees a paragraph
        inner.append(tostring(child, encoding="unicode", method="html"))
    return "".join(inner)


def _deeper_than(el: Element, limit: int) -> bool:
    """Whether the element has descendants more than `limit` levels down; level by
    level, without recursion."""
    level = [el]
    for _ in range(limit):
        level = [child for node in level for child in node]
        if not level:
            return False
    return True


def _body_text(el: Element | None) -> str:
    """Paragraphs kept: HTML through the page reader, plain text as written."""
    if el is None:
        return ""
    markup = _markup(el)
    return html_to_text(markup) if _LOOKS_LIKE_HTML.search(markup) else markup.strip()


def _inline_text(el: Element | None) -> str | None:
    """A one-line value (title, source name), tags and extra spaces removed."""
    text = _body_text(el)
    return _SPACE_RUN.sub(" ", text).strip() or None


def _item_source(item: Element) -> str | None:
    """Where an aggregated item first appeared: RSS <source>Name</source>, Atom <source><title>."""
    source = _child(item, "source")
    if source is None:
        return None
    return _inline_text(_child(source, "title") if len(source) else source)


def _link(item: Element) -> str | None:
    """RSS <link>text</link>, or Atom <link href> that is the alternate (not self/enclosure)."""
    for el in item:
        if _local(el.tag) != "link":
            continue
        if el.get("href") and el.get("rel", "alternate") == "alternate":
            return el.get("href").strip()
        if el.text and el.text.strip():
            return el.text.strip()
    return None
