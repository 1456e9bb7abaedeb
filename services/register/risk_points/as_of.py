"""The register as it stood at a past moment 历史状态 (Art. 10, 30: history is kept forever).

Every stored event of a risk point records, in the domain, when it happened (identified_at,
graded_at, cast_at, ...), taken from the service's clock. A point's state at a moment is the
aggregate at the last version whose event happened by then: the repository replays the stored
events up to that version, so nothing but the event log is needed and nothing is approximated.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from services.register.risk_points.model import RiskPoint

if TYPE_CHECKING:
    from uuid import UUID

    from eventsourcing.application import Application

# The field each kind of risk-point event records its domain time in, in order of preference.
_TIME_FIELDS = ("identified_at", "graded_at", "cast_at", "starts_at", "revised_at", "at")


def happened_at(stored: object) -> datetime | None:
    """When a stored risk-point event happened in the domain; None if it does not say."""
    for name in _TIME_FIELDS:
        value = getattr(stored, name, None)
        if isinstance(value, datetime):
            return value
    return None


def risk_point_at(app: Application[UUID], point_id: UUID, as_of: datetime) -> RiskPoint | None:
    """The risk point as it was at `as_of`; None if it had not yet been identified then."""
    version: int | None = None
    for stored in app.events.get(point_id):
        when = happened_at(stored)
        # Events that carry no time happened together with the one before them.
        if when is not None and when > as_of:
            break
        version = stored.originator_version
    if version is None:
        return None
    point: object = app.repository.get(point_id, version=version)
    assert isinstance(point, RiskPoint)
    return point
