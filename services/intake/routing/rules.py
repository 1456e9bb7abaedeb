"""Screening by jurisdiction 谁主管、谁负责 and the deadlines of tracking 跟踪督办 (Art. 24)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from typing import TYPE_CHECKING

from shared.vocabulary import RoutingOutcome

if TYPE_CHECKING:
    from collections.abc import Sequence

DISCIPLINE_INSPECTION = "discipline_inspection"  # 纪检监察机关


@dataclass(frozen=True)
class RoutingRules:
    """Which node this is and how long a lower node has to report its handling (Art. 24).

    `feedback_days` runs from the forward, and afresh from a return 退回 for rework.
    """

    node_id: str = "district"
    feedback_days: int = 10
    reminder_days: int = 2

    def feedback_due(self, outcome: RoutingOutcome, filed_at: datetime) -> datetime | None:
        """When the lower level's handling report on a forward 批转 is due; None otherwise."""
        if outcome != RoutingOutcome.FORWARDED:
            return None
        return filed_at + timedelta(days=self.feedback_days)

    def rework_due(self, returned_at: datetime) -> datetime:
        """When the reworked handling report is due after a return 退回 (Art. 24)."""
        return returned_at + timedelta(days=self.feedback_days)


@dataclass(frozen=True)
class Route:
    """Where a piece of information goes and why (Art. 24)."""

    decision: RoutingOutcome
    to_node: str
    reason: str


def screen(chain: Sequence[tuple[str, str]], node_id: str) -> Route:
    """Route by jurisdiction from the unit and its ancestors, (code, managing node), unit first.

    Own node manages the unit: accept. Own node manages a unit above it: the unit's node is
    lower, forward. Otherwise the unit belongs to a higher or other body: transfer to its node.
    """
    code, manager = chain[0]
    if manager == node_id:
        reason = f"{code} 由本级 {node_id} 主管，直接处理（谁主管、谁负责）"
        return Route(RoutingOutcome.ACCEPTED, node_id, reason)
    if any(above == node_id for _, above in chain[1:]):
        return Route(
            RoutingOutcome.FORWARDED, manager, f"{code} 由下级 {manager} 主管，批转并跟踪督办"
        )
    reason = f"{code} 不属本级 {node_id} 管辖，移送 {manager}"
    return Route(RoutingOutcome.TRANSFERRED, manager, reason)


class Chase(Enum):
    """What tracking does next about an open forward (督办, Art. 24)."""

    NOTHING = "nothing"
    REMIND = "remind"
    RECORD_OVERDUE = "record_overdue"


def chase(
    rules: RoutingRules,
    due: datetime,
    reminded_at: datetime | None,
    overdue_at: datetime | None,
    now: datetime,
) -> Chase:
    """Remind within `reminder_days` of the feedback deadline, record it overdue once past."""
    if overdue_at is not None:
        return Chase.NOTHING
    if now >= due:
        return Chase.RECORD_OVERDUE
    if now >= due - timedelta(days=rules.reminder_days) and reminded_at is None:
        return Chase.REMIND
    return Chase.NOTHING
