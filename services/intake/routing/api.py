"""Intake's HTTP routes for routing 分流 beyond screening (Art. 24): transfers, tracking, timeline.

Screening routes by jurisdiction on its own; sending a case on to the discipline authority
纪检监察机关 is a judgement a person makes and answers for, so it has its own route. Forwards to
lower nodes are tracked 跟踪督办 until acknowledged: reminded, then recorded overdue.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from services.intake.api_deps import Decider, IntakeApp, Overseer, Reader
from services.intake.routing import handlers
from shared.deps import RuntimeDep, ensure_jurisdiction
from shared.vocabulary import RoutingOutcome

router = APIRouter(prefix="/information", tags=["risk information 廉政风险信息"])
tracking = APIRouter(prefix="/forwards", tags=["risk information 廉政风险信息"])


class DisciplineTransferIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(
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


class ForwardOut(BaseModel):
    information_id: UUID
    unit_code: str
    to_node: str
    filed_at: datetime
    feedback_due_at: datetime | None
    reminded_at: datetime | None = Field(description="When the lower node was reminded (督办).")
    overdue_at: datetime | None = Field(description="When its feedback was recorded overdue.")
    acknowledged_at: datetime | None = Field(description="When the lower node took it in (反馈).")
    state: str = Field(description="awaiting · reminded · overdue · acknowledged")


@tracking.get("", summary="Forwards 批转 to lower nodes and their feedback (跟踪督办, Art. 24)")
def forwards(
    who: Overseer,
    runtime: RuntimeDep,
    app: IntakeApp,
    unit: Annotated[str | None, Query(description="Subtree root; your unit by default.")] = None,
) -> list[ForwardOut]:
    root = unit or who.unit_code
    ensure_jurisdiction(runtime, who, root)
    rows = []
    for c in handlers.forwards(app, root):
        acknowledged = c.acknowledged["at"] if c.acknowledged else None
        rows.append(
            ForwardOut(
                information_id=c.id,
                unit_code=c.unit_code,
                to_node=c.routed_to,
                filed_at=c.filed_at,
                feedback_due_at=c.feedback_due_at,
                reminded_at=c.reminded_at,
                overdue_at=c.overdue_at,
                acknowledged_at=acknowledged,
                state=c.tracking_state,
            )
        )
    return rows


class TimelineOut(BaseModel):
    at: datetime
    what: str
    by: dict[str, str] | None
    detail: dict[str, Any]


@router.get(
    "/{information_id}/timeline",
    summary="Who reported what when, when it was due, where it went (Art. 23, 24)",
)
def timeline(
    information_id: UUID, reader: Reader, runtime: RuntimeDep, app: IntakeApp
) -> list[TimelineOut]:
    info = app.get_information(information_id)
    ensure_jurisdiction(runtime, reader, info.unit_code)
    return [TimelineOut(**vars(t)) for t in handlers.timeline(app, information_id)]
