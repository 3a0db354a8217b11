"""Targets from references back to earlier acts: "Japan condemned *the launch*".

A news story names an act once and refers to it again by a definite noun ("the launch",
"the decision", "the warrant"). An event whose target slot holds such a noun, and no owner
of its own ("North Korea's launch" already names its target), is aimed at the one who did
the act referred to: the source of the nearest earlier event of a fitting root, by someone
else, a few sentences back at most. The nouns and their roots are data
(eventwatch/data/lexicon/act_nouns.yaml).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from eventwatch.actors.kb import GROUP_SECTORS
from eventwatch.data import read_yaml
from eventwatch.events.explain import Binding, CodedEvent
from eventwatch.events.roles import Role, condition_subjects, frame_of, restated_verb
from eventwatch.nlp import sentence_numbers, sentence_of
from eventwatch.records import Actor

DEFINITE_DETERMINERS = {"the", "this", "that", "these", "those"}
ANY_ROOT = "any"
STATEMENT_ROOT = "01"
MATERIAL_QUADS = frozenset({2, 4})  # material cooperation and conflict
THREAT_ROOT = "13"


@dataclass(frozen=True)
class ActNouns:
    prefixes: dict[str, tuple[str, ...] | None]  # CAMEO code prefixes; None: any but statements
    window: int
    perpetrators: frozenset[str] = frozenset()  # "the kidnappers": the doer of an earlier violent act
    # "those responsible", "those behind it": a pronoun and the words that make it the doers
    perpetrator_pronouns: frozenset[str] = frozenset()
    perpetrator_words: frozenset[str] = frozenset()
    judicial: frozenset[str] = frozenset()  # "the ruling": with no earlier act, the court named last


@lru_cache(maxsize=1)
def load_act_nouns() -> ActNouns:
    raw = read_yaml("lexicon", "act_nouns.yaml")
    prefixes = {
        noun: None if value == ANY_ROOT else tuple(_code(v) for v in value) for noun, value in raw["nouns"].items()
    }
    perpetrators = frozenset(w.lower() for w in raw.get("perpetrators") or ())
    phrases = raw.get("perpetrator_phrases") or {}
    return ActNouns(
        prefixes,
        int(raw["window"]),
        perpetrators,
        frozenset(w.lower() for w in phrases.get("pronouns") or ()),
        frozenset(w.lower() for w in phrases.get("words") or ()),
        frozenset(w.lower() for w in raw.get("judicial") or ()),
    )


def _code(value: object) -> str:
    """YAML reads 16 as a number and "08" as text: both are code prefixes."""
    return f"{value:02d}" if isinstance(value, int) else str(value)


def referring_noun(role: Role, event: CodedEvent, nouns: ActNouns) -> Token | None:
    """The definite, ownerless act noun in the event's target slot: its objects, and for a
    threat those of the threatened act ("warned that it would reimpose *the sanctions*") and
    the subjects of its condition ("would not remain silent if *the attacks* continued")."""
    frame = role.frame
    threat = event.cameo_root == THREAT_ROOT
    inner = [frame_of(c) for c in (*frame.xcomps, *frame.ccomps)] if threat else []
    passive = [frame.subject] if frame.passive and frame.subject is not None else []  # "the truce was brokered by"
    if frame.passive and frame.agent is not None:
        passive.append(frame.agent)  # "Japan was outraged *by the launch*"
    conditions = condition_subjects(frame) if threat else []
    # "opened an investigation *into the bombings*", "protested *against the arrests*"
    aimed = [o for prep in ACT_PREPOSITIONS for o in frame.preps.get(prep, ())] if event.cameo_root != STATEMENT_ROOT else []
    for noun in [*frame.objects, *passive, *(o for f in inner for o in f.objects), *conditions, *aimed]:
        if act_form(noun, nouns) is None:
            continue
        definite = _is_definite(noun)  # "the launch", "continued *its* attacks"
        owned = any(
            c.dep_ in {"poss", "compound", "nmod"} and c.tag_ != "PRP$" or c.ent_type_ for c in noun.children
        )
        # "Beijing accused ..., *a charge* New Delhi rejected": a noun summing up the clause before.
        summing_up = noun.dep_ in {"npadvmod", "appos"} and noun.head.pos_ in {"VERB", "AUX"} or _sets_off_clause(noun)
        if (definite or summing_up) and not owned:
            return noun
    return None


def _sets_off_clause(noun: Token) -> bool:
    """ "Pakistan expelled thousands of Afghans, *a campaign* the UN criticised": an
    indefinite act noun after a comma, told of by a relative clause, sums up the clause
    before it, however the parser hangs it."""
    start = noun.left_edge.i
    return (
        start > sentence_of(noun).start
        and noun.doc[start - 1].text == ","
        and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children)
        and any(c.dep_ == "relcl" for c in noun.children)
    )


# Who acts through a sector before a token, from a sentence start on (ActorLayer.last_of_sector).
SectorLookup = Callable[[Token, str, int], "Actor | None"]
JUDICIAL_SECTOR = "JUD"


def resolve_references(
    doc: Doc, coded: list[tuple[Role, CodedEvent]], last_of_sector: SectorLookup | None = None
) -> list[tuple[Role, CodedEvent]]:
    """Every event with its role, those without a target given the doer of the act their
    object refers to; a court's decision with no such act, the court named last before."""
    nouns = load_act_nouns()
    referring = [referring_noun(role, event, nouns) if event.target is None else None for role, event in coded]
    if not any(referring):
        return coded
    sentence_number = sentence_numbers(doc)
    ordered = sorted(zip(coded, referring), key=lambda pair: pair[0][0].trigger.i)
    resolved = []
    for position, ((role, event), noun) in enumerate(ordered):
        if noun is not None:
            earlier = [(r, e) for (r, e), _ in ordered[:position] if r.trigger.i < role.trigger.i]
            first = sentence_number[role.trigger.i] - nouns.window
            form = act_form(noun, nouns)
            prefixes, judicial = nouns.prefixes[form], form in nouns.judicial
            targets = _court_of(earlier, prefixes, sentence_number, first) if judicial else []
            if not targets and last_of_sector is not None and judicial:
                court = last_of_sector(noun, JUDICIAL_SECTOR, _sentence_start(doc, first))
                targets = [court] if court is not None else []
            if not targets:  # not a reaction to what one's own state did with others
                found = _antecedent(earlier, event, prefixes, sentence_number, first)
                targets = [t for t in found if not _reacts_to_own_state(event, t)]
            targets = [t for t in targets if t.code != event.source.code]
            resolved += [(role, _aimed_at(event, target, noun)) for target in targets] or [(role, event)]
        else:
            resolved.append((role, event))
    return resolved


