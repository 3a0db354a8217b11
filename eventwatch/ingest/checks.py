"""The last gate of ingest: an Article is made safe to analyse, or told why it cannot be.

Every reader's articles pass here, so the rules hold whatever the input format: no
control characters, some words, a size the parser copes with, a publication date that
can be true, English. (Runs of text without a space are broken up in every Article's
body, on every path: eventwatch.records.normalise_body.)
"""

from __future__ import annotations

from dataclasses import replace

from eventwatch.ingest.dates import date_out_of_range
from eventwatch.ingest.decode import positive_int_env, strip_controls
from eventwatch.ingest.errors import BadArticle
from eventwatch.language import ENGLISH, detect_language
from eventwatch.records import Article

# The parser needs about 3 MB of memory per 1,000 characters; the longest features run
# to some 120,000 characters.
MAX_ARTICLE_CHARS = 200_000
MAX_ARTICLE_CHARS_ENV = "EVENTWATCH_MAX_ARTICLE_CHARS"

_TEXT_FIELDS = ("body", "title", "source", "url")


def max_article_chars() -> int:
    """The longest body analysed: EVENTWATCH_MAX_ARTICLE_CHARS, else MAX_ARTICLE_CHARS."""
    return positive_int_env(MAX_ARTICLE_CHARS_ENV, MAX_ARTICLE_CHARS)


def check_article(article: Article) -> Article | BadArticle:
    """The article ready for analysis, or a BadArticle saying why it is skipped."""
    article = _without_controls(article)
    problem = _problem(article)
    if problem:
        return BadArticle(article.origin or article.id[:12], problem)
    return article


def _problem(article: Article) -> str | None:
    if not any(ch.isalpha() for ch in article.body):
        return "no words in the text (only digits, symbols or invisible characters)"
    limit = max_article_chars()
    if article.chars > limit:
        return f"too long ({article.chars} characters > {limit}; {MAX_ARTICLE_CHARS_ENV} sets the limit)"
    if article.published:
        out_of_range = date_out_of_range(article.published)
        if out_of_range:
            return out_of_range
    language = detect_language(article.body)
    if language != ENGLISH:
        return f"not English (detected {language})"
    return None


def _without_controls(article: Article) -> Article:
    """The same article with control characters removed from its text fields (they would
    reach terminals, and a JSON line or an HTML character reference can carry them)."""
    changed: dict[str, str | None] = {}
    for name in _TEXT_FIELDS:
        value = getattr(article, name)
        if value and (clean := strip_controls(value)) != value:
            changed[name] = clean if name == "body" else clean.strip() or None
    return replace(article, **changed) if changed else article

