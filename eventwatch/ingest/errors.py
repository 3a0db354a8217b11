"""What ingest reports when an input, or one item of a batch, cannot be used."""

from __future__ import annotations

from dataclasses import dataclass


class InputError(Exception):
    """An input that cannot be used at all.

    str(err) is one line naming the input and the problem, ready for the CLI
    to print: "missing.txt: no such file".
    """


class Unreadable(ValueError):
    """Bytes or markup that cannot be turned into text; str(err) is the reason alone.

    Internal: the reader that knows the input's name turns it into an InputError
    (a whole file) or a BadArticle (one item of a batch).
    """


@dataclass(frozen=True)
class BadArticle:
    """One unusable item inside a batch; reading goes on after it."""

    origin: str  # "batch.jsonl:3", "feed.xml item 2"
    reason: str  # one line
