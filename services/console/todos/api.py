"""The 工作台's to-do list over HTTP: `GET /todos` (the browser: `/api/console/todos`).

Any signed-in person asks for their own; the console gathers it from the node's services as
that person (handlers.py). The console polls it in the background (header
`X-Lianfang-Background: 1`, which does not keep an idle session alive) with `If-None-Match`: a 304
while nothing changed, so a new event concerning the person shows within one poll.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from services.console.bff.deps import ConsoleCaller, FrontDoorDep
from services.console.bff.sessions import SESSION_COOKIE
from services.console.todos.handlers import gather_todos
from shared.todos import TodoItem

if TYPE_CHECKING:
    from services.console.bff.gateway import FrontDoor

router = APIRouter(tags=["to-dos 待办"])


class UnavailableOut(BaseModel):
    service: str = Field(description="intake, register or warning")
    reason: str = Field(description="Why its part is missing, in Chinese.")


class TodosOut(BaseModel):
    """The caller's to-dos from every service, the soonest deadline first (工作台)."""

    items: list[TodoItem]
    unavailable: list[UnavailableOut] = Field(
        description="Services whose part is missing (down or slow): the rest still shows."
    )
    as_of: datetime = Field(description="When the services were asked.")


def _session_bearer(request: Request, door: FrontDoor) -> str:
    """The session's token, when the browser called `/todos` with its cookie alone (the
    caller was checked already; `/api/console/todos` comes with it as a bearer)."""
    session = door.live(request.cookies.get(SESSION_COOKIE), activity=False)
    return f"Bearer {session.token}" if session is not None else ""


@router.get(
    "/todos",
    summary="Your to-dos from every service of this node, the soonest deadline first (工作台)",
    response_model=TodosOut,
    responses={304: {"description": "Unchanged since the ETag given in If-None-Match."}},
)
async def my_todos(
    request: Request, who: ConsoleCaller, door: FrontDoorDep, response: Response
) -> TodosOut | Response:
    """Asked of intake, register and warning with the caller's own token, merged."""
    authorization = request.headers.get("authorization") or _session_bearer(request, door)
    gathered = await gather_todos(door.client(), door.proxy.service_urls(), authorization)
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
