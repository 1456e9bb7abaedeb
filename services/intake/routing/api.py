"""Intake's HTTP routes for routing 分流 beyond screening (Art. 24): transfers, tracking, timeline.

Screening routes by jurisdiction on its own; sending a case on to the discipline authority
纪检监察机关 is a judgement a person makes and answers for, so it has its own route. Forwards to
lower nodes are tracked 跟踪督办 until the lower level reports how it handled them and the level
above signs that off 办结: reminded, recorded overdue, chased 催办 by a person, returned 退回.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from services.intake.api_deps import Decider, Handler, IntakeApp, Overseer, Reader
from services.intake.filing.handlers import readable
from services.intake.routing import handlers
from shared.bounds import Code, Line, Paragraphs
from shared.deps import RuntimeDep, ensure_jurisdiction
from shared.paging import paged
from shared.vocabulary import RoutingOutcome

if TYPE_CHECKING:
    from services.intake.filing.model import RiskInformation

router = APIRouter(prefix="/information", tags=["risk information 廉政风险信息"])
tracking = APIRouter(prefix="/forwards", tags=["risk information 廉政风险信息"])


class DisciplineTransferIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Paragraphs = Field(
        min_length=1,
        max_length=2000,
        description="Why the discipline authority must take it (移送理由).",
    )


class DisciplineTransferOut(BaseModel):
    information_id: UUID
    routing: RoutingOutcome = Field(description="transferred 移送")
    routed_to: str = Field(description="discipline_inspection 纪检监察机关")
    reason: str
    decided_by: dict[str, str]
    decided_at: datetime


@router.post(
    "/{information_id}/transfer-to-discipline",
    summary="Transfer a case to the discipline authority 移送纪检监察机关 (Art. 24), with reasons",
)
def transfer_to_discipline(
    information_id: UUID, body: DisciplineTransferIn, decider: Decider, app: IntakeApp
) -> DisciplineTransferOut:
    case = handlers.transfer_to_discipline(app, information_id, body.reason, decider)
    decision = case.discipline_transfer
    assert decision is not None
    return DisciplineTransferOut(
        information_id=case.id,
        routing=case.routing,
        routed_to=case.routed_to,
        reason=decision["reason"],
        decided_by=decision["by"],
        decided_at=decision["at"],
    )


class HandlingReportOut(BaseModel):
    round: int = Field(description="1 for the first report, n + 1 after report n was returned.")
    outcome: str = Field(description="How the matter was handled (处理结果).")
    measures: list[str] = Field(description="The measures taken (处理措施).")
    document_refs: list[str] = Field(description="References of the documents (文书、材料).")
    reported_by: dict[str, str]
    reported_at: datetime


class ForwardOut(BaseModel):
    information_id: UUID
    unit_code: str
    to_node: str
    filed_at: datetime
    feedback_due_at: datetime | None = Field(
        description="When the (reworked) handling report is due."
    )
    reminded_at: datetime | None = Field(description="When the lower node was reminded (督办).")
    overdue_at: datetime | None = Field(description="When its handling report was overdue.")
    acknowledged_at: datetime | None = Field(
        description="When the lower node's software took it in: delivery, not the answer."
    )
    chases: int = Field(description="How many times it was chased 催办 (reminders included).")
    handling_reports: list[HandlingReportOut] = Field(
        description="The lower level's handling reports (反馈), oldest first."
    )
    returned_reasons: list[str] = Field(description="Why each returned report was returned.")
    signed_off_at: datetime | None = Field(description="When this level signed it off 办结.")
    state: str = Field(
        description="awaiting · delivered · returned · reminded · overdue · reported (to "
        "review) · signed_off"
    )


def _forward(c: RiskInformation) -> ForwardOut:
    acknowledged = c.acknowledged["at"] if c.acknowledged else None
    reports = [
        HandlingReportOut(
            round=r["round"], outcome=r["outcome"], measures=r["measures"],
            document_refs=r["document_refs"], reported_by=r["reported_by"],
            reported_at=r["reported_at"],
        )
        for r in c.handling_reports
    ]  # fmt: skip
    return ForwardOut(
        information_id=c.id,
        unit_code=c.unit_code,
        to_node=c.routed_to,
        filed_at=c.filed_at,
        feedback_due_at=c.feedback_due_at,
        reminded_at=c.reminded_at,
        overdue_at=c.overdue_at,
        acknowledged_at=acknowledged,
        chases=len(c.chases),
        handling_reports=reports,
        returned_reasons=[r["reason"] for r in c.returns],
        signed_off_at=c.signed_off["at"] if c.signed_off else None,
        state=c.tracking_state,
    )


@tracking.get(
    "", summary="Forwards 批转 to lower nodes and how they were handled (跟踪督办, Art. 24)"
)
@paged
def forwards(
    who: Overseer,
    runtime: RuntimeDep,
    app: IntakeApp,
    unit: Annotated[Code | None, Query(description="Subtree root; your unit by default.")] = None,
) -> list[ForwardOut]:
    root = unit or who.unit_code
    ensure_jurisdiction(runtime, who, root)
    return [_forward(c) for c in handlers.forwards(app, root)]


class ChaseIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: Paragraphs = Field(
        min_length=1, max_length=2000, description="What the chase 催办 asks for."
    )


class ReturnIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Paragraphs = Field(
        min_length=1, max_length=2000, description="Why the report is returned (退回理由)."
    )


class SignOffIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    opinion: Paragraphs = Field("", max_length=2000, description="The sign-off opinion (办结意见).")


@tracking.post(
    "/{information_id}/chase",
    summary="Chase 催办 the lower level for its handling report; sent to its inbox (Art. 24)",
)
def chase(
    information_id: UUID, body: ChaseIn, who: Handler, runtime: RuntimeDep, app: IntakeApp
) -> ForwardOut:
    app.case_within(who, information_id)  # outside the subtree: as if unknown (issue #17)
    return _forward(app.chase_forward(information_id, body.note, who))


@tracking.post(
    "/{information_id}/return",
    summary="Return 退回 the lower level's handling report for rework, with reasons (Art. 24)",
)
def return_report(
    information_id: UUID, body: ReturnIn, who: Handler, runtime: RuntimeDep, app: IntakeApp
) -> ForwardOut:
    app.case_within(who, information_id)  # outside the subtree: as if unknown (issue #17)
    return _forward(app.return_report(information_id, body.reason, who))


@tracking.post(
    "/{information_id}/sign-off",
    summary="Sign off 办结 the lower level's handling report: the forward is answered (Art. 24)",
)
def sign_off(
    information_id: UUID, body: SignOffIn, who: Handler, runtime: RuntimeDep, app: IntakeApp
) -> ForwardOut:
    app.case_within(who, information_id)  # outside the subtree: as if unknown (issue #17)
    return _forward(app.sign_off(information_id, body.opinion, who))


class HandlingReportIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    outcome: Paragraphs = Field(
        min_length=1, max_length=4000, description="How the matter was handled (处理结果)."
    )
    measures: list[Line] = Field(
        min_length=1, max_length=50, description="The measures taken (处理措施), at least one."
    )
    document_refs: list[Line] = Field(
        default_factory=list, max_length=50, description="References of documents (文书、材料)."
    )


class SupervisionOut(BaseModel):
    act: str = Field(
        description="reported (by us) · chased · returned · signed_off · recorded_overdue "
        "(逾期未反馈) (from above)"
    )
    at: datetime
    by: dict[str, str]
    reason: str = Field(description="The chase's note, the return's reasons, or the opinion.")
    due_at: datetime | None


class ReceivedForwardOut(BaseModel):
    information_id: UUID
    unit_code: str
    summary: str
    from_node: str
    received_at: datetime
    handling_state: str = Field(
        description="to_report 待报告 · reported 待上级审核 · returned 退回重办 · signed_off 办结"
    )
    due_at: datetime | None = Field(description="The latest deadline the level above gave.")
    history: list[SupervisionOut] = Field(description="Our reports and the acts from above.")


def _received(c: RiskInformation) -> ReceivedForwardOut:
    assert c.received_from is not None
    history = [
        SupervisionOut(act=s["act"], at=s["at"], by=s["by"], reason=s["reason"], due_at=s["due_at"])
        for s in c.supervision
    ]
    dues = [s["due_at"] for s in c.supervision if s["due_at"] is not None]
    return ReceivedForwardOut(
        information_id=c.id,
        unit_code=c.unit_code,
        summary=c.summary,
        from_node=c.received_from["node_id"],
        received_at=c.filed_at,
        handling_state=c.handling_state or "",
        due_at=dues[-1] if dues else None,
        history=history,
    )


@router.post(
    "/{information_id}/handling-report",
    status_code=201,
    summary="Report to the level above how a forward was handled (反馈, Art. 24)",
)
def report_handling(
    information_id: UUID,
    body: HandlingReportIn,
    who: Handler,
    runtime: RuntimeDep,
    app: IntakeApp,
) -> ReceivedForwardOut:
    app.case_within(who, information_id)  # outside the subtree: as if unknown (issue #17)
    case = app.report_handling(information_id, body.outcome, body.measures, body.document_refs, who)
    return _received(case)


@tracking.get(
    "/received",
    summary="Forwards received from the level above and what it awaits of us (Art. 24)",
)
@paged
def received(
    who: Overseer,
    runtime: RuntimeDep,
    app: IntakeApp,
    unit: Annotated[Code | None, Query(description="Subtree root; your unit by default.")] = None,
) -> list[ReceivedForwardOut]:
    root = unit or who.unit_code
    ensure_jurisdiction(runtime, who, root)
    return [_received(c) for c in handlers.received_forwards(app, root)]


class TimelineOut(BaseModel):
    at: datetime
    what: str
    by: dict[str, str] | None
    detail: dict[str, Any]


@router.get(
    "/{information_id}/timeline",
    summary="Who reported what when, when it was due, where it went (Art. 23, 24)",
)
@paged
def timeline(information_id: UUID, reader: Reader, app: IntakeApp) -> list[TimelineOut]:
    readable(app, reader, information_id, "timeline")  # 404 alike for unknown and not yours
    return [TimelineOut(**vars(t)) for t in handlers.timeline(app, information_id)]
