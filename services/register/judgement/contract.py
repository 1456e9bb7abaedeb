"""Reported information's stored events, translated into the public contract (Art. 23, 25)."""

from __future__ import annotations

from services.register.judgement.model import ReportedInformation, breach_of
from shared.events import Actor, JudgementMade, JudgementMadeData
from shared.events.publish import Origin, Translations, public_envelope
from shared.events.register import JudgedReportingBreach, JudgementSignOff

translate = Translations()
"""A judgement becomes JudgementMade; receipt and verification stay internal (Art. 25)."""


@translate.of(ReportedInformation.Judged)
def judged(e: ReportedInformation.Judged, origin: Origin) -> JudgementMade:
    """JudgementMade, with the judgement's stored id and any Art. 23 finding (Art. 23, 25)."""
    breach = _breach(e.breach) if e.breach else None
    authority = "Art. 25" if breach is None else "Art. 23, 25"
    data = JudgementMadeData(
        **origin.stamp(e.unit_code, Actor(**e.judged_by), authority, e.judged_at),
        judgement_id=e.judgement_id,
        information_id=e.originator_id,
        risk_point_id=e.risk_point_id,
        verdict=e.verdict,
        recommended_level=e.recommended_level,
        reasoning=e.reasoning,
        reporting_breach=breach,
        signed_by=_signed_by(e),
    )
    return public_envelope(JudgementMade, e, origin, data=data)


def _signed_by(e: ReportedInformation.Judged) -> list[JudgementSignOff]:
    """The members who signed the judgement, and when (Art. 25)."""
    return [JudgementSignOff.model_validate(s) for s in e.signed_by]


def _breach(stored: dict[str, str]) -> JudgedReportingBreach:
    """The Art. 23 finding against the unit and person that made the report."""
    finding = breach_of(stored)
    return JudgedReportingBreach(
        breach_id=finding.breach_id,
        kind=finding.kind.value,
        responsible_person_id=finding.responsible_person_id,
        reported_event_id=finding.reported_event_id,
        reported_at=finding.reported_at,
        reporting_unit=finding.reporting_unit,
    )
