"""When/where stage: the date each event happened and its place.

First level: an event is dated to its article's publication date (precision
"day"), and its place is left unknown. Later work resolves "on Friday", "last
week", "in November" and places against a gazetteer, in this module.
"""

from __future__ import annotations

from dataclasses import replace

from eventwatch.records import Article, Event


def date_and_place(events: list[Event], article: Article) -> list[Event]:
    published = publication_day(article.published)
    precision = "day" if published else None
    return [replace(e, date=published, date_precision=precision) for e in events]


def publication_day(published: str | None) -> str | None:
    """The YYYY-MM-DD part of an ISO publication date or datetime."""
    if not published or len(published) < 10:
        return None
    return published[:10]