def _court_of(earlier, prefixes, sentence_number, first_sentence: int) -> list[Actor]:
    """ "called *the verdict* an attack on democracy": the court whose act it was, even of the
    speaker's own state, not whoever acted after it."""
    courts = [
        e.source for r, e in earlier
        if e.source.sector == JUDICIAL_SECTOR and sentence_number[r.trigger.i] >= first_sentence and _fits(e, prefixes)
    ]
    return courts[-1:]


def _sentence_start(doc: Doc, number: int) -> int:
    """The first token of sentence `number` (of the first sentence when it is below 0)."""
    sentences = list(doc.sents)
    return sentences[max(0, min(number, len(sentences) - 1))].start


def resolve_relatives(coded: list[tuple[Role, CodedEvent]]) -> list[tuple[Role, CodedEvent]]:
    """ "Haftar offered Tripoli a ceasefire, *which* the government rejected": an event told in
    a relative clause whose object is the relative pronoun, with no target of its own, is aimed
    at whoever did the act whose object the clause describes."""
    by_trigger = {role.trigger.i: event for role, event in coded}
    resolved = []
    for role, event in coded:
        verb = role.frame.verb
        if event.target is None and verb.dep_ == "relcl" and _relative_object(verb):
            described = verb.head
            act = by_trigger.get(described.head.i) if described.dep_ in {"dobj", "pobj"} else None
            if act is None and described.dep_ in SUMMING_UP_DEPS:
                act = _summed_up_act(described, by_trigger)
            if act is not None and act.source.code != event.source.code:
                event = _aimed_at(event, act.source, described)
        resolved.append((role, event))
    return resolved


# How a noun that sums up the clause before it hangs on it: "..., *a charge* New Delhi rejected".
SUMMING_UP_DEPS = {"appos", "npadvmod"}


