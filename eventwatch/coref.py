"""Pronoun resolution without a trained coreference model.

A third-person pronoun ("he said", "they warned", "it said") is resolved to the
most recent compatible mention before it, outside quotation marks:

- `he`/`she`: a person whose gender is not known to differ, the gender read from
  titles ("Ms", "spokeswoman") and known first names (eventwatch/data/quotes/people.yaml);
- `they`: a plural noun phrase ("officials", "Ferri and Weber") or an organisation;
- `it`: an organisation, a state or a thing that can speak ("the statement").

Mentions are ranked by sentence, nearest first, and inside a sentence the
subject of the main clause wins over other subjects and those over other
mentions: news prose keeps its topic in subject position. First-person pronouns
inside a quote belong to the quote's speaker; that case is decided by the caller,
which knows the quote.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

import yaml
from spacy.tokens import Doc, Span, Token

from eventwatch.actors import ActorLayer
from eventwatch.data import data_file
from eventwatch.nlp import sentence_of
from eventwatch.records import Actor, Quote

THIRD_PERSON = {"he", "she", "him", "her", "they", "them"}
FIRST_PERSON = {"i", "we", "me", "us"}
Gender = Literal["male", "female"]
Kind = Literal["person", "group", "body", "thing"]
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Dependents that are part of a bigger noun phrase, never a mention of their own.
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod", "case"})
# What each pronoun may stand for, the likelier kind first.
COMPATIBLE: dict[str, tuple[Kind, ...]] = {
    "he": ("person",),
    "him": ("person",),
    "she": ("person",),
    "her": ("person",),
    "they": ("group", "body"),
    "them": ("group", "body"),
    "it": ("body", "thing"),
    "his": ("person",),
    "their": ("group", "body"),
    "its": ("body", "thing"),
}
# Prepositional phrases that say whom a speaker speaks for ("a spokesman for the ministry").
AFFILIATION_PREPOSITIONS = frozenset({"of", "for", "from", "at", "in"})
PRONOUN_GENDER: dict[str, Gender] = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}


@dataclass(frozen=True)
class PeopleWords:
    """Word lists that tell a person's gender and what kind of thing a noun names."""

    titles: dict[str, Gender]
    gendered_nouns: dict[str, Gender]
    first_names: dict[str, Gender]
    person_nouns: frozenset[str]
    collective_nouns: frozenset[str]
    thing_nouns: frozenset[str]
    known_nouns: frozenset[str]  # the three noun lists together

    def is_title(self, word: str) -> bool:
        """ "Mr", "Sergeant", "Minister": a word that may stand before a person's name."""
        return word in self.titles or word.rstrip(".") in self.person_nouns


def _by_gender(section: dict[str, list[str]]) -> dict[str, Gender]:
    return {word.lower(): gender for gender in ("male", "female") for word in section[gender]}


@lru_cache(maxsize=1)
def load_people_words() -> PeopleWords:
    raw = yaml.safe_load(data_file("quotes", "people.yaml").read_text("utf-8"))
    return PeopleWords(
        titles=_by_gender(raw["titles"]),
        gendered_nouns=_by_gender(raw["gendered_nouns"]),
        first_names=_by_gender(raw["first_names"]),
        person_nouns=frozenset(raw["person_nouns"]),
        collective_nouns=frozenset(raw["collective_nouns"]),
        thing_nouns=frozenset(raw["thing_nouns"]),
        known_nouns=frozenset(raw["person_nouns"] + raw["collective_nouns"] + raw["thing_nouns"]),
    )


def is_first_person(token: Token) -> bool:
    """ "we", "us"; but "US" in capitals in a sentence that is not all capitals is the country."""
    if token.lower_ not in FIRST_PERSON:
        return False
    return not (len(token.text) > 1 and token.is_upper and not sentence_of(token).text.isupper())


def is_pronoun(token: Token) -> bool:
    return token.lower_ in THIRD_PERSON or is_first_person(token)


def is_resolvable(token: Token) -> bool:
    """A third-person pronoun, "it" included, that may stand for a speaker."""
    return token.lower_ in COMPATIBLE


@dataclass(frozen=True)
class Mention:
    """A noun phrase a pronoun may point back to."""

    head: Token
    actor: Actor
    kind: Kind
    gender: Gender | None
    salience: int  # 2 subject of the main clause, 1 of another clause, 0 not a subject


