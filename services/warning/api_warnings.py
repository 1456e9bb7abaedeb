"""Routes of issued warnings: listings, timeline, notice, reports and verification (Art. 27–29)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import quote
from uuid import UUID

from fastapi import APIRouter, status
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from services.warning.api_deps import Office, Reader, Reporter, WarningApp
from services.warning.app import WarningApplication
from services.warning.issued_warning import IssuedWarning
from services.warning.notice import Notice, notice_of
from services.warning.notice_html import render_notice_html
from services.warning.notice_pdf import render_notice_pdf
from services.warning.timeline import TimelineEntry
from shared.auth import Principal
from shared.deps import RuntimeDep, ensure_jurisdiction
from shared.errors import Invalid
from shared.runtime import Runtime
from shared.vocabulary import WarningLevel

router = APIRouter(prefix="/warnings", tags=["warnings 预警处置"])


class ActionOut(BaseModel):
    action_id: UUID
    kind: str
    description: str
    due_at: datetime
    status: str


class WarningOut(BaseModel):
    id: UUID
    notice_number: str
    level: str
    subject_unit: str
    disposing_unit: str
    reported_to: list[str]
    is_open: bool
    issued_at: datetime
    actions: list[ActionOut]


class WarningLine(BaseModel):
    id: UUID
    notice_number: str
    level: str
    subject_unit: str
    is_open: bool
    next_due_at: datetime | None


class OverdueOut(BaseModel):
    warning_id: UUID
    notice_number: str
    level: str
    unit_code: str
    action_id: UUID
    action_kind: str
    due_at: datetime
    detected_at: datetime
    escalation_id: UUID | None


class EntryOut(BaseModel):
    at: datetime
    step: str
    label_zh: str
    subject_id: UUID
    by: str
    detail: dict[str, Any]


class ReportIn(BaseModel):
    """What was done for an action 落实情况 (Art. 28)."""

    model_config = ConfigDict(extra="forbid")

    note: str = Field("", max_length=4000, description="What was done (整改/处理情况).")
    document_refs: list[str] = Field(
        default_factory=list, description="References of documents (材料), e.g. 剖析材料 file ids."
    )
    held_at: datetime | None = Field(
        None, description="When a talk or inquiry was held (谈话时间)."
    )
    participants: list[str] = Field(default_factory=list, description="Who took part (参加人员).")


class VerifyIn(BaseModel):
    """The office's verification 核实 of a report, or its return 退回 (Art. 28)."""

    model_config = ConfigDict(extra="forbid")

    accepted: bool = Field(description="True: verified (核实通过); false: returned (退回).")
    reason: str = Field("", max_length=2000, description="Why returned (退回理由).")


def warning_out(w: IssuedWarning) -> WarningOut:
    return WarningOut(
        id=w.id, notice_number=w.notice_number, level=w.level, subject_unit=w.subject_unit,
        disposing_unit=w.disposing_unit, reported_to=list(w.reported_to), is_open=w.is_open,
        issued_at=w.issued_at,
        actions=[
            ActionOut(action_id=a.action_id, kind=a.kind, description=a.description,
                      due_at=a.due_at, status=a.status.value)
            for a in w.actions.values()
        ],
    )  # fmt: skip


def _entries(entries: list[TimelineEntry]) -> list[EntryOut]:
    return [
        EntryOut(at=e.at, step=e.step, label_zh=e.label_zh, subject_id=e.subject_id, by=e.by,
                 detail={k: str(v) if not isinstance(v, (int, str, list, type(None))) else v
                         for k, v in e.detail.items()})
        for e in entries
    ]  # fmt: skip


def _root(runtime: Runtime, who: Principal, unit: str | None, field: str) -> str:
    root = unit or who.unit_code
    if root not in runtime.org:
        raise Invalid(field, f"unknown unit {root!r}", "query")
    ensure_jurisdiction(runtime, who, root)
    return root


