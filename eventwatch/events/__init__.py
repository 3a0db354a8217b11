"""Event stage: CAMEO/PLOVER-coded events with actors, modality and evidence.

Input: the parsed Doc, the actor layer and the article's quotes. Output:
`Event` records without date or place (the when/where stage adds those).
"""

from __future__ import annotations

from itertools import product

from spacy.tokens import Doc, Token

from eventwatch.actors import ActorLayer
from eventwatch.coref import FIRST_PERSON, is_pronoun, resolve_pronoun
from eventwatch.events.codebook import Codebook, load_codebook
from eventwatch.events.lexicon import Lexicon, load_lexicon
from eventwatch.events.modality import modality_of
from eventwatch.events.roles import Role, expand, find_roles
from eventwatch.records import Actor, Event, Evidence, Quote

# "Make statement" is what every "said" is: an event only when addressed to a state or organisation.
BARE_STATEMENT = "010"
# Clauses hanging off a trigger that state something else; evidence leaves them out.
DETACHED_CLAUSES = {"advcl", "conj", "parataxis", "cc"}
TRAILING_PUNCT = {",", ";", ":", "\u2014", "-"}


def find_events(
    doc: Doc,
    actors: ActorLayer,
    quotes: list[Quote],
    lexicon: Lexicon | None = None,
    codebook: Codebook | None = None,
) -> list[Event]:
    lexicon = lexicon or load_lexicon()
    codebook = codebook or load_codebook()
    resolver = _RoleResolver(actors, quotes)
    events: list[Event] = []
    for role in find_roles(doc, lexicon):
        events.extend(_events_of(role, resolver, codebook))
    events.sort(key=lambda e: (e.evidence.start, e.evidence.end))
    for number, event in enumerate(events, start=1):
        event.id = f"e{number}"
    return events


class _RoleResolver:
    """Turns role tokens into actors, knowing which quote (and speaker) a token is in."""

    def __init__(self, actors: ActorLayer, quotes: list[Quote]):
        self.actors = actors
        self.quotes = quotes
        self.marked = [q for q in quotes if q.kind != "indirect"]

    def quote_at(self, token: Token) -> Quote | None:
        return next((q for q in self.marked if q.start <= token.idx < q.end), None)

    def actor(self, token: Token) -> Actor | None:
        if token.lower_ in FIRST_PERSON:
            quote = self.quote_at(token)
            return quote.speaker.with_mention(token.text) if quote and quote.speaker else None
        if is_pronoun(token):
            return resolve_pronoun(token, self.actors, self.quotes)
        return self.actors.actor_for(token)

    def actors_of(self, head: Token | None) -> list[tuple[Token, Actor]]:
        found = []
        for token in expand(head):
            actor = self.actor(token)
            if actor is not None and actor.code:
                found.append((token, actor))
        return found

    def target(self, role: Role) -> list[tuple[Token, Actor]]:
        for candidate in role.target_candidates:
            found = self.actors_of(candidate)
            if found:
                return found
        return []


def _events_of(role: Role, resolver: _RoleResolver, codebook: Codebook) -> list[Event]:
    code = codebook[role.pattern.code]
    sources = resolver.actors_of(role.source)
    targets = resolver.target(role) or [(None, None)]
    if code.code == BARE_STATEMENT and not any(t and (t.country or t.org) for _, t in targets):
        return []
    verb = role.frame.verb
    quote = resolver.quote_at(verb)
    events = []
    for (source_token, source), (target_token, target) in product(sources, targets):
        if target is not None and target.code == source.code:
            continue  # an actor acting on itself, as coded, is no interaction
        evidence = _evidence(verb, [source_token, target_token], quote.id if quote else None)
        events.append(
            Event(
                id="",
                source=source,
                target=target,
                cameo=code.code,
                cameo_root=code.root,
                plover=code.plover,
                quad_class=code.quad_class,
                goldstein=code.goldstein,
                modality=modality_of(verb),
                evidence=evidence,
                verb=verb.text,
            )
        )
    return events


def _evidence(verb: Token, actor_tokens: list[Token | None], quote_id: str | None) -> Evidence:
    """The clause that states the event: the verb with its arguments and actors, within the
    sentence, leaving out attached clauses ("..., and officials said ...") that hold no actor."""
    actors = [t for t in actor_tokens if t is not None]
    tokens = [verb, *(t for a in actors for t in a.subtree)]
    for child in verb.children:
        if child.dep_ not in DETACHED_CLAUSES or any(a in child.subtree for a in actors):
            tokens.extend(child.subtree)
    sentence = verb.sent
    kept = sorted({t.i for t in tokens if sentence.start <= t.i < sentence.end and not t.is_space})
    doc = verb.doc
    while len(kept) > 1 and (doc[kept[-1]].dep_ == "cc" or doc[kept[-1]].text in TRAILING_PUNCT):
        kept.pop()
    clause = doc[kept[0] : kept[-1] + 1]
    return Evidence(text=clause.text, start=clause.start_char, end=clause.end_char, quote_id=quote_id)
