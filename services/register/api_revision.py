"""Routes that revise a reopened risk point 动态修正: content and resubmission (Art. 14, 30).

A point is reopened only by a RevisionRequested from the assessment service (Art. 30); grades and
measures then change through the usual routes (grading, measures) and the team votes again.
"""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, status
from pydantic import BaseModel, ConfigDict, Field

from services.register.api_deps import Editor, RegisterApp
from services.register.api_risk_points import FocusIn
from services.register.revision_commands import RevisedContent
from services.register.risk_points.model import Focus
from shared.deps import RuntimeDep, ensure_jurisdiction
from shared.vocabulary import RiskCategory

router = APIRouter(prefix="/risk-points", tags=["risk register 廉政风险点"])


class ContentIn(BaseModel):
    """The revised content of a risk point (风险内容修正, Art. 13, 30)."""

    model_config = ConfigDict(extra="forbid")

    category: RiskCategory = Field(description="Risk category (风险类别, Art. 13).")
    description: str = Field(min_length=1, max_length=2000, description="The risk (风险描述).")
    manifestations: list[str] = Field(
        min_length=1, description="How the risk shows (风险表现形式, Art. 10)."
    )
    focus: FocusIn = Field(default_factory=FocusIn, description="Focus flags (排查重点, Art. 12).")
    reason: str = Field(min_length=1, max_length=2000, description="Why it changes (修正理由).")


class ResubmissionIn(BaseModel):
    """A revised point whose grade stands, sent to the team again (重新审定, Art. 14, 30)."""

    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=1, max_length=2000, description="What was revised (修正说明).")


@router.put(
    "/{risk_point_id}/content",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Revise the content of a point awaiting grading or approval (Art. 30)",
)
def revise_content(
    risk_point_id: UUID, body: ContentIn, who: Editor, runtime: RuntimeDep, app: RegisterApp
) -> None:
    ensure_jurisdiction(runtime, who, app.get_risk_point(risk_point_id).unit_code)
    revised = RevisedContent(
        category=body.category.value,
        description=body.description,
        manifestations=body.manifestations,
        reason=body.reason,
        focus=Focus(**body.focus.model_dump()),
    )
    app.revise_content(risk_point_id, revised, who)


@router.post(
    "/{risk_point_id}/resubmission",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Send a revised point, grade kept, to the leadership team again (Art. 14, 30)",
)
def resubmit(
    risk_point_id: UUID, body: ResubmissionIn, who: Editor, runtime: RuntimeDep, app: RegisterApp
) -> None:
    ensure_jurisdiction(runtime, who, app.get_risk_point(risk_point_id).unit_code)
    app.resubmit(risk_point_id, body.reason, who)
