"""Added time of the when/where stage per ~800-word article, against the rest of `extract`.

Measured in the same run: the rest of extract (spaCy parse + actors, quotes, events), the
when/where stage alone on the same parse (its first run, when no place name of the
article has been looked up yet, and the median of later runs), their ratio, and the
one-time gazetteer load against the one-time model load.
If dateparser is installed it is timed too, parsing the same date expressions with the
publication date as RELATIVE_BASE, to show what it would add.

Run: .venv/bin/python bench/when_where_speed.py [PATH] [--repeat N]
"""

from __future__ import annotations

import importlib.util
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from timing import article_parser, timed  # noqa: E402  (bench/ is on the path)

PUBLISHED = "2024-05-14"


def main() -> None:
    args = article_parser(__doc__.splitlines()[0]).parse_args()

    from eventwatch.actors import find_actors
    from eventwatch.events import find_events
    from eventwatch.nlp import load_nlp
    from eventwatch.quotes import find_quotes
    from eventwatch.records import Article
    from eventwatch.when_where import date_and_place, find_dates, load_gazetteer
    from eventwatch.when_where.places import load_place_words

    start = time.perf_counter()
    nlp = load_nlp()
    model_seconds = time.perf_counter() - start
    start = time.perf_counter()
    load_gazetteer()
    gazetteer_seconds = time.perf_counter() - start

    article = Article(body=args.path.read_text("utf-8"), published=PUBLISHED)
    doc = nlp(article.body)
    actors = find_actors(doc)
    events = find_events(doc, actors, find_quotes(doc, actors))

    def rest_of_extract() -> None:
        parsed = nlp(article.body)
        layer = find_actors(parsed)
        find_events(parsed, layer, find_quotes(parsed, layer))

    find_dates("")  # compiles the date patterns and reads the word lists: once per process
    load_place_words()
    start = time.perf_counter()
    date_and_place(doc, events, article, actors)
    first = time.perf_counter() - start
    rest = timed(rest_of_extract, args.repeat)
    stage = timed(lambda: date_and_place(doc, events, article, actors), args.repeat)
    located = date_and_place(doc, events, article, actors)

    print(f"article: {args.path.name}, {len(article.body.split())} words, {len(events)} events")
    print(f"model load / gazetteer load (once per process): {model_seconds * 1000:.0f} ms / "
          f"{gazetteer_seconds * 1000:.0f} ms ({gazetteer_seconds / model_seconds:.2f}x)")
    print(f"rest of extract (parse + stages):      {rest * 1000:.1f} ms (median of {args.repeat})")
    print(f"when/where stage, first run (cold):    {first * 1000:.2f} ms ({first / rest:.2%} of the rest)")
    print(f"when/where stage:                      {stage * 1000:.2f} ms")
    print(f"added time, when/where / rest:         {stage / rest:.2%}")
    dated = sum(e.date != PUBLISHED or e.date_precision != "day" for e in located)
    print(f"found: {dated} events dated from the text, {sum(e.location is not None for e in located)} located")

    if importlib.util.find_spec("dateparser") is None:
        print("dateparser: not installed, not measured")
        return
    import dateparser

    expressions = [m.text for m in find_dates(article.body)]
    settings = {"RELATIVE_BASE": datetime.fromisoformat(PUBLISHED), "PREFER_DATES_FROM": "past"}
    dateparser.parse("Tuesday", settings=settings)  # its first call loads language data
    parse_all = timed(lambda: [dateparser.parse(text, settings=settings) for text in expressions], args.repeat)
    ours = timed(lambda: find_dates(article.body), args.repeat)
    print(f"dateparser on the {len(expressions)} expressions alone:  {parse_all * 1000:.1f} ms "
          f"({parse_all / rest:.2%} of the rest; our finder over the whole text: {ours * 1000:.2f} ms)")


if __name__ == "__main__":
    main()
