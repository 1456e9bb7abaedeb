"""Every query an auditor makes is itself recorded (Art. 23, 29: accountability reaches auditors).

Auditors read across their jurisdiction and change nothing; what they looked at, when and through
which service is an event in that service's store like any other (and so under its hash chain),
listed at /audit/queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from eventsourcing.domain import Aggregate, event

if TYPE_CHECKING:
    from eventsourcing.application import Application

    from shared.auth import Principal


class AuditQuery(Aggregate):
    """One request an auditor made: who, from which unit, what, when, under which trace."""

    @event("Recorded")
    def __init__(
        self, *, user_id: str, unit_code: str, method: str, target: str, at: datetime, trace: str
    ) -> None:
        self.user_id = user_id
        self.unit_code = unit_code
        self.method = method
        self.target = target
        self.at = at
        self.trace = trace


@dataclass(frozen=True)
class AuditQueryRow:
    user_id: str
    unit_code: str
    method: str
    target: str
    at: datetime
    trace: str


_TOPIC = f"{AuditQuery.__module__}:{AuditQuery.__qualname__}.Recorded"


def record_query(
    app: Application[Any], who: Principal, method: str, target: str, at: datetime, trace: str
) -> None:
    """Store one auditor's request before it is answered (a refused one counts too)."""
    query = AuditQuery(
        user_id=who.user_id, unit_code=who.unit_code, method=method, target=target, at=at,
        trace=trace,
    )  # fmt: skip
    app.save(query)


def recorded_queries(app: Application[Any], limit: int = 1000) -> list[AuditQueryRow]:
    """The latest recorded auditor requests of this service, newest first."""
    found = app.recorder.select_notifications(start=None, limit=10**9, topics=[_TOPIC])
    rows = []
    for notification in found[-limit:]:
        e: Any = app.mapper.to_domain_event(notification)
        rows.append(AuditQueryRow(e.user_id, e.unit_code, e.method, e.target, e.at, e.trace))
    return rows[::-1]
