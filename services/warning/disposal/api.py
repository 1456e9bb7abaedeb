"""Routes of the disposal: proposals and their review meeting, warnings, reports (Art. 27–29).

Validation, authority and the mapping to the disposal's handlers; nothing else. The warning
notice's renderings are the notice feature's routes (`notice/api.py`).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query, status
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from services.warning.api_deps import Office, Reader, Reporter, SupervisionReader, WarningApp
from services.warning.disposal import handlers
from services.warning.disposal.handlers import ReviewRecord
from services.warning.disposal.model import Decision, IssuedWarning, ProposalStatus
from services.warning.read_model import ProposalRow, SupervisionRow, WarningRow
from services.warning.supervision.api import ReworkDeadline
from services.warning.supervision.model import SupervisionState
from services.warning.timeline import TimelineEntry
from shared.auth import Principal
from shared.bounds import Code, ItemList, Line, Paragraphs, SingleLine
from shared.deps import RuntimeDep, ensure_jurisdiction
from shared.errors import Invalid
from shared.paging import PageWindow, paged
from shared.runtime import Runtime
from shared.vocabulary import ActionHolder, ActionKind, Grade, WarningLevel

warnings = APIRouter(prefix="/warnings", tags=["warnings 预警处置"])


class ActionOut(BaseModel):
    """One action a warning requires, its deadline 限期 and where it stands (Art. 28)."""

    action_id: UUID
    kind: str
    holder: ActionHolder = Field(
        description="Whose duty: disposing_body 处置机关 or warned_unit 预警对象 (Art. 28)."
    )
    description: str
    due_at: datetime
    status: str


class WarningOut(BaseModel):
    """An issued warning 预警通知书 and its actions (Art. 28)."""

    id: UUID
    notice_number: str
    level: str
    grade: Grade | None = Field(description="The risk point's grade the level followed (Art. 28).")
    subject_unit: str
    disposing_unit: str
    reported_to: list[str]
    is_open: bool
    issued_at: datetime
    actions: list[ActionOut]


class WarningLine(ReworkDeadline):
    """One line of the warnings list 预警台账 (Art. 28), with its rework deadline (Art. 29)."""

    id: UUID
    notice_number: str
    level: str
    subject_unit: str
    is_open: bool
    next_due_at: datetime | None
    issued_at: datetime = Field(description="When the notice was issued (the dashboard's month).")
    supervision_state: SupervisionState = Field(
        SupervisionState.WATCHING,
        description="The level above's supervision of the disposal 分级监督 (Art. 29): watching "
        "监督中 · returned 退回重办 · resubmitted 已重报 · signed_off 已办结",
    )


class OverdueOut(BaseModel):
    """An action found overdue 逾期未整改, whose lapse it is, and any re-grade it proposed."""

    warning_id: UUID
    notice_number: str
    level: str
    unit_code: str = Field(description="The warned unit.")
    holder: ActionHolder = Field(description="Whose duty the action was (Art. 28).")
    holder_unit: str = Field(description="The unit the lapse is charged to.")
    action_id: UUID
    action_kind: str
    due_at: datetime
    detected_at: datetime
    escalation_id: UUID | None


class EntryOut(BaseModel):
    """One step of a disposal's timeline 处置全过程: when, what, by whom (Art. 27–29)."""

    at: datetime
    step: str
    label_zh: str
    subject_id: UUID
    by: str
    detail: dict[str, Any]


class InboxEntryOut(EntryOut):
    """A step reported to a unit 条块结合 (Art. 27), with whose disposal it is."""

    subject_unit: str = Field(description="The warned unit 预警对象 the disposal concerns.")
    warning_id: UUID | None = Field(
        description="The warning, once issued (the step's disposal; null for a proposal)."
    )
    notice_number: str | None = Field(description="The warning's 预警通知书文号, once issued.")


class ReportIn(BaseModel):
    """What was done for an action 落实情况 (Art. 28)."""

    model_config = ConfigDict(extra="forbid")

    note: Paragraphs = Field("", max_length=4000, description="What was done (整改/处理情况).")
    document_refs: ItemList[Line] = Field(
        default_factory=list, description="References of documents (材料), e.g. 剖析材料 file ids."
    )
    held_at: datetime | None = Field(
        None, description="When a talk or inquiry was held (谈话时间)."
    )
    participants: ItemList[Line] = Field(
        default_factory=list, description="Who took part (参加人员)."
    )


class VerifyIn(BaseModel):
    """The office's verification 核实 of a report, or its return 退回 (Art. 28)."""

    model_config = ConfigDict(extra="forbid")

    accepted: bool = Field(description="True: verified (核实通过); false: returned (退回).")
    reason: Paragraphs = Field("", max_length=2000, description="Why returned (退回理由).")


