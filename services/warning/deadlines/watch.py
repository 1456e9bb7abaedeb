"""The deadline watch: reminders before, an overdue record at the deadline, escalation (Art. 28).

Each fact is recorded on an aggregate whose id follows from the action (`Reminder`,
`OverdueRecord`), so a restarted worker finds what it already recorded, and of two workers racing
the store keeps one (IntegrityError for the other, which counts as done).

A lapse is charged to whoever held the action (`HOLDER_OF`, Art. 28): the warned unit's becomes
RectificationOverdue, the disposing body's DisposalOverdue. Only the warned unit's lapse is
escalated, and escalation never raises a level by itself (the level follows the grade): it opens a
proposal to re-grade the risk point, with the overdue actions as evidence, for the review meeting.
The worker runs `TICK` on a timer.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate, event

from services.warning.disposal.grades import GRADE_OF_LEVEL
from services.warning.disposal.model import Escalation, Proposal, ProposalKind, proposal_id
from shared.runtime import Tick, record_due
from shared.vocabulary import ActionHolder, ActionKind, ActorRecord, WarningLevel

if TYPE_CHECKING:
    from datetime import datetime

    from services.warning.app import WarningApplication
    from services.warning.disposal.model import IssuedWarning
    from services.warning.read_model import ActionRow
    from shared.application import ServiceApplication

DEADLINE_CHECK_SECONDS = 60.0
# Who acts when the clock finds a deadline passed: nobody in person (Art. 28).
SYSTEM_ACTOR: ActorRecord = {"user_id": "system", "role": "system"}


def overdue_id(action_id: UUID) -> UUID:
    """The one overdue record an action can have."""
    return uuid5(action_id, "overdue")


def reminder_id(action_id: UUID) -> UUID:
    """The one reminder an action can have."""
    return uuid5(action_id, "reminder")


class OverdueRecord(Aggregate):
    """An action's deadline passed without what was due 逾期未整改 (Art. 28); once per action."""

    class Recorded(Aggregate.Created):
        """The overdue action, to be published as RectificationOverdue or DisposalOverdue."""

        action_id: UUID
        warning_id: UUID
        notice_number: str
        level: str
        unit_code: str
        holder: str
        holder_unit: str
        action_kind: str
        due_at: datetime
        detected_at: datetime
        reported_to: list[str]
        escalation_id: UUID | None

    @staticmethod
    def create_id(action_id: UUID, **_: Any) -> UUID:
        return overdue_id(action_id)

    @event(Recorded)
    def __init__(
        self,
        *,
        action_id: UUID,
        warning_id: UUID,
        notice_number: str,
        level: str,
        unit_code: str,
        holder: str,
        holder_unit: str,
        action_kind: str,
        due_at: datetime,
        detected_at: datetime,
        reported_to: list[str],
        escalation_id: UUID | None,
    ) -> None:
        self.action_id = action_id
        self.warning_id = warning_id
        self.notice_number = notice_number
        self.level = WarningLevel(level)
        self.unit_code = unit_code  # the warned unit
        self.holder = ActionHolder(holder)
        self.holder_unit = holder_unit  # whose lapse it is (Art. 28)
        self.action_kind = ActionKind(action_kind)
        self.due_at = due_at
        self.detected_at = detected_at
        self.reported_to = tuple(reported_to)
        self.escalation_id = escalation_id


class Reminder(Aggregate):
    """A reminder that an action's deadline is near 临期提醒 (Art. 28); once per action."""

    @staticmethod
    def create_id(action_id: UUID, **_: Any) -> UUID:
        return reminder_id(action_id)

    @event("Sent")
    def __init__(
        self,
        *,
        action_id: UUID,
        warning_id: UUID,
        notice_number: str,
        unit_code: str,
        action_kind: str,
        due_at: datetime,
        sent_at: datetime,
        reported_to: list[str],
    ) -> None:
        self.action_id = action_id
        self.warning_id = warning_id
        self.notice_number = notice_number
        self.unit_code = unit_code
        self.action_kind = ActionKind(action_kind)
        self.due_at = due_at
        self.sent_at = sent_at
        self.reported_to = tuple(reported_to)


