"""Accuracy of the when/where stage on eval/data/when_where/*.yaml (written for EventWatch): dev and four held-out sets.

Each annotated event names its trigger (`verb`) and a unique `anchor` phrase of the article;
it is matched to the coded event with that trigger whose evidence covers the anchor. Events
the event stage does not code are counted as unmatched and left out of the accuracies.

Printed: date accuracy (date and precision both right: "exact at the stated precision"),
place-country accuracy over events with a gold place, and place precision/recall/F1 (a
predicted place is right when its country is the gold country; a place predicted for an
event with no gold place is wrong). --misses lists every error.

Run: .venv/bin/python eval/when_where.py [--misses]
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from eventwatch.pipeline import extract
from eventwatch.records import Article, ArticleResult, Event

GOLD_DIR = Path(__file__).parent / "data" / "when_where"
# Each set with its title; the misses of the first three held-out sets have been read
# (eval/data/when_where/README.md), so only the newest shows whether a change generalises.
GOLD_FILES = {
    GOLD_DIR / "dev.yaml": "dev",
    GOLD_DIR / "heldout.yaml": "heldout (first held-out set; misses read)",
    GOLD_DIR / "heldout2.yaml": "heldout2 (second held-out set; misses read)",
    GOLD_DIR / "heldout3.yaml": "heldout3 (third held-out set; misses read)",
    GOLD_DIR / "heldout4.yaml": "heldout4 (fourth held-out set)",
}


@dataclass
class Gold:
    article: str
    verb: str
    anchor: str
    start: int
    end: int
    date: str | None
    precision: str | None
    place: str | None
    country: str | None

    @property
    def located(self) -> bool:
        return self.place is not None


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def read_gold(path: Path) -> tuple[list[Article], dict[str, list[Gold]]]:
    raw = yaml.safe_load(path.read_text("utf-8"))
    articles, gold = [], {}
    for entry in raw["articles"]:
        article = Article(body=entry["text"], published=_iso(entry["published"]), origin=entry["id"])
        articles.append(article)
        gold[entry["id"]] = []
        for item in entry["events"]:
            start = article.body.find(item["anchor"])
            if start < 0 or article.body.find(item["anchor"], start + 1) >= 0:
                raise ValueError(f"{entry['id']}: anchor {item['anchor']!r} must occur exactly once")
            gold[entry["id"]].append(
                Gold(
                    entry["id"], item["verb"], item["anchor"], start, start + len(item["anchor"]),
                    _iso(item["date"]), item["precision"], item.get("place"), item.get("country"),
                )
            )
    return articles, gold


def match(item: Gold, events: list[Event]) -> Event | None:
    """The coded event with the gold trigger whose evidence covers (else overlaps) the anchor."""
    same_verb = [e for e in events if e.verb.lower() == item.verb.lower()]
    covering = [e for e in same_verb if e.evidence.start <= item.start and item.end <= e.evidence.end]
    overlapping = [e for e in same_verb if e.evidence.start < item.end and item.start < e.evidence.end]
    found = covering or overlapping
    return found[0] if found else None


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass
class Scores:
    annotated: int = 0
    located_annotated: int = 0
    matched: int = 0
    date_right: int = 0
    place_right: int = 0
    place_gold: int = 0
    place_predicted: int = 0

    def add(self, other: Scores) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def report(self, title: str) -> None:
        precision, recall = ratio(self.place_right, self.place_predicted), ratio(self.place_right, self.place_gold)
        f1 = ratio(2 * precision * recall, precision + recall)
        print(f"{title}: {self.annotated} dated and {self.located_annotated} located events annotated; "
              f"{self.matched} matched to a coded event ({self.annotated - self.matched} not coded by the event stage)")
        date_accuracy = ratio(self.date_right, self.matched)
        print(f"  date accuracy (exact at stated precision): {self.date_right}/{self.matched} = {date_accuracy:.1%}")
        print(f"  place-country accuracy (gold place):       {self.place_right}/{self.place_gold} = {recall:.1%}")
        print(f"  place precision / recall / F1:             {precision:.1%} / {recall:.1%} / {f1:.1%} "
              f"({self.place_predicted} places predicted)")


def score(path: Path, misses: list[str]) -> Scores:
    articles, gold = read_gold(path)
    results = {r.article.origin: r for r in extract(articles) if isinstance(r, ArticleResult)}
    scores = Scores()
    for article_id, items in gold.items():
        for item in items:
            scores.annotated += 1
            scores.located_annotated += item.located
            event = match(item, results[article_id].events)
            if event is None:
                misses.append(f"not coded {article_id}: {item.verb} / {item.anchor!r}")
                continue
            scores.matched += 1
            if (event.date, event.date_precision) == (item.date, item.precision):
                scores.date_right += 1
            else:
                got, wanted = f"{event.date} {event.date_precision}", f"{item.date} {item.precision}"
                misses.append(f"date  {article_id}: {item.anchor!r}: {got}, gold {wanted}")
            found = event.location
            scores.place_gold += item.located
            scores.place_predicted += found is not None
            if item.located and found is not None and found.country == item.country:
                scores.place_right += 1
            elif item.located or found is not None:
                got = f"{found.name} ({found.country})" if found else "none"
                wanted = f"{item.place} ({item.country})" if item.located else "none"
                misses.append(f"place {article_id}: {item.anchor!r}: {got}, gold {wanted}")
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every error and every event not coded")
    args = parser.parse_args()

    total = Scores()
    for path, title in GOLD_FILES.items():
        misses: list[str] = []
        scores = score(path, misses)
        scores.report(title)
        total.add(scores)
        if args.misses:
            print("\n".join("    " + line for line in misses))
    total.report("all sets")


if __name__ == "__main__":
    main()
