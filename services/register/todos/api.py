"""The caller's register to-dos over HTTP: `GET /todos` (工作台, Art. 10, 14, 15, 25)."""

from __future__ import annotations

from fastapi import APIRouter

from services.register.api_deps import RegisterApp
from services.register.todos import handlers
from shared.deps import CurrentUser
from shared.paging import paged
from shared.todos import TodoItem

router = APIRouter(tags=["to-dos 待办"])


@router.get(
    "/todos",
    summary="What the register asks of you next: judge, vote, publish, answer, measures (工作台)",
)
@paged
def my_todos(app: RegisterApp, who: CurrentUser) -> list[TodoItem]:
    """Computed from the events at each call; any signed-in role may ask (an empty list when
    its role owes nothing here)."""
    return handlers.todos(app, who)
