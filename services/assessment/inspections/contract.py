"""A finding about a risk point, translated into RevisionRequested for the register (Art. 30).

A finding that a risk point's content, grade or measures are wrong asks the register to revise
the point (动态修正); a finding about the unit's work stays internal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import NAMESPACE_URL, uuid5

from services.assessment.inspections.model import Inspection
from shared.events import Actor, RevisionRequested, RevisionRequestedData
from shared.events.publish import Origin, public_envelope

if TYPE_CHECKING:
    from uuid import UUID


REQUEST_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:assessment:revision-request")


def request_id_for(finding_id: UUID) -> UUID:
    """One revision request per finding (and so per risk point) (Art. 30)."""
    return uuid5(REQUEST_NAMESPACE, str(finding_id))


def revision_requested(e: Inspection.FindingRecorded, origin: Origin) -> RevisionRequested | None:
    """RevisionRequested for a finding naming a risk point's aspects, else None (Art. 30)."""
    if not e.aspects or e.risk_point_id is None:
        return None  # a finding about the unit's work, not about a risk point's record
    data = RevisionRequestedData(
        **origin.stamp(e.unit_code, Actor(**e.by), e.authority, e.at),
        request_id=request_id_for(e.finding_id),
        risk_point_id=e.risk_point_id,
        inspection_id=e.originator_id,
        finding_id=e.finding_id,
        aspects=tuple(e.aspects),
        finding=e.description,
        revise_by=e.revise_by,
    )
    # Keyed by the risk point, so the register sees one point's requests in order.
    return public_envelope(RevisionRequested, e, origin, data=data, subject=str(e.risk_point_id))
