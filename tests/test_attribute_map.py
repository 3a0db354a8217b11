"""The attribute map gives exactly the annotations of the model's attribute ruler."""

import pytest
import spacy

from eventwatch.attribute_map import AttributeMap
from eventwatch.nlp import MODEL

# Written for this test: casual speech in quotes exercises the ruler's rare patterns
# (ain't, gonna, gotta, let's, c'mon, y'all, nothin'), an expletive "there is", double
# spaces and line breaks, determiners standing alone ("That was clear") and auxiliaries.
TEXTS = [
    "\"We ain't gonna retreat, and y'all know it,\" a militia commander told reporters in Goma.\n\n"
    "\"Let's be clear: there is nothin' to negotiate,\" he said.  \"C'mon, we gotta hold the line.\"",
    "That was the message the ministry sent on Tuesday. Which of the two envoys will travel "
    "has not been decided, officials said, and those who have been briefed would not comment.",
    "There were reports of shelling overnight.\nThere are  fears that talks will collapse; "
    "the minister, who had been expected to attend, was not seen.\n\n\n   ",
    "Ain't that a surprise? The rebels weren't gonna sign, and the army isn't going to wait.",
]


@pytest.fixture(scope="module")
def pipelines():
    stock = spacy.load(MODEL)
    ruler = stock.get_pipe("attribute_ruler")
    return stock, ruler, AttributeMap(ruler)


def annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_same_annotations_as_the_ruler(pipelines, text):
    stock, ruler, attribute_map = pipelines
    before = [name for name, _ in stock.pipeline][: stock.pipe_names.index("attribute_ruler")]
    by_ruler, by_map = stock.make_doc(text), stock.make_doc(text)
    for name in before:
        by_ruler = stock.get_pipe(name)(by_ruler)
        by_map = stock.get_pipe(name)(by_map)
    assert annotations(ruler(by_ruler)) == annotations(attribute_map(by_map))


def test_rare_patterns_fire(pipelines):
    """Not only the tag map: the lemma exceptions and two-token patterns are applied."""
    stock, _, attribute_map = pipelines
    doc = stock.make_doc(TEXTS[0])
    for name in stock.pipe_names[: stock.pipe_names.index("attribute_ruler")]:
        doc = stock.get_pipe(name)(doc)
    doc = attribute_map(doc)
    lemmas = {t.lower_: t.lemma_ for t in doc}
    assert lemmas["ai"] == "be" and lemmas["gon"] == "go" and lemmas["na"] == "to"
    assert lemmas["nothin'"] == "nothing"
    assert attribute_map.sequences and not len(attribute_map.matcher)  # every pattern handled here


def test_the_pipeline_uses_the_map(nlp):
    assert "attribute_map" in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