def warning_out(w: IssuedWarning) -> WarningOut:
    """A warning as the routes show it (Art. 28)."""
    return WarningOut(
        id=w.id, notice_number=w.notice_number, level=w.level, grade=w.grade,
        subject_unit=w.subject_unit,
        disposing_unit=w.disposing_unit, reported_to=list(w.reported_to), is_open=w.is_open,
        issued_at=w.issued_at,
        actions=[
            ActionOut(action_id=a.action_id, kind=a.kind, holder=a.holder,
                      description=a.description, due_at=a.due_at, status=a.status.value)
            for a in w.actions.values()
        ],
    )  # fmt: skip


def _entries(entries: list[TimelineEntry]) -> list[EntryOut]:
    return [EntryOut(**_entry_fields(e)) for e in entries]


def _entry_fields(e: TimelineEntry) -> dict[str, Any]:
    return dict(
        at=e.at, step=e.step, label_zh=e.label_zh, subject_id=e.subject_id, by=e.by,
        detail={k: str(v) if not isinstance(v, (int, str, list, type(None))) else v
                for k, v in e.detail.items()},
    )  # fmt: skip


def _root(runtime: Runtime, who: Principal, unit: str | None, field: str) -> str:
    root = unit or who.unit_code
    if root not in runtime.org:
        raise Invalid(field, f"没有单位代码为 {root!r} 的单位 (unknown unit {root!r})", "query")
    ensure_jurisdiction(runtime, who, root)
    return root


@warnings.get("", summary="Warnings by level, unit and deadline 预警台账 (Art. 28)")
@paged
def list_warnings(
    reader: SupervisionReader,
    runtime: RuntimeDep,
    app: WarningApp,
    within: Code | None = None,
    level: WarningLevel | None = None,
    due_before: datetime | None = None,
    include_closed: bool = False,
    *,
    window: PageWindow,
) -> list[WarningLine]:
    root = _root(runtime, reader, within, "within")
    rows = app.list_warnings(
        root, level=level, open_only=not include_closed,
        due_before=due_before,
    )  # fmt: skip
    supervised = app.view.supervisions()
    return [_line(r, supervised.get(r.id)) for r in window.slice(rows)]  # only the page's lines


def _line(r: WarningRow, supervision: SupervisionRow | None) -> WarningLine:
    """A line of the list, with where the level above stands on its disposal (Art. 28, 29)."""
    return WarningLine(
        id=r.id, notice_number=r.notice_number, level=r.level, subject_unit=r.subject_unit,
        is_open=r.is_open, next_due_at=r.next_due_at, issued_at=r.issued_at,
        supervision_state=supervision.state if supervision else SupervisionState.WATCHING,
        rework_due_at=supervision.rework_due_at if supervision else None,
        rework_overdue=supervision.rework_overdue if supervision else False,
    )  # fmt: skip


@warnings.get("/overdue", summary="Overdue actions 逾期未整改清单 (Art. 28)")
@paged
def list_overdue(
    reader: SupervisionReader, runtime: RuntimeDep, app: WarningApp, within: Code | None = None
) -> list[OverdueOut]:
    root = _root(runtime, reader, within, "within")
    return [OverdueOut(**vars(o)) for o in app.list_overdue(root)]


@warnings.get("/inbox", summary="Disposal steps reported to a unit 条块结合 (Art. 27, 29)")
@paged
def inbox(
    reader: SupervisionReader,
    runtime: RuntimeDep,
    app: WarningApp,
    unit_code: Code | None = None,
    before: Annotated[
        AwareDatetime | None,
        Query(description="Only the steps that happened before this time (a merged page's end)."),
    ] = None,
) -> list[InboxEntryOut]:
    """A business department reads here what the units it leads report to it, on whichever
    node disposes of them (Art. 27: its people are admitted to this node for it); the office
    and leaders of the level above read the inbox of a unit of theirs here too (Art. 29)."""
    unit = _root(runtime, reader, unit_code, "unit_code")
    return [
        InboxEntryOut(
            **_entry_fields(s.entry),
            subject_unit=s.subject_unit,
            warning_id=s.warning_id,
            notice_number=s.notice_number,
        )
        for s in app.inbox(unit, before)
    ]


@warnings.get("/{warning_id}", summary="One warning and its actions (Art. 28)")
def get_warning(warning_id: UUID, reader: SupervisionReader, app: WarningApp) -> WarningOut:
    warning = app.get_warning(warning_id)
    app.ensure_within(reader, warning.subject_unit)
    return warning_out(warning)


