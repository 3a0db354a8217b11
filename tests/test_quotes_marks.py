"""Quotation-mark pairing (eventwatch.quotes.marks) on texts written for these tests."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwatch.quotes import find_quote_spans

MARKS = ['"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "\u00ab", "\u00bb", "\u201e", "\u2039", "\u203a"]
REAL_TEXT = (
    "Ukraine's foreign minister, Dmytro Salenko, said on Monday that talks with Moscow had stalled.\n\n"
    '"We are ready to meet anywhere," he told reporters in Kyiv. "But not at gunpoint."\n\n'
    "The Kremlin's spokesman called the remarks \u201ctheatre\u201d and said Russia's position hadn't changed.\n\n"
    "According to the ministry, 40 soldiers' families were evacuated from the border villages."
)


def quoted(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text)]


def test_straight_and_curly_double_marks():
    text = 'He said "we will wait" and left. \u201cNot for long,\u201d she replied.'
    assert quoted(text) == ["we will wait", "Not for long,"]


def test_guillemets_and_low_high_marks():
    text = "\u00abNous resterons\u00bb, a-t-il dit. \u201eWir bleiben\u201c, sagte er. \u00ab Avec espaces \u00bb."
    assert quoted(text) == ["Nous resterons", "Wir bleiben", "Avec espaces"]


def test_single_quotes_inside_double_stay_part_of_the_quote():
    text = "\"The colonel told me 'the road is clear', so we drove on,\" the driver said."
    assert quoted(text) == ["The colonel told me 'the road is clear', so we drove on,"]


def test_top_level_single_quotes_open_but_apostrophes_do_not():
    text = "'We won't leave,' the farmer said. The soldiers' families didn't agree with the 'deal'."
    assert quoted(text) == ["We won't leave,", "deal"]


def test_quote_over_two_sentences_is_one_quote():
    text = '"The road is closed. Nobody gets through," the officer said.'
    assert quoted(text) == ["The road is closed. Nobody gets through,"]


def test_paragraph_reopened_with_a_mark_continues_the_quote():
    text = '"The first winter will be hard.\n\n"The second one will be harder," the mayor said.'
    assert quoted(text) == ['The first winter will be hard.\n\n"The second one will be harder,']


def test_paragraph_without_reopening_mark_ends_the_quote():
    text = '"The first winter will be hard.\n\nThe mayor left the room.'
    assert quoted(text) == ["The first winter will be hard."]


def test_hard_wrapped_line_does_not_end_a_quote():
    text = '"We will stay in the city\nuntil the last family has left," he said.'
    assert quoted(text) == ["We will stay in the city\nuntil the last family has left,"]


def test_brackets_and_ellipses_are_kept_as_written():
    text = '"They promised [in May] to pay ... and then they vanished," she said.'
    assert quoted(text) == ["They promised [in May] to pay ... and then they vanished,"]


def test_unclosed_quote_at_the_end_is_recovered():
    assert quoted('The envoy said "this will end badly') == ["this will end badly"]


def test_stray_closing_mark_is_ignored():
    text = 'Prices rose.\u201d The minister said \u201cwe are watching\u201d closely.'
    assert quoted(text) == ["we are watching"]


def test_new_opening_mark_ends_an_unclosed_quote():
    text = 'He shouted "stop the convoy and then "Nobody moves," the colonel said.'
    assert quoted(text) == ["stop the convoy and then", "Nobody moves,"]


def test_mark_glued_to_the_previous_sentence_still_opens_the_next():
    text = 'Police moved in." Nobody came here to fight," he said.'
    assert quoted(text) == ["Nobody came here to fight,"]


def test_inch_marks_and_empty_quotes_give_nothing():
    assert quoted('The wall is 6\'2" high and "" marks nothing.') == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(REAL_TEXT)), st.sampled_from(MARKS)), max_size=8))
def test_random_marks_never_raise_and_spans_stay_in_the_text(insertions):
    text = REAL_TEXT
    for position, mark in sorted(insertions, reverse=True):
        text = text[:position] + mark + text[position:]
    spans = find_quote_spans(text)
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == text[span.start : span.end].strip()
    assert [s.start for s in spans] == sorted(s.start for s in spans)
