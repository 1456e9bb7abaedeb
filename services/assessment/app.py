"""The assessment application: live figures per unit and year (Art. 30, 31)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.assessment.domain import UnitYearFigures
from shared.application import ServiceApplication
from shared.events import (
    RectificationOverdue,
    ReportingBreachFound,
    RiskGraded,
    RiskReported,
    WarningIssued,
)

if TYPE_CHECKING:
    from uuid import UUID

    from eventsourcing.application import ProcessingEvent

    from shared.events import CloudEvent

# Which public events count towards which figure.
FIGURE_OF: dict[type, str] = {
    RiskReported: "risk_reported",
    RiskGraded: "risk_graded",
    WarningIssued: "warning_issued",
    RectificationOverdue: "rectification_overdue",
    ReportingBreachFound: "reporting_breach",
}


class AssessmentApplication(ServiceApplication):
    """Commands, queries and reactions of assessment."""

    name = "assessment"

    def concerns(self, upstream: CloudEvent) -> bool:
        """Only the events that count towards a figure."""
        return type(upstream) in FIGURE_OF

    def react(self, upstream: CloudEvent, processing_event: ProcessingEvent[UUID]) -> None:
        kind = FIGURE_OF.get(type(upstream))
        if kind is None:
            return
        unit_code = upstream.data.unit_code
        year = upstream.data.occurred_at.year
        figures_id = UnitYearFigures.create_id(unit_code, year)
        if figures_id in processing_event.aggregates:
            figures: UnitYearFigures = processing_event.aggregates[figures_id]  # type: ignore[assignment]
        elif figures_id in self.repository:
            figures = self.repository.get(figures_id)
        else:
            figures = UnitYearFigures(unit_code=unit_code, year=year)
        figures.count(kind=kind, upstream_event_id=upstream.id)
        processing_event.collect_events(figures)

    def figures(self, unit_code: str, year: int) -> dict[str, int]:
        """The counts of one unit and year (empty when nothing happened)."""
        figures_id = UnitYearFigures.create_id(unit_code, year)
        if figures_id not in self.repository:
            return {}
        figures: UnitYearFigures = self.repository.get(figures_id)
        return dict(figures.counts)
