"""Cheap refusals at the door of every service, before a request body is read or parsed.

FastAPI reads and parses a body before it solves the route's dependencies, so without this gate an
unauthenticated caller could make a service hold a 50 MB body in memory, or learn from a 422 that
it parsed one, before the token is looked at (security review H4). The gate answers first:

- a request that would carry a body (POST, PUT, PATCH, DELETE) without a bearer token shaped like
  a JWT gets 401 before a byte of the body is read (the token's signature is checked afterwards by
  the route's dependency, shared/deps.py, as for every request);
- a declared `Content-Length` over the limit gets 413 before a byte of it is read; an undeclared
  (chunked) body is read only up to the limit, then refused with 413.

The limit is `max_body_bytes` (a setting), `max_import_body_bytes` on the bulk import routes (paths
ending in `/import` or `/imports`). A service's own, tighter rules still apply inside (e.g. the
intake's filing size, Art. 22). A body within the limit is read once here and handed on whole.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

_WITH_BODY = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_JWT_SHAPE = re.compile(rb"^Bearer [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$")
_IMPORT_ROUTE = re.compile(r"/imports?/?$")


class RequestGate:
    """ASGI middleware refusing unauthenticated or oversized bodies before they are read."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body_bytes: int,
        max_import_body_bytes: int,
        bearer_required: bool = True,
    ) -> None:
        self._app = app
        self._max = max_body_bytes
        self._max_import = max_import_body_bytes
        self._bearer_required = bearer_required

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in _WITH_BODY:
            await self._app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        if self._bearer_required and not _JWT_SHAPE.match(headers.get(b"authorization", b"")):
            await _answer(send, 401, "missing bearer token (Authorization: Bearer <token>)")
            return
        limit = self._max_import if _IMPORT_ROUTE.search(scope["path"]) else self._max
        declared = headers.get(b"content-length")
        if declared is not None and not declared.isdigit():
            await _answer(send, 400, "the Content-Length header is not a number")
            return
        if declared is not None and int(declared) > limit:
            await _answer(send, 413, _too_large(limit))
            return
        body = await _read_at_most(receive, limit)
        if body is None:
            await _answer(send, 413, _too_large(limit))
            return
        await self._app(scope, _replay(body, receive), send)


async def _read_at_most(receive: Receive, limit: int) -> bytes | None:
    """The whole body if it has at most `limit` bytes; None as soon as it has more."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b"".join(chunks)  # the app sees the disconnect on its next receive
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A `receive` that hands the app the body read here, then passes on what follows
    (a disconnect, while the app streams its answer)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def _too_large(limit: int) -> str:
    return (
        f"请求内容超过本接口 {limit} 字节的上限 "
        f"(the request body is over this route's limit of {limit} bytes)"
    )


async def _answer(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}, ensure_ascii=False).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if status == 401:
        headers.append((b"www-authenticate", b"Bearer"))
    # The body is not read: tell the client the connection ends with this answer.
    headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
