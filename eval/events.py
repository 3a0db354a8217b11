"""Accuracy of the event stage: who did what to whom, on three gold sets.

(a) PETR2_GSR_validation.xml: PETRARCH-2 validation sentences coded in CAMEO with Phoenix actors;
(b) PLOVER_GSR_CAMEO.txt: CAMEO-manual example sentences coded in PLOVER 0.5 (older type names
    mapped: DEMAND->REQUEST, DISAPPROVE->ACCUSE, FIGHT->ASSAULT, INVESTIGATE->ACCUSE);
(c) eval/data/events/*.yaml: news-style articles written for EventWatch (see its README), read
    while the coder was improved, so a development set;
(c) dev 2: eval/data/events_dev2/*.yaml, 30 articles written and annotated blind (without running
    the coder), scored once blind, then read while the coder was improved: a development set too;
(c) dev 3: eval/data/events_dev3/*.yaml, the second blind set (30 articles), scored blind at the
    end of session 18, read since: a development set;
(c) held-out: eval/data/events_heldout/*.yaml, the third blind set of 30 articles, scored the same
    way and printed after (c) dev 3; `--set c` runs all four.

A gold or coded event is the tuple (source, target, type), compared per sentence (per article in
(c)). Actors are compared at the *state level*: the first three letters of a Phoenix/CAMEO code
(the country, or IGO/NGO/IMG for organisations; "---" for none or unknown), so "USAGOV" and
"USA" agree and "IGOUNO" and "IGOWSTNAT" both read "IGO". A missing target is "---". The type
is the CAMEO root in (a) and (c), the PLOVER type in (b). Printed: precision/recall/F1 per type
and overall, the share of sentences where some coded event has a gold type, source and target
("hit share"), the five worst types, and for (c) the same at full actor code and modality
accuracy. The sets measure; no rule may be written for one of their sentences.

Each reference set is also scored in two halves fixed by a hash of the unit id: "dev", the only
half whose misses may be read while improving the coder (`--misses` prints only those), and
"held-out", read by nobody, which shows whether an improvement generalises. `--misses` prints the
misses of (c), (c) dev 2 and (c) dev 3 but never those of (c) held-out; only `--all-misses` (for
the final review) does.

Run: .venv/bin/python eval/events.py [--set a|b|c] [--misses] [--all-misses]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import permutations, product
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "reference"
PETR2_FILE = REFERENCE / "UniversalPetrarch" / "PETR2_GSR_validation.xml"
PLOVER_FILE = REFERENCE / "PLOVER" / "PLOVER_GSR_CAMEO.txt"
OWN_DIR = Path(__file__).resolve().parent / "data" / "events"
DEV2_DIR = Path(__file__).resolve().parent / "data" / "events_dev2"
DEV3_DIR = Path(__file__).resolve().parent / "data" / "events_dev3"
HELDOUT_DIR = Path(__file__).resolve().parent / "data" / "events_heldout"
DEV2 = "c dev 2"  # run with (c); the first blind set, read since it was scored
DEV3 = "c dev 3"  # run with (c); the second blind set, read since it was scored
HELDOUT = "c held-out"  # run with (c) after DEV3; its misses are shown only by --all-misses
FOLLOWERS = {DEV2: "(c) dev 2", DEV3: "(c) dev 3", HELDOUT: "(c) held-out"}  # the sets run after (c), by label

# PLOVER 0.5 type names of the GSR -> the 16 types EventWatch codes.
PLOVER_RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
# Country codes of the gold files that are not ISO 3166 alpha-3.
LEGACY_COUNTRY = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
# Phoenix actor-type prefixes that stand where a country would.
NON_STATE_PREFIXES = ("IGO", "NGO", "IMG", "MNC")
NONE = "---"
# Every state and territory EventWatch knows, by ISO 3166-1 alpha-3.
STATE_CODES = frozenset(c["code"] for c in yaml.safe_load(
    (ROOT / "eventwatch" / "data" / "actors" / "countries.yaml").read_text("utf-8"))["countries"])
# Published figure of the nearest peer (../shared/reference/petrarch2/README.md).
PEER_NOTE = (
    "peers (measured on the same sentences with this scorer; see eval/data/events/README.md):\n"
    "  (a) UniversalPetrarch, its own hand-corrected UD parses: hit share 0.91 of 65 (this is its own\n"
    "      validation set, gold derived from PETRARCH-2 output); UniversalPetrarch on spaCy parses\n"
    "      converted to UD: 0.72; PETRARCH-2 on the 46 units whose CoreNLP parses it ships: 0.88\n"
    "  (b) UniversalPetrarch on spaCy parses converted to UD: 0.19; PETRARCH-2 cannot run (needs\n"
    "      constituency parses; no constituency parser is installable offline here)"
)

Tuple3 = tuple[str, str, str]


@dataclass(frozen=True)
class GoldUnit:
    """A sentence (or article) and its gold events."""

    id: str
    text: str
    events: frozenset[Tuple3]
    published: str | None = None  # the date actors' roles are read at
    full: frozenset[Tuple3] = frozenset()  # full actor codes with CAMEO code, own set only
    modality: tuple[tuple[Tuple3, frozenset[str]], ...] = ()


def state_key(code: str | None) -> str:
    """The state-level part of a Phoenix or EventWatch actor code: the country or the kind of
    organisation, and "---" for a code that names neither ("REB" for unplaced rebels)."""
    if not code or code.startswith(NONE):
        return NONE
    head = code[:3].upper()
    head = LEGACY_COUNTRY.get(head, head)
    return head if head in STATE_CODES or head in NON_STATE_PREFIXES else NONE


def actor_key(actor) -> str:
    if actor is None:
        return NONE
    return actor.country or state_key(actor.code)


# --- (a) PETRARCH-2 validation records ---------------------------------------------------


def petr2_units(path: Path = PETR2_FILE) -> list[GoldUnit]:
    """Sentences of the PETR-2 GSR file; its header lines are not XML, so it is read by pattern.
    Most <Sentence> tags close themselves, eight do not: both forms open a unit."""
    text = path.read_text("utf-8")
    parts = re.split(r"<Sentence ([^>]*?)/?>", text)
    units = []
    for attributes, body in zip(parts[1::2], parts[2::2]):
        sentence = re.search(r"<Text>(.*?)</Text>", body, re.S)
        words = " ".join(sentence.group(1).split()) if sentence else ""
        if not words:
            continue
        unit_id = re.search(r'id="([^"]*)"', attributes).group(1)
        day = re.search(r'date="(\d{4})(\d\d)(\d\d)"', attributes)
        events = set()
        for coding in re.findall(r"<EventCoding ([^>]*)/>", body):
            fields = dict(re.findall(r'(\w+)="([^"]*)"', coding))
            if "eventcode" in fields:
                events.add((state_key(fields["sourcecode"]), state_key(fields["targetcode"]), fields["eventcode"][:2]))
        units.append(GoldUnit(unit_id, words, frozenset(events), "-".join(day.groups()) if day else None))
    return units


# --- (b) PLOVER gold-standard records ------------------------------------------------------


def plover_units(path: Path = PLOVER_FILE) -> list[GoldUnit]:
    """Coded sentences of the PLOVER GSR; (SRC/TAR: ...) actors act on each other both ways."""
    units = []
    for record in json.loads(path.read_text("utf-8")):
        if record.get("event") == "DOCUMENT":
            continue
        kind = PLOVER_RENAMED.get(record["event"], record["event"])
        sources = _gsr_codes(record.get("source"))
        targets = _gsr_codes(record.get("target"))
        if "SRC/TAR:" in json.dumps(record.get("textInfo")) and len(sources) > 1 and not targets:
            pairs = set(permutations(sources, 2))
        else:
            pairs = set(product(sources, targets or [NONE]))
        events = {(s, t, kind) for s, t in pairs}
        text = " ".join(record["text"].split())
        units.append(GoldUnit(record["id"], text, frozenset(events), record.get("date")))
    return units


def _gsr_codes(actors: object) -> list[str]:
    if not isinstance(actors, list):
        return []
    return list(dict.fromkeys(state_key(a.get("code")) for a in actors if a.get("code")))


# --- (c) EventWatch's own annotated articles ------------------------------------------------


def own_units(folder: Path = OWN_DIR) -> list[GoldUnit]:
    units = []
    for path in sorted(folder.glob("*.yaml")):
        article = yaml.safe_load(path.read_text("utf-8"))
        events, full, modality = set(), set(), []
        for event in article.get("events") or []:
            target = event.get("target") or NONE
            events.add((state_key(event["source"]), state_key(target), event["cameo"][:2]))
            exact = (event["source"], target, event["cameo"])
            full.add(exact)
            modality.append((exact, frozenset(event.get("modality") or ())))
        units.append(
            GoldUnit(path.stem, article["text"], frozenset(events), str(article["published"]), frozenset(full), tuple(modality))
        )
    return units


# --- coding and scoring ------------------------------------------------------------------


def code_units(units: list[GoldUnit]) -> list[list]:
    """EventWatch's events for each unit, the model loaded once and texts parsed in batches."""
    from eventwatch.nlp import parse
    from eventwatch.pipeline import analyse
    from eventwatch.records import Article

    articles = [Article(body=unit.text, published=unit.published) for unit in units]
    coded, failed = [], []
    for unit, article, doc in zip(units, articles, parse(a.body for a in articles)):
        try:
            coded.append(analyse(article, doc).events)
        except Exception as error:  # a stage failing on one unit scores it as coding nothing
            coded.append([])
            failed.append(f"{unit.id}: {error!r}")
    if failed:
        print(f"!! {len(failed)} unit(s) could not be analysed, scored as no events; first: {failed[0]}")
    return coded


