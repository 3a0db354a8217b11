"""The dashboard: one HTML shell for every page, scripts and styles from eventwatch/api/static.

The pages draw themselves in the browser from the JSON API. Article text is untrusted,
so the scripts only ever set it as text; the Content-Security-Policy below is the second
wall: no inline script, nothing from another origin, so an injected tag could not run.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).parent / "static"
PAGE_PATHS = ("/", "/events", "/articles", "/articles/{article_id}", "/actors", "/actors/{key:path}", "/dyad/{source}/{target}")
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


def dashboard_page() -> FileResponse:
    """The shell; static/js/main.js picks the page from the URL."""
    return FileResponse(STATIC / "index.html", headers=_HEADERS)


def mount(app: FastAPI) -> None:
    for path in PAGE_PATHS:
        app.add_api_route(path, dashboard_page, methods=["GET"], include_in_schema=False)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
