"""Routes of the supervision of a warning's disposal 分级监督 (Art. 29).

The level above the disposing body chases 督办, returns 退回 and signs off 办结; the disposing
body reports its rework. Validation, authority and the mapping to the handlers; nothing else.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Literal
from uuid import UUID

from fastapi import APIRouter, status
from pydantic import BaseModel, ConfigDict, Field

from services.warning.api_deps import Reporter, SupervisionReader, Supervisor, WarningApp
from services.warning.supervision import handlers
from services.warning.supervision.model import DisposalSupervision, SupervisionState
from shared.bounds import Line, Paragraphs

if TYPE_CHECKING:
    from services.warning.app import WarningApplication

router = APIRouter(prefix="/warnings", tags=["warnings 预警处置"])


class ActOut(BaseModel):
    act: str = Field(description="chased 督办 · returned 退回 · resubmitted 重报 · signed_off 办结")
    text: str = Field(description="The note, the reasons, the rework or the opinion.")
    document_refs: list[str]
    by: dict[str, str]
    at: datetime


class ReworkDeadline(BaseModel):
    """While a returned disposal awaits its rework: the return's 重办期限 and whether the watch
    recorded it passed (Art. 29); on the supervision and on the warnings list's line."""

    rework_due_at: datetime | None = Field(
        None, description="While a return awaits its rework: its deadline 重办期限 (Art. 29)."
    )
    rework_overdue: bool = Field(
        False,
        description="The rework's deadline passed unanswered, as the service recorded it "
        "(DisposalReworkOverdue, the disposing body's lapse, Art. 29).",
    )


class SupervisionOut(ReworkDeadline):
    warning_id: UUID
    disposing_unit: str
    state: SupervisionState = Field(
        description="watching 监督中 · returned 退回重办 · resubmitted 已重报 · signed_off 办结"
    )
    acts: list[ActOut]


class SuperviseIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    act: Literal["chased", "returned", "signed_off"] = Field(
        description="chased = 督办; returned = 退回 (with reasons); signed_off = 办结"
    )
    text: Paragraphs = Field(
        "", max_length=2000, description="What the chase asks, why returned, or the opinion."
    )


class ReworkIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: Paragraphs = Field(min_length=1, max_length=4000, description="What was reworked.")
    document_refs: list[Line] = Field(default_factory=list, max_length=50)


def _out(
    app: WarningApplication,
    warning_id: UUID,
    disposing_unit: str,
    found: DisposalSupervision | None,
) -> SupervisionOut:
    """The supervision as both sides read it: its acts, and while a return awaits its rework,
    the 重办期限 and whether the watch recorded it passed (the lapse is its own record)."""
    if found is None:
        return SupervisionOut(
            warning_id=warning_id, disposing_unit=disposing_unit,
            state=SupervisionState.WATCHING, acts=[],
        )  # fmt: skip
    acts = [
        ActOut(act=a.act, text=a.text, document_refs=list(a.document_refs), by=a.by, at=a.at)
        for a in found.acts
    ]
    return SupervisionOut(
        warning_id=warning_id, disposing_unit=disposing_unit, state=found.state, acts=acts,
        rework_due_at=found.rework_due_at, rework_overdue=app.view.rework_overdue(warning_id),
    )  # fmt: skip


@router.get(
    "/{warning_id}/supervision",
    summary="How the level above supervises a warning's disposal 分级监督 (Art. 29)",
)
def get_supervision(warning_id: UUID, reader: SupervisionReader, app: WarningApp) -> SupervisionOut:
    warning = app.get_warning(warning_id)
    app.ensure_within(reader, warning.subject_unit)
    return _out(app, warning_id, warning.disposing_unit, handlers.supervision_of(app, warning_id))


@router.post(
    "/{warning_id}/supervision",
    status_code=status.HTTP_201_CREATED,
    summary="Chase 督办, return 退回 or sign off 办结 a disposal, from the level above (Art. 29)",
)
def supervise(
    warning_id: UUID, body: SuperviseIn, who: Supervisor, app: WarningApp
) -> SupervisionOut:
    found = handlers.supervise(app, warning_id, body.act, body.text, who)
    return _out(app, warning_id, found.disposing_unit, found)


@router.post(
    "/{warning_id}/supervision/rework",
    status_code=status.HTTP_201_CREATED,
    summary="The disposing body reports its rework of a returned disposal (Art. 29)",
)
def rework(warning_id: UUID, body: ReworkIn, who: Reporter, app: WarningApp) -> SupervisionOut:
    found = handlers.resubmit(app, warning_id, body.note, body.document_refs, who)
    return _out(app, warning_id, found.disposing_unit, found)
