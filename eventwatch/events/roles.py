"""Who did what to whom, read off spaCy's dependency parse.

For every verb the lexicon knows, a `Frame` collects what the parse attaches
to it (particles, objects, prepositions, infinitive and clausal complements,
subject), the most specific satisfied `VerbPattern` gives the CAMEO code, and
the frame gives the source and target tokens. Nouns of the noun lexicon
("the annexation of Crimea", "talks between Kyiv and Moscow") are triggers too,
with their roles read off the noun phrase. Active and passive voice,
coordinated actors ("Germany and France"), shared subjects of coordinated
verbs, control verbs, relative clauses and pronoun subjects of reported speech
are handled here; resolving tokens to actors is the actor layer's job.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy
from spacy.attrs import POS
from spacy.symbols import ADJ, AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from eventwatch.data import read_yaml
from eventwatch.events.lexicon import Lexicon, NounPattern, VerbPattern, match_length, token_matches
from eventwatch.events.modality import ASKED_PREPOSITIONS, held_plan, load_modality_words, noun_of_infinitive
from eventwatch.gazetteer import place_words
from eventwatch.nlp import sentence_of

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "dative", "attr"}
# The model tags some phrasal particles as adverbs: "stepped *down*", "pulled *back*",
# "looks *forward*", "set *aside*".
PARTICLE_ADVERBS = {"back", "down", "up", "out", "off", "away", "in", "over", "forward", "aside", "forth", "together", "apart"}
# Predicative complements an object value also matches: "seemed *confident*", "held them
# *responsible*", "set the hostages *free*".
COMPLEMENT_DEPS = {"acomp", "oprd"}
# Prepositions that may carry a target when the pattern names none that resolves.
TARGET_PREPOSITIONS = ("with", "against", "to", "on", "toward", "towards", "at", "over", "into", "upon", "around")
# A preposition two phrases below the verb that still names its counterpart.
DEEP_TARGET_PREPOSITIONS = ("with",)
# Prepositions of a noun trigger that name its target ("airstrikes *on* Kharkiv").
NOUN_TARGET_PREPOSITIONS = ("on", "against", "at", "with", "to", "toward", "towards", "into", "over", "for", "upon", "around")
# Words of a noun phrase that name who owns it: "Russia's demand", "a demand *by* Moscow".
OWNER_PREPOSITIONS = ("of", "from", "by", "for")
# Pronouns that stand for the speaker when they are the subject of reported speech.
REPORTED_PRONOUNS = {"it", "he", "she", "they"}
PLURAL_TAGS = {"NNS", "NNPS"}
RELATIVE_TAGS = {"WDT", "WP"}
DASHES = {"-", "\u2013", "\u2014", "--"}
# Where an act happened stands for whom it was aimed at when no one else is named, as the
# CAMEO and PLOVER coders do: "staged a protest *in Beijing*", "opened an embassy *in
# Tehran*", "reimposed blockades *in the West Bank*". Bare statements (01) have no place target.
LOCATION_PREPOSITIONS = ("in", "at", "near", "inside", "outside", "across", "throughout")
# What one leaves: "withdrew *from* Chad", "pulled out *of* Moldova" (parsed as "out" with its "of").
ORIGIN_PREPOSITIONS = ("from", "out")
NO_LOCATION_TARGET_ROOTS = {"01"}
THREAT_ROOT = "13"
# Demands whose complement names the act demanded ("demanded that Iran release the vessel"):
# that act is coded too, by the one asked (hypothetical), as CAMEO coders code requests.
DEMAND_ROOTS = {"10"}
INTENT_ROOT = "03"
ANY_CLAUSE = "any"  # a `ccomp` value: any clausal complement
PROTEST_ROOT = "14"
# Where a protest stands before whom it is aimed at: "rallied *outside* their country's embassy".
PROTESTED_AT = ("outside", "before")


@dataclass
class Frame:
    """What the parse attaches to one trigger (a verb, or a noun for nominal events)."""

    verb: Token
    particles: set[str] = field(default_factory=set)
    objects: list[Token] = field(default_factory=list)
    preps: dict[str, list[Token]] = field(default_factory=dict)
    xcomps: list[Token] = field(default_factory=list)
    ccomps: list[Token] = field(default_factory=list)
    purposes: list[Token] = field(default_factory=list)  # "opened fire *to disperse* them"
    subject: Token | None = None
    passive: bool = False
    agent: Token | None = None
    complements: list[Token] = field(default_factory=list)

    def add_prep(self, prep: Token) -> None:
        objects = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
        if not objects:  # "outside of Basra", "ahead of the talks"
            objects = [o for of in prep.children if of.dep_ == "prep" and of.lower_ == "of" for o in of.children if o.dep_ == "pobj"]
        objects += [counted for noun in objects for counted in _counted(noun)]  # "with *hundreds of* drones"
        self.preps.setdefault(prep.lower_, []).extend(objects)

    def object_like(self) -> list[Token]:
        """What an object value matches: the objects, the subject of a passive verb ("sanctions
        *were imposed*") and predicative complements ("seemed confident"), and behind a
        quantity the noun it counts ("25,000 tons *of aid*", "part *of* a stronghold")."""
        found = [*self.objects, *self.complements]
        if self.passive and self.subject is not None:
            found.append(self.subject)
        # "called Pyongyang's actions *"very hostile and dangerous"*": a quoted appos, or
        # adjectives after the noun, which the parser hangs on it as modifiers
        quoted = [c for o in self.objects for c in o.children if c.dep_ in {"appos", "amod"} and c.i > o.i and _is_quoted(c)]
        quoted += [j for q in quoted for j in q.conjuncts]
        return found + quoted + [counted for noun in found for counted in _counted(noun)]

    def actor_subject(self) -> Token | None:
        """Who does it, for a subject value: the active subject, or the passive agent."""
        return self.agent if self.passive else self.subject

    def words(self) -> set[str]:
        """Lemmas of everything attached, for the lexicon's index of patterns."""
        clauses = [*self.xcomps, *self.purposes, *self.ccomps]
        tokens = [*self.object_like(), *clauses, *(o for objects in self.preps.values() for o in objects)]
        tokens += [o for clause in clauses for o in clause.children if o.dep_ in OBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
        subject = self.actor_subject() or _shared_subject(self)
        if subject is not None:
            tokens += [subject, *_counted(subject)]
        tokens += [c for t in tokens if t.pos_ == "PROPN" for c in t.children if c.dep_ == "compound"]  # a name's title
        return {t.lemma_.lower() for t in tokens} | set(self.preps) | self.particles


@dataclass(frozen=True)
class Role:
    """A matched trigger: its pattern, the tokens that may head the source and the target
    phrases (most likely first), and the words the pattern bound, for explanations."""

    frame: Frame
    pattern: VerbPattern | NounPattern
    source_candidates: tuple[Token, ...]
    target_candidates: tuple[Token, ...]
    consumed: frozenset[int]  # token indices folded into this event ("agreed to *meet*")
    bound: tuple[tuple[str, Token], ...] = ()
    # Target heads a symmetric event also runs back from ("met *with* X"), not a stray
    # preposition ("agrees sanctions *on* Moscow").
    reciprocal: frozenset[int] = frozenset()

    @property
    def trigger(self) -> Token:
        return self.frame.verb

    @property
    def symmetric(self) -> bool:
        return self.pattern.symmetric


# Nouns that count or measure what their "of" phrase names: "tons of aid", "thousands of troops",
# "11 hours of talks".
QUANTITY_NOUNS = {
    "ton", "tonne", "thousand", "hundred", "dozen", "million", "billion", "number", "part", "portion",
    "batch", "shipment", "consignment", "load", "truckload", "planeload", "amount", "quantity", "kind",
    "type", "package", "round", "wave", "series", "set", "lot", "bulk", "majority", "rest", "unit",
    "contingent", "deployment", "detachment", "group", "team", "column", "convoy", "fleet", "squadron",
    "hour", "day", "week", "month", "minute", "night", "session", "spate", "string", "flurry", "barrage",
    "volley", "salvo",
}  # fmt: skip


def _counted(noun: Token) -> list[Token]:
    """What a quantity counts: "500 tons *of* aid", "$3.5 million *in* military aid"."""
    if noun.lemma_.lower() not in QUANTITY_NOUNS and noun.pos_ != "NUM":
        return []
    counting = {"of", "in"} if noun.ent_type_ == "MONEY" else {"of"}
    return [o for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in counting for o in prep.children if o.dep_ == "pobj"]


# The frames `frame_of` has built for one doc, inside `frames_remembered`.
_remembered_frames: ContextVar[tuple[Doc, dict[int, Frame]] | None] = ContextVar("remembered_frames", default=None)


@contextmanager
def frames_remembered(doc: Doc) -> Iterator[None]:
    """Inside the block `frame_of` builds each frame of `doc` once: the event stage asks for
    the frames of the same verbs again and again (230 times for 133 frames in the 800-word
    bench). The frames are then shared, so no caller may change one. They are forgotten when
    the block ends and never stored on the doc, which must stay picklable for Dask."""
    reset = _remembered_frames.set((doc, {}))
    try:
        yield
    finally:
        _remembered_frames.reset(reset)


def frame_of(verb: Token) -> Frame:
    """What the parse attaches to `verb`; built once per doc inside `frames_remembered`."""
    remembered = _remembered_frames.get()
    if remembered is None or remembered[0] is not verb.doc:
        return _built_frame(verb)
    frames = remembered[1]
    if verb.i not in frames:
        frames[verb.i] = _built_frame(verb)
    return frames[verb.i]


def _built_frame(verb: Token) -> Frame:
    frame = Frame(verb=verb)
    for child in verb.children:
        dep = child.dep_
        if dep == "prt" or dep == "advmod" and child.lower_ in PARTICLE_ADVERBS:
            frame.particles.add(child.lower_)
            for prep in (c for c in child.children if c.dep_ == "prep" and child.i > verb.i):  # not "*Back from* talks, he ..."
                frame.add_prep(prep)  # "sent the ship back *into* Greek waters", parsed under "back"
        elif dep == "prep" and (purpose := _in_order_to(child)) is not None:
            frame.purposes.append(purpose)
        elif dep == "prep" or dep == "dative" and child.pos_ == "ADP":
            frame.add_prep(child)  # "sent troops *to* Haiti" is parsed as a dative now and then
        elif dep in OBJECT_DEPS:
            frame.objects.append(child)
        elif dep == "agent":
            frame.agent = next((c for c in child.children if c.dep_ in {"pobj", "pcomp"}), None)  # "by Russian *shelling*"
        elif dep == "xcomp":
            frame.xcomps.append(child)
        elif dep == "ccomp":
            frame.ccomps.append(child)
        elif dep == "advcl" and is_purpose(child):
            frame.purposes.append(child)
        elif dep in COMPLEMENT_DEPS or dep == "advcl" and child.pos_ == "ADJ":
            frame.complements.append(child)
        elif dep in SUBJECT_DEPS and not (frame.subject is not None and _is_apposition_like(child)):
            frame.subject = child  # not a second one set off by commas: "Members of X, *a body* linked to Y, investigated"
        elif dep in PASSIVE_SUBJECT_DEPS:
            frame.subject, frame.passive = child, True
    if not frame.passive and frame.agent is not None and verb.tag_ == "VBN" and frame.subject is not None and not any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children
    ):
        frame.passive = True  # "Rockets *fired* by Hamas militants killed ...", parsed with an active subject
    _free_relative_as_object(frame)
    if frame.passive and frame.agent is None:
        frame.agent = _agent_read_as_modifier(verb)
    if not frame.objects:  # a count the parser reads as an adverb: "shot down *30* of 34 drones"
        frame.objects = [c for c in verb.children if c.dep_ == "npadvmod" and c.like_num and any(p.lower_ == "of" for p in c.children)]
    if frame.subject is not None and frame.subject.tag_ == "VBG":  # "The Red Cross *operating* in Iraq said"
        frame.subject = next((c for c in frame.subject.children if c.dep_ in SUBJECT_DEPS), frame.subject)
    if frame.subject is None and verb.dep_ == "conj":
        frame.subject = _subject_read_as_object(verb)  # "..., and *Belgium*, the former colonial power, suspended"
    if frame.subject is None:  # the parser now and then hangs the subject on the auxiliary: "Egypt *are* mediating"
        frame.subject = next((s for aux in verb.children if aux.dep_ == "aux" for s in aux.children if s.dep_ in SUBJECT_DEPS), None)
    if frame.subject is None and verb.dep_ == "ROOT":  # a headline's subject read as a modifier: "*Armenia* recognises ..."
        frame.subject = next((c for c in reversed(list(verb.lefts)) if c.dep_ in HEADLINE_SUBJECT_DEPS and (c.pos_ == "PROPN" or c.ent_type_)), None)
    if frame.subject is None and frame.agent is not None and verb.tag_ in {"VBN", "JJ"} and verb.dep_ == "acomp":
        frame.subject = next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), None)
        frame.passive = frame.subject is not None  # "it was deeply *disappointed* by the deal", read as a complement
    if frame.subject is None and verb.dep_ == "amod" and (leader := _go_between(verb)) is not None:
        _as_go_between(frame, leader)  # "a *Russian*-brokered ceasefire": Russia brokered it
    if frame.subject is None and verb.dep_ == "acl" and verb.tag_ == "VBG":
        frame.subject = verb.head  # "a passenger plane *flying* to Vilnius": the plane flies
    if _is_headline_participle(verb, frame):
        frame.passive = True  # "Haitian president *assassinated* at his home": a headline drops "was"
    reported = _inverted_report(verb) if verb.dep_ == "acl" and verb.tag_ == "VBN" else None
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and _is_main_verb(verb, frame, reported):
        frame.subject = frame.subject or verb.head  # "An official newspaper *called* Thursday on Arabs to ..."
        if reported is not None:
            frame.ccomps.append(reported)  # "Border agents abused migrants, a rights group *charged*."
    elif verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children):
        frame.subject, frame.passive = verb.head, True  # "the civilians *imprisoned* by Moscow", not
        # "suspicions that *they* were abducted": a clause with a subject of its own
    elif verb.dep_ == "relcl" and frame.subject is not None and frame.subject.tag_ in RELATIVE_TAGS:
        frame.subject = verb.head  # "the mayor, *who* was jailed"
    elif verb.dep_ == "relcl" and frame.subject is not None:
        _object_of_relative(frame, verb.head)
    # Prepositions attached to the object noun count too, after the verb's own:
    # "imposed sanctions *on* Minsk on Monday", "held talks *with* Kyiv".
    # One level further only for whom a phrase is with: "deployed jets along its
    # frontier *with* China", not where ("a summit in Cairo").
    counted = [c for o in frame.objects for c in _counted(o)]  # "500 tons of aid *to* Nepal"
    deeper = []
    for noun in [*frame.objects, *counted, *(o for objs in list(frame.preps.values()) for o in objs)]:
        for child in noun.children:
            if child.dep_ == "prep":
                frame.add_prep(child)
                deeper += [o for o in child.children if o.dep_ == "pobj"]
    for noun in deeper:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in DEEP_TARGET_PREPOSITIONS:
                frame.add_prep(child)
    return frame


