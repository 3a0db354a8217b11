"""Who said it: the speaker named by a cue's subject, an "according to" object, a dash,
or a pronoun resolved by eventwatch.coref."""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwatch.actors import ActorLayer
from eventwatch.coref import (
    QuoteLookup,
    actor_of,
    is_first_person,
    is_resolvable,
    load_people_words,
    looks_like_person,
    named_person,
    noun_phrase,
    resolve_pronoun,
    sentence_of,
)
from eventwatch.quotes.cues import Cues
from eventwatch.records import Actor, Quote

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# A verb without a subject of its own shares the subject of the verb it hangs from:
# "... and added", "..., adding that", "was quoted as saying".
SHARED_SUBJECT_DEPS = frozenset({"conj", "advcl", "xcomp", "pcomp", "prep", "acl"})
# Nouns after an inverted cue that name the speaker ("said Lavrov").
INVERTED_DEPS = frozenset({"nsubj", "dobj", "attr", "npadvmod", "dep", "appos", "oprd"})
RELATIVE_TAGS = frozenset({"WP", "WDT"})
NOMINAL = frozenset({"NOUN", "PROPN"})
NOT_IN_LEFT_PHRASE = frozenset({"VERB", "AUX", "CCONJ", "SCONJ", "PRON", "PUNCT", "SPACE"})


class Speakers:
    """Speaker lookup for one doc; `marked` holds its quotes in marks once they are found."""

    def __init__(self, actors: ActorLayer, cues: Cues, quotes: list[Quote]) -> None:
        self.actors = actors
        self.cues = cues
        self.marked = QuoteLookup(quotes)
        self.words = load_people_words()

    def of_cue(self, cue: Token) -> Actor | None:
        """The speaker of a reporting verb, or the object of "according to"."""
        if self.cues.according_at(cue):
            source = self._according_source(cue)
            return self.of_head(source) if source is not None else None
        subject = subject_of(cue)
        if subject is not None and self._quoted(subject):
            subject = None  # words of the quote, not its speaker
        if subject is None:
            subject = next(
                (c for c in cue.rights if c.dep_ in INVERTED_DEPS and c.pos_ in NOMINAL), None
            )
        if subject is not None:
            return self.of_head(subject)
        return self._left_phrase(cue)

    def of_head(self, head: Token) -> Actor | None:
        """The actor a noun or pronoun stands for, its whole phrase kept as the mention."""
        if head.tag_ in RELATIVE_TAGS and head.head.dep_ == "relcl":
            head = head.head.head  # "Blinken, who said ..."
        if is_resolvable(head):
            return resolve_pronoun(head, self.actors, self.marked)
        if is_first_person(head) or head.pos_ not in NOMINAL | {"NUM"}:
            return None
        person = named_person(head, self.words)
        if person is not None:
            # "the agency's director, Ana Ribeiro, said": the apposition names the speaker.
            return actor_of(person, self.actors).with_mention(noun_phrase(head).text)
        return actor_of(head, self.actors)

    def _quoted(self, token: Token) -> bool:
        return self.marked.around(token.idx) is not None

    def can_speak(self, head: Token) -> bool:
        """A person, a group or a body: what may speak a quote no cue attributes."""
        if is_resolvable(head):
            return head.lower_ not in {"it", "its"}
        if head.pos_ not in NOMINAL:
            return False
        lemma = head.lemma_.lower()
        return (
            head.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
            or lemma in self.words.person_nouns
            or lemma in self.words.collective_nouns
        )

    def cue_text(self, cue: Token) -> str:
        """The cue as written, with its audience ("told reporters") or particle."""
        length = self.cues.according_at(cue)
        if length:
            return cue.doc[cue.i : cue.i + length].text
        words = [cue] + [
            c
            for c in cue.children
            if c.dep_ == "prt" or (c.dep_ in {"dobj", "dative"} and c.lemma_.lower() in self.cues.audiences)
        ]
        return " ".join(t.text for t in sorted(words, key=lambda t: t.i))

    def _according_source(self, cue: Token) -> Token | None:
        last = cue.doc[cue.i + self.cues.according_at(cue) - 1]
        following = cue.doc[last.i + 1 : last.i + 8]
        return next((c for c in last.children if c.dep_ == "pobj"), None) or next(
            (t for t in following if t.pos_ in NOMINAL and t.dep_ not in {"compound", "poss", "amod"}), None
        )

    def _left_phrase(self, cue: Token) -> Actor | None:
        """The noun phrase right before a cue the parser mistook ("a video's voice-over states")."""
        doc, start = cue.doc, cue.i
        while start > sentence_of(cue).start and (
            doc[start - 1].pos_ not in NOT_IN_LEFT_PHRASE or doc[start - 1].text in {"-", "'s", "\u2019s"}
        ):
            start -= 1
        while start < cue.i and doc[start].dep_ == "det":
            start += 1
        if start == cue.i:
            return None
        phrase = doc[start : cue.i]
        head = phrase.root
        known = self.actors.actor_for(head)
        return known.with_mention(phrase.text) if known else Actor(name=phrase.text, mention=phrase.text)


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or the subject of the verb it hangs from (up to three steps)."""
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if subjects:  # the nearest, should the parser give two ("The opposition Left Party")
            return min(subjects, key=lambda c: abs(c.i - verb.i))
        if verb.dep_ not in SHARED_SUBJECT_DEPS or verb.head.i == verb.i:
            return None
        if verb.lower_ == "as" and verb.head.lemma_ == "quote":
            # "Belta quoted an official as saying ...": the one quoted is the speaker.
            return next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        verb = verb.head
    return None


def dash_speaker_head(span: Span) -> Token | None:
    """The noun heading the words after a dash ("— General Ivan Petrov, commander ..."):
    the first person named, else the first noun whose head is outside, else the last noun."""
    first_head = last_nominal = None
    for token in span:
        if token.pos_ not in NOMINAL:
            continue
        if token.dep_ != "compound" and looks_like_person(token):
            return token
        if first_head is None and (not (span.start <= token.head.i < span.end) or token.head.i == token.i):
            first_head = token
        last_nominal = token
    return first_head or last_nominal
