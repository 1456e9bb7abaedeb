"""A broken reporting duty, translated into the public contract: ReportingBreachFound (Art. 23)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from shared.events import ReportingBreachFound, ReportingBreachFoundData
from shared.events.publish import Origin, public_envelope, public_event_id

if TYPE_CHECKING:
    from services.intake.duties.model import ReportingBreach
    from shared.events import CloudEvent


def translate_breach(e: ReportingBreach.Found, origin: Origin) -> CloudEvent:
    """A breach 迟报/漏报/瞒报嫌疑, its evidence as the public ids of the events it rests on."""
    data = ReportingBreachFoundData(
        **origin.stamp(e.unit_code, origin.system(e.unit_code), "Art. 23", e.detected_at),
        breach_id=e.originator_id,
        kind=e.kind,
        duty_id=e.duty_id,
        period=e.period,
        due_at=e.due_at,
        responsible_person_id=e.responsible_person_id,
        evidence_event_ids=tuple(public_event_id(origin.source, r) for r in e.evidence_refs),
        information_id=e.information_id,
    )
    return public_envelope(ReportingBreachFound, e, origin, data=data)
