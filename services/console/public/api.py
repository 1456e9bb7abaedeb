"""The public pages' routes on the console, the one front door (Art. 22, 30(5)).

`/api/public/...` takes a citizen's call without sign-in, counts it against the rate limits
(429 with Retry-After), and passes it on to one of a fixed list of service routes under
`/public/...` as the console's own public principal: a short-lived token of role `public` for this
node's root unit, which the services accept on those routes only (docs/public-pages.md). No
cookie is read or set, no client address is logged or passed on, nothing else of the browser's
request is forwarded but its body and content type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.responses import Response

from services.console.bff import proxy
from services.console.public.limits import Limit, RateLimited, RateLimiter
from shared.auth import PUBLIC_USER_ID, Role

if TYPE_CHECKING:
    from fastapi import FastAPI

    from services.console.bff.gateway import FrontDoor
    from services.console.public.settings import PublicSettings
    from shared.clock import Clock

router = APIRouter(tags=["public pages 公开页面 (Art. 22, 30(5))"])

_ROUND = r"[0-9a-fA-F-]{36}"


@dataclass(frozen=True)
class PublicRoute:
    """One service route a public page may reach, and which limit counts it."""

    method: str
    pattern: re.Pattern[str]
    service: str
    bucket: str  # "reports" or "lookups"


ROUTES = (
    PublicRoute("GET", re.compile(r"units"), "intake", "lookups"),
    PublicRoute("POST", re.compile(r"reports"), "intake", "reports"),
    PublicRoute("POST", re.compile(r"reports/status"), "intake", "lookups"),
    PublicRoute("POST", re.compile(r"reports/answers"), "intake", "lookups"),
    PublicRoute("POST", re.compile(rf"surveys/{_ROUND}/questionnaire"), "assessment", "lookups"),
    PublicRoute("POST", re.compile(rf"surveys/{_ROUND}/responses"), "assessment", "lookups"),
)
"""Everything the public pages reach: any other path is a 404 here, never passed on."""


class PublicDoor:
    """The limits and the console's own public token (minted here, for this node only)."""

    def __init__(self, door: FrontDoor, settings: PublicSettings, root_unit: str) -> None:
        self.door = door
        self.settings = settings
        self.root_unit = root_unit
        clock: Clock = door.clock
        self.limiters = {
            "reports": RateLimiter(
                clock,
                per_client=Limit(settings.reports_per_client, settings.reports_window_seconds),
                overall=Limit(settings.reports_overall, settings.reports_window_seconds),
            ),
            "lookups": RateLimiter(
                clock,
                per_client=Limit(settings.lookups_per_client, settings.lookups_window_seconds),
                overall=Limit(settings.lookups_overall, settings.lookups_window_seconds),
            ),
        }

    def token(self) -> str:
        """A token of role `public` for this node's root: what the services' `/public/...`
        routes take, and nothing else does (every other route names the roles it serves)."""
        return self.door.issuer.mint(
            PUBLIC_USER_ID, {Role.PUBLIC}, self.root_unit, audience=[self.door.node_id],
            name="网上举报与社会评议 (公开页面)",
            ttl=timedelta(seconds=self.settings.token_ttl_seconds),
        )  # fmt: skip


def _route(method: str, path: str) -> PublicRoute | None:
    return next((r for r in ROUTES if r.method == method and r.pattern.fullmatch(path)), None)


async def public_call(path: str, request: Request) -> Response:
    """Pass a public page's call on, counted against the limits, as the public principal."""
    public: PublicDoor | None = getattr(request.app.state, "public_door", None)
    route = _route(request.method, path)
    if public is None or route is None:
        return JSONResponse({"detail": "Not Found"}, status_code=404)
    address = request.client.host if request.client else "unknown"
    try:
        public.limiters[route.bucket].take(address)
    except RateLimited as exc:
        return JSONResponse(
            {"detail": f"请求过于频繁，请 {exc.retry_after} 秒后再试 (too many requests)"},
            status_code=429,
            headers={"Retry-After": str(exc.retry_after), "Cache-Control": "no-store"},
        )
    body = await request.body()  # bounded already (BodyLimit)
    answer = await proxy.forward(
        public.door.client(),
        public.door.proxy.service_urls()[route.service],
        f"/public/{path}",
        _bare(request),
        body,
        public.token(),
        service=route.service,
    )
    answer.headers["Cache-Control"] = "no-store"
    return answer


def _bare(request: Request) -> Request:
    """The request as the service is to see it: method, path, content type; no cookie, no
    address, no language or trace of the browser's (the answer is the same for everybody)."""
    scope = {
        **request.scope,
        "headers": [(k, v) for k, v in request.scope["headers"] if k == b"content-type"],
        "query_string": b"",
    }
    return Request(scope)


router.add_api_route(
    "/api/public/{path:path}",
    public_call,
    methods=["GET", "POST"],
    summary="A public page's call (网上举报, 社会评议问卷), passed on as the public principal",
    response_model=None,
    include_in_schema=False,
)


def install(api: FastAPI, door: FrontDoor, settings: PublicSettings, root_unit: str) -> None:
    """Open the public pages' way in on the console's app (unless switched off)."""
    if settings.enabled:
        api.state.public_door = PublicDoor(door, settings, root_unit)
