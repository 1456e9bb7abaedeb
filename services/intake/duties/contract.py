"""A broken reporting duty and its review, in the public contract (Art. 23).

ReportingBreachFound for a breach 迟报/漏报/瞒报嫌疑, and for a periodic report the level above
found untrue or inaccurate; ReportingBreachReviewed when a person confirms or dismisses a 瞒报
candidate, so assessment counts confirmed concealment only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.intake.duties.model import Evidence, finding_id_of
from shared.events import (
    Actor,
    ReportingBreachFound,
    ReportingBreachFoundData,
    ReportingBreachReviewed,
    ReportingBreachReviewedData,
)
from shared.events.publish import Origin, public_envelope, public_event_id

if TYPE_CHECKING:
    from services.intake.duties.model import PeriodicReport, ReportingBreach
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


def translate_review(e: ReportingBreach.Reviewed, origin: Origin) -> CloudEvent:
    """A 瞒报 candidate confirmed or dismissed: who, when, why, and the candidate's event."""
    data = ReportingBreachReviewedData(
        **origin.stamp(e.unit_code, Actor(**e.by), "Art. 23", e.at),
        breach_id=e.originator_id,
        kind="concealment_candidate",
        decision="confirmed" if e.decision == "confirmed" else "dismissed",
        reason=e.reason,
        duty_id=e.duty_id,
        information_id=e.information_id,
        found_event_id=public_event_id(origin.source, Evidence(e.originator_id)),
        found_at=e.found_at,
    )
    return public_envelope(ReportingBreachReviewed, e, origin, data=data)


def translate_finding(e: PeriodicReport.FoundWanting, origin: Origin) -> CloudEvent:
    """A periodic report found untrue or inaccurate: a breach of the unit that made it and the
    person who submitted it (Art. 23), found by `actor`, with the report as evidence."""
    data = ReportingBreachFoundData(
        **origin.stamp(e.unit_code, Actor(**e.by), "Art. 23", e.at),
        breach_id=finding_id_of(e.originator_id, e.kind),
        kind="untrue" if e.kind == "untrue" else "inaccurate",
        duty_id=e.duty_id,
        period=e.period,
        due_at=e.due_at,
        responsible_person_id=e.submitted_by["user_id"],
        evidence_event_ids=(public_event_id(origin.source, Evidence(e.originator_id)),),
        information_id=None,
        reason=e.reason,
    )
    return public_envelope(ReportingBreachFound, e, origin, data=data)