def _agent_read_as_modifier(verb: Token) -> Token | None:
    """A passive verb's agent the parser hung on the noun before it: "was accused of
    corruption *by* Peruvian prosecutors"."""
    for prep in verb.children:
        for noun in (c for c in prep.children if prep.dep_ == "prep" and c.dep_ == "pobj"):
            by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
            agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
            if agent is not None:
                return agent
    return None


NAMING_VERBS = {"call", "describe", "term", "label", "dub", "brand"}


def _free_relative_as_object(frame: Frame) -> None:
    """ "condemned *what it called China's crackdown*": the named thing is the object, not
    a clause the verb reports."""
    for clause in list(frame.ccomps):
        if clause.lemma_.lower() not in NAMING_VERBS or not any(c.dep_ == "dobj" and c.lower_ == "what" for c in clause.children):
            continue
        named = [c for c in clause.children if c.dep_ == "oprd"]
        named += [o for p in clause.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children if o.dep_ == "pobj"]
        if named:
            frame.ccomps.remove(clause)
            frame.objects += named


def _go_between(participle: Token) -> Token | None:
    """Who brokered what a participle joined to a name by a hyphen says: "*Qatar*-brokered"."""
    if participle.lemma_.lower() not in _participation_words()["go_between_participles"]:
        return None
    doc = participle.doc
    before = participle.i - 1
    if before < 1 or doc[before].text != "-" or doc[before].whitespace_ or doc[before - 1].whitespace_:
        return None
    return next((c for c in participle.lefts if c.i == before - 1 and c.dep_ in LEADER_DEPS), None)


LEADER_DEPS = {"npadvmod", "compound", "nmod", "amod"}


def _as_go_between(frame: Frame, leader: Token) -> None:
    """The participle's doer is its hyphened leader when the text names whom it was done
    between: the noun's "between Israel and Hamas", else the subject of the verb whose object
    the noun is ("Armenia and Azerbaijan signed a Russian-brokered ceasefire")."""
    parties = _brokered_between(frame.verb.head)
    if parties:  # "as part of a UN-brokered deal" names no one it was brokered between: no event
        frame.subject = leader
        frame.preps.setdefault("between", []).extend(parties)


def _mediated_between(frame: Frame) -> list[Token]:
    """ "signed a deal *mediated by* the US": a go-between participle on a noun mediated
    between whoever made what the noun names."""
    verb = frame.verb
    if verb.dep_ != "acl" or verb.lemma_.lower() not in _participation_words()["go_between_participles"]:
        return []
    return _brokered_between(verb.head)


def _brokered_between(noun: Token) -> list[Token]:
    """Whom what a noun names was brokered between: its "between Israel and Hamas", else the
    subject of the verb whose object it is ("Armenia and Azerbaijan signed a deal")."""
    parties = [o for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "between" for o in prep.children if o.dep_ == "pobj"]
    if not parties and noun.dep_ == "dobj":
        parties = [c for c in noun.head.children if c.dep_ in SUBJECT_DEPS]
    return parties


def _is_headline_participle(verb: Token, frame: Frame) -> bool:
    """A past form heading the article's headline with a subject and no object: headlines
    tell acts in the present ("Turkey shoots down warplane"), so it is a passive without
    its auxiliary ("Haitian president assassinated"), which the parser reads as active."""
    return (  # the sentence last: frame_of is hot
        verb.dep_ == "ROOT"
        and verb.tag_ == "VBD"
        and frame.subject is not None
        and not (frame.objects or frame.ccomps or frame.xcomps or frame.passive)
        and frame.agent is None
        and verb.lemma_.lower() in _participation_words()["headline_passives"]
        and is_headline(sentence_of(verb))
    )


def is_headline(sentence: Span) -> bool:
    """The article's first line, without a full stop, that a line break ends."""
    doc = sentence.doc
    ends_line = any(t.is_space and "\n" in t.text for t in doc[sentence.end - 1 : sentence.end + 1])
    last = next((t for t in reversed(sentence) if not t.is_space), None)
    return sentence.start == 0 and ends_line and last is not None and last.text not in {".", "!", "?"}


def _is_apposition_like(subject: Token) -> bool:
    """A noun phrase set off by commas on both sides, as an apposition is ("…, a body linked to …,")."""
    doc = subject.doc
    start, last = subject.left_edge.i, subject.right_edge.i
    closed = doc[last].text == "," or last + 1 < len(doc) and doc[last + 1].text == ","
    return start > 0 and doc[start - 1].text == "," and closed


