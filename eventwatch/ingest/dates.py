"""Publication dates as written in feeds and pages, to ISO YYYY-MM-DD."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime

_LEADING_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
# Publication dates outside this window are a feed's or a form's mistake ("0001-01-01",
# "9999-12-31"); kept, they would date every event in the article wrongly.
EARLIEST_PUBLISHED = date(1800, 1, 1)
_FUTURE_TOLERANCE = timedelta(days=7)  # time zones, clocks, embargoed stories


def iso_date(value: str | None) -> str | None:
    """The calendar date of an ISO 8601 or RFC 822 timestamp, else None.

    The date is the one written (local to the publisher), not converted to UTC,
    because it anchors "on Friday" in the article's own time zone.
    """
    value = (value or "").strip()
    if not value:
        return None
    return _from_iso(value) or _from_rfc822(value)


def _from_iso(value: str) -> str | None:
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        pass
    # "2024-03-05 10:00 UTC" and other ISO-led forms fromisoformat refuses.
    match = _LEADING_ISO_DATE.match(value)
    if not match:
        return None
    try:
        return date(*map(int, match.groups())).isoformat()
    except ValueError:
        return None


def _from_rfc822(value: str) -> str | None:
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        return None


def _latest_published() -> date:
    return date.today() + _FUTURE_TOLERANCE


def date_out_of_range(value: str) -> str | None:
    """Why an ISO publication date cannot be true, or None when it can."""
    day = date.fromisoformat(value)
    if day < EARLIEST_PUBLISHED:
        return f"published date {value} is before {EARLIEST_PUBLISHED.isoformat()}"
    if day > _latest_published():
        return f"published date {value} is in the future (after {_latest_published().isoformat()})"
    return None
