"""Modality of an event trigger: negated, hypothetical, future, suspected.

Read off the dependency parse around the trigger, so that analysts can filter
"did not attack", "if Russia decides to ...", "will meet" and "amid suspicions
that Moscow is preparing an offensive" apart from events that happened. The
words are data (eventwatch/data/lexicon/modality.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import yaml
from spacy.tokens import Token

from eventwatch.data import data_file, read_yaml
from eventwatch.records import Modality

# Dependencies by which a noun trigger belongs to the clause of its head verb.
NOUN_IN_CLAUSE = {"dobj", "nsubj", "nsubjpass", "attr", "pobj", "dative", "appos"}


@dataclass(frozen=True)
class EventModality(Modality):
    """The contract's three flags plus `suspected`: reported as suspected, alleged or feared."""

    suspected: bool = False


@dataclass(frozen=True)
class ModalityWords:
    negators: frozenset[str]
    conditional_markers: frozenset[str]
    hypothetical_modals: frozenset[str]
    obligation_modals: frozenset[str]
    future_aux: frozenset[str]
    future_governors: frozenset[str]
    intent_adjectives: frozenset[str]
    request_governors: frozenset[str]
    refusal_governors: frozenset[str]
    ending_governors: frozenset[str]
    future_modifiers: frozenset[str]
    hypothetical_modifiers: frozenset[str]
    suspicion_words: frozenset[str]
    suspicion_adverbs: frozenset[str]
    suspicion_modifiers: frozenset[str]
    permission_nouns: frozenset[str]
    intent_nouns: frozenset[str]
    intent_holders: frozenset[str]
    arranging_words: frozenset[str]


@lru_cache(maxsize=1)
def load_modality_words() -> ModalityWords:
    raw = yaml.safe_load(data_file("lexicon", "modality.yaml").read_text("utf-8"))
    return ModalityWords(**{name: frozenset(raw[name]) for name in ModalityWords.__dataclass_fields__})


@dataclass(frozen=True)
class Mood:
    """The modality flags and whether the source itself announces the act ("will send",
    "agreed to free", "is ready to withdraw"), which CAMEO codes as intent or threat.
    `conditioned`: hypothetical only through an if-clause ("will retaliate if ..."): a threat
    so made is hypothetical and not future."""

    modality: EventModality
    announced: bool
    conditioned: bool = False
    arranged: bool = False


def mood_of(trigger: Token) -> Mood:
    words = load_modality_words()
    clause = _clause_verb(trigger)
    chain = _clause_chain(clause) if clause is not None else []
    modifiers = {c.lower_ for c in trigger.children if c.dep_ in {"amod", "advmod", "compound"}}
    governing = noun_of_infinitive(chain[-1]) if chain else None
    permitted = governing is not None and governing.lemma_.lower() in words.permission_nouns
    planned = governing is not None and held_plan(governing) is not None
    chain_future = _is_future(chain, words)  # asked twice below, and not cheap
    future = chain_future or bool(modifiers & words.future_modifiers) or planned
    modal = _has_modal(chain, words)
    antecedent = _in_condition(trigger, chain, words)
    consequent = not antecedent and _has_condition(chain, words)
    requested = _is_requested(chain, words)
    hedged = modal or requested or antecedent or permitted or bool(modifiers & words.hypothetical_modifiers)
    modality = EventModality(
        negated=_is_negated(trigger, chain, words) or planned and _is_refused_plan(governing, words),
        hypothetical=hedged or consequent,
        future=future,
        suspected=_is_suspected(trigger, chain, words, modifiers),
    )
    own_intent = chain_future or _has_modal(chain, words, words.obligation_modals) or consequent or planned
    announced = _states_own_act(trigger) and own_intent and not (requested or antecedent)
    arranged = announced and _is_arranged(chain, words)
    return Mood(modality, announced, conditioned=consequent and not hedged, arranged=arranged)


