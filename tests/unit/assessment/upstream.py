"""Upstream public events as intake, register and warning publish them, for assessment's tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import count
from typing import Any
from uuid import UUID, uuid4

from eventsourcing.persistence import Tracking

from shared.application import ServiceApplication
from shared.events import (
    Actor,
    CloudEvent,
    DisposalOverdue,
    DisposalOverdueData,
    DisposalReworkOverdue,
    DisposalReworkOverdueData,
    DueAction,
    GradingFactors,
    JudgementMade,
    JudgementMadeData,
    PowerCatalogued,
    PowerCataloguedData,
    PowerCharted,
    PowerChartedData,
    RectificationOverdue,
    RectificationOverdueData,
    ReportingBreachFound,
    ReportingBreachFoundData,
    ReportingBreachReviewed,
    ReportingBreachReviewedData,
    RiskGraded,
    RiskGradedData,
    RiskPointApproved,
    RiskPointApprovedData,
    RiskPointInForce,
    RiskPointInForceData,
    RiskPointPublished,
    RiskPointPublishedData,
    RiskPointReopened,
    RiskPointReopenedData,
    WarningClosed,
    WarningClosedData,
    WarningIssued,
    WarningIssuedData,
)
from shared.events.register import JudgedReportingBreach
from shared.vocabulary import Grade, GradeSource, RiskCategory, Verdict, WarningLevel

AT = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
UNIT = "QX-TH-CZS"
OFFICE = Actor(user_id="u-th-office", role="office", unit_code="QX-TH")
_offsets = count(1)


def _common(unit: str, at: datetime, authority: str) -> dict[str, Any]:
    return {"schema_version": 1, "unit_code": unit, "node_id": "district", "actor": OFFICE,
            "authority": authority, "occurred_at": at}  # fmt: skip


def graded(
    point: UUID, grade: Grade = Grade.MEDIUM, unit: str = UNIT, at: datetime = AT
) -> RiskGraded:
    data = RiskGradedData(
        **_common(unit, at, "Art. 14"), risk_point_id=point,
        category=RiskCategory.BUSINESS_PROCESS,
        factors=GradingFactors(importance=2, discretion=2, probability=2, harm=2), grade=grade,
        previous_grade=None, source=GradeSource.IDENTIFICATION, reason="岗位风险排查",
        information_id=None, judgement_id=None, recommended_level=None,
    )  # fmt: skip
    return RiskGraded.create(data=data, subject=str(point), source="/lianfang/district/register",
                             clock_now=at)  # fmt: skip


REGISTER = "/lianfang/district/register"


def catalogued(power: UUID, unit: str = UNIT, at: datetime = AT) -> PowerCatalogued:
    data = PowerCataloguedData(
        **_common(unit, at, "Art. 11"), power_id=power, name="财政专项资金拨付",
        kind="benefit", legal_basis="《财政资金管理办法》", posts=("出纳岗",),
    )  # fmt: skip
    return PowerCatalogued.create(data=data, subject=str(power), source=REGISTER, clock_now=at)


def charted(power: UUID, version: int = 1, unit: str = UNIT, at: datetime = AT) -> PowerCharted:
    data = PowerChartedData(**_common(unit, at, "Art. 11"), power_id=power,
                            flowchart_version=version, steps=3)  # fmt: skip
    return PowerCharted.create(data=data, subject=str(power), source=REGISTER, clock_now=at)


def approved(
    point: UUID, grade: Grade = Grade.MEDIUM, unit: str = UNIT, at: datetime = AT
) -> RiskPointApproved:
    data = RiskPointApprovedData(
        **_common(unit, at, "Art. 14"), risk_point_id=point, grade=grade, approval_round=1,
        team_size=3, needed=2, in_favour=2, against=0, responsible_leader_id="p-leader",
    )  # fmt: skip
    return RiskPointApproved.create(data=data, subject=str(point), source=REGISTER, clock_now=at)


def published(point: UUID, unit: str = UNIT, at: datetime = AT) -> RiskPointPublished:
    data = RiskPointPublishedData(**_common(unit, at, "Art. 10"), risk_point_id=point,
                                  starts_at=at, ends_at=at + timedelta(days=5))  # fmt: skip
    return RiskPointPublished.create(data=data, subject=str(point), source=REGISTER, clock_now=at)


def in_force(point: UUID, unit: str = UNIT, at: datetime = AT) -> RiskPointInForce:
    data = RiskPointInForceData(**_common(unit, at, "Art. 10"), risk_point_id=point,
                                objections_answered=0)  # fmt: skip
    return RiskPointInForce.create(data=data, subject=str(point), source=REGISTER, clock_now=at)


def reopened(point: UUID, unit: str = UNIT, at: datetime = AT) -> RiskPointReopened:
    """The register reopened `point` on an inspection's request (Art. 30)."""
    inspector = Actor(user_id="u-qx-inspector", role="auditor", unit_code="QX")
    data = RiskPointReopenedData(
        **{**_common(unit, at, "Art. 30"), "actor": inspector}, risk_point_id=point,
        request_id=uuid4(), request_event_id=str(uuid4()), inspection_id=uuid4(),
        finding_id=uuid4(), aspects=("grade",), finding="等级评定偏低", revise_by=None,
        status_before="in_force", grade=Grade.MEDIUM,
    )  # fmt: skip
    return RiskPointReopened.create(data=data, subject=str(point), source=REGISTER, clock_now=at)


