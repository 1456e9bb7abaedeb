"""The register publishes its identification milestones, each once (Art. 10, 11, 14).

太和镇 (QX-TH) catalogues a power, charts it twice, grades a risk point on it, has the
leadership team (secretary, mayor, discipline secretary: a majority is 2 of 3) approve it,
publishes it, answers an objection and puts it in force. Every stored event goes through the
register's `translate`, as the outbox relay does, and the milestones it yields are checked.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

import pytest

from services.register.app import RegisterApplication
from services.register.catalogue.handlers import PowerDraft
from services.register.contract import translate
from services.register.risk_points.handlers import RiskPointDraft
from shared.auth import Principal, Role
from shared.clock import ManualClock
from shared.events import (
    CloudEvent,
    PowerCatalogued,
    PowerCharted,
    RiskGraded,
    RiskPointApproved,
    RiskPointInForce,
    RiskPointPublished,
    parse_event,
)
from shared.events.publish import Origin
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED
from shared.vocabulary import Grade
from tests.support.directory import grant_test_posts

if TYPE_CHECKING:
    from collections.abc import Iterator
    from uuid import UUID

OFFICE = Principal("u-th-office", frozenset({Role.OFFICE}), "QX-TH", "太和镇预防腐败室")
SECRETARY = Principal("u-taihe-secretary", frozenset({Role.LEADER}), "QX-TH")
MAYOR = Principal("u-taihe-mayor", frozenset({Role.LEADER}), "QX-TH")
DISCIPLINE = Principal("u-taihe-discipline", frozenset({Role.LEADER}), "QX-TH")
ORIGIN = Origin("/lianfang/district/register", "district")
ORDINARY = {"importance": 3, "discretion": 3, "probability": 3, "harm": 3}
SERIOUS = {"importance": 4, "discretion": 4, "probability": 4, "harm": 4}
STEPS: list[dict[str, Any]] = [
    {"key": "accept", "name": "受理", "post": "窗口受理岗", "time_limit_days": 1,
     "discretion": False},
    {"key": "survey", "name": "现场踏勘", "post": "规划建设办审核岗", "time_limit_days": 5,
     "discretion": True, "checks": ["两人以上踏勘"]},
]  # fmt: skip
MILESTONES = (PowerCatalogued, PowerCharted, RiskPointApproved, RiskPointPublished,
              RiskPointInForce)  # fmt: skip


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def app(clock: ManualClock) -> Iterator[RegisterApplication]:
    app = RegisterApplication(
        {"PERSISTENCE_MODULE": "eventsourcing.popo"},
        clock=clock,
        org=OrgDirectory.from_json(DEFAULT_ORG_SEED),
    )
    grant_test_posts(app)  # the leaders hold the leader grant (Art. 14)
    yield app
    app.close()


def published(app: RegisterApplication) -> list[CloudEvent]:
    """What the outbox relay would put on Kafka: every stored event, translated."""
    notes = app.recorder.select_notifications(start=None, limit=10**6)
    out = [translate(app.mapper.to_domain_event(n), ORIGIN) for n in notes]
    return [e for e in out if e is not None]


def of(app: RegisterApplication, kind: type[CloudEvent]) -> list[Any]:
    return [e for e in published(app) if isinstance(e, kind)]


def charted_point(app: RegisterApplication) -> tuple[UUID, UUID]:
    draft = PowerDraft("QX-TH", "农村村民住宅建设审批", "licensing",
                       "《中华人民共和国土地管理法》第六十二条", ["规划建设办审核岗"])  # fmt: skip
    power_id = app.catalogue_power(draft, OFFICE)
    app.draw_flowchart(power_id, STEPS, OFFICE)
    app.draw_flowchart(power_id, [STEPS[0], {**STEPS[1], "checks": ["分管领导复核"]}], OFFICE)
    point_id = app.identify_risk_point(
        RiskPointDraft("QX-TH", "规划建设办审核岗", "business_process",
                       "现场踏勘由一人完成，结论无人复核", ["出具虚假踏勘意见"],
                       power_id=power_id, step_key="survey"),
        OFFICE,
    )  # fmt: skip
    app.grade_risk_point(point_id, ORDINARY, reason="初次评定",
                         responsible_leader_id="u-taihe-mayor", by=OFFICE)  # fmt: skip
    return power_id, point_id


def test_each_milestone_is_published_once_with_its_data(
    app: RegisterApplication, clock: ManualClock
) -> None:
    power_id, point_id = charted_point(app)
    app.vote(point_id, True, "同意", SECRETARY)
    assert of(app, RiskPointApproved) == []  # 1 of the 2 votes needed: still open
    app.vote(point_id, True, "同意", MAYOR)
    app.vote(point_id, True, "同意", MAYOR)  # a repeat records nothing
    start = clock.now()
    app.publish(point_id, OFFICE, days=5)
    app.record_objection(point_id, "村民甲", "踏勘应有村委会人员在场", OFFICE)
    app.answer_objection(point_id, 1, "已增加村委会人员参与踏勘", OFFICE)
    due = clock.now().date() + timedelta(days=60)
    for code in ("business_process.1", "post_duty.3"):  # 中 needs two categories (Art. 14)
        app.choose_measure(
            point_id, code, detail="按目录落实", owner_id="u-th-office", due_date=due, by=OFFICE
        )
    clock.advance(timedelta(days=5))
    app.bring_into_force(point_id, OFFICE)

    (catalogued,) = of(app, PowerCatalogued)
    c = catalogued.data
    assert (c.power_id, c.unit_code, c.kind, c.name) == (power_id, "QX-TH", "licensing",
                                                         "农村村民住宅建设审批")  # fmt: skip
    assert (c.posts, c.authority, c.actor.user_id) == (
        ("规划建设办审核岗",),
        "Art. 11",
        "u-th-office",
    )
    charts = of(app, PowerCharted)
    assert [(e.data.power_id, e.data.flowchart_version, e.data.steps) for e in charts] == [
        (power_id, 1, 2), (power_id, 2, 2)]  # fmt: skip
    (approved,) = of(app, RiskPointApproved)
    a = approved.data
    assert (a.risk_point_id, a.grade, a.approval_round) == (point_id, Grade.MEDIUM, 1)
    assert (a.team_size, a.needed, a.in_favour, a.against) == (3, 2, 2, 0)
    assert (a.responsible_leader_id, a.actor.user_id, a.actor.role) == (
        "u-taihe-mayor", "u-taihe-mayor", "leader")  # fmt: skip
    assert a.authority == "Art. 14"
    (publication,) = of(app, RiskPointPublished)
    p = publication.data
    assert (p.risk_point_id, p.starts_at, p.ends_at) == (point_id, start, start + timedelta(days=5))
    (in_force,) = of(app, RiskPointInForce)
    f = in_force.data
    assert (f.risk_point_id, f.objections_answered, f.occurred_at) == (point_id, 1, clock.now())
    # Every milestone is keyed by its aggregate, goes through the contract's parser unchanged,
    # and carries the same ce_id however often the relay translates it.
    milestones = [e for e in published(app) if isinstance(e, MILESTONES)]
    assert len(milestones) == 6
    assert {e.subject for e in milestones} == {str(power_id), str(point_id)}
    for event in milestones:
        assert parse_event(event.model_dump(mode="json")) == event
    again = [e for e in published(app) if isinstance(e, MILESTONES)]
    assert [e.id for e in again] == [e.id for e in milestones]
    assert len({e.id for e in milestones}) == 6


def test_a_new_grade_is_approved_again_and_a_rejection_publishes_nothing(
    app: RegisterApplication,
) -> None:
    _, point_id = charted_point(app)
    # First round: two against; a majority can no longer be reached, the round is rejected.
    app.vote(point_id, False, "等级偏低", SECRETARY)
    app.vote(point_id, False, "等级偏低", DISCIPLINE)
    assert of(app, RiskPointApproved) == []
    # Re-graded higher: a new round, approved 2 to 1 on the third vote.
    app.grade_risk_point(point_id, SERIOUS, reason="班子意见：提高等级",
                         responsible_leader_id="u-taihe-secretary", by=OFFICE)  # fmt: skip
    app.vote(point_id, False, "保留意见", DISCIPLINE)
    app.vote(point_id, True, "同意", SECRETARY)
    assert of(app, RiskPointApproved) == []
    app.vote(point_id, True, "同意", MAYOR)
    (approved,) = of(app, RiskPointApproved)
    a = approved.data
    assert (a.grade, a.approval_round, a.in_favour, a.against) == (Grade.HIGH, 2, 2, 1)
    assert a.responsible_leader_id == "u-taihe-secretary"
    assert a.actor.user_id == "u-taihe-mayor"  # the vote that carried it
    # Not published, so neither publication nor force; the gradings stay RiskGraded.
    assert of(app, RiskPointPublished) == of(app, RiskPointInForce) == []
    assert [e.data.grade for e in of(app, RiskGraded)] == [Grade.MEDIUM, Grade.HIGH]
