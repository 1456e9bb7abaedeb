"""A disposal proposal 预警处置建议 awaiting its review meeting 专题会议审核 (Art. 27, 28).

A proposal comes from a judgement (Art. 25) or from an overdue warning (escalation). Its id is
derived from what it rests on, so a second copy of the same upstream event opens nothing new.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from shared.clock import BEIJING
from shared.errors import Conflict, Invalid
from shared.vocabulary import ActorRecord

PROPOSAL_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:warning:proposal")


class ProposalKind(StrEnum):
    """A warning at a level (预警), or a transfer of a violation (移送, Art. 28(4))."""

    WARNING = "warning"
    TRANSFER = "transfer"


class Decision(StrEnum):
    """What the review meeting decided (审核意见, Art. 28)."""

    ISSUE = "issue"  # 按建议等级预警
    CHANGE_LEVEL = "change_level"  # 调整预警等级
    NO_WARNING = "no_warning"  # 不予预警
    TRANSFER = "transfer"  # 移送相关部门


class ProposalStatus(StrEnum):
    OPEN = "open"  # 待审核
    DECIDED = "decided"  # 已审核，待发文/移送
    ISSUED = "issued"  # 已发预警通知书
    TRANSFERRED = "transferred"  # 已移送
    DISMISSED = "dismissed"  # 不予预警


@dataclass(frozen=True)
class Review:
    """The review meeting's record: when, who, what was decided, the minutes (Art. 28)."""

    meeting_id: UUID
    held_on: date
    attendees: tuple[str, ...]
    decision: Decision
    level: str | None
    reasons: str
    minutes_ref: str
    optional_actions: tuple[str, ...]
    recorded_by: ActorRecord
    recorded_at: datetime


def proposal_id(key: str) -> UUID:
    """The id of the proposal resting on `key`, e.g. judgement:<id> or escalation:<warning id>."""
    return uuid5(PROPOSAL_NAMESPACE, key)


