"""The unit of work shipped to a worker: a batch of articles in, their results out.

Module-level functions, so that local processes and Dask workers import them by name;
each worker process loads the model once (eventwatch.nlp.load_nlp is cached).
"""

from __future__ import annotations

from eventwatch.ingest import BadArticle
from eventwatch.records import Article, ArticleResult

Outcome = ArticleResult | BadArticle


def analyse_batch(articles: list[Article]) -> list[Outcome]:
    """One result per article, in order. If the parser fails on the batch as a whole,
    each article is retried alone so that only the culprit becomes a BadArticle."""
    from eventwatch.pipeline import extract

    try:
        return list(extract(articles, batch_size=len(articles) or 1))
    except Exception:  # a parse failure sinks the whole nlp.pipe batch
        return [_analyse_alone(article) for article in articles]


def _analyse_alone(article: Article) -> Outcome:
    from eventwatch.pipeline import extract

    try:
        return next(extract([article]))
    except Exception as error:
        return BadArticle(origin=article.origin or article.id[:12], reason=f"could not be parsed ({error!r})")


def warm_up() -> None:
    """Load the model now, so that workers load it side by side before the first batch."""
    from eventwatch.nlp import load_nlp

    load_nlp()