def _is_main_verb(participle: Token, frame: Frame, reported: Token | None) -> bool:
    """A past form the parser hung on the noun before it as a reduced passive ("the deal
    *signed* in May") that is in fact the finite verb whose subject the noun is: it has a
    subject or a perfect auxiliary of its own, or the noun heads a full sentence ("A
    newspaper *called* Thursday on Arabs to unite.") or is a second subject of another verb,
    or it closes the sentence after a comma as reporting verbs do (`reported`, the clause it
    reports: "..., a rights group *protested* here Wednesday.")."""
    if frame.agent is not None:
        return False
    if frame.subject is not None or any(c.dep_ == "aux" and c.lemma_ == "have" for c in participle.children):
        return True
    noun, sentence = participle.head, sentence_of(participle)
    if noun.dep_ == "ROOT":
        return sentence[-1].text in {".", "!"} and participle.i > noun.i
    if noun.dep_ in SUBJECT_DEPS and any(c.dep_ in SUBJECT_DEPS and c.i != noun.i for c in noun.head.children):
        return True  # the noun's verb has a subject of its own: "Youths *resorted* to ..., officials said."
    return reported is not None


def _inverted_report(participle: Token) -> Token | None:
    """The sentence's main verb when the participle closes it as its report, after a comma."""
    noun, sentence = participle.head, sentence_of(participle)
    before = noun.left_edge.i - 1
    if before < sentence.start or participle.doc[before].text != "," or participle.i < noun.i:
        return None
    if any(not t.is_punct for t in participle.doc[participle.right_edge.i + 1 : sentence.end]):
        return None
    root = sentence.root
    return root if root.pos_ in {"VERB", "AUX"} and root.i < noun.i else None


def _object_of_relative(frame: Frame, noun: Token) -> None:
    """The noun a relative clause with a subject of its own describes is its object: "the
    charge *which* Moscow denied", "a charge New Delhi *rejected*" (not a time: "the day ...")."""
    relatives = [o for o in frame.objects if o.tag_ in RELATIVE_TAGS]
    if relatives:
        frame.objects = [noun if o.tag_ in RELATIVE_TAGS else o for o in frame.objects]
    elif not frame.objects and not frame.ccomps and not frame.xcomps and not _is_time(noun) and noun.pos_ == "NOUN":
        frame.objects.append(noun)


def is_purpose(clause: Token) -> bool:
    """An infinitive that says what the act is for: "began a hunger strike *to protest* ...".
    After a request verb it is what is asked ("appealed to the Council *to intervene*")."""
    if clause.tag_ != "VB" or any(c.dep_ == "mark" for c in clause.children):
        return False
    if clause.head.lemma_.lower() in load_modality_words().request_governors:
        return False
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children)


def _act_of_purpose(verb: Token) -> Token | None:
    """The verb whose act a purpose clause is for ("opened fire *to disperse*", "rallied in
    order *to protest*"), or None when the verb states no purpose."""
    if verb.dep_ == "advcl" and is_purpose(verb):
        return verb.head
    order = verb.head
    if verb.dep_ in {"acl", "relcl"} and order.lower_ == "order" and order.dep_ == "pobj" and order.head.lower_ == "in":
        return order.head.head
    return None


