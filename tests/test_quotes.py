"""Quote stage on short texts written for these tests."""

from __future__ import annotations

import pytest

from eventwatch.actors import find_actors
from eventwatch.quotes import find_quote_spans, find_quotes


@pytest.fixture()
def quotes_of(nlp):
    def run(text: str):
        doc = nlp(text)
        return find_quotes(doc, find_actors(doc))

    return run


def speaker_name(quote) -> str | None:
    return quote.speaker.name if quote.speaker else None


def test_speaker_after_quote_with_audience_cue(quotes_of):
    text = '"We will not back down," Foreign Minister Anna Lindqvist told reporters in Oslo.'
    (quote,) = quotes_of(text)
    assert quote.kind == "direct"
    assert quote.text == "We will not back down,"
    assert text[quote.start : quote.end] == quote.text
    assert speaker_name(quote) == "Anna Lindqvist"
    assert quote.cue == "told reporters"


def test_inverted_speaker(quotes_of):
    (quote,) = quotes_of('"Nobody in this room wants a war," said Jens Halvorsen, the alliance chief.')
    assert speaker_name(quote) == "Jens Halvorsen"
    assert quote.cue == "said"


def test_speaker_before_quote_with_colon(quotes_of):
    (quote,) = quotes_of('Prime Minister Maria Costa said: "We are ready to talk at any time."')
    assert quote.text == "We are ready to talk at any time."
    assert quote.kind == "direct"
    assert speaker_name(quote) == "Maria Costa"


def test_pronoun_speaker_resolves_to_the_person(quotes_of):
    text = (
        "Defence Minister Paolo Ferri said the border talks had collapsed on Tuesday. "
        '"There is nothing left to discuss," he said.'
    )
    quotes = quotes_of(text)
    direct = next(q for q in quotes if q.kind == "direct")
    assert speaker_name(direct) == "Paolo Ferri"
    assert direct.speaker.mention == "he"
    indirect = next(q for q in quotes if q.kind == "indirect")
    assert indirect.text == "the border talks had collapsed on Tuesday"
    assert speaker_name(indirect) == "Paolo Ferri"
    assert [q.id for q in quotes] == ["q1", "q2"]


def test_partial_quote_inside_reporters_sentence(quotes_of):
    (quote,) = quotes_of('The ministry accused Moscow of "raising the combat readiness" of its troops.')
    assert quote.kind == "partial"
    assert quote.text == "raising the combat readiness"


def test_quote_running_over_two_paragraphs_is_one_quote():
    text = '"The first winter will be hard.\n\n"The second one will be harder," the mayor said.'
    spans = find_quote_spans(text)
    assert len(spans) == 1
    assert text[spans[0].start : spans[0].end].startswith("The first winter")
    assert text[spans[0].start : spans[0].end].endswith("harder,")


def test_unbalanced_mark_does_not_raise_and_recovers_the_quote(quotes_of):
    text = 'The envoy said "this will end badly.\n\nNobody listened to the warnings.'
    quotes = quotes_of(text)
    assert any(q.text == "this will end badly." for q in quotes)


def test_curly_and_guillemet_marks(quotes_of):
    text = "\u201cWe will rebuild,\u201d the mayor said. \u00abNever again,\u00bb the crowd chanted."
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["We will rebuild,", "Never again,"]
