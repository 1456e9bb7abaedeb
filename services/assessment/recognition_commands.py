"""Commendations 表彰奖励 and accountability findings 责任追究 (Art. 8)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.assessment.app_base import AssessmentBase
from services.assessment.recognition import Recognition, RecognitionKind
from shared.application import actor_of

if TYPE_CHECKING:
    from shared.auth import Principal


class RecognitionCommands(AssessmentBase):
    """Record commendations and accountability; both count in the assessment (Art. 8, 31)."""

    def recognise(
        self,
        kind: RecognitionKind,
        unit_code: str,
        reason: str,
        reference: str,
        by: Principal,
        year: int | None = None,
    ) -> Recognition:
        """Record a commendation 表彰 or an accountability finding 责任追究 (Art. 8)."""
        what = "a commendation" if kind is RecognitionKind.COMMENDATION else "accountability"
        self.ensure_above(by, unit_code, what)
        record = Recognition(
            kind=kind.value, unit_code=unit_code, year=year or self.this_year(), reason=reason,
            reference=reference, decided_by_unit=by.unit_code, by=actor_of(by),
            at=self.clock.now(),
        )  # fmt: skip
        self.save_once(record)
        return record

    def recognitions_of(self, unit_code: str, year: int) -> list[Recognition]:
        """A unit's commendations and accountability findings of a year."""
        ids = self.view.ids("recognition", unit_code, year)
        return [self.get(i, Recognition, "recognition") for i in ids]
