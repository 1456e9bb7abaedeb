"""A risk point as it stood at a past moment 历史状态 (Art. 10, 30: history is kept forever).

The replay up to the moment is the register's common one (`shared/history.py`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.register.risk_points.model import RiskPoint
from shared.history import aggregate_at

if TYPE_CHECKING:
    from datetime import datetime
    from uuid import UUID

    from eventsourcing.application import Application


def risk_point_at(app: Application[UUID], point_id: UUID, as_of: datetime) -> RiskPoint | None:
    """The risk point as it was at `as_of`; None if it had not yet been identified then."""
    return aggregate_at(app, point_id, as_of, RiskPoint)