def breach(kind: str = "late", unit: str = UNIT, at: datetime = AT) -> ReportingBreachFound:
    data = ReportingBreachFoundData(
        **_common(unit, at, "Art. 23"), breach_id=uuid4(), kind=kind,
        duty_id=uuid4(), period="2026-02", due_at=at - timedelta(days=3),
        responsible_person_id="p-leader", evidence_event_ids=(), information_id=None,
    )  # fmt: skip
    return ReportingBreachFound.create(
        data=data, subject=str(data.duty_id), source="/lianfang/district/intake", clock_now=at
    )


def reviewed(
    found: ReportingBreachFound, decision: str, at: datetime = AT + timedelta(days=10)
) -> ReportingBreachReviewed:
    """The office confirms or dismisses the 瞒报 candidate `found`, with reasons (Art. 23)."""
    f = found.data
    reviewer = Actor(user_id="u-qx-office", role="office", unit_code="QX")
    data = ReportingBreachReviewedData(
        **{**_common(f.unit_code, at, "Art. 23"), "actor": reviewer}, breach_id=f.breach_id,
        kind="concealment_candidate", decision=decision, reason="经核实，该单位已按时报告",
        duty_id=f.duty_id, information_id=f.information_id, found_event_id=found.id,
        found_at=f.occurred_at,
    )  # fmt: skip
    return ReportingBreachReviewed.create(
        data=data, subject=str(f.breach_id), source="/lianfang/district/intake", clock_now=at
    )


def untrue_report_judged(
    unit: str = UNIT, at: datetime = AT, reporting_unit: str | None = UNIT
) -> JudgementMade:
    """A report about `unit`, made by `reporting_unit`'s officer, judged untrue (Art. 23)."""
    data = JudgementMadeData(
        **_common(unit, at, "Art. 23, 25"), judgement_id=uuid4(),
        information_id=uuid4(), risk_point_id=None, verdict=Verdict.UNFOUNDED,
        recommended_level=None, reasoning="经核实，报告内容不属实",
        reporting_breach=JudgedReportingBreach(
            breach_id=uuid4(), kind="untrue", responsible_person_id="p-officer",
            reported_event_id=str(uuid4()), reported_at=at - timedelta(days=5),
            reporting_unit=reporting_unit,
        ),
    )  # fmt: skip
    return JudgementMade.create(data=data, subject=str(data.information_id),
                                source="/lianfang/district/register", clock_now=at)  # fmt: skip


def issued(level: WarningLevel, unit: str = UNIT, at: datetime = AT) -> WarningIssued:
    warning_id = uuid4()
    data = WarningIssuedData(
        **_common(unit, at, "Art. 28"), warning_id=warning_id,
        notice_number=f"清新廉预〔2026〕-{warning_id.hex[:4]}", level=level,
        subject_person_id=None, risk_point_id=None, judgement_id=None, meeting_id=uuid4(),
        actions=(DueAction(action_id=uuid4(), kind="rectification", description="限期整改",
                           due_at=at + timedelta(days=30)),),
    )  # fmt: skip
    return WarningIssued.create(data=data, subject=str(warning_id),
                                source="/lianfang/district/warning", clock_now=at)  # fmt: skip


def overdue(warning: WarningIssued, at: datetime = AT + timedelta(days=31)) -> RectificationOverdue:
    w = warning.data
    action = w.actions[0]
    data = RectificationOverdueData(
        **_common(w.unit_code, at, "Art. 28"), warning_id=w.warning_id,
        notice_number=w.notice_number, level=w.level, action_id=action.action_id,
        action_kind=action.kind, due_at=action.due_at, detected_at=at,
    )  # fmt: skip
    return RectificationOverdue.create(
        data=data, subject=str(w.warning_id), source="/lianfang/district/warning", clock_now=at
    )


def rework_overdue(
    warning: WarningIssued, body: str, at: datetime = AT + timedelta(days=60)
) -> DisposalReworkOverdue:
    """The disposing body `body` did not report its rework after a return (Art. 29)."""
    w = warning.data
    data = DisposalReworkOverdueData(
        **_common(body, at, "Art. 29"), warning_id=w.warning_id, notice_number=w.notice_number,
        warned_unit=w.unit_code, return_number=1, returned_at=at - timedelta(days=10),
        due_at=at - timedelta(seconds=1), detected_at=at,
    )  # fmt: skip
    return DisposalReworkOverdue.create(
        data=data, subject=str(w.warning_id), source="/lianfang/district/warning", clock_now=at
    )


def disposal_overdue(
    warning: WarningIssued,
    body: str,
    kind: str = "warning_talk",
    at: datetime = AT + timedelta(days=11),
) -> DisposalOverdue:
    """The disposing body `body` missed a talk (or letter) it owed under `warning` (Art. 28)."""
    w = warning.data
    data = DisposalOverdueData(
        **_common(body, at, "Art. 28"), warning_id=w.warning_id, notice_number=w.notice_number,
        level=w.level, warned_unit=w.unit_code, action_id=uuid4(), action_kind=kind,
        due_at=at - timedelta(days=1), detected_at=at,
    )  # fmt: skip
    return DisposalOverdue.create(
        data=data, subject=str(w.warning_id), source="/lianfang/district/warning", clock_now=at
    )


def closed(warning: WarningIssued, at: datetime = AT + timedelta(days=20)) -> WarningClosed:
    w = warning.data
    data = WarningClosedData(
        **_common(w.unit_code, at, "Art. 28"), warning_id=w.warning_id,
        notice_number=w.notice_number, level=w.level, actions_verified=1,
    )  # fmt: skip
    return WarningClosed.create(data=data, subject=str(w.warning_id),
                                source="/lianfang/district/warning", clock_now=at)  # fmt: skip


def feed(app: ServiceApplication, event: CloudEvent) -> None:
    """Hand an upstream event to the application as the inbox would, at a fresh position."""
    app.process_event(event, Tracking("lianfang.upstream-0", next(_offsets)))