class QuoteLookup:
    """The quotes in marks (direct and partial) of one doc, to look up the one around an
    offset without scanning them all; they never overlap."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.quotes = sorted((q for q in quotes if q.kind != "indirect"), key=_start)

    def around(self, offset: int) -> Quote | None:
        at = bisect_right(self.quotes, offset, key=_start) - 1
        return self.quotes[at] if at >= 0 and offset < self.quotes[at].end else None


def _start(quote: Quote) -> int:
    return quote.start


def resolve_pronoun(pronoun: Token, actors: ActorLayer, quotes: Sequence[Quote] | QuoteLookup) -> Actor | None:
    """The most recent compatible mention before the pronoun, or None; a mention inside a
    quote counts only for a pronoun inside the same quote."""
    found = antecedent_mention(pronoun, actors, quotes)
    return found.actor.with_mention(pronoun.text) if found else None


def antecedent_mention(pronoun: Token, actors: ActorLayer, quotes: Sequence[Quote] | QuoteLookup) -> Mention | None:
    """The mention `resolve_pronoun` takes the pronoun's actor from (its head token too)."""
    wanted = COMPATIBLE.get(pronoun.lower_)
    if wanted is None:
        return None
    gender = PRONOUN_GENDER.get(pronoun.lower_)
    marked = quotes if isinstance(quotes, QuoteLookup) else QuoteLookup(quotes)
    inside = marked.around(pronoun.idx)
    own_subject = _clause_subject(pronoun)
    best: tuple[tuple[int, int, int, int], Mention] | None = None
    # Nearest first: once a sentence before the best one is reached, nothing can outrank it.
    for mention in _mentions(actors).before(pronoun.i):
        head = mention.head
        sentence = sentence_of(head).start
        if best is not None and sentence < best[0][0]:
            break
        if mention.kind not in wanted or marked.around(head.idx) is not inside or head.i in own_subject:
            continue
        if gender and mention.gender and mention.gender != gender:
            continue
        rank = (sentence, mention.salience, -wanted.index(mention.kind), head.i)
        if best is None or rank > best[0]:
            best = (rank, mention)
    return best[1] if best else None


# Verbs without a subject of their own that share their head's: coordinated verbs and
# participle or infinitive clauses ("Prosecutors issued a warrant, *accusing* them").
SHARED_SUBJECT_DEPS = {"conj", "advcl", "xcomp"}


def _clause_subject(pronoun: Token) -> set[int]:
    """The subject of the verb whose object the pronoun is, which an object pronoun never
    stands for: in "the United States urged *them*", they are not the United States."""
    verb = pronoun.head
    if pronoun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    if pronoun.dep_ not in {"dobj", "dative", "pobj"} or verb.pos_ not in {"VERB", "AUX"}:
        return set()
    while verb.dep_ in SHARED_SUBJECT_DEPS and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        verb = verb.head  # "Arce confronted Zuniga and ordered *him* out", "..., accusing *them*"
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    # "the US, an ally *of both countries*, urged them": what its apposition names is not it
    described = {t.i for s in subjects for a in s.children if a.dep_ == "appos" for p in a.children if p.dep_ == "prep" for t in p.subtree}
    return {t.i for s in subjects for t in s.subtree} - described


class _Mentions:
    """The noun phrases of one doc that could be a pronoun's antecedent, each worked out
    when a pronoun first looks back at it: a pronoun looks back a sentence or two, and
    working out every noun's actor up front cost more than the rest of the quote stage.
    The actor layer resolves a phrase alike whenever it is asked, so the order does not matter."""

    def __init__(self, actors: ActorLayer) -> None:
        self.actors = actors
        self.words = load_people_words()
        # the heads that may be mentions, in text order
        self.heads = [t.i for t in actors.doc if t.pos_ in {"NOUN", "PROPN"} and t.dep_ not in MODIFIER_DEPS]
        self._found: dict[int, Mention | None] = {}

    def before(self, index: int) -> Iterator[Mention]:
        """The mentions headed before token `index`, nearest first."""
        for at in range(bisect_left(self.heads, index) - 1, -1, -1):
            mention = self.at(self.heads[at])
            if mention is not None:
                yield mention

    def at(self, index: int) -> Mention | None:
        """The mention headed by token `index`, None when it is no antecedent."""
        if index not in self._found:
            self._found[index] = _mention(self.actors.doc[index], self.actors, self.words)
        return self._found[index]


@lru_cache(maxsize=8)
def _mentions(actors: ActorLayer) -> _Mentions:
    """The doc's mentions (cached per actor layer, so per doc)."""
    return _Mentions(actors)


def _mention(token: Token, actors: ActorLayer, words: PeopleWords) -> Mention | None:
    kind = _kind(token, words)
    if kind is None or (token.dep_ == "appos" and looks_like_person(token.head, words)):
        return None  # "Colonel Issa Maiga, a spokesman for the council": one person, named once
    person = named_person(token, words) if kind == "person" else None
    actor = actor_of(person or token, actors)
    gender = person_gender(token, actor, words) if kind == "person" else None
    return Mention(token, actor, kind, gender, _salience(token))


