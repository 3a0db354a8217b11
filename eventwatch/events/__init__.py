"""Event stage: CAMEO/PLOVER-coded events with actors, modality and evidence.

Input: the parsed Doc, the actor layer and the article's quotes. Output:
`Event` records (as `CodedEvent`, which also carry their explanation) without
date or place; the when/where stage adds those.

Coding conventions (CAMEO's): an act the source announces ("will send arms",
"agreed to free", "is ready to withdraw", "would invade") is coded as the intent
(03) or threat (13) of it, and a refusal of cooperation ("will not release") as
a rejection (12); the act's own code is in the explanation. Events stated in a
quote without a subject of their own belong to the speaker's side. An event
neither of whose parties belongs to a state or organisation ("soldiers seized
power", "police fired tear gas at protesters" with no country named) cannot be
placed on any dyad and is left out.
"""

from __future__ import annotations

import re

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from itertools import permutations, product

from spacy.tokens import Doc, Token

from eventwatch.actors import ActorLayer
from eventwatch.coref import QuoteLookup, antecedent_mention, is_first_person, is_pronoun, resolve_pronoun
from eventwatch.data import read_yaml
from eventwatch.events.anaphora import (
    act_form,
    load_act_nouns,
    resolve_perpetrators,
    resolve_references,
    resolve_relatives,
    resolve_restated_objects,
)
from eventwatch.events.codebook import Codebook, IntentTable, load_appeal_table, load_codebook, load_intent_table
from eventwatch.events.explain import Binding, CodedEvent, Explanation
from eventwatch.events.lexicon import Lexicon, NounPattern, load_lexicon
from eventwatch.events.modality import Mood, mood_of
from eventwatch.events.roles import (
    INTENT_ROOT,
    REJECT_ROOT,
    is_headline,
    LOCATION_PREPOSITIONS,
    PROTEST_ROOT,
    PROTESTED_AT,
    VIOLENT_ROOTS,
    Role,
    accuses_none,
    as_own_claim,
    named_culprit,
    doer_places,
    expand,
    find_roles,
    frame_of,
    frames_remembered,
    has_mutual_object,
    is_place_object,
    object_places,
    place_words,
)
from eventwatch.nlp import sentence_of
from eventwatch.records import Actor, Event, Evidence, Quote

# "Make statement" is what every "said" is: an event only when addressed to a state or organisation.
BARE_STATEMENT = "010"
# A visit (CAMEO 042) takes someone visited: a trip to no one named is no event. (Hosting,
# 043, stays without a guest named: "Turkey, which hosted the meeting".)
VISITS = {"042"}
REFUSED = "refused"  # how an explanation note starts for a refusal ("will not release": 12)
GENERIC_APPEAL = "020"  # "urged", "called on": made specific by the act it asks for
DEMAND_ROOTS = {"10"}  # demands: the act they name is coded too, aimed at whoever demands it
# Appeals (02) for help (06, 07): "asked the UN to *send troops*" -- the asker receives it.
APPEAL_FOR_HELP = ("02", {"06", "07"})
# Meetings, visits and talks a report states as scheduled are coded as such, future.
ARRANGED_ROOT = "04"
# Roots whose announced act is an intent (03) or a threat (13), and whose refusal is a rejection.
COOPERATION_ROOTS = {"04", "05", "06", "07", "08"}
CONFLICT_ROOTS = {"14", "15", "16", "17", "18", "19", "20"}
# Verbal roots: stated in a quote without a subject of their own, the speaker's side does them.
VERBAL_ROOTS = {"01", "02", "03", "04", "05", "09", "10", "11", "12", "13"}
# Clauses hanging off a trigger that state something else; evidence leaves them out.
DETACHED_CLAUSES = {"advcl", "conj", "parataxis", "cc", "relcl"}
TRAILING_PUNCT = {",", ";", ":", "\u2014", "-"}
# Sectors that act inside their own state: police and courts.
DOMESTIC_FORCES = {"COP", "JUD"}
# Violence by a state's police on protesters is repression: CAMEO 175.
REPRESSION = "175"
REPRESSING_SECTORS = {"COP"}
# Roads blocked by armed forces or groups: a blockade (191), not a protest (144).
BLOCKING_PROTEST = "144"
VIOLENT_PROTEST = "145"  # rioting, storming, setting fire: done where what it hits stands
ARMED_BLOCKADE = "191"
ARMED_SECTORS = {"MIL", "REB", "UAF", "IMG", "SPY"}
LABOUR_STRIKE = "143"
# Who downs tools in a "strike" rather than fires: workers, farmers, students, doctors, and the like.
STRIKING_SECTORS = {"LAB", "AGR", "EDU", "MED", "HLH", "BUS", "CVL", "OPP", "JUD", "LEG"}
# Expelling the staff of an international body expels the body (166: peacekeepers, inspectors,
# aid agencies), not persons (174).
PERSONS_EXPELLED = "174"
ORGANISATION_EXPELLED = "166"
# A raid by police or the courts' agents is a search and seizure (1711), not military force.
POLICE_RAID = "1711"
# Killing civilians that the story calls a massacre is a mass killing (CAMEO 202), not fighting.
MASS_KILLING = "202"
# Entity labels that name a state or someone (not "nine", "Sunday").
NAMING_ENTITIES = {"GPE", "NORP", "ORG", "LOC", "PERSON", "FAC"}
# Sectors of a place's own people, which a place standing for its state drops.
PLACE_PEOPLE = {None, "CVL"}
# First-person possessives: inside a quote, what they own is the speaker's side's.
OUR = {"our", "my"}
# Subordinators of a clause that tells the moment of a violent act, whose place is the act's.
SAME_MOMENT_MARKERS = {"when", "as", "while"}
# Sectors of a state's own opposition, placed at home when its authorities act on them.
HOME_OPPOSITION = {"OPP"}
# Talks, ceasefires, concessions and arrests: rebels or other groups no phrase places are the
# acting state's own ("the government declared a ceasefire with communist rebels", "gave in to
# the students' demands", "police detained two journalists").
HOME_GROUP_ROOTS = {"04", "08", "17"}
HOME_GROUPS = {"REB", "EDU", "LAB", "CVL", "MED", "BUS", "HRI", "AGR", "REL", "ELI", "JUD"}
# "each other", "one another" as the object: coordinated sources act on each other.
RECIPROCAL_PRONOUNS = ({"each", "other"}, {"one", "another"})
# Sector of the unnamed doer of an act by its root: the authorities for coercion (arrests,
# expulsions), unidentified armed forces (CAMEO UAF) for assaults, fighting and mass violence.
UNSEEN_DOER_SECTORS = {"17": "GOV", "18": "UAF", "19": "UAF", "20": "UAF"}
INVESTIGATE_ROOT = "09"
# Sympathy "for the floods in Pakistan" is aimed at the state the misfortune befell.
SYMPATHY = "018"
MOURNED_PREPOSITIONS = ("for", "over")
# Roots whose parties named only by their kind ("students", "police") belong to the state the
# act happens in: protests, coercion and violence.
SITED_ROOTS = {"14", *UNSEEN_DOER_SECTORS}
# The unnamed doers of a protest ("Thousands protested in Belgrade") are protesters of the
# state it happens in.
UNSEEN_PROTESTERS = "OPP"
# Roots whose act, aimed at no one named and nowhere, is aimed at the doer's own state:
# protests ("Kenyan teachers went on strike") and coercion ("imposed martial law").
DOMESTIC_ROOTS = {PROTEST_ROOT, "17"}
CONDITION_MARKERS = {"if", "unless"}
# Markers that state a condition only on a refusal ("would not reopen the border *until* Baghdad
# ...") or on a promise ("will resume talks *once* Kyiv ..."); on a past fact they tell a time.
REFUSAL_CONDITION_MARKERS = {"until"}
PROMISE_CONDITION_MARKERS = {"once"}
FUTURE_AUXILIARIES = {"will", "would", "'ll", "shall"}
# Cooperation and yielding: what a condition asks for (intents, talks, aid, concessions).
CONCESSION_ROOTS = {"03", "04", "05", "06", "07", "08"}
# Concessions on political freedoms, curfews and states of emergency, made at home whoever of
# the state makes them: with no target named, aimed at the doers' own state.
DOMESTIC_CONCESSIONS = {"0811", "0812", "0813", "0814", "082"}
# An intent to cooperate with nothing said of what: yields to the act its clause states.
BARE_INTENT = "030"
# Pronouns that may stand for several actors named together ("Japan and Korea ... urged *them*").
PLURAL_PRONOUNS = {"they", "them"}
# Clauses that describe a noun ("a lunch *hosted* by ...", "the man *who* fled") state events of their own.
NOUN_MODIFYING_CLAUSES = {"acl", "relcl", "appos"}

