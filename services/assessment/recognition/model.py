"""Commendations 表彰奖励 and accountability findings 责任追究 about a unit (Art. 8).

Commendations reward original, typical, effective prevention work; an accountability finding
records that weak control let a risk happen. Both count in the unit's annual assessment (Art. 31).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from eventsourcing.domain import Aggregate, event

from shared.vocabulary import ActorRecord


class RecognitionKind(StrEnum):
    """A reward or a finding of accountability (Art. 8)."""

    COMMENDATION = "commendation"  # 表彰奖励
    ACCOUNTABILITY = "accountability"  # 责任追究


class Recognition(Aggregate):
    """One commendation or accountability finding, decided by a superior body (Art. 8)."""

    @event("Recorded")
    def __init__(
        self,
        *,
        kind: str,
        unit_code: str,
        year: int,
        reason: str,
        reference: str,
        decided_by_unit: str,
        by: ActorRecord,
        at: datetime,
    ) -> None:
        self.kind = RecognitionKind(kind)
        self.unit_code = unit_code
        self.year = year
        self.reason = reason
        self.reference = reference
        self.decided_by_unit = decided_by_unit
        self.by = by
        self.at = at
