"""The lemma memo gives exactly the lemmas of the model's rule lemmatizer."""

from __future__ import annotations

import pytest
import yaml

from eventwatch.lemmas import LemmaMemo
from tests.conftest import ROOT
from tests.test_attribute_map import TEXTS


def _texts() -> list[str]:
    articles = yaml.safe_load((ROOT / "eval" / "data" / "when_where" / "dev.yaml").read_text("utf-8"))["articles"]
    bench = (ROOT / "bench" / "data" / "800-words.txt").read_text("utf-8")
    return [*TEXTS, bench, *(article["text"] for article in articles[:12])]


def _before_lemmas(nlp, text):
    """The doc as the pipeline hands it to the lemma memo."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == "lemma_memo":
            return doc
        doc = component(doc)
    raise AssertionError("the pipeline has no lemma memo")


@pytest.mark.parametrize("twice", [False, True])  # the second time from the memo
def test_same_lemmas_as_the_lemmatizer(nlp, twice):
    memo = nlp.get_pipe("lemma_memo")
    for text in _texts():
        by_lemmatizer, by_memo = _before_lemmas(nlp, text), _before_lemmas(nlp, text)
        memo.lemmatizer(by_lemmatizer)
        if twice:
            memo(_before_lemmas(nlp, text))
        memo(by_memo)
        assert [(t.lemma, t.lemma_) for t in by_memo] == [(t.lemma, t.lemma_) for t in by_lemmatizer]


def test_a_lemma_set_before_stays(nlp):
    """As with the lemmatizer, only tokens without a lemma get one ("ai" is "be" by the
    attribute ruler's exceptions)."""
    doc = _before_lemmas(nlp, TEXTS[0])
    set_before = [t.lemma_ for t in doc]
    nlp.get_pipe("lemma_memo")(doc)
    assert all(before in ("", after) for before, after in zip(set_before, (t.lemma_ for t in doc)))
    assert "be" in set_before


def test_the_pipeline_uses_the_memo(nlp):
    assert "lemma_memo" in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    with pytest.raises(ValueError):
        LemmaMemo(type("Lookup", (), {"mode": "lookup"})())
