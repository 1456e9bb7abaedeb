"""A risk point's stored events, translated into the public contract (Art. 10, 14, 15, 25, 30).

A grading becomes RiskGraded; the vote that carries the team's approval RiskPointApproved; the
start of publication RiskPointPublished; force RiskPointInForce; a reopening for revision
RiskPointReopened (Art. 30); a measure verified done by
someone other than its owner MeasureVerified; the watch's overdue record MeasureOverdue (keyed by
the point, so a point's events stay in order). The other events, reminders among them, stay
internal.
Stored events name only who acted, so the actor's unit is the unit acted on and the role the one
its route requires (editor routes: office; votes: leader).
"""

from __future__ import annotations

from datetime import date

from services.register.risk_points.measures import measure
from services.register.risk_points.model import RiskPoint
from services.register.risk_points.rules import Tally
from services.register.risk_points.watch import SYSTEM_ACTOR, MeasureOverdueRecord
from shared.clock import BEIJING
from shared.events import (
    Actor,
    GradingFactors,
    MeasureOverdue,
    MeasureOverdueData,
    MeasureVerified,
    MeasureVerifiedData,
    RiskGraded,
    RiskGradedData,
    RiskPointApproved,
    RiskPointApprovedData,
    RiskPointInForce,
    RiskPointInForceData,
    RiskPointPublished,
    RiskPointPublishedData,
    RiskPointReopened,
    RiskPointReopenedData,
)
from shared.events.publish import Origin, Translations, public_envelope

translate = Translations()
"""The public event a risk point's stored event becomes, if any (Art. 10, 14)."""


@translate.of(RiskPoint.Graded)
def graded(e: RiskPoint.Graded, origin: Origin) -> RiskGraded:
    """RiskGraded, naming the information and judgement when a judgement graded it (Art. 25)
    and the point's power when it lies in one (Art. 11)."""
    data = RiskGradedData(
        **origin.stamp(e.unit_code, Actor(**e.graded_by), e.authority, e.graded_at),
        risk_point_id=e.originator_id,
        category=e.category,
        factors=GradingFactors(**e.factors),
        grade=e.grade,
        previous_grade=e.previous_grade,
        source=e.source,
        reason=e.reason,
        information_id=e.information_id,
        judgement_id=e.judgement_id,
        recommended_level=e.recommended_level,
        power_id=e.power_id,
    )
    return public_envelope(RiskGraded, e, origin, data=data)


@translate.of(RiskPoint.Voted)
def approved(e: RiskPoint.Voted, origin: Origin) -> RiskPointApproved | None:
    """RiskPointApproved: the vote that carried the leadership team's approval (Art. 14)."""
    if e.outcome != Tally.APPROVED:
        return None  # a vote that has not carried it stays internal
    by = Actor(user_id=e.member_id, role="leader", unit_code=e.unit_code)
    data = RiskPointApprovedData(
        **origin.stamp(e.unit_code, by, "Art. 14", e.cast_at),
        risk_point_id=e.originator_id,
        grade=e.grade,
        approval_round=e.approval_round,
        team_size=len(e.team),
        needed=e.needed,
        in_favour=e.in_favour_count,
        against=e.against_count,
        responsible_leader_id=e.responsible_leader_id,
    )
    return public_envelope(RiskPointApproved, e, origin, data=data)


@translate.of(RiskPoint.Published)
def published(e: RiskPoint.Published, origin: Origin) -> RiskPointPublished:
    """RiskPointPublished: publication 公示 began and when it ends (Art. 10)."""
    by = Actor(user_id=e.published_by, role="office", unit_code=e.unit_code)
    data = RiskPointPublishedData(
        **origin.stamp(e.unit_code, by, "Art. 10", e.starts_at),
        risk_point_id=e.originator_id,
        starts_at=e.starts_at,
        ends_at=e.ends_at,
    )
    return public_envelope(RiskPointPublished, e, origin, data=data)


@translate.of(RiskPoint.BroughtIntoForce)
def in_force(e: RiskPoint.BroughtIntoForce, origin: Origin) -> RiskPointInForce:
    """RiskPointInForce: the period is over, every objection answered (Art. 10)."""
    by = Actor(user_id=e.by, role="office", unit_code=e.unit_code)
    data = RiskPointInForceData(
        **origin.stamp(e.unit_code, by, "Art. 10", e.at),
        risk_point_id=e.originator_id,
        objections_answered=e.objections,
    )
    return public_envelope(RiskPointInForce, e, origin, data=data)


@translate.of(RiskPoint.Reopened)
def reopened(e: RiskPoint.Reopened, origin: Origin) -> RiskPointReopened | None:
    """RiskPointReopened: an inspection's request sent the point back to its unit (Art. 30).

    The actor is who asked (the inspection's RevisionRequested). A reopening stored before its
    unit and request were kept stays internal: it cannot name them honestly.
    """
    if e.unit_code is None or e.request_event_id is None or e.status_before is None:
        return None
    data = RiskPointReopenedData(
        **origin.stamp(e.unit_code, Actor(**e.requested_by), "Art. 30", e.at),
        risk_point_id=e.originator_id,
        request_id=e.request_id,
        request_event_id=e.request_event_id,
        inspection_id=e.inspection_id,
        finding_id=e.finding_id,
        aspects=tuple(e.aspects),
        finding=e.finding,
        revise_by=e.revise_by,
        status_before=e.status_before,
        grade=e.grade,
    )
    return public_envelope(RiskPointReopened, e, origin, data=data)


@translate.of(RiskPoint.MeasureVerified)
def measure_verified(e: RiskPoint.MeasureVerified, origin: Origin) -> MeasureVerified:
    """MeasureVerified: done, confirmed by someone other than the owner (Art. 15)."""
    due = date.fromisoformat(e.due_date)
    data = MeasureVerifiedData(
        **origin.stamp(e.unit_code, Actor(**e.verified_by), "Art. 14, 15", e.at),
        risk_point_id=e.originator_id,
        measure_code=e.measure_code,
        measure_category=measure(e.measure_code).category,
        owner_id=e.owner_id,
        due_date=due,
        reported_by=e.reported_by,
        reported_at=e.reported_at,
        on_time=e.reported_at.astimezone(BEIJING).date() <= due,
        note=e.note,
    )
    return public_envelope(MeasureVerified, e, origin, data=data)


@translate.of(MeasureOverdueRecord.Recorded)
def measure_overdue(e: MeasureOverdueRecord.Recorded, origin: Origin) -> MeasureOverdue:
    """MeasureOverdue: outstanding at the end of its due date, the point's unit's (Art. 15)."""
    by = Actor(**SYSTEM_ACTOR, unit_code=e.unit_code)
    data = MeasureOverdueData(
        **origin.stamp(e.unit_code, by, "Art. 14, 15", e.detected_at),
        risk_point_id=e.risk_point_id,
        grade=e.grade,
        measure_code=e.measure_code,
        measure_category=measure(e.measure_code).category,
        owner_id=e.owner_id,
        due_date=date.fromisoformat(e.due_date),
        detected_at=e.detected_at,
    )
    return public_envelope(MeasureOverdue, e, origin, data=data, subject=str(e.risk_point_id))