@warnings.get("/{warning_id}/timeline", summary="A warning's full timeline 处置全过程 (Art. 27–29)")
@paged
def get_timeline(warning_id: UUID, reader: SupervisionReader, app: WarningApp) -> list[EntryOut]:
    app.ensure_within(reader, app.get_warning(warning_id).subject_unit)
    return _entries(app.warning_timeline(warning_id))


@warnings.post(
    "/{warning_id}/actions/{action_id}/reports",
    status_code=status.HTTP_201_CREATED,
    summary="Report what was done for an action 报送落实情况 (Art. 28)",
)
def report(
    warning_id: UUID, action_id: UUID, body: ReportIn, reporter: Reporter, app: WarningApp
) -> WarningOut:
    handlers.report_action(
        app, warning_id, action_id, reporter, note=body.note, document_refs=body.document_refs,
        held_at=body.held_at, participants=body.participants,
    )  # fmt: skip
    return warning_out(app.get_warning(warning_id))


@warnings.post(
    "/{warning_id}/actions/{action_id}/verification",
    summary="Verify or return a report 核实/退回; all verified closes the warning (Art. 28)",
)
def verify(
    warning_id: UUID, action_id: UUID, body: VerifyIn, office: Office, app: WarningApp
) -> WarningOut:
    handlers.verify_action(
        app, warning_id, action_id, office, accepted=body.accepted, reason=body.reason
    )
    return warning_out(app.get_warning(warning_id))


# -- proposals and their review meeting (Art. 27, 28) ----------------------------------------

proposals = APIRouter(prefix="/proposals", tags=["disposal proposals 预警处置建议"])


class ReviewIn(BaseModel):
    """The review meeting's record 专题会议审核 (Art. 28)."""

    model_config = ConfigDict(extra="forbid")

    held_on: date = Field(description="When the meeting was held (会议日期); not in the future.")
    attendees: ItemList[Line] = Field(min_length=1, description="Who attended (参会人员).")
    decision: Decision = Field(
        description="issue 按风险等级预警 (the level the point's grade calls for: 低 yellow, "
        "中 orange, 高 red, Art. 28); no_warning 不予预警; transfer 移送相关部门; regrade "
        "提请重新评定风险等级 (a re-grade proposal only)."
    )
    level: WarningLevel | None = Field(
        None,
        description="Optional, for issue: if given, it must be the level the grade calls for; "
        "another level is refused (409): re-grade the point (Art. 14) to change it.",
    )
    reasons: Paragraphs = Field(
        "", max_length=4000, description="Why (理由); required unless issue."
    )
    minutes_ref: SingleLine = Field(
        min_length=1, max_length=200, description="Minutes (会议纪要文号)."
    )
    optional_actions: list[ActionKind] = Field(
        default_factory=list,
        max_length=10,
        description="Actions taken only where decided (视情况): inquiry 询问与质询 (orange), "
        "off_post_study 离岗学习、停职检查 (red).",
    )


class IssueIn(BaseModel):
    """Issue the decided warning notice 发出预警通知书 (Art. 28)."""

    model_config = ConfigDict(extra="forbid")

    subject_person_id: Code | None = Field(None, description="Staff id of the person warned.")
    deadlines: dict[ActionKind, datetime] = Field(
        default_factory=dict, description="Deadlines differing from the defaults (限期), future."
    )


class TransferIn(BaseModel):
    """Transfer a violation to the competent body 移送 (Art. 28(4))."""

    model_config = ConfigDict(extra="forbid")

    to_body: SingleLine = Field(
        min_length=1, max_length=200, description="Competent body (移送机关)."
    )
    reference: SingleLine = Field(
        min_length=1, max_length=200, description="Letter ref (移送函文号)."
    )


class ProposalOut(BaseModel):
    """A disposal proposal 预警处置建议 and where it stands (Art. 27, 28)."""

    id: UUID
    subject_unit: str
    disposing_unit: str
    reported_to: list[str]
    kind: str
    level: str | None = Field(
        description="The level the point's grade calls for (Art. 28); once reviewed, the one "
        "decided. Null while no grading of the point has arrived, and for other kinds."
    )
    grade: Grade | None = Field(description="The grade that level follows.")
    suggested_grade: Grade | None = Field(
        description="For a re-grade proposal: the grade it suggests examining (Art. 14)."
    )
    risk_point_id: UUID | None
    source: str
    status: str
    opened_at: datetime


class ReviewedOut(BaseModel):
    """The review meeting recorded, and the proposal's status after it (Art. 28)."""

    meeting_id: UUID
    status: str


