"""Pronoun resolution without a trained coreference model.

A pronoun subject ("he said", "they warned") is resolved to the most recent
compatible candidate before it: a person the parser found, or the last
speaker. First-person pronouns inside a quote belong to the quote's speaker;
that case is decided by the caller, which knows the quote.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwatch.actors import ActorLayer
from eventwatch.records import Actor, Quote

THIRD_PERSON = {"he", "she", "him", "her", "they", "them"}
FIRST_PERSON = {"i", "we", "me", "us"}


def is_pronoun(token: Token) -> bool:
    return token.lower_ in THIRD_PERSON or token.lower_ in FIRST_PERSON


def resolve_pronoun(pronoun: Token, actors: ActorLayer, quotes: list[Quote]) -> Actor | None:
    """The most recent person named before the pronoun, or the last speaker, whichever is nearer."""
    if pronoun.lower_ not in THIRD_PERSON:
        return None
    candidates: list[tuple[int, Actor]] = []
    people = [e for e in actors.people if e.end <= pronoun.i]
    if people:
        actor = actors.actor_for(people[-1].root)
        if actor is not None:
            candidates.append((people[-1].start_char, actor))
    speaker = next(((q.start, q.speaker) for q in reversed(quotes) if q.speaker and q.start < pronoun.idx), None)
    if speaker:
        candidates.append(speaker)
    if not candidates:
        return None
    _, actor = max(candidates, key=lambda c: c[0])
    return actor.with_mention(pronoun.text)