Party = tuple[Token | None, Actor]


def find_events(
    doc: Doc,
    actors: ActorLayer,
    quotes: list[Quote],
    lexicon: Lexicon | None = None,
    codebook: Codebook | None = None,
) -> list[Event]:
    with frames_remembered(doc):  # each verb's frame built once for the whole stage
        return _find_events(doc, actors, quotes, lexicon or load_lexicon(), codebook or load_codebook())


def _find_events(doc: Doc, actors: ActorLayer, quotes: list[Quote], lexicon: Lexicon, codebook: Codebook) -> list[Event]:
    coder = _Coder(_RoleResolver(actors, quotes), codebook, load_intent_table())
    roles = find_roles(doc, lexicon)
    asked = _asked_acts(roles)
    coded = [(role, event) for role in roles for event in coder.events_of(role, asked.get(role.trigger.i))]
    coded = _refusals_aimed_at_askers(_aimed_at_askers(coded))
    unique: list[tuple[Role, Event]] = []
    seen: set[tuple] = set()
    referred = resolve_references(doc, coded, actors.last_of_sector)
    for role, event in resolve_perpetrators(doc, resolve_restated_objects(resolve_relatives(referred)), actors.is_homed):
        key = (event.source.code, event.target.code if event.target else None, event.cameo, event.verb, event.evidence.start)
        if key not in seen:
            seen.add(key)
            unique.append((role, event))
    unique = [(role, event) for role, event in unique if not _is_long_past(role.trigger) and not _is_rejected_ask(role.trigger)]
    kept = _without_consequences(_without_conditions(_without_retold_acts(unique)))
    events = _without_headline_restatements(_without_generic_duplicates(kept), doc)
    events = [e for e in events if not _coerces_no_one(e)]
    events.sort(key=lambda e: (e.evidence.start, e.evidence.end))
    for number, event in enumerate(events, start=1):
        event.id = f"e{number}"
    return events