def _relative_object(verb: Token) -> bool:
    """Whether the relative clause's object is the noun it describes: "which the government
    rejected", or with no pronoun and no object of its own, "a charge New Delhi rejected"."""
    children = list(verb.children)
    if any(c.dep_ == "dobj" and c.tag_ in RELATIVE_OBJECT_TAGS for c in children):
        return True
    return any(c.dep_ == "nsubj" and c.tag_ not in RELATIVE_OBJECT_TAGS for c in children) and not any(
        c.dep_ in {"dobj", "ccomp", "xcomp", "prep", "nsubjpass"} for c in children
    )


def _summed_up_act(noun: Token, by_trigger: dict[int, CodedEvent]) -> CodedEvent | None:
    """The act a summing-up noun names: the nearest event above it of a fitting root ("accused
    ..., *a charge*": the accusation, not the shelling it is about)."""
    nouns = load_act_nouns()
    form = act_form(noun, nouns)
    prefixes = nouns.prefixes.get(form) if form else None
    above = [by_trigger[t.i] for t in noun.ancestors if t.i in by_trigger]
    return next((e for e in above if _fits(e, prefixes)), above[0] if above else None)


def resolve_restated_objects(coded: list[tuple[Role, CodedEvent]]) -> list[tuple[Role, CodedEvent]]:
    """ "Beijing rejected the ruling, calling *it* illegal": a participle or coordinated
    clause whose object is "it", with no target of its own, is aimed where the verb it hangs
    on is aimed, when that verb's event is by the same source."""
    aimed = {}
    for role, event in coded:
        if event.target is not None:
            aimed.setdefault((role.trigger.i, event.source.code), event.target)
    resolved = []
    for role, event in coded:
        verb = role.frame.verb
        pronoun = next((o for o in role.frame.objects if o.lower_ == "it"), None)
        if event.target is None and pronoun is not None and verb.dep_ in RESTATING_DEPS:
            target = aimed.get((restated_verb(verb).i, event.source.code))
            if target is not None:
                event = _aimed_at(event, target, pronoun)
        resolved.append((role, event))
    return resolved


# How a clause restating the act of the verb before it hangs on that verb.
RESTATING_DEPS = {"advcl", "conj"}
# The relative pronouns a relative clause's object may be ("*which* the government rejected").
RELATIVE_OBJECT_TAGS = {"WDT", "WP"}


def act_form(noun: Token, nouns: ActNouns) -> str | None:
    """The form (as written, or its lemma) under which the act noun list has the noun."""
    return next((form for form in (noun.lower_, noun.lemma_.lower()) if form in nouns.prefixes), None)


def _antecedent(earlier, event, prefixes, sentence_number, first_sentence: int) -> list[Actor]:
    """Whom the act referred to makes the target: the doer of the nearest earlier act of a
    fitting code ("Japan condemned *the launch*": North Korea), each of its doers when several
    did it together ("Amnesty condemned *the deal*" the EU and Turkey agreed), or, when the
    event's own source did that act, that act's target ("Washington would reimpose *the
    sanctions*": on Venezuela), unless the event endorses the act ("Ecuador's government
    defended *the operation*" its police carried out). A noun that may name any act ("the
    decision") prefers a material act to a verbal one."""
    window = [(r, e) for r, e in earlier if sentence_number[r.trigger.i] >= first_sentence]
    passes = [MATERIAL_QUADS, None] if prefixes is None else [None]
    for quads in passes:
        for role, candidate in reversed(window):
            if not _fits(candidate, prefixes) or quads is not None and candidate.quad_class not in quads:
                continue
            if _same_side(candidate.source, event.source) and event.cameo_root != ENDORSING_ROOT:
                if candidate.target is not None:  # each target of that act ("the tariff on Serbian and Bosnian goods")
                    aimed = {e.target.code: e.target for r, e in earlier if r.trigger.i == role.trigger.i and e.target}
                    return list(aimed.values())
                continue
            doers = {e.source.code: e.source for r, e in earlier if r.trigger.i == role.trigger.i}
            return list(doers.values())
    return []


def _fits(candidate: CodedEvent, prefixes: tuple[str, ...] | None) -> bool:
    return candidate.cameo_root != STATEMENT_ROOT if prefixes is None else candidate.cameo.startswith(prefixes)


def _party(actor: Actor) -> str:
    return actor.country or actor.code


