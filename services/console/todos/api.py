"""The 工作台's to-do list over HTTP: `GET /todos` (the browser: `/api/console/todos`).

Any signed-in person asks for their own; the console gathers it from the services of the node
they work on as that person (handlers.py), and, for the office or a leader of the body directly
above another node's root, from that node's warning service too: the disposals there it
supervises (分级监督, Art. 29), each linked with `?node=<root>` as the 下级处置监督 list links
them. The console polls it in the background (header `X-Lianfang-Background: 1`, which does
not keep an idle session alive) with `If-None-Match`: a 304 while nothing changed, so a new event
concerning the person shows within one poll.
"""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from services.console.bff.deps import CallerAuthorization, ConsoleCaller, FrontDoorDep
from services.console.todos.handlers import gather_todos
from shared.auth import Role
from shared.todos import TodoItem

router = APIRouter(tags=["to-dos 待办"])

SUPERVISORS = (Role.OFFICE, Role.LEADER)
"""Who supervises a disposal of the node below (Art. 29; the warning service decides)."""


class UnavailableOut(BaseModel):
    service: str = Field(
        description="intake, register or warning; warning@<root> for a supervised node's (Art. 29)"
    )
    reason: str = Field(description="Why its part is missing, in Chinese.")


class TodosOut(BaseModel):
    """The caller's to-dos from every service, the soonest deadline first (工作台)."""

    items: list[TodoItem]
    unavailable: list[UnavailableOut] = Field(
        description="Services whose part is missing (down or slow): the rest still shows."
    )
    as_of: datetime = Field(description="When the services were asked.")


@router.get(
    "/todos",
    summary="Your to-dos from every service of this node, the soonest deadline first (工作台)",
    response_model=TodosOut,
    responses={304: {"description": "Unchanged since the ETag given in If-None-Match."}},
)
async def my_todos(
    request: Request,
    who: ConsoleCaller,
    door: FrontDoorDep,
    authorization: CallerAuthorization,
    response: Response,
) -> TodosOut | Response:
    """Asked of intake, register and warning with the caller's own token, merged (and of the
    warning service of each node below whose disposals the caller's unit supervises)."""
    urls = door.proxy.service_urls(door.node_of_unit(who.unit_code))
    supervised = {
        root: door.proxy.node_urls[root]["warning"]
        for root in door.supervised_nodes(who.unit_code)
        if "warning" in door.proxy.node_urls[root] and who.has_any(SUPERVISORS)
    }  # (not others of that unit: they owe nothing there, and an auditor's asking is recorded)
    gathered = await gather_todos(door.client(), urls, authorization, supervised)
    headers = {"ETag": gathered.etag, "Cache-Control": "private, no-cache"}
    if request.headers.get("if-none-match") == gathered.etag:
        return Response(status_code=304, headers=headers)
    response.headers.update(headers)
    return TodosOut(
        items=gathered.items,
        unavailable=[
            UnavailableOut(service=u.service, reason=u.reason) for u in gathered.unavailable
        ],
        as_of=door.clock.now(),
    )
