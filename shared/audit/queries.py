"""Every query an auditor makes is itself recorded (Art. 23, 29: accountability reaches auditors).

Auditors read across their jurisdiction and change nothing; what they looked at, when and through
which service is an event in that service's store like any other (and so under its hash chain),
listed at /audit/queries.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from eventsourcing.domain import Aggregate, event

from shared.projection import LogFollower, event_topics

if TYPE_CHECKING:
    from eventsourcing.application import Application

    from shared.auth import Principal


class AuditQuery(Aggregate):
    """One request an auditor made: who, from which unit, what, when, under which trace."""

    class Recorded(Aggregate.Created):
        user_id: str
        unit_code: str
        method: str
        target: str
        at: datetime
        trace: str

    @event(Recorded)
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
    """One recorded auditor request, as the audit API lists it (Art. 29)."""

    user_id: str
    unit_code: str
    method: str
    target: str
    at: datetime
    trace: str


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
    latest: deque[AuditQueryRow] = deque(maxlen=limit)
    for page in LogFollower(app, event_topics(AuditQuery)).pages():
        for notification in page:
            e = app.mapper.to_domain_event(notification)
            assert isinstance(e, AuditQuery.Recorded)
            latest.append(AuditQueryRow(e.user_id, e.unit_code, e.method, e.target, e.at, e.trace))
    return list(reversed(latest))
