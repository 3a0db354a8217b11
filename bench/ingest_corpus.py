"""A generated news-like corpus for the ingest benchmarks: JSONL shards of articles.

Articles are assembled from templates written for EventWatch (no copied news): a
headline, a lead that states a core event, quotes with reporting verbs, background
and reaction paragraphs. A story is reported by several outlets a day apart, as on a
real wire, so cross-article deduplication has work to do. Deterministic for a seed.

Run: .venv/bin/python bench/ingest_corpus.py OUT_DIR --articles 2000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SHARD = 500  # articles per JSONL file: a folder of shards, read one file at a time

# (country, capital, adjective, leader title, leader name): names are invented.
STATES = [
    ("Russia", "Moscow", "Russian", "President", "Arkady Volkov"),
    ("Ukraine", "Kyiv", "Ukrainian", "President", "Oksana Melnyk"),
    ("the United States", "Washington", "U.S.", "Secretary of State", "Daniel Whitcombe"),
    ("China", "Beijing", "Chinese", "Foreign Minister", "Liang Wei"),
    ("France", "Paris", "French", "President", "Claire Dumont"),
    ("Germany", "Berlin", "German", "Chancellor", "Matthias Brandt"),
    ("Turkey", "Ankara", "Turkish", "Foreign Minister", "Kemal Arslan"),
    ("Iran", "Tehran", "Iranian", "Foreign Minister", "Reza Karimi"),
    ("Japan", "Tokyo", "Japanese", "Prime Minister", "Hiroshi Tanabe"),
    ("South Korea", "Seoul", "South Korean", "President", "Park Ji-hoon"),
    ("India", "New Delhi", "Indian", "Prime Minister", "Arjun Mehta"),
    ("Pakistan", "Islamabad", "Pakistani", "Prime Minister", "Imran Qureshi"),
    ("Mali", "Bamako", "Malian", "Prime Minister", "Moussa Traore"),
    ("Ethiopia", "Addis Ababa", "Ethiopian", "Prime Minister", "Dawit Bekele"),
    ("Brazil", "Brasilia", "Brazilian", "President", "Lucia Moreira"),
    ("Poland", "Warsaw", "Polish", "Defence Minister", "Tomasz Nowak"),
]
ORGS = ["NATO", "the European Union", "the United Nations", "the African Union", "the OSCE"]
OUTLETS = ["Example Wire", "The Ledger", "Morning Dispatch", "Global Courier", "The Sentinel"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Core events: {a}/{b} are actors, {A}/{B} their adjectives, {city} a capital.
EVENTS = [
    ("{a} accuses {b} of border violations", "{a} accused {b} of violating the border near {city} on {day}, the foreign ministry said."),
    ("Talks between {a} and {b} open in {city}", "Diplomats from {a} and {b} held talks in {city} on {day} on trade and security."),
    ("{a} condemns missile test by {b}", "{a} condemned the missile test carried out by {b} on {day}, calling it reckless."),
    ("{a} urges {b} to return to negotiations", "{a} urged {b} on {day} to return to negotiations over the disputed pipeline."),
    ("{a} threatens {b} with sanctions", "{a} threatened {b} with new sanctions on {day} if it did not release the detained sailors."),
    ("{a} and {b} sign grain deal", "{a} signed an agreement with {b} on {day} to keep grain shipments moving through the strait."),
    ("{a} sends aid convoy to {b}", "{a} sent a convoy of food and medicine to {b} on {day}, officials said."),
    ("{a} imposes sanctions on {b}", "{a} imposed sanctions on {b} on {day} over its support for armed groups in the region."),
    ("{A} forces shell positions near {city}", "{A} forces shelled positions held by {b} near {city} on {day}, killing four soldiers."),
    ("{a} rejects {b} peace proposal", "{a} rejected a peace proposal put forward by {b} on {day}, saying it ignored the facts on the ground."),
    ("{a} praises {b} for mediation", "{a} praised {b} on {day} for its mediation in the long-running dispute over fishing rights."),
    ("{a} expels {B} diplomats", "{a} expelled three {B} diplomats on {day}, accusing them of spying."),
]
QUOTES = [
    '"We will not accept threats against our people," {title} {name} told reporters in {city}.',
    '"The door to dialogue remains open, but patience is not endless," {name} said.',
    '"This is a dangerous step that puts the whole region at risk," the {title} said in a statement.',
    '"Our partners know exactly where we stand," {name} told a news conference.',
    '{title} {name} said that the government would respond in a measured way.',
    '{name} told parliament that the country would defend its interests by every legal means.',
]
BACKGROUND = [
    "Relations between the two countries have been strained for months over a series of disputes about trade, energy and borders.",
    "The announcement came after a week of intense diplomacy in several capitals, according to officials familiar with the discussions.",
    "Analysts said the move was likely to raise tensions further ahead of a regional summit planned for next month.",
    "Markets reacted calmly, with the national currency little changed in afternoon trading.",
    "Aid agencies have warned that thousands of families in the border districts depend on supplies that cross the frontier every day.",
    "The government has faced growing pressure at home, where opposition parties accuse it of weakness in foreign policy.",
    "Shipping companies said they were watching the situation closely and had not yet changed their routes.",
    "A spokesman for the ministry declined to give further details, citing the sensitivity of the talks.",
    "Previous rounds of negotiations broke down last year without an agreement on the main issues.",
    "Local residents described long queues at fuel stations and shops as news of the dispute spread.",
    "Officials on both sides have said in recent weeks that they want to avoid a wider confrontation.",
    "The defence ministry said its forces remained on high alert along the frontier.",
    "Several airlines suspended flights to the region until further notice.",
    "Diplomats said a joint statement was being drafted but that disagreements remained over its wording.",
    "Human rights groups called for an independent investigation into the reported casualties.",
    "Lawmakers are expected to debate the issue in an emergency session later this week.",
]
REACTIONS = [
    "{org} called on both sides to show restraint and to resolve their differences through dialogue.",
    "{org} said it was following the developments with concern.",
    "{a} said it would raise the matter at the next meeting of {org}.",
    "Officials in {city} said they had summoned the ambassador of {b} to explain the incident.",
]


class Corpus:
    """Articles as dicts {title, published, source, url, text}, story by story."""

    def __init__(self, seed: int = 8) -> None:
        self.random = random.Random(seed)
        self.start = dt.date(2022, 1, 3)

    def articles(self, count: int):
        made = 0
        story = 0
        while made < count:
            story += 1
            reports = min(self.random.randint(1, 4), count - made)
            yield from self._story(story, reports)
            made += reports

    def _story(self, number: int, reports: int):
        first, second = self.random.sample(STATES, 2)
        headline, lead = self.random.choice(EVENTS)
        day = self.start + dt.timedelta(days=number // 6)
        values = {
            "a": first[0], "b": second[0], "A": first[2], "B": second[2], "city": self.random.choice([first[1], second[1]]),
        }
        for report in range(reports):
            published = day + dt.timedelta(days=report // 2)  # later reports a day after
            outlet = OUTLETS[(number + report) % len(OUTLETS)]
            text = self._text(headline, lead, values, first, second, published)
            yield {
                "title": _capitalise(headline.format(**values)),
                "published": published.isoformat(),
                "source": outlet,
                "url": f"https://{outlet.lower().replace(' ', '')}.example/{published:%Y/%m/%d}/story-{number}",
                "text": text,
            }

    def _text(self, headline: str, lead: str, values: dict, first: tuple, second: tuple, published: dt.date) -> str:
        pick = self.random
        weekday = WEEKDAYS[published.weekday()]
        paragraphs = [_capitalise(headline.format(**values)), _capitalise(lead.format(day=weekday, **values))]
        background = pick.sample(BACKGROUND, 10)  # each sentence at most once per article
        speakers = [first, second]
        pick.shuffle(speakers)
        body = [
            pick.choice(QUOTES).format(title=speaker[3], name=speaker[4], city=speaker[1]) + " " + background.pop()
            for speaker in speakers
        ]
        body.append(" ".join([background.pop(), background.pop()]))
        body.append(_capitalise(pick.choice(REACTIONS).format(org=pick.choice(ORGS), **values)))
        second_event = pick.choice(EVENTS)[1]
        other = {**values, "a": values["b"], "b": values["a"], "A": values["B"], "B": values["A"]}
        body.append(_capitalise(second_event.format(day="the previous day", **other)) + " " + background.pop())
        body.append(" ".join(background))
        pick.shuffle(body)
        return "\n\n".join(paragraphs + body)


def _capitalise(text: str) -> str:
    return text[0].upper() + text[1:]


def write_corpus(folder: Path, count: int, seed: int = 8) -> tuple[int, int]:
    """Write `count` articles as JSONL shards into `folder`; returns (articles, words)."""
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    shard = None
    for index, article in enumerate(Corpus(seed).articles(count)):
        if index % SHARD == 0:
            if shard:
                shard.close()
            shard = open(folder / f"part-{index // SHARD:05d}.jsonl", "w", encoding="utf-8")
        shard.write(json.dumps(article, ensure_ascii=False) + "\n")
        words += len(article["text"].split())
    if shard:
        shard.close()
    return count, words


def parse_sizes(doc: str, **sizes: int) -> argparse.Namespace:
    """A bench script's command line: one --NAME COUNT option per size."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    for name, default in sizes.items():
        parser.add_argument(f"--{name}", type=int, default=default)
    return parser.parse_args()


@contextmanager
def generated(count: int) -> Iterator[tuple[Path, Path, int]]:
    """A temporary folder holding a generated corpus of `count` articles:
    (the folder, the corpus in it, its word count)."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / f"corpus-{count}"
        _, words = write_corpus(corpus, count)
        yield Path(tmp), corpus, words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    count, words = write_corpus(args.folder, args.articles, args.seed)
    print(f"{count} articles, {words} words ({words / count:.0f} per article) in {args.folder}")


if __name__ == "__main__":
    main()


def run_ingest(folder: Path, db: Path, *options: str) -> tuple[float, int, str]:
    """`eventwatch ingest` in a child process: (wall seconds, its peak RSS in MiB, its summary line)."""
    import os
    import subprocess
    import sys
    import time

    command = [str(Path(sys.executable).with_name("eventwatch")), "ingest", "--db", str(db), *options, str(folder)]
    start = time.perf_counter()
    child = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    summary = child.stderr.read().strip().splitlines() if child.stderr else []
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"ingest failed: {' '.join(command)}\n" + "\n".join(summary))
    return seconds, usage.ru_maxrss // 1024, summary[-1] if summary else ""
