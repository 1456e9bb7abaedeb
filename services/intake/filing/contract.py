"""A filed case, translated into the public contract as its screening decided (Art. 22, 24).

Accepted here: RiskReported. Forwarded 批转 to a lower node: InformationForwarded with its feedback
deadline. Transferred 移送 to a higher body: InformationTransferred. The petitioner's identity is
never part of it (only `has_protected_source`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.intake.filing.model import RiskInformation
from shared.events import (
    Actor,
    InformationForwarded,
    InformationForwardedData,
    InformationTransferred,
    InformationTransferredData,
    RiskReported,
    RiskReportedData,
)
from shared.events.publish import Origin, public_envelope
from shared.vocabulary import Channel, RoutingOutcome

if TYPE_CHECKING:
    from shared.events import CloudEvent


def translate_filed(e: RiskInformation.Filed, origin: Origin) -> CloudEvent:
    """The public event of a filing: reported, forwarded or transferred (Art. 22, 24)."""
    reported = _reported(e, origin)
    outcome = RoutingOutcome(e.routing)
    if outcome is RoutingOutcome.ACCEPTED:
        return public_envelope(RiskReported, e, origin, data=reported)
    # A routed case carries what a reported one does, plus where it went and why.
    routed = dict(reported) | {"to_node_id": e.routed_to, "reason": e.routing_reason}
    if outcome is RoutingOutcome.FORWARDED:
        forwarded = InformationForwardedData(**routed, feedback_due_at=e.feedback_due_at)
        return public_envelope(InformationForwarded, e, origin, data=forwarded)
    transferred = InformationTransferredData(**routed)
    return public_envelope(InformationTransferred, e, origin, data=transferred)


def _reported(e: RiskInformation.Filed, origin: Origin) -> RiskReportedData:
    return RiskReportedData(
        **origin.stamp(e.unit_code, Actor.model_validate(e.filed_by), e.authority, e.filed_at),
        information_id=e.originator_id,
        subject_post=e.subject_post,
        subject_person_id=e.subject_person_id,
        channel=Channel(e.channel),
        summary=e.summary,
        happened_at=e.happened_at,
        learned_at=e.learned_at,
        source_reference=e.source_reference,
        attachment_refs=tuple(e.attachment_refs),
        reported_by=Actor.model_validate(e.filed_by),
        has_protected_source=e.has_protected_source,
    )
