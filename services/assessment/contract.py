"""Assessment's stored events, translated into the public contract at the edge (Art. 30, 31).

A finding that a risk point's content, grade or measures are wrong becomes RevisionRequested for
the register; a published assessment becomes AssessmentPublished. Everything else (figures,
responses, drafts) stays internal: survey responses in particular never leave the service.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import NAMESPACE_URL, uuid5

from services.assessment.annual import AnnualAssessment
from services.assessment.inspection import Inspection
from shared.events import (
    Actor,
    AssessmentPublished,
    AssessmentPublishedData,
    RevisionRequested,
    RevisionRequestedData,
    ScoreLine,
)
from shared.events.publish import public_envelope

if TYPE_CHECKING:
    from uuid import UUID

    from eventsourcing.domain import DomainEventProtocol

    from shared.events import CloudEvent
    from shared.events.publish import Origin

REQUEST_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:assessment:revision-request")

# The aggregates' event classes are made by the @event decorator; look them up by name.
_FINDING: type = vars(Inspection)["FindingRecorded"]
_PUBLISHED: type = vars(AnnualAssessment)["Published"]


def request_id_for(finding_id: UUID) -> UUID:
    """One revision request per finding (and so per risk point)."""
    return uuid5(REQUEST_NAMESPACE, str(finding_id))


def translate(domain_event: DomainEventProtocol[UUID], origin: Origin) -> CloudEvent | None:
    """Revision-asking findings and published assessments go out; the rest stays internal."""
    if isinstance(domain_event, _FINDING):
        return _revision(domain_event, origin)
    if isinstance(domain_event, _PUBLISHED):
        return _published(domain_event, origin)
    return None


def _revision(e: DomainEventProtocol[UUID], origin: Origin) -> RevisionRequested | None:
    a = vars(e)
    if not a["aspects"] or a["risk_point_id"] is None:
        return None  # a finding about the unit's work, not about a risk point's record
    data = RevisionRequestedData(
        schema_version=1,
        unit_code=a["unit_code"],
        node_id=origin.node_id,
        actor=Actor(**a["by"]),
        authority=a["authority"],
        occurred_at=a["at"],
        request_id=request_id_for(a["finding_id"]),
        risk_point_id=a["risk_point_id"],
        inspection_id=e.originator_id,
        finding_id=a["finding_id"],
        aspects=tuple(a["aspects"]),
        finding=a["description"],
        revise_by=a["revise_by"],
    )
    # Keyed by the risk point, so the register sees one point's requests in order.
    return public_envelope(
        RevisionRequested, e, origin, time=a["at"], data=data, subject=str(a["risk_point_id"])
    )


def _published(e: DomainEventProtocol[UUID], origin: Origin) -> AssessmentPublished:
    a = vars(e)
    card = a["card"]
    data = AssessmentPublishedData(
        schema_version=1,
        unit_code=a["unit_code"],
        node_id=origin.node_id,
        actor=Actor(**a["by"]),
        authority="Art. 31",
        occurred_at=a["at"],
        assessment_id=e.originator_id,
        year=a["year"],
        assessor_unit=a["assessor_unit"],
        total=card["total"],
        grade=card["grade"],
        lines=tuple(
            ScoreLine(
                component=i["component"],
                points=i["points"],
                max_points=i["max_points"],
                evidence_count=len(i["evidence"]),
            )
            for i in card["items"]
        ),
        scheme_digest=card["scheme_digest"],
    )
    return public_envelope(AssessmentPublished, e, origin, time=a["at"], data=data)
