"""Reported speech without quotation marks: "X said (that) ...", "X warned ...",
"X implied that ...", "the talks had failed, the envoy said", "according to X, ...".

The quote is the reported clause, from its first to its last word: without the
"that", without the sentence's final punctuation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Span, Token

from eventwatch.coref import sentence_of
from eventwatch.quotes.cues import Cues
from eventwatch.quotes.marks import CLOSING_MARKS, QuoteIndex
from eventwatch.quotes.speakers import Speakers
from eventwatch.records import Quote

# Complements that ask rather than report ("did not say whether ...").
QUESTION_MARKERS = frozenset({"whether", "if", "how", "why", "what", "when", "where", "who"})
MIN_TOKENS = 3
RELATIVE_WORDS = frozenset({"that", "which", "who", "whom"})
CLAUSE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def find_reported_speech(doc: Doc, text: str, speakers: Speakers, cues: Cues, quoted: QuoteIndex) -> list[Quote]:
    """Reported clauses outside quotation marks with their speakers; `text` is doc.text."""
    found = []
    for cue, clause in _reported_clauses(doc, cues):
        if len(clause) < MIN_TOKENS or quoted.on_quote(cue.idx):
            continue  # a reporting verb inside a quote is part of what was said
        start, end = clause.start_char, clause.end_char
        overlapping = quoted.touching(start, end)  # in text order
        if overlapping and overlapping[0].start - 1 <= start:
            continue  # the clause is itself quoted: a direct quote, found already
        if overlapping:  # a quoted fragment inside the clause stays whole, to its closing mark
            last = overlapping[-1]
            end = max(end, last.end + (text[last.end : last.end + 1] in CLOSING_MARKS))
        speaker = speakers.of_cue(cue)
        if speaker is None:
            continue
        found.append(Quote("", text[start:end], "indirect", start, end, speaker, speakers.cue_text(cue)))
    return found


def _reported_clauses(doc: Doc, cues: Cues) -> Iterator[tuple[Token, Span]]:
    edges = _SubtreeEdges()
    for token in doc:
        if cues.according_at(token):
            yield token, _according_clause(token, cues)
            continue
        if token.lemma_.lower() in cues.indirect_verbs and token.pos_ == "VERB":
            if any(c.dep_ == "neg" for c in token.children):
                continue
            complement = next((c for c in token.children if c.dep_ == "ccomp"), None) or _that_clause_of_noun(token)
            if complement is not None and _has_subject(complement):
                yield token, _clause(complement, edges)
        elif cues.is_speech_verb(token) and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "that":
            # The parser mistook the verb ("a video's voice-over states that ..."): take the rest.
            yield token, _trimmed(doc[token.i + 2 : sentence_of(token).end])


def _that_clause_of_noun(verb: Token) -> Token | None:
    """ "said in a speech that Taiwan belongs ...": the parser often reads the "that"
    clause as a relative clause of the noun; a relative clause has no subject of its own."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            for clause in (c for c in noun.children if c.dep_ == "relcl"):
                if clause.left_edge.lower_ == "that" and clause.left_edge.dep_ != "nsubj" and _has_subject(clause):
                    return clause
    return None


def _has_subject(verb: Token) -> bool:
    """A reported clause states something of someone ("what it says are ...", "documents
    that she said described ..." do not)."""
    return any(
        c.dep_ in CLAUSE_SUBJECT_DEPS and c.tag_ not in {"WDT", "WP"} and c.lower_ not in RELATIVE_WORDS for c in verb.children
    )


def _clause(complement: Token, edges: _SubtreeEdges) -> Span:
    doc = complement.doc
    start = edges.first(complement).i
    while start < complement.i and doc[start].head == complement and _is_complementiser(doc[start]):
        start += 1
    if doc[start].lower_ in QUESTION_MARKERS:
        return doc[start:start]
    return _trimmed(doc[start : edges.last(complement).i + 1])


class _SubtreeEdges:
    """The first and last tokens of `token.subtree`, remembered for one doc: reported
    clauses nest, and listing each clause's subtree again costs quadratic time."""

    def __init__(self) -> None:
        self._first: dict[int, Token] = {}
        self._last: dict[int, Token] = {}

    def first(self, token: Token) -> Token:
        """The subtree lists left children first: follow the first left child down."""
        return self._follow(token, self._first, lambda t: next(iter(t.lefts)) if t.n_lefts else None)

    def last(self, token: Token) -> Token:
        """... and right children last: follow the last right child down."""
        return self._follow(token, self._last, lambda t: list(t.rights)[-1] if t.n_rights else None)

    @staticmethod
    def _follow(token: Token, known: dict[int, Token], step: Callable[[Token], Token | None]) -> Token:
        chain = []
        while token.i not in known and (child := step(token)) is not None:
            chain.append(token)
            token = child
        end = known.get(token.i, token)
        for passed in chain:
            known[passed.i] = end
        return end


def _is_complementiser(token: Token) -> bool:
    """ "that" before a reported clause, however the parser labels it."""
    return token.dep_ == "mark" or token.lower_ == "that"


def _trimmed(span: Span) -> Span:
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def _according_clause(cue: Token, cues: Cues) -> Span:
    """The sentence without its "according to X" phrase, which leads or ends it."""
    sentence = sentence_of(cue)
    if cue.i - sentence.start <= 1:
        phrase_end = cue.i + cues.according_at(cue)
        source_end = max((t.i for t in cue.subtree if t.i < sentence.end), default=phrase_end - 1) + 1
        return _trimmed(cue.doc[max(source_end, phrase_end) : sentence.end])
    return _trimmed(cue.doc[sentence.start : cue.i])
