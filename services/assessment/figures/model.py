"""Live figures of a unit for one year, kept from the event streams (Art. 31).

Each upstream fact is kept with the id of the public event (ce_id) it came from, so the annual
score can name the events behind every point, and the live figures (open risks by grade,
warnings by level, overdue actions, on-time reporting) are derived from the same list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

FIGURES_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:assessment:figures")


@dataclass(frozen=True)
class Fact:
    """One counted upstream fact: its kind, the event behind it, what it is about, a detail.

    `key` is the thing the fact is about (risk point, warning, action, breach); `detail` is
    what matters of it for scoring (a grade, a warning level, a breach kind).
    """

    kind: str
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
        """One more fact of `kind` (e.g. risk_reported) for this unit and year."""
        self.counts[kind] = self.counts.get(kind, 0) + 1
        self.facts.append(Fact(kind, upstream_event_id, key, detail))

    def of_kind(self, kind: str) -> list[Fact]:
        """The facts of one kind, in the order they came."""
        return [f for f in self.facts if f.kind == kind]

    def live(self) -> dict[str, Any]:
        """The dashboard figures 实时指标 derived from the facts (Art. 28, 31)."""
        grades: dict[str, str] = {}
        for f in self.of_kind("risk_graded"):
            grades[f.key] = f.detail  # a re-grading replaces the earlier grade
        by_grade: dict[str, int] = {}
        for grade in grades.values():
            by_grade[grade] = by_grade.get(grade, 0) + 1
        closed = {f.key for f in self.of_kind("warning_closed")}
        issued = self.of_kind("warning_issued")
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
            "overdue_actions": len(self.of_kind("rectification_overdue")),
            "on_time_reporting_rate": self.on_time_reporting_rate(),
        }

    def on_time_reporting_rate(self) -> float | None:
        """(reports - late) / (reports + missed); None before anything was due (Art. 23)."""
        reports = len(self.of_kind("risk_reported"))
        breaches = [f.detail for f in self.of_kind("reporting_breach")]
        late, missed = breaches.count("late"), breaches.count("missed")
        due = reports + missed
        return round(max(reports - late, 0) / due, 4) if due else None
