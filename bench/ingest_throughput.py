"""(a) End-to-end ingest throughput against bare spaCy `nlp.pipe` over the same corpus.

All in this process, after a warm-up, batches of 32 throughout: bare spaCy parses the
article bodies with the plain model; the pipeline alone runs parse + stages without
storing; the ingest reads the JSONL shards, runs every stage and writes the store (one
process). Prints articles/s, words/s and the ratios.
Run: .venv/bin/python bench/ingest_throughput.py --articles 1000
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

from ingest_corpus import generated, parse_sizes

BATCH = 32


def main() -> None:
    args = parse_sizes(__doc__, articles=1000)

    import spacy

    from eventwatch.ingest import read_paths
    from eventwatch.nlp import MODEL
    from eventwatch.pipeline import extract
    from eventwatch.records import Article
    from eventwatch.runner import InProcess, ingest
    from eventwatch.store import open_store

    with generated(args.articles) as (tmp, corpus, words):

        def articles() -> Iterator[Article]:
            return (a for a in read_paths([str(corpus)]) if isinstance(a, Article))

        bodies = [a.body for a in articles()]
        bare = spacy.load(MODEL)
        for _ in bare.pipe(bodies[:BATCH], batch_size=BATCH):  # warm-up of both models and the stages
            pass
        for _ in extract(list(articles())[:BATCH], batch_size=BATCH):
            pass

        start = time.perf_counter()
        for _ in bare.pipe(bodies, batch_size=BATCH):
            pass
        bare_seconds = time.perf_counter() - start

        start = time.perf_counter()
        for _ in extract(articles(), batch_size=BATCH):
            pass
        pipeline_seconds = time.perf_counter() - start

        con = open_store(Path(tmp) / "bench.duckdb")
        start = time.perf_counter()
        summary = ingest(articles(), con, InProcess(), batch_size=BATCH)
        ingest_seconds = time.perf_counter() - start
        con.close()

    count = len(bodies)
    print(f"corpus: {count} generated articles, {words} words ({words / count:.0f} per article)")
    for name, seconds in (
        ("bare spaCy nlp.pipe", bare_seconds),
        ("pipeline: parse + stages", pipeline_seconds),
        ("eventwatch ingest, 1 process", ingest_seconds),
    ):
        print(f"{name:30s} {count / seconds:7.1f} articles/s {words / seconds:9.0f} words/s ({seconds:.1f} s)")
    print(f"stored {summary.written.articles} articles, {summary.written.events} events")
    print(f"stages after parsing cost {pipeline_seconds / bare_seconds - 1:+.0%} of bare parsing; "
          f"reading + store + runner {ingest_seconds / pipeline_seconds - 1:+.0%} of the pipeline")
    print(f"(a) ratio ingest / bare spaCy throughput: {bare_seconds / ingest_seconds:.2f}  (target >= 0.8)")


if __name__ == "__main__":
    main()