def _in_order_to(prep: Token) -> Token | None:
    """The verb of "in order to ...", which the parser hangs on the noun "order"."""
    if prep.lower_ != "in":
        return None
    order = next((c for c in prep.children if c.dep_ == "pobj" and c.lower_ == "order"), None)
    return next((c for c in order.children if c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB"), None) if order else None


def satisfies(frame: Frame, pattern: VerbPattern) -> bool:
    return match_detail(frame, pattern) is not None


def match_detail(frame: Frame, pattern: VerbPattern) -> int | None:
    """None when the clause does not satisfy the pattern, else how many of its words the
    clause matched (particle, prepositions, the words of matched values, complements): among
    equally specific patterns the one naming more words wins ("send *humanitarian aid*" over
    "send *aid*"), then the first listed ("pull *back*" before "pull *troops*")."""
    if pattern.particle and pattern.particle not in frame.particles:
        return None
    words = (pattern.particle, pattern.prep, pattern.prep2, pattern.xcomp, pattern.ccomp, pattern.purpose)
    detail = sum(1 for word in words if word)
    if pattern.object:
        found = max((match_length(o, pattern.object) for o in frame.object_like()), default=0)
        if not found:
            return None
        detail += found
    for prep, values in ((pattern.prep, pattern.prep_object), (pattern.prep2, pattern.prep2_object)):
        if prep:
            objects = [o for o in frame.preps.get(prep, ()) if not _is_time(o)]
            if not values:  # a bare preposition hangs on the verb or its object, not deeper
                near = {frame.verb.i, *(o.i for o in frame.objects), *(c.i for c in frame.verb.children if c.dep_ in {"prt", "advmod"})}
                objects = [o for o in objects if _prep_anchor(o) in near]
            if not objects:
                return None  # "called *on Tuesday*" is no "call on", "would not stand *by*" no "stand by X"
            if values:
                found = max((match_length(o, values) for o in objects), default=0)
                if not found:
                    return None
                detail += found
    if pattern.subject:
        subject = frame.actor_subject() or _shared_subject(frame)
        # behind a quantity too: "the first *contingent of peacekeepers* arrived"
        subjects = [subject, *_counted(subject)] if subject is not None else []
        found = max((match_length(s, pattern.subject) for s in subjects), default=0)
        if not found:
            return None
        detail += found
    for clause_of, verbs, objects in (
        (_matched_xcomp, pattern.xcomp, pattern.xcomp_object),
        (_matched_purpose, pattern.purpose, pattern.purpose_object),
    ):
        if verbs or objects:
            clause = clause_of(frame, pattern)
            if clause is None:
                return None
            if objects:  # "threatened to halt *its mediation*"
                detail += max(match_length(o, objects) for o in frame_of(clause).object_like())
    if pattern.ccomp and _matched_ccomp(frame, pattern) is None:
        return None
    return detail


def _shared_subject(frame: Frame) -> Token | None:
    """The subject a coordinated verb shares with the verb before it ("protesters gathered
    and *stormed* the building")."""
    return _source_head(frame) if frame.verb.dep_ == "conj" and not frame.passive else None


TIME_ENTITIES = {"DATE", "TIME"}


def _prep_anchor(prep_object: Token) -> int:
    """Where the preposition of a prepositional object hangs ("outside *of* Basra": past "of")."""
    prep = prep_object.head
    if prep.lower_ == "of" and prep.head.dep_ == "prep" and not any(c.dep_ in {"pobj", "pcomp"} for c in prep.head.children):
        prep = prep.head
    return prep.head.i


def _is_time(token: Token) -> bool:
    return token.ent_type_ in TIME_ENTITIES


def best_pattern(frame: Frame, lexicon: Lexicon) -> VerbPattern | None:
    """The satisfied pattern with the most constraints, then the most words matched; ties
    go to the first listed."""
    best, best_rank = None, (-1, -1)
    for pattern in lexicon.candidates(_lemma(frame.verb), frame.words()):
        if pattern.specificity < best_rank[0]:
            break  # candidates come most specific first
        detail = match_detail(frame, pattern)
        if detail is not None and (pattern.specificity, detail) > best_rank:
            best, best_rank = pattern, (pattern.specificity, detail)
    return best


def find_roles(doc: Doc, lexicon: Lexicon) -> list[Role]:
    """Verb roles first; a noun trigger the verb pattern already used ("launched *airstrikes*")
    or a complement folded into another verb's pattern does not stand as its own event. A
    pattern with no event ("averted an *attack*") still uses up its words; one with a
    `reverse` code also gives the event from the target back ("X visited Y": Y hosts X)."""
    roles, consumed = [], set()
    for token in _tokens_of(doc, VERBAL_POS):
        if token.pos_ != "VERB" and not _is_verbal_root(token) and not _is_main_copula(token) and not _is_moved_by(token):
            continue
        frame = frame_of(token)
        pattern = best_pattern(frame, lexicon)
        if pattern is not None:
            role = _role(frame, pattern)
            consumed |= role.consumed
            roles += _coded_roles(role)
    roles = [
        role
        for role in roles
        if role.trigger.i not in consumed and not _restates_its_act(role, roles) and not _demand_of_protest(role, roles)
    ]
    roles = [role for role in roles if not _helps_do(role, roles)]
    roles = [role for role in roles if not _fight_sent_for(role, roles)]
    roles = [role for role in roles if not _launches_the_means(role, roles)]
    roles = [_as_accusation(role, roles) for role in roles]
    acting = {role.trigger.i for role in roles if not role.pattern.code.startswith("01")}
    light = set()
    verb_triggers = {role.trigger.i for role in roles}
    for token in _tokens_of(doc, NOMINAL_POS):
        if _is_nominal(token) and token.i not in consumed and token.i not in verb_triggers:
            pattern = lexicon.noun_pattern_for(token)
            if pattern is None or pattern.no_event:
                continue  # "a news conference" is no conference
            role = _noun_role(token, pattern, lexicon)
            governor = next((t for name, t in role.bound if name == "governing verb"), None)
            if governor is not None and governor.i in acting and not _yields_to_noun(governor, roles):
                continue
            if pattern.code.startswith(MEETING_ROOT) and _is_setting(token, acting) or _is_backdrop(token, acting):
                continue
            if _is_instrument(token, pattern, roles) or _is_reason(token, acting | consumed) or _is_defied(token):
                continue
            roles.append(role)
            if governor is not None and governor.i in acting:
                light.add(governor.i)
    roles = [role for role in roles if role.trigger.i not in light or isinstance(role.pattern, NounPattern)]
    return _with_doers_of_means(roles, lexicon)


# Parts of speech a verb trigger may have (a verb, or as `_is_verbal_root`, `_is_main_copula`
# and `_is_moved_by` allow, a noun, an auxiliary or an adjective) and a noun trigger (as `_is_nominal`).
VERBAL_POS = frozenset({VERB, NOUN, AUX, ADJ})
NOMINAL_POS = frozenset({NOUN, PROPN, VERB})


def _tokens_of(doc: Doc, parts_of_speech: frozenset[int]) -> Iterator[Token]:
    """The doc's tokens of these parts of speech in text order, found in one array: most
    tokens are of none, and looking at each builds an object for it."""
    for i in numpy.flatnonzero(numpy.isin(doc.to_array(POS), list(parts_of_speech))):
        yield doc[int(i)]


def _with_doers_of_means(roles: list[Role], lexicon: Lexicon) -> list[Role]:
    """A passive violent act without an agent takes the doer of the violent means it names,
    which is then part of it: "five people were killed *in an Israeli airstrike*"."""
    used, found = set(), []
    for role in roles:
        if isinstance(role.pattern, VerbPattern) and role.pattern.code[:2] in VIOLENT_ROOTS and role.frame.passive and not role.source_candidates:
            means = [o for prep in INSTRUMENT_PREPOSITIONS for o in role.frame.preps.get(prep, []) if _is_violent_noun(o, lexicon)]
            doers = [c for noun in means for c in noun.children if c.dep_ in {"poss", "amod", "compound"}]
            if doers:
                role = replace(role, source_candidates=tuple(doers), bound=(*role.bound, ("means", means[0])))
                used |= {noun.i for noun in means}
        found.append(role)
    return [role for role in found if not (isinstance(role.pattern, NounPattern) and role.trigger.i in used)]


def _is_violent_noun(token: Token, lexicon: Lexicon) -> bool:
    pattern = lexicon.noun_pattern_for(token) if _is_nominal(token) else None
    return pattern is not None and pattern.code[:2] in VIOLENT_ROOTS


VIOLENT_ROOTS = {"18", "19", "20"}
INSTRUMENT_PREPOSITIONS = ("in", "with", "by", "using")
# Acts whose report by someone else accuses their doer: "Kyiv claimed Russian forces had
# shelled the town" (also ACCUSE for Kyiv against Russia).
ACCUSED_ROOTS = {"17", *VIOLENT_ROOTS}
REJECT_ROOT = "12"
ACCUSATION = "112"
ACCUSED_ACT = "accused act"
ACCUSED_TARGET = "accused act's target"
OWN_CLAIM = "015"  # claim responsibility: an allegation of the speaker's own side's act


NOMINAL_DEPS = {"dobj", "pobj", "nsubj", "nsubjpass"}
HEADLINE_SUBJECT_DEPS = {"compound", "amod", "nmod", "npadvmod"}


def _is_main_copula(token: Token) -> bool:
    """ "be" as a clause's own verb, for states the lexicon codes ("forces *are* on full alert")."""
    return token.pos_ == "AUX" and token.lemma_ == "be" and token.dep_ not in {"aux", "auxpass"}


def _is_verbal_root(token: Token) -> bool:
    """A headline verb the tagger took for a noun ("Pakistan *expels* Afghan refugees"): the
    root of its sentence, with a direct object of its own."""
    return token.dep_ == "ROOT" and token.pos_ == "NOUN" and any(c.dep_ == "dobj" for c in token.children)


def _is_moved_by(token: Token) -> bool:
    """A participle the tagger took for an adjective, with its agent: "was *disappointed* by"."""
    return token.pos_ == "ADJ" and token.dep_ == "acomp" and any(c.dep_ == "agent" for c in token.children)


def _is_nominal(token: Token) -> bool:
    """A noun, or a plural noun the tagger took for a verb where only a noun can stand
    ("launched live-fire military *drills*": tagged VBZ, parsed as the object)."""
    if token.pos_ in {"NOUN", "PROPN"}:
        return True
    return token.pos_ == "VERB" and token.dep_ in NOMINAL_DEPS and not any(c.dep_ in SUBJECT_DEPS | OBJECT_DEPS for c in token.children)


def _as_accusation(role: Role, roles: list[Role]) -> Role:
    """A claim or allegation ("claimed", "alleged", "charged") whose clause states a coercive
    or violent act: an accusation (112) of that act's doer."""
    if role.trigger.lemma_.lower() not in _participation_words()["accusing_reports"] or role.pattern.code[:2] not in {"01", "11"}:
        return role
    clauses = {c.i for c in role.frame.ccomps} | {j.i for c in role.frame.ccomps for j in c.conjuncts}
    acts = [act for act in roles if act.trigger.i in clauses and act.pattern.code[:2] in ACCUSED_ROOTS and act.source_candidates]
    if not acts:
        return role
    pattern = replace(role.pattern, code=ACCUSATION, target="ccomp")
    doers = tuple(act.source_candidates[0] for act in acts)
    bound = role.bound + tuple((ACCUSED_ACT, act.trigger) for act in acts)
    bound += tuple((ACCUSED_TARGET, target) for act in acts for target in act.target_candidates)
    return replace(role, pattern=pattern, target_candidates=tuple(dict.fromkeys(doers)), bound=bound)


def accuses_none(role: Role, targets: list) -> bool:
    """An allegation made an accusation whose act's doer is the speaker's own side: a claim."""
    return not targets and any(name == ACCUSED_ACT for name, _ in role.bound)


def named_culprit(role: Role) -> Token | None:
    """Whom an accusation says was behind an act ("said *Iran* was behind the attack"); when
    that is the speaker's own side ("Hamas said *it* was behind"), it claims the act."""
    if role.pattern.code != ACCUSATION:
        return None
    clause = next((c for name, c in role.bound if name == "clause" and c.lemma_ == "be"), None)
    return _clause_subject(clause) if clause is not None else None


def as_own_claim(role: Role) -> Role:
    """ "The US claimed that it had attacked Iraq": claiming one's own act claims
    responsibility for it (015), aimed at whom the act was aimed at."""
    targets = tuple(dict.fromkeys(token for name, token in role.bound if name == ACCUSED_TARGET))
    clauses = [clause for name, clause in role.bound if name == "clause"]
    targets += tuple(t for clause in clauses for t in _counterparts(frame_of(clause)))  # "... was behind the attack *on Kyiv*"
    return replace(role, pattern=replace(role.pattern, code=OWN_CLAIM), target_candidates=targets)


def _is_instrument(noun: Token, pattern: NounPattern, roles: list[Role]) -> bool:
    """ "Israeli *airstrikes* killed 40 people": a violent noun that is the subject, or the
    means, of a violent verb event is part of that event, not an event of its own."""
    if pattern.code[:2] not in VIOLENT_ROOTS:
        return False
    if noun.dep_ == "nsubj":
        return any(role.trigger.i == noun.head.i and role.pattern.code[:2] in VIOLENT_ROOTS for role in roles)
    # "Israeli forces killed a commander *in an airstrike*": the means of a violent act whose
    # doer the verb names, not a second act.
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in INSTRUMENT_PREPOSITIONS:
        return False
    return any(
        role.trigger.i == prep.head.i and role.pattern.code[:2] in VIOLENT_ROOTS and role.source_candidates and not role.frame.passive
        for role in roles
    )


BARE_INTENT = "030"  # "prepared to", "pledged to": an intent with no act of its own


def _restates_its_act(role: Role, roles: list[Role]) -> bool:
    """A purpose clause of the same root as its act says nothing more ("met to *discuss*",
    "resigned to *allow* elections"); of another root it is an act of its own ("opened fire
    to *disperse* them"). A bare intent says nothing more either ("will meet to *prepare* an
    exchange")."""
    act = _act_of_purpose(role.trigger)
    return act is not None and any(
        other.trigger.i == act.i and (other.pattern.code[:2] == role.pattern.code[:2] or role.pattern.code == BARE_INTENT)
        for other in roles
    )


def _helps_do(role: Role, roles: list[Role]) -> bool:
    """ "helped *broker* a truce": helping do a coded act is taking part in it, no aid of its own."""
    trigger = role.trigger
    if trigger.lemma_.lower() not in _participation_words()["helping_verbs"]:
        return False
    done = {c.i for c in trigger.children if c.dep_ == "xcomp"}
    return any(other.trigger.i in done for other in roles)


def _fight_sent_for(role: Role, roles: list[Role]) -> bool:
    """The fight troops are sent for ("sent troops *to fight* insurgents") is the help's purpose,
    not yet fought: no event of its own."""
    verb = role.trigger
    if verb.lemma_.lower() not in _participation_words()["fighting_purposes"]:
        return False
    act = _act_of_purpose(verb)
    return act is not None and any(o.trigger.i == act.i and o.pattern.code[:2] in HELP_ROOTS | {"15"} for o in roles)


def _demand_of_protest(role: Role, roles: list[Role]) -> bool:
    """What a protest is held to demand ("blocked roads *to demand* ...", "rallied *calling
    for* elections") is the protest's content, as CAMEO codes it (14), no request of its own."""
    if role.pattern.code[:2] not in DEMAND_ROOTS:
        return False
    verb = role.trigger
    act = _act_of_purpose(verb)
    if act is None and verb.dep_ == "advcl" and verb.tag_ == "VBG":
        act = verb.head  # "rallied in Tbilisi *calling for* early elections"
    return act is not None and any(other.trigger.i == act.i and other.pattern.code[:2] == PROTEST_ROOT for other in roles)


DEMAND_ROOTS = {"02", "10"}


def _yields_to_noun(governor: Token, roles: list[Role]) -> bool:
    """A support verb coded by its bare pattern ("Moscow is *preparing* an offensive": prepare
    030) yields to the event its object names, unless it rejects or threatens it."""
    own = [role.pattern for role in roles if role.trigger.i == governor.i]
    return all(isinstance(p, VerbPattern) and p.specificity == 0 and p.code[:2] not in ABSORBING_ROOTS for p in own)


def _coded_roles(role: Role) -> list[Role]:
    """The role as coded: none for a no-event pattern, plus the event back for `reverse`."""
    pattern = role.pattern
    found = [] if pattern.no_event else [role]
    if pattern.reverse:
        back = replace(pattern, code=pattern.reverse, reverse=None, symmetric=False)
        sources = role.target_candidates
        speaker = _reporting_subject(role.frame.verb, sources[0]) if sources else None
        if speaker is not None:
            sources = (speaker, *sources)  # "Guterres said *he* was shocked by the decision"
        found.append(replace(role, pattern=back, source_candidates=sources,
                             target_candidates=role.source_candidates, reciprocal=frozenset()))  # fmt: skip
    return found


# "met *at* the summit", "talks *during* the visit", "on the *sidelines of* the G20 summit":
# a meeting named as the occasion of another event is its setting, not an event of its own
# (a protest is not: "threw stones *during* demonstrations").
MEETING_ROOT = "04"
SETTING_PREPOSITIONS = {"at", "during", "amid"}
SETTING_NOUNS = {"sideline", "sidelines", "margin", "margins"}


def _is_setting(noun: Token, acting: set[int]) -> bool:
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    if prep.lower_ == "of" and prep.head.lower_ in SETTING_NOUNS and prep.head.dep_ == "pobj":
        prep = prep.head.head  # on the sidelines *of* ...
    elif prep.lower_ not in SETTING_PREPOSITIONS:
        return False
    attached = prep.head  # the event verb, or its object noun ("held talks on the sidelines ...")
    return attached.i in acting or attached.dep_ in {"dobj", "nsubj"} and attached.head.i in acting


# Prepositions of the time or setting a backdrop noun (participation.yaml) is named in.
BACKDROP_PREPOSITIONS = {"in", "during", "amid", "since"}


def _is_backdrop(noun: Token, acting: set[int]) -> bool:
    """A long conflict noun in a phrase of time or setting on a coded act, however deep."""
    if noun.lemma_.lower() not in _participation_words()["backdrop_nouns"] or noun.dep_ != "pobj" or noun.head.lower_ not in BACKDROP_PREPOSITIONS:
        return False
    return any(ancestor.i in acting for ancestor in noun.ancestors)



def _is_reason(noun: Token, acting: set[int]) -> bool:
    """A noun that says why a coded act was done ("bombed Gaza *in retaliation* for ...") is
    that act, no threat of its own."""
    prep = noun.head
    if noun.lower_ not in _participation_words()["reason_nouns"] or noun.dep_ != "pobj" or prep.lower_ not in {"in", "as"}:
        return False
    attached = prep.head
    return attached.i in acting or attached.dep_ in {"dobj", "pobj"} and attached.head.i in acting


def _is_defied(noun: Token) -> bool:
    """ "would not abandon the outpost *despite China's demands*": what an act defies names
    whom it is aimed at and was told before, no event told here."""
    return noun.dep_ == "pobj" and noun.head.lower_ in {"despite", "notwithstanding"}


# Roots whose verb states its complement as what is rejected or threatened ("refused to
# *invite*", "threatened to *cut*"): the complement is no event of its own.
ABSORBING_ROOTS = {"12", "13"}


def _role(frame: Frame, pattern: VerbPattern) -> Role:
    complement = _matched_xcomp(frame, pattern)
    if complement is None and pattern.code[:2] in ABSORBING_ROOTS and frame.xcomps:
        complement = frame.xcomps[0]
    if complement is not None and frame.passive and frame.agent is None and pattern.code[:2] == INTENT_ROOT:
        frame = replace(frame, passive=False)  # "Putin *is expected* to visit Beijing": Putin intends it
    purpose = _matched_purpose(frame, pattern)
    objects = _matched_objects(frame, pattern)
    prep_objects = _matched_prep_objects(frame, pattern.prep, pattern.prep_object)
    prep2_objects = _matched_prep_objects(frame, pattern.prep2, pattern.prep2_object)
    consumed = {t.i for t in (*objects, *prep_objects, *prep2_objects)}
    asked = complement if pattern.code[:2] in DEMAND_ROOTS else None  # "demanded that Iran *release* it": its own event too
    for clause in (complement, purpose):  # folded into this event: "threatened to *halt*", "blocked roads *to demand*"
        if clause is not None and clause is not asked:
            consumed |= {clause.i, *(o.i for o in frame_of(clause).objects)}
    bound = [("trigger", frame.verb)]
    bound += [("particle", t) for t in frame.verb.children if t.lower_ == pattern.particle]
    bound += [("object", t) for t in objects] + [(f"{pattern.prep} object", t) for t in prep_objects]
    bound += [(f"{pattern.prep2} object", t) for t in prep2_objects]
    if pattern.subject and frame.actor_subject() is not None:
        bound.append(("subject", frame.actor_subject()))
    if complement is not None:
        bound.append(("complement", complement))
        bound += [("complement object", o) for o in _matched_objects(frame_of(complement), pattern, pattern.xcomp_object)]
    if purpose is not None:
        bound.append(("purpose", purpose))
        bound += [("purpose object", o) for o in _matched_objects(frame_of(purpose), pattern, pattern.purpose_object)]
    clause = _matched_ccomp(frame, pattern)
    if clause is not None:
        bound.append(("clause", clause))
    reciprocal = [*frame.preps.get("with", []), *frame.preps.get("between", [])]
    if pattern.target == "dobj":
        reciprocal += frame.objects
    elif pattern.target not in ("none", "ccomp"):
        reciprocal += frame.preps.get(pattern.target, [])
    sources, targets = _source_heads(frame), _target_candidates(frame, pattern, complement)
    if pattern.target != "dobj":  # "sent *troops*": what the act moves is not whom it is aimed at
        targets = tuple(t for t in targets if t not in objects or _owns_a_phrase(t))
    if pattern.symmetric and reciprocal:  # "signed a deal *with Tigrayan leaders* in Pretoria": not with South Africa
        targets = tuple(t for t in targets if not is_place_object(t))
    if pattern.source:  # "received weapons *from* the government": the giver acts on the subject
        sources, targets = tuple(frame.preps.get(pattern.source, ())), sources
    return Role(
        frame,
        pattern,
        sources,
        targets,
        frozenset(consumed),
        tuple(bound),
        frozenset(t.i for t in reciprocal),
    )


def _owns_a_phrase(noun: Token) -> bool:
    """ "took *control of Kabul*": the object's phrase names whom the act is aimed at."""
    return any(c.dep_ == "prep" and c.lower_ in {"of", "over"} for c in noun.children)


def _matched_objects(frame: Frame, pattern: VerbPattern, values: frozenset[str] | None = None) -> list[Token]:
    values = pattern.object if values is None else values
    return [o for o in frame.object_like() if token_matches(o, values)] if values else []


def _matched_prep_objects(frame: Frame, prep: str | None, values: frozenset[str]) -> list[Token]:
    if not (prep and values):
        return []
    return [o for o in frame.preps.get(prep, []) if token_matches(o, values)]


def _matched_xcomp(frame: Frame, pattern: VerbPattern) -> Token | None:
    """The infinitive complement the pattern names (with `xcomp_object` its object too), one
    with a subject of its own included ("allowed the opposition *to hold* a rally")."""
    if not (pattern.xcomp or pattern.xcomp_object):
        return None
    infinitives = [c for c in frame.ccomps if any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)]
    if frame.verb.lemma_.lower() in load_modality_words().request_governors:
        infinitives += [c for c in frame.ccomps if _is_subjunctive(c)]  # "demanded that Ankara *withdraw*"
    return _matched_clause([*frame.xcomps, *infinitives], pattern.xcomp, pattern.xcomp_object)


def _is_subjunctive(clause: Token) -> bool:
    """A bare verb with its own subject, as a demand states what is asked: "that Iran *release* ..."."""
    return clause.tag_ in {"VB", "VBP"} and any(c.dep_ in SUBJECT_DEPS for c in clause.children) and not any(c.dep_ == "aux" for c in clause.children)


def _matched_purpose(frame: Frame, pattern: VerbPattern) -> Token | None:
    """The purpose clause the pattern names ("blocked roads *to demand* ..."); the parser
    also reads one as an infinitive complement ("began a hunger strike *to protest*")."""
    if not (pattern.purpose or pattern.purpose_object):
        return None
    return _matched_clause([*frame.purposes, *frame.xcomps], pattern.purpose, pattern.purpose_object)


def _matched_clause(clauses: list[Token], verbs: frozenset[str], objects: frozenset[str]) -> Token | None:
    for clause in clauses:
        if verbs and not token_matches(clause, verbs):
            continue
        if not objects or any(token_matches(o, objects) for o in frame_of(clause).object_like()):
            return clause
    return None


def _matched_ccomp(frame: Frame, pattern: VerbPattern) -> Token | None:
    """A clausal complement with one of the pattern's modals ("said Libya *must* hand over")
    or, for a clause of "be", its predicate's preposition or adjective ("said Iran was *behind*
    the attack", "was *responsible* for"); `any`: any clausal complement ("protested *that
    NATO was expanding*")."""
    if not pattern.ccomp:
        return None
    if ANY_CLAUSE in pattern.ccomp:
        return next(iter(frame.ccomps), None)
    return next((c for c in frame.ccomps if not _clause_words(c).isdisjoint(pattern.ccomp)), None)


def _clause_words(clause: Token) -> set[str]:
    """What a clause's pattern value may name: its modals, and for "be" its predicate."""
    words = {a.lower_ for a in clause.children if a.dep_ == "aux"}
    if clause.lemma_ == "be":
        words |= {c.lower_ for c in clause.children if c.dep_ in {"prep", "acomp"}}
    return words


def _source_heads(frame: Frame) -> tuple[Token, ...]:
    """Active subject, passive agent, or the subject the verb shares with its head; a
    pronoun subject of reported speech is followed by the reporting verb's subject."""
    head = _source_head(frame)
    if head is None:
        return ()
    speaker = _reporting_subject(frame.verb, head)
    named = _named_in_apposition(head)  # "the longtime ruler, *Yahya Jammeh*,"
    return (speaker, head, *named) if speaker is not None else (head, *named)


def _named_in_apposition(noun: Token) -> list[Token]:
    """A name set off after a noun that may name no one ("the longtime ruler, *Yahya Jammeh*")."""
    return [a for a in noun.children if a.dep_ == "appos" and a.pos_ == "PROPN" and not a.conjuncts]


def _source_head(frame: Frame) -> Token | None:
    if frame.passive and frame.agent is None and frame.verb.lemma_.lower() in _participation_words()["passive_movers"]:
        return frame.subject  # "Troops have been deployed": the troops' side moves them
    if frame.passive:
        return frame.agent
    if frame.subject is not None:
        return _launcher(frame.subject) or _past_dateline(frame.subject)
    verb = frame.verb
    if verb.tag_ == "VBG" and (owner := next((c for c in verb.children if c.dep_ in {"poss", "amod", "compound"}), None)):
        return owner  # a gerund read as a noun: "*Russian* shelling", "*Israel's* bombing"
    if verb.dep_ == "conj":
        shared = frame_of(verb.head)
        if shared.passive and shared.subject is not None and verb.tag_ != "VBN" and _has_passive_auxiliary(shared.verb):
            return shared.subject  # "he was shocked by the decision and *urged* ...": he urged
        return _source_head(shared)
    if verb.dep_ == "xcomp":
        governor = verb.head
        if governor.pos_ == "ADJ" and governor.dep_ in {"acomp", "amod"}:
            governor = governor.head  # "is willing to withdraw", "ready to host"
        head = frame_of(governor)
        # Object control: "urged Japan to halt" -> Japan halts.
        if head.verb.i != verb.head.i:
            return _source_head(head)
        if head.passive and head.subject is not None:
            return head.subject  # "Putin *is expected* to visit", "troops were ordered to withdraw"
        return head.objects[0] if head.objects else _asked(head) or _source_head(head)
    if verb.dep_ == "advcl" and any(c.tag_ == "TO" for c in verb.children):
        asked = _asked(frame_of(verb.head))  # "appealed to the UN *to intervene*", parsed as an adverbial clause
        if asked is not None:
            return asked
    act = _act_of_purpose(verb)
    if act is not None:
        return _source_head(frame_of(act))  # "opened fire *to disperse* them": the shooters disperse
    if verb.dep_ in {"relcl", "acl"}:
        return _permitted(verb) or _planner(verb) or verb.head
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        prep = verb.head
        if prep.head.pos_ == "ADJ" and _does_own_gerund(prep):
            return _holder_of(prep.head)  # "are guilty of *violating*", "hackers capable of *launching*"
        governor = frame_of(prep.head)
        if governor.passive and governor.subject is not None and _does_own_gerund(prep):
            return governor.subject  # "Vietnam is committed to *opening*", "was accused of *shelling*"
        if prep.lower_ == "by" or prep.lower_ in TIME_GERUND_PREPOSITIONS:
            return _source_head(governor)  # "responded by *staging* drills", "detained him after *seizing* power"
        # "accused Moscow of *massing* troops", "blamed Kyiv for *shelling*"
        if governor.objects:
            return governor.objects[0]
        # "insisted on *holding* talks", "resorted to *throwing* stones": the governor's doer
        return _source_head(governor) if _does_own_gerund(verb.head) else None
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ == "mark" for c in verb.children):
        return _source_head(frame_of(restated_verb(verb)))  # "..., *shelling* positions"
    return None


