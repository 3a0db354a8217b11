"""The actor knowledge base: countries, organisations, people with dated roles, sector
nouns and referring words, read from data files.

The data lives in eventwatch/data/actors/ (format in its README.md); users add their
own files (YAML, a people table, or a TABARI dictionary) through `load_kb(extra_paths)`
or the EVENTWATCH_ACTORS variable instead of editing code.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import spacy
import yaml
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from eventwatch.actors.people import (
    STATELESS,
    ActorDataError,
    Role,
    RoleHolder,
    parse_role,
    pick,
    read_table,
    supersede,
)
from eventwatch.actors.tabari import LOWER_INSIDE, read_tabari
from eventwatch.records import Actor

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"
DEFAULT_FILES = (
    "countries.yaml",
    "countries_phoenix.json",  # other names and misspellings of the states, converted
    "international_phoenix.json",  # organisations and their officials, converted
    "organisations.yaml",
    "sectors_phoenix.json",  # agent nouns, converted; sectors.yaml, read after it, wins
    "sectors.yaml",
    "references.yaml",
    "places.yaml",
    "people_phoenix.tsv",
    "groups_phoenix.json",
    "people_since_2014.yaml",
)
USER_FILES_VARIABLE = "EVENTWATCH_ACTORS"  # files or folders, separated like PATH
YAML_SUFFIXES, JSON_SUFFIXES, TABLE_SUFFIXES, TABARI_SUFFIXES = (".yaml", ".yml"), (".json",), (".tsv",), (".txt",)

Kind = Literal["name", "adjective", "capital", "seat", "org", "person", "group", "place"]
NER_LABELS: dict[str, str] = {
    "name": "GPE",
    "adjective": "NORP",
    "capital": "GPE",
    "seat": "ORG",
    "org": "ORG",
    "person": "PERSON",
    "group": "ORG",
    "place": "GPE",  # a place of the gazetteer, found only as a spaCy entity
}
NAMED_KINDS: dict[str, Kind] = {"people": "person", "groups": "group"}  # sections of actors with roles
CAPITAL_SECTOR = "GOV"  # a capital standing for its state means the government
IGO_SECTOR = "IGO"
NOT_ACTOR = "NOT_ACTOR"
# An organisation's name written with capitals ("Human Rights Watch") must be written so in
# the text: "human rights watch" is a phrase. Its matches carry this mark on their key.
TITLED = "\tTITLED"
WORD = re.compile(r"[^\W_]+")  # a name is looked up by its last word
# A full name whose last word is spelt this much alike (difflib ratio) names the known person,
# for last words of this many letters or more ("Bouteflicka" for Bouteflika).
CLOSE_SPELLING = 0.88
MIN_CLOSE_SURNAME = 5


@dataclass(frozen=True)
class Entry:
    """What a phrase of the knowledge base stands for.

    The phrase of a person or group may name several namesakes; who is meant, and
    for whom they act, depends on the day (`ActorKB.holder_actor`).
    """

    actor: Actor
    kind: Kind
    adjective: str  # names composed actors: "Russian" + "troops"
    holders: tuple[RoleHolder, ...] = field(default=(), compare=False)

    @property
    def label(self) -> str:
        return NER_LABELS[self.kind]


@dataclass(frozen=True)
class KBMatch:
    """A knowledge-base phrase found in a doc (token offsets, end exclusive)."""

    start: int
    end: int
    entry: Entry


@dataclass(frozen=True)
class HomeState:
    """Which agents take the state of the article's dateline (places.yaml, `home_state`)."""

    sectors: frozenset[str] = frozenset()  # inherently domestic: police, parliament, courts
    words: frozenset[str] = frozenset()  # phrases with these words count whatever their sector
    over_references: bool = False  # "the government" takes the home state before the last state named
    sentence: bool = False  # without a dateline: the only state named in the sentence
    dateline_sectors: frozenset[str] = frozenset()  # home only by a dateline, never by the sentence

    @classmethod
    def of(cls, data: dict[str, Any]) -> HomeState:
        def words(key: str) -> frozenset[str]:
            return frozenset(w.lower() for w in data.get(key) or ())

        return cls(
            frozenset(data.get("sectors") or ()),
            words("words"),
            bool(data.get("over_references")),
            bool(data.get("sentence")),
            frozenset(data.get("dateline_sectors") or ()),
        )


