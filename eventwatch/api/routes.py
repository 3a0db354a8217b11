"""The JSON API under /api: read-only over the store, plus extraction and (when enabled) ingest."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from eventwatch.analysis.alerts import find_alerts
from eventwatch.analysis.network import build_network, centrality
from eventwatch.analysis.series import PERIODS, dyad_series
from eventwatch.api import models, reads
from eventwatch.api.dyads import active_dyads, neighbours
from eventwatch.api.reads import EventSort
from eventwatch.ingest import BadArticle, check_article
from eventwatch.records import Article
from eventwatch.store import write_results
from eventwatch.store.queries import EventQuery, article_record

router = APIRouter(prefix="/api")

MAX_PAGE = 500
DEFAULT_PAGE = 50
MAX_OFFSET = 1_000_000_000  # DuckDB takes a 64-bit OFFSET; a larger one must be a 422, not a 500
_extract_lock = threading.Lock()  # one model per process; spaCy is not guaranteed thread-safe


def _cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    with request.app.state.store.cursor() as cursor:
        yield cursor


Con = Annotated[duckdb.DuckDBPyConnection, Depends(_cursor)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="matches to skip")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"matches per page, at most {MAX_PAGE}")]
Since = Annotated[dt.date | None, Query(description="from this day (YYYY-MM-DD), inclusive")]
Until = Annotated[dt.date | None, Query(description="up to this day (YYYY-MM-DD), inclusive")]
ActorKey = Annotated[str | None, Query(max_length=80, description="code prefix (RUS, RUSGOV), country or organisation")]
Words = Annotated[str | None, Query(max_length=200, description="words the text contains, any case")]


def event_filters(
    source: ActorKey = None,
    target: ActorKey = None,
    actor: Annotated[str | None, Query(max_length=80, description="actor on either side, as source")] = None,
    cameo: Annotated[str | None, Query(pattern=r"^\d{1,4}$", description="CAMEO root or code prefix: 19, 190")] = None,
    plover: Annotated[str | None, Query(pattern=r"^[A-Za-z]{1,20}$", description="PLOVER type: ASSAULT, CONSULT")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4, description="quad class 1-4")] = None,
    since: Since = None,
    until: Until = None,
    text: Annotated[str | None, Query(max_length=200, description="words in any report's evidence")] = None,
    factual: Annotated[bool, Query(description="only events neither negated nor hypothetical")] = False,
    raw: Annotated[bool, Query(description="one row per article's event, not deduplicated")] = False,
) -> EventQuery:
    """The filters of `eventwatch events`, as query parameters."""
    return EventQuery(source=source, target=target, actor=actor, cameo=cameo, plover=plover, quad_class=quad,
                      since=since, until=until, text=text, factual=factual, raw=raw)


@router.get("/stats", response_model=models.Stats, summary="What the store holds")
def stats(con: Con) -> dict[str, Any]:
    return reads.store_stats(con)


@router.get("/articles", response_model=models.Page[models.ArticleSummary], summary="Stored articles, newest first")
def articles(
    con: Con, q: Words = None, source: Annotated[str | None, Query(max_length=200, description="outlet")] = None,
    since: Since = None, until: Until = None, offset: Offset = 0, limit: Limit = DEFAULT_PAGE,
) -> dict[str, Any]:
    """Articles by words of their title or body, outlet and publication date."""
    return _page(reads.article_page(con, q, source, since, until, offset, limit), offset, limit)


@router.get("/articles/{article_id}", response_model=models.ArticleDetail, summary="One article with its records")
def article(con: Con, article_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    """The body and the quotes, events and entities found in it; offsets index `body`."""
    record = article_record(con, article_id)
    if record is None:
        raise HTTPException(404, f"no article {article_id!r} in the store")
    return {**record, "body": reads.article_body(con, article_id)}


@router.get("/events", response_model=models.Page[models.EventGroup], summary="Events, deduplicated across articles")
def events(
    con: Con, query: Annotated[EventQuery, Depends(event_filters)],
    sort: Annotated[EventSort, Query(description="order; a leading - for descending")] = EventSort.date,
    offset: Offset = 0, limit: Limit = DEFAULT_PAGE,
) -> dict[str, Any]:
    """The filters and records of `eventwatch events --format json`, a page at a time."""
    return _page(reads.event_page(con, query, sort, offset, limit), offset, limit)


@router.get("/quotes", response_model=models.Page[models.QuoteHit], summary="Quotes by words and speaker")
def quotes(
    con: Con, text: Words = None,
    speaker: Annotated[str | None, Query(max_length=80, description="code prefix, country, organisation or name")] = None,
    article: Annotated[str | None, Query(max_length=64, description="article id")] = None,
    offset: Offset = 0, limit: Limit = DEFAULT_PAGE,
) -> dict[str, Any]:
    return _page(reads.quote_page(con, text, speaker, article, offset, limit), offset, limit)


@router.get("/dyads", response_model=list[models.DyadSummary], summary="The most active dyads")
def dyads(
    con: Con, since: Since = None, until: Until = None, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 10,
) -> list[dict[str, Any]]:
    """Directed dyads of countries and organisations by factual events, busiest first."""
    return active_dyads(build_network(con, since, until), limit)


@router.get("/dyads/{source}/{target}", response_model=models.DyadSeries, summary="A dyad's time series")
def dyad(
    con: Con, source: Annotated[str, Path(max_length=80)], target: Annotated[str, Path(max_length=80)],
    by: Annotated[str, Query(pattern=f"^({'|'.join(PERIODS)})$")] = "week",
    both_ways: Annotated[bool, Query(description="count events in both directions")] = False,
    since: Since = None, until: Until = None,
) -> dict[str, Any]:
    """The series of `eventwatch dyad`: factual events per period by quad class, Goldstein, evidence."""
    return dyad_series(con, source, target, by=by, both_ways=both_ways, since=since, until=until).to_dict()


@router.get("/alerts", response_model=list[models.Alert], summary="Escalation alerts, strongest first")
def alerts(
    con: Con, since: Since = None, until: Until = None,
    actor: Annotated[str | None, Query(max_length=80, description="country or organisation on either side")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
) -> list[dict[str, Any]]:
    """The alerts of `eventwatch alerts`, each with the events that drove it."""
    found = find_alerts(con, since=since, until=until)
    if actor:
        found = [a for a in found if actor.upper() in (a.source, a.target)]
    return [a.to_dict() for a in found[:limit]]


@router.get("/actors", response_model=list[models.ActorIdentity], summary="Actors by code, country or name")
def actors(con: Con, q: Words = None, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> list[dict[str, Any]]:
    """Distinct actors (name, country, organisation, sector, code), those in most events first."""
    return reads.find_actors(con, q, limit)


@router.get("/actors/{key:path}", response_model=models.ActorDetail, summary="An actor and its network neighbours")
def actor(con: Con, key: Annotated[str, Path(max_length=80)], since: Since = None, until: Until = None) -> dict[str, Any]:
    """The identities under a country or organisation key, its centrality and neighbours."""
    key = key.upper()
    identities = reads.find_actors(con, key, MAX_PAGE, by_name=False)
    graph = build_network(con, since, until)
    if not identities and key not in graph:
        raise HTTPException(404, f"no actor {key!r} in the store")
    ranked = {c.actor: c for c in centrality(graph, top=graph.number_of_nodes())}
    found = ranked.get(key)
    return {"key": key, "identities": identities, "centrality": found.__dict__ if found else None,
            "neighbours": neighbours(graph, key)}


@router.post("/extract", response_model=models.ArticleResult, summary="Code one text, store nothing")
def extract(request: Request, body: models.ExtractRequest) -> dict[str, Any]:
    """Text in, records out (as `eventwatch extract`); the model loads on the first call."""
    limit = request.app.state.settings.max_extract_chars
    _check_size(body.text, limit)
    outcome = _analyse([_article(body, "text")])[0]
    if isinstance(outcome, str):
        raise HTTPException(422, outcome)
    return outcome.to_dict()


@router.post("/ingest", response_model=models.IngestCounts, summary="Code and store articles (off by default)")
def ingest(request: Request, body: models.IngestRequest) -> dict[str, Any]:
    """Only on a server started with `--allow-ingest`; articles already stored are skipped."""
    store, settings = request.app.state.store, request.app.state.settings
    if not store.writable:
        raise HTTPException(403, "ingest over HTTP is off; start the server with --allow-ingest to enable it")
    if len(body.articles) > settings.max_ingest_articles:
        raise HTTPException(413, f"{len(body.articles)} articles; send at most {settings.max_ingest_articles} at once")
    for item in body.articles:
        _check_size(item.text, settings.max_extract_chars)
    outcomes = _analyse([_article(item, f"article {n}") for n, item in enumerate(body.articles, start=1)])
    results = [o for o in outcomes if not isinstance(o, str)]
    with store.write_lock, store.cursor() as con:
        counts = write_results(con, results)
    return {**vars(counts), "bad": [o for o in outcomes if isinstance(o, str)]}


def _article(item: models.ExtractRequest, origin: str) -> Article:
    published = item.published.isoformat() if item.published else None
    return Article(body=item.text, title=item.title, published=published, url=getattr(item, "url", None),
                   source=getattr(item, "source", None), origin=origin)


def _analyse(articles: list[Article]) -> list[Any]:
    """ArticleResults, or for an article that is refused or failed a one-line reason.

    Articles pass the same checks as files do (eventwatch.ingest.check_article: words,
    English, sane publication date, no control characters) before the model sees them."""
    from eventwatch.pipeline import extract as run_pipeline  # loads the model on first use

    checked = [check_article(article) for article in articles]
    with _extract_lock:
        analysed = iter(list(run_pipeline(c for c in checked if isinstance(c, Article))))
    outcomes = [next(analysed) if isinstance(c, Article) else c for c in checked]
    return [f"{o.origin}: {o.reason}" if isinstance(o, BadArticle) else o for o in outcomes]


def _check_size(text: str, limit: int) -> None:
    if len(text) > limit:
        raise HTTPException(413, f"text of {len(text)} characters; this server codes at most {limit} per article")


def _page(paged: reads.Paged, offset: int, limit: int) -> dict[str, Any]:
    return {"total": paged.total, "offset": offset, "limit": limit, "items": paged.items}
