"""The model's rule lemmatizer with every answer remembered, not only those its rules make.

spaCy's rule lemmatizer caches the lemmas its rules work out, but a word whose lemma is the
word itself (a singular noun, a base verb, punctuation: most of the tokens of news text)
it works out anew for every token, reading the token's morphology into a dict each time:
about 2 ms of an 800-word article's parse. Every answer it gives depends only on the word,
its part of speech and its morphology, the key of its own cache; so here each such key is
lemmatized once, by the lemmatizer itself, and the lemmas are the same as its own
(tests/test_lemmas.py compares them).
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

MEMO_LIMIT = 100_000  # distinct (word, part of speech, morphology) remembered before starting afresh


class LemmaMemo:
    """Callable pipeline component; the lemmas of `lemmatizer` (a rule lemmatizer), faster."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        if lemmatizer.mode != "rule":
            raise ValueError(f"a rule lemmatizer is needed, not mode {lemmatizer.mode!r}")
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], str] = {}  # (ORTH, POS, MORPH) -> lemma

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        strings = doc.vocab.strings
        overwrite = self.lemmatizer.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if overwrite or lemma == 0:  # as the lemmatizer: a lemma set before it stays
                lemmas[i] = strings.add(self._lemma(doc, i, (orth, pos, morph)))
        doc.from_array([LEMMA], lemmas)
        return doc

    def _lemma(self, doc: Doc, i: int, key: tuple[int, int, int]) -> str:
        found = self.memo.get(key)
        if found is None:
            if len(self.memo) >= MEMO_LIMIT:
                self.memo.clear()
            found = self.memo[key] = self.lemmatizer.lemmatize(doc[i])[0]
        return found


@Language.factory("lemma_memo")
def make_lemma_memo(nlp: Language, name: str) -> LemmaMemo:
    """Built on the pipeline's 'lemmatizer', which must be loaded."""
    return LemmaMemo(nlp.get_pipe("lemmatizer"))

