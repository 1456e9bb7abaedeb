"""The register's stored events, translated into the public contract (Art. 14, 25, 30)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.register.domain import ReportedInformation
from services.register.risk_point import RiskPoint
from shared.events import (
    Actor,
    GradingFactors,
    JudgementMade,
    JudgementMadeData,
    RiskGraded,
    RiskGradedData,
)
from shared.events.register import JudgedReportingBreach
from shared.outbox import public_event_id

if TYPE_CHECKING:
    from uuid import UUID

    from eventsourcing.domain import DomainEventProtocol

    from shared.events import CloudEvent
    from shared.runtime import Origin


def translate(domain_event: DomainEventProtocol[UUID], origin: Origin) -> CloudEvent | None:
    """A grading becomes RiskGraded, a judgement JudgementMade; the rest stays internal."""
    if isinstance(domain_event, RiskPoint.Graded):
        return _graded(domain_event, origin)
    if isinstance(domain_event, ReportedInformation.Judged):
        return _judged(domain_event, origin)
    return None


def _graded(e: RiskPoint.Graded, origin: Origin) -> RiskGraded:
    """RiskGraded, naming the information and judgement when a judgement graded it (Art. 25)."""
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
        information_id=e.information_id,
        judgement_id=e.judgement_id,
        recommended_level=e.recommended_level,
    )
    return RiskGraded(
        id=public_event_id(origin.source, e),
        source=origin.source,
        time=e.graded_at,
        subject=str(e.originator_id),
        data=data,
    )


def _judged(e: ReportedInformation.Judged, origin: Origin) -> JudgementMade:
    """JudgementMade, with the judgement's stored id and any Art. 23 finding (Art. 23, 25)."""
    breach = JudgedReportingBreach.model_validate(e.breach) if e.breach else None
    data = JudgementMadeData(
        schema_version=1,
        unit_code=e.unit_code,
        node_id=origin.node_id,
        actor=Actor(**e.judged_by),
        authority="Art. 25" if breach is None else "Art. 23, 25",
        occurred_at=e.judged_at,
        judgement_id=e.judgement_id,
        information_id=e.originator_id,
        risk_point_id=e.risk_point_id,
        verdict=e.verdict,
        recommended_level=e.recommended_level,
        reasoning=e.reasoning,
        reporting_breach=breach,
    )
    return JudgementMade(
        id=public_event_id(origin.source, e),
        source=origin.source,
        time=e.judged_at,
        subject=str(e.originator_id),
        data=data,
    )
