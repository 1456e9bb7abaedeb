"""The caller's warning to-dos over HTTP: `GET /todos` (工作台, Art. 27, 28, 29).

The body directly above this node's root asks too: it supervises the root's disposals
(分级监督, Art. 29), so its office and leaders are owed their sign-offs here (see
`shared.deps.ensure_on_node`)."""

from __future__ import annotations

from fastapi import APIRouter

from services.warning.api_deps import WarningApp
from services.warning.todos import handlers
from shared.deps import SupervisingUser
from shared.paging import paged
from shared.todos import TodoItem

router = APIRouter(tags=["to-dos 待办"])


@router.get(
    "/todos",
    summary="What the warning service asks of you next: review, act, verify, supervise (工作台)",
)
@paged
def my_todos(app: WarningApp, who: SupervisingUser) -> list[TodoItem]:
    """Computed from the events at each call; any signed-in role may ask (an empty list when
    its role owes nothing here)."""
    return handlers.todos(app, who)
