"""Places that are not states as actors: "Kirkuk said", "Gaza", "rebels in Darfur".

A spaCy GPE, LOC or FAC entity the knowledge base does not know is looked up in the shared
gazetteer (eventwatch/gazetteer.py, loaded on first need); a city, US state, region or
territory found there stands for its state, with the sector of its phrase, else its
people (places.yaml). Only entities are looked up, so the stage stays cheap, and a small
city counts only when the article names its state: spaCy tags many a surname GPE.
Entities spaCy labels otherwise ("Samarra" NORP, "Kirkuk" ORG) count by their own name
only, and a city only when it is large.
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher

from spacy.tokens import Span, Token

from eventwatch.actors.kb import ActorKB, Entry, KBMatch
from eventwatch.gazetteer import Gazetteer, Place, load_gazetteer, name_key, place_words
from eventwatch.records import Actor

STATE_KINDS = frozenset({"name", "adjective", "capital", "seat"})  # KB names that say which state
SPELLING_LIKENESS = 0.55  # "Bayt Jala" for "Beit Jala", not "North" for "North Salt Lake"
NAMED_STATE_WEIGHT = 1.0  # the article's states, for telling same-named places apart: worth a tenfold population ("Donetsk" stays Ukraine's when only Russia is named)


def article_states(matches: Iterable[KBMatch]) -> dict[str, float]:
    """The states the article names (by knowledge-base names), weighted for `Gazetteer.best`."""
    return {m.entry.actor.country: NAMED_STATE_WEIGHT for m in matches if m.entry.kind in STATE_KINDS and m.entry.actor.country}


def _bare_entity(ent: Span) -> Span:
    """The entity without a leading determiner ("the West Bank")."""
    return ent[1:] if len(ent) > 1 and ent[0].dep_ == "det" else ent


def place_matches(ents: Iterable[Span], kb: ActorKB, known: list[KBMatch], gazetteer: Gazetteer | None = None) -> list[KBMatch]:
    """Matches for the entities that name a place of the gazetteer, not overlapping `known`."""
    settings = kb.places
    candidates = [e for e in ents if e.label_ in settings.labels or e.label_ in settings.mislabelled]
    taken = {i for m in known for i in range(m.start, m.end)}
    candidates = [e for e in candidates if not any(i in taken for i in range(e.start, e.end))]
    if not candidates or not settings.kinds:
        return []
    gazetteer = gazetteer or load_gazetteer()
    named = article_states(known) | _regions_named(candidates, kb, gazetteer)
    found = []
    for ent in candidates:
        bare = _bare_entity(ent)
        if ent.label_ in settings.labels:
            place = gazetteer.best(bare.text, named, kinds=settings.kinds)
            if place and place.kind == "city" and place.population < settings.min_population and not _like(place.name, bare.text):
                continue  # a small town by a name unlike its own: "the North" is no North Salt Lake
        elif _after_a_title(bare, kb):  # "Governor Lincoln" is a person
            continue
        else:
            place = _mislabelled_place(bare.text, _mislabelled_kinds(ent, settings), settings.min_population, gazetteer)
        entry = _place_entry(place, kb, named) if place else None
        if entry:
            found.append(KBMatch(bare.start, bare.end, entry))
    return found


def _regions_named(candidates: list[Span], kb: ActorKB, gazetteer: Gazetteer) -> dict[str, float]:
    """States whose regions the article names ("the West Bank"), which count like the state's
    own name for telling its small towns from others ("Jericho ... in the West Bank city")."""
    found = {}
    for ent in candidates:
        if ent.label_ in kb.places.labels:
            place = gazetteer.best(_bare_entity(ent).text, {}, kinds=("region", "admin1"))
            if place is not None and place.country in kb.states:
                found[place.country] = NAMED_STATE_WEIGHT
    return found


def place_state(name: str, kb: ActorKB, gazetteer: Gazetteer | None = None) -> str | None:
    """The state of a place named alone (a dateline's "KHARKIV"): a region, province or
    large city the gazetteer has by that very name, of a state the knowledge base knows."""
    kinds = frozenset({"city", "admin1", "region"})
    place = _mislabelled_place(name, kinds, kb.places.min_population, gazetteer or load_gazetteer())
    return place.country if place and place.country in kb.states else None


def _like(own: str, name: str) -> bool:
    """Whether a name is a spelling of a place's own ("Beit Jala" of "Bayt Jālā"), not a
    part of it or a nickname."""
    return SequenceMatcher(None, name_key(own), name_key(name)).ratio() >= SPELLING_LIKENESS


def _after_a_title(ent: Span, kb: ActorKB) -> bool:
    """A name right after a title or honorific ("Governor Lincoln", "Mr. Jackson")."""
    if ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    return before.lower_ in kb.honorifics or bool(kb.find_sectors([before]))


def _mislabelled_kinds(ent: Span, settings) -> frozenset[str]:
    """The place kinds a mislabelled entity may be: its label's, or after a preposition of
    place any label's ("to *Kharkiv*" tagged PERSON is the city)."""
    kinds = settings.mislabelled[ent.label_]
    prep = ent.root.head
    if ent.root.dep_ == "pobj" and (prep.lower_ in settings.mislabelled_after or prep.lower_ == "of" and _names_by_of(prep.head)):
        kinds = kinds.union(*settings.mislabelled.values())  # "to *Kharkiv*", "the city of *Ganja*"
    return kinds


def _names_by_of(noun: Token) -> bool:
    """A settlement or region word whose "of" phrase names it: "the city of", "the province of"."""
    lemma = noun.lemma_.lower()
    return lemma in place_words("settlement_words") or lemma in place_words("region_words")


def _mislabelled_place(name: str, kinds: frozenset[str], min_population: int, gazetteer: Gazetteer) -> Place | None:
    """A place spaCy tagged otherwise ("Samarra" NORP, "Kirkuk" ORG, "Tigray" PERSON): only
    by its own name, of the kinds allowed for that label, and a city only when it is large,
    whatever the article names; a listed region first, else the largest."""
    found = [
        place
        for place, own in gazetteer.candidates(name)
        if own and place.kind in kinds and (place.kind != "city" or place.population >= min_population)
    ]
    regions = [place for place in found if place.kind == "region"]
    return (regions or sorted(found, key=lambda place: -place.population) or [None])[0]


def _place_entry(place: Place, kb: ActorKB, named: dict[str, float]) -> Entry | None:
    state = kb.states.get(place.country or "")
    if state is None:
        return None
    adjective = kb.adjectives.get(state.country or "", state.name)
    if place.kind == "country":  # a name of a state the knowledge base lacks
        return Entry(state.with_mention(place.name), "name", adjective)
    if place.kind == "city" and place.population < kb.places.min_population and place.country not in named:
        return None
    sector = kb.places.sector
    actor = Actor(place.name, place.name, state.country, None, sector, (state.country or "") + (sector or ""))
    return Entry(actor, "place", adjective)
