"""Speed of `extract` on one ~800-word article, against bare spaCy parsing of the same text.

Prints model load time, the baseline (the stock model's nlp(text) alone), EventWatch's own
parse, the full pipeline, its ratio to the baseline, and the time of each stage after parsing
on the same parsed doc.
Run: .venv/bin/python bench/extract_speed.py [PATH] [--repeat N]
"""

from __future__ import annotations

import time
from timing import article_parser, paired_ratio, timed  # bench/ is the script folder, first on sys.path

def main() -> None:
    args = article_parser(__doc__).parse_args()

    start = time.perf_counter()
    from eventwatch.nlp import load_nlp
    from eventwatch.pipeline import analyse
    from eventwatch.records import Article

    nlp = load_nlp()
    load_seconds = time.perf_counter() - start
    start = time.perf_counter()
    from eventwatch.events.lexicon import load_lexicon

    load_lexicon()
    lexicon_seconds = time.perf_counter() - start

    article = Article(body=args.path.read_text("utf-8"), published="2024-05-14")
    words = len(article.body.split())
    import spacy

    from eventwatch.nlp import MODEL

    bare = spacy.load(MODEL)  # the stock model: what "bare spaCy parsing" means
    parse_only = timed(lambda: bare(article.body), args.repeat)
    own_parse = timed(lambda: nlp(article.body), args.repeat)
    full = timed(lambda: analyse(article, nlp(article.body)), args.repeat)
    paired = paired_ratio(lambda: bare(article.body), lambda: analyse(article, nlp(article.body)), args.repeat)
    result = analyse(article, nlp(article.body))
    stage_times = _stage_times(nlp(article.body), args.repeat)

    print(f"article: {args.path.name}, {words} words, {article.chars} chars")
    print(f"model load (import + spacy.load): {load_seconds:.2f} s")
    print(f"lexicon load (verbs, nouns):      {lexicon_seconds:.2f} s")
    print(f"baseline bare spaCy parse:       {parse_only * 1000:.1f} ms (median of {args.repeat})")
    print(f"eventwatch's parse:              {own_parse * 1000:.1f} ms (attribute map, datelines)")
    print(f"full extract (parse + stages):   {full * 1000:.1f} ms")
    print(f"stages after parsing:            {(full - own_parse) * 1000:.1f} ms")
    print(f"ratio full / bare parse:         {full / parse_only:.2f}x (of the medians above)")
    print(f"ratio in back-to-back pairs:     {paired:.2f}x (median of {args.repeat} pairs; the figure to quote)")
    print("stages on the parsed doc:        " + ", ".join(f"{name} {ms:.1f} ms" for name, ms in stage_times))
    print(f"found: {len(result.quotes)} quotes, {len(result.events)} events, {len(result.entities)} entities")


def _stage_times(doc, repeat: int) -> list[tuple[str, float]]:
    """Median milliseconds of the actor, quote and event stages, each on the others' output."""
    from eventwatch.actors import find_actors
    from eventwatch.events import find_events
    from eventwatch.quotes import find_quotes

    actors = find_actors(doc)
    quotes = find_quotes(doc, actors)
    return [
        ("actors", timed(lambda: find_actors(doc), repeat) * 1000),
        ("quotes", timed(lambda: find_quotes(doc, actors), repeat) * 1000),
        ("events", timed(lambda: find_events(doc, actors, quotes), repeat) * 1000),
    ]


if __name__ == "__main__":
    main()
