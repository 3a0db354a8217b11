"""Fuzzing ingest -> extract, the library and the API with generated inputs of every kind
(tools/fuzz.py holds the generators and the checks; `python tools/fuzz.py` runs them for
longer). Bounded and derandomised here, so the suite stays fast and every run tries the
same inputs."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tools.fuzz import INPUTS, check_input, news_text, result_problems

READING = settings(max_examples=150, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
ANALYSIS = settings(max_examples=40, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
FILES = [kind for kind in INPUTS if kind != "api"]


@pytest.mark.parametrize("kind", FILES)
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


def test_the_library_codes_any_text_with_exact_offsets(nlp):
    """`extract_text` takes any string: it raises nothing, and every span is the slice of the
    body at its offsets, inside the body."""
    from eventwatch.pipeline import extract_text

    @ANALYSIS
    @given(st.one_of(news_text(), st.text(max_size=300)))
    def code(text: str) -> None:
        assert result_problems(extract_text(text)) == []

    code()


def test_the_api_answers_any_body_with_records_or_a_one_line_4xx(nlp):
    """POST bodies for /api/extract and /api/ingest: a 200 with records of the contract
    (spans exact), else 400/413/415/422 with a one-line detail; never an exception."""

    @ANALYSIS
    @given(INPUTS["api"]())
    def send(sample: tuple[str, bytes]) -> None:
        assert check_input(*sample).problems == []

    send()
