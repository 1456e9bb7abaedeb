"""The supervision of a disposal, translated into the public contract (Art. 29).

Every act — a chase 督办, a return 退回, the disposing body's rework, the sign-off 办结 — goes
out as DisposalSupervised, so the audit trail and assessment can cite it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.warning.supervision.model import DisposalSupervision
from shared.events import Actor, DisposalSupervised, DisposalSupervisedData
from shared.events.publish import public_envelope

if TYPE_CHECKING:
    from uuid import UUID

    from eventsourcing.domain import DomainEventProtocol

    from shared.events import CloudEvent
    from shared.events.publish import Origin


def translate(domain_event: DomainEventProtocol[UUID], origin: Origin) -> CloudEvent | None:
    """A supervisory act becomes DisposalSupervised; the rest stays internal (Art. 29)."""
    if not isinstance(domain_event, DisposalSupervision.Act):
        return None
    e = domain_event
    data = DisposalSupervisedData(
        schema_version=1,
        unit_code=e.subject_unit,
        node_id=origin.node_id,
        actor=Actor.model_validate(e.by),
        authority="Art. 29",
        occurred_at=e.at,
        warning_id=e.warning_id,
        notice_number=e.notice_number,
        disposing_unit=e.disposing_unit,
        act=e.act,
        text=e.text,
        document_refs=tuple(e.document_refs),
    )
    return public_envelope(DisposalSupervised, e, origin, time=e.at, data=data)
