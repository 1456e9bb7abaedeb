"""Counting the other services' events into a unit's year, and reading the figures (Art. 31)."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any

from services.assessment.figures.model import FactKind, UnitYearFigures
from shared.clock import BEIJING
from shared.events import (
    DisposalOverdue,
    DisposalReworkOverdue,
    JudgementMade,
    MeasureOverdue,
    MeasureVerified,
    PowerCatalogued,
    PowerCharted,
    RectificationOverdue,
    ReportingBreachFound,
    ReportingBreachReviewed,
    RiskGraded,
    RiskPointApproved,
    RiskPointInForce,
    RiskPointPublished,
    RiskPointReopened,
    RiskReported,
    WarningClosed,
    WarningIssued,
)

if TYPE_CHECKING:
    from datetime import datetime
    from uuid import UUID

    from eventsourcing.application import ProcessingEvent

    from services.assessment.app import AssessmentApplication
    from shared.events import CloudEvent


def fact_of(upstream: CloudEvent) -> tuple[FactKind, str, str] | None:
    """(kind, key, detail) of an upstream event that counts, or None (Art. 10-14, 23, 28, 31)."""
    fact = _fact(upstream)
    if fact is None:
        return None
    kind, key, detail = fact
    return kind, key, detail.value if isinstance(detail, Enum) else str(detail)  # enums by value


def _fact(e: CloudEvent) -> tuple[FactKind, str, object] | None:
    if isinstance(e, RiskReported):
        return FactKind.RISK_REPORTED, str(e.data.information_id), e.data.channel
    if isinstance(e, RiskGraded):
        return FactKind.RISK_GRADED, str(e.data.risk_point_id), e.data.grade
    # The identification milestones (Art. 10, 11, 14); a point's are keyed by the point.
    if isinstance(e, PowerCatalogued):
        return FactKind.POWER_CATALOGUED, str(e.data.power_id), e.data.kind
    if isinstance(e, PowerCharted):
        return FactKind.POWER_CHARTED, str(e.data.power_id), e.data.flowchart_version
    if isinstance(e, RiskPointApproved):
        return FactKind.RISK_APPROVED, str(e.data.risk_point_id), e.data.grade
    if isinstance(e, RiskPointPublished):
        return FactKind.RISK_PUBLISHED, str(e.data.risk_point_id), ""
    if isinstance(e, RiskPointInForce):
        return FactKind.RISK_IN_FORCE, str(e.data.risk_point_id), ""
    if isinstance(e, RiskPointReopened):  # the grade on record stays; approval and force lapse
        return FactKind.RISK_REOPENED, str(e.data.risk_point_id), e.data.grade or ""
    if isinstance(e, WarningIssued):
        return FactKind.WARNING_ISSUED, str(e.data.warning_id), e.data.level
    if isinstance(e, WarningClosed):
        return FactKind.WARNING_CLOSED, str(e.data.warning_id), e.data.level
    if isinstance(e, RectificationOverdue):  # the warned unit's own lapse (its unit_code)
        return FactKind.RECTIFICATION_OVERDUE, str(e.data.warning_id), e.data.level
    if isinstance(e, DisposalOverdue):  # the disposing body's lapse: unit_code is the body
        d = e.data
        detail = f"{d.level.value} {d.action_kind.value}, warning to {d.warned_unit}"
        return FactKind.DISPOSAL_OVERDUE, str(d.action_id), detail
    if isinstance(e, DisposalReworkOverdue):  # the disposing body's lapse: unit_code is the body
        r = e.data
        detail = f"{r.notice_number} return {r.return_number}, warning to {r.warned_unit}"
        return FactKind.REWORK_OVERDUE, f"{r.warning_id}:{r.return_number}", detail
    if isinstance(e, MeasureOverdue | MeasureVerified):
        return _measure_fact(e)
    if isinstance(e, ReportingBreachFound):
        return FactKind.REPORTING_BREACH, str(e.data.breach_id), e.data.kind
    if isinstance(e, ReportingBreachReviewed):  # a 瞒报 candidate confirmed or dismissed
        return FactKind.BREACH_REVIEWED, str(e.data.breach_id), e.data.decision
    if isinstance(e, JudgementMade) and e.data.reporting_breach is not None:
        # An untrue or inaccurate report, found by the judgement group (Art. 23, 25); it counts
        # against the unit that made the report, and not at all where none is named.
        breach = e.data.reporting_breach
        if breach.reporting_unit is None:
            return None
        return FactKind.REPORTING_BREACH, str(breach.breach_id), breach.kind
    return None


def _measure_fact(e: MeasureOverdue | MeasureVerified) -> tuple[FactKind, str, object]:
    """A measure of the unit's risk point, late or verified done, keyed by point and measure
    (Art. 14, 15); the detail names the measure, its owner and due date."""
    d = e.data
    key = f"{d.risk_point_id}:{d.measure_code}"
    due = f"{d.measure_code} due {d.due_date.isoformat()}, owner {d.owner_id}"
    if isinstance(e, MeasureOverdue):
        return FactKind.MEASURE_OVERDUE, key, due
    when = "on time" if e.data.on_time else "late"
    return FactKind.MEASURE_VERIFIED, key, f"{due}, verified by {d.actor.user_id}, {when}"


def charged_to(e: CloudEvent) -> tuple[str, datetime]:
    """The unit a fact counts for and the moment whose year it falls in (Art. 23, 31).

    Mostly the event's unit and time. A report found untrue or inaccurate counts against the
    unit that made it, not the unit it was about (Art. 23); the review of a 瞒报 candidate falls
    in the year the candidate was found, so a later dismissal corrects that year.
    """
    if isinstance(e, JudgementMade) and e.data.reporting_breach is not None:
        reporting_unit = e.data.reporting_breach.reporting_unit
        assert reporting_unit is not None  # fact_of counts no other
        return reporting_unit, e.data.occurred_at
    if isinstance(e, ReportingBreachReviewed):
        return e.data.unit_code, e.data.found_at
    return e.data.unit_code, e.data.occurred_at


def count(
    app: AssessmentApplication, upstream: CloudEvent, processing_event: ProcessingEvent[UUID]
) -> None:
    """Count an upstream fact into its unit's year (Beijing time) of figures (Art. 31)."""
    fact = fact_of(upstream)
    if fact is None:
        return
    kind, key, detail = fact
    unit_code, when = charged_to(upstream)
    year = when.astimezone(BEIJING).year
    figures_id = UnitYearFigures.create_id(unit_code, year)
    # Two facts of one year in the same batch: the second counts on the first's aggregate.
    pending = processing_event.aggregates.get(figures_id)
    if isinstance(pending, UnitYearFigures):
        figures = pending
    else:
        figures = figures_of(app, unit_code, year) or UnitYearFigures(
            unit_code=unit_code, year=year
        )
    figures.count(kind=kind.value, upstream_event_id=upstream.id, key=key, detail=detail)
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
