"""A risk point 廉政风险点: identified, graded, approved, published, revised (Art. 10–15, 30).

Commands check the rules and then trigger one event; the event methods only change state, so
replaying the stored events gives back the same risk point without checking anything again. The
values it keeps (grading, votes, publication 公示 with its objections, revisions 动态修正) are the
dataclasses below; publication and revision carry their own rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from services.register.risk_points.measures import ChosenMeasure, MeasureStatus, measure
from services.register.risk_points.rules import (
    Factors,
    GradingRule,
    MeasuresRule,
    QuorumRule,
    Tally,
)
from services.register.wording import beijing_minute
from shared.errors import Conflict, Forbidden, Invalid
from shared.vocabulary import ActorRecord, Grade, GradeSource, RiskCategory


class RiskStatus(StrEnum):
    """Where a risk point is on its way to force (Art. 10, 14).

    draft 待评定 → graded 待审定 (awaiting the leadership team) → approved 审定通过
    → published 公示中 → in force 生效. A grade that changes after approval sends it back to graded.
    """

    DRAFT = "draft"
    GRADED = "graded"
    APPROVED = "approved"
    PUBLISHED = "published"
    IN_FORCE = "in_force"

    @property
    def label_zh(self) -> str:
        return STATUS_ZH[self.value]


STATUS_ZH = {
    "draft": "待评定",
    "graded": "待审定",
    "approved": "审定通过",
    "published": "公示中",
    "in_force": "生效",
}


@dataclass(frozen=True)
class Focus:
    """Why a risk point deserves focus 排查重点 (Art. 12)."""

    key_post_or_link: bool = False  # 权力运行的重要岗位和关键环节
    past_violation: bool = False  # 曾经出现过违纪违法问题
    many_complaints: bool = False  # 群众反映问题较多

    def as_dict(self) -> dict[str, bool]:
        return {
            "key_post_or_link": self.key_post_or_link,
            "past_violation": self.past_violation,
            "many_complaints": self.many_complaints,
        }


@dataclass(frozen=True)
class Grading:
    """One grading or re-grading: factors, result, rule, who, why, responsible leader (Art. 14)."""

    factors: Factors
    grade: Grade
    previous_grade: Grade | None
    rule: dict[str, Any]
    source: str
    reason: str
    responsible_leader_id: str
    graded_by: dict[str, str]
    graded_at: datetime


@dataclass(frozen=True)
class Vote:
    """One leadership-team member's vote on a grading 集体审定 (Art. 14)."""

    member_id: str
    in_favour: bool
    comment: str
    cast_at: datetime


@dataclass(frozen=True)
class Objection:
    """An objection 异议 raised during publication 公示, and the answer to it (Art. 10)."""

    number: int
    raised_by: str
    text: str
    recorded_by: str
    recorded_at: datetime
    answer: str | None = None
    answered_by: str | None = None


@dataclass
class Publication:
    """The publication period 公示期 of an approved risk point and its objections (Art. 10)."""

    starts_at: datetime
    ends_at: datetime
    published_by: str
    objections: list[Objection] = field(default_factory=list)

    @staticmethod
    def period(days: int, at: datetime) -> tuple[datetime, datetime]:
        """When a publication of `days` calendar days starting `at` begins and ends (Art. 10)."""
        if not 1 <= days <= 60:
            raise Invalid("days", "公示期须为 1 至 60 天 (a publication period is 1..60 days)")
        return at, at + timedelta(days=days)

    @property
    def open_objections(self) -> list[Objection]:
        return [o for o in self.objections if o.answer is None]

    def next_objection(self, text: str, at: datetime) -> int:
        """The number an objection raised `at` gets; Conflict once the period is over (Art. 10)."""
        if at > self.ends_at:
            raise Conflict("公示期已结束 (the publication period (公示期) is over)")
        if not text.strip():
            raise Invalid("text", "请写明异议内容 (say what the objection is)")
        return len(self.objections) + 1

    def check_answer(self, number: int, answer: str) -> None:
        """An objection is answered once, and not with nothing (Art. 10)."""
        if not 1 <= number <= len(self.objections):
            raise Invalid("number", f"没有第 {number} 条异议 (no objection {number})")
        if self.objections[number - 1].answer is not None:
            raise Conflict(f"第 {number} 条异议已答复 (objection {number} was already answered)")
        if not answer.strip():
            raise Invalid("answer", "答复不能为空 (must not be empty)")

    def answered(self, number: int, answer: str, by: str) -> None:
        """Note the answer to objection `number`."""
        earlier = self.objections[number - 1]
        self.objections[number - 1] = replace(earlier, answer=answer, answered_by=by)

    def check_over(self, at: datetime) -> None:
        """The period is over and every objection answered: the point may go into force."""
        if at < self.ends_at:
            raise Conflict(
                f"公示期至 {beijing_minute(self.ends_at)}届满，届满后方可生效 "
                f"(the publication period runs until {self.ends_at.isoformat()})"
            )
        if self.open_objections:
            unanswered = len(self.open_objections)
            raise Conflict(
                f"尚有 {unanswered} 条异议未答复 ({unanswered} objection(s) still unanswered)"
            )


