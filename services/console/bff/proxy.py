"""Pass the console's `/api/<service>/...` calls on to the node's services with the session's token.

The browser never holds a token (backend-for-frontend): the console adds `Authorization: Bearer`
and streams the service's answer back unchanged — status, headers, body (a 422's `detail[].loc`
included), so the console's forms show each refusal on its field. The request body comes bounded
(limits.py, security review H4), and every call has timeouts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.background import BackgroundTask

if TYPE_CHECKING:
    from fastapi import Request
    from starlette.responses import Response

FORWARDED_REQUEST_HEADERS = frozenset(
    {
        "accept",
        "accept-language",
        "content-type",
        "if-none-match",
        "if-modified-since",
        "traceparent",
        "tracestate",
    }
)
"""What of the browser's request the service sees: never its cookies, nor a token of its own."""

DROPPED_RESPONSE_HEADERS = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "set-cookie",
    }
)
"""Hop-by-hop headers (RFC 9110 7.6.1), and cookies: only the console sets those."""


async def forward(
    client: httpx.AsyncClient,
    base_url: str,
    path: str,
    request: Request,
    body: bytes,
    token: str,
    *,
    service: str,
) -> Response:
    """Send the call to `base_url` + `path` as the session's person; stream the answer back.

    A service that does not answer is a 502, one that answers too slowly a 504; both name the
    service, so the console can say which part of the system is down.
    """
    headers = {k: v for k, v in request.headers.items() if k.lower() in FORWARDED_REQUEST_HEADERS}
    headers["authorization"] = f"Bearer {token}"
    outgoing = client.build_request(
        request.method,
        base_url.rstrip("/") + "/" + path.lstrip("/"),
        params=str(request.query_params),
        headers=headers,
        content=body if body else None,
    )
    try:
        upstream = await client.send(outgoing, stream=True)
    except httpx.TimeoutException:
        return JSONResponse({"detail": f"服务 {service} 响应超时 (timed out)"}, status_code=504)
    except httpx.TransportError as exc:
        return JSONResponse(
            {"detail": f"服务 {service} 暂不可用 ({type(exc).__name__})"}, status_code=502
        )
    answer = {
        k: v for k, v in upstream.headers.items() if k.lower() not in DROPPED_RESPONSE_HEADERS
    }
    return StreamingResponse(
        upstream.aiter_raw(),
        status_code=upstream.status_code,
        headers=answer,
        background=BackgroundTask(upstream.aclose),
    )
