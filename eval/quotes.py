"""Quote stage accuracy on the annotated articles in eval/data/quotes/ (format in its README).

Prints, for the development and held-out sets separately: precision, recall and F1 of
quote spans (exact offsets, and overlap: the spans share at least half of the shorter
one), speaker accuracy (of gold quotes matched by overlap, and of all gold quotes),
kind accuracy, and recall and speaker accuracy per annotated case.
Run: .venv/bin/python eval/quotes.py [--split dev|heldout|all] [--misses]
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from eventwatch.actors import find_actors
from eventwatch.nlp import parse
from eventwatch.quotes import find_quotes
from eventwatch.records import Article, Quote

DATA = Path(__file__).parent / "data" / "quotes"
SPLITS = {"dev": "dev.yaml", "heldout": "heldout.yaml"}
DETERMINERS = re.compile(r"^(the|a|an|one|both|two|three|its|their|his|her)\s+")


@dataclass(frozen=True)
class Gold:
    article: str
    text: str
    start: int
    end: int
    kind: str
    speakers: tuple[str, ...]  # the speaker's name first, then accepted other names
    cases: tuple[str, ...]


def load(split: str) -> list[tuple[Article, list[Gold]]]:
    """Articles with their gold quotes, offsets found in the normalised body."""
    found = []
    for entry in yaml.safe_load((DATA / SPLITS[split]).read_text("utf-8")):
        article = Article(body=entry["text"], origin=entry["id"])
        golds = [_gold(entry["id"], article.body, q) for q in entry["quotes"]]
        found.append((article, golds))
    return found


def _gold(article_id: str, body: str, quote: dict) -> Gold:
    start = -1
    for _ in range(quote.get("occurrence", 1)):
        start = body.find(quote["text"], start + 1)
    if start < 0:
        raise SystemExit(f"{article_id}: quote not in text: {quote['text'][:60]!r}")
    speakers = (quote["speaker"], *quote.get("also", []))
    end = start + len(quote["text"])
    return Gold(article_id, quote["text"], start, end, quote["kind"], speakers, tuple(quote.get("cases", [])))


def normalise(name: str) -> str:
    name = name.lower().replace("\u2019", "'")
    return DETERMINERS.sub("", name).strip()


def speaker_correct(gold: Gold, quote: Quote) -> bool:
    """The predicted speaker's name or mention names the gold speaker: equal, or one
    ending with the other at a word boundary ("Petrov" / "Ivan Petrov")."""
    if quote.speaker is None:
        return False
    predicted = {normalise(quote.speaker.name), normalise(quote.speaker.mention)}
    for wanted in map(normalise, gold.speakers):
        for name in predicted:
            if name == wanted or name.endswith(" " + wanted) or wanted.endswith(" " + name):
                return True
    return False


def overlaps(gold: Gold, quote: Quote) -> bool:
    shared = min(gold.end, quote.end) - max(gold.start, quote.start)
    return shared > 0 and shared * 2 >= min(gold.end - gold.start, quote.end - quote.start)


def match(golds: list[Gold], quotes: list[Quote]) -> dict[Gold, Quote]:
    """One-to-one: each gold quote takes the unclaimed prediction overlapping it most."""
    pairs = sorted(
        (
            (min(g.end, q.end) - max(g.start, q.start), gi, qi)
            for gi, g in enumerate(golds)
            for qi, q in enumerate(quotes)
            if overlaps(g, q)
        ),
        reverse=True,
    )
    matched: dict[Gold, Quote] = {}
    taken: set[int] = set()
    for _, gi, qi in pairs:
        if golds[gi] not in matched and qi not in taken:
            matched[golds[gi]] = quotes[qi]
            taken.add(qi)
    return matched


def prf(hits: int, predicted: int, gold: int) -> str:
    p = hits / predicted if predicted else 0.0
    r = hits / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}"


def evaluate(split: str, show_misses: bool) -> None:
    data = load(split)
    docs = parse(article.body for article, _ in data)
    totals = defaultdict(int)
    per_case: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # gold, found, speaker right
    misses = []
    for (article, golds), doc in zip(data, docs):
        quotes = find_quotes(doc, find_actors(doc))
        matched = match(golds, quotes)
        exact = {(q.start, q.end) for q in quotes} & {(g.start, g.end) for g in golds}
        totals["gold"] += len(golds)
        totals["predicted"] += len(quotes)
        totals["exact"] += len(exact)
        totals["overlap"] += len(matched)
        for gold in golds:
            quote = matched.get(gold)
            right = quote is not None and speaker_correct(gold, quote)
            totals["speaker"] += right
            totals["kind"] += quote is not None and quote.kind == gold.kind
            for case in (gold.kind, *gold.cases):
                row = per_case[case]
                row[0] += 1
                row[1] += quote is not None
                row[2] += right
            if not right:
                misses.append((gold, quote))
        claimed = set(map(id, matched.values()))
        misses.extend((None, q) for q in quotes if id(q) not in claimed)
    _report(split, len(data), totals, per_case)
    if show_misses:
        _print_misses(misses)


def _report(split: str, articles: int, totals: dict[str, int], per_case: dict[str, list[int]]) -> None:
    gold, overlap = totals["gold"], totals["overlap"]
    print(f"== {split}: {articles} articles, {gold} gold quotes, {totals['predicted']} predicted")
    print(f"spans exact:    {prf(totals['exact'], totals['predicted'], gold)}")
    print(f"spans overlap:  {prf(overlap, totals['predicted'], gold)}")
    right = totals["speaker"]
    print(f"speaker accuracy (matched quotes): {right / overlap if overlap else 0:.3f} ({right}/{overlap})")
    print(f"speaker accuracy (all gold):       {right / gold:.3f} ({right}/{gold})")
    print(f"kind accuracy (matched quotes):    {totals['kind'] / overlap if overlap else 0:.3f}")
    print(f"{'case':18} {'gold':>5} {'found':>6} {'speaker':>8}")
    for case, (n, found, right) in sorted(per_case.items()):
        print(f"{case:18} {n:5d} {found / n:6.2f} {right / n:8.2f}")


def _print_misses(misses: list[tuple[Gold | None, Quote | None]]) -> None:
    print("-- misses")
    for gold, quote in misses:
        said = f"{quote.speaker.name} [{quote.speaker.mention}]" if quote and quote.speaker else None
        if gold is None:
            print(f"  extra      {quote.kind:8} {said} | {quote.text[:80]!r}")
        elif quote is None:
            print(f"  missed     {gold.article} {gold.kind:8} {gold.speakers[0]} | {gold.text[:80]!r}")
        else:
            print(f"  speaker    {gold.article} want {gold.speakers[0]!r} got {said!r} | {gold.text[:60]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("--misses", action="store_true", help="list every miss and extra quote")
    args = parser.parse_args()
    for split in SPLITS if args.split == "all" else [args.split]:
        evaluate(split, args.misses)


if __name__ == "__main__":
    main()