class _RoleResolver:
    """Turns role tokens into actors, knowing which quote (and speaker) a token is in."""

    def __init__(self, actors: ActorLayer, quotes: list[Quote]):
        self.actors = actors
        self.marked = QuoteLookup(quotes)  # quotes in marks, looked up by offset
        self._actor_at: dict[int, Actor | None] = {}  # roles ask for the same tokens again and again

    def quote_at(self, token: Token) -> Quote | None:
        return self.marked.around(token.idx)

    def actor(self, token: Token) -> Actor | None:
        if token.i not in self._actor_at:
            self._actor_at[token.i] = self._actor(token)
        return self._actor_at[token.i]

    def _actor(self, token: Token) -> Actor | None:
        if is_first_person(token):
            quote = self.quote_at(token)
            return quote.speaker.with_mention(token.text) if quote and quote.speaker else None
        if is_pronoun(token) or token.lower_ == "it":  # "since *it* expelled the French ambassador"
            return resolve_pronoun(token, self.actors, self.marked)
        found = self.actors.actor_for(token)
        if found is not None and not (found.country or found.org) and any(c.dep_ == "poss" and c.lower_ in OUR for c in token.children):
            quote = self.quote_at(token)  # "*Our* defence forces are on full alert," the president said
            speaker = quote.speaker if quote else None
            if speaker is not None and speaker.country:
                return replace(found, country=speaker.country, code=speaker.country + found.code)
        return found

    def actors_of(self, head: Token | None) -> list[Party]:
        found = []
        for token in expand(head):
            actor = self.actor(token)
            if actor is not None and actor.code:
                found.append((token, actor))
                found += self._coordinated_states(token, actor)
                found += [(token, other) for other in self.actors.actors_for(token)[1:]]  # "both sides"
                found += self._plural_antecedents(token, actor)
        return found

    def _plural_antecedents(self, pronoun: Token, actor: Actor) -> list[Party]:
        """ "an ally of both countries, urged *them* to talk": a plural pronoun whose
        antecedent stands for two states, or is coordinated, stands for each of them."""
        if pronoun.lower_ not in PLURAL_PRONOUNS:
            return []
        mention = antecedent_mention(pronoun, self.actors, self.marked)
        if mention is None:
            return []
        head = mention.head
        others = [*self.actors.actors_for(head)[1:], *(a for t in head.conjuncts if (a := self.actors.actor_for(t)))]
        return [(pronoun, other.with_mention(pronoun.text)) for other in others if other.code and other.code != actor.code]

    def _coordinated_states(self, token: Token, actor: Actor) -> list[Party]:
        """ "Senior Hungarian *and Romanian* officials", "officials of India *and Pakistan*": the
        same kind of actor for each further state among the noun's coordinated modifiers or
        of/from objects; "the government *and opposition* leaders": each further sector of the
        same state."""
        if not actor.country or not actor.code.startswith(actor.country):
            return []
        further = []
        owners = [o for p in token.children if p.dep_ == "prep" and p.lower_ in {"of", "from"} for o in p.children if o.dep_ == "pobj"]
        for modifier in [*token.children, *owners]:
            if modifier.dep_ not in {"amod", "compound", "nmod", "pobj"}:
                continue
            own = self.actors.actor_for(modifier) if modifier.pos_ == "NOUN" and modifier.conjuncts else None
            if own is not None and own.country == actor.country and own.sector and own.code != actor.code:
                further.append((modifier, own))  # "Colombia's *government* and FARC rebels", parsed as one phrase
            for other in modifier.conjuncts:
                state = self.actors.actor_for(other)
                if state is not None and state.country and state.country != actor.country:
                    code = state.country + actor.code[len(actor.country):]
                    further.append((other, replace(actor, name=state.name, country=state.country, code=code)))
                elif state is not None and state.country == actor.country and state.sector and state.code != actor.code:
                    further.append((other, state))
        return further

    def first_resolved(
        self, candidates: tuple[Token, ...], unlike: list[Party] = (), site: str | None = None, abroad: bool = False
    ) -> list[Party]:
        """Actors of the first candidate that resolves to someone other than `unlike`: a state
        or organisation first, else a bare sector ("police") as the last resort. An act `abroad`
        (no protest, coercion or violence, which may well be done at home) is not aimed at the
        source's own state named as an owner ("reaffirmed *America's* commitment to Israel")."""
        codes = {actor.code for _, actor in unlike}
        states = {actor.country or actor.org for _, actor in unlike if actor.country or actor.org}
        resolved = [
            [p for p in self._parties_at(c, site) if p[1].code not in codes and not self._own(p, states, codes, abroad)] for c in candidates
        ]
        placed = next((found for found in resolved if any(a.country or a.org or _refers_to_doer(t) for t, a in found)), None)
        return placed or next((found for found in resolved if found), [])

    def is_own_side(self, token: Token | None, sources: list[Party]) -> bool:
        """Whether the token names one of the sources (a pronoun for the speaker, or its name)."""
        actor = self.actor(token) if token is not None else None
        return actor is not None and any(actor.code == source.code for _, source in sources)

    def _own(self, party: Party, states: set[str], codes: set[str], abroad: bool) -> bool:
        """ "withdraw *their* troops from Chad", "a call for *its* peacekeepers to be deployed":
        what the source's own pronoun owns is no target; so too what an act noun's "of" phrase
        says it owns ("completed the withdrawal of *its* troops"), unless the pronoun is someone
        else's; and, for an act `abroad`, a common noun the source's own state owns ("*America's
        commitment*")."""
        token, actor = party
        if token is None or (actor.country or actor.org) not in states:
            return False
        if any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in token.children):
            return True
        if token.dep_ == "amod" and actor.sector is None and token.head.dep_ == "dobj" and token.head.pos_ == "NOUN":
            return True  # "pulled *American* troops back": the state of what it moves
        if abroad and token.pos_ == "NOUN" and actor.code == actor.country:
            return any(c.dep_ in {"poss", "amod", "compound"} and c.pos_ != "DET" for c in token.children)
        owned = [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        pronouns = [c for noun in owned for c in noun.children if c.dep_ == "poss" and c.tag_ == "PRP$"]
        return any((owner := self.actor(p)) is None or owner.code in codes for p in pronouns)

    def _parties_at(self, candidate: Token, site: str | None = None) -> list[Party]:
        """The candidate's actors; a place where the act happened ("demonstrated *in Kirkuk*")
        stands for its state, whoever lives there; at a `site` (the state a violent or coercive
        act happened in), those named only by their kind ("gunmen", "police", "protesters")
        belong to it, as ICEWS codes "police (Peru)"."""
        parties = self.actors_of(candidate)
        if site is not None:
            parties = [(t, a) if (a.country or a.org) and not self.actors.is_homed(t) else (t, _at_site(a, site)) for t, a in parties]
        if not is_place_object(candidate):
            return parties
        # The place stands for its state, not its people; an institution there keeps its sector:
        # "rallied outside *their country's embassy*" is aimed at the government.
        return [(t, replace(a, sector=None, code=a.country)) if a.country and (a.sector in PLACE_PEOPLE or _is_named(t)) else (t, a) for t, a in parties]

    def sources(self, role: Role, site: str | None = None) -> list[Party]:
        found = self.first_resolved(role.source_candidates, site=site)
        if found or role.pattern.code[:2] not in VERBAL_ROOTS:
            return found
        if role.source_candidates and not isinstance(role.pattern, NounPattern):
            return found
        # No subject of its own inside a quote: the speaker's side acts.
        quote = self.quote_at(role.trigger)
        return [(None, quote.speaker)] if quote and quote.speaker and quote.speaker.code else []

    def unseen_doer(self, role: Role, site: tuple[Token, str] | None) -> list[Party]:
        """The doer of a coercive or violent act the text does not name ("three soldiers were
        killed by a roadside bomb near Samarra"): unidentified, of the state it happened in,
        as ICEWS codes "unidentified gunmen (Iraq)"; for arrests and other coercion (17), that
        state's authorities."""
        root = role.pattern.code[:2]
        sector = UNSEEN_PROTESTERS if root == PROTEST_ROOT else UNSEEN_DOER_SECTORS.get(root)
        origin = self._launch_origin(role) if root in VIOLENT_ROOTS else None
        if origin is not None:
            place, state = origin  # "a missile was fired at Ukraine *from Belarus*"
            return [(place, Actor(f"unidentified, from {place.text}", place.text, state, None, sector, state + sector))]
        if sector is None or site is None:
            return []
        place, state = site
        return [(place, Actor(f"unidentified, in {place.text}", place.text, state, None, sector, state + sector))]

    def _launch_origin(self, role: Role) -> tuple[Token, str] | None:
        """The state a violent act was launched from, whose forces, unnamed, did it."""
        for place in role.frame.preps.get("from", []):
            state = next((a.country for _, a in self.actors_of(place) if a.country), None) if _names_a_place(place) else None
            if state is not None:
                return place, state
        return None

    def site_state(self, role: Role) -> tuple[Token, str] | None:
        """Where a protest, coercive or violent act (14, 17-20) happened, and the state it
        lies in; not the institution a protest stands before ("outside the Russian embassy")."""
        if role.pattern.code[:2] not in SITED_ROOTS:
            return None
        frames = [role.frame]
        if role.trigger.tag_ == "VBG" and role.trigger.dep_ in {"advcl", "conj"}:
            frames.append(frame_of(role.trigger.head))  # "hit a block in Dnipro, *killing* 40 people"
        elif isinstance(role.pattern, NounPattern) and role.trigger.dep_ in {"nsubj", "nsubjpass", "dobj"}:
            frames.append(frame_of(role.trigger.head))  # "*Protests* erupted in Tehran"
        if role.pattern.code[:2] in VIOLENT_ROOTS:  # "killed 23 people *when* they blew themselves up in Tel Aviv"
            frames += [frame_of(c) for c in role.trigger.children if c.dep_ == "advcl" and _is_same_moment(c)]
        places = [place for frame in frames for place in doer_places(frame)]
        if role.pattern.code[:2] in VIOLENT_ROOTS:
            places += [place for frame in frames for place in object_places(frame)]
            places += _struck_places(role.frame.subject)  # "a missile strike *on the city of Ganja* killed"
        for place in places:
            if place.head.lower_ in PROTESTED_AT or _in_what_is_opposed(place, role):
                continue
            if not _names_a_place(place):
                continue  # "killed *in an Israeli airstrike*": no place, whoever's it is
            state = next((a.country for _, a in self.actors_of(place) if a.country), None)
            if state is not None:
                return place, state
        return None

    def targets(self, role: Role, sources: list[Party], site: str | None = None) -> list[Party]:
        things = self._bare_things(role)
        candidates = tuple(t for t in role.target_candidates if t.i not in things)
        found = self.first_resolved(candidates, sources, site, abroad=role.pattern.code[:2] not in SITED_ROOTS)
        if not found and role.pattern.code[:2] in UNSEEN_DOER_SECTORS:
            found = self._attacked_place(role, sources)
        if not found and role.pattern.code[:2] == INVESTIGATE_ROOT:
            found = self._investigated_state(role, sources)
        if not found and role.pattern.code == SYMPATHY:
            found = self._mourned_state(role)
        if found or sources and sources[0][0] is not None:
            return found
        return self._named_in_quote(role.trigger, sources)

    def _bare_things(self, role: Role) -> set[int]:
        """The words the pattern matched as its object, and their modifiers, that name no one
        but a sector, no state or organisation ("signed a *military* cooperation agreement"):
        kinds of things, no target."""
        objects = [bound for name, bound in role.bound if name == "object"]
        words = [t for o in objects for t in o.subtree if t is o or t.i < o.i and t.dep_ in {"amod", "compound"}]
        return {t.i for t in words if (actor := self.actor(t)) is not None and not (actor.country or actor.org) and not self.actors.is_agent_noun(t)}

    def _investigated_state(self, role: Role, sources: list[Party]) -> list[Party]:
        """Whom an investigation of a thing is aimed at: the state its object's phrase places
        it in ("investigating traces of uranium found at undeclared *Iranian* sites")."""
        states = {actor.country for _, actor in sources}
        for obj in role.frame.objects:
            for token in obj.subtree:
                actor = self.actors.actor_for(token) if token.pos_ in {"PROPN", "ADJ", "NOUN"} else None
                if actor is not None and actor.country and actor.country not in states and token.i != obj.i:
                    state = self.actors.state(actor.country)
                    return [(token, state)] if state else []
        return []

    def _mourned_state(self, role: Role) -> list[Party]:
        """Whom sympathy for a misfortune is aimed at: the state its phrase places it in
        ("expressed sorrow for the shootings *in South Carolina*")."""
        for prep in MOURNED_PREPOSITIONS:
            for phrase in role.frame.preps.get(prep, ()):
                for token in phrase.subtree:
                    actor = self.actors.actor_for(token) if token.i != phrase.i and token.pos_ == "PROPN" else None
                    if actor is not None and actor.country and (state := self.actors.state(actor.country)):
                        return [(token, state)]
        return []

    def _attacked_place(self, role: Role, sources: list[Party]) -> list[Party]:
        """The people of a place attacked, seized or raided that the model took for no place
        ("Russian forces struck *Kharkiv*"), when it is no place of the doers' own state."""
        states = {actor.country for _, actor in sources}
        for candidate in role.target_candidates:
            actor = self.actors.place_actor(candidate)
            if actor is not None and actor.country not in states:
                return [(candidate, actor)]
        return []

    def own_state(self, sources: list[Party], protest: bool) -> list[Party]:
        """Whom a protest or a coercive act that names no target and no place is aimed at: the
        doers' own government ("Egyptian demonstrators rioted", as ICEWS codes protests) or
        state ("the government imposed martial law"), as the PLOVER GSR codes it."""
        states = {actor.country for _, actor in sources}
        if len(states) != 1 or None in states:
            return []
        (country,) = states
        aimed_at = self.actors.government if protest else self.actors.state
        target = aimed_at(country)
        if target is None or any(actor.code == target.code for _, actor in sources):
            return []
        return [(None, target)]

    def is_reciprocal(self, role: Role, targets: list[Party]) -> bool:
        """Whether a symmetric event also runs from these targets back to the sources."""
        return any(token is not None and (token.i in role.reciprocal or token.head.i in role.reciprocal) for token, _ in targets)

    def _named_in_quote(self, trigger: Token, sources: list[Party]) -> list[Party]:
        """The speaker's counterpart: the nearest other state or organisation the quote names
        in the trigger's sentence ("If *Russia* decides to ..., there will be consequences")."""
        quote = self.quote_at(trigger)
        if quote is None:
            return []
        own = {actor.country or actor.code for _, actor in sources}
        sentence = sentence_of(trigger)
        named = [
            (token, actor)
            for token in sentence
            if quote.start <= token.idx < quote.end
            for actor in [self.actors.actor_for(token)]
            if actor is not None and actor.code and (actor.country or actor.code) not in own
        ]
        named.sort(key=lambda party: abs(party[0].i - trigger.i))
        return named[:1]


class _Coder:
    def __init__(self, resolver: _RoleResolver, codebook: Codebook, intents: IntentTable) -> None:
        self.resolver = resolver
        self.codebook = codebook
        self.intents = intents
        self.appeals = load_appeal_table()

    def events_of(self, role: Role, asked: str | None = None) -> list[Event]:
        """The events of a role; `asked` is the code of the act an appeal asks for, if any."""
        site = self.resolver.site_state(role)
        state = site[1] if site is not None else None
        sources = _placed_conjuncts(self.resolver.sources(role, state))
        unseen = not sources
        if unseen:
            sources = self.resolver.unseen_doer(role, site)
        if not sources or _claims_a_place(role):
            return []
        if _is_labour_strike(role, sources):
            role = replace(role, pattern=replace(role.pattern, code=LABOUR_STRIKE))  # read as a protest from here on
        targets = self.resolver.targets(role, sources, state or _home_of_force(role, sources))
        if state is not None and role.pattern.code[:2] in VIOLENT_ROOTS:
            targets = [(t, _victims_at(t, a, state)) for t, a in targets]
        doer = sources[0][0]
        protest = role.pattern.code[:2] == PROTEST_ROOT
        if unseen and protest:
            targets = [party for party in targets if party[0] is not doer]  # not the place they stand for
        home = HOME_OPPOSITION | (HOME_GROUPS if role.pattern.code[:2] in HOME_GROUP_ROOTS else set())
        targets = _opposition_at_home(targets, sources, self.resolver.actors.is_homed, home)
        if state is None and role.pattern.code[:2] in UNSEEN_DOER_SECTORS:
            sources = _doers_where_their_targets_are(sources, targets)
        if protest:
            sources = _protesters_at_home(sources, targets)
        conceded = role.pattern.code in DOMESTIC_CONCESSIONS
        if not targets and (conceded or role.pattern.code[:2] in DOMESTIC_ROOTS and (protest or _acts_at_home(sources))):
            targets = self.resolver.own_state(sources, protest=protest)
        culprit = named_culprit(role)
        if culprit is not None and self.resolver.actor(culprit) is None:
            return []  # "said the project was *behind* schedule": no one blamed
        if accuses_none(role, targets) or self.resolver.is_own_side(culprit, sources):
            role = as_own_claim(role)  # "the US claimed that they had attacked Iraq": no one accused
            targets = self.resolver.targets(role, sources)
        if unseen and not any(actor.is_named() and token is not doer for token, actor in targets):
            return []  # an unnamed doer is coded only against someone named besides the place
        if not any(actor.is_named() for _, actor in (*sources, *targets)):
            return []  # "Soldiers seized power": no state or organisation to place it on
        mood = mood_of(role.trigger)
        pattern_code = REPRESSION if _represses(role, sources, targets) else role.pattern.code
        if _is_called_massacre(role, targets):
            pattern_code = MASS_KILLING
        elif _is_police_raid(role, sources):
            pattern_code = POLICE_RAID
        elif _is_armed_blockade(role, sources):
            pattern_code = ARMED_BLOCKADE
        elif _expels_an_organisation(role, targets):
            pattern_code = ORGANISATION_EXPELLED
        code, note = self._code(pattern_code, mood)
        explained = note
        if code == GENERIC_APPEAL and asked and (specific := self.appeals.appeal_code(asked)) in self.codebook:
            code = specific
            explained = "; ".join(filter(None, [note, f"an appeal for the act asked ({asked}): {specific}"]))
        if pattern_code != role.pattern.code:
            why = {REPRESSION: "police violence on protesters", MASS_KILLING: "killing of civilians called a massacre",
                   ARMED_BLOCKADE: "roads blocked by armed men",
                   ORGANISATION_EXPELLED: "an international body's staff expelled"}.get(pattern_code, "a police raid")  # fmt: skip
            explained = "; ".join(filter(None, [f"{why}: {role.pattern.code} coded as {pattern_code}", explained]))
        info = self.codebook[code]
        if info.code == BARE_STATEMENT and not any(_addressed(role.trigger, token, t) and not _own_forces(sources, t) for token, t in targets):
            return []
        if info.code in VISITS and not targets:
            return []  # "embarked on a trip to North Africa": a visit to no one named
        quote = self.resolver.quote_at(role.trigger)
        modality = mood.modality
        if info.root == "13" and mood.conditioned:
            modality = replace(modality, hypothetical=True, future=False)  # "would respond if China ...": it hangs on the condition
        if note.startswith(REFUSED):
            modality = replace(modality, future=False, hypothetical=False)  # "will not release": refused now
        events = []
        if role.symmetric and len(sources) > 1 and targets and not self.resolver.is_reciprocal(role, targets):
            targets = []  # "X and Y held talks on the sidelines of ...": with each other
        symmetric = role.symmetric and (not targets or self.resolver.is_reciprocal(role, targets))
        if len(sources) > 1 and _acts_on_each_other(role):
            targets, symmetric = [], True  # "Armenia and Azerbaijan accused *each other*"
        elif len(sources) > 1 and not targets and has_mutual_object(role.frame):
            symmetric = True  # "the two rivals cut ties": with each other
        if note and len(sources) == 1:
            symmetric = False  # "Tehran is ready to resume talks with Washington": Tehran's intent only
        elif note and len(sources) > 1 and not any(a.is_named() for _, a in targets):
            targets, symmetric = [], True  # "Ethiopia and Eritrea agreed to reopen embassies": with each other
        for (source_token, source), target_party in _dyads(sources, targets, symmetric):
            target_token, target = target_party or (None, None)
            if target is not None and target.code == source.code:
                continue  # an actor acting on itself, as coded, is no interaction
            events.append(
                CodedEvent(
                    id="",
                    source=source,
                    target=target,
                    cameo=info.code,
                    cameo_root=info.root,
                    plover=info.plover,
                    quad_class=info.quad_class,
                    goldstein=info.goldstein,
                    modality=modality,
                    evidence=_evidence(role.trigger, [source_token, target_token], quote.id if quote else None),
                    verb=role.trigger.text,
                    explanation=_explain(role, source_token, target_token, explained),
                )
            )
        return events

    def _code(self, code: str, mood: Mood) -> tuple[str, str]:
        """The act's code, or its intent, threat or refusal when the source only announces it."""
        if not mood.announced or mood.arranged and code[:2] == ARRANGED_ROOT and not mood.modality.negated:
            return code, ""
        root, negated = code[:2], mood.modality.negated
        if root in COOPERATION_ROOTS:
            recoded = self.intents.refusal_code(code) if negated else self.intents.intent_code(code)
        elif root == INTENT_ROOT and negated:
            recoded = self.intents.intent_refusal(code)  # "would not invite": the meeting refused
        elif root in CONFLICT_ROOTS and not negated:
            recoded = self.intents.intent_code(code)
        else:
            recoded = None
        if recoded is None:
            return code, ""
        kind = REFUSED if negated else "announced"
        return recoded, f"{kind}, not done: act {code} coded as {recoded}"


@lru_cache(maxsize=1)
def _recoding_words() -> dict[str, frozenset[str]]:
    """The word lists of recoding.yaml, which recode or drop a matched event."""
    return {kind: frozenset(words) for kind, words in read_yaml("lexicon", "recoding.yaml").items()}


def _claims_a_place(role: Role) -> bool:
    """ "the Beagle Channel, *disputed by* Argentina and Chile": a participle on a place tells a
    standing claim to it, no act of the day."""
    verb = role.trigger
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and _lemma_of(verb) in _recoding_words()["territorial_claims"] and _names_a_place(verb.head)


# "18 years ago", "decades ago", "in the 1970s": an act dated years back is history the story recalls.
DECADE = re.compile(r"^(1[89]|20)\d0s$")


def _is_long_past(trigger: Token) -> bool:
    """Whether the trigger's clause is dated years back ("expelled them *18 years ago*",
    "property seized *in the 1970s*"), so recalled history, not an act of the story."""
    verb = trigger
    while verb.pos_ in {"NOUN", "PROPN"} and verb.head.i != verb.i:
        verb = verb.head
    for child in verb.children:
        if child.lower_ == "ago" and any(_spans_years(c) for c in child.children):
            return True
        if child.dep_ == "prep" and child.lower_ in {"in", "during"} and any(DECADE.match(o.lower_) for o in child.children if o.dep_ == "pobj"):
            return True
    return False


def _is_rejected_ask(trigger: Token) -> bool:
    """An infinitive on a request or offer that its object-taking verb turns down ("rejected a
    US *request to interrogate* detainees"): that act is never done, by anyone."""
    if trigger.dep_ != "acl" or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in trigger.children):
        return False
    noun = trigger.head
    while noun.dep_ == "conj":
        noun = noun.head
    return noun.lemma_.lower() in _recoding_words()["asking_nouns"] and noun.dep_ in {"dobj", "nsubjpass"} and _lemma_of(noun.head) in _recoding_words()["turning_down"]


