"""(a) End-to-end ingest throughput against bare spaCy `nlp.pipe` over the same corpus.

All in this process, after a warm-up, batches of 32 throughout: bare spaCy parses the
article bodies with the plain model; the pipeline alone runs parse + stages without
storing; the ingest reads the JSONL shards, runs every stage and writes a fresh store
(one process). With --repeat N the three run N times in turns and each keeps its
fastest run. Prints articles/s, words/s and the ratios.
Run: .venv/bin/python bench/ingest_throughput.py --articles 1000 --repeat 2
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from ingest_corpus import generated, parse_sizes

BATCH = 32


def main() -> None:
    args = parse_sizes(__doc__, articles=1000, repeat=1)

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

        def run_bare() -> None:
            for _ in bare.pipe(bodies, batch_size=BATCH):
                pass

        def run_pipeline() -> None:
            for _ in extract(articles(), batch_size=BATCH):
                pass

        def run_ingest() -> None:
            db = tmp / "bench.duckdb"
            db.unlink(missing_ok=True)
            con = open_store(db)
            summary = ingest(articles(), con, InProcess(), batch_size=BATCH)
            con.close()
            assert summary.written.articles == len(bodies)

        best: dict[str, float] = {}
        for _ in range(args.repeat):
            for name, run in (("bare", run_bare), ("pipeline", run_pipeline), ("ingest", run_ingest)):
                start = time.perf_counter()
                run()
                best[name] = min(best.get(name, float("inf")), time.perf_counter() - start)
        bare_seconds, pipeline_seconds, ingest_seconds = best["bare"], best["pipeline"], best["ingest"]

    count = len(bodies)
    print(f"corpus: {count} generated articles, {words} words ({words / count:.0f} per article)")
    for name, seconds in (
        ("bare spaCy nlp.pipe", bare_seconds),
        ("pipeline: parse + stages", pipeline_seconds),
        ("eventwatch ingest, 1 process", ingest_seconds),
    ):
        print(f"{name:30s} {count / seconds:7.1f} articles/s {words / seconds:9.0f} words/s ({seconds:.1f} s)")
    # The pipeline parses with the model's attribute ruler replaced by eventwatch.attribute_map
    # (same annotations, about 6 ms less per article), so this is parse + stages against bare.
    print(f"pipeline (its parse + stages) {pipeline_seconds / bare_seconds - 1:+.0%} against bare parsing; "
          f"reading + store + runner {ingest_seconds / pipeline_seconds - 1:+.0%} of the pipeline")
    print(f"(a) ratio ingest / bare spaCy throughput: {bare_seconds / ingest_seconds:.2f}  (target >= 0.8)")


if __name__ == "__main__":
    main()
