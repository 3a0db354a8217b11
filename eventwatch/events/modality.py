"""Modality of an event trigger: negated, hypothetical, future.

Read off the dependency parse around the trigger, so that analysts can filter
"did not attack", "if Russia decides to ..." and "will meet" apart from
events that happened.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import yaml
from spacy.tokens import Token

from eventwatch.data import data_file
from eventwatch.records import Modality


@dataclass(frozen=True)
class ModalityWords:
    negators: frozenset[str]
    conditional_markers: frozenset[str]
    hypothetical_modals: frozenset[str]
    future_aux: frozenset[str]
    future_governors: frozenset[str]
    request_governors: frozenset[str]
    refusal_governors: frozenset[str]


@lru_cache(maxsize=1)
def load_modality_words() -> ModalityWords:
    raw = yaml.safe_load(data_file("lexicon", "modality.yaml").read_text("utf-8"))
    return ModalityWords(**{name: frozenset(raw[name]) for name in ModalityWords.__dataclass_fields__})


def modality_of(trigger: Token) -> Modality:
    words = load_modality_words()
    return Modality(
        negated=_is_negated(trigger, words),
        hypothetical=_is_hypothetical(trigger, words),
        future=_is_future(trigger, words),
    )


def _clause_chain(trigger: Token) -> list[Token]:
    """The trigger and the verbs it is an infinitive or conjunct of ("agreed to meet")."""
    chain = [trigger]
    token = trigger
    while token.dep_ in {"xcomp", "conj"} and token.head is not token:
        token = token.head
        chain.append(token)
    return chain


def _governed_by(trigger: Token, lemmas: frozenset[str]) -> bool:
    """Whether the trigger is the infinitive complement of one of these verbs."""
    return any(v.dep_ == "xcomp" and v.head.lemma_ in lemmas for v in _clause_chain(trigger))


def _is_negated(trigger: Token, words: ModalityWords) -> bool:
    chain = _clause_chain(trigger)
    if any(c.dep_ == "neg" or c.lower_ in words.negators and c.dep_ == "advmod" for v in chain for c in v.children):
        return True
    return _governed_by(trigger, words.refusal_governors)


def _is_hypothetical(trigger: Token, words: ModalityWords) -> bool:
    for verb in _clause_chain(trigger):
        if any(c.dep_ == "aux" and c.lower_ in words.hypothetical_modals for c in verb.children):
            return True
    if _governed_by(trigger, words.request_governors):
        return True
    for ancestor in [trigger, *trigger.ancestors]:
        if ancestor.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in words.conditional_markers for c in ancestor.children):
            return True
    return False


def _is_future(trigger: Token, words: ModalityWords) -> bool:
    chain = _clause_chain(trigger)
    if any(c.dep_ == "aux" and c.lower_ in words.future_aux for v in chain for c in v.children):
        return True
    if _governed_by(trigger, words.future_governors):
        return True
    # "is going to meet"
    return any(v.dep_ == "xcomp" and v.head.lemma_ == "go" and v.head.tag_ == "VBG" for v in chain)
