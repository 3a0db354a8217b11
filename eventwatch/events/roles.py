"""Who did what to whom, read off spaCy's dependency parse.

For every verb the lexicon knows, a `Frame` collects what the parse attaches
to it (particles, objects, prepositions, infinitive complements, subject),
the most specific satisfied `VerbPattern` gives the CAMEO code, and the frame
gives the source and target tokens. Active and passive voice, coordinated
actors ("Germany and France") and shared subjects of coordinated verbs are
handled here; resolving tokens to actors is the actor layer's job.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from eventwatch.events.lexicon import Lexicon, VerbPattern, token_matches

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "dative", "attr"}
# The model tags some phrasal particles as adverbs: "stepped *down*", "pulled *back*".
PARTICLE_ADVERBS = {"back", "down", "up", "out", "off", "away", "in", "over"}
# Prepositions that may carry a target when the pattern names none that resolves.
TARGET_PREPOSITIONS = ("with", "against", "to", "on", "toward", "towards", "at", "over")


@dataclass
class Frame:
    """What the parse attaches to one verb."""

    verb: Token
    particles: set[str] = field(default_factory=set)
    objects: list[Token] = field(default_factory=list)
    preps: dict[str, list[Token]] = field(default_factory=dict)
    xcomps: list[Token] = field(default_factory=list)
    subject: Token | None = None
    passive: bool = False
    agent: Token | None = None

    def add_prep(self, prep: Token) -> None:
        objects = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
        self.preps.setdefault(prep.lower_, []).extend(objects)


@dataclass(frozen=True)
class Role:
    """A matched verb: its pattern, the token heading the source phrase, and the
    tokens that may head the target phrase, most likely first."""

    frame: Frame
    pattern: VerbPattern
    source: Token | None
    target_candidates: tuple[Token, ...]
    consumed: frozenset[int]  # token indices folded into this event ("agreed to *meet*")


def frame_of(verb: Token) -> Frame:
    frame = Frame(verb=verb)
    for child in verb.children:
        dep = child.dep_
        if dep == "prt" or dep == "advmod" and child.lower_ in PARTICLE_ADVERBS:
            frame.particles.add(child.lower_)
        elif dep in OBJECT_DEPS:
            frame.objects.append(child)
        elif dep == "prep":
            frame.add_prep(child)
        elif dep == "agent":
            frame.agent = next((c for c in child.children if c.dep_ == "pobj"), None)
        elif dep == "xcomp":
            frame.xcomps.append(child)
        elif dep in SUBJECT_DEPS:
            frame.subject = child
        elif dep in PASSIVE_SUBJECT_DEPS:
            frame.subject, frame.passive = child, True
    # Prepositions attached to the object noun count too, after the verb's own:
    # "imposed sanctions *on* Minsk on Monday", "held talks *with* Kyiv".
    for noun in [*frame.objects, *(o for objs in list(frame.preps.values()) for o in objs)]:
        for child in noun.children:
            if child.dep_ == "prep":
                frame.add_prep(child)
    return frame


def satisfies(frame: Frame, pattern: VerbPattern) -> bool:
    if pattern.particle and pattern.particle not in frame.particles:
        return False
    if pattern.object and not any(token_matches(o, pattern.object) for o in frame.objects):
        return False
    if pattern.prep:
        objects = frame.preps.get(pattern.prep)
        if objects is None:
            return False
        if pattern.prep_object and not any(token_matches(o, pattern.prep_object) for o in objects):
            return False
    if pattern.xcomp and _matched_xcomp(frame, pattern) is None:
        return False
    return True


def best_pattern(frame: Frame, lexicon: Lexicon) -> VerbPattern | None:
    """The satisfied pattern with the most constraints; ties go to the first listed."""
    satisfied = [p for p in lexicon.patterns_for(_lemma(frame.verb)) if satisfies(frame, p)]
    return max(satisfied, key=lambda p: p.specificity, default=None)


def find_roles(doc, lexicon: Lexicon) -> list[Role]:
    roles = []
    for token in doc:
        if token.pos_ != "VERB":
            continue
        frame = frame_of(token)
        pattern = best_pattern(frame, lexicon)
        if pattern is not None:
            roles.append(_role(frame, pattern))
    # A complement folded into another verb's pattern does not stand as its own event.
    consumed = {i for role in roles for i in role.consumed}
    return [role for role in roles if role.frame.verb.i not in consumed]


def _role(frame: Frame, pattern: VerbPattern) -> Role:
    complement = _matched_xcomp(frame, pattern)
    consumed = frozenset({complement.i}) if complement is not None else frozenset()
    return Role(frame, pattern, _source_head(frame), _target_candidates(frame, pattern, complement), consumed)


def _matched_xcomp(frame: Frame, pattern: VerbPattern) -> Token | None:
    if not pattern.xcomp:
        return None
    return next((x for x in frame.xcomps if token_matches(x, pattern.xcomp)), None)


def _source_head(frame: Frame) -> Token | None:
    """Active subject, passive agent, or the subject the verb shares with its head."""
    if frame.passive:
        return frame.agent
    if frame.subject is not None:
        return frame.subject
    verb = frame.verb
    if verb.dep_ == "conj":
        return _source_head(frame_of(verb.head))
    if verb.dep_ == "xcomp":
        head = frame_of(verb.head)
        # Object control: "urged Japan to halt" -> Japan halts.
        return head.objects[0] if head.objects else _source_head(head)
    if verb.dep_ == "relcl":
        return verb.head
    return None


def _target_candidates(frame: Frame, pattern: VerbPattern, complement: Token | None) -> tuple[Token, ...]:
    """Where the pattern says the target is first, then objects and target-like prepositions.

    A pattern without a target slot ("none": "call for talks") still takes one from a
    target-like preposition ("... with Moscow"), never from its object."""
    if frame.passive:
        return (frame.subject,) if frame.subject is not None else ()
    ordered: list[Token] = []
    if pattern.target == "dobj":
        ordered += frame.objects
        if complement is not None:
            ordered += frame_of(complement).objects
    elif pattern.target != "none":
        ordered += frame.preps.get(pattern.target, [])
    if pattern.target != "none":
        ordered += frame.objects
    for prep in TARGET_PREPOSITIONS:
        ordered += frame.preps.get(prep, [])
    # "refused to attend talks *with* Minsk": the complement's counterpart.
    for xcomp in frame.xcomps:
        inner = frame_of(xcomp)
        for prep in TARGET_PREPOSITIONS:
            ordered += inner.preps.get(prep, [])
    return tuple(dict.fromkeys(ordered))


def expand(head: Token | None) -> tuple[Token, ...]:
    """A phrase and its coordinated siblings: "Germany and France" -> both."""
    if head is None:
        return ()
    return (head, *head.conjuncts)


def _lemma(token: Token) -> str:
    return token.lemma_.lower()
