"""Reported information's stored events, translated into the public contract (Art. 23, 25)."""

from __future__ import annotations

from services.register.judgement.model import ReportedInformation
from shared.events import Actor, JudgementMade, JudgementMadeData
from shared.events.publish import Origin, Translations, public_envelope
from shared.events.register import JudgedReportingBreach

translate = Translations()
"""A judgement becomes JudgementMade; receipt and verification stay internal (Art. 25)."""


@translate.of(ReportedInformation.Judged)
def judged(e: ReportedInformation.Judged, origin: Origin) -> JudgementMade:
    """JudgementMade, with the judgement's stored id and any Art. 23 finding (Art. 23, 25)."""
    breach = JudgedReportingBreach.model_validate(e.breach) if e.breach else None
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
    )
    return public_envelope(JudgementMade, e, origin, data=data)
