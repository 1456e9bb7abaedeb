"""Handlers of the risk register: identify, grade, approve, publish, revise (Art. 10–20, 30).

Plain functions `(app, ...)`: each loads the risk point, checks what needs the organisation tree or
the clock, calls the aggregate (`model.py`, which holds the rules) and saves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from services.register.risk_points.measures import MeasureStatus
from services.register.risk_points.model import Focus, RiskPoint
from services.register.risk_points.rules import FACTOR_NAMES, FOUR_FACTORS_NEEDED, Factors
from shared.application import Rejected, actor_of
from shared.auth import Role
from shared.errors import Conflict, Forbidden, Invalid, NotFound
from shared.grants import not_held
from shared.vocabulary import Grade, GradeSource, RiskCategory

if TYPE_CHECKING:
    from datetime import date, datetime
    from uuid import UUID

    from eventsourcing.application import ProcessingEvent

    from services.register.app import RegisterApplication
    from shared.auth import Principal
    from shared.events import RevisionRequested


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


@dataclass(frozen=True)
class RevisedContent:
    """What a risk point says after revision: category, risk, how it shows, focus (Art. 13, 30)."""

    category: str
    description: str
    manifestations: list[str]
    reason: str
    focus: Focus = field(default_factory=Focus)


# -- identification 排查 (Art. 10, 12, 13) ------------------------------------------------------


def identify(app: RegisterApplication, draft: RiskPointDraft, by: Principal) -> UUID:
    """Enter a risk point and how it shows 风险表现形式 in the register (Art. 10, 12, 13)."""
    point = identified(app, draft, by)
    app.save(point)
    return point.id


def identified(
    app: RegisterApplication, draft: RiskPointDraft, by: Principal, role: str = "office"
) -> RiskPoint:
    """A new risk point, checked and not yet saved (Art. 10, 12, 13)."""
    app.unit(draft.unit_code)
    _check_category(draft.category, "category")
    if not draft.post.strip():
        raise Invalid("post", "请填写岗位 (name the post 岗位)")
    if not draft.description.strip():
        raise Invalid("description", DESCRIBE_THE_RISK)
    manifestations = _manifestations(draft.manifestations)
    version = _check_power_link(app, draft)
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
        identified_at=app.clock.now(),
    )


DESCRIBE_THE_RISK = "请描述该廉政风险 (describe the risk)"


def _check_category(category: str, name: str) -> None:
    if category not in RiskCategory.__members__.values():
        categories = ", ".join(c.value for c in RiskCategory)
        raise Invalid(name, f"风险类别须为以下之一：{categories} (must be one of {categories})")


def _manifestations(given: list[str]) -> list[str]:
    manifestations = [m.strip() for m in given if m.strip()]
    if not manifestations:
        raise Invalid(
            "manifestations",
            "请至少列出一种风险表现形式 (list at least one way the risk shows (风险表现形式))",
        )
    return manifestations


def _check_power_link(app: RegisterApplication, draft: RiskPointDraft) -> int | None:
    """The power must be the unit's, the step in its current flowchart, the post acting."""
    if draft.power_id is None:
        if draft.step_key is not None:
            raise Invalid(
                "step_key",
                "关联流程环节须先关联职权（power_id） (a flowchart step needs a power_id)",
            )
        return None
    try:
        power = app.get_power(draft.power_id)
    except NotFound:
        raise Invalid(
            "power_id",
            f"职权目录中没有职权 {draft.power_id} (no power {draft.power_id} in the catalogue)",
        ) from None
    if power.unit_code != draft.unit_code:
        raise Invalid(
            "power_id",
            f"该职权属于单位 {power.unit_code}，不是本风险点所在单位 "
            f"(the power belongs to unit {power.unit_code})",
        )
    if draft.post.strip() not in power.acting_posts():
        posts = ", ".join(power.acting_posts())
        raise Invalid("post", f"该职权由以下岗位行使：{posts} (the power is exercised by {posts})")
    chart = power.flowchart
    if draft.step_key is None:
        return chart.version if chart else None
    if chart is None or chart.step(draft.step_key) is None:
        raise Invalid(
            "step_key",
            f"该职权的权力运行流程图中没有环节 {draft.step_key!r} "
            f"(no step {draft.step_key!r} in the power's flowchart)",
        )
    return chart.version


# -- grading 风险等级评定 (Art. 14, 30) -------------------------------------------------------