def restated_verb(participle: Token) -> Token:
    """The verb a participle set off by a comma hangs on; past a clause on that verb's object
    the parser took it for ("rejected a claim that its navy had seized a tanker, *calling* it a
    lie"), and past an infinitive its object is told to do ("ordered them to leave, *accusing*")."""
    head = participle.head
    after_comma = participle.doc[participle.i - 1].text == ","
    if after_comma and head.dep_ == "acl" and head.head.dep_ == "dobj":
        return head.head.head
    if after_comma and head.dep_ == "xcomp" and frame_of(head.head).objects:
        return head.head  # "ordered officials *to leave* ..., accusing them of spying": the orderer's
    return head


# Prepositions of time and manner before a gerund, which the governing verb's subject does
# ("arrested the president *after taking* the capital"), not its object.
TIME_GERUND_PREPOSITIONS = {"after", "before", "while", "since", "upon", "without", "when"}


def _permitted(verb: Token) -> Token | None:
    """Who may do what an infinitive on a permission noun states: the noun's owner ("the right
    *of Russian troops* to fire")."""
    noun = noun_of_infinitive(verb)
    if noun is None or noun.lemma_.lower() not in load_modality_words().permission_nouns:
        return None
    return next((o for o in owners(noun) if o.dep_ in {"poss", "pobj"}), None)


