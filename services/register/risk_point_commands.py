"""Commands of the risk register: identify, grade, approve, publish, add measures (Art. 10–20)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from services.register.app_base import RegisterBase
from services.register.risk_points.measures import MeasureStatus
from services.register.risk_points.model import Focus, RiskPoint
from services.register.risk_points.rules import FACTOR_NAMES, Factors
from shared.application import actor_of
from shared.errors import Conflict, Forbidden, Invalid, NotFound
from shared.vocabulary import Grade, GradeSource, RiskCategory

if TYPE_CHECKING:
    from datetime import date, datetime
    from uuid import UUID

    from shared.auth import Principal


@dataclass(frozen=True)
class RiskPointDraft:
    """A risk point as found in the sorting-out of posts and powers (Art. 10, 12, 13)."""

    unit_code: str
    post: str
    category: str
    description: str
    manifestations: list[str]
    power_id: UUID | None = None
    step_key: str | None = None
    focus: Focus = field(default_factory=Focus)


class RiskPointCommands(RegisterBase):
    """Everything that changes a risk point; each command loads, checks, calls, saves."""

    def identify_risk_point(self, draft: RiskPointDraft, by: Principal) -> UUID:
        """Enter a risk point and how it shows 风险表现形式 in the register (Art. 10, 12, 13)."""
        point = self._identified(draft, by)
        self.save(point)
        return point.id

    def _identified(self, draft: RiskPointDraft, by: Principal, role: str = "office") -> RiskPoint:
        """A new risk point, checked and not yet saved (Art. 10, 12, 13)."""
        self.unit(draft.unit_code)
        if draft.category not in RiskCategory.__members__.values():
            raise Invalid("category", f"must be one of {', '.join(c.value for c in RiskCategory)}")
        if not draft.post.strip():
            raise Invalid("post", "name the post 岗位")
        if not draft.description.strip():
            raise Invalid("description", "describe the risk")
        manifestations = [m.strip() for m in draft.manifestations if m.strip()]
        if not manifestations:
            raise Invalid("manifestations", "list at least one way the risk shows (风险表现形式)")
        version = self._check_power_link(draft)
        return RiskPoint(
            unit_code=draft.unit_code,
            post=draft.post.strip(),
            power_id=draft.power_id,
            step_key=draft.step_key,
            flowchart_version=version,
            category=draft.category,
            description=draft.description.strip(),
            manifestations=manifestations,
            focus=draft.focus.as_dict(),
            identified_by=actor_of(by, role),
            identified_at=self.clock.now(),
        )

    def _check_power_link(self, draft: RiskPointDraft) -> int | None:
        """The power must be the unit's, the step in its current flowchart, the post acting."""
        if draft.power_id is None:
            if draft.step_key is not None:
                raise Invalid("step_key", "a flowchart step needs a power_id")
            return None
        try:
            power = self.get_power(draft.power_id)
        except NotFound:
            raise Invalid("power_id", f"no power {draft.power_id} in the catalogue") from None
        if power.unit_code != draft.unit_code:
            raise Invalid("power_id", f"the power belongs to unit {power.unit_code}")
        if draft.post.strip() not in power.acting_posts():
            raise Invalid("post", f"the power is exercised by {', '.join(power.acting_posts())}")
        chart = power.flowchart
        if draft.step_key is None:
            return chart.version if chart else None
        if chart is None or chart.step(draft.step_key) is None:
            raise Invalid("step_key", f"no step {draft.step_key!r} in the power's flowchart")
        return chart.version

    def grade_risk_point(
        self,
        risk_point_id: UUID,
        factors: dict[str, int],
        *,
        reason: str,
        responsible_leader_id: str,
        by: Principal,
        source: GradeSource | None = None,
    ) -> Grade:
        """Grade or re-grade a risk point by the configured rule (Art. 14, 30)."""
        point = self.get_risk_point(risk_point_id)
        grade = self._regraded(
            point, factors, reason=reason, responsible_leader_id=responsible_leader_id, by=by,
            source=source,
        )  # fmt: skip
        self.save(point)
        return grade

    def _regraded(
        self,
        point: RiskPoint,
        factors: dict[str, int],
        *,
        reason: str,
        responsible_leader_id: str,
        by: Principal,
        source: GradeSource | None = None,
        judgement: tuple[UUID, UUID, str | None] | None = None,
    ) -> Grade:
        """Grade a risk point in memory, checked, not yet saved (Art. 14, 25, 30)."""
        team = self.unit(point.unit_code).leadership_team_ids
        if responsible_leader_id not in team:
            raise Invalid(
                "responsible_leader_id", "must be a member of the unit's leadership team (领导班子)"
            )
        if set(factors) != set(FACTOR_NAMES):
            raise Invalid("factors", f"give exactly the four factors {', '.join(FACTOR_NAMES)}")
        if source is None:
            source = GradeSource.REVISION if point.grade else GradeSource.IDENTIFICATION
        return point.regrade(
            Factors(**factors),
            self.rules.grading,
            source=source,
            reason=reason,
            responsible_leader_id=responsible_leader_id,
            by=actor_of(by, "judge" if judgement else "office"),
            at=self.clock.now(),
            judgement=judgement,
        )

    def vote(self, risk_point_id: UUID, in_favour: bool, comment: str, by: Principal) -> bool:
        """A leadership-team member votes on the grading 集体审定 (Art. 14); False if a repeat."""
        point = self.get_risk_point(risk_point_id)
        team = self.unit(point.unit_code).leadership_team_ids
        if not team:
            raise Conflict(f"unit {point.unit_code} has no leadership team listed")
        if by.user_id not in team:
            raise Forbidden(f"{by.user_id} is not on the leadership team of {point.unit_code}")
        cast = point.vote(
            by.user_id,
            in_favour,
            team=team,
            quorum=self.rules.quorum,
            comment=comment,
            at=self.clock.now(),
        )
        if cast:
            self.save(point)
        return cast

    def publish(self, risk_point_id: UUID, by: Principal, days: int | None = None) -> datetime:
        """Publish an approved risk point 公示 (Art. 10); return when the period ends."""
        point = self.get_risk_point(risk_point_id)
        ends_at = point.publish(
            days or self.rules.publication_days, by=by.user_id, at=self.clock.now()
        )
        self.save(point)
        return ends_at

    def record_objection(
        self, risk_point_id: UUID, raised_by: str, text: str, by: Principal
    ) -> int:
        """Record an objection raised during publication 公示异议 (Art. 10)."""
        point = self.get_risk_point(risk_point_id)
        number = point.record_objection(raised_by, text, by=by.user_id, at=self.clock.now())
        self.save(point)
        return number

    def answer_objection(
        self, risk_point_id: UUID, number: int, answer: str, by: Principal
    ) -> None:
        """Answer an objection before the risk point goes into force (Art. 10)."""
        point = self.get_risk_point(risk_point_id)
        point.answer_objection(number, answer, by=by.user_id, at=self.clock.now())
        self.save(point)

    def bring_into_force(self, risk_point_id: UUID, by: Principal) -> None:
        """Put a published risk point into force once its period is over (Art. 10)."""
        point = self.get_risk_point(risk_point_id)
        point.bring_into_force(by=by.user_id, at=self.clock.now())
        self.save(point)

    def choose_measure(
        self,
        risk_point_id: UUID,
        measure_code: str,
        *,
        detail: str,
        owner_id: str,
        due_date: date,
        by: Principal,
    ) -> None:
        """Choose a catalogued prevention measure for a risk point (Art. 15–20)."""
        point = self.get_risk_point(risk_point_id)
        if due_date < self.clock.now().date():
            raise Invalid("due_date", "lies in the past")
        point.choose_measure(
            measure_code, detail, owner_id, due_date.isoformat(), by=actor_of(by),
            at=self.clock.now(),
        )  # fmt: skip
        self.save(point)

    def update_measure(
        self, risk_point_id: UUID, measure_code: str, status: str, note: str, by: Principal
    ) -> None:
        """Record how a chosen measure stands (Art. 15)."""
        point = self.get_risk_point(risk_point_id)
        if status not in MeasureStatus.__members__.values():
            raise Invalid("status", f"must be one of {', '.join(s.value for s in MeasureStatus)}")
        point.update_measure(
            measure_code, MeasureStatus(status), note, by=actor_of(by), at=self.clock.now()
        )
        self.save(point)
