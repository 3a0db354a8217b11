"""Event stage on sentences written for these tests: roles, codes, modality and evidence."""

from __future__ import annotations

import pytest

from eventwatch.pipeline import extract_text


def coded(text: str) -> list[tuple]:
    """(source code, CAMEO code, target code or None) for each event."""
    return [(e.source.code, e.cameo, e.target.code if e.target else None) for e in events_of(text)]


def events_of(text: str):
    result = extract_text(text, published="2022-05-10")
    for event in result.events:
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text
    return result.events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia accused Ukraine of provocations near the border.", ("RUS", "1123", "UKR")),
        ("The United States imposed sanctions on Belarus on Monday.", ("USA", "163", "BLR")),
        ("The Turkish president met with the Greek prime minister in Ankara.", ("TURGOV", "040", "GRCGOV")),
        ("Kenya sent humanitarian aid to Somalia.", ("KEN", "073", "SOM")),
        ("Moscow expelled two Estonian diplomats.", ("RUSGOV", "161", "ESTGOV")),
        ("Beijing praised Pakistan for its help.", ("CHNGOV", "051", "PAK")),
        ("Iran threatened to attack Israel if the strikes continued.", ("IRN", "138", "ISR")),
    ],
)
def test_active_voice_codes(text, expected):
    assert expected in coded(text)


def test_passive_voice_swaps_roles():
    assert coded("Venezuela was condemned by the Organization of American States.") == [("IGOOAS", "111", "VEN")]
    (event,) = events_of("Ukrainian positions were shelled by Russian troops overnight.")
    assert (event.source.code, event.cameo_root, event.target.code) == ("RUSMIL", "19", "UKR")


def test_coordinated_sources_give_one_event_each():
    assert coded("Kenya and Ethiopia signed a security pact with Somalia last week.") == [
        ("KEN", "057", "SOM"),
        ("ETH", "057", "SOM"),
    ]


def test_coordinated_verbs_share_the_subject_and_control_verbs_pass_the_object():
    events = events_of("China criticized Japan and urged Washington to resume talks with Pyongyang.")
    found = {(e.source.code, e.cameo_root, e.target.code if e.target else None) for e in events}
    assert ("CHN", "11", "JPN") in found
    assert ("CHN", "02", "USAGOV") in found
    resumed = next(e for e in events if e.source.code == "USAGOV")
    assert resumed.target.code == "PRKGOV"
    assert resumed.modality.hypothetical  # urged, not done


def test_negated_future_event():
    (event,) = events_of("Iran will not attack Israel, the foreign ministry said.")
    assert (event.source.code, event.cameo_root, event.target.code) == ("IRN", "19", "ISR")
    assert event.modality.negated and event.modality.future and not event.modality.hypothetical


def test_refusal_negates_the_complement_and_finds_its_counterpart():
    (event,) = events_of("Poland refused to attend talks with Belarus.")
    assert (event.source.code, event.cameo_root, event.target.code) == ("POL", "12", "BLR")


def test_event_inside_a_quote_belongs_to_the_speakers_side():
    text = '"We will never surrender to Russia," Ukrainian President Volodymyr Zelensky said.'
    (event,) = events_of(text)
    assert event.source.code == "UKRGOV" and event.target.code == "RUS"
    assert event.evidence.quote_id == "q1"
    assert event.modality.negated and event.modality.future


def test_evidence_is_the_clause_not_the_next_one():
    text = "Kyiv accused Moscow of massing troops near the frontier, and Ukrainian officials said talks were over."
    event = next(e for e in events_of(text) if e.cameo_root == "11")
    assert event.evidence.text == "Kyiv accused Moscow of massing troops near the frontier"


def test_events_carry_codebook_values_and_the_publication_date():
    (event,) = events_of("Iran threatened to attack Israel if the strikes continued.")
    assert event.plover == "THREATEN" and event.quad_class == 3
    assert event.goldstein == pytest.approx(-7.0)
    assert event.date == "2022-05-10" and event.date_precision == "day"
    assert event.id == "e1"


def test_plain_statements_are_not_events():
    assert coded("The minister said the harvest was good this year.") == []


def test_no_actor_no_event():
    assert coded("Someone attacked the building at night.") == []