def by_root(event) -> Tuple3:
    return (actor_key(event.source), actor_key(event.target), event.cameo_root)


def by_plover(event) -> Tuple3:
    return (actor_key(event.source), actor_key(event.target), event.plover)


def by_code(event) -> Tuple3:
    target = event.target.code if event.target else NONE
    return (event.source.code, target, event.cameo)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, coded: set, gold: set) -> None:
        self.tp += len(coded & gold)
        self.fp += len(coded - gold)
        self.fn += len(gold - coded)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, label: str) -> str:
        return (
            f"{label:<10} P {self.precision:.2f}  R {self.recall:.2f}  F1 {self.f1:.2f}"
            f"   (tp {self.tp}, fp {self.fp}, fn {self.fn})"
        )


def score(
    units: list[GoldUnit], coded: list[list], key: Callable, gold_of: Callable[[GoldUnit], frozenset]
) -> tuple[Score, dict[str, Score], float]:
    """Overall and per-type scores, and the hit share over units with gold events."""
    overall, per_type = Score(), {}
    hits = with_gold = 0
    for unit, events in zip(units, coded):
        found, gold = {key(e) for e in events}, set(gold_of(unit))
        overall.add(found, gold)
        for kind in {t for *_, t in found | gold}:
            per_type.setdefault(kind, Score()).add(
                {e for e in found if e[2] == kind}, {e for e in gold if e[2] == kind}
            )
        if gold:
            with_gold += 1
            hits += bool(found & gold)
    return overall, per_type, hits / with_gold if with_gold else 0.0


