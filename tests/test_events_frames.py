"""Frames remembered for one event stage: the same as built afresh, and never on the doc."""

from __future__ import annotations

import pickle

from eventwatch.actors import find_actors
from eventwatch.events import find_events
from eventwatch.events.roles import frame_of, frames_remembered
from eventwatch.quotes import find_quotes

TEXT = (
    "Russia and Ukraine agreed to resume talks in Istanbul. Turkish officials said they had "
    "offered to host the delegations, and the UN urged both sides to reach a deal on grain exports."
)


def test_a_remembered_frame_equals_one_built_afresh(nlp):
    doc = nlp(TEXT)
    verbs = [t for t in doc if t.pos_ in {"VERB", "AUX"}]
    fresh = [frame_of(v) for v in verbs]
    with frames_remembered(doc):
        remembered = [frame_of(v) for v in verbs]
        assert remembered == fresh
        assert all(frame_of(v) is frame for v, frame in zip(verbs, remembered))  # built once
        other = nlp("Iran expelled two diplomats.")
        assert frame_of(other[1]) is not frame_of(other[1])  # another doc's frames are not kept
    assert all(frame_of(v) is not frame for v, frame in zip(verbs, remembered))  # forgotten after


def test_the_event_stage_leaves_the_doc_picklable_and_its_user_data_alone(nlp):
    doc = nlp(TEXT)
    actors = find_actors(doc)
    events = find_events(doc, actors, find_quotes(doc, actors))
    assert events
    assert doc.user_data == {}
    assert len(pickle.loads(pickle.dumps(doc))) == len(doc)
