"""The rework watch: a returned disposal's rework not reported by its deadline (Art. 29).

When the level above returns 退回 a disposal, the disposing body owes its rework by the
return's deadline (`WarningRules.rework_days`). The watch records the lapse once per return on
an aggregate whose id follows from the supervision and the return's number, so a restarted
worker finds what it recorded and of two racing workers the store keeps one (IntegrityError for
the other, which counts as done). The lapse is the disposing body's (published as
DisposalReworkOverdue, `unit_code` the body), never the warned unit's. The worker runs `TICK`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate, event
from eventsourcing.persistence import IntegrityError

from services.warning.supervision.model import (
    DisposalSupervision,
    SupervisionState,
    supervision_id,
)
from shared.projection import LogFollower, event_topics
from shared.runtime import Tick

if TYPE_CHECKING:
    from datetime import datetime

    from services.warning.app import WarningApplication
    from shared.application import ServiceApplication

REWORK_CHECK_SECONDS = 60.0


def rework_overdue_id(warning_id: UUID, return_number: int) -> UUID:
    """The one overdue record a return can have."""
    return uuid5(supervision_id(warning_id), f"rework-overdue:{return_number}")


class ReworkOverdue(Aggregate):
    """A returned disposal's rework was not reported by its deadline (Art. 29); once per return."""

    class Recorded(Aggregate.Created):
        """The lapse, to be published as DisposalReworkOverdue (the disposing body's)."""

        warning_id: UUID
        notice_number: str
        subject_unit: str
        disposing_unit: str
        return_number: int
        returned_at: datetime
        due_at: datetime
        detected_at: datetime

    @staticmethod
    def create_id(warning_id: UUID, return_number: int, **_: Any) -> UUID:
        return rework_overdue_id(warning_id, return_number)

    @event(Recorded)
    def __init__(
        self,
        *,
        warning_id: UUID,
        notice_number: str,
        subject_unit: str,
        disposing_unit: str,
        return_number: int,
        returned_at: datetime,
        due_at: datetime,
        detected_at: datetime,
    ) -> None:
        self.warning_id = warning_id
        self.disposing_unit = disposing_unit
        self.return_number = return_number
        self.due_at = due_at
        self.detected_at = detected_at


def check_rework_deadlines(app: WarningApplication) -> int:
    """Record each returned disposal whose rework deadline passed unanswered; how many.

    Reads the supervisions from the log each pass (few: one per supervised warning).
    """
    now = app.clock.now()
    recorded = 0
    for sid in sorted(LogFollower(app, event_topics(DisposalSupervision)).changed()):
        supervision = app.find(sid, DisposalSupervision)
        if supervision is None or supervision.state is not SupervisionState.RETURNED:
            continue
        due = supervision.rework_due_at
        if due is None or now < due:
            continue
        number = len(supervision.returns)
        if rework_overdue_id(supervision.warning_id, number) in app.repository:
            continue
        record = ReworkOverdue(
            warning_id=supervision.warning_id,
            notice_number=supervision.notice_number,
            subject_unit=supervision.subject_unit,
            disposing_unit=supervision.disposing_unit,
            return_number=number,
            returned_at=supervision.returns[-1].at,
            due_at=due,
            detected_at=now,
        )
        try:
            app.save(record)
        except IntegrityError:
            continue  # another worker recorded it first
        recorded += 1
    return recorded


def _run(app: ServiceApplication) -> int:
    from services.warning.app import WarningApplication  # here: app.py imports this module

    assert isinstance(app, WarningApplication)
    return check_rework_deadlines(app)


# The rework tick: returned disposals whose rework is overdue (Art. 29).
TICK = Tick("rework", REWORK_CHECK_SECONDS, _run)