def _spans_years(token: Token) -> bool:
    """ "18 years", "two decades", "decades": more than a year."""
    if token.lemma_.lower() not in _recoding_words()["past_spans"]:
        return False
    numbers = [c for c in token.children if c.like_num]
    if not numbers:
        return token.tag_ == "NNS"
    try:
        return float(numbers[0].text.replace(",", "")) >= 2
    except ValueError:
        return numbers[0].lower_ not in {"one", "a"}


GENERIC_COERCION = "170"


def _coerces_no_one(event: Event) -> bool:
    """ "an agreement *forced* on the Gulf state by Riyadh": coercion in general (170: forced,
    pressured, intimidated) with no one coerced the coder can name says nothing codable."""
    return event.cameo == GENERIC_COERCION and event.target is None


def _is_same_moment(clause: Token) -> bool:
    """An adverbial clause that tells the moment of the act itself ("*when* they blew
    themselves up", "*as* shells hit the market")."""
    return any(c.dep_ in {"mark", "advmod"} and c.lower_ in SAME_MOMENT_MARKERS for c in clause.children)


def _represses(role: Role, sources: list[Party], targets: list[Party]) -> bool:
    """Police shooting or beating protesters is violent repression (175), as CAMEO codes it,
    not a military assault."""
    if role.pattern.code[:2] not in {"18", "19"} or not sources or not targets:
        return False
    return all(a.sector in REPRESSING_SECTORS for _, a in sources) and all(a.sector == "OPP" for _, a in targets)


