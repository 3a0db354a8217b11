"""The FastAPI application: the JSON API, the dashboard and the OpenAPI docs, from one store.

Safe by default: the store is opened read-only unless ingest is enabled, no CORS
headers are sent unless origins are named, only loopback host names are answered
(a page elsewhere cannot reach the server by rebinding a domain name to 127.0.0.1),
request bodies are capped, and an unexpected error is logged here and answered with
one line, never a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi_offline import FastAPIOffline
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwatch import __version__
from eventwatch.api import pages, routes
from eventwatch.api.store import Store

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
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
    app.add_middleware(_BodyLimit, max_bytes=settings.max_body_bytes)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Content-Type"])
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts))
    return app


async def _internal_error(request: Request, error: Exception) -> JSONResponse:
    log.error("%s %s failed", request.method, request.url.path, exc_info=error)
    return JSONResponse({"detail": "internal error; the server log has the details"}, status_code=500)


class _BodyLimit:
    """Refuse a request body over `max_bytes` with 413 before the app reads any of it."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            more = message.get("more_body", False)
            if size > self.max_bytes:
                response = JSONResponse({"detail": f"request body over {self.max_bytes} bytes"}, status_code=413)
                await response(scope, receive, send)
                return
        pending = [{"type": "http.request", "body": b"".join(chunks), "more_body": False}]

        async def replay() -> Message:
            return pending.pop() if pending else await receive()

        await self.app(scope, replay, send)
