"""The register's stored events, translated into the public contract (Art. 5–7, 10–14, 25, 30)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, TypedDict

from services.register.domain import ReportedInformation
from services.register.org_units import OrgUnitEntry
from services.register.powers import PowerItem
from services.register.risk_points.model import RiskPoint
from services.register.risk_points.rules import Tally
from shared.events import (
    Actor,
    GradingFactors,
    JudgementMade,
    JudgementMadeData,
    OrgUnitChanged,
    OrgUnitChangedData,
    OrgUnitRegistered,
    OrgUnitRegisteredData,
    PowerCatalogued,
    PowerCataloguedData,
    PowerCharted,
    PowerChartedData,
    RiskGraded,
    RiskGradedData,
    RiskPointApproved,
    RiskPointApprovedData,
    RiskPointInForce,
    RiskPointInForceData,
    RiskPointPublished,
    RiskPointPublishedData,
)
from shared.events.publish import public_envelope
from shared.events.register import JudgedReportingBreach

if TYPE_CHECKING:
    from uuid import UUID

    from eventsourcing.domain import DomainEventProtocol

    from shared.events import CloudEvent
    from shared.events.publish import Origin


class Common(TypedDict):
    """The fields every public register event's data begins with."""

    schema_version: Literal[1]
    unit_code: str
    node_id: str
    actor: Actor
    authority: str


def translate(domain_event: DomainEventProtocol[UUID], origin: Origin) -> CloudEvent | None:
    """A grading becomes RiskGraded, a judgement JudgementMade, a unit OrgUnitRegistered or
    OrgUnitChanged, an identification milestone its own event (`_milestone`); the rest stays
    internal."""
    if isinstance(domain_event, RiskPoint.Graded):
        return _graded(domain_event, origin)
    if isinstance(domain_event, ReportedInformation.Judged):
        return _judged(domain_event, origin)
    if isinstance(domain_event, OrgUnitEntry.Registered | OrgUnitEntry.Changed):
        return _unit(domain_event, origin)
    return _milestone(domain_event, origin)


def _graded(e: RiskPoint.Graded, origin: Origin) -> RiskGraded:
    """RiskGraded, naming the information and judgement when a judgement graded it (Art. 25)."""
    data = RiskGradedData(
        schema_version=1,
        unit_code=e.unit_code,
        node_id=origin.node_id,
        actor=Actor(**e.graded_by),
        authority=e.authority,
        occurred_at=e.graded_at,
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
    )
    return public_envelope(RiskGraded, e, origin, time=e.graded_at, data=data)


def _judged(e: ReportedInformation.Judged, origin: Origin) -> JudgementMade:
    """JudgementMade, with the judgement's stored id and any Art. 23 finding (Art. 23, 25)."""
    breach = JudgedReportingBreach.model_validate(e.breach) if e.breach else None
    data = JudgementMadeData(
        schema_version=1,
        unit_code=e.unit_code,
        node_id=origin.node_id,
        actor=Actor(**e.judged_by),
        authority="Art. 25" if breach is None else "Art. 23, 25",
        occurred_at=e.judged_at,
        judgement_id=e.judgement_id,
        information_id=e.originator_id,
        risk_point_id=e.risk_point_id,
        verdict=e.verdict,
        recommended_level=e.recommended_level,
        reasoning=e.reasoning,
        reporting_breach=breach,
    )
    return public_envelope(JudgementMade, e, origin, time=e.judged_at, data=data)


def _unit(
    e: OrgUnitEntry.Registered | OrgUnitEntry.Changed, origin: Origin
) -> OrgUnitRegistered | OrgUnitChanged:
    """The unit as it now stands, so other services' read models replace their copy (Art. 5–7)."""
    if isinstance(e, OrgUnitEntry.Registered):
        by, at = e.registered_by, e.registered_at
    else:
        by, at = e.changed_by, e.changed_at
    state = {
        "schema_version": 1,
        "unit_code": e.code,
        "node_id": origin.node_id,
        "actor": Actor(**by),
        "authority": "Art. 5",
        "occurred_at": at,
        "code": e.code,
        "name": e.name,
        "kind": e.kind,
        "parent_code": e.parent_code,
        "managing_node_id": e.managing_node_id,
        "principal_leader_id": e.principal_leader_id,
        "leadership_team_ids": tuple(e.leadership_team_ids),
        "business_department": e.business_department,
    }
    if isinstance(e, OrgUnitEntry.Registered):
        data = OrgUnitRegisteredData(**state)
        return public_envelope(OrgUnitRegistered, e, origin, time=at, data=data, subject=e.code)
    changed = OrgUnitChangedData(**state, changed=tuple(e.changed))
    return public_envelope(OrgUnitChanged, e, origin, time=at, data=changed, subject=e.code)