def _salience(token: Token) -> int:
    """Main-clause subjects are what a paragraph is about; embedded ones less so."""
    if token.dep_ not in SUBJECT_DEPS:
        return 0
    verb = token.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return 2 if verb.dep_ == "ROOT" else 1


def _base_form(token: Token, words: PeopleWords) -> tuple[str, bool]:
    """The noun's lemma and whether it is plural; a capitalised "Farmers" at a sentence
    start is tagged a proper noun, so the plural is also read off the word itself."""
    lemma = token.lemma_.lower()
    known = words.known_nouns
    if lemma not in known and token.lower_.endswith("s") and token.lower_[:-1] in known:
        return token.lower_[:-1], True
    return lemma, token.tag_ in {"NNS", "NNPS"}


def _kind(token: Token, words: PeopleWords) -> Kind | None:
    lemma, plural = _base_form(token, words)
    plural = plural or any(c.dep_ == "conj" for c in token.children)
    if looks_like_person(token, words) or lemma in words.person_nouns or token.text in _surnames(token.doc):
        return "group" if plural else "person"
    if token.ent_type_ in {"ORG", "GPE", "NORP"} or lemma in words.collective_nouns:
        return "group" if plural and token.ent_type_ != "GPE" else "body"
    if lemma in words.thing_nouns:
        return "group" if plural else "thing"
    return None


@lru_cache(maxsize=8)
def _surnames(doc: Doc) -> frozenset[str]:
    """Last names of the people the parser found: "Fuentes" alone is still a person."""
    return frozenset(ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1)


def _fuller_mention(head: Token) -> Token | None:
    """For "the ministry" with no modifier, the last earlier "X's foreign ministry"."""
    children = list(head.children)
    if head.pos_ != "NOUN" or not any(c.lower_ == "the" for c in children):
        return None
    if any(c.dep_ in MODIFIER_DEPS or c.dep_ == "prep" for c in children):
        return None
    earlier = [i for i in _modified_heads(head.doc).get(head.lemma_, []) if i < head.i]
    return head.doc[earlier[-1]] if earlier else None


@lru_cache(maxsize=8)
def _modified_heads(doc: Doc) -> dict[str, list[int]]:
    """Lemma -> indices of the noun phrase heads with that lemma that carry modifiers."""
    found: dict[str, list[int]] = {}
    for token in doc:
        if token.dep_ not in MODIFIER_DEPS and any(c.dep_ in MODIFIER_DEPS for c in token.children):
            found.setdefault(token.lemma_, []).append(token.i)
    return found


def name_text(head: Token) -> str:
    """The name as written, with the titles before it."""
    tokens = name_tokens(head)
    return head.doc[tokens[0].i : head.i + 1].text


def name_tokens(head: Token) -> list[Token]:
    """A proper name with the title words compounded before it ("Sergeant Ivan Dorosh")."""
    start = _person_entity_starts(head.doc).get(head.i, head.i)
    sentence_start = sentence_of(head).start
    while start > sentence_start and head.doc[start - 1].pos_ == "PROPN" and head.doc[start - 1].dep_ == "compound":
        start -= 1
    return list(head.doc[start : head.i + 1])


@lru_cache(maxsize=8)
def _person_entity_starts(doc: Doc) -> dict[int, int]:
    """Token index -> start of the PERSON entity it is in."""
    return {i: ent.start for ent in doc.ents if ent.label_ == "PERSON" for i in range(ent.start, ent.end)}


def looks_like_person(head: Token, words: PeopleWords | None = None) -> bool:
    """A PERSON entity, or a name the parser missed: a title or known first name before a
    proper noun ("Governor Uba Bello"), or capitalised words that are no place or
    organisation ("Siriporn Chaiyasit")."""
    if head.ent_type_ == "PERSON":
        return True
    if head.pos_ != "PROPN":
        return False
    tokens = name_tokens(head)
    words = words or load_people_words()
    if len(tokens) < 2 or head.lower_ in words.collective_nouns or head.lower_ in words.thing_nouns:
        return False  # "Refugee Council", "Security Council"
    if any(t.lower_ in words.first_names or words.is_title(t.lower_) for t in tokens[:-1]):
        return True  # the parser's ORG for "Governor Uba Bello" or "Ihor Terekhov" is wrong
    return head.ent_type_ not in {"ORG", "GPE", "NORP", "LOC", "FAC"} and all(t.text[:1].isupper() for t in tokens)


def without_titles(name: str, words: PeopleWords | None = None) -> str:
    """ "Sergeant Ivan Dorosh" -> "Ivan Dorosh", "Foreign Minister Park Ji-hoon" -> "Park
    Ji-hoon": the person, not the rank; the words up to the last title go."""
    words = words or load_people_words()
    parts = name.split()
    titles = [n for n, part in enumerate(parts[:-1]) if words.is_title(part.lower())]
    return " ".join(parts[titles[-1] + 1 :]) if titles else name


