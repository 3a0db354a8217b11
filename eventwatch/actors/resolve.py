"""Actors in a parsed doc: knowledge-base names composed with the sector nouns they modify.

"Russian troops" is RUSMIL, "Ukraine's defense ministry" UKRMIL, "Russian Foreign
Minister Sergei Lavrov" a person acting for RUSGOV. The event stage asks
`ActorLayer.actor_for(token)` for the noun phrase headed by a subject or object.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from eventwatch.actors.kb import ActorKB, KBMatch, load_kb
from eventwatch.records import Actor, Mention

# Dependents that belong to the noun phrase of their head and may name its actor.
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "case"})
# Entity labels whose heads may stand for an actor.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
# Place names that are a person's name inside a PERSON entity ("Chad Smith").
NAME_KINDS = frozenset({"name", "capital"})
# Sectors that add nothing to an organisation's code: "EU officials" are the EU.
ORG_ABSORBED = frozenset({"GOV"})


@dataclass(frozen=True)
class ActorSpan:
    """An actor mention: token offsets (end exclusive) and character offsets."""

    start: int
    end: int
    start_char: int
    end_char: int
    actor: Actor


@dataclass(frozen=True)
class _Resolution:
    start: int
    end: int
    actor: Actor
    composed: bool  # a sector noun or a person was combined with the KB name


def _is_of_object(token: Token) -> bool:
    """ "Ukraine" in "the foreign ministry of Ukraine" belongs to "ministry"."""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.dep_ == "prep"


def _same_line(a: Token, b: Token) -> bool:
    """Parses may join a headline to the next line; a noun phrase never spans lines."""
    first, last = (a, b) if a.i < b.i else (b, a)
    doc = a.doc
    return not any("\n" in doc[i].text_with_ws for i in range(first.i, last.i))


def np_head(token: Token) -> Token:
    """The head of the noun phrase `token` modifies ("Russian" -> "troops", "Ukraine" in
    "the ministry of Ukraine" -> "ministry")."""
    if _is_of_object(token) and _same_line(token, token.head.head):
        return token.head.head
    while token.dep_ in MODIFIER_DEPS and token.head is not token and _same_line(token, token.head):
        token = token.head
    return token


def np_tokens(head: Token) -> list[Token]:
    """`head` with its modifiers and "of" phrases, in text order; no determiners or conjuncts."""
    found = [head]
    for child in head.children:
        if not _same_line(child, head):
            continue
        if child.dep_ in MODIFIER_DEPS:
            found += np_tokens(child)
        elif child.dep_ == "prep" and child.lower_ == "of":
            found.append(child)
            found += [t for obj in child.children if obj.dep_ == "pobj" for t in np_tokens(obj)]
    return sorted(found, key=lambda t: t.i)


def _entity_head(ent: Span) -> Token:
    """The root of an entity without its leading determiner, which may hang elsewhere."""
    start = ent.start + 1 if len(ent) > 1 and ent[0].dep_ == "det" else ent.start
    return ent.doc[start : ent.end].root


def _acting(base: Actor | None, name: str, mention: str, sector: str | None) -> Actor:
    """`base` (a state or organisation, or nobody known) acting through `sector`."""
    if base is None:
        return Actor(name, mention, sector=sector, code=sector or "")
    if base.org:
        if sector is None or sector in ORG_ABSORBED:
            return Actor(name, mention, None, base.org, base.sector, base.code)
        return Actor(name, mention, None, base.org, sector, base.code + sector)
    return Actor(name, mention, base.country, None, sector, (base.country or "") + (sector or ""))


class ActorLayer:
    """Actor mentions, named entities with actors, and actor lookup by noun-phrase head."""

    def __init__(self, doc: Doc, kb: ActorKB) -> None:
        self.doc = doc
        self.kb = kb
        matches = kb.match(doc)
        # An entity that is exactly a known name is that actor, whatever spaCy labelled it ("Mali's").
        self._exact = {(m.start, m.end): m for m in matches}
        self._persons = {
            i: ent
            for ent in doc.ents
            if ent.label_ == "PERSON" and (ent.start, ent.end) not in self._exact
            for i in range(ent.start, ent.end)
        }
        self._matches = [m for m in matches if not self._is_part_of_person_name(m)]
        self._match_at = {i: m for m in self._matches for i in range(m.start, m.end)}
        people = dict.fromkeys(self._persons.values())
        self._person_names = [(ent, self._person_name(ent)) for ent in people]
        self.spans: list[ActorSpan] = self._find_spans()
        self.entities: list[Mention] = self._find_entities()

    @property
    def people(self) -> list[Span]:
        """PERSON entities that are not known place or organisation names, in text order."""
        return list(dict.fromkeys(self._persons.values()))

    def actor_for(self, token: Token) -> Actor | None:
        """The actor of the noun phrase headed by `token` (a conjunct stands alone)."""
        found = self._resolve(token)
        return found.actor if found else None

    def _is_part_of_person_name(self, match: KBMatch) -> bool:
        return match.entry.kind in NAME_KINDS and all(i in self._persons for i in range(match.start, match.end))

    def _bare(self, match: KBMatch) -> _Resolution:
        text = self.doc[match.start : match.end].text
        return _Resolution(match.start, match.end, match.entry.actor.with_mention(text), False)

    def _resolve(self, token: Token) -> _Resolution | None:
        own = self._match_at.get(token.i)
        head = self.doc[own.start : own.end].root if own else token
        person = None if own else self._persons.get(head.i)
        tokens = np_tokens(head)
        context = tokens + self._appositions(head) if person else tokens
        matches = list(dict.fromkeys(self._match_at[t.i] for t in context if t.i in self._match_at))
        words = [t for t in context if t.i not in self._match_at]
        word_sectors = self.kb.find_sectors(words)
        if own and matches == [own] and not word_sectors:
            return self._bare(own)
        anchor = self._anchor(head, own, [m for m in matches if m is not own])
        if not (anchor or person or word_sectors):
            return None
        sector = self.kb.strongest([s for *_, s in word_sectors] + self._place_sectors(matches, own))
        extent = tokens + list(person or [])
        start, end = min(t.i for t in extent), max(t.i for t in extent) + 1
        name = self._name(person, own, anchor, words, word_sectors)
        actor = _acting(anchor.entry.actor if anchor else None, name, self.doc[start:end].text, sector)
        if person:
            actor = self._known_as(actor)
        return _Resolution(start, end, actor, bool(person or word_sectors or (own and anchor is not own)))

    def _known_as(self, actor: Actor) -> Actor:
        """A short name ("Blinken") is the person named in full elsewhere in the doc.

        The full mention usually carries the title and country the short one lacks.
        """
        fuller = next((ent for ent, name in self._person_names if name.endswith(" " + actor.name)), None)
        if fuller is None:
            return actor
        full = self.actor_for(_entity_head(fuller))
        if full is None:
            return actor
        if actor.country or actor.org:
            return replace(actor, name=full.name)
        return full.with_mention(actor.mention)

    def _name(
        self,
        person: Span | None,
        own: KBMatch | None,
        anchor: KBMatch | None,
        words: list[Token],
        sectors: list[tuple[int, int, str]],
    ) -> str:
        """One name however the text puts it: "Russia's troops" and "Russian troops" are "Russian troops"."""
        if person:
            return self._person_name(person)
        if not sectors:
            return (own or anchor).entry.actor.name
        first, last = words[sectors[0][0]].i, words[sectors[-1][1] - 1].i
        label = anchor.entry.adjective if anchor else ""
        return f"{label} {self.doc[first : last + 1].text.lower()}".strip()

    def _appositions(self, head: Token) -> list[Token]:
        """ "Sergei Lavrov, Russia's foreign minister," names country and sector after the name."""
        return [t for child in head.children if child.dep_ == "appos" for t in np_tokens(child)]

    @staticmethod
    def _anchor(head: Token, own: KBMatch | None, others: list[KBMatch]) -> KBMatch | None:
        """The state or organisation a phrase acts for: its own name, else the nearest modifier.

        A seat of power yields to a named state beside it, so that "the German
        Foreign Office" or "Canada's House of Commons" belong to that state.
        """
        if own and own.entry.kind != "seat":
            return own
        states = [m for m in others if m.entry.kind != "seat"] if own else others
        if not states:
            return own
        return min(states, key=lambda m: min(abs(m.start - head.i), abs(m.end - 1 - head.i)))

    def _place_sectors(self, matches: list[KBMatch], own: KBMatch | None) -> list[str]:
        """Seats always bring their sector; a capital only when it is the actor itself."""
        sectors = []
        for match in matches:
            entry = match.entry
            root = self.doc[match.start : match.end].root
            if entry.kind == "seat" or (entry.kind == "capital" and (match is own or root.dep_ == "poss")):
                sectors.append(entry.actor.sector)
        return sectors

    def _person_name(self, person: Span) -> str:
        """The PERSON entity without leading titles, honorifics and country words."""
        titles = {i for first, last, _ in self.kb.find_sectors(list(person)) for i in range(first, last)}
        skip = 0
        while skip < len(person) - 1 and (
            skip in titles or person[skip].i in self._match_at or person[skip].lower_ in self.kb.honorifics
        ):
            skip += 1
        return person[skip:].text

    def _find_spans(self) -> list[ActorSpan]:
        spans: dict[tuple[int, int], ActorSpan] = {}
        for match in self._matches:
            found = self._resolve(np_head(self.doc[match.start : match.end].root))
            if not (found and found.composed and found.start <= match.start and match.end <= found.end):
                found = self._bare(match)
            span = self.doc[found.start : found.end]
            spans[(found.start, found.end)] = ActorSpan(
                found.start, found.end, span.start_char, span.end_char, found.actor
            )
        return sorted(spans.values(), key=lambda s: (s.start, s.end))

    def _label(self, ent: Span) -> str:
        exact = self._exact.get((ent.start, ent.end))
        return exact.entry.label if exact and ent.label_ in ACTOR_LABELS else ent.label_

    def _find_entities(self) -> list[Mention]:
        """spaCy's entities with their actors, plus KB names spaCy did not tag."""
        mentions = [
            Mention(
                ent.text,
                ent.start_char,
                ent.end_char,
                self._label(ent),
                self.actor_for(_entity_head(ent)) if ent.label_ in ACTOR_LABELS else None,
            )
            for ent in self.doc.ents
        ]
        tagged = {i for ent in self.doc.ents for i in range(ent.start, ent.end)}
        for match in self._matches:
            if not any(i in tagged for i in range(match.start, match.end)):
                span = self.doc[match.start : match.end]
                actor = match.entry.actor.with_mention(span.text)
                mentions.append(Mention(span.text, span.start_char, span.end_char, match.entry.label, actor))
        return sorted(mentions, key=lambda m: (m.start, m.end))


def find_actors(doc: Doc, kb: ActorKB | None = None) -> ActorLayer:
    """Find every actor mention in a parsed doc (the default KB unless one is given)."""
    return ActorLayer(doc, kb or load_kb())