def _is_arranged(chain: list[Token], words: ModalityWords) -> bool:
    """ "Obama *is scheduled to* attend a summit": a planned act the report states as
    arranged, not one its source only announces (no "will", "plans", "agreed")."""
    auxiliaries = {c.lower_ for v in chain for c in v.children if c.dep_ == "aux"}
    if auxiliaries & words.future_aux or _governed_by(chain, words.future_governors - words.arranging_words):
        return False
    return _governed_by(chain, words.arranging_words)


def _states_own_act(trigger: Token) -> bool:
    """A verb, or the object of one ("NATO would *tighten the blockade*"), or what one takes
    part in ("would not take part in any *talks*"), states an act its source does; a noun
    elsewhere ("talks will take place") only that it will happen."""
    if trigger.pos_ == "VERB" or trigger.dep_ == "dobj" and trigger.head.pos_ == "VERB":
        return True
    prep = trigger.head
    return trigger.dep_ == "pobj" and prep.lower_ in _participation_prepositions() and prep.head.pos_ == "VERB"


@lru_cache(maxsize=1)
def _participation_prepositions() -> frozenset[str]:
    return frozenset(read_yaml("lexicon", "participation.yaml")["participation_prepositions"])


def modality_of(trigger: Token) -> EventModality:
    return mood_of(trigger).modality


def _clause_verb(trigger: Token) -> Token | None:
    """The verb whose clause states the event: the trigger, or the verb a noun trigger hangs on."""
    token = trigger
    while token.pos_ in {"NOUN", "PROPN"}:
        if token.dep_ not in NOUN_IN_CLAUSE and token.dep_ != "conj" or token.head.i == token.i:
            return None
        token = token.head
        if token.dep_ == "prep":
            token = token.head
    return token if token.pos_ in {"VERB", "AUX", "ADJ"} else None


def _clause_chain(verb: Token) -> list[Token]:
    """The verb and the verbs it is an infinitive, adjective complement or conjunct of
    ("agreed to meet", "is ready to host")."""
    chain = [verb]
    token = verb
    while token.head.i != token.i:
        if _committed_gerund(token):
            token = token.head.head  # "is committed *to holding* talks": the adjective's clause
        elif token.dep_ in {"xcomp", "acomp"} or _shares_clause(token) or _infinitive_clause(token):
            token = token.head
        else:
            break
        chain.append(token)
    return chain


def noun_of_infinitive(verb: Token) -> Token | None:
    """The noun an infinitive complements: "a plan *to deploy*", "the right of troops *to fire*"."""
    if verb.dep_ != "acl" or verb.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    return verb.head if any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) else None


def held_plan(noun: Token) -> Token | None:
    """The verb by which its subject has or announces a plan noun an infinitive hangs on
    ("Washington *had* no plans to send troops", "*announced* its intention to withdraw")."""
    words = load_modality_words()
    verb = noun.head
    if noun.lemma_.lower() not in words.intent_nouns or noun.dep_ != "dobj" or verb.lemma_.lower() not in words.intent_holders:
        return None
    return verb


def _is_refused_plan(noun: Token, words: ModalityWords) -> bool:
    """ "has *no* plans to", "does *not* have plans to": the plan is denied, the act refused."""
    verb = noun.head
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children) or _is_negated(verb, _clause_chain(verb), words)


def _committed_gerund(verb: Token) -> bool:
    """A gerund after "to" on an intent adjective, which it complements as an infinitive
    would: "remains *committed to* holding talks"."""
    prep = verb.head
    return verb.dep_ == "pcomp" and prep.lower_ == "to" and prep.head.lower_ in load_modality_words().intent_adjectives


def _shares_clause(verb: Token) -> bool:
    """A conjunct verb without a subject of its own shares its head's auxiliaries and negation
    ("did not attack or *shell*"); one with its own ("..., and the governor *offered*") does not."""
    return verb.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)