@lru_cache(maxsize=8)
def _full_names(doc: Doc) -> dict[str, frozenset[str]]:
    """The first and the last word of each full name in the doc -> the full names."""
    words = load_people_words()
    found: dict[str, set[str]] = {}
    for token in doc:
        if token.dep_ == "compound" or token.pos_ not in {"PROPN", "NOUN"} or token.is_punct:
            continue
        if looks_like_person(token, words):
            name = without_titles(name_text(token), words)
            if " " in name:
                for part in (name.split()[0], name.split()[-1]):
                    found.setdefault(part, set()).add(name)
    return {part: frozenset(names) for part, names in found.items()}


def _full_name(doc: Doc, name: str) -> str:
    """A name given alone ("Lin", "Rautio") is the one full name in the doc that begins
    or ends with it (surnames come first in Chinese or Korean names)."""
    if " " in name:
        return name
    candidates = _full_names(doc).get(name, frozenset())
    return next(iter(candidates)) if len(candidates) == 1 else name


def person_gender(head: Token, actor: Actor, words: PeopleWords | None = None) -> Gender | None:
    """Gender from a title or gendered role in the phrase, else from a known first name."""
    words = words or load_people_words()
    phrase = [t for t in head.subtree if t.i <= head.i]
    for token in reversed(phrase):
        found = words.titles.get(token.lower_) or words.gendered_nouns.get(token.lemma_.lower())
        if found:
            return found
    title = _title_before_name(head.doc, actor.name)
    if title:
        return title
    names = [t.lower_ for t in phrase] + actor.name.lower().split()
    return next((words.first_names[n] for n in names if n in words.first_names), None)


@lru_cache(maxsize=8)
def _titles_by_surname(doc: Doc) -> dict[str, Gender]:
    """ "Ms Costa" anywhere in the doc makes every "Costa" female."""
    words = load_people_words()
    found: dict[str, Gender] = {}
    for token in doc[:-1]:
        gender = words.titles.get(token.lower_)
        if gender and (following := doc[token.i + 1]).pos_ == "PROPN":
            found.setdefault(following.text, gender)
    return found


def _title_before_name(doc: Doc, name: str) -> Gender | None:
    parts = name.split()
    return _titles_by_surname(doc).get(parts[-1]) if parts else None


def noun_phrase(head: Token) -> Span:
    """The phrase a speaker is named by: title, name and affiliation ("NATO Secretary General
    Jens Stoltenberg", "a spokesman for the ministry"), without a leading determiner,
    relative clauses or anything past a line break."""
    start = head.left_edge.i
    while start < head.i and (head.doc[start].dep_ == "det" or head.doc[start].is_punct):
        start += 1
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in AFFILIATION_PREPOSITIONS or child.dep_ == "appos":
            end = max(end, child.right_edge.i + 1)
        elif child.dep_ not in {"punct"}:
            break
    while end - 1 > head.i and head.doc[end - 1].is_punct:
        end -= 1
    span = head.doc[start:end]
    return span if "\n" not in span.text else head.doc[head.i : head.i + 1]


def named_person(head: Token, words: PeopleWords | None = None) -> Token | None:
    """The name in apposition to a role noun ("the mayor of Kharkiv, Ihor Terekhov"), even
    where the parser did not label it a person but it starts with a known first name."""
    if head.ent_type_ == "PERSON":
        return None
    words = words or load_people_words()
    for token in head.subtree:
        if token.dep_ != "appos" or token.pos_ != "PROPN" or sentence_of(token).start != sentence_of(head).start:
            continue
        if token.ent_type_ == "PERSON" or token.left_edge.lower_ in words.first_names:
            return token
    return None


def _core_phrase(phrase: Span, head: Token) -> str:
    """The phrase up to its head: "a source in the security service" -> "source"."""
    return phrase.doc[phrase.start : head.i + 1].text


def actor_of(head: Token, actors: ActorLayer) -> Actor:
    """The actor the actor stage finds for `head`, named by its whole phrase; for speakers
    the actor stage does not know ("a witness", "the video's voice-over") a plain Actor.
    A bare "the ministry" is the ministry named in full before it."""
    phrase = noun_phrase(head)
    fuller = _fuller_mention(head)
    if fuller is not None:
        return actor_of(fuller, actors).with_mention(phrase.text)
    actor = actors.actor_for(head)
    if looks_like_person(head):
        known = actor.name if actor is not None and actor.name[:1].isupper() else ""
        name = _full_name(head.doc, without_titles(known or name_text(head)))
        actor = replace(actor, name=name) if actor is not None else Actor(name=name, mention=phrase.text)
    if actor is None:
        return Actor(name=_core_phrase(phrase, head), mention=phrase.text)
    return actor.with_mention(phrase.text) if len(phrase.text) > len(actor.mention) else actor
