"""The warning service's stored events, translated into the public contract at the edge (Art. 28).

WarningIssued and RectificationOverdue are public; WarningClosed and CaseTransferred are published
for the services themselves. Reviews, reports, verifications and reminders stay internal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.warning.app_base import SYSTEM_ACTOR
from services.warning.issued_warning import IssuedWarning
from services.warning.proposal import Proposal
from services.warning.records import OverdueRecord
from shared.events import (
    Actor,
    CaseTransferred,
    CaseTransferredData,
    DueAction,
    RectificationOverdue,
    RectificationOverdueData,
    WarningClosed,
    WarningClosedData,
    WarningIssued,
    WarningIssuedData,
)
from shared.events.publish import public_envelope

if TYPE_CHECKING:
    from uuid import UUID

    from eventsourcing.domain import DomainEventProtocol

    from shared.events import CloudEvent
    from shared.events.publish import Origin


# The aggregates' event classes are made by the @event decorator; look them up by name.
_ISSUED: type = vars(IssuedWarning)["Issued"]
_CLOSED: type = vars(IssuedWarning)["Closed"]
_OVERDUE: type = vars(OverdueRecord)["Recorded"]
_TRANSFERRED: type = vars(Proposal)["Transferred"]


def translate(domain_event: DomainEventProtocol[UUID], origin: Origin) -> CloudEvent | None:
    """Issue, overdue, closure and transfer become public events; the rest stays internal."""
    if isinstance(domain_event, _ISSUED):
        return _issued(domain_event, origin)
    if isinstance(domain_event, _OVERDUE):
        return _overdue(domain_event, origin)
    if isinstance(domain_event, _CLOSED):
        return _closed(domain_event, origin)
    if isinstance(domain_event, _TRANSFERRED):
        return _transferred(domain_event, origin)
    return None


def _issued(e: DomainEventProtocol[UUID], origin: Origin) -> WarningIssued:
    w: IssuedWarning = e.mutate(None)  # type: ignore[attr-defined]
    data = WarningIssuedData(
        schema_version=1,
        unit_code=w.subject_unit,
        node_id=origin.node_id,
        actor=Actor(**w.issued_by),
        authority=f"Art. 28; {w.minutes_ref}",
        occurred_at=w.issued_at,
        warning_id=w.id,
        notice_number=w.notice_number,
        level=w.level,
        subject_person_id=w.subject_person_id,
        risk_point_id=w.risk_point_id,
        judgement_id=w.judgement_id,
        meeting_id=w.meeting_id,
        actions=tuple(
            DueAction(
                action_id=a.action_id, kind=a.kind, description=a.description, due_at=a.due_at
            )
            for a in w.actions.values()
        ),
    )
    return public_envelope(WarningIssued, e, origin, time=w.issued_at, data=data, subject=str(w.id))


def _overdue(e: DomainEventProtocol[UUID], origin: Origin) -> RectificationOverdue:
    o: OverdueRecord = e.mutate(None)  # type: ignore[attr-defined]
    data = RectificationOverdueData(
        schema_version=1,
        unit_code=o.unit_code,
        node_id=origin.node_id,
        actor=Actor(**SYSTEM_ACTOR, unit_code=o.unit_code),
        authority="Art. 28",
        occurred_at=o.detected_at,
        warning_id=o.warning_id,
        notice_number=o.notice_number,
        level=o.level,
        action_id=o.action_id,
        action_kind=o.action_kind,
        due_at=o.due_at,
        detected_at=o.detected_at,
    )
    # Keyed by the warning, so a warning's events stay in order on the topic.
    return public_envelope(
        RectificationOverdue, e, origin, time=o.detected_at, data=data, subject=str(o.warning_id)
    )


def _closed(e: DomainEventProtocol[UUID], origin: Origin) -> WarningClosed:
    a = vars(e)
    data = WarningClosedData(
        schema_version=1,
        unit_code=a["unit_code"],
        node_id=origin.node_id,
        actor=Actor(**a["by"]),
        authority="Art. 28",
        occurred_at=a["at"],
        warning_id=e.originator_id,
        notice_number=a["notice_number"],
        level=a["level"],
        actions_verified=a["actions_verified"],
    )
    return public_envelope(WarningClosed, e, origin, time=a["at"], data=data)


def _transferred(e: DomainEventProtocol[UUID], origin: Origin) -> CaseTransferred:
    a = vars(e)
    data = CaseTransferredData(
        schema_version=1,
        unit_code=a["unit_code"],
        node_id=origin.node_id,
        actor=Actor(**a["by"]),
        authority="Art. 28(4)",
        occurred_at=a["at"],
        transfer_id=e.originator_id,
        to_body=a["to_body"],
        reference=a["reference"],
        reasons=a["reasons"],
        meeting_id=a["meeting_id"],
        judgement_id=a["judgement_id"],
        information_id=a["information_id"],
        risk_point_id=a["risk_point_id"],
    )
    return public_envelope(CaseTransferred, e, origin, time=a["at"], data=data)
