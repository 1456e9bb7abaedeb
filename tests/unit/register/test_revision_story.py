"""Revision 动态修正 told as a story, on every store we support (Art. 14, 30).

An inspection finds that 太和镇's risk point on the building-permit survey, though in force, is
wrong: the risk is worse than written, the grade too low, the measures not working. The assessment
service asks for a revision; the register reopens the point; the office rewrites it, re-grades it
and changes its measures; the leadership team approves it again. Nothing earlier is lost.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING
from uuid import UUID, uuid4

import pytest

from services.register.app import RegisterApplication
from services.register.contract import translate
from services.register.risk_points.handlers import RevisedContent
from services.register.risk_points.model import Focus, RiskStatus
from shared.application import Rejected
from shared.auth import Principal, Role
from shared.clock import ManualClock
from shared.errors import Conflict, Invalid
from shared.events import RiskGraded, RiskPointReopened
from shared.events.publish import Origin
from shared.vocabulary import Grade, GradeSource
from tests.support.stores import InMemory, OnSQLite
from tests.unit.register.judging import feed
from tests.unit.register.revising import revision_requested
from tests.unit.register.stories import RegisterStoryBase, approved_point
from tests.unit.register.test_register_story import STEPS

if TYPE_CHECKING:
    pass

OFFICE = Principal("u-th-office", frozenset({Role.OFFICE}), "QX-TH", "太和镇预防腐败室")
SECRETARY = Principal("u-taihe-secretary", frozenset({Role.LEADER}), "QX-TH")
MAYOR = Principal("u-taihe-mayor", frozenset({Role.LEADER}), "QX-TH")
ORIGIN = Origin("/lianfang/district/register", "district")
ORDINARY = {"importance": 3, "discretion": 3, "probability": 3, "harm": 3}
SERIOUS = {"importance": 4, "discretion": 4, "probability": 4, "harm": 4}
ASSESSMENT = "lianfang.assessment"


class RevisionStory(RegisterStoryBase):
    """Re-told per store: memory and SQLite here, PostgreSQL in tests/integration."""

    def _in_force(self, app: RegisterApplication, clock: ManualClock) -> UUID:
        """A point graded medium, approved, published, in force, with measures from two
        categories (as 中 needs, Art. 14)."""
        point_id = approved_point(app, STEPS, ORDINARY, "初次评定")
        app.choose_measure(
            point_id, "business_process.1", detail="踏勘两人以上", owner_id="u-th-office",
            due_date=date(2026, 3, 1), by=OFFICE,
        )  # fmt: skip
        app.choose_measure(
            point_id, "system_mechanism.3", detail="审核与审批分设", owner_id="u-th-office",
            due_date=date(2026, 3, 1), by=OFFICE,
        )  # fmt: skip
        app.publish(point_id, OFFICE, days=5)
        clock.advance(timedelta(days=6))
        app.bring_into_force(point_id, OFFICE)
        return point_id

    def test_art_30_a_revision_request_reopens_the_point_once(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        granted = app.count_receipts()  # the directory's posts, taken in before the test
        point_id = self._in_force(app, clock)
        request = revision_requested(point_id, clock.now())
        feed(app, request, ASSESSMENT)
        point = app.get_risk_point(point_id)
        # Back to the unit: what was approved no longer stands until approved again.
        assert point.status is RiskStatus.DRAFT
        assert (point.in_force_since, point.approved_at, point.votes) == (None, None, {})
        assert [r.request_id for r in point.open_revisions] == [request.data.request_id]
        assert point.revisions[0].aspects == ("content", "grade", "measures")
        assert point.revisions[0].requested_by["user_id"] == "u-qx-inspector"
        [row] = app.list_risk_points("QX-TH")
        assert (row.status, row.under_revision, row.grade) == (
            RiskStatus.DRAFT, True, Grade.MEDIUM
        )  # fmt: skip

        # The relay re-sends the same record; another copy of the request comes under a new id.
        version = point.version
        feed(app, request, ASSESSMENT)
        again = revision_requested(point_id, clock.now(), request_id=request.data.request_id)
        feed(app, again, ASSESSMENT)
        point = app.get_risk_point(point_id)
        assert (point.version, len(point.revisions)) == (version, 1)
        assert app.count_receipts() == granted + 2  # two distinct events taken in, one revision

        # The reopening is published once, citing the request (Art. 30), so the warning and
        # assessment services and the case timeline see the point is no longer in force.
        published = [translate(s, ORIGIN) for s in app.events.get(point_id)]
        [reopened] = [e for e in published if isinstance(e, RiskPointReopened)]
        d = reopened.data
        assert (d.risk_point_id, d.request_id, d.request_event_id) == (
            point_id, request.data.request_id, request.id
        )  # fmt: skip
        assert (d.status_before, d.grade, d.unit_code, d.authority) == (
            "in_force", Grade.MEDIUM, "QX-TH", "Art. 30"
        )  # fmt: skip
        assert (d.actor.user_id, d.aspects) == ("u-qx-inspector", ("content", "grade", "measures"))
        assert d.occurred_at == clock.now()

    def test_art_30_content_grade_and_measures_change_through_the_same_approval(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        point_id = self._in_force(app, clock)
        # Nothing changes an in-force point's content without a revision request.
        revised = RevisedContent(
            category="post_duty", description="踏勘、审核由同一人完成且无人复核",
            manifestations=["出具虚假踏勘意见", "与申请人串通"], reason="检查发现风险描述不全",
            focus=Focus(key_post_or_link=True, past_violation=True),
        )  # fmt: skip
        with pytest.raises(Conflict):
            app.revise_content(point_id, revised, OFFICE)
        feed(app, revision_requested(point_id, clock.now()), ASSESSMENT)
        with pytest.raises(Conflict):
            app.vote(point_id, True, "同意", SECRETARY)  # nothing awaits approval yet

        app.revise_content(point_id, revised, OFFICE)
        app.update_measure(point_id, "business_process.1", "withdrawn", "未落实，改换措施", OFFICE)
        app.choose_measure(
            point_id, "post_duty.1", detail="踏勘与审核分岗", owner_id="u-th-office",
            due_date=date(2026, 4, 1), by=OFFICE,
        )  # fmt: skip
        regraded = app.grade_risk_point(
            point_id, SERIOUS, reason="检查发现等级偏低", responsible_leader_id="u-taihe-mayor",
            by=OFFICE,
        )  # fmt: skip
        assert regraded is Grade.HIGH

        point = app.get_risk_point(point_id)
        assert point.status is RiskStatus.GRADED
        assert point.round == 2
        app.vote(point_id, True, "同意", SECRETARY)
        app.vote(point_id, True, "同意", MAYOR)
        point = app.get_risk_point(point_id)
        assert point.status is RiskStatus.APPROVED
        assert point.open_revisions == []
        assert point.revisions[0].closed_at == point.approved_at

        # History is kept: the old content, both gradings, the withdrawn measure.
        assert point.description == "踏勘、审核由同一人完成且无人复核"
        assert [c.description for c in point.earlier_content] == ["现场踏勘由一人完成"]
        assert point.earlier_content[0].category == "business_process"
        assert [g.grade for g in point.gradings] == [Grade.MEDIUM, Grade.HIGH]
        assert {c: m.status.value for c, m in point.measures.items()} == {
            "business_process.1": "withdrawn", "system_mechanism.3": "planned",
            "post_duty.1": "planned",
        }  # fmt: skip
        published = (translate(s, ORIGIN) for s in app.events.get(point_id))
        graded = [e for e in published if isinstance(e, RiskGraded)]
        last = graded[-1]
        assert last.data.source is GradeSource.REVISION
        assert last.data.category.value == "post_duty"
        assert (last.data.previous_grade, last.data.grade) == (Grade.MEDIUM, Grade.HIGH)
        assert last.data.authority == "Art. 30"

    def test_art_30_a_revision_that_keeps_the_grade_is_resubmitted_to_the_team(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        point_id = self._in_force(app, clock)
        with pytest.raises(Conflict):
            app.resubmit(point_id, "措施已调整", OFFICE)  # nothing was reopened
        feed(app, revision_requested(point_id, clock.now(), aspects=("measures",)), ASSESSMENT)
        app.choose_measure(
            point_id, "business_process.2", detail="全程留痕", owner_id="u-th-office",
            due_date=date(2026, 4, 1), by=OFFICE,
        )  # fmt: skip
        with pytest.raises(Invalid) as caught:
            app.resubmit(point_id, " ", OFFICE)
        assert caught.value.field == "reason"
        app.resubmit(point_id, "增加全程留痕措施", OFFICE)
        assert app.get_risk_point(point_id).status is RiskStatus.GRADED
        app.vote(point_id, True, "同意", SECRETARY)
        app.vote(point_id, True, "同意", MAYOR)
        point = app.get_risk_point(point_id)
        assert (point.status, point.grade, len(point.gradings)) == (
            RiskStatus.APPROVED, Grade.MEDIUM, 1
        )  # fmt: skip
        assert not app.list_risk_points("QX-TH")[0].under_revision

    def test_art_30_requests_for_unknown_or_foreign_points_are_dead_letters(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        granted = app.count_receipts()  # the directory's posts, taken in before the test
        point_id = self._in_force(app, clock)
        with pytest.raises(Rejected):
            feed(app, revision_requested(uuid4(), clock.now()), ASSESSMENT)
        with pytest.raises(Rejected):
            feed(app, revision_requested(point_id, clock.now(), unit_code="QX-TP"), ASSESSMENT)
        assert app.get_risk_point(point_id).status is RiskStatus.IN_FORCE
        assert app.count_receipts() == granted


class TestRevisionInMemory(InMemory, RevisionStory):
    pass


class TestRevisionSQLite(OnSQLite, RevisionStory):
    pass
