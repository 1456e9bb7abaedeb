"""Counting the other services' events into a unit's year, and reading the figures (Art. 31)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from services.assessment.figures.model import UnitYearFigures
from shared.clock import BEIJING
from shared.events import (
    JudgementMade,
    PowerCatalogued,
    PowerCharted,
    RectificationOverdue,
    ReportingBreachFound,
    RiskGraded,
    RiskPointApproved,
    RiskPointInForce,
    RiskPointPublished,
    RiskReported,
    WarningClosed,
    WarningIssued,
)

if TYPE_CHECKING:
    from uuid import UUID

    from eventsourcing.application import ProcessingEvent

    from services.assessment.app import AssessmentApplication
    from shared.events import CloudEvent


def fact_of(upstream: CloudEvent) -> tuple[str, str, str] | None:
    """(kind, key, detail) of an upstream event that counts, or None (Art. 10-14, 23, 28, 31)."""
    d: Any = upstream.data
    fact = _fact(upstream, d)
    if fact is None:
        return None
    kind, key, detail = fact
    return kind, key, str(getattr(detail, "value", detail))  # enums by their value


def _fact(upstream: CloudEvent, d: Any) -> tuple[str, str, Any] | None:
    if isinstance(upstream, RiskReported):
        return "risk_reported", str(d.information_id), d.channel
    if isinstance(upstream, RiskGraded):
        return "risk_graded", str(d.risk_point_id), d.grade
    # The identification milestones (Art. 10, 11, 14); a point's are keyed by the point.
    if isinstance(upstream, PowerCatalogued):
        return "power_catalogued", str(d.power_id), d.kind
    if isinstance(upstream, PowerCharted):
        return "power_charted", str(d.power_id), d.flowchart_version
    if isinstance(upstream, RiskPointApproved):
        return "risk_approved", str(d.risk_point_id), d.grade
    if isinstance(upstream, RiskPointPublished):
        return "risk_published", str(d.risk_point_id), ""
    if isinstance(upstream, RiskPointInForce):
        return "risk_in_force", str(d.risk_point_id), ""
    if isinstance(upstream, WarningIssued):
        return "warning_issued", str(d.warning_id), d.level
    if isinstance(upstream, WarningClosed):
        return "warning_closed", str(d.warning_id), d.level
    if isinstance(upstream, RectificationOverdue):
        return "rectification_overdue", str(d.warning_id), d.level
    if isinstance(upstream, ReportingBreachFound):
        return "reporting_breach", str(d.breach_id), d.kind
    if isinstance(upstream, JudgementMade) and d.reporting_breach is not None:
        # An untrue or inaccurate report, found by the judgement group (Art. 23, 25).
        return "reporting_breach", str(d.reporting_breach.breach_id), d.reporting_breach.kind
    return None


def count(
    app: AssessmentApplication, upstream: CloudEvent, processing_event: ProcessingEvent[UUID]
) -> None:
    """Count an upstream fact into its unit's year (Beijing time) of figures (Art. 31)."""
    fact = fact_of(upstream)
    if fact is None:
        return
    kind, key, detail = fact
    unit_code = upstream.data.unit_code
    year = upstream.data.occurred_at.astimezone(BEIJING).year
    figures_id = UnitYearFigures.create_id(unit_code, year)
    # Two facts of one year in the same batch: the second counts on the first's aggregate.
    pending = processing_event.aggregates.get(figures_id)
    if isinstance(pending, UnitYearFigures):
        figures = pending
    else:
        figures = figures_of(app, unit_code, year) or UnitYearFigures(
            unit_code=unit_code, year=year
        )
    figures.count(kind=kind, upstream_event_id=upstream.id, key=key, detail=detail)
    processing_event.collect_events(figures)


def figures_of(app: AssessmentApplication, unit_code: str, year: int) -> UnitYearFigures | None:
    """The upstream facts of a unit's year, or None before the first one."""
    return app.find(UnitYearFigures.create_id(unit_code, year), UnitYearFigures)


def counts(app: AssessmentApplication, unit_code: str, year: int) -> dict[str, int]:
    """The counts of one unit and year (empty when nothing happened)."""
    figures = figures_of(app, unit_code, year)
    return dict(figures.counts) if figures else {}


def units_with_figures(app: AssessmentApplication, within: str, year: int) -> list[str]:
    """Units of the subtree of `within` with at least one fact in `year`, by code."""
    units = sorted(u.code for u in app.org.subtree(app.unit(within, "within").code))
    return [code for code in units if figures_of(app, code, year) is not None]


def live_figures(app: AssessmentApplication, unit_code: str, year: int) -> dict[str, Any]:
    """Open risks by grade, warnings by level, overdue actions, on-time reporting (Art. 31)."""
    figures = figures_of(app, unit_code, year)
    return (figures or UnitYearFigures(unit_code=unit_code, year=year)).live()
