"""The level follows the grade: 低→黄, 中→橙, 高→红 (Art. 28), from the register's gradings.

第二十八条: 按照风险等级，由低到高分别实行黄色、橙色、红色三个等级预警. The review meeting does not
choose a level: it reads it off the grade the risk point holds when it meets. A different level
is reachable only by re-grading the point through its own procedure (factors and the leadership
team's collective approval, Art. 14; a judgement's re-grade, Art. 25; a revision, Art. 30).

The warning service learns grades from the register's RiskGraded events and keeps, per risk point,
the grade in force with the event that set it, so a meeting's record can say what it relied on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from shared.vocabulary import WARNING_LEVEL_OF_GRADE, Grade, WarningLevel, warning_level_for

_POINT_GRADE_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:warning:point-grade")

# The grade whose level is `level`: what a re-grade to that level would have to reach.
GRADE_OF_LEVEL = MappingProxyType({level: grade for grade, level in WARNING_LEVEL_OF_GRADE.items()})


@dataclass(frozen=True)
class GradeBasis:
    """The grade a decision relied on, and the register's event that set it (Art. 14, 28)."""

    grade: Grade
    graded_event_id: str
    graded_at: datetime

    @property
    def level(self) -> WarningLevel:
        """The level this grade calls for."""
        return warning_level_for(self.grade)


def point_grade_id(risk_point_id: UUID) -> UUID:
    """The one grade record a risk point has in the warning store."""
    return uuid5(_POINT_GRADE_NAMESPACE, str(risk_point_id))


class PointGrade(Aggregate):
    """The grade a risk point holds, as the register last published it (RiskGraded, Art. 14)."""

    @staticmethod
    def create_id(risk_point_id: UUID, **_: Any) -> UUID:
        return point_grade_id(risk_point_id)

    @event("Learned")
    def __init__(
        self, *, risk_point_id: UUID, grade: str, graded_event_id: str, graded_at: datetime
    ) -> None:
        self.risk_point_id = risk_point_id
        self.basis = GradeBasis(Grade(grade), graded_event_id, graded_at)

    def regrade(self, *, grade: Grade, graded_event_id: str, graded_at: datetime) -> None:
        """Take a later grading of the point; an older or repeated one changes nothing."""
        if graded_event_id == self.basis.graded_event_id or graded_at < self.basis.graded_at:
            return
        self._regraded(grade=grade.value, graded_event_id=graded_event_id, graded_at=graded_at)

    @event("Regraded")
    def _regraded(self, *, grade: str, graded_event_id: str, graded_at: datetime) -> None:
        self.basis = GradeBasis(Grade(grade), graded_event_id, graded_at)
