"""The register's figure for the district dashboard 区级驾驶舱: reported information still
awaiting the judgement group 待研判 (Art. 21, 25), counted from the same read model as the
information database's list, so the figure and its list agree (docs/console-dashboard.md).
"""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from services.register.api_deps import Reader, RegisterApp
from services.register.judgement.model import InformationStatus
from shared.bounds import Code
from shared.dashboard import by_month, subtree_root
from shared.deps import RuntimeDep

router = APIRouter(prefix="/dashboard", tags=["dashboard 区级驾驶舱"])


class RegisterSummaryOut(BaseModel):
    within: str
    open_information: int = Field(
        description="Reported information awaiting judgement 待研判 (Art. 21, 25)."
    )
    reported_by_month: dict[str, int] = Field(
        description="Information reported per Beijing month (when it was learned), the last "
        "twelve (Art. 21)."
    )


@router.get("", summary="The register's figures of a subtree for the district dashboard")
def summary(
    who: Reader, runtime: RuntimeDep, app: RegisterApp, within: Code | None = None
) -> RegisterSummaryOut:
    root = subtree_root(runtime, who, within)
    rows = app.list_information(root)
    return RegisterSummaryOut(
        within=root,
        open_information=sum(1 for r in rows if r.status is InformationStatus.AWAITING_JUDGEMENT),
        reported_by_month=by_month((r.learned_at for r in rows), app.clock.now()),
    )
