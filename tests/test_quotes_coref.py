"""Pronoun antecedents: the mentions a pronoun looks back at are worked out lazily."""

from __future__ import annotations

from eventwatch.actors import find_actors
from eventwatch.coref import _mention, _Mentions, load_people_words

TEXT = (
    "Ukrainian Foreign Minister Dmytro Kuleba met his Polish counterpart in Warsaw on Monday. "
    "He said Kyiv wanted more air defence. The ministry in Moscow said it would respond, and "
    "officials in Berlin said they were worried. Ms Anna Lenz, a spokeswoman, said she had no comment."
)


def test_lazy_mentions_equal_those_worked_out_up_front_in_text_order(nlp):
    """Asked nearest first from the end (the order furthest from text order), each mention is
    the one worked out for every head in text order on a fresh actor layer."""
    doc = nlp(TEXT)
    lazy = _Mentions(find_actors(doc))
    fresh_actors = find_actors(doc)
    words = load_people_words()
    eager = [m for i in lazy.heads if (m := _mention(doc[i], fresh_actors, words)) is not None]
    assert eager  # the text has mentions to compare
    assert list(lazy.before(len(doc))) == eager[::-1]
    assert [lazy.at(m.head.i) for m in eager] == eager
