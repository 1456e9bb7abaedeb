"""Intake's stored events, translated into the public contract at the edge (Art. 22–24).

Each feature translates its own events: a filing (filing/contract.py), a receipt, a handling
report, a chase, return or sign-off of one, or a transfer to the discipline authority
(routing/contract.py), a broken duty, a person's review of a 瞒报 candidate and a periodic report
found untrue (duties/contract.py).
Officers, idempotency records and the sealed identities of petitioners never leave intake.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.intake.duties.contract import translate_breach, translate_finding, translate_review
from services.intake.duties.model import PeriodicReport, ReportingBreach
from services.intake.filing.contract import translate_filed
from services.intake.filing.model import RiskInformation
from services.intake.routing.contract import (
    translate_acknowledgement,
    translate_chase,
    translate_discipline_transfer,
    translate_handling_report,
    translate_return,
    translate_sign_off,
)

if TYPE_CHECKING:
    from uuid import UUID

    from eventsourcing.domain import DomainEventProtocol

    from shared.events import CloudEvent
    from shared.events.publish import Origin


def translate(domain_event: DomainEventProtocol[UUID], origin: Origin) -> CloudEvent | None:
    """The public event a stored event becomes, or None for internal ones (Art. 22–24)."""
    if isinstance(domain_event, RiskInformation.Filed):
        return translate_filed(domain_event, origin)
    if isinstance(domain_event, RiskInformation.AcknowledgementSent):
        return translate_acknowledgement(domain_event, origin)
    if isinstance(domain_event, RiskInformation.HandlingReported):
        return translate_handling_report(domain_event, origin)
    if isinstance(domain_event, RiskInformation.Chased):
        return translate_chase(domain_event, origin)
    if isinstance(domain_event, RiskInformation.HandlingReturned):
        return translate_return(domain_event, origin)
    if isinstance(domain_event, RiskInformation.SignedOff):
        return translate_sign_off(domain_event, origin)
    if isinstance(domain_event, RiskInformation.TransferredToDiscipline):
        return translate_discipline_transfer(domain_event, origin)
    if isinstance(domain_event, ReportingBreach.Found):
        return translate_breach(domain_event, origin)
    if isinstance(domain_event, ReportingBreach.Reviewed):
        return translate_review(domain_event, origin)
    if isinstance(domain_event, PeriodicReport.FoundWanting):
        return translate_finding(domain_event, origin)
    return None
