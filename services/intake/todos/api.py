"""The caller's intake to-dos over HTTP: `GET /todos` (工作台, Art. 22–24)."""

from __future__ import annotations

from fastapi import APIRouter

from services.intake.api_deps import IntakeApp
from services.intake.todos import handlers
from shared.deps import CurrentUser
from shared.paging import paged
from shared.todos import TodoItem

router = APIRouter(tags=["to-dos 待办"])


@router.get(
    "/todos",
    summary="What intake asks of you next: reports owed, forwards, breaches (工作台)",
)
@paged
def my_todos(app: IntakeApp, who: CurrentUser) -> list[TodoItem]:
    """Computed from the events at each call; any signed-in role may ask (an empty list when
    its role owes nothing here)."""
    return handlers.todos(app, who)
