"""Assessment's stored events, translated into the public contract at the edge (Art. 30, 31).

A finding that a risk point's content, grade or measures are wrong becomes RevisionRequested for
the register (`inspections/contract.py`); a published assessment becomes AssessmentPublished
(`scoring/contract.py`). Everything else (figures, responses, drafts) stays internal: survey
responses in particular never leave the service.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.assessment.inspections.contract import request_id_for, revision_requested
from services.assessment.inspections.model import Inspection
from services.assessment.scoring.contract import assessment_published
from services.assessment.scoring.model import AnnualAssessment

if TYPE_CHECKING:
    from uuid import UUID

    from eventsourcing.domain import DomainEventProtocol

    from shared.events import CloudEvent
    from shared.events.publish import Origin

__all__ = ["request_id_for", "translate"]


def translate(domain_event: DomainEventProtocol[UUID], origin: Origin) -> CloudEvent | None:
    """Revision-asking findings and published assessments go out; the rest stays internal."""
    if isinstance(domain_event, Inspection.FindingRecorded):
        return revision_requested(domain_event, origin)
    if isinstance(domain_event, AnnualAssessment.Published):
        return assessment_published(domain_event, origin)
    return None
