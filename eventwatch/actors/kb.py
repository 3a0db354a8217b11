"""The actor knowledge base: countries, organisations and sector nouns, read from YAML.

The data lives in eventwatch/data/actors/ (format in its README.md); users add their
own files through `load_kb(extra_paths)` instead of editing code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import spacy
import yaml
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from eventwatch.records import Actor

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"
DEFAULT_FILES = ("countries.yaml", "organisations.yaml", "sectors.yaml")

Kind = Literal["name", "adjective", "capital", "seat", "org"]
NER_LABELS: dict[str, str] = {
    "name": "GPE",
    "adjective": "NORP",
    "capital": "GPE",
    "seat": "ORG",
    "org": "ORG",
}
CAPITAL_SECTOR = "GOV"  # a capital standing for its state means the government
IGO_SECTOR = "IGO"
NOT_ACTOR = "NOT_ACTOR"


@dataclass(frozen=True)
class Entry:
    """What a phrase of the knowledge base stands for."""

    actor: Actor
    kind: Kind
    adjective: str  # names composed actors: "Russian" + "troops"

    @property
    def label(self) -> str:
        return NER_LABELS[self.kind]


@dataclass(frozen=True)
class KBMatch:
    """A knowledge-base phrase found in a doc (token offsets, end exclusive)."""

    start: int
    end: int
    entry: Entry


def phrase_words(phrase: str) -> tuple[str, ...]:
    """Lower-case words of a sector phrase; hyphens split like spaCy does."""
    return tuple(re.findall(r"[^\s-]+", phrase.lower()))


def is_case_sensitive(phrase: str) -> bool:
    """Forms without lower-case letters ("US", "U.S.", "NATO") must match exactly."""
    return not any(char.islower() for char in phrase)


class ActorKB:
    """Phrases that name actors, and sector words, with matchers built once per vocab."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.entries: dict[str, Entry] = {}
        self.phrases: dict[str, list[str]] = {NOT_ACTOR: list(data.get("not_actors", []))}
        for country in data.get("countries", {}).values():
            self._add_country(country)
        for org in data.get("organisations", {}).values():
            self._add_organisation(org)
        self.sectors: dict[tuple[str, ...], str] = {
            phrase_words(phrase): sector
            for sector, phrases in data.get("sectors", {}).items()
            for phrase in phrases
        }
        self.longest_sector = max((len(words) for words in self.sectors), default=1)
        self.priority: list[str] = list(data.get("priority", []))
        self.honorifics: frozenset[str] = frozenset(h.lower() for h in data.get("honorifics", []))
        self.stance_prefixes: frozenset[str] = frozenset(p.lower() for p in data.get("stance_prefixes", []))
        self._matchers: dict[int, tuple[Vocab, PhraseMatcher, PhraseMatcher]] = {}

    def _add(self, key: str, entry: Entry, phrases: Iterable[str]) -> None:
        self.entries[key] = entry
        self.phrases[key] = [p for p in phrases if p]

    def _add_country(self, country: dict[str, Any]) -> None:
        code, name = country["code"], country["name"]
        adjectives = country.get("adjectives") or []
        adjective = adjectives[0] if adjectives else name
        state = Actor(name=name, mention=name, country=code, code=code)
        self._add(f"{code}/name", Entry(state, "name", adjective), [name, *country.get("aliases", [])])
        self._add(f"{code}/adjective", Entry(state, "adjective", adjective), adjectives)
        capitals = country.get("capitals") or []
        if capitals:
            capital = Actor(capitals[0], capitals[0], code, None, CAPITAL_SECTOR, code + CAPITAL_SECTOR)
            self._add(f"{code}/capital", Entry(capital, "capital", adjective), capitals)
        for seat, sector in (country.get("seats") or {}).items():
            actor = Actor(seat, seat, code, None, sector, code + sector)
            self._add(f"{code}/seat/{seat}", Entry(actor, "seat", adjective), [seat])

    def _add_organisation(self, org: dict[str, Any]) -> None:
        name = org["name"]
        short = org.get("org", name)
        actor = Actor(name, name, None, short, org.get("sector", IGO_SECTOR), org["code"])
        self._add(f"org/{name}", Entry(actor, "org", short), [name, *org.get("aliases", [])])

    def _matchers_for(self, vocab: Vocab) -> tuple[PhraseMatcher, PhraseMatcher]:
        """Exact (ORTH) and case-folded (LOWER) matchers, built on first use per vocab."""
        if id(vocab) not in self._matchers:
            tokenizer = spacy.blank("en", vocab=vocab).tokenizer
            exact, folded = PhraseMatcher(vocab, attr="ORTH"), PhraseMatcher(vocab, attr="LOWER")
            for key, phrases in self.phrases.items():
                for matcher, wanted in ((exact, True), (folded, False)):
                    patterns = [p for p in phrases if is_case_sensitive(p) == wanted]
                    if patterns:
                        matcher.add(key, list(tokenizer.pipe(patterns)))
            self._matchers[id(vocab)] = (vocab, exact, folded)
        return self._matchers[id(vocab)][1:]

    def match(self, doc: Doc) -> list[KBMatch]:
        """Actor phrases in `doc`; the longest wins, and not-actor names block their parts."""
        exact, folded = self._matchers_for(doc.vocab)
        spans = [Span(doc, start, end, label=key) for key, start, end in exact(doc)]
        spans += [
            Span(doc, start, end, label=key)
            for key, start, end in folded(doc)
            if any(token.text[:1].isupper() for token in doc[start:end])  # not "turkey", "china"
        ]
        return [
            KBMatch(span.start, span.end, self.entries[span.label_])
            for span in filter_spans(spans)
            if span.label_ != NOT_ACTOR and not self._follows_stance_prefix(span)
        ]

    def _follows_stance_prefix(self, span: Span) -> bool:
        """ "pro-Russian militants" take a side; they are not Russian actors."""
        before = span.doc[max(span.start - 2, 0) : span.start]
        return len(before) == 2 and before[1].text == "-" and before[0].lower_ in self.stance_prefixes

    def find_sectors(self, tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
        """Sector words in `tokens` as (first, last + 1, sector) indices into `tokens`.

        Longer phrases are tried first, so "defense minister" overrules "defense".
        """
        found: list[tuple[int, int, str]] = []
        i = 0
        while i < len(tokens):
            for size in range(min(self.longest_sector, len(tokens) - i), 0, -1):
                sector = self._sector_of(tokens[i : i + size])
                if sector:
                    found.append((i, i + size, sector))
                    i += size
                    break
            else:
                i += 1
        return found

    def _sector_of(self, tokens: Sequence[Token]) -> str | None:
        first = tuple(token.lower_ for token in tokens[:-1])
        last = tokens[-1]
        return self.sectors.get((*first, last.lower_)) or self.sectors.get((*first, last.lemma_.lower()))

    def strongest(self, sectors: Iterable[str]) -> str | None:
        """The sector that decides among several; unlisted sectors rank last."""
        rank = {sector: i for i, sector in enumerate(self.priority)}
        return min(sectors, key=lambda sector: rank.get(sector, len(rank)), default=None)


def _merge(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """A later entry adds to lists and mappings of an earlier one and overrides scalars."""
    merged = dict(old)
    for key, value in new.items():
        if isinstance(value, list):
            merged[key] = [*old.get(key, []), *value]
        elif isinstance(value, dict):
            merged[key] = {**old.get(key, {}), **value}
        else:
            merged[key] = value
    return merged


def read_data(paths: Iterable[Path]) -> dict[str, Any]:
    """Merge YAML files: countries by code, organisations by name, the rest by key."""
    data: dict[str, Any] = {"countries": {}, "organisations": {}, "sectors": {}}
    for path in paths:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        for country in raw.get("countries", []):
            code = country["code"]
            data["countries"][code] = _merge(data["countries"].get(code, {}), country)
        for org in raw.get("organisations", []):
            name = org["name"]
            data["organisations"][name] = _merge(data["organisations"].get(name, {}), org)
        for sector, phrases in (raw.get("sectors") or {}).items():
            data["sectors"][sector] = [*data["sectors"].get(sector, []), *phrases]
        for key in ("not_actors", "honorifics", "stance_prefixes"):
            data[key] = [*data.get(key, []), *raw.get(key, [])]
        if "priority" in raw:
            data["priority"] = raw["priority"]
    return data


@lru_cache(maxsize=8)
def _cached_kb(extra_paths: tuple[Path, ...]) -> ActorKB:
    return ActorKB(read_data([*(DATA_DIR / name for name in DEFAULT_FILES), *extra_paths]))


def load_kb(extra_paths: Iterable[str | Path] = ()) -> ActorKB:
    """The shipped knowledge base plus the user's YAML files, loaded once per set of files."""
    return _cached_kb(tuple(Path(p).resolve() for p in extra_paths))
