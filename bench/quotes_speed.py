"""The quote stage's share of `extract` time on one ~800-word article.

Times, on the same text and in the same run: bare spaCy parsing (the baseline), the
actor stage, the quote stage, and the whole extract (parse + every stage); prints
each as milliseconds and as a share of the whole extract.
Run: .venv/bin/python bench/quotes_speed.py [PATH] [--repeat N]
"""

from __future__ import annotations


from eventwatch.actors import find_actors
from eventwatch.nlp import load_nlp
from eventwatch.pipeline import analyse
from eventwatch.quotes import find_quotes
from eventwatch.records import Article
from timing import article_parser, timed  # bench/ is the script folder, first on sys.path

def main() -> None:
    args = article_parser(__doc__).parse_args()

    nlp = load_nlp()
    article = Article(body=args.path.read_text("utf-8"), published="2024-05-14")
    doc = nlp(article.body)

    def quotes_alone() -> None:
        # a fresh actor layer each time, so no per-doc cache is reused across runs
        find_quotes(doc, find_actors(doc))

    parse = timed(lambda: nlp(article.body), args.repeat)
    actors = timed(lambda: find_actors(doc), args.repeat)
    actors_and_quotes = timed(quotes_alone, args.repeat)
    extract = timed(lambda: analyse(article, nlp(article.body)), args.repeat)
    quotes = actors_and_quotes - actors

    found = len(find_quotes(doc, find_actors(doc)))
    print(f"article: {args.path.name}, {len(article.body.split())} words, {found} quotes")
    print(f"baseline spaCy parse:  {parse * 1000:7.1f} ms")
    print(f"actor stage:           {actors * 1000:7.1f} ms")
    print(f"quote stage:           {quotes * 1000:7.1f} ms")
    print(f"full extract:          {extract * 1000:7.1f} ms (median of {args.repeat})")
    print(f"quote stage / extract: {quotes / extract:7.1%}")
    print(f"quote stage / parse:   {quotes / parse:7.2f}x")


if __name__ == "__main__":
    main()
