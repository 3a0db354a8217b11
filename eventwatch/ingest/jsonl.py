"""JSON Lines: one article per line, {"text": ..., "title"?, "published"?, "url"?, "source"?}.

A file is read line by line, so an archive of any size is read in the memory of one line;
the size limit (EVENTWATCH_MAX_INPUT_BYTES) applies to each line.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from eventwatch.ingest.dates import iso_date
from eventwatch.ingest.decode import (
    UTF16_BOMS,
    bounded_lines,
    decode_bytes,
    decode_text,
    looks_binary,
    max_input_bytes,
    open_file,
    read_file_bytes,
    unreadable_file,
)
from eventwatch.ingest.errors import BadArticle, InputError, Unreadable
from eventwatch.records import Article

_OPTIONAL_FIELDS = ("title", "published", "url", "source")
# JSON's \ud800 escapes can leave half a surrogate pair in a string, which UTF-8 cannot hold.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_REPLACEMENT = "\ufffd"
_HEAD_BYTES = 8192  # what binary data is recognised by
_LEADING_SPACE = b" \t\r\n\xef\xbb\xbf"  # and the UTF-8 byte order mark


def read_jsonl_file(path: str, published: str | None) -> Iterator[Article | BadArticle]:
    """Articles in line order, streamed. InputError at the call when the file cannot be
    opened, holds no line, or starts with binary data; a bad line is a BadArticle."""
    stream = open_file(path)
    try:
        head = stream.peek(_HEAD_BYTES)[:_HEAD_BYTES]
        if head.startswith(UTF16_BOMS):
            stream.close()  # JSON Lines are UTF-8; a UTF-16 file is read whole, within the limit
            return read_jsonl(decode_text(read_file_bytes(path), path), path, published)
        if looks_binary(head) and not head.lstrip(_LEADING_SPACE).startswith(b"{"):
            raise InputError(f"{path}: binary data, not text")  # a file that starts as JSON has bad lines at worst
        lines = enumerate(bounded_lines(stream), start=1)
        first = next(((n, line) for n, line in lines if line is None or not _blank(line)), None)
        if first is None:
            raise InputError(f"{path}: empty input")
    except OSError as err:
        stream.close()
        raise unreadable_file(path, err) from None
    except InputError:
        stream.close()
        raise
    return _streamed(stream, itertools.chain([first], lines), path, published)


def read_jsonl(text: str, origin: str, published: str | None) -> Iterator[Article | BadArticle]:
    """Articles in line order from text already read; a bad line becomes a BadArticle."""
    # Split on "\n" only: JSON strings may hold a raw U+2028, which splitlines() breaks on.
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield _article(line, f"{origin}:{number}", published)


def _streamed(
    stream: BinaryIO, lines: Iterator[tuple[int, bytes | None]], path: str, published: str | None
) -> Iterator[Article | BadArticle]:
    number = 0
    with stream:
        try:
            for number, raw in lines:
                item = _from_bytes(raw, f"{path}:{number}", published)
                if item is not None:
                    yield item
        except OSError as err:  # a disk or network file failing half-way
            yield BadArticle(f"{path}:{number + 1}", f"cannot read further ({err.strerror or err})")


def _from_bytes(raw: bytes | None, origin: str, published: str | None) -> Article | BadArticle | None:
    """One line's article, BadArticle, or None for a blank line."""
    if raw is None:
        return BadArticle(origin, f"line too long (over {max_input_bytes()} bytes)")
    if _blank(raw):
        return None
    try:
        return _article(decode_bytes(raw.rstrip(b"\r\n")), origin, published)
    except Unreadable as err:
        return BadArticle(origin, str(err))


def _blank(raw: bytes) -> bool:
    """Only spaces, the Unicode ones (no-break, ideographic) included."""
    return not raw.strip() or not raw.decode("utf-8", errors="replace").strip()


def _article(line: str, origin: str, published: str | None) -> Article | BadArticle:
    try:
        record = json.loads(line, strict=False)  # raw control characters in strings: check_article drops them
    except ValueError as err:
        return BadArticle(origin, f"malformed JSON: {err}")
    except RecursionError:
        return BadArticle(origin, "malformed JSON: nested too deeply")
    problem = _problem(record)
    if problem:
        return BadArticle(origin, problem)
    return Article(
        body=_valid_unicode(record["text"]),
        title=_valid_unicode(record.get("title") or None),
        source=_valid_unicode(record.get("source") or None),
        url=_valid_unicode(record.get("url") or None),
        published=iso_date(record.get("published")) or published,
        origin=origin,
    )


def _valid_unicode(value: str | None) -> str | None:
    return _LONE_SURROGATE.sub(_REPLACEMENT, value) if value else value


def _problem(record: Any) -> str | None:
    """Why a decoded line is not an article, or None."""
    if not isinstance(record, dict):
        return "not a JSON object"
    if not isinstance(record.get("text"), str) or not record["text"].strip():
        return "no 'text' (a non-empty string is required)"
    wrong = [f for f in _OPTIONAL_FIELDS if not isinstance(record.get(f) or "", str)]
    if wrong:
        return f"'{wrong[0]}' must be a string"
    if record.get("published") and not iso_date(record["published"]):
        # Better reported than silently replaced: it anchors relative event dates.
        return f"'published' is not a date: {record['published']!r}"
    return None