def grade(
    app: RegisterApplication,
    risk_point_id: UUID,
    factors: dict[str, int],
    *,
    reason: str,
    responsible_leader_id: str,
    by: Principal,
    source: GradeSource | None = None,
) -> Grade:
    """Grade or re-grade a risk point by the configured rule (Art. 14, 30)."""
    point = app.get_risk_point(risk_point_id)
    new = regraded(
        app, point, factors, reason=reason, responsible_leader_id=responsible_leader_id, by=by,
        source=source,
    )  # fmt: skip
    app.save(point)
    return new


def regraded(
    app: RegisterApplication,
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
    team = app.unit(point.unit_code).leadership_team_ids
    if responsible_leader_id not in team:
        raise Invalid(
            "responsible_leader_id",
            "须为本单位领导班子成员 (must be a member of the unit's leadership team (领导班子))",
        )
    if responsible_leader_id not in leadership_team(app, point.unit_code, app.clock.now()):
        raise Invalid(
            "responsible_leader_id",
            "Art. 14: " + not_held(responsible_leader_id, Role.LEADER, point.unit_code),
        )
    if set(factors) != set(FACTOR_NAMES):
        raise Invalid("factors", FOUR_FACTORS_NEEDED)
    if source is None:
        source = GradeSource.REVISION if point.grade else GradeSource.IDENTIFICATION
    return point.regrade(
        Factors(**factors),
        app.rules.grading,
        source=source,
        reason=reason,
        responsible_leader_id=responsible_leader_id,
        by=actor_of(by, "judge" if judgement else "office"),
        at=app.clock.now(),
        judgement=judgement,
    )


# -- collective approval 集体审定 (Art. 14) ------------------------------------------------------


def leadership_team(app: RegisterApplication, unit_code: str, at: datetime) -> tuple[str, ...]:
    """The unit's leadership team 领导班子 at `at` (Art. 14): the members the register lists who
    held the directory's leader grant for the unit then (shared/grants.py). A member whose grant
    was revoked neither votes nor counts towards the quorum."""
    listed = app.unit(unit_code).leadership_team_ids
    return tuple(m for m in listed if app.directory.holds(m, Role.LEADER, unit_code, at))


def vote(
    app: RegisterApplication, risk_point_id: UUID, in_favour: bool, comment: str, by: Principal
) -> bool:
    """A leadership-team member votes on the grading 集体审定 (Art. 14); False if a repeat."""
    point = app.get_risk_point(risk_point_id)
    listed = app.unit(point.unit_code).leadership_team_ids
    if not listed:
        raise Conflict(
            f"单位 {point.unit_code} 尚未登记领导班子成员 "
            f"(unit {point.unit_code} has no leadership team listed)"
        )
    if by.user_id not in listed:
        raise Forbidden(
            f"{by.user_id} 不是 {point.unit_code} 的领导班子成员 "
            f"({by.user_id} is not on the leadership team of {point.unit_code})"
        )
    now = app.clock.now()
    team = leadership_team(app, point.unit_code, now)
    if by.user_id not in team:
        raise Forbidden("Art. 14: " + not_held(by.user_id, Role.LEADER, point.unit_code))
    cast = point.vote(
        by.user_id,
        in_favour,
        team=team,
        quorum=app.rules.quorum,
        comment=comment,
        at=now,
    )
    if cast:
        app.save(point)
    return cast


# -- publication 公示, objections 异议, force 生效 (Art. 10) ------------------------------------


def publish(
    app: RegisterApplication, risk_point_id: UUID, by: Principal, days: int | None
) -> datetime:
    """Publish an approved risk point 公示 (Art. 10); return when the period ends."""
    point = app.get_risk_point(risk_point_id)
    ends_at = point.publish(days or app.rules.publication_days, by=by.user_id, at=app.clock.now())
    app.save(point)
    return ends_at


def record_objection(
    app: RegisterApplication, risk_point_id: UUID, raised_by: str, text: str, by: Principal
) -> int:
    """Record an objection raised during publication 公示异议 (Art. 10)."""
    point = app.get_risk_point(risk_point_id)
    number = point.record_objection(raised_by, text, by=by.user_id, at=app.clock.now())
    app.save(point)
    return number


def answer_objection(
    app: RegisterApplication, risk_point_id: UUID, number: int, answer: str, by: Principal
) -> None:
    """Answer an objection before the risk point goes into force (Art. 10)."""
    point = app.get_risk_point(risk_point_id)
    point.answer_objection(number, answer, by=by.user_id, at=app.clock.now())
    app.save(point)


def bring_into_force(app: RegisterApplication, risk_point_id: UUID, by: Principal) -> None:
    """Put a published risk point into force once its period is over and its measures cover
    what its grade needs (Art. 10, 14, 15)."""
    point = app.get_risk_point(risk_point_id)
    point.bring_into_force(by=by.user_id, at=app.clock.now(), measures=app.rules.measures)
    app.save(point)


# -- prevention measures 防控措施 (Art. 15–20) ---------------------------------------------------


def choose_measure(
    app: RegisterApplication,
    risk_point_id: UUID,
    measure_code: str,
    *,
    detail: str,
    owner_id: str,
    due_date: date,
    by: Principal,
) -> None:
    """Choose a catalogued prevention measure for a risk point (Art. 15–20)."""
    point = app.get_risk_point(risk_point_id)
    if due_date < app.clock.now().date():
        raise Invalid("due_date", "完成时限不能早于今天 (lies in the past)")
    point.choose_measure(
        measure_code, detail, owner_id, due_date.isoformat(), by=actor_of(by), at=app.clock.now()
    )
    app.save(point)


def update_measure(
    app: RegisterApplication,
    risk_point_id: UUID,
    measure_code: str,
    status: str,
    note: str,
    by: Principal,
) -> None:
    """Record how a chosen measure stands (Art. 15)."""
    point = app.get_risk_point(risk_point_id)
    if status not in MeasureStatus.__members__.values():
        statuses = ", ".join(s.value for s in MeasureStatus)
        raise Invalid("status", f"落实情况须为以下之一：{statuses} (must be one of {statuses})")
    point.update_measure(
        measure_code, MeasureStatus(status), note, by=actor_of(by), at=app.clock.now(),
        rule=app.rules.measures,
    )  # fmt: skip
    app.save(point)


def verify_measure(
    app: RegisterApplication,
    risk_point_id: UUID,
    measure_code: str,
    accepted: bool,
    note: str,
    by: Principal,
) -> bool:
    """Verify a measure reported done 核验落实, by someone other than its owner (Art. 15)."""
    point = app.get_risk_point(risk_point_id)
    verdict = point.verify_measure(
        measure_code, accepted, note.strip(), by=actor_of(by, "leader"), at=app.clock.now()
    )
    app.save(point)
    return verdict


# -- revision 动态修正 (Art. 14, 30) -------------------------------------------------------------


def take_revision_request(
    app: RegisterApplication,
    requested: RevisionRequested,
    processing_event: ProcessingEvent[UUID],
) -> None:
    """Reopen a risk point an inspection found wanting 动态修正 (Art. 30); once per request."""
    data = requested.data
    point = app.find(data.risk_point_id, RiskPoint)
    if point is None:
        raise Rejected(f"no risk point {data.risk_point_id} in this register")
    if point.unit_code != data.unit_code:
        raise Rejected(
            f"risk point {data.risk_point_id} is {point.unit_code}'s, not {data.unit_code}'s"
        )
    reopened = point.reopen(
        request_id=data.request_id, aspects=list(data.aspects), finding=data.finding,
        inspection_id=data.inspection_id, finding_id=data.finding_id,
        revise_by=data.revise_by, requested_by=data.actor.model_dump(), at=app.clock.now(),
        request_event_id=requested.id,
    )  # fmt: skip
    if reopened:
        processing_event.collect_events(point)


def revise_content(
    app: RegisterApplication, risk_point_id: UUID, revised: RevisedContent, by: Principal
) -> None:
    """Change category, description, manifestations, focus; grade and approve anew (Art. 30)."""
    point = app.get_risk_point(risk_point_id)
    _check_category(revised.category, "category")
    if not revised.description.strip():
        raise Invalid("description", DESCRIBE_THE_RISK)
    manifestations = _manifestations(revised.manifestations)
    point.revise_content(
        category=revised.category, description=revised.description.strip(),
        manifestations=manifestations, focus=revised.focus, reason=revised.reason.strip(),
        by=actor_of(by), at=app.clock.now(),
    )  # fmt: skip
    app.save(point)


def resubmit(app: RegisterApplication, risk_point_id: UUID, reason: str, by: Principal) -> None:
    """Send a revised point whose grade stands to the leadership team again (Art. 14, 30)."""
    point = app.get_risk_point(risk_point_id)
    point.resubmit(reason=reason.strip(), by=actor_of(by), at=app.clock.now())
    app.save(point)