def _is_labour_strike(role: Role, sources: list[Party]) -> bool:
    """A "strike" by workers, farmers or students ("farmers started a sit-down strike") is a
    strike (143), not a military one (19)."""
    if role.pattern.code[:2] not in VIOLENT_ROOTS or _lemma_of(role.trigger) != "strike" or role.trigger.pos_ != "NOUN" or not sources:
        return False
    return all(actor.sector in STRIKING_SECTORS for _, actor in sources)


def _is_armed_blockade(role: Role, sources: list[Party]) -> bool:
    """Armed forces or groups blocking roads impose a blockade (191), they stage no protest (144)."""
    if not role.pattern.code.startswith(BLOCKING_PROTEST) or not sources:
        return False
    return all(actor.sector in ARMED_SECTORS for _, actor in sources)


def _expels_an_organisation(role: Role, targets: list[Party]) -> bool:
    """Ordering officials of the U.N. or another international body out of the country ends
    the body's work there (166), as CAMEO codes expelling peacekeepers or aid agencies."""
    return role.pattern.code == PERSONS_EXPELLED and bool(targets) and all(a.org and not a.country for _, a in targets)


def _is_police_raid(role: Role, sources: list[Party]) -> bool:
    """Police raiding offices or homes search and seize (1711, coercion), as coders read it,
    not a military raid (190)."""
    if _lemma_of(role.trigger) not in _recoding_words()["raid_verbs"] or role.pattern.code[:2] != "19" or not sources:
        return False
    return all(actor.sector in DOMESTIC_FORCES for _, actor in sources)


def _is_called_massacre(role: Role, targets: list[Party]) -> bool:
    """Killing civilians in a story that calls it a massacre (or mass killing, atrocity) is
    a mass killing (202), as a news coder reads it; otherwise it is fighting (190)."""
    if role.pattern.code[:2] not in {"18", "19"} or _lemma_of(role.trigger) not in _recoding_words()["killing_verbs"]:
        return False
    if not targets or any(actor.sector != "CVL" for _, actor in targets):
        return False
    return _mentions_massacre(role.trigger.doc)


