"""Response and request models: the records of ../shared/spec/records.md, as the OpenAPI
schema at /docs shows them, plus the store's and the analysis' own shapes.

Every record model allows extra fields, as the spec does: what a stage adds to a record
(`verb`, `suspected`, ...) reaches the client unchanged.
"""

from __future__ import annotations

import datetime as dt
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, computed_field

Item = TypeVar("Item")


class Record(BaseModel):
    model_config = ConfigDict(extra="allow")


class Actor(Record):
    name: str
    mention: str | None
    country: str | None
    org: str | None
    sector: str | None
    code: str


class Evidence(Record):
    text: str
    start: int
    end: int
    quote_id: str | None


class Modality(Record):
    negated: bool
    hypothetical: bool
    future: bool


class Location(Record):
    name: str
    country: str | None
    lat: float | None
    lon: float | None


class Event(Record):
    id: str
    source: Actor
    target: Actor | None
    cameo: str
    cameo_root: str
    plover: str
    quad_class: int = Field(ge=1, le=4)
    goldstein: float
    date: str | None
    date_precision: Literal["day", "week", "month", "year"] | None
    location: Location | None
    modality: Modality
    evidence: Evidence


class Quote(Record):
    id: str
    text: str
    kind: Literal["direct", "partial", "indirect"]
    start: int
    end: int
    speaker: Actor | None
    cue: str | None


class Mention(Record):
    text: str
    start: int
    end: int
    label: str
    actor: Actor | None


class Article(Record):
    id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    language: str
    chars: int


class ArticleResult(Record):
    """What `eventwatch extract` prints for one article."""

    article: Article
    quotes: list[Quote]
    events: list[Event]
    entities: list[Mention]


class ArticleDetail(ArticleResult):
    """A stored article with its body: every offset of its records points into `body`."""

    body: str


class ArticleSummary(Article):
    events: int = Field(description="events coded in this article (raw, before deduplication)")
    quotes: int


class Report(Evidence):
    """One article's evidence for a deduplicated event."""

    article_id: str
    event_id: str


class EventGroup(Event):
    """An event deduplicated across articles: the first report's fields, every report's evidence."""

    evidence: Report
    last_date: str | None
    reports: int
    sources: int
    mentions: int
    in_lead: bool
    url: str | None
    all_evidence: list[Report]


class QuoteHit(Quote):
    article: Article


class Page(BaseModel, Generic[Item]):
    """One page of a longer result: `total` matches in all, `items` from `offset` on."""

    total: int
    offset: int
    limit: int
    items: list[Item]


class Period(BaseModel):
    start: str
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    goldstein_total: float
    goldstein_mean: float | None
    conflict_share: float | None
    reports: int
    intensity: float
    top_evidence: list[str]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def conflict_events(self) -> int:
        return self.verbal_conflict + self.material_conflict

    @computed_field  # type: ignore[prop-decorator]
    @property
    def cooperation_events(self) -> int:
        return self.verbal_cooperation + self.material_cooperation


class DyadSeries(BaseModel):
    source: str
    target: str
    by: Literal["day", "week", "month"]
    both_ways: bool
    periods: list[Period]


class AlertDriver(BaseModel):
    id: str
    date: str | None
    source_code: str
    target_code: str | None
    cameo: str
    plover: str
    goldstein: float
    reports: int
    evidence: str


class Alert(BaseModel):
    source: str
    target: str
    period: str = Field(description="ISO date of the first day of the alerting week")
    z: float
    intensity: float
    baseline_median: float
    conflict_events: int
    drivers: list[AlertDriver]


class LayerCounts(BaseModel):
    """Events of one direction of a dyad, cooperation (quad 1-2) and conflict (quad 3-4) apart."""

    cooperation_events: int = 0
    conflict_events: int = 0
    cooperation_goldstein: float = 0.0
    conflict_goldstein: float = 0.0


class DyadSummary(LayerCounts):
    source: str
    target: str
    events: int


class Neighbour(BaseModel):
    actor: str
    outgoing: LayerCounts = Field(description="events this actor directed at the neighbour")
    incoming: LayerCounts = Field(description="events the neighbour directed at this actor")


class Centrality(BaseModel):
    actor: str
    strength: int
    betweenness: float
    cooperation_degree: int
    conflict_degree: int


class ActorIdentity(BaseModel):
    """One distinct actor (name, country, org, sector, code) and how many events it took part in."""

    name: str
    country: str | None
    org: str | None
    sector: str | None
    code: str
    events: int


class ActorDetail(BaseModel):
    key: str = Field(description="the country or organisation the network knows the actor by")
    identities: list[ActorIdentity]
    centrality: Centrality | None
    neighbours: list[Neighbour]


class Stats(BaseModel):
    articles: int
    events: int = Field(description="raw events, one per article that reported them")
    quotes: int
    actors: int
    first_date: str | None
    last_date: str | None


class ExtractRequest(BaseModel):
    text: str = Field(min_length=1, description="the article body")
    title: str | None = None
    published: dt.date | None = Field(None, description="publication date, to resolve relative dates")


class IngestArticle(ExtractRequest):
    url: str | None = None
    source: str | None = None


class IngestRequest(BaseModel):
    articles: list[IngestArticle] = Field(min_length=1)


class IngestCounts(BaseModel):
    articles: int
    events: int
    quotes: int
    mentions: int
    skipped: int = Field(description="already in the store")
    bad: list[str] = Field(description="articles that could not be analysed, with the reason")
