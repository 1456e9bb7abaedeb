"""Intake's stored events, translated into the public contract at the edge (Art. 22–24).

Each feature translates its own events: a filing (filing/contract.py), a receipt, a handling
report, a chase, return or sign-off of one, or a transfer to the discipline authority
(routing/contract.py), a broken duty, a person's review of a 瞒报 candidate and a periodic report
found untrue (duties/contract.py).
Officers, idempotency records and the sealed identities of petitioners never leave intake.
"""

from __future__ import annotations

from services.intake.duties.contract import translate_breach, translate_finding, translate_review
from services.intake.duties.model import PeriodicReport, ReportingBreach
from services.intake.filing.contract import translate_filed
from services.intake.filing.model import RiskInformation
from services.intake.routing.contract import (
    translate_acknowledgement,
    translate_chase,
    translate_discipline_transfer,
    translate_feedback_overdue,
    translate_handling_report,
    translate_return,
    translate_sign_off,
)
from shared.events.publish import Translations

translate = Translations()
"""The public event a stored event becomes, or None for internal ones (Art. 22–24)."""
translate.add(RiskInformation.Filed, translate_filed)
translate.add(RiskInformation.AcknowledgementSent, translate_acknowledgement)
translate.add(RiskInformation.HandlingReported, translate_handling_report)
translate.add(RiskInformation.Chased, translate_chase)
translate.add(RiskInformation.FeedbackOverdue, translate_feedback_overdue)
translate.add(RiskInformation.HandlingReturned, translate_return)
translate.add(RiskInformation.SignedOff, translate_sign_off)
translate.add(RiskInformation.TransferredToDiscipline, translate_discipline_transfer)
translate.add(ReportingBreach.Found, translate_breach)
translate.add(ReportingBreach.Reviewed, translate_review)
translate.add(PeriodicReport.FoundWanting, translate_finding)
