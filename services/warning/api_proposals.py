"""Routes of proposals and their review meeting 专题会议审核: warn or transfer (Art. 27, 28)."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from fastapi import APIRouter, status
from pydantic import BaseModel, ConfigDict, Field

from services.warning.api_deps import Office, Reader, WarningApp
from services.warning.api_warnings import WarningOut, warning_out
from services.warning.disposal_commands import ReviewRecord
from services.warning.proposal import Decision, ProposalStatus
from services.warning.read_model import ProposalRow
from shared.deps import RuntimeDep, ensure_jurisdiction
from shared.vocabulary import ActionKind, WarningLevel

router = APIRouter(prefix="/proposals", tags=["disposal proposals 预警处置建议"])


class ReviewIn(BaseModel):
    """The review meeting's record 专题会议审核 (Art. 28)."""

    model_config = ConfigDict(extra="forbid")

    held_on: date = Field(description="When the meeting was held (会议日期); not in the future.")
    attendees: list[str] = Field(min_length=1, description="Who attended (参会人员).")
    decision: Decision = Field(
        description="issue 按建议等级预警; change_level 调整等级; no_warning 不予预警; "
        "transfer 移送相关部门."
    )
    level: WarningLevel | None = Field(None, description="The new level, for change_level.")
    reasons: str = Field("", max_length=4000, description="Why (理由); required unless issue.")
    minutes_ref: str = Field(min_length=1, max_length=200, description="Minutes (会议纪要文号).")
    optional_actions: list[ActionKind] = Field(
        default_factory=list,
        description="Actions taken only where decided (视情况): inquiry 询问与质询 (orange), "
        "off_post_study 离岗学习、停职检查 (red).",
    )


class IssueIn(BaseModel):
    """Issue the decided warning notice 发出预警通知书 (Art. 28)."""

    model_config = ConfigDict(extra="forbid")

    subject_person_id: str | None = Field(None, description="Staff id of the person warned.")
    deadlines: dict[ActionKind, datetime] = Field(
        default_factory=dict, description="Deadlines differing from the defaults (限期), future."
    )


class TransferIn(BaseModel):
    """Transfer a violation to the competent body 移送 (Art. 28(4))."""

    model_config = ConfigDict(extra="forbid")

    to_body: str = Field(min_length=1, max_length=200, description="Competent body (移送机关).")
    reference: str = Field(min_length=1, max_length=200, description="Letter ref (移送函文号).")


class ProposalOut(BaseModel):
    id: UUID
    subject_unit: str
    disposing_unit: str
    reported_to: list[str]
    kind: str
    level: str | None
    source: str
    status: str
    opened_at: datetime


class ReviewedOut(BaseModel):
    meeting_id: UUID
    status: str


def _out(row: ProposalRow) -> ProposalOut:
    return ProposalOut(
        id=row.id, subject_unit=row.subject_unit, disposing_unit=row.disposing_unit,
        reported_to=list(row.reported_to), kind=row.kind, level=row.level, source=row.source,
        status=row.status.value, opened_at=row.opened_at,
    )  # fmt: skip


@router.get("", summary="Proposals in your subtree 待审核的预警建议 (Art. 27, 28)")
def list_proposals(
    reader: Reader,
    runtime: RuntimeDep,
    app: WarningApp,
    within: str | None = None,
    status: ProposalStatus | None = None,
) -> list[ProposalOut]:
    root = within or reader.unit_code
    app.unit(root, "within")
    ensure_jurisdiction(runtime, reader, root)
    return [_out(r) for r in app.list_proposals(root, status)]


@router.post(
    "/{proposal_id}/review",
    status_code=status.HTTP_201_CREATED,
    summary="Record the review meeting's decision 专题会议审核 (Art. 28)",
)
def review(proposal_id: UUID, body: ReviewIn, office: Office, app: WarningApp) -> ReviewedOut:
    record = ReviewRecord(
        held_on=body.held_on, attendees=body.attendees, decision=body.decision,
        minutes_ref=body.minutes_ref, level=body.level.value if body.level else None,
        reasons=body.reasons, optional_actions=[k.value for k in body.optional_actions],
    )  # fmt: skip
    meeting_id = app.review(proposal_id, record, office)
    return ReviewedOut(meeting_id=meeting_id, status=app.get_proposal(proposal_id).status.value)


@router.post(
    "/{proposal_id}/warning",
    status_code=status.HTTP_201_CREATED,
    summary="Issue the warning notice the meeting decided 发出预警通知书 (Art. 28)",
)
def issue(proposal_id: UUID, body: IssueIn, office: Office, app: WarningApp) -> WarningOut:
    deadlines = {k.value: v for k, v in body.deadlines.items()}
    warning = app.issue_warning(
        proposal_id, office, subject_person_id=body.subject_person_id, deadlines=deadlines
    )
    return warning_out(warning)


@router.post("/{proposal_id}/transfer", summary="Transfer a violation 移送相关部门 (Art. 28(4))")
def transfer(proposal_id: UUID, body: TransferIn, office: Office, app: WarningApp) -> ProposalOut:
    app.transfer_case(proposal_id, body.to_body, body.reference, office)
    rows = [
        r for r in app.view.proposals({app.get_proposal(proposal_id).subject_unit}, status=None)
    ]
    return _out(next(r for r in rows if r.id == proposal_id))
