"""The warning service's stored events, translated into the public contract at the edge (Art. 28).

Each feature translates its own: the disposal (WarningIssued, WarningClosed, CaseTransferred), the
deadline watch (RectificationOverdue) and the supervision from the level above (DisposalSupervised,
Art. 29). Everything else stays internal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.warning.deadlines import contract as deadlines
from services.warning.disposal import contract as disposal
from services.warning.supervision import contract as supervision

if TYPE_CHECKING:
    from uuid import UUID

    from eventsourcing.domain import DomainEventProtocol

    from shared.events import CloudEvent
    from shared.events.publish import Origin


def translate(domain_event: DomainEventProtocol[UUID], origin: Origin) -> CloudEvent | None:
    """The public event a stored event of the warning service becomes, if any (Art. 28, 29)."""
    return (
        disposal.translate(domain_event, origin)
        or deadlines.translate(domain_event, origin)
        or supervision.translate(domain_event, origin)
    )
