"""The pipeline: Article -> ArticleResult, stage by stage, data flowing one way.

ingest -> nlp -> actors -> quotes -> events -> when/where -> ArticleResult
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from eventwatch.actors import find_actors
from eventwatch.events import find_events
from eventwatch.ingest import BadArticle
from eventwatch.nlp import parse
from eventwatch.quotes import find_quotes
from eventwatch.records import Article, ArticleResult
from eventwatch.when_where import date_and_place


def analyse(article: Article, doc: Doc) -> ArticleResult:
    """Run every stage after parsing on one article."""
    actors = find_actors(doc, on=article.published)
    quotes = find_quotes(doc, actors)
    events = find_events(doc, actors, quotes)
    events = date_and_place(doc, events, article, actors)
    return ArticleResult(article=article, quotes=quotes, events=events, entities=actors.entities)


def extract(articles: Iterable[Article], batch_size: int = 16) -> Iterator[ArticleResult | BadArticle]:
    """Results in input order; the model parses in batches. An article that fails
    analysis comes back as a BadArticle naming it, and the others go on."""
    pending: list[Article] = []
    for article in articles:
        pending.append(article)
        if len(pending) >= batch_size:
            yield from _extract_batch(pending, batch_size)
            pending = []
    yield from _extract_batch(pending, batch_size)


def _extract_batch(articles: list[Article], batch_size: int) -> Iterator[ArticleResult | BadArticle]:
    docs = parse((a.body for a in articles), batch_size=batch_size)
    for article, doc in zip(articles, docs):
        try:
            yield analyse(article, doc)
        except Exception as error:  # one article must not sink the batch
            yield BadArticle(origin=article.origin or article.id[:12], reason=f"could not be analysed ({error!r})")


def extract_text(text: str, published: str | None = None) -> ArticleResult:
    """One article from a string: the library entry point."""
    article = Article(body=text, published=published)
    return analyse(article, next(parse([article.body])))