def _lemma_of(token: Token) -> str:
    return token.lemma_.lower()


def _mentions_massacre(doc: Doc) -> bool:
    """The story names a massacre: "massacre", "genocide", "mass killings"."""
    for token in doc:
        if token.lemma_.lower() in _recoding_words()["massacre_words"]:
            return True
        if token.lower_ == "mass" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in _recoding_words()["mass_acts"]:
            return True
    return False


def _struck_places(subject: Token | None) -> list[Token]:
    """What the subject of a violent act says it hit: "a strike *on Ganja*", "shelling of the
    city *of Ganja*"."""
    if subject is None:
        return []
    hit = [o for p in subject.children if p.dep_ == "prep" and p.lower_ in ("on", "against") for o in p.children if o.dep_ == "pobj"]
    return hit + [o for h in hit for p in h.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]


def _victims_at(token: Token | None, actor: Actor, site: str) -> Actor:
    """Civilians of a violent act are those of the place it hit, whatever the dateline says:
    "a missile strike on Ganja killed nine civilians" in a Yerevan story are Azerbaijan's;
    their own words ("Armenian villagers") keep theirs."""
    if actor.sector != "CVL" or actor.country in (None, site) or token is None or _names_own_state(token):
        return actor
    return replace(actor, country=site, code=site + "CVL")


def _names_own_state(token: Token) -> bool:
    """Whether a phrase's own words name a state: "*Armenian* villagers", "*its* citizens"."""
    return token.pos_ == "PROPN" or token.ent_type_ in NAMING_ENTITIES or any(
        (c.pos_ in {"PROPN", "PRON"} or c.ent_type_ in NAMING_ENTITIES) for c in token.subtree if c.i < token.i
    )


def _is_named(token: Token) -> bool:
    """A name ("Algiers", "Kirkuk") rather than a common noun ("the embassy")."""
    return token.pos_ == "PROPN" or token.ent_type_ in {"GPE", "LOC", "FAC"}


def _names_a_place(token: Token) -> bool:
    """A name ("Gaza City", "Zamfara state") or a word of the place finder's lists ("the
    capital", "the village"), not an event or thing ("in an Israeli airstrike")."""
    if any(t.pos_ == "PROPN" or t.ent_type_ for t in (token, *(c for c in token.lefts if c.dep_ == "compound"))):
        return True
    return token.lemma_.lower() in place_words("settlement_words") | place_words("region_words") | place_words("site_words")


def _in_what_is_opposed(place: Token, role: Role) -> bool:
    """Whether a place belongs to what a protest is against or about ("rallied against the
    war *in Ukraine*"), not to where it happened; what a violent protest hits stands there
    ("set fire *to* the party's offices *in Dhaka*")."""
    noun = place.head.head
    hit = role.pattern.code == VIOLENT_PROTEST and not isinstance(role.pattern, NounPattern) and noun.head.lower_ == role.pattern.target
    return role.pattern.code[:2] == PROTEST_ROOT and noun.dep_ == "pobj" and noun.head.lower_ not in LOCATION_PREPOSITIONS and not hit


def _without_conditions(coded: list[tuple[Role, Event]]) -> list[tuple[Role, Event]]:
    """The concession a condition asks of the other side ("threatened to attack *unless*
    Baghdad *accepted* its conditions", "would resume aid *if* Caracas *released* them") is what
    the threat or promise asks in return, not an act, whether or not the clause it hangs on is
    coded; a hostile act there ("will expel diplomats if Russia *invades*") is what is feared,
    and stays."""
    return [(role, event) for role, event in coded if event.cameo_root not in CONCESSION_ROOTS or not _states_condition(role.trigger)]


def _states_condition(verb: Token) -> bool:
    """Whether `verb` (or the verb it is coordinated with) is an if- or unless-clause, an
    until-clause of a refusal or a once-clause of a promise."""
    while verb.dep_ == "conj" and verb.head.i < verb.i:
        verb = verb.head
    if verb.dep_ != "advcl":
        return False
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    governing = {c.lower_ for c in verb.head.children if c.dep_ in {"aux", "neg"}}
    return bool(
        marks & CONDITION_MARKERS
        or marks & REFUSAL_CONDITION_MARKERS and governing & {"not", "n't", "never"}
        or marks & PROMISE_CONDITION_MARKERS and governing & FUTURE_AUXILIARIES
    )


def _without_consequences(coded: list[tuple[Role, Event]]) -> list[tuple[Role, Event]]:
    """A participle clause that tells what a violent act did ("attacked the camp, *killing*
    156 people", police "opened fire, *killing* one") is that act, not another: it is dropped
    when its victims are no one placed or the act's own target."""
    violent = {
        (role.trigger.i, event.source.code): event
        for role, event in coded
        if event.cameo_root in VIOLENT_ROOTS or event.cameo == REPRESSION
    }
    kept, retargeted = [], set()
    for role, event in coded:
        trigger = role.trigger
        act = violent.get((trigger.head.i, event.source.code)) if trigger.tag_ == "VBG" and trigger.dep_ in {"advcl", "conj"} else None
        if act is not None and event.cameo_root in VIOLENT_ROOTS:
            target = event.target
            if target is None or not target.is_named() or act.target is not None and act.target.country == target.country:
                continue
            if act.target is None:  # "blew himself up at the gate, *killing* 170 people": the act, on its victims
                event = _recoded_as(event, act)
                retargeted.add(id(act))
        kept.append((role, event))
    return [(role, event) for role, event in kept if id(event) not in retargeted]


def _recoded_as(event: Event, act: Event) -> Event:
    """The event with the code (and its codebook values) of the act it is the result of."""
    explanation = event.explanation and replace(event.explanation, note="; ".join(
        filter(None, [event.explanation.note, f"the result of '{act.verb}' ({act.cameo}), which names no target"])))
    return replace(event, cameo=act.cameo, cameo_root=act.cameo_root, plover=act.plover, quad_class=act.quad_class,
                   goldstein=act.goldstein, explanation=explanation)


def _without_headline_restatements(events: list[Event], doc: Doc) -> list[Event]:
    """A headline tells in brief what the story then tells in full ("Turkey shoots down
    warplane"): its event with no target yields to the body's event of the same root by the
    same side that names one, and its event between two sides to the body's of the same verb."""
    headline = next(iter(doc.sents), None)
    if headline is None or not is_headline(headline):
        return events
    end = doc[headline.end - 1].idx + len(doc[headline.end - 1])
    told = {(_side(e.source), e.cameo_root) for e in events if e.evidence.start >= end and e.target is not None}
    body = [e for e in events if e.evidence.start >= end]

    def restated(e: Event) -> bool:
        if e.evidence.end > end:
            return False
        return (e.target is None and (_side(e.source), e.cameo_root) in told) or _retold_in_full(e, body, doc)

    return [e for e in events if not restated(e)]


def _retold_in_full(headline: Event, body: list[Event], doc: Doc) -> bool:
    """The body tells the headline's act with the same verb between the same sides, in its
    full context, coded otherwise ("Troops arrive in X" / "... arrived in X as part of a
    peacekeeping force"): the body's code stands for it."""
    if headline.target is None:
        return False
    verb = _trigger_lemma(headline, doc)
    return any(
        e.cameo_root != headline.cameo_root
        and e.target is not None
        and (_side(e.source), _side(e.target)) == (_side(headline.source), _side(headline.target))
        and _trigger_lemma(e, doc) == verb
        for e in body
    )