def _milestone(e: DomainEventProtocol[UUID], origin: Origin) -> CloudEvent | None:
    """The identification milestones (Art. 10, 11, 14); None for the events that stay internal."""
    if isinstance(e, PowerItem.Catalogued):
        return _catalogued(e, origin)
    if isinstance(e, PowerItem.FlowchartDrawn):
        return _charted(e, origin)
    if isinstance(e, RiskPoint.Voted) and e.outcome == Tally.APPROVED:
        return _approved(e, origin)
    if isinstance(e, RiskPoint.Published):
        return _published(e, origin)
    if isinstance(e, RiskPoint.BroughtIntoForce):
        return _in_force(e, origin)
    return None


def _common(unit_code: str, origin: Origin, user_id: str, role: str, authority: str) -> Common:
    """The common fields; stored events name only who acted, so the actor's unit is the unit
    acted on, and the role the one its route requires (editor routes: office; votes: leader)."""
    return Common(
        schema_version=1,
        unit_code=unit_code,
        node_id=origin.node_id,
        actor=Actor(user_id=user_id, role=role, unit_code=unit_code),
        authority=authority,
    )


def _catalogued(e: PowerItem.Catalogued, origin: Origin) -> PowerCatalogued:
    """PowerCatalogued: a power entered the catalogue 职权目录 (Art. 11)."""
    data = PowerCataloguedData(
        **_common(e.unit_code, origin, e.catalogued_by, "office", "Art. 11"),
        occurred_at=e.catalogued_at,
        power_id=e.originator_id,
        name=e.name,
        kind=e.kind,
        legal_basis=e.legal_basis,
        posts=tuple(e.posts),
    )
    return public_envelope(PowerCatalogued, e, origin, time=e.catalogued_at, data=data)


def _charted(e: PowerItem.FlowchartDrawn, origin: Origin) -> PowerCharted:
    """PowerCharted: a version of the power's flowchart 权力运行流程图 was drawn (Art. 11)."""
    data = PowerChartedData(
        **_common(e.unit_code, origin, e.drawn_by, "office", "Art. 11"),
        occurred_at=e.drawn_at,
        power_id=e.originator_id,
        flowchart_version=e.version,
        steps=len(e.steps),
    )
    return public_envelope(PowerCharted, e, origin, time=e.drawn_at, data=data)


def _approved(e: RiskPoint.Voted, origin: Origin) -> RiskPointApproved:
    """RiskPointApproved: the vote that carried the leadership team's approval (Art. 14)."""
    data = RiskPointApprovedData(
        **_common(e.unit_code, origin, e.member_id, "leader", "Art. 14"),
        occurred_at=e.cast_at,
        risk_point_id=e.originator_id,
        grade=e.grade,
        approval_round=e.approval_round,
        team_size=len(e.team),
        needed=e.needed,
        in_favour=e.in_favour_count,
        against=e.against_count,
        responsible_leader_id=e.responsible_leader_id,
    )
    return public_envelope(RiskPointApproved, e, origin, time=e.cast_at, data=data)


def _published(e: RiskPoint.Published, origin: Origin) -> RiskPointPublished:
    """RiskPointPublished: publication 公示 began and when it ends (Art. 10)."""
    data = RiskPointPublishedData(
        **_common(e.unit_code, origin, e.published_by, "office", "Art. 10"),
        occurred_at=e.starts_at,
        risk_point_id=e.originator_id,
        starts_at=e.starts_at,
        ends_at=e.ends_at,
    )
    return public_envelope(RiskPointPublished, e, origin, time=e.starts_at, data=data)


def _in_force(e: RiskPoint.BroughtIntoForce, origin: Origin) -> RiskPointInForce:
    """RiskPointInForce: the period is over, every objection answered (Art. 10)."""
    data = RiskPointInForceData(
        **_common(e.unit_code, origin, e.by, "office", "Art. 10"),
        occurred_at=e.at,
        risk_point_id=e.originator_id,
        objections_answered=e.objections,
    )
    return public_envelope(RiskPointInForce, e, origin, time=e.at, data=data)
