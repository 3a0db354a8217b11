"""Where an event happened: the place phrases of its clause, resolved with the gazetteer.

"talks in Geneva", "near Gao in northern Mali", "the city of Mariupol", "in the Donetsk
region", "during a visit to Beijing", and for attacks and visits the object itself
("shelled Kharkiv"). Regions and parts of a country ("eastern Ukraine") resolve to the
country with a representative point; same-named cities are told apart by size and by
the countries the article's actors belong to.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from eventwatch.actors import ActorLayer
from eventwatch.nlp import sentence_of
from eventwatch.records import Event, Location
from eventwatch.when_where.clause import Attachment, attachment
from eventwatch.gazetteer import SPECIFICITY, Gazetteer, Place, load_gazetteer
from eventwatch.when_where.wordlists import read_yaml, words

NOT_PLACES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
# Dependents of a place word that may name the place, in the order tried: "the city of Mariupol",
# "Russia's Belgorod region" (the compound before the possessive), "the capital, Kyiv".
NAMING_ORDER = ("of", "compound", "appos", "poss", "nmod", "amod")
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "obj"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# What a country in the article adds to a same-named place's weight (log10 population):
# a country named as a place ("Lebanon", "Beirut") counts more than an actor's nationality
# ("Russian troops" shelling Donetsk do not make it the Russian town).
NAMED_COUNTRY_WEIGHT = 3.0
ACTOR_COUNTRY_WEIGHT = 1.0
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Places smaller than this count only in or next to a country the article speaks of: the
# gazetteer holds 100,000 villages, and a name that is also a village far away ("West",
# Texas, in an article on Haiti) is more often something else.
VILLAGE = 5_000
APOSTROPHES = ("'", "\u2019", "\u02bc")
WELL_KNOWN = 100_000
# Prepositions that, after a noun trigger or object, introduce what was hit ("strikes on Kharkiv").
OBJECT_PREPOSITIONS = frozenset({"of", "on", "against"})


@dataclass(frozen=True)
class PlaceWords:
    prepositions: frozenset[str]
    travel_heads: frozenset[str]
    origin_heads: frozenset[str]
    on_places: frozenset[str]
    region_words: frozenset[str]
    settlement_words: frozenset[str]
    directions: frozenset[str]
    site_words: frozenset[str]
    topic_nouns: frozenset[str]
    inside_prepositions: frozenset[str]
    object_place_codes: tuple[str, ...]


@lru_cache(maxsize=1)
def load_place_words() -> PlaceWords:
    source = "place_words.yaml"
    raw = read_yaml(source)
    lists = {name: words(raw, name, source) for name in PlaceWords.__dataclass_fields__}
    codes = tuple(lists.pop("object_place_codes"))
    return PlaceWords(**{name: frozenset(found) for name, found in lists.items()}, object_place_codes=codes)


@dataclass(frozen=True)
class PlaceMention:
    """A resolved place phrase: its head token (for attachment) and the location."""

    token: Token
    location: Location
    specificity: int


def _apostrophe_only_in(place_name: str, written: str) -> bool:
    return any(mark in place_name for mark in APOSTROPHES) and not any(mark in written for mark in APOSTROPHES)


def _well_known(place: Place) -> bool:
    """Big enough to be written without its apostrophe ("Sanaa" for Sana'a)."""
    return place.kind != "city" or place.capital or place.population >= WELL_KNOWN


def _text(words: list[Token]) -> str:
    return "".join(t.text_with_ws for t in words).strip()


def _location(place: Place, name: str | None = None) -> Location:
    return Location(name=name or place.name, country=place.country, lat=place.lat, lon=place.lon)


class PlaceFinder:
    """Place phrases of one doc, resolved once and shared by the events of each sentence."""

    def __init__(self, doc: Doc, actors: ActorLayer, gazetteer: Gazetteer | None = None) -> None:
        self.doc = doc
        self.actors = actors
        self.gazetteer = gazetteer or load_gazetteer()
        self.words = load_place_words()
        self._entity_at = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        self.context = self._article_countries()
        self._resolved: dict[int, PlaceMention | None] = {}

    def _article_countries(self) -> dict[str, float]:
        """Countries the article speaks of, weighted for telling same-named places apart."""
        context = {
            s.actor.country: ACTOR_COUNTRY_WEIGHT
            for s in self.actors.spans
            if s.actor.country and not self._is_city_name(self.doc[s.start : s.end].text)
        }
        for ent in self.doc.ents:
            place = self.gazetteer.unambiguous(ent.text) if ent.label_ in PLACE_LABELS else None
            if place and place.country:
                context[place.country] = NAMED_COUNTRY_WEIGHT
        return context

    def _is_city_name(self, text: str) -> bool:
        """A capital standing for its government ("Tripoli said") is the name being resolved,
        not evidence of the country."""
        return any(p.kind == "city" for p, _ in self.gazetteer.candidates(text))

    def place_of(self, event: Event, trigger: Token) -> Location | None:
        """The most specific place in the event's own clause; for attacks, captures and
        visits without one, the place attacked or visited. A verb conjoined to another
        without a subject of its own shares its place: "visited Belgrade and met Vucic"."""
        verb = trigger
        objects_are_places = event.cameo.startswith(self.words.object_place_codes) or self._is_travel(trigger)
        home = event.source.country
        found = self._clause_places(verb, objects_are_places, home)
        while not found and verb.dep_ == "conj" and not any(c.dep_ in SUBJECTS for c in verb.children):
            verb = verb.head
            found = self._clause_places(verb, self._is_travel(verb), home)
        if not found:
            return None
        return max(found, key=lambda m: (m.specificity, -m.token.i)).location

    def _is_travel(self, verb: Token) -> bool:
        """ "Visit", "tour": the object is the place, whatever the event's code ("will
        visit Kabul" is coded as an intent to meet)."""
        return verb.lemma_.lower() in self.words.travel_heads

    def _clause_places(self, verb: Token, objects_are_places: bool, home: str | None) -> list[PlaceMention]:
        found = [m for m in self._prepositional(verb, home) if attachment(m.token, verb) == Attachment.OWN]
        return found or (self._objects(verb) if objects_are_places else [])

    def _prepositional(self, trigger: Token, home: str | None = None) -> list[PlaceMention]:
        mentions = []
        for token in sentence_of(trigger):
            if token.dep_ == "pobj" and self._is_place_preposition(token.head):
                mention = self.mention(token)
                if mention and not self._is_topic(token, trigger, mention, home):
                    mentions.append(mention)
        return mentions

    def _is_topic(self, token: Token, trigger: Token, mention: PlaceMention, home: str | None) -> bool:
        """Whether the place phrase says what the event is about, not where it happened: it
        hangs off a war or crisis noun that the event is for, over or against ("sanctions
        over the war in Ukraine", "talks on the situation in Gaza"). Not when the event took
        place in or during it ("killed in the fighting in Bakhmut"), when the noun is what
        the event did ("agreed a ceasefire in Moscow"), or when the place is in the source's
        own country: people protest against a war at home, and the parse cannot tell
        "protested against the war in Moscow" from "the war in Ukraine"."""
        if mention.location.country is not None and mention.location.country == home:
            return False
        for noun in token.ancestors:
            if noun == trigger or not trigger.is_ancestor(noun):
                return False
            if noun.lemma_.lower() in self.words.topic_nouns and noun.dep_ == "pobj":
                return noun.head.lower_ not in self.words.inside_prepositions
        return False

    def _is_place_preposition(self, preposition: Token) -> bool:
        word, head = preposition.lower_, preposition.head
        if word in self.words.prepositions:
            return True
        if word == "on":  # "on the island of Capri", "on the Korean peninsula", "on the border"
            return any(o.dep_ == "pobj" and o.lemma_.lower() in self.words.on_places for o in preposition.children)
        if word == "to":
            return head.lemma_.lower() in self.words.travel_heads
        if word == "from":  # "evacuated residents from Bakhmut", "withdrew from Kherson"
            return head.lemma_.lower() in self.words.origin_heads
        return word == "of" and head.lower_ in self.words.directions  # "east of Kharkiv"

    def _objects(self, trigger: Token) -> list[PlaceMention]:
        """What was attacked, seized or visited: the object ("shelled Kharkiv"), the object of a
        noun trigger ("strikes on Kharkiv") or of the object ("launched an attack on Kharkiv",
        "seized control of Kherson")."""
        objects = [c for c in trigger.children if c.dep_ in OBJECT_DEPS]
        reached = [o for head in [trigger, *objects] for o in self._prepositional_objects(head)]
        # One "of" further: "its largest attack of the war on Ukraine", parsed with "on
        # Ukraine" under "war".
        reached += [o for head in reached if head.head.lower_ == "of" for o in self._prepositional_objects(head)]
        return [m for m in map(self.mention, objects + reached) if m]

    @staticmethod
    def _prepositional_objects(head: Token) -> list[Token]:
        preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in OBJECT_PREPOSITIONS]
        return [o for prep in preps for o in prep.children if o.dep_ == "pobj"]

    def mention(self, token: Token) -> PlaceMention | None:
        """The place named by the noun phrase headed by `token`, if any (cached)."""
        if token.i not in self._resolved:
            self._resolved[token.i] = self._resolve(token)
        return self._resolved[token.i]

    def _resolve(self, token: Token) -> PlaceMention | None:
        if token.ent_type_ in NOT_PLACES:
            return None
        word = token.lower_
        if word in self.words.region_words or word in self.words.settlement_words:
            inner = self._named_by(token, NAMING_ORDER)
            if inner is not None:
                return self._as_part(token, inner) if word in self.words.region_words else inner
        if token.pos_ == "PROPN" or token.ent_type_:
            named = self._named(token)
            if named is not None:
                return named
        if word in self.words.site_words:  # "Kabul airport", "the Zaporizhzhia nuclear plant"
            return self._named_by(token, ("compound", "nmod"))
        return None

    def _named_by(self, noun: Token, deps: tuple[str, ...]) -> PlaceMention | None:
        """The place a noun is about, trying its dependents in the order of `deps`: "the
        city of Mariupol", "the Donetsk region", "the capital, Kyiv", "Kyiv's outskirts"."""
        for dep in deps:
            for child in noun.children:
                if dep == "of" and child.dep_ == "prep" and child.lower_ == "of":
                    found = next((self.mention(o) for o in child.children if o.dep_ == "pobj"), None)
                elif child.dep_ == dep and (child.pos_ == "PROPN" or child.ent_type_):
                    found = self.mention(child)
                else:
                    continue
                if found is not None:
                    return found
        return None

    def _as_part(self, word: Token, inner: PlaceMention) -> PlaceMention:
        """ "The Donetsk region": a city's region is named after it and placed at it."""
        location = inner.location
        if inner.specificity == SPECIFICITY["city"]:
            location = Location(f"{location.name} {word.lemma_.lower()}", location.country, location.lat, location.lon)
        return PlaceMention(word, location, SPECIFICITY["region"])

    def _named(self, token: Token) -> PlaceMention | None:
        """A proper name: the gazetteer's best match, else the country of the actor it names.
        A direction before a country ("eastern Ukraine") makes it a region of that country."""
        place, direction = self._place_named(self._name_words(token), token)
        if place is None:
            return None
        directions = (c.lower_ for c in token.children if c.dep_ == "amod" and c.lower_ in self.words.directions)
        direction = direction or next(directions, "")
        if direction and place.kind == "country":
            return PlaceMention(token, _location(place, f"{direction} {place.name}"), SPECIFICITY["region"])
        return PlaceMention(token, _location(place), SPECIFICITY[place.kind])

    def _place_named(self, words: list[Token], token: Token) -> tuple[Place | None, str]:
        """The place `words` name and the direction word before it: the whole name first, then
        the name up to a coordination (one entity "Kyiv and Kharkiv"), then the token's own
        proper nouns, then the name after a direction ("eastern Ukraine"), then a state the
        actor layer knows by that name."""
        attempts = [(words, "")]
        if any(t.dep_ == "cc" for t in words):
            attempts.append(([t for t in words if t.i <= token.i], ""))
        own = [*self._compounds(token), token]
        if own != words:  # an entity that runs on past the name ("Kyiv on New Year's Eve")
            attempts.append((own, ""))
        if len(words) > 1 and words[0].lower_ in self.words.directions:
            attempts.append((words[1:], words[0].lower_))
        for attempt, direction in attempts:
            place = self._lookup(attempt, token)
            if place is not None:
                return place, direction
        return self._actor_country(token, _text(words)), ""

    def _lookup(self, words: list[Token], token: Token) -> Place | None:
        name = _text(words)
        name, _, qualifier = name.partition(", ")  # one entity "Paris, Texas"
        if not name or name.isupper():
            return None  # an abbreviation ("EU", "U.S.") is the actor layer's: the EU is not the town of Eu
        within = self._area(qualifier) if qualifier else self._qualifier(token)
        around = None if within else self._area_around(token)
        place = self.gazetteer.best(name, self.context, within or around)
        if place is None and around is not None:
            # A village the gazetteer does not hold: named, in the country the text puts it in,
            # at that country's (or state's) point, rather than a namesake abroad.
            return Place(name, around.country, around.lat, around.lon, "city", 0, around.admin1)
        if place is not None and place.kind == "city" and place.population < VILLAGE and not self._near_article(place):
            return None  # a village far from every country of the article: more likely another place or a misread name
        if place is not None and _apostrophe_only_in(place.name, name) and not _well_known(place):
            return None  # "the Line of Control" is not the town of Lin'e: only a known place is written without its apostrophe
        return place

    def _near_article(self, place: Place) -> bool:
        """Whether the place is in or next to a country the article speaks of (a border
        village is often named with the other side only: "Hezbollah attacked Metula")."""
        return place.country in self.context or not self.gazetteer.neighbours.get(place.country or "", frozenset()).isdisjoint(self.context)

    def _name_words(self, token: Token) -> list[Token]:
        """The words of the name: the entity `token` heads, else the proper nouns ending at it."""
        entity = self._entity_at.get(token.i)
        if entity is not None and entity.root != token:
            entity = None  # "Donetsk" of the entity "the Donetsk region" is the name alone
        words = list(entity) if entity is not None else [*self._compounds(token), token]
        return words[1:] if words and words[0].lower_ == "the" else words

    @staticmethod
    def _compounds(token: Token) -> list[Token]:
        found = []
        for child in token.children:
            if child.i < token.i and child.dep_ == "compound" and child.pos_ == "PROPN":
                found += [*PlaceFinder._compounds(child), child]
        return found

    def _qualifier(self, token: Token) -> Place | None:
        """ "Paris, Texas": a state or country right after the name narrows it."""
        for child in token.children:
            if child.dep_ in {"appos", "npadvmod", "conj"} and child.i == token.i + 2 and token.nbor(1).text == ",":
                area = self._area(child.text)
                if area:
                    return area
        return None

    def _area_around(self, token: Token) -> Place | None:
        """ "Karma in northern Burkina Faso", "the village of Karma in Burkina Faso": the
        country or state an "in" phrase on the name (or on the settlement word it names)
        puts it in."""
        heads = [token]
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in self.words.settlement_words:
            heads.append(token.head.head)
        for head in heads:
            for prep in head.children:
                if prep.dep_ != "prep" or prep.lower_ != "in":
                    continue
                for area_word in (o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"):
                    words = [w for w in self._name_words(area_word) if w.lower_ not in self.words.directions]
                    area = self._area(_text(words)) if words else None
                    if area is not None:
                        return area
        return None

    def _area(self, name: str) -> Place | None:
        return self.gazetteer.best(name, kinds=("country", "admin1"))

    def _actor_country(self, token: Token, name: str) -> Place | None:
        """ "The U.S.", "Ivory Coast": names the actor layer knows as a state (the name alone,
        not a phrase it is part of, such as "Russia's Black Sea Fleet")."""
        actor = self.actors.actor_for(token)
        if actor is None or actor.org or actor.sector or not actor.country:
            return None
        if actor.mention.removeprefix("the ") != name:
            return None
        return self.gazetteer.countries.get(actor.country)