def _infinitive_clause(verb: Token) -> bool:
    """An infinitive with a subject of its own ("allow the planes *to land*") or one that says
    what its act is for ("will send troops *to help*"), which shares the act's modality."""
    if verb.dep_ not in {"ccomp", "advcl"} or any(c.dep_ == "mark" for c in verb.children):
        return False
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _governed_by(chain: list[Token], lemmas: frozenset[str]) -> bool:
    """Whether the clause is the infinitive complement of one of these verbs or adjectives."""
    return any(_complement_of(v) and v.head.lemma_.lower() in lemmas for v in chain)


def _is_negated(trigger: Token, chain: list[Token], words: ModalityWords) -> bool:
    if any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children):
        return True  # "no talks"
    if any(c.dep_ == "neg" or c.lower_ in words.negators and c.dep_ == "advmod" for v in chain for c in v.children):
        return True
    return _governed_by(chain, words.refusal_governors | words.ending_governors)


def _is_requested(chain: list[Token], words: ModalityWords) -> bool:
    """Asked of someone else ("urged Japan to halt", "demanded that Russia withdraw")."""
    for verb in chain:
        if _complement_of(verb) and verb.head.lemma_.lower() in words.request_governors:
            if verb.dep_ == "ccomp" and _states_a_fact(verb):
                continue  # "told reporters *the government is ready*": reported, not asked
            if asks_someone(verb.head) or verb.dep_ == "ccomp":
                return True
    return False


def _states_a_fact(clause: Token) -> bool:
    """An indicative clause without a modal ("the government *is* ready", "they *had* left"),
    or one that tells what will or may be ("*We will not back down*," he told reporters), which
    a verb like "tell" reports rather than asks; "told Kyiv it *must* withdraw" asks."""
    verbs = [clause, *(c for c in clause.children if c.dep_ in {"aux", "auxpass"})]
    modals = {v.lower_ for v in verbs if v.tag_ == "MD"}
    if modals:
        return modals <= REPORTED_MODALS
    return any(v.tag_ in {"VBZ", "VBD", "VBP"} for v in verbs)


# Modals by which a clause tells what will or may happen, not what someone is asked to do.
REPORTED_MODALS = {"will", "would", "'ll", "wo", "can", "could", "may", "might"}


# Prepositions by which a request verb names whom it asks: "called *on* Kyiv to", "appealed *to* the UN to".
ASKED_PREPOSITIONS = {"on", "upon", "to", "with"}


def asks_someone(governor: Token) -> bool:
    """Whether a request verb names whom it asks ("urged *Japan* to halt", "called *on Kyiv* to",
    "*Russia* was asked to")."""
    return any(
        c.dep_ in {"dobj", "dative", "nsubjpass"} or c.dep_ == "prep" and c.lower_ in ASKED_PREPOSITIONS and any(o.dep_ == "pobj" for o in c.children)
        for c in governor.children
    )


def _complement_of(verb: Token) -> bool:
    """An infinitive or clausal complement; the parser reads "appealed to the UN *to
    intervene*" as an adverbial clause."""
    return verb.dep_ in {"xcomp", "ccomp"} or verb.dep_ == "advcl" and any(c.tag_ == "TO" for c in verb.children)


def _has_modal(chain: list[Token], words: ModalityWords, besides: frozenset[str] = frozenset()) -> bool:
    """A hypothetical modal on the clause (other than `besides`: an obligation, "Russia *must*
    withdraw", is no intent of its subject)."""
    for verb in chain:
        modals = {c.lower_ for c in verb.children if c.dep_ == "aux"} & words.hypothetical_modals - besides
        # "said it would withdraw": reported "would" is the future seen from the past.
        if modals - {"would"} or "would" in modals and not _reported(chain):
            return True
    return False


def _in_condition(trigger: Token, chain: list[Token], words: ModalityWords) -> bool:
    """Whether the trigger states a condition ("if Russia *invades*")."""
    return any(_is_condition(clause, words) for clause in [*chain, *trigger.ancestors])


