"""The console's front door over HTTP: the proxy to the node's services, the JWKS, the web console.

- `/api/<service>/<path>` for intake, register, warning, assessment: passed on to that service of
  this node as the session's person (proxy.py); 401 without a live session, 403 without the CSRF
  header on a state-changing call.
- `/api/console/<path>`: the console's own route `/<path>` (accounts/, signin/), as the four
  services' routes are theirs. A browser's call carries the session cookie; `SessionBearer` checks
  its CSRF header and hands the route the session's token as `Authorization: Bearer`, so the
  routes check callers as every service does.
- `/.well-known/jwks.json`: the issuer's public keys, for every service of every node.
- everything else: the built web console (static.py).
Every request body is bounded before it is read (limits.py, security review H4).
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse
from starlette.responses import Response

from services.console.app import ConsoleApplication
from services.console.bff import proxy, static
from services.console.bff.deps import (
    CSRF_REFUSED,
    NOT_SIGNED_IN,
    CurrentSession,
    FrontDoorDep,
    csrf_ok,
    is_activity,
)
from services.console.bff.gateway import front_door
from services.console.bff.limits import BodyLimit
from services.console.bff.sessions import CSRF_HEADER, SESSION_COOKIE
from services.console.oidc.handlers import OidcClient
from services.console.public import api as public_api
from services.console.settings import ConsoleSettings
from shared.bounds import Code

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from starlette.types import ASGIApp, Receive, Scope, Send

    from services.console.bff.gateway import FrontDoor
    from shared.runtime import Runtime

SERVICES = ("intake", "register", "warning", "assessment")
CONSOLE_PREFIX = "/api/console"
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]

router = APIRouter(tags=["console 控制台"])


@router.get(
    "/.well-known/jwks.json",
    summary="The issuer's public keys (JWKS, RFC 7517): what every service checks tokens with",
)
def jwks(door: FrontDoorDep) -> dict[str, Any]:
    return door.issuer.jwks()


def _proxy_route(service: str) -> None:
    async def pass_on(
        path: str, request: Request, session: CurrentSession, door: FrontDoorDep
    ) -> Response:
        body = await request.body()  # bounded already (BodyLimit)
        return await proxy.forward(
            door.client(),
            door.proxy.service_urls(door.node_of(session))[service],
            path,
            request,
            body,
            session.token,
            service=service,
        )

    router.add_api_route(
        f"/api/{service}/{{path:path}}",
        pass_on,
        methods=METHODS,
        summary=f"Pass a call on to the {service} service of the person's node as them",
        response_model=None,
        include_in_schema=False,
    )


for _service in SERVICES:
    _proxy_route(_service)


@router.api_route(
    "/api/supervised/{root}/warning/{path:path}",
    methods=METHODS,
    summary="Pass a supervisor's call on to the warning service of the node below (Art. 29)",
    response_model=None,
    include_in_schema=False,
)
async def pass_on_to_supervise(
    root: Code, path: str, request: Request, session: CurrentSession, door: FrontDoorDep
) -> Response:
    """分级监督 (Art. 29, 按照干部管理权限分级进行): a town's node disposes of its units'
    warnings and the district's office and leaders supervise that disposal on the town's
    warning service.
    Only a node whose root lies directly below the person's unit is reached (404 otherwise, as
    for any unknown path); the warning service still decides every call (Art. 7, 29)."""
    unit = str(session.me.get("unit_code", ""))
    if root not in door.supervised_nodes(unit) or "warning" not in door.proxy.node_urls[root]:
        return JSONResponse(
            {
                "detail": f"Art. 29: 您所在单位 {unit} 的下级没有以 {root} 为根的节点 "
                f"(no node below your unit {unit} has the root {root})"
            },
            status_code=404,
        )
    body = await request.body()  # bounded already (BodyLimit)
    return await proxy.forward(
        door.client(), door.proxy.node_urls[root]["warning"], path, request, body,
        session.token, service="warning",
    )  # fmt: skip


class ToTheDistrict:
    """ASGI middleware of a town's console: one issuer for the district, so a town's node signs
    nobody in and holds no signing key. Every call but the health and metrics probes is
    redirected (307: the method and body are kept) to the same path on the district's console,
    which signs people in and passes their calls on to the services of their own node
    (`node_urls`)."""

    LOCAL = ("/healthz", "/readyz", "/metrics")

    def __init__(self, app: ASGIApp, district_url: str) -> None:
        self.app = app
        self.district_url = district_url.rstrip("/")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if scope["type"] != "http" or path in self.LOCAL:
            await self.app(scope, receive, send)
            return
        query = scope.get("query_string", b"").decode("latin-1")
        target = self.district_url + path + (f"?{query}" if query else "")
        await RedirectResponse(target, status_code=307)(scope, receive, send)


class SessionBearer:
    """ASGI middleware: `/api/console/<path>` is the console's own route `/<path>`, called as the
    browser's session: its CSRF header checked, its token handed on as `Authorization: Bearer`.

    A call that brings its own `Authorization` header passes as it is (tools, other services).
    """

    def __init__(self, app: ASGIApp, door: FrontDoor) -> None:
        self.app = app
        self.door = door

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if scope["type"] != "http" or not path.startswith(CONSOLE_PREFIX + "/"):
            await self.app(scope, receive, send)
            return
        own = path.removeprefix(CONSOLE_PREFIX)
        scope = {**scope, "path": own, "raw_path": own.encode("utf-8")}
        headers: list[tuple[bytes, bytes]] = list(scope["headers"])
        if any(name == b"authorization" for name, _ in headers):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        session = self.door.live(request.cookies.get(SESSION_COOKIE), activity=is_activity(request))
        if session is None:
            await JSONResponse({"detail": NOT_SIGNED_IN}, status_code=401)(scope, receive, send)
            return
        if not csrf_ok(scope["method"], request.headers.get(CSRF_HEADER), session):
            await JSONResponse({"detail": CSRF_REFUSED}, status_code=403)(scope, receive, send)
            return
        headers.append((b"authorization", f"Bearer {session.token}".encode("ascii")))
        await self.app({**scope, "headers": headers}, receive, send)


def web_console(door: FrontDoor) -> APIRouter:
    """The catch-all route of the built web console (added after every other route)."""
    files = APIRouter()

    @files.get("/{path:path}", include_in_schema=False, response_model=None)
    def console_file(path: str) -> Response:
        return static.console_file(door.proxy.dist_dir, path)

    return files


def extend(api: FastAPI, runtime: Runtime) -> None:
    """The console's `extend_api`: its front door, made from the runtime's settings; on a
    town's node (`district_url` set) only the way to the district's console."""
    assert isinstance(runtime.app, ConsoleApplication)
    assert isinstance(runtime.settings, ConsoleSettings)
    district = runtime.settings.proxy.district_url
    if district:
        api.add_middleware(ToTheDistrict, district_url=district)
        return
    door = front_door(runtime.app, runtime.settings, runtime.clock)
    install(api, door)
    # The public pages (网上举报, 社会评议问卷; docs/public-pages.md): no sign-in, rate-limited.
    public_api.install(api, door, runtime.settings.public, runtime.common.node_root_unit)
    oidc = runtime.settings.oidc
    # The external issuer, when one is trusted (docs/sign-in.md, 统一身份认证).
    api.state.oidc = OidcClient(oidc, runtime.clock) if oidc.enabled else None


def install(api: FastAPI, door: FrontDoor) -> None:
    """Add the front door to the console's app: its state, middleware, routes' fallback, and
    the closing of its connection pool when the app stops."""
    api.state.front_door = door
    api.add_middleware(SessionBearer, door=door)
    api.add_middleware(
        BodyLimit, limit=door.proxy.max_body_bytes, import_limit=door.proxy.max_import_body_bytes
    )
    api.include_router(web_console(door))
    inner = api.router.lifespan_context

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[Any]:
        async with inner(app) as state:
            try:
                yield state
            finally:
                await door.aclose()

    api.router.lifespan_context = lifespan
