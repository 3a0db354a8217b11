"""Shared fixtures: one spaCy model per test session, as in production."""

from pathlib import Path

import pytest
from spacy.tokens import Doc, Token

from eventwatch.actors import ActorLayer, find_actors
from eventwatch.nlp import load_nlp

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


@pytest.fixture(scope="module")
def parse(nlp):
    """Parse a text and find its actors, on the publication date `on` if given."""

    def run(text: str, on: str | None = None) -> tuple[Doc, ActorLayer]:
        doc = nlp(text)
        return doc, find_actors(doc, on=on)

    return run


def token(doc: Doc, text: str, nth: int = 1) -> Token:
    """The `nth` token of the doc written `text`."""
    return [t for t in doc if t.text == text][nth - 1]
