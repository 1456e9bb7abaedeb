"""The public 举报 form's commands and queries (Art. 21, 22, 24): plain functions `(app, ...)`.

A report from the form enters intake exactly as the office's filing of a petition would
(`build_filing`: screened by jurisdiction, the identity sealed), on the 信访举报 channel, filed by
the console's public principal; the receipt code and the citizen's thread are saved with it in
one transaction.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from services.intake.filing.handlers import build_filing, check_draft, readable
from services.intake.filing.model import InformationDraft, RiskInformation
from services.intake.public.model import (
    REFERENCE_PREFIX,
    CitizenThread,
    PublicStatus,
    ReceiptCode,
    new_receipt_code,
    normalised,
    public_status,
)
from shared.application import actor_of
from shared.auth import Role
from shared.errors import Forbidden, NotFound

if TYPE_CHECKING:
    from datetime import datetime
    from uuid import UUID

    from services.intake.app import IntakeApplication
    from services.intake.identity.model import PetitionerIdentity
    from shared.auth import Principal

NO_SUCH_RECEIPT = "查询码有误或不存在 (no report with this receipt code)"


@dataclass(frozen=True)
class PublicReport:
    """What a citizen writes on the form (identity optional, sealed; Art. 22)."""

    unit_code: str
    summary: str
    happened_at: datetime | None
    subject_post: str | None
    petitioner: PetitionerIdentity | None


@dataclass(frozen=True)
class Receipt:
    """The answer to a filed report: the case, and the receipt code shown to the citizen once."""

    information_id: UUID
    receipt_code: str


def _ensure_public(by: Principal) -> None:
    if Role.PUBLIC not in by.roles:
        raise Forbidden("only the console's public principal files from the public form")


def file_public_report(app: IntakeApplication, report: PublicReport, by: Principal) -> Receipt:
    """File a citizen's report as a petition 信访举报 (Art. 22), screened at once (Art. 24)."""
    _ensure_public(by)
    app.ensure_within(by, report.unit_code)
    now = app.clock.now()
    reference = f"{REFERENCE_PREFIX}{now:%Y%m%d}-{secrets.token_hex(6).upper()}"
    draft = InformationDraft(
        channel="petition", source_reference=reference, unit_code=report.unit_code,
        summary=report.summary, learned_at=now, happened_at=report.happened_at,
        subject_post=report.subject_post, petitioner=report.petitioner,
    )  # fmt: skip
    check_draft(app, draft)
    info, *rest = build_filing(app, draft, actor_of(by, prefer="public"), False)
    code = new_receipt_code()
    receipt = ReceiptCode(
        code_hash=app.cipher.receipt_hashes(normalised(code))[0],
        information_id=info.id,
        issued_at=now,
    )
    thread = CitizenThread(information_id=info.id, opened_at=now)
    app.save(info, *rest, receipt, thread)
    return Receipt(info.id, code)


def _by_receipt(app: IntakeApplication, code: str) -> tuple[RiskInformation, CitizenThread]:
    for hashed in app.cipher.receipt_hashes(normalised(code)):
        receipt = app.find(ReceiptCode.create_id(hashed), ReceiptCode)
        if receipt is not None:
            case = app.load(receipt.information_id, RiskInformation, "case")
            thread = app.load(
                CitizenThread.create_id(receipt.information_id), CitizenThread, "thread"
            )
            return case, thread
    raise NotFound(NO_SUCH_RECEIPT)


def status_by_receipt(
    app: IntakeApplication, code: str, by: Principal
) -> tuple[RiskInformation, CitizenThread, PublicStatus]:
    """What the citizen holding the code may see: the status and the office's questions."""
    _ensure_public(by)
    case, thread = _by_receipt(app, code)
    return case, thread, public_status(case, thread)


def answer_by_receipt(
    app: IntakeApplication, code: str, question_id: int, text: str, by: Principal
) -> CitizenThread:
    """The citizen answers the office's question with the receipt code (Art. 21, 22)."""
    _ensure_public(by)
    _, thread = _by_receipt(app, code)
    thread.answer(question_id, text, actor_of(by, prefer="public"), app.clock.now())
    app.save(thread)
    return thread


def thread_of(app: IntakeApplication, information_id: UUID, reader: Principal) -> CitizenThread:
    """The citizen thread of a case `reader` may read; 404 when the case came by another way."""
    readable(app, reader, information_id)
    thread = app.find(CitizenThread.create_id(information_id), CitizenThread)
    if thread is None:
        raise NotFound(
            f"案件 {information_id} 不是经网上举报页面提交的，没有查询码 "
            f"(case {information_id} did not come from the public form: no receipt code)"
        )
    return thread


def ask_citizen(
    app: IntakeApplication, information_id: UUID, text: str, by: Principal
) -> CitizenThread:
    """The office asks the citizen a question from the case page (核查, Art. 21, 22)."""
    if Role.OFFICE not in by.roles:
        raise Forbidden(
            "只有预防腐败室才能向举报人提问（第二十一条、第二十二条） (only the prevention "
            "office 预防腐败室 asks the citizen (Art. 21, 22))"
        )
    thread = thread_of(app, information_id, by)
    thread.ask(text, actor_of(by), app.clock.now())
    app.save(thread)
    return thread


def public_reports_to_screen(app: IntakeApplication) -> list[RiskInformation]:
    """Reports from the public form the office has not yet turned to (no question asked, still
    only received): the 工作台's 网上举报待筛选 (Art. 22, 24)."""
    found = []
    for case in app.view.cases():
        # The case's own state first: the thread is read only while the case is still new.
        if not case.source_reference.startswith(REFERENCE_PREFIX):
            continue
        if public_status(case, None) is not PublicStatus.RECEIVED:
            continue
        thread = app.find(CitizenThread.create_id(case.id), CitizenThread)
        if thread is not None and public_status(case, thread) is PublicStatus.RECEIVED:
            found.append(case)
    return found