@router.get("", summary="Warnings by level, unit and deadline 预警台账 (Art. 28)")
def list_warnings(
    reader: Reader,
    runtime: RuntimeDep,
    app: WarningApp,
    within: str | None = None,
    level: WarningLevel | None = None,
    due_before: datetime | None = None,
    include_closed: bool = False,
) -> list[WarningLine]:
    root = _root(runtime, reader, within, "within")
    rows = app.list_warnings(
        root, level=level.value if level else None, open_only=not include_closed,
        due_before=due_before,
    )  # fmt: skip
    return [
        WarningLine(id=r.id, notice_number=r.notice_number, level=r.level,
                    subject_unit=r.subject_unit, is_open=r.is_open, next_due_at=r.next_due_at)
        for r in rows
    ]  # fmt: skip


@router.get("/overdue", summary="Overdue actions 逾期未整改清单 (Art. 28)")
def list_overdue(
    reader: Reader, runtime: RuntimeDep, app: WarningApp, within: str | None = None
) -> list[OverdueOut]:
    root = _root(runtime, reader, within, "within")
    return [OverdueOut(**vars(o)) for o in app.list_overdue(root)]


@router.get("/inbox", summary="Disposal steps reported to a unit 条块结合 (Art. 27, 29)")
def inbox(
    reader: Reader, runtime: RuntimeDep, app: WarningApp, unit_code: str | None = None
) -> list[EntryOut]:
    unit = _root(runtime, reader, unit_code, "unit_code")
    return _entries(app.inbox(unit))


@router.get("/{warning_id}", summary="One warning and its actions (Art. 28)")
def get_warning(warning_id: UUID, reader: Reader, app: WarningApp) -> WarningOut:
    warning = app.get_warning(warning_id)
    app.ensure_within(reader, warning.subject_unit)
    return warning_out(warning)


@router.get("/{warning_id}/timeline", summary="A warning's full timeline 处置全过程 (Art. 27–29)")
def get_timeline(warning_id: UUID, reader: Reader, app: WarningApp) -> list[EntryOut]:
    app.ensure_within(reader, app.get_warning(warning_id).subject_unit)
    return _entries(app.warning_timeline(warning_id))


def _notice(warning_id: UUID, reader: Principal, app: WarningApplication) -> Notice:
    warning = app.get_warning(warning_id)
    app.ensure_within(reader, warning.subject_unit)
    return notice_of(warning, app.org)


@router.get(
    "/{warning_id}/notice.html",
    response_class=HTMLResponse,
    summary="The printable warning notice 预警通知书, deadlines in Beijing time (Art. 28)",
)
def get_notice(warning_id: UUID, reader: Reader, app: WarningApp) -> HTMLResponse:
    return HTMLResponse(render_notice_html(_notice(warning_id, reader, app)))


@router.get(
    "/{warning_id}/notice.pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}}},
    summary="The warning notice 预警通知书 as an A4 PDF to print and file (Art. 28)",
)
def get_notice_pdf(warning_id: UUID, reader: Reader, app: WarningApp) -> Response:
    notice = _notice(warning_id, reader, app)
    filename = quote(f"{notice.notice_number}.pdf")
    return Response(
        render_notice_pdf(notice),
        media_type="application/pdf",
        headers={"Content-Disposition": f"inline; filename*=UTF-8''{filename}"},
    )


@router.post(
    "/{warning_id}/actions/{action_id}/reports",
    status_code=status.HTTP_201_CREATED,
    summary="Report what was done for an action 报送落实情况 (Art. 28)",
)
def report(
    warning_id: UUID, action_id: UUID, body: ReportIn, reporter: Reporter, app: WarningApp
) -> WarningOut:
    app.report_action(
        warning_id, action_id, reporter, note=body.note, document_refs=body.document_refs,
        held_at=body.held_at, participants=body.participants,
    )  # fmt: skip
    return warning_out(app.get_warning(warning_id))


@router.post(
    "/{warning_id}/actions/{action_id}/verification",
    summary="Verify or return a report 核实/退回; all verified closes the warning (Art. 28)",
)
def verify(
    warning_id: UUID, action_id: UUID, body: VerifyIn, office: Office, app: WarningApp
) -> WarningOut:
    app.verify_action(warning_id, action_id, office, accepted=body.accepted, reason=body.reason)
    return warning_out(app.get_warning(warning_id))
