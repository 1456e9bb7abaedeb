"""Routing decisions after filing, translated into the public contract (Art. 24).

A received forward is answered with InformationAcknowledged to the forwarding node; a person's
transfer to the discipline authority 纪检监察机关 goes out as InformationTransferred.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.intake.filing.model import RiskInformation
from shared.events import (
    Actor,
    InformationAcknowledged,
    InformationAcknowledgedData,
    InformationTransferred,
    InformationTransferredData,
)
from shared.events.publish import Origin, public_envelope
from shared.vocabulary import Channel

if TYPE_CHECKING:
    from shared.events import CloudEvent


def translate_acknowledgement(e: RiskInformation.AcknowledgementSent, origin: Origin) -> CloudEvent:
    """This node took a forward in: the answer to the forwarding node (反馈, Art. 24)."""
    data = InformationAcknowledgedData(
        **origin.stamp(e.unit_code, origin.system(e.unit_code), "Art. 24", e.at),
        information_id=e.originator_id,
        to_node_id=e.to_node_id,
        forwarded_event_id=e.forwarded_event_id,
    )
    return public_envelope(InformationAcknowledged, e, origin, data=data)


def translate_discipline_transfer(
    e: RiskInformation.TransferredToDiscipline, origin: Origin
) -> CloudEvent:
    """A person's decision to transfer 移送 a case to the discipline authority (Art. 24)."""
    data = InformationTransferredData(
        **origin.stamp(e.unit_code, Actor.model_validate(e.by), "Art. 24", e.at),
        information_id=e.originator_id,
        channel=Channel(e.channel),
        source_reference=e.source_reference,
        summary=e.summary,
        subject_post=e.subject_post,
        subject_person_id=e.subject_person_id,
        happened_at=e.happened_at,
        learned_at=e.learned_at,
        attachment_refs=tuple(e.attachment_refs),
        reported_by=Actor.model_validate(e.reported_by),
        has_protected_source=e.has_protected_source,
        to_node_id=e.to_body,
        reason=e.reason,
    )
    return public_envelope(InformationTransferred, e, origin, data=data)
