"""The HTTP shell of a service: health, readiness, metrics, OpenAPI, error mapping, its routes."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from shared import effective_settings
from shared.audit import api as audit_api
from shared.auth import TokenError
from shared.deps import RuntimeDep
from shared.errors import DomainError, Invalid
from shared.http_gate import RequestGate
from shared.kafka import KafkaAccess, kafka_problem
from shared.orgtree import UnknownUnit
from shared.paging import declare_paging
from shared.request_observer import RequestObserver

if TYPE_CHECKING:
    from collections.abc import Callable
    from contextlib import AbstractAsyncContextManager

    from shared.runtime import Runtime

ops = APIRouter(tags=["operations"])


@ops.get("/healthz", summary="Liveness: the process answers")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@ops.get("/readyz", summary="Readiness: the store and Kafka answer")
async def readyz(runtime: RuntimeDep) -> JSONResponse:
    checks: dict[str, str] = {}
    try:
        await asyncio.to_thread(runtime.app.recorder.max_notification_id)
        checks["store"] = "ok"
    except Exception as exc:
        checks["store"] = f"failing: {type(exc).__name__}"
    kafka = await kafka_problem(KafkaAccess.of(runtime.common, runtime.name), timeout=2.0)
    checks["kafka"] = "ok" if kafka is None else f"failing: {kafka}"
    ready = all(v == "ok" for v in checks.values())
    return JSONResponse({"ready": ready, "checks": checks}, status_code=200 if ready else 503)


@ops.get("/metrics", summary="Prometheus metrics")
def metrics(runtime: RuntimeDep) -> Response:
    return Response(generate_latest(runtime.metrics.registry), media_type=CONTENT_TYPE_LATEST)


def install_error_handlers(api: FastAPI) -> None:
    """Map every domain error to its HTTP status with a clear reason; a request that fails
    validation to a 422 that names each field and rule without echoing the input."""

    async def domain_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, DomainError)
        if isinstance(exc, Invalid):
            detail = [{"loc": [exc.location, exc.field], "msg": exc.reason, "type": "value_error"}]
            return JSONResponse({"detail": detail}, status_code=422)
        return JSONResponse({"detail": str(exc)}, status_code=exc.status_code)

    async def unknown_unit(_: Request, exc: Exception) -> JSONResponse:
        detail = [{"loc": ["body", "unit_code"], "msg": str(exc), "type": "value_error"}]
        return JSONResponse({"detail": detail}, status_code=422)

    async def bad_token(_: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(
            {"detail": str(exc)}, status_code=401, headers={"WWW-Authenticate": "Bearer"}
        )

    async def invalid_request(_: Request, exc: Exception) -> JSONResponse:
        # Where, what rule and why, never what was sent: a refused petitioner's identity,
        # password or TOTP code must not come back in the body (a gateway may log it; review L5).
        assert isinstance(exc, RequestValidationError)
        detail = [_without_input(error) for error in exc.errors()]
        return JSONResponse({"detail": jsonable_encoder(detail)}, status_code=422)

    api.add_exception_handler(RequestValidationError, invalid_request)
    api.add_exception_handler(DomainError, domain_error)
    api.add_exception_handler(UnknownUnit, unknown_unit)
    api.add_exception_handler(TokenError, bad_token)


_RULE_LIMITS = frozenset(
    {"min_length", "max_length", "ge", "gt", "le", "lt", "multiple_of", "max_digits",
     "decimal_places"}
)  # fmt: skip
"""The context of a validation error that states the rule (not `actual_length` and the like,
which describe what was sent)."""


def _without_input(error: Any) -> dict[str, Any]:
    """A validation error's place, rule and reason, and of its context only the rule's numeric
    limits (`min_length`, `max_length`, `ge`, `le`...), which the console shows on the field
    ("至少 12 个字符"); never the input, nor a context value that could carry it."""
    kept: dict[str, Any] = {key: error[key] for key in ("loc", "msg", "type") if key in error}
    limits = {
        name: value for name, value in (error.get("ctx") or {}).items()
        if name in _RULE_LIMITS and isinstance(value, int | float) and not isinstance(value, bool)
    }  # fmt: skip
    if limits:
        kept["ctx"] = limits
    return kept


def create_api(
    runtime: Runtime,
    lifespan: Callable[[FastAPI], AbstractAsyncContextManager[None]] | None = None,
    *,
    routes: bool = True,
) -> FastAPI:
    """Build the FastAPI app of one service around its runtime (only /healthz, /readyz and
    /metrics when `routes` is false: a worker's operations endpoints).

    The interactive documents (/docs, /redoc, /openapi.json) are served in dev mode only: in
    production they would hand anyone on the network the map of every route, and Swagger UI
    loads its scripts from a public CDN (security review M4). `lianfang export-openapi` writes the
    documents without a server.
    """
    spec = runtime.spec
    documents: dict[str, Any] = (
        {}
        if runtime.common.dev_mode
        else {"docs_url": None, "redoc_url": None, "openapi_url": None}
    )
    api = FastAPI(
        **documents,
        title=f"Lianfang 廉防 · {spec.title}",
        version="0.1.0",
        description=(
            f"{spec.title} of node `{runtime.common.node_id}`. Every route but /healthz, /readyz "
            "and /metrics needs a bearer token of the district console (EdDSA; docs/tokens.md)."
        ),
        lifespan=lifespan,
    )
    api.state.runtime = runtime
    install_error_handlers(api)
    api.include_router(ops)
    for router in [*spec.routers(), audit_api.router, effective_settings.router] if routes else []:
        api.include_router(router)
    declare_paging(api)
    api.add_middleware(
        RequestGate,
        max_body_bytes=runtime.common.max_body_bytes,
        max_import_body_bytes=runtime.common.max_import_body_bytes,
        bearer_required=spec.bearer_before_body,
    )
    if routes and spec.extend_api is not None:
        spec.extend_api(api, runtime)

    # Outermost but for Starlette's own: every answer traced, stamped, hardened and counted.
    api.add_middleware(RequestObserver, runtime=runtime)
    return api
