"""Synthetic event corpora with a planted escalation, for tests, evaluation and benchmarks.

A scenario is a year-like run of weeks over several dyads: quiet cooperative
background everywhere, planted noise (isolated conflict events, single events
reported many times, one dyad whose conflict is high but steady), and one dyad
that moves from consultations to threats to military posture from an onset
week on. The alert detector must fire on the planted dyad in the onset week or
the one after, and nowhere else.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

from eventwatch.records import Actor, Article, ArticleResult, Event, Evidence, Modality

# (CAMEO code, root, quad class, Goldstein) by kind of behaviour.
COOPERATION = [("040", "04", 1, 1.0), ("051", "05", 1, 3.4), ("036", "03", 1, 4.0), ("057", "05", 1, 8.0), ("061", "06", 2, 6.4)]
VERBAL_CONFLICT = [("112", "11", 3, -2.0), ("111", "11", 3, -2.0), ("130", "13", 3, -4.4), ("138", "13", 3, -7.0)]
MATERIAL_CONFLICT = [("154", "15", 4, -7.2), ("152", "15", 4, -7.2), ("190", "19", 4, -10.0), ("195", "19", 4, -10.0)]
COUNTRIES = ["ARM", "AZE", "GEO", "IRN", "TUR", "RUS", "UKR", "BLR", "POL", "LTU", "KAZ", "CHN", "IND", "PAK", "EGY", "ETH"]


@dataclass(frozen=True)
class SyntheticEvent:
    id: str
    source: str
    target: str
    date: str
    cameo: str
    cameo_root: str
    quad_class: int
    goldstein: float
    reports: int = 1


@dataclass(frozen=True)
class Scenario:
    seed: int
    start: dt.date
    weeks: int
    planted: tuple[str, str]
    onset_week: int
    onset: dt.date
    events: list[SyntheticEvent]


def generate(seed: int, weeks: int = 40, noise_dyads: int = 6, start: dt.date = dt.date(2023, 1, 2)) -> Scenario:
    """One scenario; the same seed always gives the same corpus."""
    rng = random.Random(seed)
    countries = rng.sample(COUNTRIES, 2 + 2 * (noise_dyads + 1))
    planted = (countries[0], countries[1])
    others = [(countries[i], countries[i + 1]) for i in range(2, len(countries), 2)]
    onset_week = rng.randint(weeks // 3, weeks - 8)
    builder = _Builder(rng, start)
    for week in range(weeks):
        builder.background(planted, week, rate=rng.uniform(1, 4))
        if week >= onset_week:
            builder.escalation(planted, week, week - onset_week)
        for n, dyad in enumerate(others):
            if n == 0:
                builder.steady_conflict(dyad, week)
            else:
                builder.background(dyad, week, rate=rng.uniform(0.5, 5))
                builder.noise(dyad, week)
    onset = start + dt.timedelta(weeks=onset_week)
    return Scenario(seed, start, weeks, planted, onset_week, onset, builder.events)


class _Builder:
    def __init__(self, rng: random.Random, start: dt.date):
        self.rng = rng
        self.start = start
        self.events: list[SyntheticEvent] = []

    def add(self, dyad: tuple[str, str], week: int, kinds: list[tuple], reports: int = 1) -> None:
        code, root, quad, goldstein = self.rng.choice(kinds)
        source, target = dyad if self.rng.random() < 0.7 else dyad[::-1]
        day = self.start + dt.timedelta(weeks=week, days=self.rng.randint(0, 6))
        self.events.append(
            SyntheticEvent(f"s{len(self.events)}", source, target, day.isoformat(), code, root, quad, goldstein, reports)
        )

    def poisson(self, rate: float) -> int:
        count, threshold, product = 0, pow(2.718281828, -rate), self.rng.random()
        while product > threshold:
            count += 1
            product *= self.rng.random()
        return count

    def background(self, dyad, week: int, rate: float) -> None:
        for _ in range(self.poisson(rate)):
            self.add(dyad, week, COOPERATION, reports=self.rng.randint(1, 3))
        if self.rng.random() < 0.15:
            self.add(dyad, week, VERBAL_CONFLICT[:2])

    def noise(self, dyad, week: int) -> None:
        """Isolated conflict events, sometimes echoed by many reports."""
        if self.rng.random() < 0.08:
            self.add(dyad, week, VERBAL_CONFLICT, reports=self.rng.randint(1, 3))
        if self.rng.random() < 0.04:
            self.add(dyad, week, MATERIAL_CONFLICT, reports=1)

    def steady_conflict(self, dyad, week: int) -> None:
        """A dyad at war all along: much conflict, no change."""
        for _ in range(self.poisson(5)):
            self.add(dyad, week, MATERIAL_CONFLICT + VERBAL_CONFLICT, reports=self.rng.randint(1, 2))

    def escalation(self, dyad, week: int, since_onset: int) -> None:
        """Threats first, then military posture and clashes."""
        stage = min(since_onset, 3)  # ramps up for a month, then holds
        threats = 3 + self.rng.randint(0, 2) + stage
        for _ in range(threats):
            self.add(dyad, week, VERBAL_CONFLICT[2:] if since_onset else VERBAL_CONFLICT, reports=self.rng.randint(1, 3))
        if since_onset >= 1:
            for _ in range(2 + stage):
                self.add(dyad, week, MATERIAL_CONFLICT, reports=self.rng.randint(1, 3))


def to_results(events: list[SyntheticEvent]) -> Iterator[ArticleResult]:
    """One article per report of each event, so that the store's cross-article
    deduplication merges them back into one event with its report count."""
    for event in events:
        for report in range(1, event.reports + 1):
            body = f"{event.source} acted toward {event.target} on {event.date} (CAMEO {event.cameo}); report {report} of {event.id}."
            article = Article(body=body, title=f"Synthetic {event.id}/{report}", source=f"wire{report}", published=event.date)
            yield ArticleResult(article=article, events=[_event(event, body)])


def _event(event: SyntheticEvent, body: str) -> Event:
    return Event(
        id="e1",
        source=_actor(event.source),
        target=_actor(event.target),
        cameo=event.cameo,
        cameo_root=event.cameo_root,
        plover=PLOVER_OF_ROOT[event.cameo_root],
        quad_class=event.quad_class,
        goldstein=event.goldstein,
        modality=Modality(),
        evidence=Evidence(text=body, start=0, end=len(body)),
        date=event.date,
        date_precision="day",
        verb=event.cameo,
    )


def _actor(country: str) -> Actor:
    return Actor(name=country, mention=country, country=country, code=country)


PLOVER_OF_ROOT = {"03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "11": "ACCUSE", "13": "THREATEN", "15": "MOBILIZE", "19": "ASSAULT"}