@dataclass
class Revision:
    """A revision 动态修正 an inspection asked for, open until approved again (Art. 30)."""

    request_id: UUID
    aspects: tuple[str, ...]
    finding: str
    inspection_id: UUID
    finding_id: UUID
    revise_by: datetime | None
    requested_by: dict[str, str]
    opened_at: datetime
    closed_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    def close(self, at: datetime) -> None:
        """The revised point was approved again (Art. 14, 30)."""
        self.closed_at = at


@dataclass(frozen=True)
class Content:
    """What a risk point said before a content revision: kept forever, oldest first (Art. 30)."""

    category: str
    description: str
    manifestations: tuple[str, ...]
    focus: dict[str, bool]
    revised_by: dict[str, str]
    revised_at: datetime
    reason: str


class RiskPoint(Aggregate):
    """One integrity-risk point of a unit's post, power and flowchart step (Art. 10–15, 30)."""

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
        information_id: UUID | None  # set when graded from a judgement 研判 (Art. 25)
        judgement_id: UUID | None
        recommended_level: str | None
        # The point's power (Art. 11), so the grading names it on the contract; absent in
        # gradings stored before it was kept (the class default, None, stands in for them).
        power_id: UUID | None = None

    class Voted(Aggregate.Event):
        """A leadership-team member voted; the tally after it and what is approved (Art. 14)."""

        member_id: str
        in_favour: bool
        comment: str
        team: list[str]
        needed: int
        outcome: str
        approval_round: int
        cast_at: datetime
        unit_code: str
        in_favour_count: int
        against_count: int
        grade: str | None
        responsible_leader_id: str | None

    class Published(Aggregate.Event):
        """Publication 公示 began; it ends at `ends_at` (Art. 10)."""

        starts_at: datetime
        ends_at: datetime
        published_by: str
        unit_code: str

    class BroughtIntoForce(Aggregate.Event):
        """The period is over, every objection answered: the point is in force 生效 (Art. 10)."""

        by: str
        at: datetime
        unit_code: str
        objections: int

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
        self.revisions: list[Revision] = []  # every revision asked for, open or closed (Art. 30)
        self.earlier_content: list[Content] = []  # what the point said before each revision

    @property
    def grading(self) -> Grading | None:
        """The grading now on record, if any."""
        return self.gradings[-1] if self.gradings else None

    @property
    def grade(self) -> Grade | None:
        """The grade now on record, if any (Art. 14)."""
        return self.gradings[-1].grade if self.gradings else None

    @property
    def open_revisions(self) -> list[Revision]:
        """Revisions asked for and not yet approved again (Art. 30)."""
        return [r for r in self.revisions if r.is_open]

    def _back_to_the_team(self) -> None:
        """What was approved no longer stands until the team approves again (Art. 14, 30)."""
        self.votes = {}
        self.approved_at = None
        self.publication = None
        self.in_force_since = None

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
            raise Invalid("reason", "请说明评定理由 (say why this grade)")
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
            power_id=self.power_id,
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
        information_id: UUID | None,
        judgement_id: UUID | None,
        recommended_level: str | None,
        power_id: UUID | None = None,
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
            self._back_to_the_team()

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
            raise Forbidden(
                f"{member_id} 不是本单位领导班子成员 "
                f"({member_id} is not on the leadership team (领导班子) of the unit)"
            )
        earlier = self.votes.get(member_id)
        if earlier is not None and earlier.in_favour == in_favour:
            return False  # the same vote again: idempotent
        if self.status is not RiskStatus.GRADED:
            raise Conflict(
                f"该风险点当前为“{self.status.label_zh}”，没有待审定的等级 "
                f"(nothing awaits approval: the risk point is {self.status.value})"
            )
        if earlier is not None:
            raise Conflict(
                f"{member_id} 本轮已表决，表决一经作出不再更改 "
                f"({member_id} already voted in this round; a vote once cast stands)"
            )
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

    @event(Voted)
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
        unit_code: str,
        in_favour_count: int,
        against_count: int,
        grade: str | None,
        responsible_leader_id: str | None,
    ) -> None:
        self.votes[member_id] = Vote(member_id, in_favour, comment, cast_at)
        if outcome == Tally.APPROVED:
            self.status = RiskStatus.APPROVED
            self.approved_at = cast_at
            for revision in self.open_revisions:
                revision.close(cast_at)  # the revised point is approved again (Art. 30)
        elif outcome == Tally.REJECTED:
            self.status = RiskStatus.DRAFT  # back to the unit to re-grade

    # -- publication 公示, objections 异议, force 生效 (Art. 10) -------------------------------

    def publish(self, days: int, *, by: str, at: datetime) -> datetime:
        """Publish an approved risk point for `days` days 公示; return when the period ends."""
        if self.status is not RiskStatus.APPROVED:
            raise Conflict(
                f"只有审定通过的风险点才能公示，该风险点当前为“{self.status.label_zh}” "
                f"(only an approved risk point can be published; it is {self.status})"
            )
        starts_at, ends_at = Publication.period(days, at)
        self._published(
            starts_at=starts_at, ends_at=ends_at, published_by=by, unit_code=self.unit_code
        )
        return ends_at

    @event(Published)
    def _published(
        self, *, starts_at: datetime, ends_at: datetime, published_by: str, unit_code: str
    ) -> None:
        self.status = RiskStatus.PUBLISHED
        self.publication = Publication(starts_at, ends_at, published_by)

    def record_objection(self, raised_by: str, text: str, *, by: str, at: datetime) -> int:
        """Record an objection 异议 raised during publication; return its number (Art. 10)."""
        number = self._open_publication().next_objection(text, at)
        self._objected(number=number, raised_by=raised_by, text=text, recorded_by=by, at=at)
        return number

    @event("ObjectionRecorded")
    def _objected(
        self, *, number: int, raised_by: str, text: str, recorded_by: str, at: datetime
    ) -> None:
        assert self.publication is not None
        self.publication.objections.append(Objection(number, raised_by, text, recorded_by, at))

    def answer_objection(self, number: int, answer: str, *, by: str, at: datetime) -> None:
        """Answer an objection before the risk point goes into force (Art. 10)."""
        self._open_publication().check_answer(number, answer)
        self._answered(number=number, answer=answer, answered_by=by, at=at)

    @event("ObjectionAnswered")
    def _answered(self, *, number: int, answer: str, answered_by: str, at: datetime) -> None:
        assert self.publication is not None
        self.publication.answered(number, answer, answered_by)

    def bring_into_force(self, *, by: str, at: datetime, measures: MeasuresRule) -> None:
        """After publication with every objection answered, and with the measures its grade
        needs (Art. 14, 15), the risk point is in force 生效 (Art. 10)."""
        publication = self._open_publication()
        publication.check_over(at)
        self.check_measures(measures)
        self._in_force(
            by=by, at=at, unit_code=self.unit_code, objections=len(publication.objections)
        )

    @event(BroughtIntoForce)
    def _in_force(self, *, by: str, at: datetime, unit_code: str, objections: int) -> None:
        self.status = RiskStatus.IN_FORCE
        self.in_force_since = at

    def _open_publication(self) -> Publication:
        if self.status is not RiskStatus.PUBLISHED or self.publication is None:
            raise Conflict(
                f"该风险点不在公示中，当前为“{self.status.label_zh}” "
                f"(the risk point is not being published; it is {self.status.value})"
            )
        return self.publication

    # -- prevention measures 防控措施 (Art. 14–20) ---------------------------------------------
    # 第十四条: "对不同等级的廉政风险实行分级管理，采取有针对性的管理措施，级别越高的风险，采取的
    # 管理措施应更加严格有力". 第十五条: "制定和实施有针对性的预防措施". A point goes into force
    # only with measures from as many categories as its grade needs (`MeasuresRule`); "done"
    # is reported, then verified by someone other than the owner.

    class MeasureVerified(Aggregate.Event):
        """Someone other than its owner confirmed a measure done 核验落实 (Art. 15)."""

        measure_code: str
        unit_code: str
        owner_id: str
        due_date: str
        reported_by: str
        reported_at: datetime
        verified_by: ActorRecord
        at: datetime
        note: str

    def choose_measure(
        self,
        measure_code: str,
        detail: str,
        owner_id: str,
        due_date: str,
        *,
        by: ActorRecord,
        at: datetime,
    ) -> None:
        """Choose a catalogued measure for this point, with owner and due date (Art. 15)."""
        measure(measure_code)  # Invalid if not catalogued
        try:
            date.fromisoformat(due_date)
        except ValueError:
            raise Invalid(
                "due_date", "完成时限须为日期，格式 YYYY-MM-DD (must be a date YYYY-MM-DD)"
            ) from None
        if not owner_id.strip():
            raise Invalid(
                "owner_id", "Art. 15: 请写明措施责任人 (name who carries the measure out (责任人))"
            )
        if measure_code in self.measures:
            raise Conflict(
                f"措施 {measure_code} 已选定，请更新其落实情况 "
                f"(measure {measure_code} is already chosen; update its status instead)"
            )
        self._measure_chosen(
            measure_code=measure_code,
            detail=detail,
            owner_id=owner_id.strip(),
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
        at: datetime,
    ) -> None:
        self.measures[measure_code] = ChosenMeasure(
            measure_code, detail, owner_id, due_date, MeasureStatus.PLANNED
        )

    def update_measure(
        self,
        measure_code: str,
        status: MeasureStatus,
        note: str,
        *,
        by: ActorRecord,
        at: datetime,
        rule: MeasuresRule | None = None,
    ) -> None:
        """Record how a chosen measure stands: planned, in progress, reported done, withdrawn
        (Art. 15, 30); verification is a separate act by someone else (`verify_measure`)."""
        chosen = self._chosen(measure_code)
        if status is MeasureStatus.VERIFIED:
            raise Conflict(
                "Art. 15: 措施落实与否须由责任人以外的人员核验，不能直接改为“已核验落实” "
                "(a measure is verified through its verification by someone other than "
                "its owner, not by setting its status)"
            )
        if chosen.status is MeasureStatus.VERIFIED:
            raise Conflict(
                f"措施 {measure_code} 已核验落实，该记录不再更改 "
                f"(measure {measure_code} was verified done; that record stands)"
            )
        if (
            status is MeasureStatus.WITHDRAWN
            and rule is not None
            and self.status is RiskStatus.IN_FORCE
            and self.grade is not None
        ):
            rest = {
                m.category for code, m in self.measures.items() if m.counts and code != measure_code
            }
            needed = rule.categories_needed(self.grade)
            if len(rest) < needed:
                raise Conflict(
                    f"Art. 14: 已生效的“{self.grade.label_zh}”等级风险点须有涵盖 {needed} 类风险的"
                    f"防控措施（规则 measures.{self.grade.value}）；撤销措施 {measure_code} 前"
                    "请先选定替代措施，或对该风险点进行动态修正（第三十条） "
                    f"(a {self.grade.label_zh}-graded point in force needs measures from "
                    f"{needed} categories (rule measures.{self.grade.value}); choose a "
                    f"replacement before withdrawing {measure_code}, or revise the point (Art. 30))"
                )
        self._measure_updated(
            measure_code=measure_code, status=status.value, note=note, by=by, at=at
        )

    @event("MeasureUpdated")
    def _measure_updated(
        self, *, measure_code: str, status: str, note: str, by: ActorRecord, at: datetime
    ) -> None:
        chosen = self.measures[measure_code]
        new = MeasureStatus(status)
        reported = (by.get("user_id"), at) if new is MeasureStatus.DONE else (None, None)
        self.measures[measure_code] = replace(
            chosen, status=new, note=note, reported_by=reported[0], reported_at=reported[1]
        )

    def verify_measure(
        self, measure_code: str, accepted: bool, note: str, *, by: ActorRecord, at: datetime
    ) -> bool:
        """Verify a measure reported done 核验 (Art. 15): by someone other than its owner and
        its reporter; accepted, it is verified (MeasureVerified); not, it goes back to in
        progress with the reasons. Returns whether it was accepted."""
        chosen = self._chosen(measure_code)
        if chosen.status is not MeasureStatus.DONE or chosen.reported_at is None:
            raise Conflict(
                f"措施 {measure_code} 当前为“{chosen.status.label_zh}”，只有已报落实的措施才能核验 "
                f"(measure {measure_code} is {chosen.status.value}: only a measure reported done "
                "awaits verification)"
            )
        verifier = by.get("user_id", "")
        if verifier in (chosen.owner_id, chosen.reported_by):
            raise Forbidden(
                f"Art. 15: {verifier} 是措施 {measure_code} 的责任人或报告人，"
                "须由其他人员核验其落实情况 "
                f"({verifier} owns or reported measure {measure_code}; someone other "
                "than its owner verifies that it is done)"
            )
        if not accepted and not note.strip():
            raise Invalid(
                "note", "请写明核验意见，说明哪些尚未落实 (say what is not done (核验意见))"
            )
        if accepted:
            self._measure_verified(
                measure_code=measure_code,
                unit_code=self.unit_code,
                owner_id=chosen.owner_id,
                due_date=chosen.due_date,
                reported_by=chosen.reported_by or "",
                reported_at=chosen.reported_at,
                verified_by=by,
                at=at,
                note=note,
            )
        else:
            self._measure_returned(measure_code=measure_code, note=note, by=by, at=at)
        return accepted

    @event(MeasureVerified)
    def _measure_verified(
        self,
        *,
        measure_code: str,
        unit_code: str,
        owner_id: str,
        due_date: str,
        reported_by: str,
        reported_at: datetime,
        verified_by: ActorRecord,
        at: datetime,
        note: str,
    ) -> None:
        chosen = self.measures[measure_code]
        self.measures[measure_code] = replace(
            chosen, status=MeasureStatus.VERIFIED, verified_by=verified_by.get("user_id"),
            verified_at=at, note=note or chosen.note,
        )  # fmt: skip

    @event("MeasureReturned")
    def _measure_returned(
        self, *, measure_code: str, note: str, by: ActorRecord, at: datetime
    ) -> None:
        chosen = self.measures[measure_code]
        self.measures[measure_code] = replace(
            chosen, status=MeasureStatus.IN_PROGRESS, note=note, reported_by=None, reported_at=None
        )

    def _chosen(self, measure_code: str) -> ChosenMeasure:
        if measure_code not in self.measures:
            raise Invalid(
                "measure_code",
                f"该风险点未选定措施 {measure_code} "
                f"(measure {measure_code} was not chosen for this point)",
            )
        return self.measures[measure_code]

    def measure_categories(self) -> set[RiskCategory]:
        """The categories the point's measures cover (chosen, not withdrawn) (Art. 14, 16–20)."""
        return {m.category for m in self.measures.values() if m.counts}

    def check_measures(self, rule: MeasuresRule) -> None:
        """Conflict unless the measures cover as many categories as the grade needs (Art. 14)."""
        if self.grade is None:
            raise Conflict(
                "该风险点尚未评定等级（第十四条） (the risk point is not graded (Art. 14))"
            )
        needed = rule.categories_needed(self.grade)
        have = sorted(c.value for c in self.measure_categories())
        if len(have) < needed:
            have_zh = "、".join(RiskCategory(c).label_zh for c in have)
            raise Conflict(
                f"Art. 14, 15: “{self.grade.label_zh}”等级风险点须有涵盖至少 {needed} 类风险的"
                "防控措施，每项措施明确责任人和完成时限"
                f"（规则 measures.{self.grade.value} = {needed}）；"
                f"现有 {len(have)} 类{'（' + have_zh + '）' if have else ''}，生效前还须再选 "
                f"{needed - len(have)} 类 "
                f"(a {self.grade.label_zh}-graded point needs prevention measures "
                f"from at least {needed} categories, each with an owner and a due date "
                f"(rule measures.{self.grade.value} = {needed}); it has {len(have)}"
                f"{' (' + ', '.join(have) + ')' if have else ''}: choose measures from "
                f"{needed - len(have)} more before it goes into force)"
            )

    # -- revision 动态修正 (Art. 30) ------------------------------------------------------------
    # 第三十条: content, grade and measures are revised as inspections find them wanting.
    # Reopening sends the point back to its unit; content and measures change, the grade is
    # re-assessed, and the team approves again as the first time (Art. 14). Nothing is
    # overwritten: earlier content, gradings and every request stay in the history.

    class Reopened(Aggregate.Event):
        """An inspection's revision request sent the point back to its unit (Art. 30).

        `unit_code`, `request_event_id`, `status_before` and `grade` were kept from when the
        reopening was published (RiskPointReopened); older records lack them (None).
        """

        request_id: UUID
        aspects: list[str]
        finding: str
        inspection_id: UUID
        finding_id: UUID
        revise_by: datetime | None
        requested_by: ActorRecord
        at: datetime
        unit_code: str | None = None
        request_event_id: str | None = None
        status_before: str | None = None
        grade: str | None = None

    def reopen(
        self,
        *,
        request_id: UUID,
        aspects: list[str],
        finding: str,
        inspection_id: UUID,
        finding_id: UUID,
        revise_by: datetime | None,
        requested_by: ActorRecord,
        at: datetime,
        request_event_id: str,
    ) -> bool:
        """Reopen the point for a revision an inspection asked for; False if already asked."""
        if any(r.request_id == request_id for r in self.revisions):
            return False  # the same request again (another copy or a re-send): nothing changes
        self._reopened(
            request_id=request_id, aspects=aspects, finding=finding, inspection_id=inspection_id,
            finding_id=finding_id, revise_by=revise_by, requested_by=requested_by, at=at,
            unit_code=self.unit_code, request_event_id=request_event_id,
            status_before=self.status.value, grade=self.grade.value if self.grade else None,
        )  # fmt: skip
        return True

    @event(Reopened)
    def _reopened(
        self,
        *,
        request_id: UUID,
        aspects: list[str],
        finding: str,
        inspection_id: UUID,
        finding_id: UUID,
        revise_by: datetime | None,
        requested_by: ActorRecord,
        at: datetime,
        unit_code: str | None = None,
        request_event_id: str | None = None,
        status_before: str | None = None,
        grade: str | None = None,
    ) -> None:
        self.revisions.append(
            Revision(
                request_id, tuple(aspects), finding, inspection_id, finding_id, revise_by,
                dict(requested_by), at,
            )
        )  # fmt: skip
        self.status = RiskStatus.DRAFT  # back to the unit
        self._back_to_the_team()

    def revise_content(
        self,
        *,
        category: str,
        description: str,
        manifestations: list[str],
        focus: Focus,
        reason: str,
        by: ActorRecord,
        at: datetime,
    ) -> None:
        """Change what the point says, while it awaits grading or approval (Art. 10, 13, 30)."""
        if self.status not in (RiskStatus.DRAFT, RiskStatus.GRADED):
            raise Conflict(
                f"该风险点当前为“{self.status.label_zh}”，"
                "须重新开启动态修正后才能修改内容（第三十条） "
                f"(the risk point is {self.status.value}: its content changes only after it is "
                "reopened for revision (动态修正, Art. 30))"
            )
        if not reason.strip():
            raise Invalid("reason", "请写明修正理由 (say why the content changes (修正理由))")
        self._content_revised(
            category=category, description=description, manifestations=manifestations,
            focus=focus.as_dict(), reason=reason, revised_by=by, revised_at=at,
        )  # fmt: skip

    @event("ContentRevised")
    def _content_revised(
        self,
        *,
        category: str,
        description: str,
        manifestations: list[str],
        focus: dict[str, bool],
        reason: str,
        revised_by: ActorRecord,
        revised_at: datetime,
    ) -> None:
        self.earlier_content.append(
            Content(
                self.category.value, self.description, self.manifestations,
                self.focus.as_dict(), dict(revised_by), revised_at, reason,
            )
        )  # fmt: skip
        self.category = RiskCategory(category)
        self.description = description
        self.manifestations = tuple(manifestations)
        self.focus = Focus(**focus)
        self.status = RiskStatus.DRAFT  # re-graded or resubmitted, then approved afresh

    def resubmit(self, *, reason: str, by: ActorRecord, at: datetime) -> None:
        """Send a revised point, its grade kept, to the team again 重新审定 (Art. 14, 30)."""
        if self.status is not RiskStatus.DRAFT or self.grade is None:
            raise Conflict(
                "只有已评定等级并退回本单位的风险点才能重新提交审定 "
                "(only a graded risk point sent back to the unit can be resubmitted)"
            )
        if not self.open_revisions:
            raise Conflict(
                "没有待办的动态修正，请直接评定等级 (no revision is open; grade the point instead)"
            )
        if not reason.strip():
            raise Invalid("reason", "请写明修正内容 (say what was revised)")
        self._resubmitted(reason=reason, by=by, at=at)

    @event("Resubmitted")
    def _resubmitted(self, *, reason: str, by: ActorRecord, at: datetime) -> None:
        self.status = RiskStatus.GRADED
        self.round += 1
        self.votes = {}
