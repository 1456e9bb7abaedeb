"""Revision requests as the assessment service sends them, for the revision stories (Art. 30)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import uuid4

from shared.events import Actor, RevisionRequested, RevisionRequestedData
from shared.events.publish import Origin
from tests.support.events import sent

if TYPE_CHECKING:
    from datetime import datetime
    from uuid import UUID

    from shared.events import RevisionAspect

ASSESSMENT = Origin("/lianfang/district/assessment", "district")


def revision_requested(
    risk_point_id: UUID,
    at: datetime,
    *,
    aspects: tuple[RevisionAspect, ...] = ("content", "grade", "measures"),
    unit_code: str = "QX-TH",
    request_id: UUID | None = None,
    event_id: str | None = None,
) -> RevisionRequested:
    """An inspection's finding that a risk point of `unit_code` must be revised (Art. 30)."""
    inspector = Actor(user_id="u-qx-inspector", role="auditor", unit_code="QX")
    request_id = request_id or uuid4()
    data = RevisionRequestedData(
        **ASSESSMENT.stamp(unit_code, inspector, "Art. 30", at),
        request_id=request_id,
        risk_point_id=risk_point_id,
        inspection_id=uuid4(),
        finding_id=uuid4(),
        aspects=aspects,
        finding="现场踏勘仍由一人完成，防控措施未落实",
        revise_by=None,
    )
    return sent(RevisionRequested, ASSESSMENT, data, risk_point_id, event_id)