def _planner(verb: Token) -> Token | None:
    """Who plans what an infinitive on a plan noun states: the subject of the verb that has the
    plan ("*Washington* had no plans to send troops")."""
    holder = _plan_holder(verb)
    return _source_head(frame_of(holder)) if holder is not None else None


def _plan_holder(verb: Token) -> Token | None:
    """The verb that has the plan noun an infinitive hangs on ("*had* no plans to send")."""
    noun = noun_of_infinitive(verb)
    return held_plan(noun) if noun is not None else None


def _launches_the_means(role: Role, roles: list[Role]) -> bool:
    """ "Rockets *fired* by Hamas killed two people": the firing is the killing's means, one act."""
    trigger = role.trigger
    if trigger.dep_ != "acl" or trigger.lemma_.lower() not in _participation_words()["launching_verbs"]:
        return False
    weapon = trigger.head
    return any(
        other is not role and other.pattern.code[:2] in VIOLENT_ROOTS and other.frame.subject is not None and other.frame.subject.i == weapon.i
        for other in roles
    )


def _launcher(subject: Token) -> Token | None:
    """Who launched a weapon that does the act: "rockets *fired by Hamas militants* killed"."""
    launchers = _participation_words()["launching_verbs"]
    for acl in subject.children:
        if acl.dep_ == "acl" and acl.tag_ == "VBN" and acl.lemma_.lower() in launchers:
            agent = frame_of(acl).agent
            if agent is not None:
                return agent
    return None


def _asked(request: Frame) -> Token | None:
    """Whom a request verb asks by a preposition: "called *on Kyiv* to", "appealed *to the UN* to"
    (not a time: "agreed *on Wednesday* to")."""
    if request.verb.lemma_.lower() not in load_modality_words().request_governors:
        return None
    asked = (o for prep in ASKED_PREPOSITIONS for o in request.preps.get(prep, ()))
    return next((o for o in asked if not _is_time(o)), None)


def _past_dateline(subject: Token) -> Token:
    """A dateline the parser took for the subject ("ISTANBUL, July 22 - Russia and Ukraine
    signed") yields to the first noun after its dash that belongs to the same verb."""
    if not (subject.is_upper and len(subject.text) > 2):
        return subject  # cheap test first
    sentence = sentence_of(subject)
    if subject.i - sentence.start >= 2:
        return subject
    dash = next((t for t in sentence[:12] if t.text in DASHES), None)
    if dash is None:
        return subject
    after = (t for t in sentence if t.i > dash.i and t.pos_ in {"PROPN", "NOUN"} and subject.head in t.ancestors)
    return next(after, subject)


def _is_quoted(token: Token) -> bool:
    """A phrase in quotation marks right after the object, which the parser reads as its
    apposition: called the verdict *"an attack on democracy"*."""
    doc, start = token.doc, token.left_edge.i
    return start > 0 and doc[start - 1].is_quote


