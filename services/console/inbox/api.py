"""The 条块结合 inbox over HTTP: `GET /inbox` (the browser: `/api/console/inbox`; Art. 27).

The steps reported to a unit — the caller's own by default, or a unit of their subtree — from the
warning service of the node they work on and of each node that disposes of units whose superior
business department 上级业务主管部门 the unit is, merged, the newest first (handlers.py). Each
warning service decides, for the caller, what it answers.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import AwareDatetime, BaseModel, Field

from services.console.bff.deps import CallerAuthorization, ConsoleCaller, FrontDoorDep
from services.console.inbox.handlers import ReportedStep, gather_inbox
from services.console.todos.api import UnavailableOut
from shared.bounds import Code
from shared.errors import Invalid

router = APIRouter(tags=["inbox 条块结合"])

PAGE = 50
MAX_PAGE = 200


class InboxOut(BaseModel):
    """A page of the steps reported to a unit, the newest first (条块结合, Art. 27)."""

    items: list[ReportedStep]
    next_before: datetime | None = Field(
        description="Pass as `before` for the next, older page; null on the last."
    )
    unavailable: list[UnavailableOut] = Field(
        description="Nodes whose part is missing (down or slow): the rest still shows."
    )


@router.get(
    "/inbox",
    summary="The disposal steps reported to a unit, from every node (条块结合, Art. 27)",
    response_model=InboxOut,
)
async def inbox(
    who: ConsoleCaller,
    door: FrontDoorDep,
    authorization: CallerAuthorization,
    unit_code: Code | None = None,
    before: Annotated[
        AwareDatetime | None,
        Query(description="The `next_before` of the previous page: the steps before it."),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Steps in this page.")] = PAGE,
) -> InboxOut:
    unit = unit_code or who.unit_code
    if unit not in door.org:
        raise Invalid("unit_code", f"unknown unit {unit!r}", "query")
    home = door.node_of_unit(who.unit_code)
    urls: dict[str | None, str] = {None: door.proxy.service_urls(home)["warning"]}
    for root in door.reporting_nodes(unit):
        if root != home and "warning" in door.proxy.node_urls.get(root, {}):
            urls[root] = door.proxy.node_urls[root]["warning"]
    page = await gather_inbox(door.client(), urls, authorization, unit, limit, before)
    return InboxOut(
        items=page.steps,
        next_before=page.before,
        unavailable=[UnavailableOut(service=u.service, reason=u.reason) for u in page.unavailable],
    )
