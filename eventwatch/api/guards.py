"""What a request must pass before the app sees it: a rate limit per client, a body
size cap, and a body that is JSON the app can take (UTF-8, no lone surrogates, no
unbounded nesting, finite numbers of sane length).

Each refusal is a 4xx whose `detail` is one line saying what was wrong, and nothing is
logged: a malformed request never reaches a route that could fail on it. The checks sit in front of FastAPI
because its own body parsing answers some of these with a bare 400 and others with a
500 (a lone surrogate in a 422's echo of the input cannot be encoded).
"""

from __future__ import annotations

import json
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import anyio
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_JSON_DEPTH = 32  # the API's bodies nest three levels; Python's parser gives up near 1,000
MAX_NUMBER_DIGITS = 30  # no field takes more; int() would spend quadratic time on 4,300
_THREAD_PARSE_BYTES = 256 * 1024  # larger bodies are checked off the event loop
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def refuse(scope: Scope, receive: Receive, send: Send, status: int, detail: str,
           headers: dict[str, str] | None = None) -> Any:
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)(scope, receive, send)


# --- rate limit ---------------------------------------------------------------------------


@dataclass
class _Bucket:
    tokens: float
    updated: float


class TokenBuckets:
    """A token bucket per client: `burst` requests at once, refilled at `per_minute`.

    The table keeps the clients seen most recently, at most `max_clients`; one pushed
    out starts again with a full bucket, which is what a client idle long enough has.
    """

    def __init__(self, per_minute: int, burst: int, max_clients: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = per_minute / 60.0
        self.burst = max(1, burst)
        self.max_clients = max_clients
        self.clock = clock
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    def take(self, client: str) -> float:
        """0 when `client` may go ahead (a token is spent), else the seconds until it may."""
        now = self.clock()
        bucket = self._buckets.pop(client, None) or _Bucket(float(self.burst), now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.updated) * self.rate)
        bucket.updated = now
        self._buckets[client] = bucket
        if len(self._buckets) > self.max_clients:
            self._buckets.popitem(last=False)
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return 0.0
        return (1 - bucket.tokens) / self.rate


class RateLimit:
    """429 with Retry-After for a client over its rate; only /api is counted (the
    dashboard's shell and static files cost nothing worth limiting)."""

    def __init__(self, app: ASGIApp, per_minute: int, burst: int) -> None:
        self.app = app
        self.per_minute = per_minute
        self.buckets = TokenBuckets(per_minute, burst)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/api"):
            client = scope["client"][0] if scope.get("client") else "unknown"
            wait = self.buckets.take(client)
            if wait:
                seconds = max(1, math.ceil(wait))
                detail = f"too many requests from {client}: at most {self.per_minute} a minute; retry in {seconds} s"
                await refuse(scope, receive, send, 429, detail, {"Retry-After": str(seconds)})
                return
        await self.app(scope, receive, send)


# --- the body -----------------------------------------------------------------------------


class BodyGuard:
    """Read a request body up to `max_bytes` (413 beyond, before the app reads any of
    it), insist on JSON (415) and refuse, with 400 and the reason, JSON the app cannot
    take; then hand the body on unchanged."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        too_large = f"request body over {self.max_bytes} bytes"
        if _declared_length(scope) > self.max_bytes:
            await refuse(scope, receive, send, 413, too_large)
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
                await refuse(scope, receive, send, 413, too_large)
                return
        body = b"".join(chunks)
        problem = await _body_problem(scope, body)
        if problem:
            status, detail = problem
            await refuse(scope, receive, send, status, detail)
            return
        pending = [{"type": "http.request", "body": body, "more_body": False}]

        async def replay() -> Message:
            return pending.pop() if pending else await receive()

        await self.app(scope, replay, send)


def _declared_length(scope: Scope) -> int:
    for name, value in scope["headers"]:
        if name == b"content-length":
            return int(value) if value.isdigit() else 0
    return 0


async def _body_problem(scope: Scope, body: bytes) -> tuple[int, str] | None:
    if not body:
        return None  # the app says which fields are missing
    if not _is_json(scope):
        return 415, "send the request body as JSON (Content-Type: application/json)"
    if len(body) > _THREAD_PARSE_BYTES:
        problem = await anyio.to_thread.run_sync(json_problem, body)
    else:
        problem = json_problem(body)
    return (400, problem) if problem else None


def _is_json(scope: Scope) -> bool:
    for name, value in scope["headers"]:
        if name == b"content-type":
            kind = value.split(b";")[0].strip().lower()
            return kind == b"application/json" or kind.endswith(b"+json")
    return False


def json_problem(body: bytes) -> str | None:
    """Why `body` is not JSON the API can take, in one line; None when it is."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        return f"request body is not UTF-8 (byte 0x{body[error.start]:02x} at offset {error.start})"
    try:
        value = json.loads(text, parse_int=_bounded_int, parse_float=_finite_float, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        return f"malformed JSON: {error.msg} (line {error.lineno}, column {error.colno})"
    except RecursionError:
        return f"JSON nested deeper than {MAX_JSON_DEPTH} levels"
    except _Refused as error:
        return str(error)
    return _value_problem(value)


class _Refused(ValueError):
    pass


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _Refused(f"number too long in JSON ({len(digits.lstrip('-'))} digits; at most {MAX_NUMBER_DIGITS})")
    return int(digits)


def _finite_float(digits: str) -> float:
    value = float(digits)
    if not math.isfinite(value):
        raise _Refused(f"number out of range in JSON ({digits[:40]})")
    return value


def _no_constant(name: str) -> float:
    raise _Refused(f"{name} is not a JSON number")


def _value_problem(value: Any) -> str | None:
    """Nesting too deep, or a string with a lone surrogate (which no UTF-8 text can
    hold: a JSON escape like \\ud800 without its pair)."""
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, (dict, list)) and depth > MAX_JSON_DEPTH:
            return f"JSON nested deeper than {MAX_JSON_DEPTH} levels"
        if isinstance(item, dict):
            pending.extend((part, depth + 1) for pair in item.items() for part in pair)
        elif isinstance(item, list):
            pending.extend((part, depth + 1) for part in item)
        elif isinstance(item, str) and _has_surrogate(item):
            return "JSON string with a lone surrogate (an unpaired \\ud800-\\udfff escape)"
    return None


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
