"""Live figures of a unit for one year, kept from the event streams (Art. 31)."""

from __future__ import annotations

from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

FIGURES_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:assessment:figures")


class UnitYearFigures(Aggregate):
    """Counters of one unit's year that feed its annual assessment 年度考核 (Art. 31)."""

    @staticmethod
    def create_id(unit_code: str, year: int, **_: Any) -> UUID:
        return uuid5(FIGURES_NAMESPACE, f"{unit_code}:{year}")

    @event("Opened")
    def __init__(self, *, unit_code: str, year: int) -> None:
        self.unit_code = unit_code
        self.year = year
        self.counts: dict[str, int] = {}

    @event("Counted")
    def count(self, *, kind: str, upstream_event_id: str) -> None:
        """One more fact of `kind` (e.g. risk_reported) for this unit and year."""
        self.counts[kind] = self.counts.get(kind, 0) + 1
