"""The register's stored events, translated into the public contract at the edge (Art. 14, 30)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.register.risk_point import RiskPoint
from shared.events import Actor, GradingFactors, RiskGraded, RiskGradedData
from shared.outbox import public_event_id

if TYPE_CHECKING:
    from uuid import UUID

    from eventsourcing.domain import DomainEventProtocol

    from shared.events import CloudEvent
    from shared.runtime import Origin


def translate(domain_event: DomainEventProtocol[UUID], origin: Origin) -> CloudEvent | None:
    """A grading or re-grading becomes RiskGraded; every other register event stays internal."""
    if not isinstance(domain_event, RiskPoint.Graded):
        return None
    e = domain_event
    data = RiskGradedData(
        schema_version=1,
        unit_code=e.unit_code,
        node_id=origin.node_id,
        actor=Actor(**e.graded_by),
        authority=e.authority,
        occurred_at=e.graded_at,
        risk_point_id=e.originator_id,
        category=e.category,
        factors=GradingFactors(**e.factors),
        grade=e.grade,
        previous_grade=e.previous_grade,
        source=e.source,
        reason=e.reason,
        information_id=None,
        judgement_id=None,
        recommended_level=None,
    )
    return RiskGraded(
        id=public_event_id(origin.source, e),
        source=origin.source,
        time=e.graded_at,
        subject=str(e.originator_id),
        data=data,
    )
