"""Intake's stored events, translated into the public contract at the edge (Art. 22–24).

Each feature translates its own events: a filing (filing/contract.py), an acknowledgement or a
transfer to the discipline authority (routing/contract.py), a broken duty (duties/contract.py).
Officers, idempotency records and the sealed identities of petitioners never leave intake.
"""

from __future__ import annotations

from services.intake.duties.contract import translate_breach
from services.intake.duties.model import ReportingBreach
from services.intake.filing.contract import translate_filed
from services.intake.filing.model import RiskInformation
from services.intake.routing.contract import (
    translate_acknowledgement,
    translate_discipline_transfer,
)
from shared.events.publish import Translations

translate = Translations()
"""The public event a stored event becomes, or None for internal ones (Art. 22–24)."""
translate.add(RiskInformation.Filed, translate_filed)
translate.add(RiskInformation.AcknowledgementSent, translate_acknowledgement)
translate.add(RiskInformation.TransferredToDiscipline, translate_discipline_transfer)
translate.add(ReportingBreach.Found, translate_breach)
