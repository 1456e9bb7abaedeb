"""A citizen's report from the public online form, followed by its receipt code (Art. 21, 22, 24).

The citizen gets a receipt code once, at filing; only a keyed hash of it is stored
(`ReceiptCode`, whose id is derived from that hash, so a code is looked up without an index).
The office asks the citizen questions from the case page and the citizen answers with the code
(`CitizenThread`, one per case, GlobaLeaks-style); each question and answer is an event with who
and when. The citizen sees only a coarse status (`public_status`), never the case's routing.
"""

from __future__ import annotations

import base64
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from shared.errors import Conflict, Invalid, NotFound

if TYPE_CHECKING:
    from services.intake.filing.model import RiskInformation
    from shared.vocabulary import ActorRecord

_RECEIPTS = uuid5(NAMESPACE_URL, "urn:lianfang:intake:public-receipt")
_THREADS = uuid5(NAMESPACE_URL, "urn:lianfang:intake:citizen-thread")
RECEIPT_BYTES = 15
"""120 bits of randomness: 24 base32 characters, shown as six groups of four."""
CHANNEL_NOTE = "网上举报 (public online form)"
"""How the form's reports are told apart on the 信访举报 channel (Art. 22): filed by the
console's public principal, their reference starting `WSJB-`."""
REFERENCE_PREFIX = "WSJB-"


def new_receipt_code() -> str:
    """A fresh receipt code 查询码 (120 random bits, base32, grouped for reading aloud)."""
    raw = base64.b32encode(secrets.token_bytes(RECEIPT_BYTES)).decode("ascii")
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def normalised(code: str) -> str:
    """The code as typed, without spaces or dashes, upper case (what is hashed)."""
    plain = re.sub(r"[\s-]", "", code).upper()
    if not re.fullmatch(r"[A-Z2-7]{24}", plain):
        raise NotFound("查询码有误或不存在 (no report with this receipt code)")
    return plain


class PublicStatus(StrEnum):
    """What a citizen may know of their report: received, being handled, concluded."""

    RECEIVED = "received"
    HANDLING = "handling"
    CONCLUDED = "concluded"

    @property
    def label_zh(self) -> str:
        return {"received": "已受理", "handling": "办理中", "concluded": "已办结"}[self.value]


def public_status(case: RiskInformation, thread: CitizenThread | None) -> PublicStatus:
    """The coarse public status of a case (Art. 24): concluded once transferred to the discipline
    authority, judged by the 研判小组 of the node handling it (Art. 25) or a forward is signed
    off 办结; being handled once the office has asked the
    citizen something, a forward was acknowledged by the node it went to, or a handling report
    came back; received before. No unit, node or decision is told."""
    concluded = (case.discipline_transfer, case.signed_off, case.judgement)
    if any(fact is not None for fact in concluded):
        return PublicStatus.CONCLUDED
    if case.acknowledged is not None or case.handling_reports or (thread and thread.questions):
        return PublicStatus.HANDLING
    return PublicStatus.RECEIVED


class ReceiptCode(Aggregate):
    """The keyed hash of a receipt code, and the case it follows (Art. 22)."""

    @staticmethod
    def create_id(code_hash: str, **_: Any) -> UUID:
        return uuid5(_RECEIPTS, code_hash)

    @event("Issued")
    def __init__(self, *, code_hash: str, information_id: UUID, issued_at: datetime) -> None:
        self.code_hash = code_hash
        self.information_id = information_id
        self.issued_at = issued_at


@dataclass(frozen=True)
class Question:
    """A question of the office to the citizen, and the citizen's answer once given."""

    question_id: int
    text: str
    asked_by: dict[str, str]
    asked_at: datetime
    answer: str | None = None
    answered_at: datetime | None = None


class CitizenThread(Aggregate):
    """The office's questions to a citizen on one case, and the citizen's answers (Art. 21, 22)."""

    @staticmethod
    def create_id(information_id: UUID, **_: Any) -> UUID:
        return uuid5(_THREADS, str(information_id))

    @event("Opened")
    def __init__(self, *, information_id: UUID, opened_at: datetime) -> None:
        self.information_id = information_id
        self.opened_at = opened_at
        self.questions: list[Question] = []

    def ask(self, text: str, by: ActorRecord, at: datetime) -> int:
        """The office asks the citizen a question (核查, Art. 21); its number is returned."""
        if self.questions and self.questions[-1].answer is None:
            raise Conflict(
                "举报人尚未答复上一个问题，请待其答复后再提问 (the citizen has not answered the "
                "last question yet; wait for it)"
            )
        number = len(self.questions) + 1
        self._asked(question_id=number, text=text, asked_by=dict(by), asked_at=at)
        return number

    @event("QuestionAsked")
    def _asked(
        self, *, question_id: int, text: str, asked_by: dict[str, str], asked_at: datetime
    ) -> None:
        self.questions.append(Question(question_id, text, asked_by, asked_at))

    def answer(self, question_id: int, text: str, by: ActorRecord, at: datetime) -> None:
        """The citizen answers a question with the receipt code (once per question); `by` is
        the public principal the answer came through, never the citizen's identity."""
        if not 1 <= question_id <= len(self.questions):
            raise Invalid("question_id", "本举报没有这个问题 (no such question on this report)")
        if self.questions[question_id - 1].answer is not None:
            raise Conflict("该问题已经答复，不能重复答复 (this question has been answered already)")
        self._answered(
            question_id=question_id, text=text, answered_by={**by, "as": "receipt holder 举报人"},
            answered_at=at,
        )  # fmt: skip

    @event("Answered")
    def _answered(
        self, *, question_id: int, text: str, answered_by: dict[str, str], answered_at: datetime
    ) -> None:
        asked = self.questions[question_id - 1]
        self.questions[question_id - 1] = Question(
            asked.question_id, asked.text, asked.asked_by, asked.asked_at, text, answered_at
        )

    @property
    def awaiting_answer(self) -> bool:
        """The last question is still unanswered."""
        return bool(self.questions) and self.questions[-1].answer is None
