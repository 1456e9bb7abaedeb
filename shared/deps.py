"""FastAPI dependencies: the runtime, the authenticated caller, role and jurisdiction checks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, TypeVar

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from shared import tracing
from shared.application import ServiceApplication
from shared.audit.queries import record_query
from shared.auth import Principal, Role, TokenError
from shared.errors import Forbidden
from shared.runtime import Runtime

_bearer = HTTPBearer(auto_error=False, description="A token from `lianfang token`.")


def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]

_App = TypeVar("_App", bound=ServiceApplication)


def application_of(kind: type[_App]) -> Callable[[Runtime], _App]:
    """A dependency giving the runtime's application as its service's own class."""

    def application(runtime: RuntimeDep) -> _App:
        assert isinstance(runtime.app, kind)
        return runtime.app

    return application


def get_principal(
    request: Request,
    runtime: RuntimeDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """The caller, from the bearer token (401 when absent, malformed or expired).

    An auditor's request is recorded before it is answered (shared/audit/queries.py).
    """
    if credentials is None:
        raise TokenError("missing bearer token (Authorization: Bearer <token>)")
    principal = runtime.tokens.verify(credentials.credentials)
    if Role.AUDITOR in principal.roles:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        trace = tracing.current()
        record_query(
            runtime.app, principal, request.method, target, runtime.clock.now(),
            trace.trace_id if trace else "",
        )  # fmt: skip
    return principal


CurrentUser = Annotated[Principal, Depends(get_principal)]


def require_roles(*roles: Role) -> Callable[[Principal], Principal]:
    """A dependency that lets through only callers holding one of `roles` (403 otherwise)."""

    def check(principal: CurrentUser) -> Principal:
        if not principal.has_any(roles):
            wanted = ", ".join(f"{r.value} ({r.label_zh})" for r in roles)
            held = ", ".join(sorted(r.value for r in principal.roles)) or "none"
            raise Forbidden(f"this needs one of the roles: {wanted}; you hold: {held}")
        return principal

    return check


def ensure_jurisdiction(runtime: Runtime, principal: Principal, unit_code: str) -> None:
    """Refuse (403) a unit outside the caller's subtree, (422) a unit nobody knows (Art. 24)."""
    runtime.app.ensure_within(principal, unit_code)
