"""Intake's figures for the district dashboard 区级驾驶舱 (Art. 23, 24): forwards awaiting the
lower level's handling report, reporting breaches by kind, information filed per month.

Computed here from intake's own read model, so each figure equals what intake's lists show; the
console lays the four services' summaries side by side (docs/console-dashboard.md).
"""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from services.intake.api_deps import IntakeApp, Overseer
from shared.bounds import Code
from shared.dashboard import by_month, subtree_root
from shared.deps import RuntimeDep

router = APIRouter(prefix="/dashboard", tags=["dashboard 区级驾驶舱"])


class IntakeSummaryOut(BaseModel):
    within: str
    forwards_awaiting_feedback: int = Field(
        description="Forwards 批转 whose handling report the lower level still owes (Art. 24)."
    )
    forwards_overdue: int = Field(description="Of those, past their feedback deadline (Art. 24).")
    breaches_by_kind: dict[str, int] = Field(
        description="Reporting breaches by kind: late 迟报, missed 漏报, concealment_candidate "
        "瞒报线索 (dismissed candidates not counted) (Art. 23)."
    )
    filed_by_month: dict[str, int] = Field(
        description="Information filed per Beijing month, the last twelve (Art. 22)."
    )


@router.get("", summary="Intake's figures of a subtree for the district dashboard (Art. 23, 24)")
def summary(
    who: Overseer, runtime: RuntimeDep, app: IntakeApp, within: Code | None = None
) -> IntakeSummaryOut:
    root = subtree_root(runtime, who, within)
    cases = [c for c in app.view.cases() if app.org.is_within(c.unit_code, root)]
    waiting = [c for c in cases if c.awaiting_feedback]
    kinds: dict[str, int] = {}
    for b in app.view.breaches():
        if app.org.is_within(b.unit_code, root) and b.status != "dismissed":
            kinds[b.kind] = kinds.get(b.kind, 0) + 1
    return IntakeSummaryOut(
        within=root,
        forwards_awaiting_feedback=len(waiting),
        forwards_overdue=sum(1 for c in waiting if c.overdue_at is not None),
        breaches_by_kind=kinds,
        filed_by_month=by_month((c.filed_at for c in cases), app.clock.now()),
    )
