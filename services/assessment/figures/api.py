"""Routes of the live figures 实时指标 for dashboards (Art. 31)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from services.assessment.api_deps import AssessmentApp, Reader
from shared.bounds import Code
from shared.paging import paged

router = APIRouter(prefix="/figures", tags=["live figures 实时指标"])
Year = Annotated[int, Query(ge=2000, le=2100, description="The year (考核年度, Beijing time).")]


class FiguresOut(BaseModel):
    unit_code: str
    year: int
    counts: dict[str, int] = Field(description="Facts counted so far this year, by kind.")
    live: dict[str, Any] = Field(
        description="risks_by_grade (current grade of each graded point), warnings_by_level, "
        "open_warnings_by_level, overdue_actions, on_time_reporting_rate ((reports - late) / "
        "(reports + missed), null before anything was due)."
    )


@router.get("", summary="Live figures of every unit in a subtree with facts this year (Art. 31)")
@paged
def list_figures(
    reader: Reader, app: AssessmentApp, year: Year, within: Code | None = None
) -> list[FiguresOut]:
    root = within or reader.unit_code
    app.ensure_within(reader, root, "within")
    return [
        FiguresOut(unit_code=code, year=year, counts=app.figures(code, year),
                   live=app.live_figures(code, year))
        for code in app.units_with_figures(root, year)
    ]  # fmt: skip


@router.get("/{unit_code}", summary="A unit's live figures for a year 实时指标 (Art. 31)")
def get_figures(unit_code: Code, reader: Reader, app: AssessmentApp, year: Year) -> FiguresOut:
    app.ensure_within(reader, unit_code)
    return FiguresOut(
        unit_code=unit_code, year=year, counts=app.figures(unit_code, year),
        live=app.live_figures(unit_code, year),
    )  # fmt: skip
