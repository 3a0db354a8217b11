"""Modality of an event trigger: negated, hypothetical, future.

Read off the dependency parse around the trigger, so that analysts can filter
"did not attack", "if Russia decides to ..." and "will meet" apart from
events that happened.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwatch.records import Modality

NEGATORS = {"not", "n't", "never", "no"}
CONDITIONAL_MARKERS = {"if", "unless", "whether"}
HYPOTHETICAL_MODALS = {"could", "would", "might", "may", "should"}
FUTURE_AUX = {"will", "shall", "'ll"}
FUTURE_GOVERNORS = {"plan", "intend", "expect", "prepare", "schedule", "aim", "hope", "want", "seek", "promise", "pledge", "vow"}


def modality_of(trigger: Token) -> Modality:
    return Modality(
        negated=_is_negated(trigger),
        hypothetical=_is_hypothetical(trigger),
        future=_is_future(trigger),
    )


def _clause_chain(trigger: Token) -> list[Token]:
    """The trigger and the verbs it is an infinitive or conjunct of ("agreed to meet")."""
    chain = [trigger]
    token = trigger
    while token.dep_ in {"xcomp", "conj"} and token.head is not token:
        token = token.head
        chain.append(token)
    return chain


def _is_negated(trigger: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in NEGATORS and c.dep_ == "advmod" for v in _clause_chain(trigger) for c in v.children)


def _is_hypothetical(trigger: Token) -> bool:
    for verb in _clause_chain(trigger):
        if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MODALS for c in verb.children):
            return True
    for ancestor in [trigger, *trigger.ancestors]:
        if ancestor.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKERS for c in ancestor.children):
            return True
    return False


def _is_future(trigger: Token) -> bool:
    chain = _clause_chain(trigger)
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for v in chain for c in v.children):
        return True
    if any(v.dep_ == "xcomp" and v.head.lemma_ in FUTURE_GOVERNORS for v in chain):
        return True
    # "is going to meet"
    return any(v.dep_ == "xcomp" and v.head.lemma_ == "go" and v.head.tag_ == "VBG" for v in chain)
