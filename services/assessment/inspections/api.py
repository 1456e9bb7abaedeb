"""Routes of inspections 检查 and their findings 检查发现 (动态修正, Art. 30)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Query, status
from pydantic import BaseModel, ConfigDict, Field

from services.assessment.api_deps import AssessmentApp, Inspector, Office, Reader
from services.assessment.inspections.handlers import NewFinding, NewInspection
from services.assessment.inspections.model import (
    Inspection,
    InspectionKind,
    SelfTrigger,
    SuperiorMethod,
)
from shared.bounds import Code, Paragraphs, SingleLine
from shared.paging import paged

router = APIRouter(prefix="/inspections", tags=["inspections 检查 (Art. 30)"])


class InspectionIn(BaseModel):
    """Task a self-inspection 自查, or open an internal inspection or superior supervision."""

    model_config = ConfigDict(extra="forbid")

    kind: InspectionKind = Field(
        description="self_inspection 自查; internal 主管部门内部检查; superior 上级监督."
    )
    unit_code: Code = Field(min_length=1, description="The unit inspected.")
    title: SingleLine = Field(
        min_length=1, max_length=200, description="What the inspection is (名称)."
    )
    year: int | None = Field(None, ge=2000, le=2100, description="Assessment year; default now.")
    method: SuperiorMethod | None = Field(
        None,
        description="Superior supervision only: information_monitoring 信息监测, "
        "unannounced_visit 明察暗访, social_review 社会评议.",
    )
    trigger: SelfTrigger | None = Field(
        None,
        description="Self-inspection only: annual 年度, or a change of staff, law, function, duty.",
    )
    due_on: date | None = Field(None, description="When a self-inspection is due (完成时限).")


class AnnualTaskIn(BaseModel):
    """Task every unit below a unit with its annual self-inspection 年度自查 (Art. 30)."""

    model_config = ConfigDict(extra="forbid")

    within: Code = Field(min_length=1, description="The unit whose subtree is tasked (itself not).")
    year: int = Field(ge=2000, le=2100, description="The assessment year.")
    due_on: date | None = Field(None, description="When the self-inspections are due.")


class FindingIn(BaseModel):
    """A finding; naming aspects of a risk point asks the register to revise it (Art. 30)."""

    model_config = ConfigDict(extra="forbid")

    description: Paragraphs = Field(min_length=1, max_length=4000, description="What was found.")
    risk_point_id: UUID | None = Field(None, description="The risk point concerned, if any.")
    aspects: list[Literal["content", "grade", "measures"]] = Field(
        default_factory=list,
        max_length=10,
        description="What of the risk point is wrong: content 风险内容, grade 风险等级, "
        "measures 防控措施; each named aspect sends a RevisionRequested to the register.",
    )
    rectify_by: date | None = Field(None, description="Rectification deadline (整改时限).")
    revise_by: datetime | None = Field(None, description="When the register should revise by.")


class CloseIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rectification: Paragraphs = Field(
        min_length=1, max_length=4000, description="What was rectified."
    )


class CompleteIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    summary: Paragraphs = Field("", max_length=4000, description="Conclusion of the inspection.")


class FindingOut(BaseModel):
    finding_id: UUID
    description: str
    risk_point_id: UUID | None
    aspects: list[str]
    rectify_by: date | None
    recorded_at: datetime
    closed_at: datetime | None
    rectification: str


class InspectionOut(BaseModel):
    id: UUID
    kind: str
    method: str | None
    trigger: str | None
    unit_code: str
    year: int
    inspecting_unit: str
    title: str
    due_on: date | None
    completed_at: datetime | None
    summary: str
    findings: list[FindingOut]


def inspection_out(i: Inspection) -> InspectionOut:
    # A finding's fields are read as they are (the aspects tuple becomes a list).
    findings = [FindingOut.model_validate(f, from_attributes=True) for f in i.findings.values()]
    return InspectionOut(
        id=i.id, kind=i.kind.value, method=i.method.value if i.method else None,
        trigger=i.trigger.value if i.trigger else None, unit_code=i.unit_code, year=i.year,
        inspecting_unit=i.inspecting_unit, title=i.title, due_on=i.due_on,
        completed_at=i.completed_at, summary=i.summary, findings=findings,
    )  # fmt: skip


@router.post("", status_code=status.HTTP_201_CREATED, summary="Open an inspection (Art. 30)")
def open_inspection(body: InspectionIn, by: Inspector, app: AssessmentApp) -> InspectionOut:
    new = NewInspection(
        kind=body.kind, unit_code=body.unit_code, title=body.title, year=body.year,
        method=body.method.value if body.method else None,
        trigger=body.trigger.value if body.trigger else None, due_on=body.due_on,
    )  # fmt: skip
    return inspection_out(app.open_inspection(new, by))


@router.post(
    "/annual-self-inspections",
    status_code=status.HTTP_201_CREATED,
    summary="Task the annual self-inspection 年度自查 of every unit below one (Art. 30)",
)
def task_annual(body: AnnualTaskIn, office: Office, app: AssessmentApp) -> list[InspectionOut]:
    tasked = app.task_annual_self_inspections(body.within, body.year, body.due_on, office)
    return [inspection_out(i) for i in tasked]


@router.get("", summary="A unit's inspections of a year (Art. 30)")
@paged
def list_inspections(
    reader: Reader,
    app: AssessmentApp,
    unit_code: Code,
    year: Annotated[int, Query(ge=2000, le=2100)],
) -> list[InspectionOut]:
    app.ensure_within(reader, unit_code)
    return [inspection_out(i) for i in app.inspections_of(unit_code, year)]


@router.get(
    "/subtree",
    summary="The year's inspections of every unit in your subtree 检查台账 (Art. 30)",
)
@paged
def list_subtree_inspections(
    reader: Reader,
    app: AssessmentApp,
    year: Annotated[int, Query(ge=2000, le=2100)],
    within: Code | None = None,
) -> list[InspectionOut]:
    root = within or reader.unit_code
    app.ensure_within(reader, root, "within")
    return [inspection_out(i) for i in app.inspections_within(root, year)]


@router.get("/{inspection_id}", summary="One inspection with its findings (Art. 30)")
def get_inspection(inspection_id: UUID, reader: Reader, app: AssessmentApp) -> InspectionOut:
    inspection = app.get_inspection(inspection_id)
    app.ensure_within(reader, inspection.unit_code)
    return inspection_out(inspection)


@router.post(
    "/{inspection_id}/findings",
    status_code=status.HTTP_201_CREATED,
    summary="Record a finding 检查发现; wrong content/grade/measures asks for revision (Art. 30)",
)
def record_finding(
    inspection_id: UUID, body: FindingIn, by: Inspector, app: AssessmentApp
) -> InspectionOut:
    new = NewFinding(
        description=body.description, risk_point_id=body.risk_point_id,
        aspects=tuple(dict.fromkeys(body.aspects)), rectify_by=body.rectify_by,
        revise_by=body.revise_by,
    )  # fmt: skip
    app.record_finding(inspection_id, new, by)
    return inspection_out(app.get_inspection(inspection_id))


@router.post(
    "/{inspection_id}/findings/{finding_id}/close",
    summary="Close a finding as rectified 整改到位 (Art. 30)",
)
def close_finding(
    inspection_id: UUID, finding_id: UUID, body: CloseIn, by: Inspector, app: AssessmentApp
) -> InspectionOut:
    app.close_finding(inspection_id, finding_id, body.rectification, by)
    return inspection_out(app.get_inspection(inspection_id))


@router.post("/{inspection_id}/complete", summary="Complete the inspection 检查完成 (Art. 30)")
def complete(
    inspection_id: UUID, body: CompleteIn, by: Inspector, app: AssessmentApp
) -> InspectionOut:
    app.complete_inspection(inspection_id, body.summary, by)
    return inspection_out(app.get_inspection(inspection_id))
