"""Accuracy of actor resolution on an annotated set of news-style articles.

Each annotated mention names the country (ISO alpha-3) or organisation it stands for,
on the article's publication date; people the knowledge base does not know and whose
own phrase names no country are annotated `kind: unknown` and must stay country-less.
The set has a development part (used while tuning) and a held-out part (never tuned
on); see eval/data/actors/README.md.

Prints, per set and per kind of mention: precision and recall of the resolved
country/organisation, F1, and the share of CAMEO codes right where one is annotated;
then the headline figure (states, capitals, leaders, ministers and organisations
resolved to the right country or organisation) and the false-country rate on
unknown people.

A third set, `home`, holds datelined articles whose agents ("police", "parliament") name
no state of their own, to measure the home-state rule; it is reported on its own.

Run: .venv/bin/python eval/actors.py [--set dev|heldout|home|all] [--errors]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from eventwatch.actors import find_actors
from eventwatch.nlp import load_nlp
from eventwatch.records import Actor, Article

DATA = Path(__file__).parent / "data" / "actors"
SETS = ("dev", "heldout")
HOME_SET = "home"  # datelined articles with agents that name no state: the home-state rule
AGENT = "agent"
HEADLINE_KINDS = ("state", "capital", "leader", "minister", "igo")
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Gold:
    article: str
    text: str
    kind: str
    country: str | None
    org: str | None
    code: str | None


@dataclass(frozen=True)
class Outcome:
    gold: Gold
    actor: Actor | None

    @property
    def resolved(self) -> bool:
        return self.actor is not None and bool(self.actor.country or self.actor.org)

    @property
    def correct(self) -> bool:
        if self.actor is None:
            return False
        if self.gold.org:
            return self.actor.org == self.gold.org
        return self.actor.country == self.gold.country

    @property
    def code_correct(self) -> bool:
        return not self.gold.code or (self.actor is not None and self.actor.code.startswith(self.gold.code))


def locate(body: str, text: str, nth: int) -> tuple[int, int]:
    """Character offsets of the nth (1-based) whole-word occurrence of `text` in `body`."""
    found = list(re.finditer(rf"(?<!\w){re.escape(text)}(?!\w)", body))
    if len(found) < nth:
        raise ValueError(f"{text!r} occurs fewer than {nth} times")
    return found[nth - 1].span()


def evaluate(path: Path) -> list[Outcome]:
    """Every annotated mention of a set file with the actor the resolver gives it."""
    nlp = load_nlp()
    outcomes = []
    for item in yaml.safe_load(path.read_text(encoding="utf-8")):
        article = Article(body=item["text"], published=str(item["published"]))
        doc = nlp(article.body)
        layer = find_actors(doc, on=article.published)
        for mention in item["mentions"]:
            try:
                start, end = locate(article.body, mention["text"], mention.get("n", 1))
            except ValueError as error:
                sys.exit(f"{path.name}: {item['id']}: {error}")
            span = doc.char_span(start, end, alignment_mode="expand")
            gold = Gold(
                item["id"], mention["text"], mention["kind"], mention.get("country"), mention.get("org"), mention.get("code")
            )
            outcomes.append(Outcome(gold, layer.actor_for(span.root)))
    return outcomes


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def report(name: str, outcomes: list[Outcome], show_errors: bool) -> None:
    by_kind: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_kind[outcome.gold.kind].append(outcome)
    print(f"\n== {name}: {len(outcomes)} mentions in {len({o.gold.article for o in outcomes})} articles")
    print(f"{'kind':10} {'n':>4} {'precision':>9} {'recall':>7} {'F1':>6} {'codes':>11}")
    for kind in sorted(by_kind):
        if kind not in (UNKNOWN, AGENT):  # both may rightly stay without a state: own lines below
            print_row(kind, by_kind[kind])
    known = [o for o in outcomes if o.gold.kind not in (UNKNOWN, AGENT)]
    print_row("all", known)
    headline = [o for o in outcomes if o.gold.kind in HEADLINE_KINDS]
    right = sum(o.correct for o in headline)
    print(f"states, capitals, leaders, ministers, IGOs right: {right}/{len(headline)} = {ratio(right, len(headline)):.1%}")
    unknown = by_kind.get(UNKNOWN, [])
    false = sum(o.resolved for o in unknown)
    print(f"unknown people given a country: {false}/{len(unknown)} = {ratio(false, len(unknown)):.1%}")
    agents = by_kind.get(AGENT, [])
    if agents:
        placed = [o for o in agents if o.actor is not None and o.actor.country]
        print(
            f"agents without a state of their own: right {sum(o.correct for o in agents)}/{len(agents)}; "
            f"given a state {len(placed)}, of them right {sum(o.correct for o in placed)}"
        )
    if show_errors:
        for outcome in outcomes:
            if outcome.code_correct and (outcome.correct if outcome.gold.kind != UNKNOWN else not outcome.resolved):
                continue
            gold, actor = outcome.gold, outcome.actor
            want = gold.code or gold.org or gold.country
            got = actor and (actor.code or "-") + f" ({actor.name})"
            print(f"  {gold.article} {gold.kind:8} {gold.text!r}: want {want}, got {got}")


def print_row(kind: str, outcomes: list[Outcome]) -> None:
    resolved = sum(o.resolved for o in outcomes)
    correct = sum(o.correct for o in outcomes)
    precision, recall = ratio(correct, resolved), ratio(correct, len(outcomes))
    f1 = ratio(2 * precision * recall, precision + recall)
    coded = [o for o in outcomes if o.gold.code]
    codes = f"{sum(o.code_correct for o in coded)}/{len(coded)}" if coded else "-"
    print(f"{kind:10} {len(outcomes):>4} {precision:>9.1%} {recall:>7.1%} {f1:>6.1%} {codes:>11}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=[*SETS, HOME_SET, "all"], default="all")
    parser.add_argument("--errors", action="store_true", help="list every mention resolved wrongly")
    args = parser.parse_args()
    chosen = SETS if args.set == "all" else (args.set,)
    everything = []
    for name in chosen:
        outcomes = evaluate(DATA / f"{name}.yaml")
        everything += outcomes
        report(name, outcomes, args.errors)
    if len(chosen) > 1:
        report("all", everything, False)
        report(HOME_SET, evaluate(DATA / f"{HOME_SET}.yaml"), args.errors)


if __name__ == "__main__":
    main()