@dataclass(frozen=True)
class PlaceSettings:
    """How places that are not states, locatives and context give actors a state (places.yaml)."""

    labels: frozenset[str] = frozenset()
    kinds: tuple[str, ...] = ()
    min_population: int = 0
    sector: str | None = None
    locatives: frozenset[str] = frozenset()
    demonym_sector: str | None = None
    ethnic_words: frozenset[str] = frozenset()
    context: str = "none"
    mislabelled: dict[str, frozenset[str]] = field(default_factory=dict)  # entity label -> place kinds
    home: HomeState = HomeState()
    mislabelled_after: frozenset[str] = frozenset()  # prepositions after which any mislabelled kind counts

    @classmethod
    def of(cls, data: dict[str, Any]) -> PlaceSettings:
        mislabelled = {label: frozenset(kinds or ()) for label, kinds in (data.get("mislabelled_places") or {}).items()}
        return cls(
            frozenset(data.get("place_labels") or ()),
            tuple(data.get("place_kinds") or ()),
            int(data.get("place_min_population") or 0),
            data.get("place_sector") or None,
            frozenset(w.lower() for w in data.get("locatives") or ()),
            data.get("demonym_sector") or None,
            frozenset(w.lower() for w in data.get("ethnic_words") or ()),
            data.get("state_from_context") or "none",
            mislabelled,
            HomeState.of(data.get("home_state") or {}),
            frozenset(w.lower() for w in data.get("mislabelled_after") or ()),
        )


# Sectors of a state's groups that "the group" may refer back to.
GROUP_SECTORS = frozenset({"REB", "OPP", "UAF", "CRM", "RAD", "IMG"})


@dataclass(frozen=True)
class Reference:
    """What a referring word ("the alliance", "its") may stand for: the most recent
    earlier actor of one of `kinds` (state, org, person), among `orgs` when listed."""

    kinds: frozenset[str]
    orgs: frozenset[str] = frozenset()

    def accepts(self, actor: Actor) -> bool:
        """Whether a state's or organisation's actor fits (people are matched by title); a
        `group` is an armed or opposition group of a state ("the paramilitary group")."""
        if actor.org:
            return "org" in self.kinds and (not self.orgs or actor.org in self.orgs)
        if "group" in self.kinds and actor.sector in GROUP_SECTORS and actor.is_named():
            return True  # a state's armed group, or one of no state ("Islamic State")
        return actor.country is not None and "state" in self.kinds


def phrase_words(phrase: str) -> tuple[str, ...]:
    """Lower-case words of a sector phrase; hyphens split like spaCy does."""
    return tuple(re.findall(r"[^\s-]+", phrase.lower()))


def is_titled(words: str | Span) -> bool:
    """Every word but the small ones ("of", "the") starts with a capital; in a doc, the
    part of a word after a hyphen ("Co-operation") need not."""
    if isinstance(words, str):
        texts = [w.split("-")[0] for w in words.split()]
    else:
        texts = [t.text for t in words if not (t.i > words.start and t.nbor(-1).text == "-" and not t.nbor(-1).whitespace_)]
    return all(w[:1].isupper() or w.lower() in LOWER_INSIDE or not w[:1].isalpha() for w in texts)


# Arabic articles written in lower case before a capitalised name: "al-Qaeda", "el-Sisi".
LOWER_NAME_ARTICLES = ("al-", "el-", "ad-", "ash-", "as-", "at-", "an-", "ar-")


def _starts_like_a_name(written: str) -> bool:
    """A name starts with a capital, or with a lower-case Arabic article before one."""
    if written[:1].isupper():
        return True
    if not written.startswith(LOWER_NAME_ARTICLES):  # one test for the ~1,000 candidates of an article
        return False
    article = next(a for a in LOWER_NAME_ARTICLES if written.startswith(a))
    return written[len(article) : len(article) + 1].isupper()


