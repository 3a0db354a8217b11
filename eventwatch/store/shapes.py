"""The JSON shapes of records.md that the store's columns hold, and the rest of a record.

Stages may add fields to a record (the spec welcomes extras: `verb`, `suspected`...);
what has no column of its own is kept as JSON in the row's `extra` column, so a stored
article reads back exactly as `ArticleResult.to_dict()` gave it.
"""

from __future__ import annotations

import json
from typing import Any

Spec = dict[str, "Spec | None"]

# An event's modality flags, each a column of `events`. `suspected` is an extension of
# records.md (the events stage sets it); a record without it stores NULL.
MODALITY_FLAGS = ("negated", "hypothetical", "future", "suspected")

ACTOR: Spec = dict.fromkeys(("name", "mention", "country", "org", "sector", "code"))
ARTICLE: Spec = dict.fromkeys(("id", "title", "source", "url", "published", "language", "chars"))
MENTION: Spec = {**dict.fromkeys(("text", "start", "end", "label")), "actor": ACTOR}
QUOTE: Spec = {**dict.fromkeys(("id", "text", "kind", "start", "end", "cue")), "speaker": ACTOR}
EVENT: Spec = {
    **dict.fromkeys(("id", "cameo", "cameo_root", "plover", "quad_class", "goldstein", "date", "date_precision", "verb")),
    "source": ACTOR,
    "target": ACTOR,
    "location": dict.fromkeys(("name", "country", "lat", "lon")),
    "modality": dict.fromkeys(MODALITY_FLAGS),
    "evidence": dict.fromkeys(("text", "start", "end", "quote_id")),
}


def extras(record: dict[str, Any], spec: Spec) -> dict[str, Any]:
    """The fields of `record` (nested too) that `spec` has no column for."""
    found: dict[str, Any] = {}
    for key, value in record.items():
        if key not in spec:
            found[key] = value
        elif spec[key] is not None and isinstance(value, dict):
            nested = extras(value, spec[key])
            if nested:
                found[key] = nested
    return found


def extras_json(record: dict[str, Any], spec: Spec) -> str | None:
    found = extras(record, spec)
    return json.dumps(found, ensure_ascii=False) if found else None


def with_extras(record: dict[str, Any], extra: str | None) -> dict[str, Any]:
    """`record` with a row's stored extras merged back in."""
    if extra:
        _merge(record, json.loads(extra))
    return record


def _merge(into: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


def modality_record(row: dict[str, Any]) -> dict[str, Any]:
    """A row's modality flags as the record had them: a NULL flag was never set."""
    return {flag: row[flag] for flag in MODALITY_FLAGS if row[flag] is not None}
