"""`eventwatch serve`: the HTTP API and the dashboard over a store."""

from __future__ import annotations

import ipaddress
from typing import Annotated, Optional

import typer

from eventwatch.cli.app import app
from eventwatch.cli.common import DbOption, say
from eventwatch.store import StoreError, default_db


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on; another than loopback exposes the store.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_ingest: Annotated[
        bool, typer.Option("--allow-ingest", help="Open the store for writing and accept POST /api/ingest.")
    ] = False,
    cors_origin: Annotated[
        Optional[list[str]], typer.Option("--cors-origin", help="An origin whose pages may call the API (repeatable).")
    ] = None,
    rate_limit: Annotated[
        Optional[int],
        typer.Option(min=0, help="Requests to /api one client may make per minute, 429 beyond (default 600); 0: no limit."),
    ] = None,
    rate_burst: Annotated[
        Optional[int], typer.Option(min=1, help="Requests one client may make at once before the rate applies (default 120)."),
    ] = None,
) -> None:
    """The dashboard at http://HOST:PORT/, the JSON API under /api, its docs at /docs."""
    import uvicorn

    from eventwatch.api import LOOPBACK_HOSTS, Settings, create_app

    loopback = _is_loopback(host)
    limits = {name: value for name, value in (("rate_limit", rate_limit), ("rate_burst", rate_burst)) if value is not None}
    settings = Settings(
        db=db or default_db(),
        allow_ingest=allow_ingest,
        cors_origins=tuple(cors_origin or ()),
        allowed_hosts=(*LOOPBACK_HOSTS, _url_host(host)) if loopback else ("*",),
        **limits,
    )
    try:
        api = create_app(settings)
    except StoreError as error:
        say(str(error))
        raise typer.Exit(2) from None
    if not loopback:
        say(f"listening on {host}: anyone who can reach it can read the store")
    say(f"dashboard at http://{_url_host(host)}:{port}/, API docs at /docs (Ctrl-C stops)")
    uvicorn.run(api, host=host, port=port, log_level="warning")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
