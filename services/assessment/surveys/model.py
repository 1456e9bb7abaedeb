"""Social evaluation 社会评议: public survey rounds of a unit, anonymous responses (Art. 30(5)).

A respondent answers with a token (printed on the questionnaire or sent with the invitation). Only
a keyed hash of the token is stored: enough to refuse a second response with the same token,
never enough to tell who answered.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from shared.errors import Conflict, Invalid, NotFound
from shared.vocabulary import ActorRecord

RESPONSE_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:assessment:survey-response")
SCALE = (1, 5)
_CLOSED_FOR_RESPONSES = (
    "社会评议已结束，不再接收答卷 (the survey round is closed; responses are no longer taken)"
)
"""Each question is answered on a 1..5 scale (很不满意 .. 很满意)."""


def token_hash(round_id: UUID, token: str) -> str:
    """The stored form of a respondent token: HMAC-SHA256 keyed by the round, hex."""
    return hmac.new(round_id.bytes, token.encode("utf-8"), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Question:
    """One question of a round, answered 1..5."""

    question_id: str
    text: str


@dataclass(frozen=True)
class Response:
    """One anonymous response: its id (derived from the token hash), answers, when."""

    response_id: UUID
    answers: dict[str, int]
    at: datetime
    channel: str = "office_entry"

    @property
    def ratio(self) -> float:
        """The response's satisfaction as 0..1: the mean answer mapped from 1..5."""
        low, high = SCALE
        mean = sum(self.answers.values()) / len(self.answers)
        return (mean - low) / (high - low)


class SurveyRound(Aggregate):
    """One public survey round about one unit in one assessment year (Art. 30(5))."""

    @event("Opened")
    def __init__(
        self,
        *,
        unit_code: str,
        year: int,
        title: str,
        questions: list[tuple[str, str]],
        opened_by: ActorRecord,
        opened_at: datetime,
    ) -> None:
        self.unit_code = unit_code
        self.year = year
        self.title = title
        self.questions = tuple(Question(q, t) for q, t in questions)
        self.opened_by = opened_by
        self.opened_at = opened_at
        self.closed_at: datetime | None = None
        self.closed_by: ActorRecord | None = None
        self.responses: dict[str, Response] = {}  # by token hash
        self.issued: set[str] = set()  # hashes of one-time codes issued for the public page

    @property
    def is_open(self) -> bool:
        """Still taking responses (Art. 30(5))."""
        return self.closed_at is None

    def issue_codes(self, code_hashes: list[str], by: ActorRecord, at: datetime) -> None:
        """Record the hashes of one-time codes handed out for the public questionnaire."""
        if not self.is_open:
            raise Conflict(
                "社会评议已结束，不再发放评议码 (the survey round is closed; no codes are "
                "issued for it)"
            )
        self._codes_issued(code_hashes=list(code_hashes), by=by, at=at)

    @event("CodesIssued")
    def _codes_issued(self, *, code_hashes: list[str], by: ActorRecord, at: datetime) -> None:
        self.issued.update(code_hashes)

    def check_code(self, code: str) -> None:
        """A one-time code of this round, not used yet (404 unknown, 409 used or closed)."""
        hashed = token_hash(self.id, code)
        if hashed not in self.issued:
            raise NotFound(
                "评议码无效，不是本次社会评议发放的评议码 (this questionnaire code was not "
                "issued for this survey round)"
            )
        if hashed in self.responses:
            raise Conflict(
                "该评议码已使用，每个评议码只能使用一次 (this questionnaire code has been used "
                "already (每个评议码只能使用一次))"
            )
        if not self.is_open:
            raise Conflict(_CLOSED_FOR_RESPONSES)

    def respond(
        self, *, token: str, answers: dict[str, int], at: datetime, channel: str = "office_entry"
    ) -> UUID:
        """Take one anonymous response; refuse a closed round or a token already used (409).
        `channel`: office_entry (a paper questionnaire entered by the office) or public_code (a
        one-time code on the public page, which must have been issued: `check_code`)."""
        if channel == "public_code":
            self.check_code(token)
        if not self.is_open:
            raise Conflict(_CLOSED_FOR_RESPONSES)
        wanted = {q.question_id for q in self.questions}
        if set(answers) != wanted:
            missing, extra = sorted(wanted - set(answers)), sorted(set(answers) - wanted)
            raise Invalid(
                "answers",
                f"每个问题须作答一次；缺少 {missing}，多出 {extra} "
                f"(answer every question once; missing {missing}, unknown {extra})",
            )
        low, high = SCALE
        for qid, value in answers.items():
            if not low <= value <= high:
                raise Invalid(f"answers.{qid}", f"须为 {low} 至 {high} 分 (must be {low}..{high})")
        hashed = token_hash(self.id, token)
        if hashed in self.responses:
            raise Conflict(
                "该评议表已录入，不能重复录入 (this respondent token has already answered this "
                "round)"
            )
        response_id = uuid5(RESPONSE_NAMESPACE, f"{self.id}:{hashed}")
        self._respond(
            token_hash=hashed, response_id=response_id, answers=answers, at=at, channel=channel
        )
        return response_id

    @event("Responded")
    def _respond(
        self,
        *,
        token_hash: str,
        response_id: UUID,
        answers: dict[str, int],
        at: datetime,
        channel: str = "office_entry",  # responses recorded before channels were office entries
    ) -> None:
        self.responses[token_hash] = Response(response_id, dict(answers), at, channel)

    def close(self, *, by: ActorRecord, at: datetime) -> None:
        """Close the round 评议结束: its responses now count in the assessment."""
        if not self.is_open:
            raise Conflict("社会评议已结束 (the survey round is already closed)")
        self._close(by=by, at=at)

    @event("Closed")
    def _close(self, *, by: ActorRecord, at: datetime) -> None:
        self.closed_at, self.closed_by = at, by

    def score(self) -> float | None:
        """The round's mean satisfaction 0..1 over its responses; None without responses."""
        if not self.responses:
            return None
        return sum(r.ratio for r in self.responses.values()) / len(self.responses)
