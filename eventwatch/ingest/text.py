"""Plain text: the whole input is one article's body."""

from __future__ import annotations

from collections.abc import Iterator

from eventwatch.records import Article


def read_text(text: str, origin: str, published: str | None) -> Iterator[Article]:
    """One article; no title is guessed, a short first line stays body."""
    return iter([Article(body=text, published=published, origin=origin)])
