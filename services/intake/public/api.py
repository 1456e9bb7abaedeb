"""Routes of the public 举报 form (Art. 21, 22, 24): for the console's public principal only,
and the office's questions to the citizen from the case page.

The console calls `/public/...` for the citizen (docs/public-pages.md); no route here takes a
person's identity back out, and none names the unit or node a case went to.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, status
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from services.intake.api_deps import IntakeApp, Office, Reader
from services.intake.identity.model import PetitionerIdentity
from services.intake.public import handlers
from services.intake.public.handlers import PublicReport
from services.intake.public.model import CitizenThread, PublicStatus, public_status
from shared.auth import Principal, Role
from shared.bounds import Code, Paragraphs, SingleLine
from shared.deps import require_roles
from shared.paging import paged

Public = Annotated[Principal, Depends(require_roles(Role.PUBLIC))]

router = APIRouter(prefix="/public", tags=["public 举报 form 网上举报 (Art. 22)"])
office_router = APIRouter(prefix="/information", tags=["risk information 廉政风险信息"])

ReceiptCodeField = Annotated[
    str,
    Field(min_length=20, max_length=40, description="The receipt code 查询码 given at filing."),
]


class PublicReportIn(BaseModel):
    """A citizen's report (Art. 22): what happened, about which unit; identity optional."""

    model_config = ConfigDict(extra="forbid")

    unit_code: Code = Field(min_length=1, description="The unit the report is about.")
    summary: Paragraphs = Field(min_length=10, max_length=4000, description="What happened.")
    happened_at: AwareDatetime | None = Field(None, description="When it happened, if known.")
    subject_post: Annotated[SingleLine, Field(max_length=200)] | None = Field(
        None, description="The post concerned, if known."
    )
    petitioner_name: Annotated[SingleLine, Field(max_length=100)] | None = Field(
        None, description="举报人姓名 (optional; sealed, never shown back)."
    )
    petitioner_contact: Annotated[SingleLine, Field(max_length=200)] | None = Field(
        None, description="举报人联系方式 (optional; sealed, never shown back)."
    )


class ReceiptOut(BaseModel):
    receipt_code: str = Field(description="Shown once: only its keyed hash is kept (查询码).")


class ReceiptIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    receipt_code: ReceiptCodeField


class AnswerIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    receipt_code: ReceiptCodeField
    question_id: int = Field(ge=1, le=1000, description="The question answered.")
    text: Paragraphs = Field(min_length=1, max_length=4000, description="The answer.")


class PublicQuestionOut(BaseModel):
    question_id: int
    text: str
    asked_on: str = Field(description="The day it was asked (no time, no name).")
    answer: str | None
    answered_on: str | None


class PublicStatusOut(BaseModel):
    status: PublicStatus = Field(description="received 已受理 · handling 办理中 · concluded 已办结")
    status_zh: str
    received_on: str = Field(description="The day the report was received.")
    questions: list[PublicQuestionOut] = Field(description="The office's questions to you.")


class PublicUnitOut(BaseModel):
    code: str
    name: str
    parent: str | None


class QuestionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: Paragraphs = Field(min_length=1, max_length=2000, description="The question (提问).")


class QuestionOut(BaseModel):
    question_id: int
    text: str
    asked_by: dict[str, str]
    asked_at: datetime
    answer: str | None
    answered_at: datetime | None


class ThreadOut(BaseModel):
    information_id: UUID
    status: PublicStatus = Field(description="What the citizen sees (已受理 · 办理中 · 已办结).")
    awaiting_answer: bool
    questions: list[QuestionOut]


def _public_status(
    thread: CitizenThread, shown: PublicStatus, received: datetime
) -> PublicStatusOut:
    return PublicStatusOut(
        status=shown,
        status_zh=shown.label_zh,
        received_on=received.date().isoformat(),
        questions=[
            PublicQuestionOut(
                question_id=q.question_id,
                text=q.text,
                asked_on=q.asked_at.date().isoformat(),
                answer=q.answer,
                answered_on=q.answered_at.date().isoformat() if q.answered_at else None,
            )
            for q in thread.questions
        ],
    )


@router.get("/units", summary="The units a citizen may report about (Art. 22)")
@paged
def public_units(who: Public, app: IntakeApp) -> list[PublicUnitOut]:
    return [
        PublicUnitOut(code=u.code, name=u.name, parent=u.parent_code)
        for u in app.org.subtree(who.unit_code)
    ]


@router.post(
    "/reports",
    status_code=status.HTTP_201_CREATED,
    summary="File a citizen's report 网上举报 (信访举报 channel, Art. 22); the receipt code once",
)
def file_report(body: PublicReportIn, who: Public, app: IntakeApp) -> ReceiptOut:
    petitioner = PetitionerIdentity(name=body.petitioner_name, contact=body.petitioner_contact)
    report = PublicReport(
        unit_code=body.unit_code, summary=body.summary, happened_at=body.happened_at,
        subject_post=body.subject_post, petitioner=petitioner or None,
    )  # fmt: skip
    return ReceiptOut(receipt_code=handlers.file_public_report(app, report, who).receipt_code)


@router.post("/reports/status", summary="A report's public status by its receipt code")
def report_status(body: ReceiptIn, who: Public, app: IntakeApp) -> PublicStatusOut:
    case, thread, shown = handlers.status_by_receipt(app, body.receipt_code, who)
    return _public_status(thread, shown, case.filed_at)


@router.post("/reports/answers", summary="Answer the office's question with the receipt code")
def answer(body: AnswerIn, who: Public, app: IntakeApp) -> PublicStatusOut:
    handlers.answer_by_receipt(app, body.receipt_code, body.question_id, body.text, who)
    case, thread, shown = handlers.status_by_receipt(app, body.receipt_code, who)
    return _public_status(thread, shown, case.filed_at)


def _thread_out(app: IntakeApp, thread: CitizenThread) -> ThreadOut:
    case = app.get_information(thread.information_id)
    return ThreadOut(
        information_id=thread.information_id,
        status=public_status(case, thread),
        awaiting_answer=thread.awaiting_answer,
        questions=[QuestionOut(**vars(q)) for q in thread.questions],
    )


@office_router.get(
    "/{information_id}/citizen",
    summary="The office's questions to the citizen of a public report, and the answers",
)
def citizen_thread(information_id: UUID, reader: Reader, app: IntakeApp) -> ThreadOut:
    return _thread_out(app, handlers.thread_of(app, information_id, reader))


@office_router.post(
    "/{information_id}/citizen/questions",
    status_code=status.HTTP_201_CREATED,
    summary="Ask the citizen of a public report a question (核查, Art. 21, 22)",
)
def ask(information_id: UUID, body: QuestionIn, office: Office, app: IntakeApp) -> ThreadOut:
    return _thread_out(app, handlers.ask_citizen(app, information_id, body.text, office))
