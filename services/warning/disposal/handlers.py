"""The disposal's commands as plain functions `(app, ...)`: load, call the model, save (Art. 28).

A proposal opened from a judgement, its review meeting, the warning it decided (numbered from the
store) or the transfer of a violation, and the reports on a warning's actions and their
verification. The rules are the model's (`disposal/model.py`) and the deadlines' (`plan_actions`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar
from uuid import UUID, uuid4

from eventsourcing.persistence import IntegrityError

from services.warning.deadlines.rules import plan_actions
from services.warning.disposal.grades import GradeBasis, PointGrade, point_grade_id
from services.warning.disposal.model import (
    Decision,
    IssuedWarning,
    NoticeSequence,
    Proposal,
    ProposalKind,
    action_records,
    proposal_id,
    warning_id_for,
)
from shared.application import Rejected, actor_of
from shared.clock import BEIJING
from shared.errors import Conflict, Invalid
from shared.vocabulary import ActionKind, Grade, WarningLevel

if TYPE_CHECKING:
    from collections.abc import Mapping

    from eventsourcing.application import ProcessingEvent

    from services.warning.app import WarningApplication
    from shared.auth import Principal

_ISSUE_ATTEMPTS = 5
_E = TypeVar("_E", bound=StrEnum)


@dataclass(frozen=True)
class ReviewRecord:
    """What the review meeting 专题会议 recorded about one proposal (Art. 28)."""

    held_on: date
    attendees: list[str]
    decision: Decision
    minutes_ref: str
    level: WarningLevel | None = None
    reasons: str = ""
    optional_actions: list[ActionKind] = field(default_factory=list)
    meeting_id: UUID | None = None


def _term(vocabulary: type[_E], value: str, field_name: str) -> _E:
    try:
        return vocabulary(value)
    except ValueError:
        raise Invalid(
            field_name, f"{value!r} 不是有效的取值 (unknown {vocabulary.__name__} {value!r})"
        ) from None


# -- the grades the levels follow (Art. 14, 28) ---------------------------------------------------


def learn_grade(
    app: WarningApplication,
    processing_event: ProcessingEvent[UUID],
    *,
    risk_point_id: UUID,
    grade: Grade,
    graded_event_id: str,
    graded_at: datetime,
) -> None:
    """Keep the grade the register published for a risk point (RiskGraded, Art. 14)."""
    record_id = point_grade_id(risk_point_id)
    if record_id in app.repository:
        known: PointGrade = app.repository.get(record_id)
        known.regrade(grade=grade, graded_event_id=graded_event_id, graded_at=graded_at)
    else:
        known = PointGrade(
            risk_point_id=risk_point_id, grade=grade.value, graded_event_id=graded_event_id,
            graded_at=graded_at,
        )  # fmt: skip
    processing_event.collect_events(known)


def grade_of(app: WarningApplication, risk_point_id: UUID | None) -> GradeBasis | None:
    """The grade a risk point holds as far as this service knows; None if none arrived yet."""
    if risk_point_id is None:
        return None
    known = app.find(point_grade_id(risk_point_id), PointGrade)
    return known.basis if known is not None else None


# -- a proposal from a judgement (Art. 25, 27) ----------------------------------------------------


def propose(
    app: WarningApplication,
    processing_event: ProcessingEvent[UUID],
    *,
    unit_code: str,
    kind: ProposalKind,
    source: str,
    judgement_id: UUID,
    information_id: UUID | None,
    risk_point_id: UUID | None,
    reasoning: str,
) -> None:
    """Open a proposal for the body with cadre-management authority (Art. 27), once."""
    if unit_code not in app.org:
        raise Rejected(f"unknown unit {unit_code!r}")
    key = f"judgement:{judgement_id}"
    if proposal_id(key) in app.repository:
        return  # the judgement and its grading both propose: the first one counts
    processing_event.collect_events(
        Proposal(
            key=key,
            subject_unit=unit_code,
            disposing_unit=app.disposing_unit(unit_code),
            reported_to=app.reported_to(unit_code),
            kind=kind.value,
            source=source,
            judgement_id=judgement_id,
            information_id=information_id,
            risk_point_id=risk_point_id,
            reasoning=reasoning,
            opened_at=app.clock.now(),
            escalation=None,
        )
    )


# -- the review meeting and what it decided (Art. 28) ---------------------------------------------


def review(app: WarningApplication, proposal_id: UUID, record: ReviewRecord, by: Principal) -> UUID:
    """Record the review meeting's decision 专题会议审核 (Art. 28); returns the meeting id.

    A warning's level is the one the risk point's grade calls for when the meeting is recorded
    (Art. 28); the record keeps that grade and the RiskGraded event that set it.
    """
    proposal = app.get_proposal(proposal_id)
    app.ensure_within(by, proposal.disposing_unit)
    meeting_id = record.meeting_id or uuid4()
    level = None if record.level is None else _term(WarningLevel, record.level, "level")
    chosen = [_term(ActionKind, k, "optional_actions") for k in record.optional_actions]
    basis = grade_of(app, proposal.risk_point_id)
    warns = record.decision is Decision.ISSUE and basis is not None
    allowed = app.rules.optional_kinds(basis.level) if warns and basis else frozenset[ActionKind]()
    proposal.record_review(
        meeting_id=meeting_id,
        held_on=record.held_on,
        attendees=record.attendees,
        decision=record.decision,
        level=level,
        basis=basis,
        reasons=record.reasons,
        minutes_ref=record.minutes_ref,
        optional_actions=chosen,
        optional_allowed=allowed,
        by=actor_of(by),
        at=app.clock.now(),
    )
    app.save(proposal)
    return meeting_id


def issue_warning(
    app: WarningApplication,
    proposal_id: UUID,
    by: Principal,
    *,
    subject_person_id: str | None = None,
    deadlines: Mapping[ActionKind, datetime] | None = None,
) -> IssuedWarning:
    """Issue the notice 预警通知书 the meeting decided, numbered from the store (Art. 28)."""
    due = {_term(ActionKind, k, f"deadlines.{k}"): v for k, v in (deadlines or {}).items()}
    for _ in range(_ISSUE_ATTEMPTS):
        try:
            return _issue_once(app, proposal_id, by, subject_person_id, due)
        except IntegrityError:
            continue  # another issuer took the same number (or issued it): read again
    raise Conflict(
        "预警通知书编号正被同时占用，请重试 (the notice number stayed contended; try again)"
    )


def _issue_once(
    app: WarningApplication,
    proposal_id: UUID,
    by: Principal,
    subject_person_id: str | None,
    deadlines: Mapping[ActionKind, datetime],
) -> IssuedWarning:
    proposal = app.get_proposal(proposal_id)
    app.ensure_within(by, proposal.disposing_unit)
    now = app.clock.now()
    warning_id = warning_id_for(proposal_id)
    proposal.mark_issued(warning_id, now)
    review = proposal.review
    level = proposal.decided_level
    assert review is not None  # mark_issued checked both
    assert level is not None
    planned = plan_actions(app.rules, level, review.optional_actions, deadlines, now)
    # Notice numbers run per year of Beijing time.
    sequence = _sequence(app, now.astimezone(BEIJING).year, level)
    number = app.rules.notice_number(sequence.year, level, sequence.take(warning_id))
    warning = IssuedWarning(
        proposal_id=proposal_id,
        notice_number=number,
        level=level.value,
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
        grade=review.grade.value if review.grade is not None else None,
        graded_event_id=review.graded_event_id,
        actions=action_records(warning_id, planned),
        issued_by=actor_of(by),
        issued_at=now,
    )
    app.save(sequence, warning, proposal)
    return warning


def _sequence(app: WarningApplication, year: int, level: WarningLevel) -> NoticeSequence:
    sequence_id = NoticeSequence.create_id(year, level.value)
    if sequence_id in app.repository:
        found: NoticeSequence = app.repository.get(sequence_id)
        return found
    return NoticeSequence(year=year, level=level.value)


def transfer_case(
    app: WarningApplication, proposal_id: UUID, to_body: str, reference: str, by: Principal
) -> None:
    """Transfer a violation to the competent body 移送相关部门 (Art. 28(4))."""
    proposal = app.get_proposal(proposal_id)
    app.ensure_within(by, proposal.disposing_unit)
    proposal.transfer_case(
        to_body=to_body, reference=reference, by=actor_of(by), at=app.clock.now()
    )
    app.save(proposal)


# -- doing a warning's actions and verifying them (报送、核实、办结, Art. 28) ------------------


def report_action(
    app: WarningApplication,
    warning_id: UUID,
    action_id: UUID,
    by: Principal,
    *,
    note: str = "",
    document_refs: list[str] | None = None,
    held_at: datetime | None = None,
    participants: list[str] | None = None,
) -> None:
    """Submit documents, a talk held, or measures done for one action (Art. 28).

    Only within the unit whose duty the action is: a talk or the 建议书 is the disposing body's
    to report, the analysis or rectification the warned unit's (or a body above it).
    """
    warning = app.get_warning(warning_id)
    app.ensure_within(by, warning.holder_unit(warning.action(action_id)))
    warning.report(
        action_id,
        note=note,
        document_refs=document_refs or [],
        held_at=held_at,
        participants=participants or [],
        by=actor_of(by),
        at=app.clock.now(),
    )
    app.save(warning)


def verify_action(
    app: WarningApplication,
    warning_id: UUID,
    action_id: UUID,
    by: Principal,
    *,
    accepted: bool,
    reason: str = "",
) -> bool:
    """The office verifies 核实 (or returns 退回) a report; True if the warning closed (Art. 28)."""
    warning = app.get_warning(warning_id)
    app.ensure_within(by, warning.disposing_unit)
    closed = warning.verify(
        action_id, accepted=accepted, reason=reason, by=actor_of(by), at=app.clock.now()
    )
    app.save(warning)
    return closed
