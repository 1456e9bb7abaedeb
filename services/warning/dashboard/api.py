"""The warning service's figures for the district dashboard 区级驾驶舱 (Art. 28): open warnings
by level and town, actions found overdue, warnings issued per month. Counted from the same read
model as the warnings board and the overdue list, so each figure equals its list
(docs/console-dashboard.md).
"""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from services.warning.api_deps import Reader, WarningApp
from shared.bounds import Code
from shared.dashboard import by_month, subtree_root, town_of
from shared.deps import RuntimeDep

router = APIRouter(prefix="/dashboard", tags=["dashboard 区级驾驶舱"])

DISTRICT_ITSELF = "-"
"""The `town` key of units that lie in no town (区直机关, 驻区单位, 国有企业...)."""


class WarningSummaryOut(BaseModel):
    within: str
    open_by_level_and_town: dict[str, dict[str, int]] = Field(
        description="Open warnings: level (yellow 黄, orange 橙, red 红) -> town code -> count; "
        f"'{DISTRICT_ITSELF}' for units in no town (Art. 28)."
    )
    overdue_actions: int = Field(
        description="Actions found overdue 逾期未整改, as the overdue list shows them (Art. 28)."
    )
    issued_by_month: dict[str, int] = Field(
        description="Warnings issued per Beijing month, the last twelve (Art. 28)."
    )


@router.get("", summary="The warning service's figures of a subtree for the district dashboard")
def summary(
    who: Reader, runtime: RuntimeDep, app: WarningApp, within: Code | None = None
) -> WarningSummaryOut:
    root = subtree_root(runtime, who, within)
    every = app.list_warnings(root, open_only=False)
    grid: dict[str, dict[str, int]] = {}
    for w in every:
        if not w.is_open:
            continue
        chain = ((u.code, u.kind) for u in runtime.org.ancestors(w.subject_unit))
        town = town_of(chain) or DISTRICT_ITSELF
        row = grid.setdefault(w.level.value, {})
        row[town] = row.get(town, 0) + 1
    return WarningSummaryOut(
        within=root,
        open_by_level_and_town=grid,
        overdue_actions=len(app.list_overdue(root)),
        issued_by_month=by_month((w.issued_at for w in every), app.clock.now()),
    )
