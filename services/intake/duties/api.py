"""Reporting duties, periodic reports, breaches and compliance figures over HTTP (Art. 23)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Query, status
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from services.intake.api_deps import Decider, IntakeApp, Office, Overseer, Reporter
from services.intake.duties import handlers
from services.intake.duties.model import PERIOD_PATTERN, ReportingBreach, ReportingDuty
from shared.bounds import Code, Paragraphs, SingleLine
from shared.deps import RuntimeDep, ensure_jurisdiction
from shared.paging import paged

router = APIRouter(tags=["reporting obligations 报告义务"])

UnitQuery = Annotated[Code | None, Query(description="Subtree root; your own unit by default.")]


class DutyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    unit_code: Code
    name: SingleLine = Field(min_length=1, max_length=100, description="e.g. 月度廉政风险信息报告")
    kind: Literal["periodic", "event"] = Field(description="periodic 定期 · event 事件触发")
    every: Literal["monthly", "quarterly"] | None = None
    due_days: int = Field(description="Days after the period end / after learning (时限).")
    effective_from: AwareDatetime


class DutyOut(BaseModel):
    duty_id: UUID
    unit_code: str
    name: str
    kind: str
    every: str | None
    due_days: int
    effective_from: datetime


class ReportIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    period: str = Field(pattern=PERIOD_PATTERN, description="e.g. 2026-01 or 2026-Q1")
    summary: Paragraphs = Field(min_length=1, max_length=4000)


class ReportOut(BaseModel):
    report_id: UUID
    period: str
    due_at: datetime
    submitted_at: datetime
    late: bool = Field(description="迟报: submitted after the due time.")


class BreachOut(BaseModel):
    breach_id: UUID
    kind: str = Field(description="late 迟报 · missed 漏报 · concealment_candidate 瞒报嫌疑")
    unit_code: str
    period: str | None
    due_at: datetime
    responsible_person_id: str | None = Field(description="第一责任人 (principal leader)")
    information_id: UUID | None
    detected_at: datetime
    status: str = Field(description="recorded · to_review · confirmed · dismissed")


class ReviewIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    confirmed: bool = Field(description="True confirms 瞒报; False dismisses the candidate.")
    reason: Paragraphs = Field(
        min_length=1,
        max_length=2000,
        description="Reasons (复核意见); published in ReportingBreachReviewed, so never name a "
        "petitioner (保护举报人).",
    )


class FindingIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["untrue", "inaccurate"] = Field(
        description="untrue 不真实 · inaccurate 核心内容不准确 (Art. 23)."
    )
    reason: Paragraphs = Field(
        min_length=1,
        max_length=2000,
        description="What was found (核查情况); published in ReportingBreachFound.",
    )


class FindingOut(BaseModel):
    report_id: UUID
    unit_code: str = Field(description="The unit that made the report (报送单位); it answers.")
    period: str
    submitted_by: dict[str, str] = Field(description="Who made the report (报送人); answers.")
    kind: str
    reason: str
    found_by: dict[str, str]
    found_at: datetime


class ComplianceOut(BaseModel):
    unit_code: str
    period: str
    own_reports: int
    other_channel: int
    periodic_reports: int
    late: int
    missed: int
    concealment_candidates: int
    concealment_confirmed: int


def _duty(d: ReportingDuty) -> DutyOut:
    return DutyOut(
        duty_id=d.id,
        unit_code=d.unit_code,
        name=d.name,
        kind=d.kind,
        every=d.every,
        due_days=d.due_days,
        effective_from=d.effective_from,
    )


def _breach(b: ReportingBreach) -> BreachOut:
    return BreachOut(
        breach_id=b.id,
        kind=b.kind,
        unit_code=b.unit_code,
        period=b.period,
        due_at=b.due_at,
        responsible_person_id=b.responsible_person_id,
        information_id=b.information_id,
        detected_at=b.detected_at,
        status=b.status,
    )


@router.post("/duties", status_code=status.HTTP_201_CREATED, summary="Set a reporting duty")
def define_duty(body: DutyIn, office: Office, runtime: RuntimeDep, app: IntakeApp) -> DutyOut:
    ensure_jurisdiction(runtime, office, body.unit_code)
    duty = handlers.define_duty(
        app,
        body.unit_code,
        body.name,
        body.kind,
        body.every,
        body.due_days,
        body.effective_from,
        office,
    )
    return _duty(duty)


@router.get("/duties", summary="Reporting duties of a subtree (Art. 23)")
@paged
def list_duties(
    who: Overseer, runtime: RuntimeDep, app: IntakeApp, unit: UnitQuery = None
) -> list[DutyOut]:
    root = unit or who.unit_code
    ensure_jurisdiction(runtime, who, root)
    return [_duty(d) for d in app.view.duties() if runtime.org.is_within(d.unit_code, root)]


@router.post(
    "/duties/{duty_id}/reports",
    status_code=status.HTTP_201_CREATED,
    summary="Submit a periodic report 定期报告 (late ones are recorded 迟报)",
)
def submit_report(duty_id: UUID, body: ReportIn, who: Reporter, app: IntakeApp) -> ReportOut:
    report = handlers.submit_periodic_report(app, duty_id, body.period, body.summary, who)
    return ReportOut(
        report_id=report.id,
        period=report.period,
        due_at=report.due_at,
        submitted_at=report.submitted_at,
        late=report.late,
    )


@router.post(
    "/duties/{duty_id}/reports/{period}/finding",
    status_code=status.HTTP_201_CREATED,
    summary="Find a periodic report untrue or inaccurate 报送不实 (Art. 23), by the level above",
)
def find_report_wanting(
    duty_id: UUID, period: Code, body: FindingIn, who: Decider, app: IntakeApp
) -> FindingOut:
    report = handlers.find_report_wanting(app, duty_id, period, body.kind, body.reason, who)
    assert report.finding is not None
    return FindingOut(
        report_id=report.id, unit_code=report.unit_code, period=report.period,
        submitted_by=report.submitted_by, kind=report.finding["kind"],
        reason=report.finding["reason"], found_by=report.finding["by"],
        found_at=report.finding["at"],
    )  # fmt: skip


@router.get("/breaches", summary="Reporting breaches 迟报/漏报/瞒报 of a subtree (Art. 23)")
@paged
def list_breaches(
    who: Overseer, runtime: RuntimeDep, app: IntakeApp, unit: UnitQuery = None
) -> list[BreachOut]:
    root = unit or who.unit_code
    ensure_jurisdiction(runtime, who, root)
    return [_breach(b) for b in handlers.breaches(app, root)]


@router.post("/breaches/{breach_id}/review", summary="Confirm or dismiss a 瞒报 candidate")
def review_breach(breach_id: UUID, body: ReviewIn, office: Office, app: IntakeApp) -> BreachOut:
    return _breach(handlers.review_breach(app, breach_id, body.confirmed, body.reason, office))


@router.get("/compliance", summary="Reporting figures of a unit in a period (Art. 23)")
def compliance(
    who: Overseer,
    runtime: RuntimeDep,
    app: IntakeApp,
    period: Annotated[str, Query(pattern=PERIOD_PATTERN)],
    unit: UnitQuery = None,
) -> ComplianceOut:
    root = unit or who.unit_code
    ensure_jurisdiction(runtime, who, root)
    return ComplianceOut(**vars(handlers.compliance(app, root, period)))


@router.get(
    "/compliance/units",
    summary="Reporting figures of each unit with a duty in a subtree, for a period (Art. 23)",
)
@paged
def compliance_by_unit(
    who: Overseer,
    runtime: RuntimeDep,
    app: IntakeApp,
    period: Annotated[str, Query(pattern=PERIOD_PATTERN)],
    unit: UnitQuery = None,
) -> list[ComplianceOut]:
    root = unit or who.unit_code
    ensure_jurisdiction(runtime, who, root)
    return [ComplianceOut(**vars(c)) for c in handlers.compliance_by_unit(app, root, period)]