def _out(row: ProposalRow) -> ProposalOut:
    return ProposalOut(
        id=row.id, subject_unit=row.subject_unit, disposing_unit=row.disposing_unit,
        reported_to=list(row.reported_to), kind=row.kind, level=row.level, grade=row.grade,
        suggested_grade=row.suggested_grade, risk_point_id=row.risk_point_id, source=row.source,
        status=row.status.value, opened_at=row.opened_at,
    )  # fmt: skip


@proposals.get("", summary="Proposals in your subtree 待审核的预警建议 (Art. 27, 28)")
@paged
def list_proposals(
    reader: Reader,
    runtime: RuntimeDep,
    app: WarningApp,
    within: Code | None = None,
    status: ProposalStatus | None = None,
) -> list[ProposalOut]:
    root = within or reader.unit_code
    app.unit(root, "within")
    ensure_jurisdiction(runtime, reader, root)
    return [_out(r) for r in app.list_proposals(root, status)]


@proposals.post(
    "/{proposal_id}/review",
    status_code=status.HTTP_201_CREATED,
    summary="Record the review meeting's decision 专题会议审核 (Art. 28)",
)
def review(proposal_id: UUID, body: ReviewIn, office: Office, app: WarningApp) -> ReviewedOut:
    record = ReviewRecord(
        held_on=body.held_on, attendees=body.attendees, decision=body.decision,
        minutes_ref=body.minutes_ref, level=body.level, reasons=body.reasons,
        optional_actions=body.optional_actions,
    )  # fmt: skip
    meeting_id = handlers.review(app, proposal_id, record, office)
    return ReviewedOut(meeting_id=meeting_id, status=app.get_proposal(proposal_id).status.value)


@proposals.post(
    "/{proposal_id}/warning",
    status_code=status.HTTP_201_CREATED,
    summary="Issue the warning notice the meeting decided 发出预警通知书 (Art. 28)",
)
def issue(proposal_id: UUID, body: IssueIn, office: Office, app: WarningApp) -> WarningOut:
    warning = handlers.issue_warning(
        app, proposal_id, office, subject_person_id=body.subject_person_id, deadlines=body.deadlines
    )
    return warning_out(warning)


@proposals.post("/{proposal_id}/transfer", summary="Transfer a violation 移送相关部门 (Art. 28(4))")
def transfer(proposal_id: UUID, body: TransferIn, office: Office, app: WarningApp) -> ProposalOut:
    handlers.transfer_case(app, proposal_id, body.to_body, body.reference, office)
    rows = [
        r for r in app.view.proposals({app.get_proposal(proposal_id).subject_unit}, status=None)
    ]
    return _out(next(r for r in rows if r.id == proposal_id))


class MeetingOut(BaseModel):
    """The review meeting's record as the console shows it (专题会议审核, Art. 28)."""

    meeting_id: UUID
    held_on: date
    attendees: list[str]
    decision: Decision
    level: WarningLevel | None
    reasons: str
    minutes_ref: str
    optional_actions: list[ActionKind]
    recorded_at: datetime


class ProposalDetailOut(ProposalOut):
    """A proposal with why it was made, what its meeting decided and what followed (Art. 27, 28):
    the page from which the office issues the notice or transfers the case."""

    reasoning: str = Field(description="Why the disposal is proposed (研判意见 or escalation).")
    review: MeetingOut | None = Field(description="The review meeting's record, once held.")
    warning_id: UUID | None = Field(description="The warning issued on the meeting's decision.")
    transferred_to: str | None = Field(description="The competent body it was transferred to.")


@proposals.get("/{proposal_id}", summary="One proposal, its meeting and what followed (Art. 28)")
def get_proposal(proposal_id: UUID, reader: Reader, app: WarningApp) -> ProposalDetailOut:
    proposal = app.get_proposal(proposal_id)
    app.ensure_within(reader, proposal.subject_unit)
    row = next(r for r in app.view.proposals({proposal.subject_unit}, status=None)
               if r.id == proposal_id)  # fmt: skip
    review = proposal.review
    meeting = None
    if review is not None:
        meeting = MeetingOut(
            meeting_id=review.meeting_id, held_on=review.held_on,
            attendees=list(review.attendees), decision=review.decision, level=review.level,
            reasons=review.reasons, minutes_ref=review.minutes_ref,
            optional_actions=list(review.optional_actions), recorded_at=review.recorded_at,
        )  # fmt: skip
    return ProposalDetailOut(
        **_out(row).model_dump(), reasoning=proposal.reasoning, review=meeting,
        warning_id=proposal.warning_id,
        transferred_to=proposal.transfer.to_body if proposal.transfer else None,
    )  # fmt: skip