def _reacts_to_own_state(event: CodedEvent, target: Actor) -> bool:
    """ "Armenia and Azerbaijan accused each other ... Armenia's defence ministry denied *the
    claim*": a reaction to an act its own state did with others is aimed at the others,
    unless it endorses the act ("defended the operation")."""
    return event.cameo_root != ENDORSING_ROOT and bool(target.country) and _same_side(target, event.source)


def _same_side(one: Actor, other: Actor) -> bool:
    """Of one side: the same state, unless one is its armed or opposition group and the
    other is not (Sudan's army and the RSF)."""
    return _party(one) == _party(other) and (one.sector in GROUP_SECTORS) == (other.sector in GROUP_SECTORS)


def _aimed_at(event: CodedEvent, target: Actor, noun: Token) -> CodedEvent:
    explanation = event.explanation
    if explanation is not None:
        note = f"target: {noun.text!r} refers to an act by or on {target.code}"
        bindings = (*explanation.bindings, Binding.of("refers to", noun))
        explanation = replace(explanation, bindings=bindings, note="; ".join(filter(None, [explanation.note, note])))
    return replace(event, target=target.with_mention(noun.text), explanation=explanation)


# Prepositions whose object may be the act an event is about.
ACT_PREPOSITIONS = ("into", "over", "against", "for", "on")
# Endorsing an act of one's own side ("defended the operation") is aimed at its doer.
ENDORSING_ROOT = "05"
# Roots of the violent acts (abductions are 181) whose unnamed doers "the attackers", "the kidnappers" refer to.
VIOLENT_ROOTS = frozenset({"18", "19", "20"})


def resolve_perpetrators(
    doc: Doc, coded: list[tuple[Role, CodedEvent]], homed: Callable[[Token], bool] = lambda token: False
) -> list[tuple[Role, CodedEvent]]:
    """ "UNICEF urged *the kidnappers* to release the children": a definite noun for the doers
    of a violent act (act_nouns.yaml, `perpetrators`) that names no state of its own is the
    doer of the nearest earlier violent act a few sentences back ("Gunmen abducted ...")."""
    nouns = load_act_nouns()
    if not nouns.perpetrators:
        return coded
    sentence_number: list[int] | None = None
    resolved = []
    for role, event in coded:
        for slot in ("source", "target"):
            token = _perpetrator_token(doc, event, slot, nouns.perpetrators, homed)
            if token is None and slot == "target" and (event.target is None or not event.target.mention):
                token = _perpetrator_phrase(role, nouns)
            if token is None:
                continue
            if sentence_number is None:
                sentence_number = sentence_numbers(doc)
            doer = _violent_doer(coded, role, sentence_number, sentence_number[token.i] - nouns.window)
            if doer is not None:
                event = replace(event, **{slot: doer.with_mention(token.text)})
        resolved.append((role, event))
    return resolved


def _perpetrator_token(
    doc: Doc, event: CodedEvent, slot: str, words: frozenset[str], homed: Callable[[Token], bool]
) -> Token | None:
    actor = getattr(event, slot)
    if actor is None or actor.org or event.explanation is None:
        return None
    binding = next((b for b in event.explanation.bindings if b.role == slot), None)
    span = doc.char_span(binding.start, binding.end) if binding else None
    if span is None or span.root.lemma_.lower() not in words and span.root.lower_ not in words:
        return None
    token = span.root
    if actor.country and not homed(token):
        return None  # "the Nigerian kidnappers" name their state; the dateline's guess does not
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in token.children)
    return token if definite else None


def _perpetrator_phrase(role: Role, nouns: ActNouns) -> Token | None:
    """ "vowed revenge on *those responsible*", "to hunt down *those behind it*"."""
    for token in role.target_candidates:
        if token.lower_ in nouns.perpetrator_pronouns and any(c.lower_ in nouns.perpetrator_words for c in token.children):
            return token
    return None


def _violent_doer(coded: list[tuple[Role, CodedEvent]], role: Role, sentence_number: list[int], first: int) -> Actor | None:
    earlier = [
        e for r, e in coded
        if r.trigger.i < role.trigger.i and sentence_number[r.trigger.i] >= first
        and e.cameo_root in VIOLENT_ROOTS and e.source.is_named()  # not a bare "gunmen"
    ]
    return earlier[-1].source if earlier else None


def _is_definite(noun: Token) -> bool:
    """ "the launch", "this attack", "its attacks"."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS or c.dep_ == "poss" and c.tag_ == "PRP$" for c in noun.children)
