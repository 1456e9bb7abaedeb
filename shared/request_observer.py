"""Every answer traced, stamped, hardened and counted: the services' outer ASGI middleware.

It was a `@app.middleware("http")` function; Starlette runs those through BaseHTTPMiddleware,
which hands each request to a task of its own and streams the answer back through memory
streams: a tenth of a filing's time in the event loop (py-spy, issue #18). As plain ASGI it
does the same work on the request's own task: the caller's trace continued or one started
(W3C traceparent, shared/tracing.py), the runtime's clock stamping what the request records
(shared/event_clock.py), security headers on every answer (review, #17), and the request
counted and timed in /metrics by method, route and status.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from starlette.datastructures import MutableHeaders

from shared import tracing
from shared.event_clock import stamping

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

    from shared.runtime import Runtime

METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
DOCUMENT_TYPES = ("text/html", "image/svg+xml")
# A document a service serves (a printable report, a flowchart) runs nothing and embeds nothing
# from elsewhere; its own inline styles are all it needs.
DOCUMENT_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)


class RequestObserver:
    """Traces, stamps, hardens and counts each HTTP request of a service's API."""

    def __init__(self, app: ASGIApp, runtime: Runtime) -> None:
        self._app = app
        self._runtime = runtime

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        started = time.perf_counter()
        caller = tracing.parse(_header(scope, b"traceparent"))
        trace = caller.child() if caller else tracing.new_trace()
        status = 500

        async def answer(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = MutableHeaders(scope=message)
                headers[tracing.TRACEPARENT] = trace.header
                _harden(scope["path"], headers)
            await send(message)

        with tracing.use(trace), stamping(self._runtime.clock):
            await self._app(scope, receive, answer)
        route: Any = scope.get("route")
        path = getattr(route, "path", "unmatched")
        method = scope["method"] if scope["method"] in METHODS else "OTHER"  # bounded labels
        metrics = self._runtime.metrics
        metrics.requests(method, path, str(status)).inc()
        metrics.latency(path).observe(time.perf_counter() - started)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return None


def _harden(path: str, headers: MutableHeaders) -> None:
    """Security headers on every answer, and a content policy on the documents (review, #17)."""
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "no-referrer")
    headers.setdefault("X-Frame-Options", "DENY")
    kind = headers.get("content-type", "")
    swagger = path in ("/docs", "/redoc")  # dev mode only: CDN scripts by design
    if kind.startswith(DOCUMENT_TYPES) and not swagger:
        headers.setdefault("Content-Security-Policy", DOCUMENT_POLICY)
