"""FastAPI dependencies: the runtime, the authenticated caller, role and jurisdiction checks."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, TypeVar

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from shared import tracing
from shared.application import ServiceApplication
from shared.audit.queries import record_query
from shared.auth import Principal, Role, TokenError
from shared.errors import Forbidden
from shared.runtime import Runtime

_bearer = HTTPBearer(
    auto_error=False,
    description="A token of the district console (EdDSA; `lianfang token` in dev mode).",
)


# The dependencies that only look at memory are `async def`: FastAPI runs a plain `def`
# dependency in a worker thread, and those hand-offs were a fifth of a filing's time in the
# event loop (py-spy, issue #18). Those that read the store (the caller's token against the
# revocations, an auditor's query recorded) stay `def`, off the event loop.


async def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]

_App = TypeVar("_App", bound=ServiceApplication)


def application_of(kind: type[_App]) -> Callable[[Runtime], Awaitable[_App]]:
    """A dependency giving the runtime's application as its service's own class."""

    async def application(runtime: RuntimeDep) -> _App:
        assert isinstance(runtime.app, kind)
        return runtime.app

    return application


def get_principal(
    request: Request,
    runtime: RuntimeDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """The caller, from the bearer token (401 when absent, malformed or expired; 403 when its
    unit lies outside this node, see `ensure_on_node`).

    An auditor's request is recorded before it is answered (shared/audit/queries.py).
    """
    return _principal(request, runtime, credentials, supervising=False)


def get_supervising_principal(
    request: Request,
    runtime: RuntimeDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """As `get_principal`, for the routes by which the level above supervises (Art. 29): the
    body directly above this node's root is admitted too (see `ensure_on_node`)."""
    return _principal(request, runtime, credentials, supervising=True)


def _principal(
    request: Request,
    runtime: Runtime,
    credentials: HTTPAuthorizationCredentials | None,
    *,
    supervising: bool,
) -> Principal:
    if credentials is None:
        raise TokenError("missing bearer token (Authorization: Bearer <token>)")
    principal = runtime.verifier.verify(credentials.credentials)
    ensure_on_node(runtime, principal, supervising=supervising)
    if Role.AUDITOR in principal.roles:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        trace = tracing.current()
        record_query(
            runtime.app, principal, request.method, target, runtime.clock.now(),
            trace.trace_id if trace else "",
        )  # fmt: skip
    return principal


def ensure_on_node(runtime: Runtime, principal: Principal, *, supervising: bool = False) -> None:
    """Refuse (403) a token whose unit lies outside this node's root (Art. 7 按照干部管理权限).

    A node serves the subtree of its root unit. Admitted besides: the superior business
    department 上级业务主管部门 of a unit of that subtree, which follows its disposals (条块结合,
    Art. 27; its routes show it only what is reported to it); and, where the deployment sets
    `LIANFANG_ADMIT_DISTRICT_AUDITORS`, an auditor of the district (the unit at the top of the
    tree), who may read a town's node (分级监督, Art. 29), each query recorded. On the routes by
    which the level above supervises a disposal (`supervising`), the body directly above the
    node's root: the root disposes of its units' warnings, and its superior supervises that
    disposal 按照干部管理权限分级 (Art. 29), wherever the disposal's node runs.
    """
    common, org, unit = runtime.common, runtime.org, principal.unit_code
    root = common.node_root_unit
    if unit in org and org.is_within(unit, root):
        return
    if supervising and root in org and org.get(root).parent_code == unit:
        return
    if unit in org and any(org.is_within(u.code, root) for u in org.business_line(unit)):
        return
    if (
        common.admit_district_auditors
        and Role.AUDITOR in principal.roles
        and unit in org
        and org.get(unit).parent_code is None
    ):
        return
    root_named = f"{org.get(root).name}（{root}）" if root in org else root
    unit_named = f"{org.get(unit).name}（{unit}）" if unit in org else unit
    raise Forbidden(
        f"Art. 7: 按照干部管理权限，本节点（{common.node_id}）只服务{root_named}及其所属单位，"
        f"您所在的单位{unit_named}不在其中 (node {common.node_id} serves the units of {root} "
        f"(按照干部管理权限); your unit {unit} lies outside it)"
    )


CurrentUser = Annotated[Principal, Depends(get_principal)]
SupervisingUser = Annotated[Principal, Depends(get_supervising_principal)]


def require_roles(*roles: Role) -> Callable[[Principal], Awaitable[Principal]]:
    """A dependency that lets through only callers holding one of `roles` (403 otherwise)."""

    async def check(principal: CurrentUser) -> Principal:
        return _holding(principal, roles)

    return check


def require_supervising_roles(*roles: Role) -> Callable[[Principal], Awaitable[Principal]]:
    """As `require_roles`, on a route by which the level above supervises (Art. 29)."""

    async def check(principal: SupervisingUser) -> Principal:
        return _holding(principal, roles)

    return check


def require_roles_or_supervising(
    roles: tuple[Role, ...], supervisors: tuple[Role, ...]
) -> Callable[[Principal, Runtime], Awaitable[Principal]]:
    """A read route of this node's own people (`roles`) that the level above also reads to
    supervise 分级监督 (Art. 29): the body directly above this node's root is admitted holding
    one of `supervisors` (see `ensure_on_node`); everyone else as `require_roles`."""

    async def check(principal: SupervisingUser, runtime: RuntimeDep) -> Principal:
        root = runtime.common.node_root_unit
        above = runtime.org.get(root).parent_code if root in runtime.org else None
        if principal.unit_code == above and principal.has_any(supervisors):
            return principal
        if principal.unit_code == above:  # the level above's other people: as any other route
            ensure_on_node(runtime, principal)  # (its auditors where the deployment admits them)
        return _holding(principal, roles)

    return check


def _holding(principal: Principal, roles: tuple[Role, ...]) -> Principal:
    if not principal.has_any(roles):
        wanted = ", ".join(f"{r.value} ({r.label_zh})" for r in roles)
        held = ", ".join(sorted(r.value for r in principal.roles)) or "none"
        *others, last = [r.label_zh for r in roles]
        wanted_zh = f"{'、'.join(others)}或{last}" if others else last
        held_zh = "、".join(r.label_zh for r in sorted(principal.roles)) or "无"
        raise Forbidden(
            f"此操作须由{wanted_zh}办理，您的角色是：{held_zh} "
            f"(this needs one of the roles: {wanted}; you hold: {held})"
        )
    return principal


def ensure_jurisdiction(runtime: Runtime, principal: Principal, unit_code: str) -> None:
    """Refuse (403) a unit outside the caller's subtree, (422) a unit nobody knows (Art. 24)."""
    runtime.app.ensure_within(principal, unit_code)
