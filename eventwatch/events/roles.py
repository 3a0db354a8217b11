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

from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from eventwatch.data import read_yaml
from eventwatch.events.lexicon import Lexicon, NounPattern, VerbPattern, match_length, token_matches
from eventwatch.events.modality import load_modality_words

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
NO_LOCATION_TARGET_ROOTS = {"01"}
THREAT_ROOT = "13"


@dataclass
class Frame:
    """What the parse attaches to one trigger (a verb, or a noun for nominal events)."""

    verb: Token
    particles: set[str] = field(default_factory=set)
    objects: list[Token] = field(default_factory=list)
    preps: dict[str, list[Token]] = field(default_factory=dict)
    xcomps: list[Token] = field(default_factory=list)
    ccomps: list[Token] = field(default_factory=list)
    subject: Token | None = None
    passive: bool = False
    agent: Token | None = None
    complements: list[Token] = field(default_factory=list)

    def add_prep(self, prep: Token) -> None:
        objects = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
        if not objects:  # "outside of Basra", "ahead of the talks"
            objects = [o for of in prep.children if of.dep_ == "prep" and of.lower_ == "of" for o in of.children if o.dep_ == "pobj"]
        self.preps.setdefault(prep.lower_, []).extend(objects)

    def object_like(self) -> list[Token]:
        """What an object value matches: the objects, the subject of a passive verb ("sanctions
        *were imposed*") and predicative complements ("seemed confident"), and behind a
        quantity the noun it counts ("25,000 tons *of aid*", "part *of* a stronghold")."""
        found = [*self.objects, *self.complements]
        if self.passive and self.subject is not None:
            found.append(self.subject)
        return found + [counted for noun in found for counted in _counted(noun)]

    def actor_subject(self) -> Token | None:
        """Who does it, for a subject value: the active subject, or the passive agent."""
        return self.agent if self.passive else self.subject

    def words(self) -> set[str]:
        """Lemmas of everything attached, for the lexicon's index of patterns."""
        tokens = [*self.object_like(), *self.xcomps, *(o for objects in self.preps.values() for o in objects)]
        if self.actor_subject() is not None:
            tokens.append(self.actor_subject())
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


# Nouns that count or measure what their "of" phrase names: "tons of aid", "thousands of troops".
QUANTITY_NOUNS = {
    "ton", "tonne", "thousand", "hundred", "dozen", "million", "billion", "number", "part", "portion",
    "batch", "shipment", "consignment", "load", "truckload", "planeload", "amount", "quantity", "kind",
    "type", "package", "round", "wave", "series", "set", "lot", "bulk", "majority", "rest", "unit",
}  # fmt: skip


