"""Ingest: files and standard input to Articles.

Formats: plain text, HTML pages, JSON Lines, RSS and Atom feeds; see read_path. Every
article passes check_article (words, length, date, English) before it is handed on.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from eventwatch.ingest.checks import MAX_ARTICLE_CHARS, check_article
from eventwatch.ingest.decode import (
    MAX_INPUT_BYTES,
    decode_text,
    read_file_bytes,
    read_stream_bytes,
)
from eventwatch.ingest.errors import BadArticle, InputError
from eventwatch.ingest.feeds import FEED_ROOTS, read_feed
from eventwatch.ingest.html import read_html
from eventwatch.ingest.jsonl import read_jsonl_file
from eventwatch.ingest.text import read_text
from eventwatch.records import Article

__all__ = [
    "MAX_ARTICLE_CHARS",
    "MAX_INPUT_BYTES",
    "BadArticle",
    "InputError",
    "check_article",
    "read_path",
    "read_paths",
]

STDIN = "-"
STDIN_ORIGIN = "<stdin>"

Reader = Callable[[str, str, str | None], Iterator[Article | BadArticle]]
_READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "feed": read_feed,
}
_STREAMED = "jsonl"  # read line by line from the file, never whole
# None: decide by looking at the content.
_FORMAT_BY_EXTENSION: dict[str, str | None] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": None,
    "": None,
}
_KNOWN_EXTENSIONS = tuple(ext for ext in _FORMAT_BY_EXTENSION if ext)
_HTML_ROOTS = frozenset({"html", "head", "body"})
_SNIFF_CHARS = 4096
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_HTML_DOCTYPE = re.compile(r"<!doctype\s+html", re.IGNORECASE)
# The first element's local name; "<?xml" and "<!DOCTYPE" do not match.
_FIRST_TAG = re.compile(r"<(?:[\w.-]+:)?([A-Za-z_][\w.-]*)")


def read_path(
    path: str, published: str | None = None, stdin: BinaryIO | None = None
) -> Iterator[Article | BadArticle]:
    """Articles from one input path ('-' = standard input, plain text).

    Raises InputError at the call, before anything is yielded, if the input as
    a whole is unusable. A bad item (of a batch, or the one article of a file) is
    yielded as a BadArticle. `published` (YYYY-MM-DD) is used when the input carries no date.
    """
    if path == STDIN:
        data = read_stream_bytes(stdin or sys.stdin.buffer, STDIN_ORIGIN)
        return _checked(read_text(decode_text(data, STDIN_ORIGIN), STDIN_ORIGIN, published))
    if _declared_format(path) == _STREAMED:
        return _checked(read_jsonl_file(path, published))
    text = decode_text(read_file_bytes(path), path)
    return _checked(_READERS[_format(path, text)](text, path, published))


def _checked(items: Iterator[Article | BadArticle]) -> Iterator[Article | BadArticle]:
    return (check_article(item) if isinstance(item, Article) else item for item in items)


def read_paths(
    paths: Iterable[str], published: str | None = None
) -> Iterator[Article | BadArticle | InputError]:
    """Several paths in order, directories expanded; a failing path yields its InputError."""
    for path in paths:
        try:
            files = _files(path)
        except InputError as err:
            yield err
            continue
        for file in files:
            yield from _articles_or_error(file, published)


def _articles_or_error(
    path: str, published: str | None
) -> Iterator[Article | BadArticle | InputError]:
    try:
        return read_path(path, published)
    except InputError as err:
        return iter([err])


def _files(path: str) -> list[str]:
    """The path itself, or a directory's files with known extensions, sorted, recursively."""
    root = Path(path)
    if path == STDIN or not root.is_dir():
        return [path]
    files = sorted(p for p in root.rglob("*") if _is_input_file(p, root))
    if not files:
        known = ", ".join(_KNOWN_EXTENSIONS)
        raise InputError(f"{path}: no input files in the directory ({known})")
    return [str(p) for p in files]


def _is_input_file(file: Path, root: Path) -> bool:
    """A file with a known extension, neither hidden nor inside a hidden directory."""
    relative = file.relative_to(root)
    return (
        file.is_file()
        and relative.suffix.lower() in _KNOWN_EXTENSIONS
        and not any(part.startswith(".") for part in relative.parts)
    )


def _declared_format(path: str) -> str | None:
    """The format the extension names; None when only the content can tell."""
    extension = Path(path).suffix.lower()
    if extension not in _FORMAT_BY_EXTENSION:
        known = ", ".join(_KNOWN_EXTENSIONS)
        raise InputError(f"{path}: unknown format ({extension}); known: {known}")
    return _FORMAT_BY_EXTENSION[extension]


def _format(path: str, text: str) -> str:
    found = _declared_format(path) or _sniff(text)
    if found:
        return found
    if Path(path).suffix.lower() == ".xml":
        raise InputError(f"{path}: unknown format (XML, but neither RSS, Atom nor HTML)")
    return "text"


def _sniff(text: str) -> str | None:
    """'feed' or 'html' for markup whose first element says so; None otherwise."""
    head = _COMMENT.sub("", text[:_SNIFF_CHARS]).lstrip("\ufeff \t\r\n")
    if not head.startswith("<"):
        return None
    if _HTML_DOCTYPE.match(head):
        return "html"
    first = _FIRST_TAG.search(head)
    name = first.group(1) if first else ""
    if name in FEED_ROOTS:
        return "feed"
    return "html" if name.lower() in _HTML_ROOTS else None
