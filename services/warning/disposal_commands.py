"""Proposals, their review meeting, and what follows: a warning or a transfer (Art. 27, 28)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING
from uuid import UUID, uuid4

from eventsourcing.persistence import IntegrityError

from services.warning.app_base import WarningBase
from services.warning.issued_warning import IssuedWarning, action_id_for, warning_id_for
from services.warning.proposal import Decision
from services.warning.records import NoticeSequence
from shared.application import actor_of
from shared.clock import BEIJING
from shared.errors import Conflict, Invalid

if TYPE_CHECKING:
    from shared.auth import Principal

_ISSUE_ATTEMPTS = 5


@dataclass(frozen=True)
class ReviewRecord:
    """What the review meeting 专题会议 recorded about one proposal (Art. 28)."""

    held_on: date
    attendees: list[str]
    decision: Decision
    minutes_ref: str
    level: str | None = None
    reasons: str = ""
    optional_actions: list[str] = field(default_factory=list)
    meeting_id: UUID | None = None


class DisposalCommands(WarningBase):
    """Review a proposal, issue the warning it decided, or transfer a violation (Art. 28)."""

    def review(self, proposal_id: UUID, record: ReviewRecord, by: Principal) -> UUID:
        """Record the review meeting's decision 专题会议审核 (Art. 28); returns the meeting id."""
        proposal = self.get_proposal(proposal_id)
        self.ensure_within(by, proposal.disposing_unit)
        meeting_id = record.meeting_id or uuid4()
        final = (record.level if record.decision is Decision.CHANGE_LEVEL else proposal.level) or ""
        allowed = self.rules.optional_kinds(final) if final in self.rules.plans else frozenset()
        if record.level is not None and record.level not in self.rules.plans:
            raise Invalid("level", f"unknown level {record.level!r}")
        proposal.record_review(
            meeting_id=meeting_id,
            held_on=record.held_on,
            attendees=record.attendees,
            decision=record.decision,
            level=record.level,
            reasons=record.reasons,
            minutes_ref=record.minutes_ref,
            optional_actions=record.optional_actions,
            optional_allowed=allowed,
            by=actor_of(by),
            at=self.clock.now(),
        )
        self.save(proposal)
        return meeting_id

    def issue_warning(
        self,
        proposal_id: UUID,
        by: Principal,
        *,
        subject_person_id: str | None = None,
        deadlines: dict[str, datetime] | None = None,
    ) -> IssuedWarning:
        """Issue the notice 预警通知书 the meeting decided, numbered from the store (Art. 28)."""
        for _ in range(_ISSUE_ATTEMPTS):
            try:
                return self._issue_once(proposal_id, by, subject_person_id, deadlines or {})
            except IntegrityError:
                continue  # another issuer took the same number (or issued it): read again
        raise Conflict("the notice number stayed contended; try again")

    def _issue_once(
        self,
        proposal_id: UUID,
        by: Principal,
        subject_person_id: str | None,
        deadlines: dict[str, datetime],
    ) -> IssuedWarning:
        proposal = self.get_proposal(proposal_id)
        self.ensure_within(by, proposal.disposing_unit)
        now = self.clock.now()
        warning_id = warning_id_for(proposal_id)
        proposal.mark_issued(warning_id, now)
        review = proposal.review
        level = proposal.decided_level
        assert review is not None  # mark_issued checked both
        assert level is not None
        actions = self._actions(warning_id, level, review.optional_actions, deadlines, now)
        # Notice numbers run per year of Beijing time.
        sequence = self._sequence(now.astimezone(BEIJING).year, level)
        number = self.rules.notice_number(sequence.year, level, sequence.take(warning_id))
        warning = IssuedWarning(
            proposal_id=proposal_id,
            notice_number=number,
            level=level,
            subject_unit=proposal.subject_unit,
            subject_person_id=subject_person_id,
            disposing_unit=proposal.disposing_unit,
            reported_to=list(proposal.reported_to),
            risk_point_id=proposal.risk_point_id,
            judgement_id=proposal.judgement_id,
            information_id=proposal.information_id,
            meeting_id=review.meeting_id,
            minutes_ref=review.minutes_ref,
            reasons=review.reasons or proposal.reasoning,
            actions=actions,
            issued_by=actor_of(by),
            issued_at=now,
        )
        self.save(sequence, warning, proposal)
        return warning

    def _actions(
        self,
        warning_id: UUID,
        level: str,
        chosen: tuple[str, ...],
        deadlines: dict[str, datetime],
        now: datetime,
    ) -> list[dict[str, object]]:
        plan = [r for r in self.rules.plan(level) if not r.optional or r.kind in chosen]
        kinds = {r.kind for r in plan}
        for kind, due in deadlines.items():
            if kind not in kinds:
                raise Invalid(f"deadlines.{kind}", f"not an action of this {level} warning")
            if due.tzinfo is None:
                raise Invalid(f"deadlines.{kind}", "give a timezone")
            if due <= now:
                raise Invalid(f"deadlines.{kind}", "the deadline lies in the past")
        return [
            {
                "action_id": action_id_for(warning_id, r.kind),
                "kind": r.kind,
                "description": r.description,
                "due_at": deadlines.get(r.kind, now + timedelta(days=r.days)).astimezone(UTC),
            }
            for r in plan
        ]

    def _sequence(self, year: int, level: str) -> NoticeSequence:
        sequence_id = NoticeSequence.create_id(year, level)
        if sequence_id in self.repository:
            found: NoticeSequence = self.repository.get(sequence_id)
            return found
        return NoticeSequence(year=year, level=level)

    def transfer_case(self, proposal_id: UUID, to_body: str, reference: str, by: Principal) -> None:
        """Transfer a violation to the competent body 移送相关部门 (Art. 28(4))."""
        proposal = self.get_proposal(proposal_id)
        self.ensure_within(by, proposal.disposing_unit)
        proposal.transfer_case(
            to_body=to_body, reference=reference, by=actor_of(by), at=self.clock.now()
        )
        self.save(proposal)
