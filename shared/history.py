"""An aggregate as it stood at a past moment 历史状态 (Art. 10, 30: history is kept).

Every stored event carries the time it happened, taken from the service's clock
(`shared/event_clock.py`). An aggregate's state at a moment is the aggregate at the last version
whose event happened by then: the repository replays the stored events up to that version, so
nothing but the event log is needed and nothing is approximated. The register's risk points and
power catalogue (`services/register/risk_points/as_of.py`, `read_model.powers_as_of`) and the
console's accounts (`services/console/accounts/as_of.py`) are read this way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from eventsourcing.domain import Aggregate, DomainEvent

if TYPE_CHECKING:
    from datetime import datetime
    from uuid import UUID

    from eventsourcing.application import Application

A = TypeVar("A", bound=Aggregate)


def aggregate_at(
    app: Application[UUID], aggregate_id: UUID, as_of: datetime, kind: type[A]
) -> A | None:
    """The aggregate as it was at `as_of`; None if it did not exist yet then."""
    version: int | None = None
    for stored in app.events.get(aggregate_id):
        assert isinstance(stored, DomainEvent)  # an aggregate's events are its own @event classes
        if stored.timestamp > as_of:
            break
        version = stored.originator_version
    if version is None:
        return None
    found: object = app.repository.get(aggregate_id, version=version)
    assert isinstance(found, kind)
    return found