def is_case_sensitive(phrase: str) -> bool:
    """Forms without lower-case letters ("US", "U.S.", "NATO") must match exactly."""
    return not any(char.islower() for char in phrase)


class ActorKB:
    """Phrases that name actors, and sector words, with matchers built once per vocab."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.entries: dict[str, Entry] = {}
        self.phrases: dict[str, list[str]] = {NOT_ACTOR: list(data.get("not_actors", []))}
        self.adjectives: dict[str, str] = {}
        self.states: dict[str, Actor] = {}
        self.org_codes: dict[str, Actor] = {}
        self.org_actors: dict[str, Actor] = {}
        for country in data.get("countries", {}).values():
            self._add_country(country)
        for org in data.get("organisations", {}).values():
            self._add_organisation(org)
        self.names_by_last_word: dict[str, list[tuple[str, str]]] = {}
        self._by_first_word: dict[str, list[tuple[str, str]]] | None = None
        for section, kind in NAMED_KINDS.items():
            self._add_holders(data.get(section, {}).values(), kind)
        self._role_actors: dict[str, Actor] = {}
        self.sectors: dict[tuple[str, ...], str] = data.get("sectors", {})
        self.longest_sector = max((len(words) for words in self.sectors), default=1)
        self.priority: list[str] = list(data.get("priority", []))
        self.places = PlaceSettings.of(data)
        self.honorifics: frozenset[str] = frozenset(h.lower() for h in data.get("honorifics", []))
        self.stance_prefixes: frozenset[str] = frozenset(p.lower() for p in data.get("stance_prefixes", []))
        self.language_words: frozenset[str] = frozenset(w.lower() for w in data.get("language_words", []))
        self.former: frozenset[str] = frozenset(w.lower() for w in data.get("former", []))
        self.international: frozenset[str] = frozenset(w.lower() for w in data.get("international", []))
        self.unplaced_prefixes: dict[str, str] = dict(data.get("unplaced_prefixes") or {})
        self.definites: dict[str, Reference] = {
            word.lower(): Reference(frozenset(spec.get("kinds", [])), frozenset(spec.get("orgs", [])))
            for word, spec in (data.get("definites") or {}).items()
        }
        self.possessives: dict[str, Reference] = {
            word.lower(): Reference(frozenset(kinds)) for word, kinds in (data.get("possessives") or {}).items()
        }
        self.branch_nouns: frozenset[str] = frozenset(w.lower() for w in data.get("branch_nouns", []))
        self.relation_nouns: frozenset[str] = frozenset(w.lower() for w in data.get("relation_nouns", []))
        self.leading_participles: frozenset[str] = frozenset(w.lower() for w in data.get("leading_participles", []))
        self.backing_participles: frozenset[str] = frozenset(w.lower() for w in data.get("backing_participles", []))
        self.proxy_nouns: frozenset[str] = frozenset(w.lower() for w in data.get("proxy_nouns", []))
        self.other_party_nouns: frozenset[str] = frozenset(w.lower() for w in data.get("other_party_nouns", []))
        pairs = data.get("pairs") or {}
        self.pair_quantifiers: frozenset[str] = frozenset(w.lower() for w in pairs.get("quantifiers") or ())
        self.pair_nouns: frozenset[str] = frozenset(w.lower() for w in pairs.get("nouns") or ())
        self._matchers: dict[int, tuple[Vocab, PhraseMatcher, PhraseMatcher]] = {}

    def _add(self, key: str, entry: Entry, phrases: Iterable[str]) -> None:
        self.entries[key] = entry
        self.phrases[key] = [p for p in phrases if p]

    def _add_country(self, country: dict[str, Any]) -> None:
        code, name = country["code"], country["name"]
        adjectives = country.get("adjectives") or []
        adjective = adjectives[0] if adjectives else name
        self.adjectives[code] = adjective
        state = Actor(name=name, mention=name, country=code, code=code)
        self.states[code] = state
        self._add(f"{code}/name", Entry(state, "name", adjective), [name, *country.get("aliases", [])])
        self._add(f"{code}/adjective", Entry(state, "adjective", adjective), adjectives)
        # Peoples living mostly in this one state ("Yoruba", "Rohingya") name it as its adjectives do.
        self._add(f"{code}/people", Entry(state, "adjective", adjective), country.get("peoples") or [])
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
        self.org_codes.setdefault(org["code"], actor)
        self.org_actors.setdefault(short, actor)

    def _add_holders(self, holders: Iterable[dict[str, Any]], kind: Kind) -> None:
        """Index names by their last word; namesakes share one entry, told apart by date."""
        by_phrase: dict[str, list[RoleHolder]] = {}
        for rank, entry in enumerate(holders):
            holder = RoleHolder(entry["name"], entry.get("roles") or [], rank)
            for phrase in dict.fromkeys(p.strip() for p in [entry["name"], *(entry.get("aliases") or [])]):
                if phrase:
                    by_phrase.setdefault(phrase if is_case_sensitive(phrase) else phrase.lower(), []).append(holder)
        for phrase, namesakes in by_phrase.items():
            key = f"{kind}/{phrase}"
            self.entries[key] = Entry(Actor(namesakes[-1].name, phrase), kind, "", tuple(namesakes))
            last_word = WORD.findall(phrase.lower())[-1] if WORD.search(phrase) else phrase.lower()
            self.names_by_last_word.setdefault(last_word, []).append((phrase, key))
        for candidates in self.names_by_last_word.values():
            if len(candidates) > 1:
                candidates.sort(key=lambda candidate: -len(candidate[0]))

    def role_actor(self, holder: RoleHolder, role: Role, mention: str) -> Actor:
        """The actor someone is in a role: state and sector, or organisation, from the code."""
        if role.code not in self._role_actors:
            self._role_actors[role.code] = self._actor_of_code(role.code)
        return replace(self._role_actors[role.code], name=holder.name, mention=mention)

    def _actor_of_code(self, code: str) -> Actor:
        """RUSGOVMIL: Russia, GOV; IGOUNOKID: UNICEF (the longest known prefix), IGO;
        MEAREB: a region's rebels, no state."""
        prefix = code[:3]
        if prefix.startswith(STATELESS):
            known = (self.org_codes.get(code[:n]) for n in range(len(code), 2, -1))
            org = next((actor for actor in known if actor), None)
            return Actor("", "", None, org.org if org else None, prefix, code)
        country = prefix if prefix in self.states else None
        return Actor("", "", country, None, code[3:6] or None, code)

    def by_surname(self, surname: str, day: dt.date | None) -> Entry | None:
        """The one person of the knowledge base with this last name in office on `day`
        ("President Mugabe" when the dictionaries list only "Robert Mugabe"; "Dos Santos"
        for "Jose Eduardo dos Santos")."""
        words = WORD.findall(surname.lower())
        if day is None or not words:
            return None
        tail = " ".join(words)
        keys = (
            key
            for phrase, key in self.names_by_last_word.get(words[-1], ())
            if key.startswith("person/") and " ".join(WORD.findall(phrase.lower())).endswith(" " + tail)
        )
        return self._sole_holder(keys, day, surname)

    def by_close_name(self, name: str, day: dt.date | None) -> Entry | None:
        """The one person in office on `day` whose name has the same first word and a last
        word spelt nearly alike: a misspelling ("Abdelaziz Bouteflicka", "Laurent Gbago")."""
        words = WORD.findall(name.lower())
        if day is None or len(words) < 2 or len(words[-1]) < MIN_CLOSE_SURNAME:
            return None
        keys = (
            key
            for last, key in self._people_by_first_word().get(words[0], ())
            if last != words[-1] and SequenceMatcher(None, last, words[-1]).ratio() >= CLOSE_SPELLING
        )
        return self._sole_holder(keys, day, name)

    def _sole_holder(self, keys: Iterable[str], day: dt.date, mention: str) -> Entry | None:
        """The person entry for `mention` when exactly one holder of these entries is in a dated
        role on `day`; None when none or several are."""
        found = {
            id(holder): holder
            for key in keys
            for holder in self.entries[key].holders
            if any(role.covers(day) for role in holder.roles if role.dated)
        }
        if len(found) != 1:
            return None
        holder = next(iter(found.values()))
        return Entry(Actor(holder.name, mention), "person", "", (holder,))

    def _people_by_first_word(self) -> dict[str, list[tuple[str, str]]]:
        """People's names of two words or more by first word: (last word, entry key)."""
        if self._by_first_word is None:
            self._by_first_word = {}
            for key in self.entries:
                if key.startswith("person/"):
                    words = WORD.findall(key.partition("/")[2].lower())
                    if len(words) >= 2:
                        self._by_first_word.setdefault(words[0], []).append((words[-1], key))
        return self._by_first_word

    def holder_actor(self, entry: Entry, day: dt.date | None, mention: str) -> Actor | None:
        """Who a person's or group's phrase names on `day`, acting in their role of that day."""
        found = holder_role(entry, day)
        return self.role_actor(*found, mention) if found else None

    def match_names(self, doc: Doc, text: str) -> list[Span]:
        """Names of people and groups in `doc`, whose `text` is passed in (costly to rebuild).

        Names are looked up by their last word, then compared as written, ignoring
        case unless they have no lower-case letter ("PKK"); a match must start with
        a capital ("Moon Jae-in", not "moon"), or an Arabic article before one
        ("al-Qaeda"), and fall on token boundaries.
        """
        spans = []
        for word in WORD.finditer(text):
            for phrase, key in self.names_by_last_word.get(word.group().lower(), ()):
                end = word.end() + phrase.endswith(".")
                start = end - len(phrase)
                written = text[max(start, 0) : end]
                if start < 0 or not _starts_like_a_name(written):
                    continue
                if (written if is_case_sensitive(phrase) else written.lower()) != phrase:
                    continue
                span = doc.char_span(start, end, label=key)
                if span is not None:
                    spans.append(span)
                    break
        return spans

    def _matchers_for(self, vocab: Vocab) -> tuple[PhraseMatcher, PhraseMatcher]:
        """Exact (ORTH) and case-folded (LOWER) matchers, built on first use per vocab."""
        if id(vocab) not in self._matchers:
            tokenizer = spacy.blank("en", vocab=vocab).tokenizer
            exact, folded = PhraseMatcher(vocab, attr="ORTH"), PhraseMatcher(vocab, attr="LOWER")
            for key, phrases in self.phrases.items():
                exact_patterns = [p for p in phrases if is_case_sensitive(p)]
                if exact_patterns:
                    exact.add(key, list(tokenizer.pipe(exact_patterns)))
                folded_patterns = [p for p in phrases if not is_case_sensitive(p)]
                titled = [p for p in folded_patterns if key.startswith("org/") and " " in p and is_titled(p)]
                for patterns, label in ((titled, key + TITLED), ([p for p in folded_patterns if p not in titled], key)):
                    if patterns:
                        folded.add(label, list(tokenizer.pipe(patterns)))
            self._matchers[id(vocab)] = (vocab, exact, folded)
        return self._matchers[id(vocab)][1:]

    def match(self, doc: Doc, text: str | None = None) -> list[KBMatch]:
        """Actor phrases in `doc`; the longest wins (a place or organisation over a person
        of the same length), and not-actor names block their parts."""
        exact, folded = self._matchers_for(doc.vocab)
        spans = [Span(doc, start, end, label=key) for key, start, end in exact(doc)]
        for key, start, end in folded(doc):
            words = doc[start:end]
            if not any(token.text[:1].isupper() for token in words):  # not "turkey", "china"
                continue
            label = doc.vocab.strings[key]
            if label.endswith(TITLED):
                if not is_titled(words):
                    continue
                label = label[: -len(TITLED)]
            spans.append(Span(doc, start, end, label=label))
        spans += self.match_names(doc, doc.text if text is None else text)
        return [
            KBMatch(span.start, span.end, self.entries[span.label_])
            for span in filter_spans(spans)
            if span.label_ != NOT_ACTOR
            and not self._follows_stance_prefix(span)
            and not _is_date(span)
            and not self._names_language(span)
        ]

    def _names_language(self, span: Span) -> bool:
        """ "the Russian language", "Russian-language papers", "written in Russian": a
        state's adjective naming its language (or its speakers) names no actor."""
        if self.entries[span.label_].kind != "adjective":
            return False
        doc, end = span.doc, span.end
        after = doc[end + (end + 1 < len(doc) and doc[end].text == "-")] if end < len(doc) else None
        if after is not None and after.lower_ in self.language_words:
            return True
        root = span.root
        while root.dep_ == "conj" and root.head.i < root.i:  # "in Russian and Chinese"
            root = root.head
        return root.dep_ == "pobj" and root.head.lower_ in {"in", "into"} and root.pos_ != "NOUN" and len(span) == 1

    def _follows_stance_prefix(self, span: Span) -> bool:
        """ "pro-Russian militants" take a side; they are not Russian actors."""
        if span.start < 2:
            return False
        doc = span.doc
        return doc[span.start - 1].text == "-" and doc[span.start - 2].lower_ in self.stance_prefixes

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


