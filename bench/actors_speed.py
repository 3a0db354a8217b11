"""Cost of actor resolution within `extract` on one ~800-word article.

Times, in the same run: bare spaCy parsing, the actor stage (`find_actors`, on the
article's date), and the whole of `extract` (parse + every stage), and prints the
actor stage as a share of the rest of extract and of the bare parse (medians). Also
the one-off cost of loading the knowledge base.

Run: .venv/bin/python bench/actors_speed.py [PATH] [--repeat N] [--date YYYY-MM-DD]
"""

from __future__ import annotations

import time

from timing import article_parser, timed  # this folder is on the path when the script runs


def main() -> None:
    parser = article_parser(__doc__, repeat=20)
    parser.add_argument("--date", default="2024-05-14", help="the article's publication date")
    args = parser.parse_args()

    from eventwatch.actors import find_actors
    from eventwatch.actors.kb import load_kb, user_paths
    from eventwatch.nlp import load_nlp
    from eventwatch.pipeline import analyse
    from eventwatch.records import Article

    start = time.perf_counter()
    kb = load_kb(user_paths())
    load_seconds = time.perf_counter() - start
    nlp = load_nlp()

    article = Article(body=args.path.read_text("utf-8"), published=args.date)
    doc = nlp(article.body)
    parse = timed(lambda: nlp(article.body), args.repeat)
    actors = timed(lambda: find_actors(doc, kb, on=article.published), args.repeat)
    stages = timed(lambda: analyse(article, doc), args.repeat)
    layer = find_actors(doc, kb, on=article.published)
    rest = parse + stages - actors

    print(f"article: {args.path.name}, {len(article.body.split())} words, published {article.published}")
    print(f"knowledge base load (once per process): {load_seconds * 1000:.0f} ms")
    print(f"bare spaCy parse:               {parse * 1000:7.1f} ms (median of {args.repeat})")
    print(f"actor stage (find_actors):      {actors * 1000:7.1f} ms")
    print(f"extract (parse + all stages):   {(parse + stages) * 1000:7.1f} ms")
    print(f"actors / rest of extract:       {actors / rest:7.1%}")
    print(f"actors / bare parse:            {actors / parse:7.1%}")
    print(f"found: {len(layer.spans)} actor spans, {len(layer.people)} people, {len(layer.entities)} entities")


if __name__ == "__main__":
    main()
