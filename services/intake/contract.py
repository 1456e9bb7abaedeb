"""Intake's stored events, translated into the public contract at the edge (Art. 22–24).

A case accepted here becomes RiskReported; a forward or transfer becomes InformationForwarded or
InformationTransferred addressed to the node in charge (or, by a person's decision, to the
discipline authority); a received forward is answered with
InformationAcknowledged; a broken duty is ReportingBreachFound. Officers, duties, idempotency
records and the sealed identities of petitioners never leave intake.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast
from uuid import UUID

from services.intake.domain import ACCEPTED, FORWARDED, RiskInformation
from services.intake.obligations import ReportingBreach
from shared.events import (
    Actor,
    InformationAcknowledged,
    InformationAcknowledgedData,
    InformationForwarded,
    InformationForwardedData,
    InformationTransferred,
    InformationTransferredData,
    ReportingBreachFound,
    ReportingBreachFoundData,
    RiskReported,
    RiskReportedData,
)
from shared.events.publish import public_envelope, public_event_id

if TYPE_CHECKING:
    from eventsourcing.domain import DomainEventProtocol

    from shared.events import CloudEvent
    from shared.events.publish import Origin


@dataclass(frozen=True)
class _Stored:
    """A stored event's identity, enough to derive its public event id."""

    originator_id: UUID
    originator_version: int


def translate(domain_event: DomainEventProtocol[UUID], origin: Origin) -> CloudEvent | None:
    """The public event a stored event becomes, or None for internal ones."""
    if isinstance(domain_event, RiskInformation.Filed):
        return _filed(domain_event, origin)
    if isinstance(domain_event, RiskInformation.AcknowledgementSent):
        return _acknowledged(domain_event, origin)
    if isinstance(domain_event, RiskInformation.TransferredToDiscipline):
        return _to_discipline(domain_event, origin)
    if isinstance(domain_event, ReportingBreach.Found):
        return _breach(domain_event, origin)
    return None


def _filed(e: RiskInformation.Filed, origin: Origin) -> CloudEvent:
    common: dict[str, Any] = {
        "schema_version": 1,
        "unit_code": e.unit_code,
        "node_id": origin.node_id,
        "actor": Actor(**e.filed_by),
        "authority": e.authority,
        "occurred_at": e.filed_at,
        "information_id": e.originator_id,
        "subject_post": e.subject_post,
        "subject_person_id": e.subject_person_id,
        "channel": e.channel,
        "summary": e.summary,
        "happened_at": e.happened_at,
        "learned_at": e.learned_at,
        "source_reference": e.source_reference,
        "attachment_refs": list(e.attachment_refs),
        "reported_by": Actor(**e.filed_by),
        "has_protected_source": e.has_protected_source,
    }
    at = e.filed_at
    if e.routing == ACCEPTED:
        return public_envelope(RiskReported, e, origin, time=at, data=RiskReportedData(**common))
    routed = common | {"to_node_id": e.routed_to, "reason": e.routing_reason}
    if e.routing == FORWARDED:
        data = InformationForwardedData(**routed, feedback_due_at=e.feedback_due_at)
        return public_envelope(InformationForwarded, e, origin, time=at, data=data)
    transferred = InformationTransferredData(**routed)
    return public_envelope(InformationTransferred, e, origin, time=at, data=transferred)


def _to_discipline(e: RiskInformation.TransferredToDiscipline, origin: Origin) -> CloudEvent:
    """A person's decision to transfer 移送 a case to the discipline authority (Art. 24)."""
    data = InformationTransferredData(
        schema_version=1,
        unit_code=e.unit_code,
        node_id=origin.node_id,
        actor=Actor(**e.by),
        authority="Art. 24",
        occurred_at=e.at,
        information_id=e.originator_id,
        channel=e.channel,
        source_reference=e.source_reference,
        summary=e.summary,
        subject_post=e.subject_post,
        subject_person_id=e.subject_person_id,
        happened_at=e.happened_at,
        learned_at=e.learned_at,
        attachment_refs=tuple(e.attachment_refs),
        reported_by=Actor(**e.reported_by),
        has_protected_source=e.has_protected_source,
        to_node_id=e.to_body,
        reason=e.reason,
    )
    return public_envelope(InformationTransferred, e, origin, time=e.at, data=data)


def _acknowledged(e: RiskInformation.AcknowledgementSent, origin: Origin) -> CloudEvent:
    data = InformationAcknowledgedData(
        schema_version=1,
        unit_code=e.unit_code,
        node_id=origin.node_id,
        actor=Actor(user_id=f"node:{origin.node_id}", role="system", unit_code=e.unit_code),
        authority="Art. 24",
        occurred_at=e.at,
        information_id=e.originator_id,
        to_node_id=e.to_node_id,
        forwarded_event_id=e.forwarded_event_id,
    )
    return public_envelope(InformationAcknowledged, e, origin, time=e.at, data=data)


def _breach(e: ReportingBreach.Found, origin: Origin) -> CloudEvent:
    evidence = tuple(
        public_event_id(
            origin.source,
            cast("Any", _Stored(UUID(ref["originator_id"]), int(ref["version"]))),
        )
        for ref in e.evidence
    )
    data = ReportingBreachFoundData(
        schema_version=1,
        unit_code=e.unit_code,
        node_id=origin.node_id,
        actor=Actor(user_id=f"node:{origin.node_id}", role="system", unit_code=e.unit_code),
        authority="Art. 23",
        occurred_at=e.detected_at,
        breach_id=e.originator_id,
        kind=e.kind,
        duty_id=e.duty_id,
        period=e.period,
        due_at=e.due_at,
        responsible_person_id=e.responsible_person_id,
        evidence_event_ids=evidence,
        information_id=e.information_id,
    )
    return public_envelope(ReportingBreachFound, e, origin, time=e.detected_at, data=data)
