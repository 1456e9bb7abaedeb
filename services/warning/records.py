"""Facts recorded once each: a reminder, an overdue action, a notice number (Art. 28).

Their ids follow from what they record (uuid5 of the action, of year and level), so two workers
racing to record the same fact collide in the store and exactly one wins.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

_SEQUENCE_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:warning:notice-sequence")


def overdue_id(action_id: UUID) -> UUID:
    return uuid5(action_id, "overdue")


def reminder_id(action_id: UUID) -> UUID:
    return uuid5(action_id, "reminder")


class OverdueRecord(Aggregate):
    """An action's deadline passed without what was due 逾期未整改 (Art. 28); once per action."""

    @staticmethod
    def create_id(action_id: UUID, **_: Any) -> UUID:
        return overdue_id(action_id)

    @event("Recorded")
    def __init__(
        self,
        *,
        action_id: UUID,
        warning_id: UUID,
        notice_number: str,
        level: str,
        unit_code: str,
        action_kind: str,
        due_at: datetime,
        detected_at: datetime,
        reported_to: list[str],
        escalation_id: UUID | None,
    ) -> None:
        self.action_id = action_id
        self.warning_id = warning_id
        self.notice_number = notice_number
        self.level = level
        self.unit_code = unit_code
        self.action_kind = action_kind
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
        self.action_kind = action_kind
        self.due_at = due_at
        self.sent_at = sent_at
        self.reported_to = tuple(reported_to)


class NoticeSequence(Aggregate):
    """The running number of notices per year and level 文号序号, kept in the store (Art. 28).

    Two issuers taking the next number at once both save version n+1; the store refuses the second,
    which retries with the number after.
    """

    @staticmethod
    def create_id(year: int, level: str, **_: Any) -> UUID:
        return uuid5(_SEQUENCE_NAMESPACE, f"{year}:{level}")

    @event("Started")
    def __init__(self, *, year: int, level: str) -> None:
        self.year = year
        self.level = level
        self.last = 0

    def take(self, warning_id: UUID) -> int:
        """The next number, recorded against the warning it numbers."""
        self._taken(number=self.last + 1, warning_id=warning_id)
        return self.last

    @event("Taken")
    def _taken(self, *, number: int, warning_id: UUID) -> None:
        self.last = number
