"""The deadline watch's stored event that becomes a public one: RectificationOverdue (Art. 28).

Reminders stay internal: they go to the unit and the bodies following the disposal, not onto Kafka.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.warning.deadlines.watch import SYSTEM_ACTOR, OverdueRecord
from shared.events import Actor, RectificationOverdue, RectificationOverdueData
from shared.events.publish import public_envelope

if TYPE_CHECKING:
    from uuid import UUID

    from eventsourcing.domain import DomainEventProtocol

    from shared.events import CloudEvent
    from shared.events.publish import Origin


def translate(domain_event: DomainEventProtocol[UUID], origin: Origin) -> CloudEvent | None:
    """An overdue action 逾期未整改 becomes RectificationOverdue; nothing else (Art. 28)."""
    if isinstance(domain_event, OverdueRecord.Recorded):
        return _overdue(domain_event, origin)
    return None


def _overdue(e: OverdueRecord.Recorded, origin: Origin) -> RectificationOverdue:
    data = RectificationOverdueData(
        schema_version=1,
        unit_code=e.unit_code,
        node_id=origin.node_id,
        actor=Actor(**SYSTEM_ACTOR, unit_code=e.unit_code),
        authority="Art. 28",
        occurred_at=e.detected_at,
        warning_id=e.warning_id,
        notice_number=e.notice_number,
        level=e.level,
        action_id=e.action_id,
        action_kind=e.action_kind,
        due_at=e.due_at,
        detected_at=e.detected_at,
    )
    # Keyed by the warning, so a warning's events stay in order on the topic.
    return public_envelope(
        RectificationOverdue, e, origin, time=e.detected_at, data=data, subject=str(e.warning_id)
    )
