"""Actors in a parsed doc: knowledge-base names composed with the sector nouns they modify.

"Russian troops" is RUSMIL, "Ukraine's defense ministry" UKRMIL, "Russian Foreign
Minister Sergei Lavrov" a person acting for RUSGOV. People in the knowledge base act
in their role on the article's date; "the alliance" and "its troops" stand for the
most recent fitting actor before them; "both sides" for the two most recent states.
Domestic institutions with no state of their own ("Police fired tear gas") take the
article's home state, from its dateline. The event stage asks
`ActorLayer.actor_for(token)` for the noun phrase headed by a subject or object, and
`ActorLayer.actors_for(token)` for all the actors a phrase stands for ("both sides").
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect
from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from eventwatch.actors.acronyms import defined_acronyms
from eventwatch.actors.kb import GROUP_SECTORS, ActorKB, Entry, KBMatch, Reference, holder_role, load_kb, user_paths
from eventwatch.actors.people import OUT_OF_OFFICE, Role
from eventwatch.actors.places import place_matches, place_state
from eventwatch.actors.tabari import LOWER_INSIDE
from eventwatch.nlp import dateline, sentence_of
from eventwatch.records import Actor, Mention

# Dependents that belong to the noun phrase of their head and may name its actor.
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "case"})
# How the parser attaches the name before a hyphened participle ("Saudi" in "Saudi-led").
LEADER_DEPS = frozenset({"npadvmod", "compound", "nmod", "amod"})
INTERNATIONAL = "IGO"  # the code of an intergovernmental body no name identifies
# Entity labels whose heads may stand for an actor.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
# Place names that are a person's name inside a PERSON entity ("Chad Smith").
NAME_KINDS = frozenset({"name", "capital"})
# Sectors that add nothing to an organisation's code: "EU officials" are the EU.
ORG_ABSORBED = frozenset({"GOV"})
DEFINITE_ARTICLE = "the"
# How many sentences back "the two sides", "their ministers" look for two actors named together.
PAIR_REACH_SENTENCES = 2
# The sector of a state's branch of a group known abroad ("the Pakistani Taliban").
GROUP_BRANCH_SECTOR = "REB"
# Fighters a foreign backer backs ("Turkish-backed Syrian fighters") are no army but an armed group.
MILITARY, ARMED_GROUP = "MIL", "REB"
# Nouns a state adjective only locates: "the Malian border", "the Syrian coast".
BORDER_NOUNS = frozenset({"border", "frontier", "boundary", "coast", "coastline", "waters", "airspace", "side"})
# Sectors of the office holders "his" and "her" may stand for when named by title alone.
OFFICE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "ELI"})
# How many tokens back a definite noun looks for an earlier phrase with the same noun.
SAME_NOUN_REACH = 200
# Knowledge-base names and places that say which state a phrase belongs to.
STATE_KINDS = frozenset({"name", "adjective", "capital", "seat", "place"})
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
COMPOUND_POS = frozenset({"PROPN", "NOUN", "ADJ"})
SPLIT_OFF_TOKENS = 3  # a split-off "sentence": one word, perhaps with a mark or a space
PLACE_PREPOSITIONS = frozenset({"in", "at", "near"})  # "met in Antalya": where, not who
SURNAME_WORDS = 3  # "Van der Bellen"
DOMINANCE = 2  # the article's state: named at least this often, and this many times more than the next


@dataclass(frozen=True)
class ActorSpan:
    """An actor mention: token offsets (end exclusive) and character offsets."""

    start: int
    end: int
    start_char: int
    end_char: int
    actor: Actor
    person: bool = False


@dataclass(frozen=True)
class _Resolution:
    start: int
    end: int
    actor: Actor
    composed: bool  # a sector noun or a person was combined with the KB name
    homed: bool = False  # its state is only the article's or sentence's ("Police" in a Tbilisi story)


@dataclass(frozen=True)
class _Antecedent:
    """An actor named earlier that a referring word may stand for."""

    end: int
    actor: Actor
    person: bool
    words: str  # the person's phrase and appositions, lower case, to compare titles
    adjective: bool = False  # named only by its adjective ("Portuguese instructors")


def _is_of_object(token: Token) -> bool:
    """ "Ukraine" in "the foreign ministry of Ukraine" belongs to "ministry"."""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.dep_ == "prep"


class NounPhrases:
    """Noun phrases of one doc by the dependency parse, never across a line break:
    parses may join a headline to the next line, a noun phrase never spans lines.

    A one-word "sentence" the parser split off right before more words on the same line
    ("U.S." in "U.S. President Barack Obama", read as an abbreviation ending a sentence)
    is taken back as a modifier of the phrase that follows it.
    """

    def __init__(
        self, doc: Doc, text: str, relation_nouns: frozenset[str] = frozenset(), leading: frozenset[str] = frozenset()
    ) -> None:
        self._relation_nouns = relation_nouns
        self._leading = leading
        self._newlines = [i for i, char in enumerate(text) if char == "\n"]
        self._orphans: dict[int, int] = {}  # split-off word -> the head of the phrase after it
        for sentence in doc.sents:
            if len(sentence) > SPLIT_OFF_TOKENS:
                continue
            words = [t for t in sentence if not (t.is_punct or t.is_space)]
            if len(words) == 1 and sentence.end < len(doc):
                head = self._compound_after(words[0])
                if head is not None:
                    self._orphans[words[0].i] = head.i
        self._adopted: dict[int, list[Token]] = {}
        for orphan, head in self._orphans.items():
            self._adopted.setdefault(head, []).append(doc[orphan])

    def _same_line(self, a: Token, b: Token) -> bool:
        return bisect(self._newlines, a.idx) == bisect(self._newlines, b.idx)

    def head(self, token: Token) -> Token:
        """The head of the noun phrase `token` modifies ("Russian" -> "troops", "Ukraine" in
        "the ministry of Ukraine" -> "ministry")."""
        if token.i in self._orphans:
            return token.doc[self._orphans[token.i]]
        if _is_of_object(token) and self._same_line(token, token.head.head):
            return token.head.head
        while token.dep_ in MODIFIER_DEPS and token.head is not token and self._same_line(token, token.head):
            token = token.head
        return token

    def _compound_after(self, word: Token) -> Token | None:
        """The last noun of the run of nouns and adjectives right after `word` on its line:
        the head of an English compound ("President Barack Obama"), whatever the parse
        after a wrong sentence break says."""
        doc, last = word.doc, None
        for token in doc[word.i + 1 :]:
            if token.pos_ not in COMPOUND_POS or not self._same_line(word, token):
                break
            last = token
        return last

    def _leader(self, participle: Token) -> list[Token]:
        """The name hyphened to a leading participle: "the *Saudi*-led coalition" is Saudi."""
        if participle.lower_ not in self._leading:
            return []
        hyphen = participle.nbor(-1) if participle.i > 0 else None
        if hyphen is None or hyphen.text != "-" or hyphen.whitespace_:
            return []
        return [c for c in participle.lefts if c.i == hyphen.i - 1 and not c.whitespace_ and c.dep_ in LEADER_DEPS]

    def is_relation(self, head: Token) -> bool:
        """A noun naming a party by its tie to another: ally, neighbour, rival, partner."""
        return head.lemma_.lower() in self._relation_nouns or head.lower_ in self._relation_nouns

    def adopter(self, token: Token) -> Token | None:
        """The head of the phrase a split-off word belongs to, if it is one."""
        head = self._orphans.get(token.i)
        return token.doc[head] if head is not None else None

    def tokens(self, head: Token) -> list[Token]:
        """`head` with its modifiers and "of" phrases, in text order; no determiners or conjuncts."""
        found = [head, *self._adopted.get(head.i, ())]
        for child in head.children:
            if not self._same_line(child, head):
                continue
            if child.dep_ == "poss" and self.is_relation(head):
                continue  # "Russia's ally": Russia is the other party, not the ally
            if child.dep_ in MODIFIER_DEPS:
                found += self.tokens(child)
                found += [t for leader in self._leader(child) for t in self.tokens(leader)]
            elif child.dep_ == "prep" and child.lower_ == "of":
                found.append(child)
                found += [t for obj in child.children if obj.dep_ == "pobj" for t in self.tokens(obj)]
        return sorted(found, key=lambda t: t.i)


def _is_stateless_group(actor: Actor) -> bool:
    """An armed group of no state ("Islamic State"), which a sector noun referring to it ("the
    militants") stands for whole: it has no state to be that sector of."""
    return actor.sector in GROUP_SECTORS and not (actor.country or actor.org) and actor.is_named()


def _is_surname(name: Span) -> bool:
    """One word ("Mugabe"), or a surname that starts with a particle ("Dos Santos",
    "de Klerk", "al Bashir"); "Grace Mugabe" is a given name and a surname."""
    if len(name) == 1:
        return name[0].is_alpha
    return len(name) <= SURNAME_WORDS and name[0].lower_ in LOWER_INSIDE and all(t.is_alpha for t in name)


def _is_surname_named_before(match: KBMatch, person_ents: list[Span], doc: Doc) -> bool:
    """A lone word that is not a person's KB name but ends a full name given earlier is that
    person ("General Juan Jose Zuniga ... Arce confronted Zuniga"), not the place so called."""
    if match.entry.kind == "person" or match.end - match.start != 1:
        return False
    word = doc[match.start].text
    return any(
        len(ent) > 1 and ent.end <= match.start and ent[-1].text == word and not any(t.lower_ == "of" for t in ent)
        for ent in person_ents
    )


def _entity_head(ent: Span) -> Token:
    """The root of an entity without its leading determiner, which may hang elsewhere."""
    start = ent.start + 1 if len(ent) > 1 and ent[0].dep_ == "det" else ent.start
    return ent.doc[start : ent.end].root


def _without_case(ent: Span) -> Span:
    """An entity without the possessive ending the model sometimes takes in ("*Vladimir Putin*'s")."""
    end = ent.end
    while end > ent.start and ent.doc[end - 1].dep_ == "case":
        end -= 1
    return ent.doc[ent.start : end]


def _is_their(head: Token) -> bool:
    """A plural phrase "their" owns: "*their* foreign ministers"."""
    return head.tag_ in PLURAL_NOUN_TAGS and any(c.dep_ == "poss" and c.lower_ == "their" for c in head.children)


def _acting(base: Actor | None, name: str, mention: str, sector: str | None) -> Actor:
    """`base` (a state or organisation, or nobody known) acting through `sector`."""
    if base is None:
        return Actor(name, mention, sector=sector, code=sector or "")
    if base.org:
        if sector is None or sector in ORG_ABSORBED or sector in _code_parts(base.code):
            return Actor(name, mention, None, base.org, base.sector, base.code)  # "the press group RSF": NGOHRIMED
        return Actor(name, mention, None, base.org, sector, base.code + sector)
    return Actor(name, mention, base.country, None, sector, (base.country or "") + (sector or ""))


def _code_parts(code: str) -> set[str]:
    """The three-letter parts of an actor code: NGOHRIMED -> NGO, HRI, MED."""
    return {code[i : i + 3] for i in range(0, len(code), 3)}


def _is_definite(token: Token) -> bool:
    return any(child.dep_ == "det" and child.lower_ == DEFINITE_ARTICLE for child in token.children)


def _title_words(token: Token) -> str:
    """A title as written before its noun: "foreign minister" for "the foreign minister"."""
    words = [child.lower_ for child in token.lefts if child.dep_ in ("amod", "compound")]
    return " ".join([*words, token.lower_])


def as_day(on: dt.date | str | None) -> dt.date | None:
    """The article date; an ISO string ("2021-12-03") is read, anything unreadable is no date."""
    if on is None or isinstance(on, dt.date):
        return on
    try:
        return dt.date.fromisoformat(on[:10])
    except ValueError:
        return None


class ActorLayer:
    """Actor mentions, named entities with actors, and actor lookup by noun-phrase head."""

    def __init__(self, doc: Doc, kb: ActorKB, on: dt.date | None = None) -> None:
        self.doc = doc
        self.kb = kb
        self.day = on
        text = doc.text
        self._text = text
        self._starts, self._lengths = doc.to_array("IDX").tolist(), doc.to_array("LENGTH").tolist()
        self._phrases = NounPhrases(doc, text, kb.relation_nouns, kb.leading_participles)
        self._ents = tuple(doc.ents)
        matches = defined_acronyms(doc, kb.match(doc, text))
        # An entity that is exactly a known name is that actor, whatever spaCy labelled it ("Mali's").
        self._exact = {(m.start, m.end): m for m in matches}
        matches = sorted(matches + place_matches(self._ents, kb, matches), key=lambda m: m.start)
        person_ents = [_without_case(e) for e in self._ents if e.label_ == "PERSON"]
        person_ents = [e for e in person_ents if len(e) and (e.start, e.end) not in self._exact and not self._opens_sector_phrase(e)]
        matches = [m for m in matches if not _is_surname_named_before(m, person_ents, doc)]
        places = {i for m in matches if m.entry.kind != "person" for i in range(m.start, m.end)}
        self._matches = [m for m in matches if not self._is_part_of_person_name(m, person_ents, places)]
        self._matches = sorted(self._matches + self._surnames(person_ents, places), key=lambda m: m.start)
        self._match_at = {i: m for m in self._matches for i in range(m.start, m.end)}
        self._places = {i for i, m in self._match_at.items() if m.entry.kind != "person"}
        self._known_people = [m for m in self._matches if m.entry.kind == "person"]
        known_at = {i for m in self._known_people for i in range(m.start, m.end)}
        # PERSON entities the knowledge base does not know.
        self._persons = {
            i: ent
            for ent in person_ents
            if not any(j in known_at for j in range(ent.start, ent.end))
            for i in range(ent.start, ent.end)
        }
        # People named in the doc, known to the knowledge base or not, in text order.
        known = [doc[m.start : m.end] for m in self._known_people]
        self.people: list[Span] = sorted([*known, *dict.fromkeys(self._persons.values())], key=lambda s: s.start)
        self._person_names = [(span, self._person_name(span)) for span in self.people]
        self._cache: dict[int, _Resolution | None] = {}
        self._pairs: dict[int, list[_Resolution]] = {}
        self._home: str | None = None  # the dateline's state, "" for none, once asked
        self._org_heads: set[str] | None = None
        self._antecedents: list[_Antecedent] | None = None
        self._states: list[tuple[KBMatch, str]] | None = None
        self.spans: list[ActorSpan] = self._find_spans()
        self.entities: list[Mention] = self._find_entities()

    def _root(self, match: KBMatch) -> Token:
        return self.doc[match.start] if match.end - match.start == 1 else self.doc[match.start : match.end].root

    def _text_of(self, start: int, end: int) -> str:
        """The text of tokens start..end (exclusive), cheaper than a Span's."""
        return self._text[self._starts[start] : self._starts[end - 1] + self._lengths[end - 1]]

    def state(self, country: str) -> Actor | None:
        """The state itself, as an actor named nowhere in the text."""
        state = self.kb.states.get(country)
        return state.with_mention("") if state else None

    def government(self, country: str) -> Actor | None:
        """The state's government, as an actor named nowhere in the text."""
        state = self.kb.states.get(country)
        return _acting(state, f"{self.kb.adjectives.get(country, state.name)} government", "", "GOV") if state else None

    def place_actor(self, token: Token) -> Actor | None:
        """The people of a place the model did not label as one ("struck *Kharkiv*", tagged a
        person): a name alone that the gazetteer has as a large place of a known state. For
        the events stage, where a name is the object of an attack; not for a person's full name."""
        known = self.actor_for(token)
        if token.pos_ != "PROPN" or known is not None and known.code:
            return None
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if ent is not None and ent.label_ == "PERSON" and len(ent) > 1:
            return None
        words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token]
        name = " ".join(t.text for t in words)
        country = place_state(name, self.kb)
        if country is None:
            return None
        sector = self.kb.places.sector
        return Actor(name, name, country, None, sector, country + (sector or ""))

    def _opens_sector_phrase(self, ent: Span) -> bool:
        """ "*Riot* police fired tear gas": a capitalised word spaCy took for a person that
        begins a sector phrase with the words after it."""
        words = list(self.doc[ent.start : min(ent.end + self.kb.longest_sector, len(self.doc))])
        return any(first == 0 and last > len(ent) for first, last, _ in self.kb.find_sectors(words))

    def is_homed(self, token: Token) -> bool:
        """Whether the phrase's state is only the one its article or sentence suggests (the
        dateline's for "Police"), which where the act happened overrules."""
        found = self._resolve(token)
        return found is not None and found.homed

    def last_of_sector(self, before: Token, sector: str, first_sentence_start: int) -> Actor | None:
        """The actor of the nearest noun before `before` (from `first_sentence_start` on)
        acting through `sector`, and for a state or organisation: "rejected the ruling" is
        aimed at the court named last."""
        for token in reversed(self.doc[first_sentence_start : before.i]):
            if token.pos_ in {"NOUN", "PROPN"}:
                actor = self.actor_for(token)
                if actor is not None and (actor.country or actor.org) and sector in _code_parts(actor.code):
                    return actor
        return None

    def actor_for(self, token: Token) -> Actor | None:
        """The actor of the noun phrase headed by `token` (a conjunct stands alone)."""
        found = self._resolve(token)
        return found.actor if found else None

    def actors_for(self, token: Token) -> list[Actor]:
        """Every actor the noun phrase headed by `token` stands for: none or one, but two for
        "both sides", "the two countries", "both governments": the two most recent distinct
        states named before the phrase (references.yaml, `pairs`), the most recent first.
        `actor_for` gives the first of them."""
        pair = self._pair(token)
        if pair:
            return [found.actor for found in pair]
        actor = self.actor_for(token)
        return [actor] if actor else []

    def role_for(self, token: Token) -> Role | None:
        """The role on the article's date of the known person or group named at `token`
        ("president", "deputy chairman of the Security Council")."""
        match = self._match_at.get(token.i)
        found = holder_role(match.entry, self.day) if match and match.entry.holders else None
        return found[1] if found else None

    def _surnames(self, person_ents: list[Span], places: set[int]) -> list[KBMatch]:
        """A person named by surname alone ("President Mugabe", "Mugabe said") whom the
        knowledge base lists under a fuller name: the one so named in office that day; or by
        a full name misspelt ("Abdelaziz Bouteflicka")."""
        taken = {i for m in self._matches for i in range(m.start, m.end)}
        found = []
        for ent in person_ents:
            name = self._strip_titles(ent, places)
            if any(i in taken for i in range(ent.start, ent.end)) or not len(name):
                continue
            entry = self.kb.by_surname(name.text, self.day) if _is_surname(name) else self.kb.by_close_name(name.text, self.day)
            if entry:
                found.append(KBMatch(name.start, name.end, entry))
        return found

    def _is_part_of_person_name(self, match: KBMatch, person_ents: list[Span], places: set[int]) -> bool:
        """A place in a person's name ("Chad Smith"), or a known surname inside a longer
        unknown name ("Yevgeny Putin"), is no actor of its own."""
        kind = match.entry.kind
        if kind not in NAME_KINDS and kind != "person":
            return False
        ent = next((e for e in person_ents if e.start <= match.start and match.end <= e.end), None)
        if ent is None:
            return False
        if kind != "person":
            return True
        return len(self._strip_titles(ent, places)) > match.end - match.start

    def _bare(self, match: KBMatch) -> _Resolution | None:
        actor = self._entry_actor(match, self._text_of(match.start, match.end))
        return _Resolution(match.start, match.end, actor, False) if actor else None

    def _resolve(self, token: Token) -> _Resolution | None:
        if token.i not in self._cache:
            self._cache[token.i] = None  # a phrase that refers back to itself resolves to nothing
            self._cache[token.i] = self._resolve_uncached(token)
        return self._cache[token.i]

    def _resolve_uncached(self, token: Token) -> _Resolution | None:
        pair = self._pair(token)
        if pair:
            return pair[0]
        adopter = self._phrases.adopter(token)
        if adopter is not None:  # "U.S." split off "President Barack Obama" belongs to it
            return self._resolve(adopter)
        own = self._match_at.get(token.i)
        head = self._root(own) if own else token
        if own and own.entry.kind == "person":
            return self._surname(head) or self._known_person(own, head)
        if own is None and token.lemma_.lower() in self.kb.other_party_nouns and (other := self._other_party(token)) is not None:
            return other
        return self._compose(head, own, None if own else self._persons.get(head.i))

    def _other_party(self, noun: Token) -> _Resolution | None:
        """ "Moscow is preparing an offensive against *its neighbour*": such a noun owned by a
        pronoun is the state named last before it other than the clause's subject's."""
        if not any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in noun.children):
            return None
        subjects = (c for verb in noun.ancestors if verb.pos_ in {"VERB", "AUX"} for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"})
        # the first subject that names a state: "Ankara said *it* would not invade its neighbour"
        own_state = next((r.actor.country for c in subjects if (r := self._resolve(c)) is not None and r.actor.country), None)
        if own_state is None:
            return None
        before = [country for match, country in reversed(self._state_matches()) if match.end <= noun.i]
        country = next((c for c in (*before, self._dateline_state()) if c and c != own_state), None)
        if country is None:
            return None
        return _Resolution(noun.i, noun.i + 1, self._entry_actor(self._state_anchor(country), noun.text), True)

    def _compose(self, head: Token, own: KBMatch | None, person: Span | None) -> _Resolution | None:
        """The actor of a phrase from its parts: a KB name, the state or organisation
        beside it, sector nouns, a person's titles and appositions, referring words."""
        tokens = self._phrases.tokens(head)
        appositions = self._appositions(head) if person or head.pos_ == "PROPN" or self._phrases.is_relation(head) else []
        if appositions and not person and not any(self._names_state(t) for t in appositions):
            appositions = []  # an untagged name's apposition counts when it names a state
        context = tokens + appositions
        found = dict.fromkeys(self._match_at[t.i] for t in context if t.i in self._match_at)
        matches = [m for m in found if m.entry.kind != "person"]
        words = [t for t in context if t.i not in self._match_at]
        word_sectors = self.kb.find_sectors(words)
        if own and self._is_demonym(own, head) and not word_sectors:
            return self._demonym(own, head, [m for m in matches if m is not own])
        if own and matches == [own] and not word_sectors:
            return self._bare(own)
        if head.lemma_.lower() in self.kb.branch_nouns and (owner := self._owning_group(head)) is not None:
            return owner  # "the group's Afghan affiliate": the group
        group = own if own and own.entry.kind == "group" else next((m for m in matches if m.entry.kind == "group"), None)
        if group is not None and (branch := self._national_branch(group, matches, tokens)) is not None:
            return branch  # "(hideouts of) the *Pakistani* Taliban" is Pakistan's, not the Afghan movement
        if not (own or matches or person) and self._is_international(tokens, word_sectors):
            return self._international(tokens, word_sectors)  # "an international tribunal in The Hague"
        anchor = self._anchor(head, own, [m for m in matches if m is not own])
        if not (anchor or person) and word_sectors:
            anchor = self._loyal_to(head)  # "forces *loyal to* Libya's government"
        if not (anchor or person) and word_sectors and not any(t.dep_ == "poss" for t in tokens):
            anchor = self._locative(head) or self._seat_after(head)  # "demonstrators in Baghdad": no state of their own
        homed = False
        if person and not anchor and word_sectors:
            anchor = self._home_title(head)  # "interim Prime Minister Claude Joseph" in a Port-au-Prince story
            homed = anchor is not None
        if not (anchor or person) and word_sectors and (same := self._named_before(head, tokens)) is not None:
            return same  # "the diplomat" after "a Russian diplomat"
        if not (anchor or person):
            home = self._home_anchor(head, tokens, word_sectors)  # "Police fired tear gas" in a Tbilisi story
            over = home is not None and self.kb.places.home.over_references
            referred = None if over else self._referred(head, tokens, word_sectors)
            if referred or not word_sectors:
                return referred or self._surname(head)
            anchor = home or self._context_state(head)  # "police said": the sentence's only state, if so set
            homed = anchor is not None
        extent = tokens + list(person or [])
        start, end = min(t.i for t in extent), max(t.i for t in extent) + 1
        mention = self._text_of(start, end)
        composed = bool(person or word_sectors or (own and anchor is not own))
        base = self._entry_actor(anchor, mention) if anchor else None
        if anchor and anchor.entry.kind == "group":  # "Hamas fighters" are Hamas
            name = self._person_name(person) if person else base.name
            return _Resolution(start, end, replace(base, name=name), composed) if base else None
        sector = self.kb.strongest([s for *_, s in word_sectors] + self._place_sectors(matches, own))
        if sector == MILITARY and self._is_proxy(head, tokens):
            sector = ARMED_GROUP
        if person and sector and any(t.lower_ in self.kb.former for t in words):
            sector = OUT_OF_OFFICE
        name = self._name(person, own, anchor, words, word_sectors)
        if not person and head.pos_ == "PROPN" and (appositions or base is None):
            name = mention  # a name the knowledge base does not know: "the Refugee Council"
        actor = _acting(base, name, mention, sector)
        if base is None and not person and sector in self.kb.unplaced_prefixes:
            actor = replace(actor, code=self.kb.unplaced_prefixes[sector] + sector)  # "a rights group": NGOHRI
        if person:
            actor = self._known_as(actor)
        return _Resolution(start, end, actor, composed, homed)

    def _is_international(self, tokens: list[Token], sectors: list[tuple[int, int, str]]) -> bool:
        """A body called international, not a force: "an international peace-keeping force in
        Liberia" is coded where it serves, as news coders do."""
        if not sectors or not any(t.lower_ in self.kb.international for t in tokens):
            return False
        return self.kb.strongest(s for *_, s in sectors) != "MIL"

    def _international(self, tokens: list[Token], sectors: list[tuple[int, int, str]]) -> _Resolution:
        """An unnamed body of several states: an intergovernmental one (IGO) of its sector."""
        start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
        mention = self._text_of(start, end)
        sector = self.kb.strongest(s for *_, s in sectors)
        code = INTERNATIONAL + (sector if sector not in ORG_ABSORBED else "")
        return _Resolution(start, end, Actor(mention, mention, None, INTERNATIONAL, sector, code), True)

    def _owning_group(self, head: Token) -> _Resolution | None:
        """The armed group of no state a branch noun belongs to: its possessor or "of" object."""
        for owner in (c for c in head.children if c.dep_ == "poss" or _is_of_object(c) or c.dep_ == "prep"):
            token = next((o for o in owner.children if o.dep_ == "pobj"), None) if owner.dep_ == "prep" else owner
            actor = self.actor_for(token) if token is not None else None
            if actor is not None and not (actor.country or actor.org) and actor.is_named():
                start = min(t.i for t in self._phrases.tokens(head))
                return _Resolution(start, head.i + 1, actor.with_mention(self._text_of(start, head.i + 1)), True)
        return None

    def _names_state(self, token: Token) -> bool:
        match = self._match_at.get(token.i)
        return match is not None and match.entry.kind != "person" and bool(match.entry.actor.country or match.entry.actor.org)

    def _is_demonym(self, own: KBMatch, head: Token) -> bool:
        """A plural demonym heading its phrase ("the Palestinians", "Iraqis")."""
        return (
            own.entry.kind == "adjective"
            and head.tag_ in PLURAL_NOUN_TAGS
            and head.dep_ not in MODIFIER_DEPS
            and self._root(own).i == head.i
        )

    def _demonym(self, own: KBMatch, head: Token, others: list[KBMatch]) -> _Resolution | None:
        """A plural demonym heading its phrase is that state's people ("the Palestinians");
        but the people of another state when an "of" phrase names it ("the Hungarians of
        northern Serbia"), or when called ethnic and placed ("ethnic Armenians in Georgia"); called
        ethnic and placed nowhere, of no state ("ethnic Turks" live outside Turkey)."""
        sector = self.kb.places.demonym_sector
        if not sector:
            return self._bare(own)
        state = next((m for m in others if m.entry.kind in STATE_KINDS and m.entry.actor.country), None)
        ethnic = state is None and any(c.lower_ in self.kb.places.ethnic_words for c in head.lefts)
        if ethnic:
            state = self._locative(head) or self._subject_locative(head)
        base = None if ethnic and state is None else (state or own).entry.actor
        tokens = self._phrases.tokens(head)
        start, end = min(own.start, tokens[0].i), max(own.end, tokens[-1].i + 1)
        mention = self._text_of(start, end)
        return _Resolution(start, end, _acting(base, mention, mention, sector), True)

    def _locative(self, head: Token, nouns: list[Token] | None = None) -> KBMatch | None:
        """The state named by an agent's own locative: "rebels in the Ivory Coast",
        "students from Nigeria". Not for people: "killed General X in Baghdad" is often
        parsed with the place on the name. The noun of a quantity has its own ("thousands
        of students throughout Indonesia")."""
        if nouns is None:
            nouns = [head, *(obj for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of" for obj in prep.children if obj.dep_ == "pobj")]
        for prep in (child for noun in nouns for child in noun.children):
            if prep.dep_ != "prep" or prep.lower_ not in self.kb.places.locatives:
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    named = [self._match_at[t.i] for t in self._phrases.tokens(obj) if t.i in self._match_at]
                    state = next((m for m in named if m.entry.kind in STATE_KINDS and m.entry.actor.country), None)
                    group = next((m for m in named if m.entry.kind == "group"), None) if prep.lower_ == "from" else None
                    if state or group:
                        return state or group  # "a suicide bomber *from the Islamic State group*"
        return None

    def _seat_after(self, head: Token) -> KBMatch | None:
        """ "the government *in Kiev*", "the authorities in Beijing" when the parser hung the
        place on the verb: a capital right after a ruling institution's noun names its state."""
        after = head.right_edge.i + 1
        if after + 1 >= len(self.doc) or head.lemma_.lower() not in self.kb.places.home.words:
            return None
        prep, place = self.doc[after], self.doc[after + 1]
        match = self._match_at.get(place.i)
        if prep.lower_ != "in" or prep.head.i == head.i or match is None or match.entry.kind != "capital":
            return None
        return match

    def _subject_locative(self, head: Token) -> KBMatch | None:
        """The state where the subject's act happens: "ethnic Albanians *demonstrated in
        Serbia*" are Serbia's Albanians."""
        if head.dep_ not in ("nsubj", "nsubjpass") or head.head.pos_ not in ("VERB", "AUX"):
            return None
        return self._locative(head.head, nouns=[head.head])

    def _named_before(self, head: Token, tokens: list[Token]) -> _Resolution | None:
        """A definite phrase of one sector noun ("the diplomat", "the rebels") stands for the
        nearest earlier phrase with the same noun that a state or organisation owns, up to
        SAME_NOUN_REACH tokens back ("a Russian diplomat ... the diplomat")."""
        if not any(t.dep_ == "det" and t.lower_ == DEFINITE_ARTICLE for t in head.children):
            return None
        if any(t.i < head.i and (t.i in self._match_at or t.like_num or t.dep_ == "poss") for t in tokens):
            return None  # "the Belarusian diplomat", "the two diplomats": their own words decide
        first = max(0, sentence_of(head).start - SAME_NOUN_REACH)
        for earlier in reversed(self.doc[first : head.i]):
            # a name's head counts too: "the Foreign *Ministry* in Vilnius ... the ministry"
            if earlier.lemma_.lower() == head.lemma_.lower() and earlier.pos_ in {head.pos_, "PROPN"}:
                actor = self.actor_for(earlier)
                if actor is not None and (actor.country or actor.org):
                    start = head.i - 1
                    return _Resolution(start, head.i + 1, actor.with_mention(self._text_of(start, head.i + 1)), True)
        return None

    def _home_anchor(self, head: Token, tokens: list[Token], sectors: list[tuple[int, int, str]]) -> KBMatch | None:
        """The article's home state for an agent of an inherently domestic sector (police,
        parliament, courts, the opposition, the government, ministries) that nothing else
        places: the state of the dateline, else (where places.yaml asks) the only state
        named in its sentence, when it qualifies someone there or says where, and is no
        verb's argument ("the ministry accused Moscow"). Never for a phrase a possessive or a person owns, nor for one
        holding the head noun of the name of an organisation the article names."""
        home = self.kb.places.home
        if not sectors or any(t.dep_ == "poss" or self._owns(head, t) for t in tokens):
            return None
        words = {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}
        sector = self.kb.strongest(s for *_, s in sectors)
        if sector not in home.sectors | home.dateline_sectors and not words & home.words:
            return None
        if words & self._organisation_heads():
            return None  # "the court" of an article on the International Criminal Court
        country = self._dateline_state()
        if country is None and home.sentence and (sector not in home.dateline_sectors or words & home.words):
            sentence = sentence_of(head)
            named = [(m, c) for m, c in self._state_matches() if sentence.start <= m.start < sentence.end]
            countries = {c for _, c in named}
            roles = {self._sentence_role(m) for m, _ in named}
            if len(countries) == 1 and "places" in roles and "acted on" not in roles:
                country = countries.pop()
        return self._state_anchor(country) if country else None

    def _home_title(self, head: Token) -> KBMatch | None:
        """The dateline's state for a person the knowledge base does not know, named with a
        title and nothing that places them ("interim Prime Minister Claude Joseph", "General
        Juan Jose Zuniga" in a La Paz story), else the one state their sentence places others
        in ("rebels in Mali rejected an appeal from President X"): news names foreigners with
        their state."""
        country = self._dateline_state() or self._placing_state(head)
        return self._state_anchor(country) if country else None

    def _placing_state(self, head: Token) -> str | None:
        """The only state its sentence names, when it names it only as where its agents are
        ("rebels *in the Ivory Coast*")."""
        if not self.kb.places.home.sentence:
            return None
        sentence = sentence_of(head)
        named = [(m, c) for m, c in self._state_matches() if sentence.start <= m.start < sentence.end]
        if any(m.entry.kind not in STATE_KINDS for m, _ in named):
            return None  # a person or group acting for a state: they place no one else
        countries = {c for _, c in named}
        return countries.pop() if len(countries) == 1 and all(self._places_an_agent(m) for m, _ in named) else None

    def _places_an_agent(self, match: KBMatch) -> bool:
        """A state named as an agent's own locative: "rebels *in the Ivory Coast*"."""
        root = self._root(match)
        prep = root.head
        return root.dep_ == "pobj" and prep.lower_ in self.kb.places.locatives and self.is_agent_noun(prep.head)

    def _sentence_role(self, match: KBMatch) -> str:
        """How a state is named in its sentence: "places" it as a qualifier ("Liberian riot
        police", "Nicaragua's government"), as a person or group acting for it, or as where
        the act happens ("rallied in Monrovia"); "acted on" as an argument of a verb ("the
        ministry accused Moscow", "talks with Kyiv"); else "other" ("the war in Ukraine")."""
        root = self._root(match)
        if match.entry.holders or root.dep_ in MODIFIER_DEPS:
            return "places"
        prep = root.head
        if root.dep_ == "pobj" and prep.head.pos_ in ("VERB", "AUX"):
            return "places" if prep.lower_ in self.kb.places.locatives else "acted on"
        if root.dep_ == "pobj" and prep.lower_ in self.kb.places.locatives and self.is_agent_noun(prep.head):
            return "places"  # "opposition leaders *in Belarus*": an agent's own locative
        return "acted on" if root.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "attr") else "other"

    def is_agent_noun(self, token: Token) -> bool:
        """A noun of a sector ("leaders", "rebels", "students"), not of a thing or event ("the war")."""
        return token.pos_ in {"NOUN", "PROPN"} and bool(self.kb.find_sectors([token]))

    def _organisation_heads(self) -> set[str]:
        """Head nouns of the names of the organisations the article names ("court" for the
        International Court of Justice, also in a headline before it), as lemmas."""
        if self._org_heads is None:
            self._org_heads = {
                word
                for m in self._matches
                if m.entry.kind == "org"
                for word in (self.doc[m.end - 1].lemma_.lower(), self._root(m).lemma_.lower())
            }
        return self._org_heads

    def _dateline_state(self) -> str | None:
        """The state of the article's dateline: the last state it names ("RAFAH, Egypt"),
        else the state of its place, when the gazetteer knows a large one by that name."""
        if self._home is None:
            line = dateline(self.doc)
            named = [c for m, c in self._state_matches() if line is not None and line.start <= m.start < line.end]
            if named:
                self._home = named[-1]
            elif line is not None:
                place = line.text.split(",")[0].split("(")[0].strip()
                self._home = place_state(place, self.kb) or ""
            else:
                self._home = ""
        return self._home or None

    def _context_state(self, head: Token) -> KBMatch | None:
        """Where places.yaml asks for it: the only state named in the sentence, else (for
        `article`) the state the article names far more than any other."""
        scope = self.kb.places.context
        if scope == "none":
            return None
        sentence = sentence_of(head)
        named = [(m, c) for m, c in self._state_matches() if sentence.start <= m.start < sentence.end]
        if len({country for _, country in named}) == 1:
            return self._state_anchor(min(named, key=lambda found: abs(found[0].start - head.i))[1])
        if scope == "article":
            return self._dominant_state()
        return None

    def _loyal_to(self, head: Token) -> KBMatch | None:
        """Forces "loyal to" someone belong to that one's state ("troops loyal to the president")."""
        loyal = (a for a in head.children if a.dep_ == "amod" and a.lower_ == "loyal")
        objects = [o for a in loyal for p in a.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
        actor = self.actor_for(objects[0]) if objects else None
        return self._state_anchor(actor.country) if actor and actor.country in self.kb.states else None

    def _state_anchor(self, country: str) -> KBMatch:
        """The state as an anchor of no place in the text (it was named elsewhere)."""
        state = self.kb.states[country]
        return KBMatch(0, 0, Entry(state, "name", self.kb.adjectives.get(country, state.name)))

    def _state_matches(self) -> list[tuple[KBMatch, str]]:
        """Names of states, their capitals, seats, adjectives and places, and people and
        groups acting for a state that day, in text order."""
        if self._states is None:
            self._states = []
            for match in self._matches:
                if match.entry.kind in STATE_KINDS:
                    country = match.entry.actor.country
                else:
                    actor = self._entry_actor(match, "") if match.entry.holders else None
                    country = actor.country if actor else None
                if country:
                    self._states.append((match, country))
        return self._states

    def _dominant_state(self) -> KBMatch | None:
        """The state named at least twice as often as any other (and at least twice)."""
        ranked = Counter(country for _, country in self._state_matches()).most_common(2)
        if not ranked or ranked[0][1] < DOMINANCE or (len(ranked) > 1 and ranked[0][1] < DOMINANCE * ranked[1][1]):
            return None
        return self._state_anchor(ranked[0][0])

    def _entry_actor(self, match: KBMatch, mention: str) -> Actor | None:
        """The actor a KB phrase names; for people and groups, in their role on the article's date."""
        if match.entry.holders:
            return self.kb.holder_actor(match.entry, self.day, mention)
        return match.entry.actor.with_mention(mention)

    def _known_person(self, match: KBMatch, head: Token) -> _Resolution | None:
        """A person of the knowledge base in their role on the article's date; titles in
        the text only widen the mention. Out of office that day (no role listed), the
        title the text gives them decides, else they are an elite of their state."""
        found = holder_role(match.entry, self.day)
        if found is None:
            return None
        holder, role = found
        named = self._states_named_with(head)
        if role.state and named and role.state not in named:  # "Jordan's King Abdullah" is no Saudi
            found = next(((h, r) for h in match.entry.holders if (r := h.role_on(self.day)) and r.state in named), None)
            if found is None:
                return self._compose(head, None, self.doc[match.start : match.end])
            holder, role = found
        if role.inferred:
            titled = self._compose(head, None, self.doc[match.start : match.end])
            if titled and (titled.actor.country or titled.actor.org):
                return replace(titled, actor=replace(titled.actor, name=holder.name))
        tokens = [t for t in self._phrases.tokens(head) if t.dep_ != "case"]  # not "Putin's"
        start, end = min(match.start, tokens[0].i), max(match.end, tokens[-1].i + 1)
        actor = self.kb.role_actor(holder, role, self._text_of(start, end))
        return _Resolution(start, end, actor, (start, end) != (match.start, match.end))

    def _pair(self, head: Token) -> list[_Resolution]:
        """ "both sides", "the two neighbours": the two actors last named together, else the two
        most recent distinct states before the phrase, passing over those the subject of its
        verb names ("Russia urged both sides")."""
        if head.i not in self._pairs:
            self._pairs[head.i] = self._find_pair(head)
        return self._pairs[head.i]

    def _find_pair(self, head: Token) -> list[_Resolution]:
        owner = self._pair_owner(head)
        if owner is None:
            return []
        start = min([head.i, owner.i, *(child.i for child in (*head.lefts, *owner.lefts))])
        end = max(head.i, owner.i) + 1
        sector = self.kb.strongest(s for *_, s in self.kb.find_sectors([head]))
        mention = self._text_of(start, end)
        speakers = {t.i for t in self._subject_of_verb_over(head)}
        # "the courage of *both leaders*": the pair the owning phrase stood for before
        coordinated = self._coordinated_pair_before(start, speakers) or self._pair_named_before(owner, speakers)
        if coordinated:
            return [_Resolution(start, end, self._of_sector(actor, head, mention, sector), True) for actor in coordinated]
        if owner is head and _is_their(head):
            return []  # "their leaders" with no pair named together before: one owner, found elsewhere
        countries: list[str] = []
        for match, country in reversed(self._state_matches()):
            if match.end <= start and match.start not in speakers and country not in countries and self._is_party(match):
                countries.append(country)
        if len(countries) < 2:
            return []
        found = []
        for country in countries[:2]:
            state = self.kb.states[country]
            name = f"{self.kb.adjectives.get(country, state.name)} {head.lemma_.lower()}" if sector else state.name
            found.append(_Resolution(start, end, _acting(state, name, mention, sector), True))
        return found

    def _pair_named_before(self, head: Token, passed_over: set[int]) -> list[Actor]:
        """ "talks between *the two sides* ... praised *both sides*": a pair phrase beyond the
        reach of any pair named together stands for the pair the same phrase did before."""
        lemma = head.lemma_.lower()
        if lemma not in self.kb.pair_nouns:
            return []
        for at in reversed(self._pair_nouns_at.get(lemma, ())):
            earlier = self.doc[at]
            if at >= head.i or at in passed_over or self._pair_owner(earlier) is None:
                continue
            pair = [found.actor for found in self._pair(earlier) if found.actor.country or found.actor.org]
            return pair if len(pair) == 2 else []
        return []

    @cached_property
    def _pair_nouns_at(self) -> dict[str, list[int]]:
        """Lemma of a pair noun ("side", "country") -> where the doc has it, in text order:
        a pair phrase looks back for the same noun, and an article has a dozen of them."""
        found: dict[str, list[int]] = {}
        for token in self.doc:
            lemma = token.lemma_.lower()
            if lemma in self.kb.pair_nouns:
                found.setdefault(lemma, []).append(token.i)
        return found

    def _of_sector(self, actor: Actor, head: Token, mention: str, sector: str | None) -> Actor:
        """A member of a pair as the phrase names it: itself ("both sides"), or its state's
        agents of the phrase's sector ("their foreign ministers": each state's government)."""
        state = self.kb.states.get(actor.country or "") if sector else None
        if state is None:
            return actor.with_mention(mention)
        return _acting(state, f"{self.kb.adjectives.get(actor.country, state.name)} {head.lemma_.lower()}", mention, sector)

    def _coordinated_pair_before(self, start: int, passed_over: set[int]) -> list[Actor]:
        """The two actors most recently named together ("Colombia's government and the ELN
        signed ..."), in the phrase's sentence or the PAIR_REACH_SENTENCES before, not in the
        subject of its verb ("Norway and Chile praised both sides"): "the two sides" are they."""
        first = sentence_of(self.doc[start]).start
        for _ in range(PAIR_REACH_SENTENCES):
            first = sentence_of(self.doc[first - 1]).start if first > 0 else first
        for token in reversed(self.doc[first:start]):
            if token.dep_ != "conj" or token.head.pos_ not in ("NOUN", "PROPN") or token.head.i >= token.i or token.i in passed_over:
                continue
            pair = [self.actor_for(token), self.actor_for(token.head)]  # the most recent first, as for states
            if all(a is not None and (a.country or a.org) for a in pair) and pair[0].code != pair[1].code:
                return pair
        return []

    def _pair_owner(self, head: Token) -> Token | None:
        """The pair phrase a phrase is, or belongs to: "both sides", and "the two countries'
        leaders", "officials of both countries"."""
        owners = [head]
        owners += [c for c in head.children if c.dep_ == "poss"]
        owners += [o for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
        if _is_their(head):
            return head  # "their foreign ministers" after "Saudi Arabia and Iran agreed"
        return next((t for t in owners if self._is_bare_pair(t) or t.lemma_.lower() in self.kb.pair_nouns and self._is_pair_phrase(t)), None)

    def _is_bare_pair(self, token: Token) -> bool:
        """A quantifier standing alone for the pair: "talks between *the two*", "*both* said"."""
        if token.lower_ not in self.kb.pair_quantifiers or token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
            return False
        return not token.like_num or _is_definite(token)

    def _is_party(self, match: KBMatch) -> bool:
        """A state that can be a side: not a place that is not a state, nor where something
        happens ("met in Antalya"); a state visited is one ("Putin flew to Beijing")."""
        if match.entry.kind == "place":
            return False
        root = self._root(match)
        return not (root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS)

    def _is_pair_phrase(self, head: Token) -> bool:
        """ "both sides", or a numeral after "the": "the two countries"."""
        for child in head.lefts:
            if child.lower_ in self.kb.pair_quantifiers and (not child.like_num or _is_definite(head)):
                return True
        return False

    @staticmethod
    def _subject_of_verb_over(head: Token) -> list[Token]:
        """The subject of the verb whose object (or prepositional object) `head` is."""
        verb = head.head
        if head.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head
        if head.dep_ == "pobj" and verb.dep_ == "appos":  # "the US, *an ally of* both countries": not itself
            apposition = {t.i for t in verb.subtree}
            return [t for t in verb.head.subtree if t.i not in apposition]
        if head.dep_ not in ("dobj", "pobj", "dative") or verb.pos_ not in ("VERB", "AUX"):
            return []
        while verb.dep_ == "xcomp" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            verb = verb.head  # "Iran offered to ship food to the emirate": Iran ships
        return [t for child in verb.children if child.dep_ in ("nsubj", "nsubjpass") for t in child.subtree]

    def _states_named_with(self, head: Token) -> set[str]:
        """States a person's own phrase or apposition names ("Jordan's King", "Iranian
        Foreign Minister"), but not in a compound such as "Moscow-backed"."""
        doc, states = self.doc, set()
        for token in self._phrases.tokens(head) + self._appositions(head):
            match = self._match_at.get(token.i)
            if match and match.entry.kind in STATE_KINDS and match.entry.actor.country:
                if match.end >= len(doc) or doc[match.end].text != "-":
                    states.add(match.entry.actor.country)
        return states

    def _referred(self, head: Token, tokens: list[Token], sectors: list[tuple[int, int, str]]) -> _Resolution | None:
        """ "the alliance", "its troops", "the country's army", "the foreign minister",
        "Putin's spokesman": the actor a referring word or a person's name in the phrase
        stands for; a person who owns the phrase ("the government of President X") first."""
        for token in sorted(tokens, key=lambda t: not self._owns(head, t)):
            if self._owns(head, token):
                actor = self.actor_for(token)
                antecedent = _Antecedent(token.i + 1, actor, True, "") if actor and (actor.country or actor.org) else None
            else:
                reference = self._reference_of(token)
                if reference is None:
                    continue
                title = _title_words(token) if token.dep_ != "poss" or _is_definite(token) else ""
                doers = {t.i for t in self._subject_of_verb_over(head)} if token is head else set()
                plain_state = token is head and self._is_state_noun(head)
                antecedent = self._antecedent(reference, token.i, title, doers, plain_state) or self._office_holder_before(reference, token)
            if antecedent is None:
                return None
            start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
            if start > 0 and self.doc[start - 1].lower_ == DEFINITE_ARTICLE:
                start -= 1
            mention = self._text_of(start, end)
            sector = self.kb.strongest(s for *_, s in sectors)
            if token is head and (antecedent.person or _is_stateless_group(antecedent.actor) or sector is None and antecedent.actor.sector in GROUP_SECTORS):
                return _Resolution(start, end, antecedent.actor.with_mention(mention), True)  # "the group", "the militants": Al-Shabaab
            base = self._base(antecedent.actor)
            if base is None or (sector is None and token.dep_ in ("poss", "compound") and not self._is_state_noun(head)):
                return None  # "his house" is no actor; "his country" is his state
            name = base.name if sector is None else self._composed_name(base, head, tokens)
            return _Resolution(start, end, _acting(base, name, mention, sector), True)
        return None

    def _is_proxy(self, head: Token, tokens: list[Token]) -> bool:
        """ "*Turkish-backed* Syrian fighters": fighters a name hyphened to a backing participle
        backs (references.yaml, `backing_participles`, `proxy_nouns`)."""
        if head.lower_ not in self.kb.proxy_nouns:
            return False
        doc = self.doc
        return any(
            t.lower_ in self.kb.backing_participles and t.i > 1 and doc[t.i - 1].text == "-" and not doc[t.i - 2].whitespace_
            for t in tokens
        )

    def _is_state_noun(self, head: Token) -> bool:
        """A singular noun that stands for a state and nothing else ("country", "nation");
        "their countries" are a pair's (references.yaml, `pairs`)."""
        reference = self.kb.definites.get(head.lemma_.lower())
        return (
            reference is not None
            and reference.kinds == {"state"}
            and head.tag_ not in PLURAL_NOUN_TAGS
            and not self.kb.find_sectors([head])
        )

    def _owns(self, head: Token, token: Token) -> bool:
        """A person's name modifying the phrase: "Putin's spokesman", "the Bush
        administration", "the government of President X"."""
        return token is not head and (token.dep_ in ("poss", "compound") or _is_of_object(token)) and self._is_person(token)

    def _is_person(self, token: Token) -> bool:
        match = self._match_at.get(token.i)
        return token.i in self._persons or (match is not None and match.entry.kind == "person")

    def _reference_of(self, token: Token) -> Reference | None:
        if token.dep_ == "poss" and token.lower_ in self.kb.possessives:
            return self.kb.possessives[token.lower_]
        if _is_definite(token):
            return self.kb.definites.get(token.lemma_.lower()) or self.kb.definites.get(token.lower_)
        return None

    def _base(self, actor: Actor) -> Actor | None:
        """The state or organisation an actor acts for."""
        if actor.org:
            return self.kb.org_actors.get(actor.org)
        return self.kb.states.get(actor.country or "")

    def _composed_name(self, base: Actor, head: Token, tokens: list[Token]) -> str:
        words = [
            t
            for t in tokens
            if t.i <= head.i and t.dep_ != "poss" and not self._is_person(t) and (t is head or self._reference_of(t) is None)
        ]
        found = self.kb.find_sectors(words)
        label = self.kb.adjectives.get(base.country or "", base.org or base.name)
        if not found:
            return f"{label} {head.lower_}"
        first, last = words[found[0][0]].i, words[found[-1][1] - 1].i
        return f"{label} {self._text_of(first, last + 1).lower()}"

    def _antecedent(
        self, reference: Reference, before: int, title: str, doers: set[int] = frozenset(), plain_state: bool = False
    ) -> _Antecedent | None:
        """The most recent earlier actor the reference accepts; a person with the same
        title first, when people are accepted. Not one named as the subject of the verb the
        reference is the object of (`doers`): "Iran offered food to *the emirate*" is not Iran;
        for a noun that stands for a state only (`plain_state`: "the country"), not one named
        only by its adjective."""
        earlier = [a for a in reversed(self._antecedent_list()) if a.end <= before and a.end - 1 not in doers]
        if "person" in reference.kinds:
            titled = next((a for a in earlier if a.person and title in a.words), None)
            if titled:
                return titled
        if plain_state:  # "the country": a state named as such, not "Portuguese" of "Portuguese instructors"
            earlier = [a for a in earlier if not a.adjective]
        return next((a for a in earlier if not a.person and reference.accepts(a.actor)), None)

    def _office_holder_before(self, reference: Reference, token: Token) -> _Antecedent | None:
        """For "his", "her" with no named person before them: an office holder named by title
        as a subject earlier in the sentence ("The president vowed that *his* government ...")."""
        if "person" not in reference.kinds or token.dep_ != "poss":
            return None
        sentence = sentence_of(token)
        for earlier in reversed(sentence[: token.i - sentence.start]):
            if earlier.dep_ in ("nsubj", "nsubjpass") and earlier.pos_ == "NOUN" and self.kb.find_sectors([earlier]):
                actor = self.actor_for(earlier)
                if actor is not None and actor.country and actor.sector in OFFICE_SECTORS:
                    return _Antecedent(earlier.i + 1, actor, True, earlier.lower_)
        return None

    def _names_a_border(self, match: KBMatch) -> bool:
        """A state that only says which border or coast is meant ("near the *Malian* border"),
        which "the government" after it does not refer to."""
        root = self._root(match)
        return root.dep_ in ("amod", "compound") and root.head.lemma_.lower() in BORDER_NOUNS

    def _antecedent_list(self) -> list[_Antecedent]:
        """States, organisations and groups named in the doc, and people with a state or
        organisation, in the order their mentions end."""
        if self._antecedents is None:
            found = []
            for match in self._matches:
                if match.entry.kind != "person" and not self._names_a_border(match):
                    actor = self._entry_actor(match, self._text_of(match.start, match.end))
                    if actor and (actor.country or actor.org or match.entry.kind == "group"):
                        found.append(_Antecedent(match.end, actor, False, "", match.entry.kind == "adjective"))  # groups of no state too
            for span in self.people:
                actor = self.actor_for(span.root)
                if actor and (actor.country or actor.org):
                    words = " ".join(t.lower_ for t in self._phrases.tokens(span.root) + self._appositions(span.root))
                    found.append(_Antecedent(span.end, actor, True, words))
            self._antecedents = sorted(found, key=lambda a: a.end)
        return self._antecedents

    def _surname(self, token: Token) -> _Resolution | None:
        """A lone surname ("Lavrov") is the person named in full before it, even when the
        parser did not tag it or the knowledge base knows someone else by that name."""
        own = self._match_at.get(token.i)
        if not token.text[:1].isupper() or (own and (own.entry.kind != "person" or own.end - own.start > 1)):
            return None
        fuller = next(
            (span for span, name in self._person_names if span.end <= token.i and name.endswith(" " + token.text)),
            None,
        ) or self._family_name_first(token)
        if fuller is None:
            return None
        actor = self.actor_for(fuller.root)
        return _Resolution(token.i, token.i + 1, actor.with_mention(token.text), True) if actor else None

    def _family_name_first(self, token: Token) -> Span | None:
        """ "Moon" for "Moon Jae-in", "Kim" for "Kim Jong Un": a name whose family name comes
        first, named in full in the article (a headline's surname before the body names it)."""
        return next((span for span, name in self._person_names if name.startswith(token.text + " ") and not span.start <= token.i < span.end), None)

    def _known_as(self, actor: Actor) -> Actor:
        """A short name ("Blinken") is the person named in full elsewhere in the doc.

        The full mention usually carries the title and country the short one lacks.
        """
        fuller = next((span for span, name in self._person_names if name.endswith(" " + actor.name)), None)
        if fuller is None:
            return actor
        full = self.actor_for(fuller.root)
        if full is None:
            return actor
        if actor.country or actor.org:
            return replace(actor, name=full.name)
        return full.with_mention(actor.mention)

    def _name(
        self,
        person: Span | None,
        own: KBMatch | None,
        anchor: KBMatch | None,
        words: list[Token],
        sectors: list[tuple[int, int, str]],
    ) -> str:
        """One name however the text puts it: "Russia's troops" and "Russian troops" are "Russian troops"."""
        if person:
            return self._person_name(person)
        if not sectors:
            return (own or anchor).entry.actor.name
        first, last = words[sectors[0][0]].i, words[sectors[-1][1] - 1].i
        label = anchor.entry.adjective if anchor else ""
        return f"{label} {self._text_of(first, last + 1).lower()}".strip()

    def _appositions(self, head: Token) -> list[Token]:
        """ "Sergei Lavrov, Russia's foreign minister," names country and sector after the
        name; "the former army commander, General Juan Jose Zuniga" before it."""
        found = [t for child in head.children if child.dep_ == "appos" for t in self._phrases.tokens(child)]
        if head.dep_ == "appos" and head.head.pos_ == "NOUN":
            found += self._phrases.tokens(head.head)
        return found

    def _national_branch(self, group: KBMatch, matches: list[KBMatch], tokens: list[Token]) -> _Resolution | None:
        """A known group named with another state's adjective before it ("the Pakistani
        Taliban"): that state's branch of the group, an armed group (REB) of that state."""
        actor = self._entry_actor(group, self._text_of(group.start, group.end))
        for match in matches:
            country = match.entry.actor.country
            if match is group or match.entry.kind not in STATE_KINDS or not country or match.end > group.start:
                continue
            modifier = self.doc[match.start : match.end].root
            if modifier.head.i not in range(group.start, group.end) or self.doc[match.end].text == "-":
                continue  # only the group's own adjective, not "Iranian-backed Houthis"
            if actor is not None and country != actor.country:
                start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
                state = self.kb.states.get(country)
                if state is not None:
                    name = f"{self.kb.adjectives.get(country, state.name)} {self._text_of(group.start, group.end)}"
                    return _Resolution(start, end, _acting(state, name, self._text_of(start, end), GROUP_BRANCH_SECTOR), True)
        return None

    @staticmethod
    def _anchor(head: Token, own: KBMatch | None, others: list[KBMatch]) -> KBMatch | None:
        """The state or organisation a phrase acts for: its own name, else the nearest modifier.

        A seat of power yields to a named state beside it, so that "the German
        Foreign Office" or "Canada's House of Commons" belong to that state.
        """
        if own and own.entry.kind != "seat":
            return own
        states = [m for m in others if m.entry.kind != "person" and not (own and m.entry.kind == "seat")]
        if not states:
            return own
        nearest = min(states, key=lambda m: min(abs(m.start - head.i), abs(m.end - 1 - head.i)))
        before = next((m for m in states if m.end == nearest.start and m.entry.kind == "adjective"), None)
        return before if before is not None and nearest.entry.kind == "adjective" else nearest  # "Syrian Turkmen rebels": Syria's

    def _place_sectors(self, matches: list[KBMatch], own: KBMatch | None) -> list[str]:
        """Seats and places always bring their sector (a place's people rank last); a
        capital only when it is the actor itself."""
        sectors = []
        for match in matches:
            entry = match.entry
            root = self.doc[match.start : match.end].root
            if entry.kind in ("seat", "place") or (entry.kind == "capital" and (match is own or root.dep_ == "poss")):
                sectors.append(entry.actor.sector)
        return sectors

    def _person_name(self, person: Span) -> str:
        """The person's name as written, without leading titles, honorifics and country words."""
        return self._strip_titles(person, self._places).text

    def _strip_titles(self, person: Span, places: set[int]) -> Span:
        titles = {i for first, last, _ in self.kb.find_sectors(list(person)) for i in range(first, last)}
        skip = 0
        while skip < len(person) - 1 and (
            skip in titles or person[skip].i in places or person[skip].lower_ in self.kb.honorifics
        ):
            skip += 1
        return person[skip:]

    def _find_spans(self) -> list[ActorSpan]:
        spans: dict[tuple[int, int], ActorSpan] = {}
        for match in self._matches:
            root = self._root(match)
            found = self._resolve(self._phrases.head(root))
            if not (found and found.composed and found.start <= match.start and match.end <= found.end):
                found = self._resolve(root)
            if found is None:
                continue
            start_char = self._starts[found.start]
            end_char = self._starts[found.end - 1] + self._lengths[found.end - 1]
            spans[(found.start, found.end)] = ActorSpan(
                found.start, found.end, start_char, end_char, found.actor, match.entry.kind == "person"
            )
        return sorted(spans.values(), key=lambda s: (s.start, s.end))

    def _label(self, ent: Span) -> str:
        exact = self._exact.get((ent.start, ent.end))
        return exact.entry.label if exact and ent.label_ in ACTOR_LABELS else ent.label_

    def _find_entities(self) -> list[Mention]:
        """spaCy's entities with their actors, plus KB names spaCy did not tag; an entity
        that cuts through a known person's name gives way to the name."""
        people = [(m.start, m.end) for m in self._known_people]
        ents = [
            ent
            for ent in self._ents
            if not any(start < ent.end and ent.start < end and not (ent.start <= start and end <= ent.end) for start, end in people)
        ]
        mentions = [
            Mention(
                ent.text,
                ent.start_char,
                ent.end_char,
                self._label(ent),
                self.actor_for(_entity_head(ent)) if ent.label_ in ACTOR_LABELS else None,
            )
            for ent in ents
        ]
        tagged = {i for ent in ents for i in range(ent.start, ent.end)}
        for match in self._matches:
            if not any(i in tagged for i in range(match.start, match.end)):
                span = self.doc[match.start : match.end]
                actor = self._entry_actor(match, span.text)
                mentions.append(Mention(span.text, span.start_char, span.end_char, match.entry.label, actor))
        return sorted(mentions, key=lambda m: (m.start, m.end))


def find_actors(doc: Doc, kb: ActorKB | None = None, *, on: dt.date | str | None = None) -> ActorLayer:
    """Find every actor mention in a parsed doc, people in their roles on the date `on`
    (the article's publication date; a "YYYY-MM-DD" string will do). Without a KB,
    the shipped one plus the user's files named by EVENTWATCH_ACTORS."""
    return ActorLayer(doc, kb or load_kb(user_paths()), as_day(on))
