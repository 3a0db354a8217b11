"""Fuzzing ingest -> extract with generated inputs of every kind (tools/fuzz.py holds the
generators and the checks; `python tools/fuzz.py` runs them for longer). Bounded and
derandomised here, so the suite stays fast and every run tries the same inputs."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from tools.fuzz import INPUTS, check_input

READING = settings(max_examples=150, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
ANALYSIS = settings(max_examples=40, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck))


@pytest.mark.parametrize("kind", INPUTS)
def test_reading_any_input_keeps_every_promise(kind):
    """Nothing but InputError escapes, messages are one line naming the input, and every
    Article is normalised, has words, no control characters, a true date, and is English."""

    @READING
    @given(INPUTS[kind]())
    def read(sample: tuple[str, bytes]) -> None:
        assert check_input(*sample, analyse=False).problems == []

    read()


@pytest.mark.parametrize("kind", ["text", "jsonl", "feed", "html"])
def test_extracting_any_article_read_keeps_offsets_exact(nlp, kind):
    """No stage fails, and every quote's, evidence's and entity's text is the body's slice."""

    @ANALYSIS
    @given(INPUTS[kind]())
    def analyse(sample: tuple[str, bytes]) -> None:
        assert check_input(*sample, analyse=True).problems == []

    analyse()