def _has_condition(chain: list[Token], words: ModalityWords) -> bool:
    """Whether the trigger states what follows on a condition ("..., we will *respond*")."""
    return any(_is_condition(c, words) for v in chain for c in v.children if c.dep_ == "advcl")


def _is_condition(clause: Token, words: ModalityWords) -> bool:
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in words.conditional_markers for c in clause.children)


def _reported(chain: list[Token]) -> bool:
    """Whether the clause is reported speech in the past ("said ... and that Belarus *would*")."""
    if not chain:
        return False
    clause = chain[-1]
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # a later conjunct of the reported clause
    if clause.dep_ != "ccomp":
        return False
    reporter = clause.head
    if reporter.tag_ == "VBG" and reporter.dep_ in {"advcl", "conj"}:
        reporter = reporter.head  # "Ruto said ..., *adding* that he would hold talks"
    return reporter.tag_ in {"VBD", "VBN"}


def _is_future(chain: list[Token], words: ModalityWords) -> bool:
    auxiliaries = {c.lower_ for v in chain for c in v.children if c.dep_ == "aux"}
    if auxiliaries & words.future_aux or "would" in auxiliaries and _reported(chain):
        return True
    if _governed_by(chain, words.future_governors | words.intent_adjectives) or any(_committed_gerund(v) for v in chain):
        return True
    # "Putin *is expected* to visit", "talks are scheduled to": the passive governor itself
    if any(_is_passive_governor(v, words.future_governors) for v in chain):
        return True
    # "wants to attack": a request verb without anyone asked states the subject's own intent.
    requests = (v.head for v in chain if v.dep_ == "xcomp" and v.head.lemma_.lower() in words.request_governors)
    if any(not asks_someone(request) for request in requests):
        return True
    # "is going to meet", "is due to visit"
    if any(v.dep_ == "xcomp" and (v.head.lemma_ == "go" and v.head.tag_ == "VBG") for v in chain):
        return True
    return any(_is_headline_infinitive(v) for v in chain)


def _is_passive_governor(verb: Token, lemmas: frozenset[str]) -> bool:
    children = list(verb.children)
    return verb.lemma_.lower() in lemmas and any(c.dep_ == "auxpass" for c in children) and any(c.dep_ == "xcomp" for c in children)


def _is_headline_infinitive(verb: Token) -> bool:
    """Headline style "France to pull troops from Mali": a subject with a bare infinitive
    as its sentence's main verb announces what is to come."""
    return (
        verb.dep_ == "ROOT"
        and verb.tag_ == "VB"
        and any(c.tag_ == "TO" and c.dep_ == "aux" for c in verb.children)
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    )


def _is_suspected(trigger: Token, chain: list[Token], words: ModalityWords, modifiers: set[str]) -> bool:
    """ "amid suspicions that Moscow is preparing ...", "allegedly", "alleged strikes"."""
    if modifiers & (words.suspicion_modifiers | words.suspicion_adverbs):
        return True
    for verb in chain:
        if any(c.dep_ == "advmod" and c.lower_ in words.suspicion_adverbs for c in verb.children):
            return True
    clause = chain[-1] if chain else trigger
    for ancestor in [clause, *clause.ancestors]:
        if ancestor.dep_ in {"acl", "ccomp", "pcomp", "advcl"} or ancestor.dep_ == "xcomp" and ancestor.head.tag_ == "VBN":
            governor = ancestor.head.head if ancestor.dep_ == "pcomp" and ancestor.head.dep_ == "prep" else ancestor.head
            if ancestor.head.lemma_.lower() in words.suspicion_words or governor.lemma_.lower() in words.suspicion_words:
                return True  # "amid suspicions that ...", "was accused *of* bombing"
        if ancestor.dep_ == "relcl":
            break  # "accused X of ..., a charge *New Delhi rejected*": the clause states its own fact
    return False