def half_of(unit: GoldUnit) -> str:
    """ "dev" or "held-out", fixed by the unit's id so that every run splits alike."""
    return "dev" if hashlib.sha256(unit.id.encode()).digest()[0] % 2 == 0 else "held-out"


def report_halves(units: list[GoldUnit], coded: list[list], key: Callable) -> None:
    for half in ("dev", "held-out"):
        chosen = [(u, c) for u, c in zip(units, coded) if half_of(u) == half]
        _, _, share = score([u for u, _ in chosen], [c for _, c in chosen], key, lambda u: u.events)
        print(f"hit share on the {half} half: {share:.2f} of {sum(1 for u, _ in chosen if u.events)}")


def report(title: str, units: list[GoldUnit], coded: list[list], key: Callable, gold_of=lambda u: u.events) -> float:
    overall, per_type, share = score(units, coded, key, gold_of)
    with_gold = sum(1 for u in units if gold_of(u))
    print(f"\n== {title}: {len(units)} units, {with_gold} with gold events ==")
    for kind in sorted(per_type):
        print(per_type[kind].line(kind))
    print(overall.line("overall"))
    print(f"hit share (some event with gold type, source and target): {share:.2f} of {with_gold}")
    worst = sorted((s for s in per_type.items() if s[1].tp + s[1].fn), key=lambda s: (s[1].f1, -s[1].fn))[:5]
    print("five worst:", ", ".join(f"{kind} F1 {s.f1:.2f} (fn {s.fn})" for kind, s in worst))
    return share


