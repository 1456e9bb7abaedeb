"""The assessment service's figures for the district dashboard 区级驾驶舱: this year's annual
scores of the units in a subtree (Art. 31), as recorded (scored or published), the same records
the ranking and the unit's scorecard read (docs/console-dashboard.md).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from services.assessment.api_deps import AssessmentApp, Reader
from shared.bounds import Code
from shared.dashboard import subtree_root
from shared.deps import RuntimeDep

router = APIRouter(prefix="/dashboard", tags=["dashboard 区级驾驶舱"])


class ScoreLine(BaseModel):
    unit_code: str
    total: float = Field(description="The scorecard's total, 0..100 (Art. 31).")
    grade: str = Field(description="excellent 优秀 · good 良好 · pass 合格 · fail 不合格.")
    status: str = Field(description="draft (scored, not published) or published.")


class AssessmentSummaryOut(BaseModel):
    within: str
    year: int
    scores: list[ScoreLine] = Field(description="The year's recorded scores, highest first.")


@router.get("", summary="This year's annual scores of a subtree for the district dashboard")
def summary(
    reader: Reader,
    runtime: RuntimeDep,
    app: AssessmentApp,
    within: Code | None = None,
    year: Annotated[int | None, Query(ge=2000, le=2100, description="Default this year.")] = None,
) -> AssessmentSummaryOut:
    root = subtree_root(runtime, reader, within)
    when = year or app.this_year()
    lines = [
        ScoreLine(
            unit_code=a.unit_code, total=a.scorecard["total"], grade=a.scorecard["grade"],
            status="published" if a.is_published else "draft",
        )
        for a in app.assessments(when, root)
    ]  # fmt: skip
    lines.sort(key=lambda line: (-line.total, line.unit_code))
    return AssessmentSummaryOut(within=root, year=when, scores=lines)
