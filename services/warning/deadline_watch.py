"""The deadline watch: reminders before, RectificationOverdue at the deadline, escalation (Art. 28).

Each fact is recorded on an aggregate whose id follows from the action, so a restarted worker finds
what it already recorded, and of two workers racing the store keeps one (IntegrityError for the
other, which counts as done). Escalation only opens a proposal: a warning always needs a meeting.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from eventsourcing.persistence import IntegrityError

from services.warning.app_base import WarningBase
from services.warning.proposal import Proposal, ProposalKind, proposal_id
from services.warning.records import OverdueRecord, Reminder, overdue_id, reminder_id
from shared.vocabulary import ActionKind

if TYPE_CHECKING:
    from datetime import datetime

    from eventsourcing.domain import Aggregate

    from services.warning.issued_warning import IssuedWarning
    from services.warning.read_model import ActionRow


class DeadlineWatch(WarningBase):
    """Checks every outstanding action against the clock (规定时限, Art. 28)."""

    def check_deadlines(self) -> int:
        """Record reminders and overdue actions now due; return how many facts were recorded."""
        now = self.clock.now()
        remind_before = timedelta(days=self.rules.remind_days_before)
        recorded = 0
        for row in self.view.due_actions():
            if row.due_at - remind_before > now:
                break  # sorted by deadline: nothing later is due either
            try:
                recorded += self._check(row, now, remind_before)
            except IntegrityError:
                continue  # another worker recorded the same fact first: done
        return recorded

    def _check(self, row: ActionRow, now: datetime, remind_before: timedelta) -> int:
        if row.due_at <= now:
            if overdue_id(row.action_id) in self.repository:
                return 0
            warning = self.get_warning(row.warning_id)
            if not warning.is_open or not warning.action(row.action_id).outstanding:
                return 0  # done since the view last looked
            self.save(*self._overdue(warning, row, now))
            return 1
        if remind_before and reminder_id(row.action_id) not in self.repository:
            warning = self.get_warning(row.warning_id)
            self.save(
                Reminder(
                    action_id=row.action_id,
                    warning_id=warning.id,
                    notice_number=warning.notice_number,
                    unit_code=warning.subject_unit,
                    action_kind=row.kind,
                    due_at=row.due_at,
                    sent_at=now,
                    reported_to=list(warning.reported_to),
                )
            )
            return 1
        return 0

    def _overdue(self, warning: IssuedWarning, row: ActionRow, now: datetime) -> list[Aggregate]:
        """The overdue record and, by the escalation policy, a proposal one level up (Art. 28)."""
        facts: list[Aggregate] = []
        higher = self.rules.escalates_to(warning.level)
        escalation_id = None
        if higher is not None:
            key = f"escalation:{warning.id}"
            escalation_id = proposal_id(key)
            if escalation_id not in self.repository:
                kind_zh = ActionKind(row.kind).label_zh
                facts.append(
                    Proposal(
                        key=key,
                        subject_unit=warning.subject_unit,
                        disposing_unit=warning.disposing_unit,
                        reported_to=list(warning.reported_to),
                        kind=ProposalKind.WARNING.value,
                        level=higher,
                        source="escalation",
                        judgement_id=warning.judgement_id,
                        information_id=warning.information_id,
                        risk_point_id=warning.risk_point_id,
                        escalated_from=warning.id,
                        reasoning=f"{warning.notice_number} 逾期未落实：{kind_zh}，建议升级预警",
                        opened_at=now,
                    )
                )
        facts.append(
            OverdueRecord(
                action_id=row.action_id,
                warning_id=warning.id,
                notice_number=warning.notice_number,
                level=warning.level,
                unit_code=warning.subject_unit,
                action_kind=row.kind,
                due_at=row.due_at,
                detected_at=now,
                reported_to=list(warning.reported_to),
                escalation_id=escalation_id,
            )
        )
        return facts
