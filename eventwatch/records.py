"""The output contract of ../shared/spec/records.md as dataclasses.

Every stage speaks in these records; `to_dict()` gives exactly the JSON shape of
the spec (extra fields are allowed by the spec, none are dropped).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal

QuoteKind = Literal["direct", "partial", "indirect"]
DatePrecision = Literal["day", "week", "month", "year"]


def flat_fields(record: Any) -> dict[str, Any]:
    """A dataclass of plain values as a dict, subclasses' fields included: what
    `dataclasses.asdict` gives, without its deep copy of every value (the store's writer
    calls this for every actor, modality and span)."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


@dataclass(frozen=True)
class Actor:
    """Who acts or speaks, resolved to a CAMEO-style code."""

    name: str
    mention: str
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    code: str = ""

    def with_mention(self, mention: str) -> Actor:
        return replace(self, mention=mention)

    def is_named(self) -> bool:
        """A state's or organisation's actor, or a named group ("Islamic State"), not one
        known only by its kind ("gunmen": code and sector alike)."""
        return bool(self.country or self.org or self.code and self.code != self.sector)

    def to_dict(self) -> dict[str, Any]:
        return flat_fields(self)


# spaCy's tokenizer strips punctuation off a space-free chunk one piece at a time, copying
# the rest each time: 8,000 '=' or "'s's..." take 5-20 s, 200,000 hours. Prose has no
# such chunks (a long URL is some 200 characters); a space after every MAX_CHUNK_CHARS
# characters of one bounds the cost.
MAX_CHUNK_CHARS = 200
_LONG_CHUNK = re.compile(r"\S{%d}(?=\S)" % MAX_CHUNK_CHARS)


def normalise_body(text: str) -> str:
    """The body text as EventWatch holds it: NFC, LF line ends, no trailing blanks, no
    run without a space longer than MAX_CHUNK_CHARS.

    Every Article's body is made so, whichever way it comes in (files, the library, the
    API). All offsets in the output refer to this string, and the article id hashes it,
    so the same article is recognised whatever path it arrives by.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\ufeff", "")
    lines = [line.rstrip() for line in text.split("\n")]
    # At most one blank line between paragraphs.
    kept: list[str] = []
    for line in lines:
        if not line and (not kept or not kept[-1]):
            continue
        kept.append(line)
    return _with_long_chunks_broken("\n".join(kept).strip())


def _with_long_chunks_broken(text: str) -> str:
    if all(len(chunk) <= MAX_CHUNK_CHARS for chunk in text.split()):  # linear; the pattern is not
        return text
    return _LONG_CHUNK.sub(r"\g<0> ", text)


def article_id(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


@dataclass
class Article:
    """One news article; `body` is normalised and is what every offset refers to."""

    body: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    language: str = "en"
    origin: str = ""  # where it came from ("file.jsonl:3"), for messages only
    id: str = field(init=False)

    def __post_init__(self) -> None:
        self.body = normalise_body(self.body)
        self.id = article_id(self.body)

    @property
    def chars(self) -> int:
        return len(self.body)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": self.published,
            "language": self.language,
            "chars": self.chars,
        }


@dataclass
class Mention:
    """A named entity as found by the parser, with its Actor where one resolves."""

    text: str
    start: int
    end: int
    label: str
    actor: Actor | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "actor": self.actor.to_dict() if self.actor else None,
        }


@dataclass
class Quote:
    id: str
    text: str
    kind: QuoteKind
    start: int
    end: int
    speaker: Actor | None
    cue: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue,
        }


@dataclass(frozen=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False

    def to_dict(self) -> dict[str, Any]:
        return flat_fields(self)


@dataclass(frozen=True)
class Evidence:
    text: str
    start: int
    end: int
    quote_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return flat_fields(self)


@dataclass(frozen=True)
class Location:
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return flat_fields(self)


@dataclass
class Event:
    id: str
    source: Actor
    target: Actor | None
    cameo: str
    cameo_root: str
    plover: str
    quad_class: int
    goldstein: float
    modality: Modality
    evidence: Evidence
    date: str | None = None
    date_precision: DatePrecision | None = None
    location: Location | None = None
    verb: str = ""  # the trigger word as written ("warned", "talks"); an extra field

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source.to_dict(),
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "plover": self.plover,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "date": self.date,
            "date_precision": self.date_precision,
            "location": self.location.to_dict() if self.location else None,
            "modality": self.modality.to_dict(),
            "evidence": self.evidence.to_dict(),
            "verb": self.verb,
        }


@dataclass
class ArticleResult:
    """Everything EventWatch extracts from one article."""

    article: Article
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    entities: list[Mention] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
            "entities": [m.to_dict() for m in self.entities],
        }
