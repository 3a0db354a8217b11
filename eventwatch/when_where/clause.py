"""Which clause a date or place phrase belongs to, relative to an event's trigger.

A sentence may hold several events and several dates and places: "Russia annexed
Crimea in 2014, and on Friday Ukraine's president said ..." The dependency parse tells
which phrase hangs off which verb.
"""

from __future__ import annotations

from enum import IntEnum

from spacy.tokens import Doc, Token

from eventwatch.nlp import sentence_of
from eventwatch.records import Event

CLAUSE_HEADS = frozenset({"VERB", "AUX"})
# Clauses that describe a noun ("Putin, who annexed Crimea in 2014, ...") say nothing of the event.
NOUN_CLAUSES = frozenset({"relcl", "acl"})
# Entity types of names: a word inside one is not a verb, whatever its tag.
NAME_ENTITIES = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})


class Attachment(IntEnum):
    """How closely a phrase belongs to an event; lower is closer."""

    OWN = 0  # hangs off the trigger or its arguments: "met in Geneva on Tuesday"
    GOVERNING = 1  # hangs off a clause the trigger is part of: "said on Friday that Russia shelled ..."
    SENTENCE = 2  # a conjoined or neighbouring clause: "shelled Kharkiv and attacked Izium on Friday"
    COMPLEMENT = 3  # the trigger's infinitive: "offered to mediate last week", "agreed to meet on Friday"


def trigger_token(doc: Doc, event: Event) -> Token | None:
    """The event's trigger word inside its evidence (the one nearest the clause root)."""
    span = doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    named = [t for t in span if t.text == event.verb]
    return min(named, key=lambda t: len(list(t.ancestors))) if named else span.root


def is_clause_head(token: Token) -> bool:
    """A verb, unless it is a name or an acronym: the small model tags an unknown acronym
    or name as a verb at times ("delegates of the bloc SADC in Maputo"), and the phrases
    under it still belong to the clause around it."""
    if token.pos_ not in CLAUSE_HEADS:
        return False
    return token.ent_type_ not in NAME_ENTITIES and not (token.is_upper and len(token) > 1)


def clause_head(token: Token, trigger: Token) -> Token:
    """The trigger or the nearest verb above `token`: the clause it is part of."""
    for ancestor in token.ancestors:
        if ancestor == trigger or is_clause_head(ancestor):
            return ancestor
    return sentence_of(token).root


def _below(clause: Token, trigger: Token) -> Attachment | None:
    """A clause under the trigger: its conjunct ("shelled Kharkiv and attacked Izium on
    Friday") or its infinitive ("offered to mediate last week") may share its time; other
    subordinate clauses have their own."""
    deps = set()
    while clause != trigger:
        deps.add(clause.dep_)
        clause = clause.head
    if deps <= {"conj"}:
        return Attachment.SENTENCE
    return Attachment.COMPLEMENT if deps <= {"conj", "xcomp"} else None


def attachment(token: Token, trigger: Token) -> Attachment | None:
    """How the phrase headed by `token` belongs to the event of `trigger`. None when it is in
    another sentence, inside a clause that describes some noun, or in a clause subordinate to
    the trigger, which has its own time and place ("accused Moscow of massing troops in October")."""
    if sentence_of(token) != sentence_of(trigger):
        return None
    if any(a.dep_ in NOUN_CLAUSES and a != trigger and not a.is_ancestor(trigger) for a in [token, *token.ancestors]):
        return None
    head = clause_head(token, trigger)
    if head == trigger:
        return Attachment.OWN
    if head.is_ancestor(trigger):
        return Attachment.GOVERNING
    if trigger.is_ancestor(head):
        return _below(head, trigger)
    return Attachment.SENTENCE
