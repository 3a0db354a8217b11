"""JSON Lines: one article per line, {"text": ..., "title"?, "published"?, "url"?, "source"?}."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from eventwatch.ingest.dates import iso_date
from eventwatch.ingest.errors import BadArticle
from eventwatch.records import Article

_OPTIONAL_FIELDS = ("title", "published", "url", "source")


def read_jsonl(text: str, origin: str, published: str | None) -> Iterator[Article | BadArticle]:
    """Articles in line order; a bad line becomes a BadArticle and the rest still come."""
    # Split on "\n" only: JSON strings may hold a raw U+2028, which splitlines() breaks on.
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield _article(line, f"{origin}:{number}", published)


def _article(line: str, origin: str, published: str | None) -> Article | BadArticle:
    try:
        record = json.loads(line)
    except ValueError as err:
        return BadArticle(origin, f"malformed JSON: {err}")
    problem = _problem(record)
    if problem:
        return BadArticle(origin, problem)
    return Article(
        body=record["text"],
        title=record.get("title") or None,
        source=record.get("source") or None,
        url=record.get("url") or None,
        published=iso_date(record.get("published")) or published,
        origin=origin,
    )


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