def modality_accuracy(units: list[GoldUnit], coded: list[list]) -> tuple[int, int]:
    """Of gold events found at full code, how many carry exactly the gold modality flags."""
    right = total = 0
    for unit, events in zip(units, coded):
        flags_of = {}
        for event in events:
            flags = {name for name, value in event.modality.to_dict().items() if value}
            flags_of.setdefault(by_code(event), []).append(flags)
        for exact, gold_flags in unit.modality:
            if exact in flags_of:
                total += 1
                right += any(flags == gold_flags for flags in flags_of[exact])
    return right, total


def print_misses(units: list[GoldUnit], coded: list[list], key: Callable, gold_of=lambda u: u.events) -> None:
    for unit, events in zip(units, coded):
        found, gold = {key(e) for e in events}, set(gold_of(unit))
        if gold - found or found - gold:
            print(f"\n[{unit.id}] {unit.text[:300]}")
            print("   gold  :", sorted(gold))
            print("   coded :", sorted(found))
            for event in events:
                print(f"      {event.source.code}/{event.cameo}/{event.target.code if event.target else '-'} "
                      f"{event.verb!r} {event.modality.to_dict()} | {event.evidence.text[:100]}")


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=["a", "b", "c"], action="append", help="which gold set(s); default all")
    parser.add_argument("--misses", action="store_true",
                        help="print the dev-half units where coded and gold differ (never those of (c) held-out)")
    parser.add_argument("--all-misses", action="store_true", help="print them for both halves (for the final review only)")
    args = parser.parse_args(list(argv) if argv is not None else None)
    chosen = args.set or ["a", "b", "c"]
    sets = {
        "a": ("(a) PETR-2 GSR validation, by CAMEO root", petr2_units, by_root),
        "b": ("(b) PLOVER GSR (CAMEO manual examples), by PLOVER type", plover_units, by_plover),
        "c": ("(c) EventWatch news articles, by CAMEO root", own_units, by_root),
        DEV2: ("(c) dev 2: the first blind set, read since, by CAMEO root", lambda: own_units(DEV2_DIR), by_root),
        DEV3: ("(c) dev 3: the second blind set, read since, by CAMEO root", lambda: own_units(DEV3_DIR), by_root),
        HELDOUT: ("(c) held-out: the third blind set of news articles, by CAMEO root",
                  lambda: own_units(HELDOUT_DIR), by_root),
    }
    for name in [run for name in chosen for run in ((name, *FOLLOWERS) if name == "c" else (name,))]:
        title, load, key = sets[name]
        units = load()
        coded = code_units(units)
        report(title, units, coded, key)
        if name in ("a", "b"):
            report_halves(units, coded, key)
        else:
            label = FOLLOWERS.get(name, "(c)")
            report(f"{label} at full actor code and full CAMEO code", units, coded, by_code, lambda u: u.full)
            right, total = modality_accuracy(units, coded)
            print(f"modality exactly right on {right}/{total} gold events found at full code")
        if args.misses or args.all_misses:
            shown = [(u, c) for u, c in zip(units, coded)
                     if args.all_misses or name in ("c", DEV2, DEV3) or (name in ("a", "b") and half_of(u) == "dev")]
            print_misses([u for u, _ in shown], [c for _, c in shown], key)
    print()
    print(PEER_NOTE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