def _is_date(span: Span) -> bool:
    """A name the parser reads as a date with its day or year ("BUJUMBURA, *May 15* -"):
    groups named after one ("May 15", "17 November") are matched by their longer names."""
    return all(token.ent_type_ in ("DATE", "TIME") for token in span) and any(token.like_num for token in span)


def holder_role(entry: Entry, day: dt.date | None) -> tuple[RoleHolder, Role] | None:
    """The person or group a phrase names on `day`, and their role that day."""
    holder = pick(entry.holders, day)
    role = holder.role_on(day) if holder else None
    return (holder, role) if holder and role else None


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


LIST_KEYS = (
    "not_actors", "honorifics", "stance_prefixes", "language_words", "title_words", "former", "international",
    "branch_nouns", "relation_nouns", "leading_participles", "other_party_nouns", "backing_participles", "proxy_nouns",
)
MAPPING_KEYS = ("definites", "possessives", "unplaced_prefixes")
# Settings a later file replaces (places.yaml): lists and scalars.
REPLACED_KEYS = (
    "priority", "place_labels", "place_kinds", "place_min_population", "place_sector", "locatives",
    "demonym_sector", "ethnic_words", "state_from_context", "mislabelled_places", "mislabelled_after", "pairs", "home_state",
)
CONTEXT_SCOPES = ("none", "sentence", "article")


