"""The register as it stood at a past moment 历史状态 (Art. 10, 30: history is kept forever).

Every stored event carries the time it happened, taken from the service's clock
(`shared/event_clock.py`). A point's state at a moment is the aggregate at the last version
whose event happened by then: the repository replays the stored events up to that version, so
nothing but the event log is needed and nothing is approximated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventsourcing.domain import DomainEvent

from services.register.risk_points.model import RiskPoint

if TYPE_CHECKING:
    from datetime import datetime
    from uuid import UUID

    from eventsourcing.application import Application


def risk_point_at(app: Application[UUID], point_id: UUID, as_of: datetime) -> RiskPoint | None:
    """The risk point as it was at `as_of`; None if it had not yet been identified then."""
    version: int | None = None
    for stored in app.events.get(point_id):
        assert isinstance(stored, DomainEvent)  # a risk point's events are its own @event classes
        if stored.timestamp > as_of:
            break
        version = stored.originator_version
    if version is None:
        return None
    point: object = app.repository.get(point_id, version=version)
    assert isinstance(point, RiskPoint)
    return point