def check_deadlines(app: WarningApplication) -> int:
    """Record reminders and overdue actions now due (规定时限, Art. 28); how many were recorded."""
    now = app.clock.now()
    remind_before = timedelta(days=app.rules.remind_days_before)
    # Only what is due or to be reminded of by now: record_due would stop there anyway.
    due = app.view.due_actions(by=now + remind_before)
    return record_due(due, lambda r: r.due_at, remind_before, now,
                      lambda r: _check(app, r, now, remind_before))  # fmt: skip


def _check(app: WarningApplication, row: ActionRow, now: datetime, remind_before: timedelta) -> int:
    if row.due_at <= now:
        if overdue_id(row.action_id) in app.repository:
            return 0
        warning = app.get_warning(row.warning_id)
        if not warning.is_open or not warning.action(row.action_id).outstanding:
            return 0  # done since the view last looked
        app.save(*_overdue(app, warning, row, now))
        return 1
    if remind_before and reminder_id(row.action_id) not in app.repository:
        warning = app.get_warning(row.warning_id)
        app.save(
            Reminder(
                action_id=row.action_id,
                warning_id=warning.id,
                notice_number=warning.notice_number,
                unit_code=warning.holder_unit(warning.action(row.action_id)),  # who must act
                action_kind=row.kind.value,
                due_at=row.due_at,
                sent_at=now,
                reported_to=list(warning.reported_to),
            )
        )
        return 1
    return 0


def _overdue(
    app: WarningApplication, warning: IssuedWarning, row: ActionRow, now: datetime
) -> list[Aggregate]:
    """The overdue record, charged to the action's holder, and, for the warned unit's lapse under
    the escalation policy, a proposal to re-grade the risk point (Art. 14, 28)."""
    facts: list[Aggregate] = []
    action = warning.action(row.action_id)
    higher = app.rules.escalates_to(warning.level)
    escalation_id = None
    if (
        action.holder is ActionHolder.WARNED_UNIT
        and higher is not None
        and warning.risk_point_id is not None
    ):
        key = f"escalation:{warning.id}"
        escalation_id = proposal_id(key)
        if escalation_id in app.repository:
            proposal: Proposal = app.repository.get(escalation_id)
            proposal.add_evidence(row.action_id)
            facts.append(proposal)
        else:
            kind_zh = row.kind.label_zh
            suggested = GRADE_OF_LEVEL[higher]
            facts.append(
                Proposal(
                    key=key,
                    subject_unit=warning.subject_unit,
                    disposing_unit=warning.disposing_unit,
                    reported_to=list(warning.reported_to),
                    kind=ProposalKind.REGRADE.value,
                    source="escalation",
                    judgement_id=warning.judgement_id,
                    information_id=warning.information_id,
                    risk_point_id=warning.risk_point_id,
                    reasoning=(
                        f"{warning.notice_number} 逾期未落实：{kind_zh}，"
                        f"建议提请重新评定风险等级（{suggested.label_zh}）"
                    ),
                    opened_at=now,
                    escalation=Escalation(
                        warning.id,
                        warning.notice_number,
                        warning.grade,
                        suggested,
                        (row.action_id,),
                    ).as_record(),
                )
            )
    facts.append(
        OverdueRecord(
            action_id=row.action_id,
            warning_id=warning.id,
            notice_number=warning.notice_number,
            level=warning.level.value,
            unit_code=warning.subject_unit,
            holder=action.holder.value,
            holder_unit=warning.holder_unit(action),
            action_kind=row.kind.value,
            due_at=row.due_at,
            detected_at=now,
            reported_to=list(warning.reported_to),
            escalation_id=escalation_id,
        )
    )
    return facts


def _run(app: ServiceApplication) -> int:
    from services.warning.app import WarningApplication  # here: app.py imports this module

    assert isinstance(app, WarningApplication)
    return check_deadlines(app)


# The deadline tick: reminders, overdue records, re-grade proposals (Art. 28).
TICK = Tick("deadlines", DEADLINE_CHECK_SECONDS, _run)