def read_data(paths: Iterable[Path]) -> dict[str, Any]:
    """Merge actor files: countries by code, organisations, people and groups by name,
    the rest by key.

    A later entry for a person or group takes over from its first dated role on
    (`people.supersede`); aliases add up.
    """
    data: dict[str, Any] = {"countries": {}, "organisations": {}, "sectors": {}, "people": {}, "groups": {}}
    # sectors: phrase words -> sector; a phrase a later file lists again takes its sector from it.
    for path in map(Path, paths):
        raw = read_file(path)
        try:
            _merge_file(data, raw)
        except (KeyError, TypeError, AttributeError) as error:
            raise ActorDataError(f"{path}: malformed entry (missing or wrong {error})") from None
        except ActorDataError as error:
            raise ActorDataError(f"{path}: {error}") from None
    return data


def _merge_file(data: dict[str, Any], raw: dict[str, Any]) -> None:
    for country in raw.get("countries") or []:
        code = country["code"]
        data["countries"][code] = _merge(data["countries"].get(code, {}), country)
    for org in raw.get("organisations") or []:
        name = org["name"]
        data["organisations"][name] = _merge(data["organisations"].get(name, {}), org)
    for section in NAMED_KINDS:
        for holder in raw.get(section) or []:
            key = holder["name"].lower()
            # Re-inserted at the end: among namesakes, the latest loaded wins ties.
            data[section][key] = _merge_holder(data[section].pop(key, None), holder)
    for sector, phrases in (raw.get("sectors") or {}).items():
        data["sectors"].update(dict.fromkeys(map(phrase_words, phrases), sector))
    for phrase in raw.get("no_sector") or []:  # a word an earlier file gave a sector it lacks alone
        data["sectors"].pop(phrase_words(phrase), None)
    for key in LIST_KEYS:
        data[key] = [*data.get(key, []), *(raw.get(key) or [])]
    for key in MAPPING_KEYS:
        data[key] = {**data.get(key, {}), **(raw.get(key) or {})}
    for key in REPLACED_KEYS:
        if key in raw:
            data[key] = raw[key]
    if data.get("state_from_context", "none") not in CONTEXT_SCOPES:
        raise ActorDataError(f"state_from_context must be one of {', '.join(CONTEXT_SCOPES)}")


