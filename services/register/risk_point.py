"""A risk point 廉政风险点 in the register: identified, graded, approved, published (Art. 10–15).

Commands check the rules and then trigger one event; the event methods only change state, so
replaying the stored events gives back the same risk point without checking anything again.
Publication 公示 (`risk_publication.py`) and revision 动态修正 (`risk_revision.py`) are the base
classes this aggregate inherits its other events from.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from services.register.approval import QuorumRule, Tally
from services.register.grading import Factors, GradingRule
from services.register.measures import ChosenMeasure, MeasureStatus, measure
from services.register.risk_records import (
    Focus,
    Grading,
    Publication,
    RiskStatus,
    Vote,
)
from services.register.risk_revision import RevisableRiskPoint
from shared.errors import Conflict, Forbidden, Invalid
from shared.vocabulary import ActorRecord, Grade, GradeSource, RiskCategory


class RiskPoint(RevisableRiskPoint):
    """One integrity-risk point of a unit's post, power and flowchart step (Art. 10–14)."""

    class Identified(Aggregate.Created):
        """A risk point and how it shows 风险表现形式 were found (Art. 10, 12, 13)."""

        unit_code: str
        post: str
        power_id: UUID | None
        step_key: str | None
        flowchart_version: int | None
        category: str
        description: str
        manifestations: list[str]
        focus: dict[str, bool]
        identified_by: ActorRecord
        identified_at: datetime

    class Graded(Aggregate.Event):
        """The risk point was graded or re-graded from its four factors (Art. 14, 30)."""

        unit_code: str
        category: str
        factors: dict[str, int]
        grade: str
        previous_grade: str | None
        rule: dict[str, Any]
        source: str
        reason: str
        responsible_leader_id: str
        graded_by: ActorRecord
        graded_at: datetime
        authority: str
        information_id: UUID | None = None  # set when graded from a judgement 研判 (Art. 25)
        judgement_id: UUID | None = None
        recommended_level: str | None = None

    @event(Identified)
    def __init__(
        self,
        *,
        unit_code: str,
        post: str,
        power_id: UUID | None,
        step_key: str | None,
        flowchart_version: int | None,
        category: str,
        description: str,
        manifestations: list[str],
        focus: dict[str, bool],
        identified_by: ActorRecord,
        identified_at: datetime,
    ) -> None:
        self.unit_code = unit_code
        self.post = post
        self.power_id = power_id
        self.step_key = step_key
        self.flowchart_version = flowchart_version
        self.category = RiskCategory(category)
        self.description = description
        self.manifestations = tuple(manifestations)
        self.focus = Focus(**focus)
        self.identified_by = dict(identified_by)
        self.identified_at = identified_at
        self.status = RiskStatus.DRAFT
        self.gradings: list[Grading] = []
        self.round = 0  # approval rounds: a new one opens whenever the grade must be re-approved
        self.votes: dict[str, Vote] = {}
        self.approved_at: datetime | None = None
        self.publication: Publication | None = None
        self.in_force_since: datetime | None = None
        self.measures: dict[str, ChosenMeasure] = {}
        self.revisions = []  # every revision asked for, open or closed (Art. 30)
        self.earlier_content = []  # what the point said before each revision

    @property
    def grading(self) -> Grading | None:
        """The grading now on record, if any."""
        return self.gradings[-1] if self.gradings else None

    @property
    def grade(self) -> Grade | None:
        return self.gradings[-1].grade if self.gradings else None

    # -- grading (Art. 14, 30) ---------------------------------------------------------------

    def regrade(
        self,
        factors: Factors,
        rule: GradingRule,
        *,
        source: GradeSource,
        reason: str,
        responsible_leader_id: str,
        by: ActorRecord,
        at: datetime,
        judgement: tuple[UUID, UUID, str | None] | None = None,
    ) -> Grade:
        """Grade or re-grade from the four factors; record who, why and the rule (Art. 14, 25)."""
        if not reason.strip():
            raise Invalid("reason", "say why this grade")
        new = rule.grade(factors)
        information_id, judgement_id, level = judgement or (None, None, None)
        authorities = {GradeSource.REVISION: "Art. 30", GradeSource.JUDGEMENT: "Art. 14, 25"}
        self._graded(
            unit_code=self.unit_code,
            category=self.category.value,
            factors=factors.as_dict(),
            grade=new.value,
            previous_grade=self.grade.value if self.grade else None,
            rule=rule.describe(),
            source=source.value,
            reason=reason,
            responsible_leader_id=responsible_leader_id,
            graded_by=by,
            graded_at=at,
            authority=authorities.get(source, "Art. 14"),
            information_id=information_id,
            judgement_id=judgement_id,
            recommended_level=level,
        )
        return new

    @event(Graded)
    def _graded(
        self,
        *,
        unit_code: str,
        category: str,
        factors: dict[str, int],
        grade: str,
        previous_grade: str | None,
        rule: dict[str, Any],
        source: str,
        reason: str,
        responsible_leader_id: str,
        graded_by: ActorRecord,
        graded_at: datetime,
        authority: str,
        information_id: UUID | None = None,
        judgement_id: UUID | None = None,
        recommended_level: str | None = None,
    ) -> None:
        new, old = Grade(grade), Grade(previous_grade) if previous_grade else None
        self.gradings.append(
            Grading(
                Factors(**factors), new, old, rule, source, reason,
                responsible_leader_id, dict(graded_by), graded_at,
            )
        )  # fmt: skip
        # A new grade needs the team's approval again; the same grade keeps what was approved.
        if self.status is RiskStatus.DRAFT or new is not old:
            self.status = RiskStatus.GRADED
            self.round += 1
            self.votes = {}
            self.approved_at = None
            self.publication = None
            self.in_force_since = None

    # -- collective approval 集体审定 (Art. 14) ------------------------------------------------

    def vote(
        self,
        member_id: str,
        in_favour: bool,
        *,
        team: tuple[str, ...],
        quorum: QuorumRule,
        comment: str,
        at: datetime,
    ) -> bool:
        """Record a team member's vote; False when the same vote was already cast (Art. 14)."""
        if member_id not in team:
            raise Forbidden(f"{member_id} is not on the leadership team (领导班子) of the unit")
        earlier = self.votes.get(member_id)
        if earlier is not None and earlier.in_favour == in_favour:
            return False  # the same vote again: idempotent
        if self.status is not RiskStatus.GRADED:
            raise Conflict(f"nothing awaits approval: the risk point is {self.status.value}")
        if earlier is not None:
            raise Conflict(f"{member_id} already voted in this round; a vote once cast stands")
        in_favour_count = sum(v.in_favour for v in self.votes.values()) + int(in_favour)
        against_count = len(self.votes) + 1 - in_favour_count
        outcome = quorum.tally(in_favour_count, against_count, len(team))
        self._voted(
            member_id=member_id,
            in_favour=in_favour,
            comment=comment,
            team=list(team),
            needed=quorum.needed(len(team)),
            outcome=outcome.value,
            approval_round=self.round,
            cast_at=at,
            unit_code=self.unit_code,
            in_favour_count=in_favour_count,
            against_count=against_count,
            grade=self.grade.value if self.grade else None,
            responsible_leader_id=self.grading.responsible_leader_id if self.grading else None,
        )
        return True

    @event("Voted")
    def _voted(
        self,
        *,
        member_id: str,
        in_favour: bool,
        comment: str,
        team: list[str],
        needed: int,
        outcome: str,
        approval_round: int,
        cast_at: datetime,
        # The tally and what was approved, for RiskPointApproved; absent from older events.
        unit_code: str | None = None,
        in_favour_count: int | None = None,
        against_count: int | None = None,
        grade: str | None = None,
        responsible_leader_id: str | None = None,
    ) -> None:
        self.votes[member_id] = Vote(member_id, in_favour, comment, cast_at)
        if outcome == Tally.APPROVED:
            self.status = RiskStatus.APPROVED
            self.approved_at = cast_at
            for revision in self.open_revisions:
                revision.closed_at = cast_at  # the revised point is approved again (Art. 30)
        elif outcome == Tally.REJECTED:
            self.status = RiskStatus.DRAFT  # back to the unit to re-grade

    # -- prevention measures 防控措施 (Art. 15–20) ---------------------------------------------

    def choose_measure(
        self,
        measure_code: str,
        detail: str,
        owner_id: str,
        due_date: str,
        *,
        by: ActorRecord,
        at: datetime | None = None,
    ) -> None:
        """Choose a catalogued measure for this point, with owner and due date (Art. 15)."""
        measure(measure_code)  # Invalid if not catalogued
        try:
            date.fromisoformat(due_date)
        except ValueError:
            raise Invalid("due_date", "must be a date YYYY-MM-DD") from None
        if measure_code in self.measures:
            raise Conflict(f"measure {measure_code} is already chosen; update its status instead")
        self._measure_chosen(
            measure_code=measure_code,
            detail=detail,
            owner_id=owner_id,
            due_date=due_date,
            by=by,
            at=at,
        )

    @event("MeasureChosen")
    def _measure_chosen(
        self,
        *,
        measure_code: str,
        detail: str,
        owner_id: str,
        due_date: str,
        by: ActorRecord,
        at: datetime | None = None,  # absent from events stored before it was recorded
    ) -> None:
        self.measures[measure_code] = ChosenMeasure(
            measure_code, detail, owner_id, due_date, MeasureStatus.PLANNED
        )

    def update_measure(
        self, measure_code: str, status: MeasureStatus, note: str, *, by: ActorRecord, at: datetime
    ) -> None:
        """Record how a chosen measure stands: planned, in progress, done (Art. 15)."""
        if measure_code not in self.measures:
            raise Invalid("measure_code", f"measure {measure_code} was not chosen for this point")
        self._measure_updated(
            measure_code=measure_code, status=status.value, note=note, by=by, at=at
        )

    @event("MeasureUpdated")
    def _measure_updated(
        self, *, measure_code: str, status: str, note: str, by: ActorRecord, at: datetime
    ) -> None:
        chosen = self.measures[measure_code]
        self.measures[measure_code] = replace(chosen, status=MeasureStatus(status), note=note)