def _has_passive_auxiliary(verb: Token) -> bool:
    """ "was *shocked*", not a reduced relative ("Rockets *fired* by Hamas killed ...")."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def _reporting_subject(verb: Token, subject: Token) -> Token | None:
    """ "Hungary said *it* will support ...": the pronoun is the one who reports."""
    if subject.lower_ not in REPORTED_PRONOUNS:
        return None
    clause = _plan_holder(verb) or verb  # "said *he* had no plans to invite ...": he plans it
    while clause.dep_ in {"xcomp", "conj", "acomp"} and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return None
    speaker = _source_head(frame_of(clause.head))
    if speaker is None or speaker.lower_ in REPORTED_PRONOUNS or speaker.pos_ == "PRON":
        return None
    if subject.lower_ == "they" and not (speaker.conjuncts or speaker.tag_ in PLURAL_TAGS):
        return None
    return speaker


HELP_ROOTS = frozenset({"06", "07"})  # material cooperation and aid


def _target_candidates(frame: Frame, pattern: VerbPattern, complement: Token | None) -> tuple[Token, ...]:
    """Where the pattern says the target is first, then objects, the subject of a clausal
    complement ("demanded that *the US* cancel ..."), target-like prepositions, and last
    who owns the object ("rejected *North Korea's* demand") and where the act happened.

    A pattern without a target slot ("none": "call for talks") still takes one from a
    target-like preposition ("... with Moscow") or the object's owner, never from the object.
    A threat is aimed at whoever its condition names ("threatened to stop the talks if *the
    United States* goes ahead")."""
    if frame.passive and not (pattern.object and frame.subject is not None and token_matches(frame.subject, pattern.object)):
        # The passive subject (unless it is the object: "sanctions were imposed on X"), then who
        # owns it ("a camp *for Congolese refugees* was attacked") and where it happened.
        subject = [frame.subject, *owners(frame.subject), *_between(frame.subject), *_mediated_between(frame)] if frame.subject is not None else []
        places = _prep_objects(frame, LOCATION_PREPOSITIONS) if pattern.code[:2] not in NO_LOCATION_TARGET_ROOTS else []
        return tuple(dict.fromkeys([*subject, *places]))
    ordered: list[Token] = []
    clause_subjects = [s for c in frame.ccomps for s in (_clause_subject(c),) if s is not None]
    if pattern.target == "dobj":
        ordered += frame.objects
        if complement is not None:
            inner = frame_of(complement)  # "to resume *shelling* the town": the nested verb's object too
            ordered += inner.objects + [o for xcomp in inner.xcomps for o in frame_of(xcomp).objects]
    elif pattern.target == "ccomp":
        ordered += clause_subjects
    elif pattern.target != "none":
        ordered += frame.preps.get(pattern.target, [])
        ordered += [o for noun in frame.preps.get(pattern.target, []) for o in owners(noun)]  # "into waters *claimed by Greece*"
    if pattern.code[:2] == THREAT_ROOT:
        ordered += condition_subjects(frame)
    if pattern.code == DENIAL:
        ordered += _charger(frame)
    if pattern.target != "none":
        ordered += frame.objects + clause_subjects
    ordered += _prep_objects(frame, _aiming_prepositions(pattern, frame.verb))
    if pattern.code[:2] == PROTEST_ROOT:
        ordered += _prep_objects(frame, PROTESTED_AT)  # "rallied *outside the Russian embassy*"
    # "warned that it would act *against Iran*": whom the stated act is aimed at; a pattern
    # without a target slot ("denied that it had exported arms to Russia") takes none from there.
    for clause in frame.ccomps if pattern.target != "none" else ():
        ordered += _counterparts(frame_of(clause))
    # "refused to attend talks *with* Minsk", "refused to respond to a demand *from the US*":
    # the complement's counterpart.
    inner_frames = [frame_of(xcomp) for xcomp in frame.xcomps]
    for inner in inner_frames:
        ordered += inner.objects  # "applied to join *NATO*"
        ordered += [s for c in inner.ccomps for s in (_clause_subject(c),) if s is not None]  # "refused to allow *UN planes* to land"
        ordered += _prep_objects(inner, TARGET_PREPOSITIONS)
        ordered += [owner for noun in [*inner.objects, *_prep_objects(inner, TARGET_PREPOSITIONS)] for owner in owners(noun)]
    # "began a hunger strike to protest *Assad's* failure", "opened fire to disperse *demonstrators*":
    # whom the act is for.
    for clause in frame.purposes:
        if pattern.code[:2] in HELP_ROOTS and clause.lemma_.lower() in _participation_words()["fighting_purposes"]:
            fight = frame_of(clause)  # "sent troops to fight insurgents *in Mozambique*"
            ordered += [*_prep_objects(fight, LOCATION_PREPOSITIONS), *_nested_places(fight)]
        else:
            ordered += _counterparts(frame_of(clause))
    for noun in [*frame.objects, *([frame.subject] if frame.passive and frame.subject is not None else [])]:
        ordered += owners(noun)
        ordered += [owner for counted in _counted(noun) for owner in owners(counted)]  # "30 of the drones launched by Russia"
    # "declined to resign *despite pressure by* the commission", "would not abandon the outpost
    # *despite China's demands*": whoever's pressure the act defies.
    defied = [o for f in (frame, *inner_frames) for o in _prep_objects(f, ("despite",))]
    if pattern.code[:2] != REJECT_ROOT:
        defied = [o for o in defied if o.lemma_.lower() in _participation_words()["defied_nouns"]]
    ordered += [owner for noun in defied for owner in owners(noun)]
    # "hosted a meeting *between* X and Y", "offered to host talks *between* X and Y"
    ordered += _prep_objects(frame, ("between",))
    ordered += [o for inner in inner_frames for o in _prep_objects(inner, ("between",))]
    if frame.verb.lemma_.lower() in place_words("origin_heads"):
        ordered += _prep_objects(frame, ORIGIN_PREPOSITIONS)  # "withdraw its force *from Chad*", "pull troops *out of* Moldova"
    if pattern.code[:2] not in NO_LOCATION_TARGET_ROOTS:
        ordered += _prep_objects(frame, LOCATION_PREPOSITIONS)
        ordered += [place for inner in inner_frames for place in _prep_objects(inner, LOCATION_PREPOSITIONS)]
    ordered += condition_subjects(frame)
    if pattern.code[:2] not in NO_LOCATION_TARGET_ROOTS and pattern.target != "none":
        ordered += _nested_places(frame)
    return tuple(dict.fromkeys(t for candidate in ordered for t in (candidate, *_named_in_apposition(candidate))))


DENIAL = "016"


def _charger(frame: Frame) -> list[Token]:
    """Who made the charge a denial answers in passing: "India accuses Pakistan of ..., *a charge*
    Pakistan denies" (the clause before the denial, or the sentence around the charge noun)."""
    verb, charges = frame.verb, _participation_words()["charge_nouns"]
    clause = next((c for c in frame.ccomps if c.i < verb.i), None)
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in charges:
        clause = sentence_of(verb).root
    elif clause is None or not any(t.lemma_.lower() in charges for t in verb.doc[clause.right_edge.i : verb.i]):
        return []
    subject = _clause_subject(clause) if clause.i != verb.i else None
    return [subject] if subject is not None else []


def _nested_places(frame: Frame) -> list[Token]:
    """Last resort, where the act's arguments are placed deeper down: "fired shells *at
    targets in Jericho*", "rejected a call for its forces to be deployed *in East Timor*"."""
    arguments = [*frame.objects, *_prep_objects(frame, TARGET_PREPOSITIONS), *frame.xcomps, *frame.ccomps]
    return [t for a in arguments for t in a.subtree if t.i != a.i and is_place_object(t) and t.ent_type_ in {"GPE", "LOC"}]


def _aiming_prepositions(pattern: VerbPattern, verb: Token) -> tuple[str, ...]:
    """Prepositions that may name a target; after a one-sided violent act "with" names the
    weapon ("attacked the town *with artillery*"), not a side ("clashed *with* police")."""
    one_sided = not pattern.symmetric and pattern.target != "with" and verb.lemma_.lower() not in _participation_words()["fighting_with"]
    if pattern.code[:2] in VIOLENT_ROOTS and one_sided:
        return tuple(p for p in TARGET_PREPOSITIONS if p != "with")
    return TARGET_PREPOSITIONS


def doer_places(frame: Frame) -> list[Token]:
    """Where an act whose doer goes unnamed happened: on its verb, or on the subject or agent
    that names no one ("a roadside bombing *near Samarra*", "killed by a bomb *outside Basra*")."""
    nouns = [n for n in (frame.subject, frame.agent) if n is not None]
    return [*_prep_objects(frame, LOCATION_PREPOSITIONS), *_places_on(nouns)]


def object_places(frame: Frame) -> list[Token]:
    """Where what was attacked stands: "hit an apartment block *in Dnipro*"."""
    return _places_on(frame.objects)


def _places_on(nouns: list[Token]) -> list[Token]:
    """Objects of the place prepositions on these nouns."""
    return [o for noun in nouns for p in noun.children if p.dep_ == "prep" and p.lower_ in LOCATION_PREPOSITIONS
            for o in p.children if o.dep_ == "pobj"]


def is_place_object(token: Token) -> bool:
    """Whether the token is the object of a preposition of place that names no target
    ("demonstrated *in* Kirkuk", not "fired *at* Kyiv")."""
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ in LOCATION_PREPOSITIONS and prep.lower_ not in TARGET_PREPOSITIONS


def _between(noun: Token) -> list[Token]:
    """The parties of a meeting noun: "talks *between Kyiv and Moscow*, hosted by Turkey",
    "a round of talks *between* ..."."""
    nouns = [noun, *(o for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of" for o in prep.children)]
    return [
        o for n in nouns for prep in n.children if prep.dep_ == "prep" and prep.lower_ == "between" for o in prep.children if o.dep_ == "pobj"
    ]


def _prep_objects(frame: Frame, prepositions: tuple[str, ...]) -> list[Token]:
    return [o for prep in prepositions for o in frame.preps.get(prep, [])]


def _counterparts(inner: Frame) -> list[Token]:
    """Whom a stated clause's act is aimed at: its objects, target-like prepositions and their owners."""
    aimed = [*inner.objects, *_prep_objects(inner, TARGET_PREPOSITIONS)]
    return [*aimed, *(owner for noun in aimed for owner in owners(noun))]


def condition_subjects(frame: Frame) -> list[Token]:
    """Subjects of the if/unless clauses on the verb or its complements ("warned that it would
    respond if *the attacks* continued")."""
    markers = load_modality_words().conditional_markers
    verbs = [frame.verb, *frame.xcomps, *frame.ccomps]
    clauses = [c for v in verbs for c in v.children if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in markers for m in c.children)]
    return [s for c in clauses for s in (_clause_subject(c),) if s is not None]


def _clause_subject(clause: Token) -> Token | None:
    """Who a clause is about: its subject, passive or not ("Moscow must *be held* to its
    commitments", "unless the president *is reinstated*")."""
    frame = frame_of(clause)
    return frame.subject if frame.passive else _source_head(frame)


def owners(noun: Token) -> list[Token]:
    """Who a noun phrase belongs to: its possessor, actor-naming modifiers, of/from/by objects
    and the agent of a participle on it."""
    found = [c for c in noun.children if c.dep_ in {"poss", "amod", "compound", "nmod"}]
    # "flights to *and from* Belarus": a preposition coordinated with another shares its object
    preps = [c for c in noun.children if c.dep_ == "prep"]
    preps += [c for p in preps for c in p.children if c.dep_ == "conj" and c.pos_ == "ADP"]
    for prep in preps:
        if prep.lower_ in OWNER_PREPOSITIONS:
            found += [c for c in prep.children if c.dep_ == "pobj"]
    for clause in noun.children:
        # "positions *held by* Armenian forces", "the proposal, *which was put forward by* the envoy"
        if clause.dep_ == "acl" and clause.tag_ == "VBN" or clause.dep_ == "relcl" and _has_passive_auxiliary(clause):
            agent = frame_of(clause).agent
            found += [agent] if agent is not None else []
    return found


# --- nominal events ---------------------------------------------------------------------


def _noun_role(noun: Token, pattern: NounPattern, lexicon: Lexicon) -> Role:
    """Roles of a noun trigger, read off its phrase and the verb it is an object of."""
    preps: dict[str, list[Token]] = {}
    for prep in noun.children:
        if prep.dep_ == "prep":
            preps.setdefault(prep.lower_, []).extend(c for c in prep.children if c.dep_ == "pobj")
    frame = Frame(verb=noun, preps=preps)
    between = preps.get("between", [])
    sources: list[Token] = [c for c in noun.children if c.dep_ == "poss"]
    sources += preps.get("by", [])
    sources += [c for c in noun.children if c.dep_ in {"amod", "compound", "nmod"}]
    bidden = _bidden(noun)  # "arrived *at the request of* Tokayev": Tokayev asked those who arrived
    if pattern.of == "source" or bidden:
        sources += preps.get("of", [])
    sources += between[:1] if pattern.symmetric else []  # a mediation *between* A and B is aimed at both
    governor = _support_verb(noun, lexicon)
    if governor is not None:
        sources += _source_heads(frame_of(governor))
    elif (host := _participation_host(noun, pattern)) is not None:
        sources += _source_heads(frame_of(host))  # last: the noun's own doer comes first
    targets: list[Token] = list(between[1:] if pattern.symmetric else between)
    if pattern.of == "target" and not bidden:
        targets += preps.get("of", [])
    aimed_at = [o for prep in NOUN_TARGET_PREPOSITIONS for o in preps.get(prep, [])]
    # "protests against *Israel's* policies", "against the detention of activists *by police*"
    doers = sorted((owner for o in aimed_at for owner in owners(o)), key=lambda owner: owner.head.lower_ != "by")
    targets += aimed_at + doers + bidden
    # "accusations *that Russia* interfered", "demands that *Iran* free them": whom the content clause is about
    targets += [s for c in noun.children if c.dep_ == "acl" and (s := _clause_subject(c)) is not None and s.tag_ not in RELATIVE_TAGS]
    if governor is not None:
        governing = frame_of(governor)
        targets += [o for o in governing.objects if o.i != noun.i]
        for prep in TARGET_PREPOSITIONS:
            targets += governing.preps.get(prep, [])
    counterparts = (*between, *preps.get("with", []))
    if pattern.code[:2] not in NO_LOCATION_TARGET_ROOTS and not (pattern.symmetric and counterparts):
        places = [preps] + ([governing.preps] if governor is not None else [])
        targets += [o for found in places for prep in LOCATION_PREPOSITIONS for o in found.get(prep, [])]
    bound = [("trigger", noun)] + [("between", t) for t in between]
    if governor is not None:
        bound.append(("governing verb", governor))
    reciprocal = frozenset(t.i for t in counterparts)
    return Role(
        frame, pattern, tuple(dict.fromkeys(sources)), tuple(dict.fromkeys(targets)), frozenset(), tuple(bound), reciprocal
    )


def _bidden(noun: Token) -> list[Token]:
    """Who did an act "at the request" of someone: the doers of the verb the phrase is on."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "at" or prep.head.pos_ not in {"VERB", "AUX"}:
        return []
    if noun.lemma_.lower() not in _participation_words()["bidding_nouns"]:
        return []
    verb = frame_of(prep.head)
    return [verb.subject] if verb.subject is not None else []


def _participation_host(noun: Token, pattern: NounPattern) -> Token | None:
    """The verb whose doer takes part in the event a noun of its prepositional phrase names:
    "threw stones *during demonstrations*", "took part *in talks*", "arrived *for talks*",
    or owns up to it: "claimed responsibility *for the attack*"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    words = _participation_words()
    owned = prep.head
    if prep.lower_ == "for" and owned.lemma_.lower() in words["owned_acts"] and owned.head.pos_ == "VERB":
        return owned.head
    if prep.head.pos_ not in {"VERB", "AUX"}:
        return None
    host = prep.head
    if prep.lower_ not in words["participation_prepositions"] and not (
        prep.lower_ == "for" and host.lemma_.lower() in words["joining_verbs"]
    ):
        return None
    doer = frame_of(host).actor_subject()
    if pattern.code[:2] == PROTEST_ROOT and doer is not None and doer.lemma_.lower() in words["not_protesters"]:
        return None  # "police fired tear gas during protests"
    return host


def _does_own_gerund(prep: Token) -> bool:
    """Whether the doer of the verb a preposition hangs on does the gerund it governs: after
    "on", "in", "into" ("insisted on holding", "persisted in shelling"), after "to" only for
    the verbs listed ("resorted to throwing"; "objected to sending troops" is someone else's);
    after an adjective, its own prepositions ("guilty *of*", "committed *to*")."""
    words = _participation_words()
    governor = prep.head.lemma_.lower()
    if prep.head.pos_ == "ADJ":
        return prep.lower_ in words["adjective_gerund_prepositions"] and governor not in words["adjectives_of_others"]
    if prep.lower_ in words["gerund_prepositions"]:
        return True
    return prep.lower_ in {"to", "of"} and governor in words[f"{prep.lower_}_gerund_verbs"]


def _holder_of(adjective: Token) -> Token | None:
    """Who an adjective is said of: the subject of its copula ("Kenya *is* ready"), the noun it
    modifies ("hackers *capable* of ...")."""
    if adjective.dep_ == "amod" or adjective.head.pos_ in {"NOUN", "PROPN"}:
        return adjective.head
    return _source_head(frame_of(adjective.head)) if adjective.head.i != adjective.i else None


def has_mutual_object(frame: Frame) -> bool:
    """Whether the verb's object relates its doers to each other ("cut *ties*")."""
    mutual = _participation_words()["mutual_objects"]
    return any(o.lemma_.lower() in mutual or o.lower_ in mutual for o in frame.objects)


@lru_cache(maxsize=1)
def _participation_words() -> dict[str, frozenset[str]]:
    return {kind: frozenset(words) for kind, words in read_yaml("lexicon", "participation.yaml").items()}


def _support_verb(noun: Token, lexicon: Lexicon) -> Token | None:
    """The light verb whose subject does what the noun names: "Moscow is *preparing* an offensive"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in {"in", "into"}:
        head = head.head  # "engaged Filipino peacekeepers *in* a firefight"
    elif noun.dep_ not in {"dobj", "nsubjpass"}:
        return None
    if head.pos_ in {"VERB", "AUX"} and head.lemma_.lower() in lexicon.support_verbs:
        return head
    return None


def _subject_read_as_object(verb: Token) -> Token | None:
    """The subject of a second clause the parser read as one more object of the first: in
    "X condemned the attempt, and *Belgium*, the former colonial power, suspended its aid",
    Belgium hangs on "attempt" and "suspended" has no subject."""
    doc = verb.doc
    for noun in reversed(doc[verb.head.i + 1 : verb.i]):
        if noun.dep_ == "conj" and noun.head.dep_ in {"dobj", "pobj", "conj"} and _opens_clause(noun, verb):
            return noun
    return None


def _opens_clause(noun: Token, verb: Token) -> bool:
    """ ", and NOUN[, apposition,] VERB": the noun starts the clause of the verb after it."""
    doc, start, end = noun.doc, noun.left_edge.i, noun.right_edge.i
    between = doc[end + 1 : verb.i]
    if any(not t.is_punct for t in between) or verb.i <= end:
        return False
    return start >= 2 and doc[start - 1].lower_ == "and" and doc[start - 2].text == "," and noun.pos_ == "PROPN"


def _heads_a_clause(noun: Token) -> bool:
    """Whether a conjunct is in truth the subject of a verb after it (`_subject_read_as_object`)."""
    if noun.dep_ != "conj":
        return False
    after = next((t for t in noun.doc[noun.right_edge.i + 1 :] if not t.is_punct), None)
    return after is not None and after.dep_ == "conj" and after.pos_ in {"VERB", "AUX"} and _opens_clause(noun, after)


def expand(head: Token | None) -> tuple[Token, ...]:
    """A phrase and its coordinated siblings: "Germany and France" -> both. The parser takes
    the second item of a comma list for an apposition ("The US, Russia, and Switzerland"):
    an apposition that is itself coordinated is such a list."""
    if head is None:
        return ()
    listed = [t for a in head.children if a.dep_ == "appos" and a.conjuncts for t in (a, *a.conjuncts)]
    # The conjunct may hang on another word of the head's name ("*Barack* Obama and Putin").
    named = [t for word in _entity_words(head) for t in word.conjuncts]
    conjuncts = [t for t in head.conjuncts if not _heads_a_clause(t)]
    return tuple(dict.fromkeys((head, *conjuncts, *listed, *named, *_settlement_named(head), *_delegated(head))))


def _delegated(head: Token) -> list[Token]:
    """ "*Representatives of* the government and rebel groups": a delegate noun's "of" phrase and
    the bodies coordinated there, each of whom the delegates stand for."""
    if head.lemma_.lower() not in _participation_words()["delegate_nouns"]:
        return []
    owners = [o for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of" for o in prep.children if o.dep_ == "pobj"]
    return [t for o in owners for t in (o, *o.conjuncts) if not _heads_a_clause(t)]


def _settlement_named(head: Token) -> list[Token]:
    """ "the northern city *of Kirkuk*", "the town of Samarra": the place a settlement word names."""
    if head.lemma_.lower() not in place_words("settlement_words"):
        return []
    return [o for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of" for o in prep.children if o.dep_ == "pobj"]


def _entity_words(token: Token) -> list[Token]:
    """The other words of the named entity `token` belongs to."""
    if not token.ent_type_:
        return []
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return [t for t in doc[start:end] if t.i != token.i]


def _lemma(token: Token) -> str:
    return token.lemma_.lower()