def _merge_holder(old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
    if old is None:
        return new
    aliases = [*(old.get("aliases") or []), *(new.get("aliases") or [])]
    roles = supersede(old.get("roles") or [], new.get("roles") or [])
    return {"name": old["name"], "aliases": aliases, "roles": roles}


def read_file(path: Path) -> dict[str, Any]:
    """One actor file by its suffix: YAML, a people table (.tsv) or a TABARI dictionary
    (.txt). Roles of the user's files are checked now, the shipped ones' when used."""
    try:
        if path.suffix in TABARI_SUFFIXES:
            raw: Any = read_tabari(path)
        else:
            text = path.read_text(encoding="utf-8")
            if path.suffix in TABLE_SUFFIXES:
                raw = {"people": read_table(text)}
            elif path.suffix in JSON_SUFFIXES:
                raw = json.loads(text)
            else:
                raw = yaml.load(text, Loader=_YAML_LOADER)
        if raw is not None and not isinstance(raw, dict):
            raise ActorDataError("expected a mapping of sections (countries, people, ...)")
        if path.parent != DATA_DIR:
            _check_roles(raw or {})
    except (OSError, UnicodeDecodeError, yaml.YAMLError, json.JSONDecodeError, ActorDataError) as error:
        raise ActorDataError(f"{path}: {_reason(error)}") from None
    return raw or {}


def _check_roles(raw: dict[str, Any]) -> None:
    for section in NAMED_KINDS:
        for entry in raw.get(section) or []:
            if not isinstance(entry, dict) or not entry.get("name"):
                raise ActorDataError(f"a {section} entry needs a name: {entry!r}")
            for spec in entry.get("roles") or []:
                parse_role(spec)


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _reason(error: Exception) -> str:
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return " ".join(str(error).split())


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; a folder stands for its actor files in name order."""
    found: list[Path] = []
    suffixes = (*YAML_SUFFIXES, *JSON_SUFFIXES, *TABLE_SUFFIXES, *TABARI_SUFFIXES)
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix in suffixes and p.is_file())
        else:
            found.append(path)
    return [p.resolve() for p in found]


def user_paths() -> list[Path]:
    """The user's actor files and folders from EVENTWATCH_ACTORS (separated like PATH)."""
    value = os.environ.get(USER_FILES_VARIABLE, "")
    return expand_paths(p for p in value.split(os.pathsep) if p)


@lru_cache(maxsize=8)
def _cached_kb(extra_paths: tuple[Path, ...]) -> ActorKB:
    return ActorKB(read_data([*(DATA_DIR / name for name in DEFAULT_FILES), *extra_paths]))


def load_kb(extra_paths: Iterable[str | Path] = ()) -> ActorKB:
    """The shipped knowledge base plus the user's files and folders, loaded once per set.

    Raises ActorDataError, naming the file, when one cannot be read.
    """
    return _cached_kb(tuple(expand_paths(extra_paths)))
