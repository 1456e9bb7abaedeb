"""Live figures of a unit for one year, kept from the event streams (Art. 31).

Each upstream fact is kept with the id of the public event (ce_id) it came from, so the annual
score can name the events behind every point, and the live figures (open risks by grade,
warnings by level, overdue actions, on-time reporting) are derived from the same list.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

FIGURES_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:assessment:figures")


class FactKind(StrEnum):
    """What an upstream fact is: the public event it came from (Art. 10-14, 22, 23, 28)."""

    RISK_REPORTED = "risk_reported"  # RiskReported (Art. 22)
    RISK_GRADED = "risk_graded"  # RiskGraded (Art. 14)
    POWER_CATALOGUED = "power_catalogued"  # PowerCatalogued 职权目录 (Art. 11)
    POWER_CHARTED = "power_charted"  # PowerCharted 权力运行流程图 (Art. 11)
    RISK_APPROVED = "risk_approved"  # RiskPointApproved 集体审定 (Art. 14)
    RISK_PUBLISHED = "risk_published"  # RiskPointPublished 公示 (Art. 10)
    RISK_IN_FORCE = "risk_in_force"  # RiskPointInForce 生效 (Art. 10)
    RISK_REOPENED = "risk_reopened"  # RiskPointReopened 动态修正: approval, force lapse (Art. 30)
    WARNING_ISSUED = "warning_issued"  # WarningIssued (Art. 28)
    WARNING_CLOSED = "warning_closed"  # WarningClosed (Art. 28)
    RECTIFICATION_OVERDUE = "rectification_overdue"  # RectificationOverdue (Art. 28)
    # DisposalOverdue: a talk, letter or criticism the unit owed as a disposing body (Art. 28)
    DISPOSAL_OVERDUE = "disposal_overdue"
    # DisposalReworkOverdue: the rework of a returned disposal the unit owed as its disposing
    # body (Art. 29)
    REWORK_OVERDUE = "rework_overdue"
    # ReportingBreachFound against the unit whose duty it was, or JudgementMade's finding
    # against the unit that made the report (Art. 23)
    REPORTING_BREACH = "reporting_breach"
    BREACH_REVIEWED = "breach_reviewed"  # ReportingBreachReviewed: a 瞒报 candidate decided
    MEASURE_OVERDUE = "measure_overdue"  # MeasureOverdue 防控措施逾期未落实 (Art. 14, 15)
    MEASURE_VERIFIED = "measure_verified"  # MeasureVerified 防控措施核验落实 (Art. 15)


@dataclass(frozen=True)
class Fact:
    """One counted upstream fact: its kind, the event behind it, what it is about, a detail.

    `key` is the thing the fact is about (risk point, warning, action, breach); `detail` is
    what matters of it for scoring (a grade, a warning level, a breach kind).
    """

    kind: FactKind
    event_id: str
    key: str
    detail: str


class UnitYearFigures(Aggregate):
    """Counters of one unit's year that feed its annual assessment 年度考核 (Art. 31)."""

    @staticmethod
    def create_id(unit_code: str, year: int, **_: Any) -> UUID:
        """One record of figures per unit and year (Art. 31)."""
        return uuid5(FIGURES_NAMESPACE, f"{unit_code}:{year}")

    @event("Opened")
    def __init__(self, *, unit_code: str, year: int) -> None:
        self.unit_code = unit_code
        self.year = year
        self.counts: dict[str, int] = {}
        self.facts: list[Fact] = []

    @event("Counted")
    def count(self, *, kind: str, upstream_event_id: str, key: str = "", detail: str = "") -> None:
        """One more fact of `kind` (a `FactKind` value) for this unit and year (Art. 31)."""
        self.counts[kind] = self.counts.get(kind, 0) + 1
        self.facts.append(Fact(FactKind(kind), upstream_event_id, key, detail))

    def of_kind(self, kind: FactKind) -> list[Fact]:
        """The facts of one kind, in the order they came."""
        return [f for f in self.facts if f.kind == kind]

    def live(self) -> dict[str, Any]:
        """The dashboard figures 实时指标 derived from the facts (Art. 28, 31)."""
        grades: dict[str, str] = {}
        for f in self.of_kind(FactKind.RISK_GRADED):
            grades[f.key] = f.detail  # a re-grading replaces the earlier grade
        by_grade: dict[str, int] = {}
        for grade in grades.values():
            by_grade[grade] = by_grade.get(grade, 0) + 1
        closed = {f.key for f in self.of_kind(FactKind.WARNING_CLOSED)}
        issued = self.of_kind(FactKind.WARNING_ISSUED)
        by_level: dict[str, int] = {}
        open_by_level: dict[str, int] = {}
        for f in issued:
            by_level[f.detail] = by_level.get(f.detail, 0) + 1
            if f.key not in closed:
                open_by_level[f.detail] = open_by_level.get(f.detail, 0) + 1
        return {
            "risks_by_grade": by_grade,
            "warnings_by_level": by_level,
            "open_warnings_by_level": open_by_level,
            "overdue_actions": len(self.of_kind(FactKind.RECTIFICATION_OVERDUE)),
            "overdue_as_disposing_body": len(self.of_kind(FactKind.DISPOSAL_OVERDUE)),
            "measures_overdue": len(self.of_kind(FactKind.MEASURE_OVERDUE)),
            "measures_verified": len(self.of_kind(FactKind.MEASURE_VERIFIED)),
            "on_time_reporting_rate": self.on_time_reporting_rate(),
        }

    def on_time_reporting_rate(self) -> float | None:
        """(reports - late) / (reports + missed); None before anything was due (Art. 23)."""
        reports = len(self.of_kind(FactKind.RISK_REPORTED))
        breaches = [f.detail for f in self.of_kind(FactKind.REPORTING_BREACH)]
        late, missed = breaches.count("late"), breaches.count("missed")
        due = reports + missed
        return round(max(reports - late, 0) / due, 4) if due else None
