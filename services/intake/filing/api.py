"""Intake's HTTP routes for risk information: file, import, read, and the inbox (Art. 22)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from fastapi import APIRouter, Depends, Header, Query, Request, Response, status
from fastapi.responses import JSONResponse
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from services.intake.api_deps import Filer, IntakeApp, Reader
from services.intake.filing import handlers
from services.intake.filing.imports import ImportRefused, rows_from_csv
from services.intake.filing.model import ContentTooLarge, InformationDraft, RiskInformation
from services.intake.identity.model import PetitionerIdentity
from shared.bounds import Code, Paragraphs, SingleLine
from shared.deps import RuntimeDep, ensure_jurisdiction
from shared.errors import Invalid
from shared.paging import PageWindow, paged
from shared.vocabulary import Channel, RoutingOutcome

router = APIRouter(prefix="/information", tags=["risk information 廉政风险信息"])
workbench = APIRouter(tags=["risk information 廉政风险信息"])

ChannelName = Annotated[
    str,
    Field(
        pattern="^(online_media|petition|inspection|data_sharing|officer_report)$",
        description="网络媒体 online_media · 信访举报 petition · 监督检查 inspection · "
        "数据共享 data_sharing · 信息员报告 officer_report (Art. 22)",
    ),
]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        max_length=200,
        description="A resubmission with the same key gets the first answer (幂等).",
    ),
]


class InformationIn(BaseModel):
    """A piece of risk information as filed (Art. 22); petitioner fields only on a petition."""

    model_config = ConfigDict(extra="forbid")

    channel: ChannelName
    source_reference: SingleLine = Field(
        min_length=1, max_length=200, description="The source's own reference (e.g. 信访件编号)."
    )
    unit_code: Code = Field(description="The unit the information is about (主体单位).")
    summary: Paragraphs = Field(
        min_length=1, description="What happened (over the size limit: 413)."
    )
    learned_at: AwareDatetime = Field(description="When the filer learned of it.")
    happened_at: AwareDatetime | None = Field(None, description="When it happened, if known.")
    subject_post: Annotated[SingleLine, Field(max_length=200)] | None = Field(
        None, description="The post concerned."
    )
    subject_person_id: Annotated[SingleLine, Field(max_length=100)] | None = Field(
        None, description="Staff id concerned."
    )
    attachment_refs: list[Annotated[SingleLine, Field(min_length=1, max_length=500)]] = Field(
        default_factory=list, max_length=100, description="Document references (at most 100)."
    )
    petitioner_name: Annotated[SingleLine, Field(max_length=100)] | None = Field(
        None, description="举报人姓名 (protected)."
    )
    petitioner_contact: Annotated[SingleLine, Field(max_length=200)] | None = Field(
        None, description="举报人联系方式 (protected)."
    )
    petitioner_id_number: Annotated[SingleLine, Field(max_length=40)] | None = Field(
        None, description="举报人身份证号 (protected)."
    )


class FilingOut(BaseModel):
    information_id: UUID
    created: bool = Field(description="False when this source was filed before (idempotent).")
    routing: RoutingOutcome = Field(
        RoutingOutcome.ACCEPTED, description="accepted 直接处理 · forwarded 批转 · transferred 移送"
    )
    routed_to: str = Field("", description="The node (or body) it went to.")


class InformationOut(BaseModel):
    information_id: UUID
    channel: str
    source_reference: str
    unit_code: str
    summary: str
    learned_at: datetime
    happened_at: datetime | None
    subject_post: str | None
    subject_person_id: str | None
    filed_by: dict[str, str]
    filed_at: datetime
    has_protected_source: bool = Field(
        description="A petitioner's identity is sealed (保护举报人)."
    )
    routing: RoutingOutcome
    routed_to: str
    routing_reason: str
    feedback_due_at: datetime | None
    received_from: dict[str, str] | None
    acknowledged: bool


async def _bounded(request: Request, app: IntakeApp) -> None:
    """Refuse an oversized filing as a whole (413) before its fields are looked at."""
    size = len(await request.body())
    if size > app.rules.filing.max_filing_bytes:
        limit = app.rules.filing.max_filing_bytes
        raise ContentTooLarge(
            f"本次报送共 {size} 字节，超过 {limit} 字节的上限 "
            f"(the filing has {size} bytes; at most {limit} are accepted)"
        )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    dependencies=[Depends(_bounded)],
    summary="File risk information (Art. 22); a repeated source or key answers with the first",
)
def file_information(
    body: InformationIn,
    filer: Filer,
    runtime: RuntimeDep,
    app: IntakeApp,
    response: Response,
    idempotency_key: IdempotencyKey = None,
) -> FilingOut:
    ensure_jurisdiction(runtime, filer, body.unit_code)
    fields = body.model_dump()
    petitioner = PetitionerIdentity(
        name=fields.pop("petitioner_name"),
        contact=fields.pop("petitioner_contact"),
        id_number=fields.pop("petitioner_id_number"),
    )
    draft = InformationDraft(**fields, petitioner=petitioner or None)
    filing = handlers.file_information(app, draft, filer, idempotency_key)
    if not filing.created:
        response.status_code = status.HTTP_200_OK
    return FilingOut(
        information_id=filing.information_id,
        created=filing.created,
        routing=filing.routing,
        routed_to=filing.routed_to,
    )


@router.post(
    "/imports",
    status_code=status.HTTP_201_CREATED,
    summary="Import shared data 资源共享 (Art. 22): JSON {rows: [...]} or CSV; all rows or none",
)
async def import_information(
    request: Request, filer: Filer, app: IntakeApp, idempotency_key: IdempotencyKey = None
) -> JSONResponse:
    body = await request.body()
    limit = app.rules.filing.max_import_bytes
    if len(body) > limit:
        raise ContentTooLarge(f"the import has {len(body)} bytes; at most {limit} are accepted")
    rows = _rows(body, request.headers.get("content-type", ""))
    try:
        results = handlers.import_rows(app, rows, filer, idempotency_key)
    except ImportRefused as exc:
        report = [vars(r) for r in exc.rows]
        return JSONResponse({"detail": str(exc), "rows": report}, status_code=422)
    return JSONResponse({"rows": [vars(r) for r in results]}, status_code=201)


def _rows(body: bytes, content_type: str) -> list[dict[str, Any]]:
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Invalid("body", "is not UTF-8 text") from None
    if content_type.startswith("text/csv"):
        return rows_from_csv(text)
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Invalid("body", f"not JSON: {exc.msg}") from None
    rows = parsed.get("rows") if isinstance(parsed, dict) else parsed
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise Invalid("rows", "must be a list of objects")
    return rows


class FileableUnitOut(BaseModel):
    code: str
    name: str
    parent: str | None
    node: str = Field(description="The node that manages it: filing routes there (Art. 24).")


@workbench.get(
    "/filing/units",
    summary="The units you may file information about now (Art. 22): the filing form's choices",
)
@paged
def fileable_units(filer: Filer, app: IntakeApp) -> list[FileableUnitOut]:
    return [
        FileableUnitOut(code=u.code, name=u.name, parent=u.parent_code, node=u.managing_node_id)
        for u in handlers.fileable_units(app, filer)
    ]


@router.get("/{information_id}", summary="Read one piece of risk information (no identity)")
def get_information(information_id: UUID, reader: Reader, app: IntakeApp) -> InformationOut:
    info = handlers.readable(app, reader, information_id)
    return InformationOut(
        information_id=info.id,
        channel=info.channel,
        source_reference=info.source_reference,
        unit_code=info.unit_code,
        summary=info.summary,
        learned_at=info.learned_at,
        happened_at=info.happened_at,
        subject_post=info.subject_post,
        subject_person_id=info.subject_person_id,
        filed_by=info.filed_by,
        filed_at=info.filed_at,
        has_protected_source=info.has_protected_source,
        routing=info.routing,
        routed_to=info.routed_to,
        routing_reason=info.routing_reason,
        feedback_due_at=info.feedback_due_at,
        received_from=info.received_from,
        acknowledged=info.acknowledged is not None,
    )


class CaseRow(BaseModel):
    information_id: UUID
    unit_code: str
    channel: str
    summary: str
    filed_at: datetime
    routing: RoutingOutcome
    routed_to: str
    awaiting_feedback: bool
    handling_state: str | None = Field(
        None,
        description="A forward received from above: to_report · reported · returned · signed_off "
        "(跟踪督办, Art. 24; its chases and returns in GET /forwards/received).",
    )


InboxStatus = Literal["accepted", "forwarded", "awaiting", "transferred", "received"]


def _in_status(case: RiskInformation, wanted: InboxStatus | None) -> bool:
    """Whether a case is in the list's status tab (the console's 信息列表, Art. 22–24)."""
    match wanted:
        case None:
            return True
        case "accepted":  # handled at this level, not a forward received from above
            return case.routing == RoutingOutcome.ACCEPTED and case.handling_state is None
        case "forwarded":
            return case.routing == RoutingOutcome.FORWARDED
        case "awaiting":
            return case.awaiting_feedback
        case "transferred":
            return case.routing == RoutingOutcome.TRANSFERRED
        case "received":
            return case.handling_state is not None


@workbench.get("/inbox", summary="The cases your role works on, in a subtree (工作台)")
@paged
def inbox(
    who: Reader,
    runtime: RuntimeDep,
    app: IntakeApp,
    unit: Annotated[
        Code | None, Query(description="Subtree root; your own unit by default.")
    ] = None,
    status: Annotated[
        InboxStatus | None,
        Query(
            description="accepted 本级直接处理 · forwarded 批转下级 · awaiting 待下级反馈 · "
            "transferred 已移送 · received 上级批转来 (Art. 22–24); every case by default."
        ),
    ] = None,
    channel: Annotated[
        Channel | None, Query(description="Only the cases filed on this channel (Art. 22).")
    ] = None,
    newest_first: Annotated[
        bool, Query(description="Newest filed first (the console's list); oldest first by default.")
    ] = False,
    *,
    window: PageWindow,
) -> list[CaseRow]:
    root = unit or who.unit_code
    ensure_jurisdiction(runtime, who, root)
    cases = [
        c
        for c in handlers.inbox(app, who, root)
        if _in_status(c, status) and (channel is None or c.channel == channel.value)
    ]
    if newest_first:
        cases.reverse()  # the view keeps them in the order filed
    return [  # only this page's cases become answers
        CaseRow(
            information_id=c.id,
            unit_code=c.unit_code,
            channel=c.channel,
            summary=c.summary,
            filed_at=c.filed_at,
            routing=c.routing,
            routed_to=c.routed_to,
            awaiting_feedback=c.awaiting_feedback,
            handling_state=c.handling_state,
        )
        for c in window.slice(cases)
    ]
