"""The measures' deadline watch: a reminder before the due date, an overdue record after it
(Art. 14, 15).

第十五条 asks that measures be "制定和实施"; a due date 完成时限 is the unit's promise. Like the
warning deadlines (services/warning/deadlines/watch.py), each fact is an aggregate whose id
follows from the measure and its due date (`MeasureReminder`, `MeasureOverdueRecord`), so a
restarted worker finds what it recorded, and of two workers racing the store keeps one
(IntegrityError for the other, which counts as done). A measure reported done stops the clock
until a verification returns it; the overdue record becomes the public MeasureOverdue. The worker
runs `TICK` on a timer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate, event

from shared.runtime import Tick, record_due
from shared.vocabulary import ActorRecord

if TYPE_CHECKING:
    from collections.abc import Collection

    from services.register.app import RegisterApplication
    from services.register.read_model import MeasureRow
    from services.register.risk_points.measures import MeasureStatus
    from shared.application import ServiceApplication

MEASURE_CHECK_SECONDS = 300.0
# Who acts when the clock finds a due date passed: nobody in person (Art. 15).
SYSTEM_ACTOR: ActorRecord = {"user_id": "system", "role": "system"}


def measure_overdue_id(risk_point_id: UUID, measure_code: str, due_date: date) -> UUID:
    """The one overdue record a measure can have for one due date."""
    return uuid5(risk_point_id, f"measure-overdue:{measure_code}:{due_date.isoformat()}")


def measure_reminder_id(risk_point_id: UUID, measure_code: str, due_date: date) -> UUID:
    """The one reminder a measure gets before one due date."""
    return uuid5(risk_point_id, f"measure-reminder:{measure_code}:{due_date.isoformat()}")


class MeasureOverdueRecord(Aggregate):
    """A measure still outstanding at the end of its due date 逾期未落实 (Art. 14, 15); once."""

    class Recorded(Aggregate.Created):
        """The overdue measure, to be published as MeasureOverdue."""

        risk_point_id: UUID
        unit_code: str
        grade: str | None
        measure_code: str
        owner_id: str
        due_date: str  # ISO date, YYYY-MM-DD
        detected_at: datetime

    @staticmethod
    def create_id(risk_point_id: UUID, measure_code: str, due_date: str, **_: Any) -> UUID:
        return measure_overdue_id(risk_point_id, measure_code, date.fromisoformat(due_date))

    @event(Recorded)
    def __init__(
        self,
        *,
        risk_point_id: UUID,
        unit_code: str,
        grade: str | None,
        measure_code: str,
        owner_id: str,
        due_date: str,
        detected_at: datetime,
    ) -> None:
        self.risk_point_id = risk_point_id
        self.unit_code = unit_code
        self.grade = grade
        self.measure_code = measure_code
        self.owner_id = owner_id
        self.due_date = date.fromisoformat(due_date)
        self.detected_at = detected_at


class MeasureReminder(Aggregate):
    """A reminder to a measure's owner that its due date is near 临期提醒 (Art. 15); once."""

    @staticmethod
    def create_id(risk_point_id: UUID, measure_code: str, due_date: str, **_: Any) -> UUID:
        return measure_reminder_id(risk_point_id, measure_code, date.fromisoformat(due_date))

    @event("Sent")
    def __init__(
        self,
        *,
        risk_point_id: UUID,
        unit_code: str,
        measure_code: str,
        owner_id: str,
        due_date: str,
        sent_at: datetime,
    ) -> None:
        self.risk_point_id = risk_point_id
        self.unit_code = unit_code
        self.measure_code = measure_code
        self.owner_id = owner_id
        self.due_date = date.fromisoformat(due_date)
        self.sent_at = sent_at


def check_measure_deadlines(app: RegisterApplication) -> int:
    """Record reminders and overdue measures now due (Art. 14, 15); how many were recorded."""
    now = app.clock.now()
    remind_before = timedelta(days=app.rules.measures.remind_days_before)
    return record_due(app.view.due_measures(), lambda r: r.deadline, remind_before, now,
                      lambda r: _check(app, r, now, remind_before))  # fmt: skip


def _check(
    app: RegisterApplication, row: MeasureRow, now: datetime, remind_before: timedelta
) -> int:
    key = (row.risk_point_id, row.measure_code, row.due_date)
    if row.deadline <= now:
        if measure_overdue_id(*key) in app.repository:
            return 0
        point = app.get_risk_point(row.risk_point_id)
        chosen = point.measures.get(row.measure_code)
        if chosen is None or not chosen.status.outstanding or chosen.due != row.due_date:
            return 0  # reported done or withdrawn since the view last looked
        app.save(
            MeasureOverdueRecord(
                risk_point_id=point.id,
                unit_code=point.unit_code,
                grade=point.grade.value if point.grade else None,
                measure_code=row.measure_code,
                owner_id=chosen.owner_id,
                due_date=row.due_date.isoformat(),
                detected_at=now,
            )
        )
        return 1
    if remind_before and measure_reminder_id(*key) not in app.repository:
        app.save(
            MeasureReminder(
                risk_point_id=row.risk_point_id,
                unit_code=row.unit_code,
                measure_code=row.measure_code,
                owner_id=row.owner_id,
                due_date=row.due_date.isoformat(),
                sent_at=now,
            )
        )
        return 1
    return 0


@dataclass(frozen=True)
class MeasureDeadline:
    """A chosen measure's due date, and what the watch recorded about it (Art. 15)."""

    risk_point_id: UUID
    unit_code: str
    measure_code: str
    owner_id: str
    due_date: date
    status: MeasureStatus
    reminded_at: datetime | None
    overdue_since: datetime | None


def measure_deadlines(app: RegisterApplication, units: Collection[str]) -> list[MeasureDeadline]:
    """The measures of the given units, soonest due first, with reminders and lapses (Art. 15)."""
    found = []
    for row in app.view.measures(units):
        key = (row.risk_point_id, row.measure_code, row.due_date)
        reminder = app.find(measure_reminder_id(*key), MeasureReminder)
        overdue = app.find(measure_overdue_id(*key), MeasureOverdueRecord)
        found.append(
            MeasureDeadline(
                row.risk_point_id, row.unit_code, row.measure_code, row.owner_id, row.due_date,
                row.status, reminder.sent_at if reminder else None,
                overdue.detected_at if overdue else None,
            )
        )  # fmt: skip
    return found


def _run(app: ServiceApplication) -> int:
    from services.register.app import RegisterApplication  # here: app.py imports this module

    assert isinstance(app, RegisterApplication)
    return check_measure_deadlines(app)


# The measures tick: reminders before due dates, overdue records after them (Art. 14, 15).
TICK = Tick("measures", MEASURE_CHECK_SECONDS, _run)