def _trigger_lemma(event: Event, doc: Doc) -> str | None:
    trigger = next((b for b in event.explanation.bindings if b.role == "trigger"), None) if isinstance(event, CodedEvent) else None
    span = doc.char_span(trigger.start, trigger.end) if trigger else None
    return span.root.lemma_.lower() if span is not None else None


def _without_generic_duplicates(coded: list[tuple[Role, Event]]) -> list[Event]:
    """A root-level code ("warned", 130) yields to a specific code of the same root by the same
    source stated in its own clause ("warned it would *reimpose* sanctions", 1312); a clause
    merely attached to a word of it ("a lunch *hosted* by ...") states another event. The
    specific act, naming no one of its own, is aimed at whom the generic one was ("warned
    *Tehran* it would reimpose sanctions", "promised *Azerbaijan* it would send drones")."""
    kept, handed = [], {}
    for role, event in coded:
        inner = _inner_specifics(role, event, coded) if len(event.cameo) == 3 and event.cameo.endswith("0") else []
        if not inner:
            kept.append(event)
        elif event.target is not None:
            for other in inner:
                handed.setdefault(id(other), {})[event.target.code] = event.target
    return [replace(e, target=t) for e in kept for t in _handed_targets(e, handed)]


def _handed_targets(event: Event, handed: dict[int, dict[str, Actor]]) -> list[Actor | None]:
    """The event's own target, else those handed on to it by the generic events it stands for."""
    if event.target is not None or id(event) not in handed:
        return [event.target]
    return list(handed[id(event)].values())


def _inner_specifics(generic_role: Role, generic: Event, coded: list[tuple[Role, Event]]) -> list[Event]:
    """Inner events of the same root, or for a bare intent (030: "prepared to", "pledged to")
    any inner events of its source, which already say what was intended."""
    return [
        other
        for role, other in coded
        if other is not generic
        and other.source.code == generic.source.code
        and (other.cameo_root == generic.cameo_root or generic.cameo == BARE_INTENT)
        and other.cameo != generic.cameo
        and _states_inside(role.trigger, generic_role.trigger)
    ]


def _states_inside(inner: Token, outer: Token) -> bool:
    """Whether `inner` is stated within the clause of `outer`: reached from it through
    complements and prepositions, not through a clause that modifies one of its nouns."""
    token = inner
    while token.i != outer.i:
        if token.dep_ in NOUN_MODIFYING_CLAUSES or token.head.i == token.i:
            return False
        token = token.head
    return True


def _home_of_force(role: Role, sources: list[Party]) -> str | None:
    """A state's police, courts or (for arrests and other coercion) government act at home:
    "Egyptian police dispersed demonstrators" are Egypt's demonstrators; and so do its
    protesters, and its rebels when they use violence ("Boko Haram gunmen abducted
    villagers": Nigeria's)."""
    root = role.pattern.code[:2]
    if root == PROTEST_ROOT:  # "Nigerians rallied to protest violations by fundamentalists": Nigeria's
        return next((a.country for _, a in sources if a.country), None)
    if root not in UNSEEN_DOER_SECTORS:
        return None
    forces = DOMESTIC_FORCES | ({"GOV"} if root == "17" else {"REB"})
    return next((a.country for _, a in sources if a.country and a.sector in forces), None)


def _opposition_at_home(
    targets: list[Party], sources: list[Party], homed: Callable[[Token], bool], sectors: set[str] = HOME_OPPOSITION
) -> list[Party]:
    """An opposition no phrase places, or only the dateline does, is that of the state whose
    authorities act on it: "the interior minister allowed opposition leaders to hold a rally",
    "Belarus ... arrested an opposition journalist" in a Vilnius story."""
    states = {actor.country for _, actor in sources}
    if len(states) != 1 or None in states:
        return targets
    (country,) = states
    authorities = _acts_at_home(sources)
    state = authorities or all(a.sector is None for _, a in sources)  # "Belarus arrested ..."

    def placed_elsewhere(token: Token | None, actor: Actor) -> bool:
        return actor.country is None and authorities or actor.country not in (None, country) and state and token is not None and homed(token)

    return [
        (token, replace(actor, country=country, code=country + actor.code[len(actor.country or ""):]))
        if actor.org is None and actor.sector in sectors and placed_elsewhere(token, actor)
        else (token, actor)
        for token, actor in targets
    ]


def _protesters_at_home(sources: list[Party], targets: list[Party]) -> list[Party]:
    """Protesters no phrase places who protest one state or its government are its people:
    "students staged a sit-in to protest the Serbian government's law" (SRBEDU), "students
    protested against Hungary's new law" (HUNEDU)."""
    states = {actor.country for _, actor in targets}
    if len(states) != 1 or None in states or not all(_is_government_or_its_act(token, actor) for token, actor in targets):
        return sources
    (country,) = states
    return [
        (token, replace(actor, country=country, code=country + actor.code))
        if actor.country is None and actor.org is None and actor.sector and actor.code == actor.sector
        else (token, actor)
        for token, actor in sources
    ]


def _is_government_or_its_act(token: Token | None, actor: Actor) -> bool:
    """A government, or a state as the owner of what is protested ("*Hungary's* new law"), not
    a state a phrase only places something in ("the war *in Ukraine*")."""
    if actor.sector == "GOV":
        return True
    return actor.sector is None and token is not None and (token.dep_ == "poss" or any(c.dep_ == "poss" for c in token.children))


def _acts_at_home(sources: list[Party]) -> bool:
    """Whether the doers of a coercive act are a state's own authorities (government, police,
    courts), whose act without a named target is aimed at home; an army's need not be."""
    return all(actor.sector in DOMESTIC_FORCES | {"GOV"} for _, actor in sources)


def _acts_on_each_other(role: Role) -> bool:
    """Whether the object is "each other" or "one another"."""
    frame = role.frame
    objects = [*frame.objects, *(o for objs in frame.preps.values() for o in objs)]
    words = [{o.lower_, *(c.lower_ for c in o.children)} for o in objects]
    return any(pair <= found for found in words for pair in RECIPROCAL_PRONOUNS)


def _refers_to_doer(token: Token | None) -> bool:
    """ "the kidnappers": placed later, as the doer of the act they refer to (anaphora.py)."""
    return token is not None and token.lemma_.lower() in load_act_nouns().perpetrators


# Those a state's own people act on at home (its police too), never armed forces or the state
# itself ("troops attacked Ukraine" are no Ukrainian troops).
HOME_VICTIMS = {"GOV", "CVL", "OPP", "LAB", "JUD", "LEG", "ELI", "COP"}


def _doers_where_their_targets_are(sources: list[Party], targets: list[Party]) -> list[Party]:
    """Armed doers of coercion or violence named only by their kind ("soldiers placed *Mugabe*
    under house arrest", "insurgents beheaded *residents*"), where the text names no place, act
    in the state of the people or officials they act on, as the site rule places them where
    the act happened."""
    states = {actor.country for _, actor in targets}
    if len(states) != 1 or None in states or not all(actor.sector in HOME_VICTIMS for _, actor in targets):
        return sources
    (country,) = states
    return [(t, _at_site(a, country)) if not a.is_named() and a.sector in ARMED_SECTORS else (t, a) for t, a in sources]


def _at_site(actor: Actor, site: str) -> Actor:
    """A party named only by its kind, of the state where the act happened."""
    return replace(actor, country=site, code=site + (actor.sector or ""))


