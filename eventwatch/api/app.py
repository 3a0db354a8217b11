"""The FastAPI application: the JSON API, the dashboard and the OpenAPI docs, from one store.

Safe by default: the store is opened read-only unless ingest is enabled, no CORS
headers are sent unless origins are named, only loopback host names are answered
(a page elsewhere cannot reach the server by rebinding a domain name to 127.0.0.1),
each client's rate is limited, request bodies are capped and checked (guards.py), a
malformed request gets a 4xx whose detail is one line, and an unexpected error is
logged here and answered with one line, never a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi_offline import FastAPIOffline
from starlette.middleware.trustedhost import TrustedHostMiddleware

from eventwatch import __version__
from eventwatch.api import pages, routes
from eventwatch.api.guards import BodyGuard, RateLimit
from eventwatch.api.store import Store

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")  # as the Host header names them (IPv6 in brackets)
RATE_LIMIT = 600
RATE_BURST = 120
log = logging.getLogger("eventwatch.api")


@dataclass(frozen=True)
class Settings:
    db: str
    allow_ingest: bool = False  # POST /api/ingest, and the store opened for writing
    cors_origins: tuple[str, ...] = ()  # origins whose pages may call the API; none by default
    allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS  # Host header values answered ("*" for any)
    max_extract_chars: int = 100_000  # per article, for /api/extract and /api/ingest
    max_ingest_articles: int = 100  # per /api/ingest request
    max_body_bytes: int = 8 * 1024 * 1024
    rate_limit: int = RATE_LIMIT  # requests to /api per client and minute; 0 for none
    rate_burst: int = RATE_BURST  # requests a client may send at once before the rate applies


def create_app(settings: Settings) -> FastAPI:
    """The app over the store at `settings.db`; raises StoreError if it cannot be opened."""
    store = Store(settings.db, writable=settings.allow_ingest)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPIOffline(
        title="EventWatch",
        version=__version__,
        description="Who did what to whom, when and where, and who said so: the records of a corpus store.",
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.settings = settings
    app.include_router(routes.router)
    pages.mount(app)
    app.add_exception_handler(Exception, _internal_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_middleware(BodyGuard, max_bytes=settings.max_body_bytes)
    if settings.rate_limit:
        app.add_middleware(RateLimit, per_minute=settings.rate_limit, burst=settings.rate_burst)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Content-Type"])
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts))
    return app


async def _internal_error(request: Request, error: Exception) -> JSONResponse:
    log.error("%s %s failed", request.method, request.url.path, exc_info=error)
    return JSONResponse({"detail": "internal error; the server log has the details"}, status_code=500)


async def _invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
    """422 naming each bad parameter or field in one line; the input is not echoed."""
    return JSONResponse({"detail": validation_reason(error.errors())}, status_code=422)


def validation_reason(errors: Sequence[Any], most: int = 3) -> str:
    """ "query limit: Input should be less than or equal to 500; body text: Field required" """
    reasons = [f"{' '.join(_location(e.get('loc', ())))}: {' '.join(str(e.get('msg', 'invalid')).split())}"
               for e in errors[:most]]
    more = f" (and {len(errors) - most} more)" if len(errors) > most else ""
    return "; ".join(reasons) + more if reasons else "invalid request"


def _location(loc: Sequence[Any]) -> list[str]:
    """("body", "articles", 0, "text") -> ["body", "articles[0].text"]"""
    where, path = [str(part) for part in loc[:1]], ""
    for part in loc[1:]:
        path += f"[{part}]" if isinstance(part, int) else f".{part}" if path else str(part)
    return where + [path] if path else where
