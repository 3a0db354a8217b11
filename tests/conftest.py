"""Shared fixtures: one spaCy model per test session, as in production."""

from pathlib import Path

import pytest

from eventwatch.nlp import load_nlp

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()