def _without_retold_acts(coded: list[tuple[Role, Event]]) -> list[tuple[Role, Event]]:
    """ "Al Shabaab detonated two car bombs ... The group claimed responsibility for *the
    attack*": a definite act noun that refers back to an earlier act of the same doer
    (act_nouns.yaml) tells that act again, no new one."""
    nouns = load_act_nouns()
    kept = []
    for role, event in coded:
        noun = role.trigger
        form = act_form(noun, nouns)
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
        if noun.pos_ == "NOUN" and definite and form is not None and nouns.prefixes[form] is not None:
            earlier = [e for r, e in coded if sentence_of(r.trigger).start < sentence_of(noun).start]
            if any(e.cameo.startswith(nouns.prefixes[form]) and _same_doer(e.source, event.source) for e in earlier):
                continue
        kept.append((role, event))
    return kept


def _side(actor: Actor) -> str:
    """Who an actor acts for: its state, else its organisation, else its code."""
    return actor.country or actor.org or actor.code


def _same_doer(one: Actor, other: Actor) -> bool:
    """Of one side, or the same group however placed ("a bomber *from the Islamic State group*"
    in Iraq and "the group")."""
    return _side(one) == _side(other) or bool(one.name) and one.name == other.name


def _aimed_at_askers(coded: list[tuple[Role, Event]]) -> list[tuple[Role, Event]]:
    """ "Britain demanded that Iran *release* the vessel": the act demanded, aimed at no one
    of its own, is aimed at whoever demands it (for whose sake it is demanded); so is help
    an appeal asks for ("asked the UN to *send* troops")."""
    askers: dict[int, list[Event]] = {}
    for role, event in coded:
        complement = next((t for name, t in role.bound if name == "complement"), None)
        if complement is not None and event.cameo_root in DEMAND_ROOTS:
            askers.setdefault(complement.i, []).append(event)
        if event.cameo_root == APPEAL_FOR_HELP[0]:
            for xcomp in role.frame.xcomps:
                askers.setdefault(xcomp.i, []).append(event)
    aimed = []
    for role, event in coded:
        asking = askers.get(role.trigger.i, []) if event.target is None else []
        sources = [a.source for a in asking if a.cameo_root in DEMAND_ROOTS or event.cameo_root in APPEAL_FOR_HELP[1]]
        targets = list({a.code: a for a in sources if a.code != event.source.code}.values())
        aimed += [(role, replace(event, target=t)) for t in targets] or [(role, event)]
    return aimed


def _refusals_aimed_at_askers(coded: list[tuple[Role, Event]]) -> list[tuple[Role, Event]]:
    """ "Mali asked France to send troops. Paris said it would not *send* troops": a refusal
    aimed at no one, of an act asked of the refuser's side before (coded as asked, aimed at the
    asker: `_aimed_at_askers`), answers that request and is aimed at the asker."""
    asked = [(role, event) for role, event in coded if event.modality.hypothetical and event.target is not None]
    answered = []
    for role, event in coded:
        if event.target is None and event.cameo_root == REJECT_ROOT and event.modality.negated:
            askers = [e.target for r, e in asked if r.trigger.i < role.trigger.i and _same_act(r, role) and _side(e.source) == _side(event.source)]
            event = replace(event, target=askers[-1]) if askers else event
        answered.append((role, event))
    return answered


def _same_act(one: Role, other: Role) -> bool:
    """Two roles of the same verb and root ("send troops" asked, "send troops" refused)."""
    return one.trigger.lemma_.lower() == other.trigger.lemma_.lower() and one.pattern.code[:2] == other.pattern.code[:2]


def _asked_acts(roles: list[Role]) -> dict[int, str]:
    """Trigger of a generic appeal ("urged Moscow to *withdraw*") -> the code of the one act
    its infinitive asks for, which makes the appeal specific (appeal.csv: 0874 -> 0256)."""
    by_trigger = {role.trigger.i: role for role in roles}
    asked = {}
    for role in roles:
        if role.pattern.code != GENERIC_APPEAL:
            continue
        acts = {by_trigger[x.i].pattern.code for x in role.frame.xcomps if x.i in by_trigger}
        acts = {code for code in acts if code[:2] != GENERIC_APPEAL[:2]}  # no-event roles are never roles
        if len(acts) == 1:
            asked[role.trigger.i] = acts.pop()
    return asked


def _placed_conjuncts(sources: list[Party]) -> list[Party]:
    """ "*Turkish* drones and air defence systems helped": a conjunct of no state shares the act
    of the one its state names, no doer of its own."""
    placed = {t.i for t, a in sources if t is not None and a.country}
    return [(t, a) for t, a in sources if a.country or a.org or t is None or not placed & {c.i for c in t.conjuncts}]


def _own_forces(sources: list[Party], target: Actor) -> bool:
    """ "Sisi told *Egyptian troops* to be ready": a state's word to its own forces is an order
    within it, no statement to another party."""
    return target.code[3:6] == "MIL" and any(s.country == target.country for _, s in sources)


def _addressed(trigger: Token, token: Token | None, target: Actor) -> bool:
    """A statement is an event only when made to a state or organisation: "told *Kyiv*"."""
    if token is None or not (target.country or target.org):
        return False
    head = token.head if token.dep_ != "conj" else token.head.head
    return head.i == trigger.i or head.dep_ == "prep" and head.lower_ == "to" and head.head.i == trigger.i


def _dyads(sources: list[Party], targets: list[Party], symmetric: bool) -> list[tuple[Party, Party | None]]:
    """Source-target pairs; a symmetric event goes both ways, and coordinated sources
    without a target act on each other ("Kenya and Ethiopia met")."""
    if not symmetric:
        return list(product(sources, targets or [None]))
    if not targets:
        return list(permutations(sources, 2)) if len(sources) > 1 else [(s, None) for s in sources]
    return list(product(sources, targets)) + list(product(targets, sources))


def _explain(role: Role, source: Token | None, target: Token | None, note: str) -> Explanation:
    lexicon = role.pattern.origin  # the lexicon file the pattern came from
    bound = [Binding.of(name, token) for name, token in role.bound]
    bound += [Binding.of(name, token) for name, token in (("source", source), ("target", target)) if token is not None]
    return Explanation(lexicon, role.pattern.describe(), tuple(bound), note)


def _evidence(trigger: Token, actor_tokens: list[Token | None], quote_id: str | None) -> Evidence:
    """The clause that states the event: the trigger's clause with its arguments and actors,
    within the sentence, leaving out attached clauses ("..., and officials said ...") that
    hold no actor."""
    actors = [t for t in actor_tokens if t is not None]
    verb = trigger
    while verb.pos_ in {"NOUN", "PROPN"} and verb.head.i != verb.i and verb.dep_ not in DETACHED_CLAUSES:
        verb = verb.head  # a noun trigger states its event in the clause it belongs to
    tokens = [trigger, verb, *(t for a in actors for t in a.subtree)]
    for child in verb.children:
        subtree = list(child.subtree)  # listed once, not once per question asked of it
        if child.dep_ not in DETACHED_CLAUSES or any(a in subtree for a in actors) or trigger in subtree:
            tokens.extend(subtree)
    sentence = sentence_of(trigger)
    start, end = sentence.start, sentence.end
    kept = sorted({t.i for t in tokens if start <= t.i < end and not t.is_space})
    doc = trigger.doc
    while len(kept) > 1 and (doc[kept[-1]].dep_ == "cc" or doc[kept[-1]].text in TRAILING_PUNCT):
        kept.pop()
    while len(kept) > 1 and doc[kept[0]].text in TRAILING_PUNCT:
        kept.pop(0)
    clause = doc[kept[0] : kept[-1] + 1]
    return Evidence(text=clause.text, start=clause.start_char, end=clause.end_char, quote_id=quote_id)
