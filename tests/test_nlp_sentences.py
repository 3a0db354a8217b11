"""The per-doc sentence table gives what spaCy's `Token.sent` does, much faster."""

from __future__ import annotations

from eventwatch.nlp import sentence_numbers, sentence_of

TEXT = (
    "Talks resume in Geneva\n\nGENEVA - Envoys met on Monday. \"We listened,\" one said. "
    "They will meet again.\nU.S. officials said little."
)


def test_sentence_of_is_the_tokens_sentence(nlp):
    doc = nlp(TEXT)
    assert [sentence_of(t) for t in doc] == [t.sent for t in doc]
    assert [(sentence_of(t).start, sentence_of(t).end) for t in doc] == [(t.sent.start, t.sent.end) for t in doc]
    sentences = list(doc.sents)
    assert [sentences[n] for n in sentence_numbers(doc)] == [t.sent for t in doc]
    assert len(sentences) > 3