def _counted(noun: Token) -> list[Token]:
    if noun.lemma_.lower() not in QUANTITY_NOUNS and noun.pos_ != "NUM":
        return []
    return [o for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of" for o in prep.children if o.dep_ == "pobj"]


def frame_of(verb: Token) -> Frame:
    frame = Frame(verb=verb)
    for child in verb.children:
        dep = child.dep_
        if dep == "prt" or dep == "advmod" and child.lower_ in PARTICLE_ADVERBS:
            frame.particles.add(child.lower_)
        elif dep == "prep" or dep == "dative" and child.pos_ == "ADP":
            frame.add_prep(child)  # "sent troops *to* Haiti" is parsed as a dative now and then
        elif dep in OBJECT_DEPS:
            frame.objects.append(child)
        elif dep == "agent":
            frame.agent = next((c for c in child.children if c.dep_ == "pobj"), None)
        elif dep == "xcomp":
            frame.xcomps.append(child)
        elif dep == "ccomp":
            frame.ccomps.append(child)
        elif dep in COMPLEMENT_DEPS or dep == "advcl" and child.pos_ == "ADJ":
            frame.complements.append(child)
        elif dep in SUBJECT_DEPS:
            frame.subject = child
        elif dep in PASSIVE_SUBJECT_DEPS:
            frame.subject, frame.passive = child, True
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        frame.subject, frame.passive = verb.head, True  # "the civilians *imprisoned* by Moscow"
    elif verb.dep_ == "relcl" and frame.subject is not None and frame.subject.tag_ in RELATIVE_TAGS:
        frame.subject = verb.head  # "the mayor, *who* was jailed"
    # Prepositions attached to the object noun count too, after the verb's own:
    # "imposed sanctions *on* Minsk on Monday", "held talks *with* Kyiv".
    counted = [c for o in frame.objects for c in _counted(o)]  # "500 tons of aid *to* Nepal"
    for noun in [*frame.objects, *counted, *(o for objs in list(frame.preps.values()) for o in objs)]:
        for child in noun.children:
            if child.dep_ == "prep":
                frame.add_prep(child)
    return frame


def satisfies(frame: Frame, pattern: VerbPattern) -> bool:
    return match_detail(frame, pattern) is not None


def match_detail(frame: Frame, pattern: VerbPattern) -> int | None:
    """None when the clause does not satisfy the pattern, else how many of its words the
    clause matched (particle, prepositions, the words of matched values, complements): among
    equally specific patterns the one naming more words wins ("send *humanitarian aid*" over
    "send *aid*"), then the first listed ("pull *back*" before "pull *troops*")."""
    if pattern.particle and pattern.particle not in frame.particles:
        return None
    detail = sum(1 for word in (pattern.particle, pattern.prep, pattern.prep2, pattern.xcomp, pattern.ccomp) if word)
    if pattern.object:
        found = max((match_length(o, pattern.object) for o in frame.object_like()), default=0)
        if not found:
            return None
        detail += found
    for prep, values in ((pattern.prep, pattern.prep_object), (pattern.prep2, pattern.prep2_object)):
        if prep:
            objects = [o for o in frame.preps.get(prep, ()) if not _is_time(o)]
            if not objects:
                return None  # "called *on Tuesday*" is no "call on", "would not stand *by*" no "stand by X"
            if values:
                found = max((match_length(o, values) for o in objects), default=0)
                if not found:
                    return None
                detail += found
    if pattern.subject:
        subject = frame.actor_subject()
        found = match_length(subject, pattern.subject) if subject is not None else 0
        if not found:
            return None
        detail += found
    if pattern.xcomp and _matched_xcomp(frame, pattern) is None:
        return None
    if pattern.ccomp and _matched_ccomp(frame, pattern) is None:
        return None
    return detail


TIME_ENTITIES = {"DATE", "TIME"}


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
    for token in doc:
        if token.pos_ != "VERB":
            continue
        frame = frame_of(token)
        pattern = best_pattern(frame, lexicon)
        if pattern is not None:
            role = _role(frame, pattern)
            consumed |= role.consumed
            roles += _coded_roles(role)
    roles = [role for role in roles if role.trigger.i not in consumed]
    acting = {role.trigger.i for role in roles if not role.pattern.code.startswith("01")}
    light = set()
    for token in doc:
        if token.pos_ in {"NOUN", "PROPN"} and token.i not in consumed:
            pattern = lexicon.noun_pattern_for(token)
            if pattern is None or pattern.no_event:
                continue  # "a news conference" is no conference
            role = _noun_role(token, pattern, lexicon)
            governor = next((t for name, t in role.bound if name == "governing verb"), None)
            if governor is not None and governor.i in acting and not _yields_to_noun(governor, roles):
                continue
            if pattern.code.startswith(MEETING_ROOT) and _is_setting(token, acting):
                continue
            roles.append(role)
            if governor is not None and governor.i in acting:
                light.add(governor.i)
    return [role for role in roles if role.trigger.i not in light or isinstance(role.pattern, NounPattern)]


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
        found.append(replace(role, pattern=back, source_candidates=role.target_candidates,
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


# Roots whose verb states its complement as what is rejected or threatened ("refused to
# *invite*", "threatened to *cut*"): the complement is no event of its own.
ABSORBING_ROOTS = {"12", "13"}


def _role(frame: Frame, pattern: VerbPattern) -> Role:
    complement = _matched_xcomp(frame, pattern)
    if complement is None and pattern.code[:2] in ABSORBING_ROOTS and frame.xcomps:
        complement = frame.xcomps[0]
    objects = _matched_objects(frame, pattern)
    prep_objects = _matched_prep_objects(frame, pattern.prep, pattern.prep_object)
    prep2_objects = _matched_prep_objects(frame, pattern.prep2, pattern.prep2_object)
    consumed = {t.i for t in (*objects, *prep_objects, *prep2_objects)}
    if complement is not None:
        consumed |= {complement.i, *(o.i for o in frame_of(complement).objects)}
    bound = [("trigger", frame.verb)]
    bound += [("particle", t) for t in frame.verb.children if t.lower_ == pattern.particle]
    bound += [("object", t) for t in objects] + [(f"{pattern.prep} object", t) for t in prep_objects]
    bound += [(f"{pattern.prep2} object", t) for t in prep2_objects]
    if pattern.subject and frame.actor_subject() is not None:
        bound.append(("subject", frame.actor_subject()))
    if complement is not None:
        bound.append(("complement", complement))
    clause = _matched_ccomp(frame, pattern)
    if clause is not None:
        bound.append(("clause", clause))
    reciprocal = [*frame.preps.get("with", []), *frame.preps.get("between", [])]
    if pattern.target == "dobj":
        reciprocal += frame.objects
    elif pattern.target not in ("none", "ccomp"):
        reciprocal += frame.preps.get(pattern.target, [])
    sources, targets = _source_heads(frame), _target_candidates(frame, pattern, complement)
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


def _matched_objects(frame: Frame, pattern: VerbPattern) -> list[Token]:
    return [o for o in frame.object_like() if token_matches(o, pattern.object)] if pattern.object else []


def _matched_prep_objects(frame: Frame, prep: str | None, values: frozenset[str]) -> list[Token]:
    if not (prep and values):
        return []
    return [o for o in frame.preps.get(prep, []) if token_matches(o, values)]


def _matched_xcomp(frame: Frame, pattern: VerbPattern) -> Token | None:
    if not pattern.xcomp:
        return None
    return next((x for x in frame.xcomps if token_matches(x, pattern.xcomp)), None)


def _matched_ccomp(frame: Frame, pattern: VerbPattern) -> Token | None:
    """A clausal complement with one of the pattern's modals: "said Libya *must* hand over"."""
    if not pattern.ccomp:
        return None
    return next(
        (c for c in frame.ccomps if any(a.dep_ == "aux" and a.lower_ in pattern.ccomp for a in c.children)),
        None,
    )


def _source_heads(frame: Frame) -> tuple[Token, ...]:
    """Active subject, passive agent, or the subject the verb shares with its head; a
    pronoun subject of reported speech is followed by the reporting verb's subject."""
    head = _source_head(frame)
    if head is None:
        return ()
    speaker = _reporting_subject(frame.verb, head)
    return (speaker, head) if speaker is not None else (head,)


def _source_head(frame: Frame) -> Token | None:
    if frame.passive:
        return frame.agent
    if frame.subject is not None:
        return _past_dateline(frame.subject)
    verb = frame.verb
    if verb.dep_ == "conj":
        return _source_head(frame_of(verb.head))
    if verb.dep_ == "xcomp":
        governor = verb.head
        if governor.pos_ == "ADJ" and governor.dep_ in {"acomp", "amod"}:
            governor = governor.head  # "is willing to withdraw", "ready to host"
        head = frame_of(governor)
        # Object control: "urged Japan to halt" -> Japan halts.
        return head.objects[0] if head.objects and head.verb.i == verb.head.i else _source_head(head)
    if verb.dep_ in {"relcl", "acl"}:
        return verb.head
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        governor = frame_of(verb.head.head)
        if verb.head.lower_ == "by":
            return _source_head(governor)  # "responded by *staging* drills"
        # "accused Moscow of *massing* troops", "blamed Kyiv for *shelling*"
        return governor.objects[0] if governor.objects else None
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ == "mark" for c in verb.children):
        return _source_head(frame_of(verb.head))  # "..., *shelling* positions"
    return None


def _past_dateline(subject: Token) -> Token:
    """A dateline the parser took for the subject ("ISTANBUL, July 22 - Russia and Ukraine
    signed") yields to the first noun after its dash that belongs to the same verb."""
    sentence = subject.sent
    if not (subject.is_upper and len(subject.text) > 2 and subject.i - sentence.start < 2):
        return subject
    dash = next((t for t in sentence[:12] if t.text in DASHES), None)
    if dash is None:
        return subject
    after = (t for t in sentence if t.i > dash.i and t.pos_ in {"PROPN", "NOUN"} and subject.head in t.ancestors)
    return next(after, subject)


def _reporting_subject(verb: Token, subject: Token) -> Token | None:
    """ "Hungary said *it* will support ...": the pronoun is the one who reports."""
    if subject.lower_ not in REPORTED_PRONOUNS:
        return None
    clause = verb
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
        subject = [frame.subject, *owners(frame.subject)] if frame.subject is not None else []
        places = _prep_objects(frame, LOCATION_PREPOSITIONS) if pattern.code[:2] not in NO_LOCATION_TARGET_ROOTS else []
        return tuple(dict.fromkeys([*subject, *places]))
    ordered: list[Token] = []
    clause_subjects = [s for c in frame.ccomps for s in (_clause_subject(c),) if s is not None]
    if pattern.target == "dobj":
        ordered += frame.objects
        if complement is not None:
            ordered += frame_of(complement).objects
    elif pattern.target == "ccomp":
        ordered += clause_subjects
    elif pattern.target != "none":
        ordered += frame.preps.get(pattern.target, [])
    if pattern.code[:2] == THREAT_ROOT:
        ordered += _condition_subjects(frame)
    if pattern.target != "none":
        ordered += frame.objects + clause_subjects
    ordered += _prep_objects(frame, TARGET_PREPOSITIONS)
    # "warned that it would act *against Iran*": whom the stated act is aimed at; a pattern
    # without a target slot ("denied that it had exported arms to Russia") takes none from there.
    for clause in frame.ccomps if pattern.target != "none" else ():
        ordered += _counterparts(frame_of(clause))
    # "refused to attend talks *with* Minsk", "refused to respond to a demand *from the US*":
    # the complement's counterpart.
    for xcomp in frame.xcomps:
        inner = frame_of(xcomp)
        ordered += inner.objects  # "applied to join *NATO*"
        ordered += _prep_objects(inner, TARGET_PREPOSITIONS)
        ordered += [owner for noun in [*inner.objects, *_prep_objects(inner, TARGET_PREPOSITIONS)] for owner in owners(noun)]
    for noun in [*frame.objects, *([frame.subject] if frame.passive and frame.subject is not None else [])]:
        ordered += owners(noun)
    # "hosted a meeting *between* X and Y", "offered to host talks *between* X and Y"
    ordered += _prep_objects(frame, ("between",))
    ordered += [o for xcomp in frame.xcomps for o in _prep_objects(frame_of(xcomp), ("between",))]
    if frame.verb.lemma_.lower() in place_words("origin_heads"):
        ordered += _prep_objects(frame, ("from",))  # "withdraw its force *from Chad*"
    if pattern.code[:2] not in NO_LOCATION_TARGET_ROOTS:
        ordered += _prep_objects(frame, LOCATION_PREPOSITIONS)
        ordered += [place for xcomp in frame.xcomps for place in _prep_objects(frame_of(xcomp), LOCATION_PREPOSITIONS)]
    ordered += _condition_subjects(frame)
    return tuple(dict.fromkeys(ordered))


def doer_places(frame: Frame) -> list[Token]:
    """Where an act whose doer goes unnamed happened: on its verb, or on the subject or agent
    that names no one ("a roadside bombing *near Samarra*", "killed by a bomb *outside Basra*")."""
    nouns = [n for n in (frame.subject, frame.agent) if n is not None]
    on_nouns = [o for n in nouns for p in n.children if p.dep_ == "prep" and p.lower_ in LOCATION_PREPOSITIONS
                for o in p.children if o.dep_ == "pobj"]
    return [*_prep_objects(frame, LOCATION_PREPOSITIONS), *on_nouns]


def is_place_object(token: Token) -> bool:
    """Whether the token is the object of a preposition of place that names no target
    ("demonstrated *in* Kirkuk", not "fired *at* Kyiv")."""
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ in LOCATION_PREPOSITIONS and prep.lower_ not in TARGET_PREPOSITIONS


def _prep_objects(frame: Frame, prepositions: tuple[str, ...]) -> list[Token]:
    return [o for prep in prepositions for o in frame.preps.get(prep, [])]


def _counterparts(inner: Frame) -> list[Token]:
    """Whom a stated clause's act is aimed at: its objects, target-like prepositions and their owners."""
    aimed = [*inner.objects, *_prep_objects(inner, TARGET_PREPOSITIONS)]
    return [*aimed, *(owner for noun in aimed for owner in owners(noun))]


def _condition_subjects(frame: Frame) -> list[Token]:
    """Subjects of the if/unless clauses on the verb or its infinitive complements."""
    markers = load_modality_words().conditional_markers
    verbs = [frame.verb, *frame.xcomps]
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
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in OWNER_PREPOSITIONS:
            found += [c for c in prep.children if c.dep_ == "pobj"]
        elif prep.dep_ == "acl" and prep.tag_ == "VBN":  # "positions *held by* Armenian forces"
            agent = frame_of(prep).agent
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
    if pattern.of == "source":
        sources += preps.get("of", [])
    sources += between[:1]
    governor = _support_verb(noun, lexicon)
    if governor is not None:
        sources += _source_heads(frame_of(governor))
    targets: list[Token] = list(between[1:]) if between else []
    if pattern.of == "target":
        targets += preps.get("of", [])
    for prep in NOUN_TARGET_PREPOSITIONS:
        targets += preps.get(prep, [])
    if governor is not None:
        governing = frame_of(governor)
        targets += [o for o in governing.objects if o.i != noun.i]
        for prep in TARGET_PREPOSITIONS:
            targets += governing.preps.get(prep, [])
    if pattern.code[:2] not in NO_LOCATION_TARGET_ROOTS:
        places = [preps] + ([governing.preps] if governor is not None else [])
        targets += [o for found in places for prep in LOCATION_PREPOSITIONS for o in found.get(prep, [])]
    bound = [("trigger", noun)] + [("between", t) for t in between]
    if governor is not None:
        bound.append(("governing verb", governor))
    reciprocal = frozenset(t.i for t in (*between, *preps.get("with", [])))
    return Role(
        frame, pattern, tuple(dict.fromkeys(sources)), tuple(dict.fromkeys(targets)), frozenset(), tuple(bound), reciprocal
    )


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


def expand(head: Token | None) -> tuple[Token, ...]:
    """A phrase and its coordinated siblings: "Germany and France" -> both. The parser takes
    the second item of a comma list for an apposition ("The US, Russia, and Switzerland"):
    an apposition that is itself coordinated is such a list."""
    if head is None:
        return ()
    listed = [t for a in head.children if a.dep_ == "appos" and a.conjuncts for t in (a, *a.conjuncts)]
    # The conjunct may hang on another word of the head's name ("*Barack* Obama and Putin").
    named = [t for word in _entity_words(head) for t in word.conjuncts]
    return tuple(dict.fromkeys((head, *head.conjuncts, *listed, *named, *_settlement_named(head))))


def _settlement_named(head: Token) -> list[Token]:
    """ "the northern city *of Kirkuk*", "the town of Samarra": the place a settlement word names."""
    if head.lemma_.lower() not in place_words("settlement_words"):
        return []
    return [o for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of" for o in prep.children if o.dep_ == "pobj"]


@lru_cache(maxsize=None)
def place_words(kind: str) -> frozenset[str]:
    """A word list of the place finder's data (place_words.yaml): "settlement_words" name a
    place by their "of" phrase ("the city of Kirkuk"); after "origin_heads" ("withdraw",
    "expel") "from" names whom the act leaves."""
    return frozenset(w.lower() for w in read_yaml("gazetteer", "place_words.yaml")[kind])


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