class Proposal(Aggregate):
    """A proposed disposal of one unit, reviewed by the body that manages it (Art. 27)."""

    @staticmethod
    def create_id(key: str, **_: Any) -> UUID:
        return proposal_id(key)

    @event("Opened")
    def __init__(
        self,
        *,
        key: str,
        subject_unit: str,
        disposing_unit: str,
        reported_to: list[str],
        kind: str,
        level: str | None,
        source: str,
        judgement_id: UUID | None,
        information_id: UUID | None,
        risk_point_id: UUID | None,
        escalated_from: UUID | None,
        reasoning: str,
        opened_at: datetime,
    ) -> None:
        self.key = key
        self.subject_unit = subject_unit
        self.disposing_unit = disposing_unit
        self.reported_to = tuple(reported_to)
        self.kind = ProposalKind(kind)
        self.level = level
        self.source = source
        self.judgement_id = judgement_id
        self.information_id = information_id
        self.risk_point_id = risk_point_id
        self.escalated_from = escalated_from
        self.reasoning = reasoning
        self.opened_at = opened_at
        self.status = ProposalStatus.OPEN
        self.review: Review | None = None
        self.warning_id: UUID | None = None
        self.transfer: dict[str, Any] | None = None

    @property
    def decided_level(self) -> str | None:
        """The level the meeting decided to warn at; None for no warning or a transfer."""
        if self.review is None or self.review.decision in (Decision.NO_WARNING, Decision.TRANSFER):
            return None
        return self.review.level

    def record_review(
        self,
        *,
        meeting_id: UUID,
        held_on: date,
        attendees: list[str],
        decision: Decision,
        level: str | None,
        reasons: str,
        minutes_ref: str,
        optional_actions: list[str],
        optional_allowed: frozenset[str],
        by: ActorRecord,
        at: datetime,
    ) -> None:
        """Record the review meeting's decision on this proposal (专题会议审核, Art. 28)."""
        if self.status is not ProposalStatus.OPEN:
            raise Conflict(f"the proposal was already reviewed ({self.status.value})")
        if held_on > at.astimezone(BEIJING).date():  # meetings are dated in Beijing time
            raise Invalid("held_on", "the meeting cannot be recorded before it is held")
        if not [a for a in attendees if a.strip()]:
            raise Invalid("attendees", "name who attended the meeting")
        if not minutes_ref.strip():
            raise Invalid("minutes_ref", "give the reference of the minutes (会议纪要)")
        level = self._level_for(decision, level, reasons)
        if decision in (Decision.NO_WARNING, Decision.TRANSFER) and optional_actions:
            raise Invalid("optional_actions", "only a warning has actions")
        extra = set(optional_actions) - optional_allowed
        if extra:
            raise Invalid("optional_actions", f"not decidable at this level: {sorted(extra)}")
        self._reviewed(
            meeting_id=meeting_id,
            held_on=held_on.isoformat(),  # stored as text: the transcoder knows datetimes only
            attendees=[a.strip() for a in attendees if a.strip()],
            decision=decision.value,
            level=level,
            reasons=reasons.strip(),
            minutes_ref=minutes_ref.strip(),
            optional_actions=sorted(set(optional_actions)),
            by=by,
            at=at,
        )

    def _level_for(self, decision: Decision, level: str | None, reasons: str) -> str | None:
        if decision is Decision.ISSUE:
            if self.kind is ProposalKind.TRANSFER:
                raise Invalid(
                    "decision", "a transfer proposal has no level: change_level or transfer"
                )
            if level not in (None, self.level):
                raise Invalid("level", "issue keeps the proposed level; use change_level")
            return self.level
        if not reasons.strip():
            raise Invalid("reasons", f"say why ({decision.value} departs from the proposal)")
        if decision is Decision.CHANGE_LEVEL:
            if level is None or level == self.level:
                raise Invalid("level", "give the new level, different from the proposed one")
            return level
        if decision is Decision.TRANSFER and self.kind is ProposalKind.WARNING and not reasons:
            raise Invalid("reasons", "say which violation")
        return None

    @event("Reviewed")
    def _reviewed(
        self,
        *,
        meeting_id: UUID,
        held_on: str,
        attendees: list[str],
        decision: str,
        level: str | None,
        reasons: str,
        minutes_ref: str,
        optional_actions: list[str],
        by: ActorRecord,
        at: datetime,
    ) -> None:
        review = Review(
            meeting_id, date.fromisoformat(held_on), tuple(attendees), Decision(decision),
            level, reasons, minutes_ref, tuple(optional_actions), dict(by), at,
        )  # fmt: skip
        self.review = review
        self.status = (
            ProposalStatus.DISMISSED
            if review.decision is Decision.NO_WARNING
            else ProposalStatus.DECIDED
        )

    def mark_issued(self, warning_id: UUID, at: datetime) -> None:
        """Note that the decided warning was issued (Art. 28)."""
        if self.status is not ProposalStatus.DECIDED or self.decided_level is None:
            raise Conflict("issuing needs a review decision to warn (专题会议审核)")
        self._issued(warning_id=warning_id, at=at)

    @event("WarningIssued")
    def _issued(self, *, warning_id: UUID, at: datetime) -> None:
        self.warning_id = warning_id
        self.status = ProposalStatus.ISSUED

    def transfer_case(self, *, to_body: str, reference: str, by: ActorRecord, at: datetime) -> None:
        """Transfer a violation to the competent body (移送相关部门, Art. 28(4))."""
        if self.review is None or self.review.decision is not Decision.TRANSFER:
            raise Conflict("a transfer needs the review meeting's decision to transfer")
        if self.status is not ProposalStatus.DECIDED:
            raise Conflict(f"the proposal is {self.status.value}")
        if not to_body.strip():
            raise Invalid("to_body", "name the competent body (移送机关)")
        if not reference.strip():
            raise Invalid("reference", "give the transfer letter's reference (移送函)")
        self._transferred(
            to_body=to_body.strip(), reference=reference.strip(), by=by, at=at,
            unit_code=self.subject_unit, reasons=self.review.reasons or self.reasoning,
            meeting_id=self.review.meeting_id, judgement_id=self.judgement_id,
            information_id=self.information_id, risk_point_id=self.risk_point_id,
        )  # fmt: skip

    @event("Transferred")
    def _transferred(  # the facts ride along so the transfer can be published on its own
        self,
        *,
        to_body: str,
        reference: str,
        by: ActorRecord,
        at: datetime,
        unit_code: str,
        reasons: str,
        meeting_id: UUID,
        judgement_id: UUID | None,
        information_id: UUID | None,
        risk_point_id: UUID | None,
    ) -> None:
        self.transfer = {"to_body": to_body, "reference": reference, "by": dict(by), "at": at}
        self.status = ProposalStatus.TRANSFERRED
