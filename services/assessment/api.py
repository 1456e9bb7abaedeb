"""Assessment's HTTP routes: live figures (Art. 31)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from services.assessment.app import AssessmentApplication
from shared.auth import Principal, Role
from shared.deps import RuntimeDep, ensure_jurisdiction, require_roles

router = APIRouter(prefix="/figures", tags=["live figures 实时指标"])

Reader = Annotated[
    Principal, Depends(require_roles(Role.OFFICE, Role.AUDITOR, Role.LEADER, Role.ADMIN))
]


class FiguresOut(BaseModel):
    unit_code: str
    year: int
    counts: dict[str, int] = Field(description="Facts counted so far this year, by kind.")


@router.get("/{unit_code}", summary="A unit's live figures for a year (Art. 31)")
def get_figures(
    unit_code: str,
    reader: Reader,
    runtime: RuntimeDep,
    year: Annotated[int, Query(ge=2000, le=2100)],
) -> FiguresOut:
    ensure_jurisdiction(runtime, reader, unit_code)
    app = runtime.app
    assert isinstance(app, AssessmentApplication)
    return FiguresOut(unit_code=unit_code, year=year, counts=app.figures(unit_code, year))
