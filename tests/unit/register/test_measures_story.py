"""Measures by grade, verified by another, watched to their due dates: a story (Art. 14, 15).

第十四条: "对不同等级的廉政风险实行分级管理，采取有针对性的管理措施，级别越高的风险，采取的管理措施
应更加严格有力。" 第十五条: "根据不同类型风险点，制定和实施有针对性的预防措施，防止廉政风险发生。"

太和镇 (QX-TH) grades its building-permit survey risk 高. Before it goes into force its measures
must come from three categories, each with an owner and a due date (中 two, 低 one). An owner
reports a measure done; someone else verifies it. The register's tick reminds the owner a week
before a due date and records a measure still outstanding at the end of it as overdue, once.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

import pytest

from services.register.app import RegisterApplication
from services.register.contract import translate
from services.register.risk_points.measures import MeasureStatus
from services.register.risk_points.model import RiskStatus
from services.register.risk_points.rules import MeasuresRule, RegisterRules
from shared.auth import Principal, Role
from shared.clock import BEIJING, ManualClock
from shared.errors import Conflict, Forbidden, Invalid
from shared.events import MeasureOverdue, MeasureVerified, parse_event
from shared.events.publish import Origin
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED
from shared.vocabulary import Grade
from tests.support.directory import grant_test_posts
from tests.support.stores import InMemory, OnSQLite
from tests.unit.register.stories import (
    DISCIPLINE,
    OFFICE,
    ORDINARY,
    SERIOUS,
    RegisterStoryBase,
    approved_point,
)
from tests.unit.register.test_register_story import STEPS

if TYPE_CHECKING:
    from uuid import UUID

ORIGIN = Origin("/lianfang/town-taihe/register", "town-taihe")
LOW = {"importance": 2, "discretion": 2, "probability": 2, "harm": 2}


class MeasuresStory(RegisterStoryBase):
    """Re-told per store: memory and SQLite here, PostgreSQL in tests/integration."""

    def _published(self, app: RegisterApplication, factors: dict[str, int]) -> UUID:
        """A point graded from `factors`, approved and published for 5 days (Art. 10, 14)."""
        point_id = approved_point(app, STEPS, factors, "排查评定")
        app.publish(point_id, OFFICE, days=5)
        return point_id

    def _choose(
        self, app: RegisterApplication, point_id: UUID, code: str, due: date, owner: str
    ) -> None:
        app.choose_measure(
            point_id, code, detail="按目录落实", owner_id=owner, due_date=due, by=OFFICE
        )

    # -- Art. 14: the higher the grade, the more categories before force -------------------

    def test_art_14_a_high_point_goes_into_force_only_with_measures_from_three_categories(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        """ "级别越高的风险，采取的管理措施应更加严格有力" (Art. 14): 高 needs three categories."""
        point_id = self._published(app, SERIOUS)
        due = clock.now().date() + timedelta(days=90)
        clock.advance(timedelta(days=5))
        # Publication is over and nothing is objected to, but there are no measures.
        with pytest.raises(Conflict) as caught:
            app.bring_into_force(point_id, OFFICE)
        assert "Art. 14, 15" in str(caught.value)
        assert "高-graded" in str(caught.value)
        assert "measures.high = 3" in str(caught.value)
        # Two measures of one category are still one category.
        self._choose(app, point_id, "business_process.1", due, "u-th-planning")
        self._choose(app, point_id, "business_process.2", due, "u-th-planning")
        self._choose(app, point_id, "post_duty.1", due, "u-taihe-mayor")
        with pytest.raises(Conflict) as caught:
            app.bring_into_force(point_id, OFFICE)
        assert "it has 2 (business_process, post_duty)" in str(caught.value)
        point = app.get_risk_point(point_id)
        assert (point.status, point.in_force_since) == (RiskStatus.PUBLISHED, None)  # unchanged
        self._choose(app, point_id, "external_environment.2", due, "u-taihe-discipline")
        app.bring_into_force(point_id, OFFICE)
        assert app.get_risk_point(point_id).status is RiskStatus.IN_FORCE

    def test_art_14_medium_needs_two_categories_and_low_one(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        """ "对不同等级的廉政风险实行分级管理" (Art. 14): 中 two categories, 低 one."""
        medium = self._published(app, ORDINARY)
        low = self._published(app, LOW)
        assert app.get_risk_point(low).grade is Grade.LOW
        due = clock.now().date() + timedelta(days=90)
        clock.advance(timedelta(days=5))
        self._choose(app, medium, "post_duty.2", due, "u-th-planning")
        with pytest.raises(Conflict) as caught:
            app.bring_into_force(medium, OFFICE)
        assert "中-graded" in str(caught.value)
        with pytest.raises(Conflict):
            app.bring_into_force(low, OFFICE)  # 低 still needs one (采取有针对性的管理措施)
        self._choose(app, medium, "ideology_morality.1", due, "u-th-planning")
        self._choose(app, low, "ideology_morality.1", due, "u-th-planning")
        app.bring_into_force(medium, OFFICE)
        app.bring_into_force(low, OFFICE)
        # A measure needs an owner (责任人), and a withdrawn one no longer counts: an in-force
        # point cannot drop below its grade's categories by withdrawing.
        with pytest.raises(Invalid) as invalid:
            app.choose_measure(
                medium, "post_duty.3", detail="", owner_id=" ", due_date=due, by=OFFICE
            )
        assert invalid.value.field == "owner_id"
        with pytest.raises(Conflict) as caught:
            app.update_measure(medium, "post_duty.2", "withdrawn", "改换", OFFICE)
        assert "Art. 14" in str(caught.value)
        self._choose(app, medium, "system_mechanism.1", due, "u-th-planning")
        app.update_measure(medium, "post_duty.2", "withdrawn", "改换", OFFICE)
        assert app.get_risk_point(medium).measures["post_duty.2"].status is MeasureStatus.WITHDRAWN

    def test_art_14_the_district_may_set_the_numbers_but_not_reverse_the_order(self) -> None:
        """The numbers are the district's; "级别越高…更加严格有力" (Art. 14) is the text's."""
        assert MeasuresRule(high=4, medium=2, low=1).categories_needed(Grade.HIGH) == 4
        for bad in ({"high": 2, "medium": 2, "low": 1}, {"high": 3, "medium": 2, "low": 0},
                    {"high": 6, "medium": 2, "low": 1}):  # fmt: skip
            with pytest.raises(Invalid) as caught:
                MeasuresRule(**bad)
            assert "Art. 14" in caught.value.reason or caught.value.field == "measures"

    def test_art_14_a_stricter_district_rule_is_applied(
        self, env: dict[str, str], clock: ManualClock
    ) -> None:
        rules = RegisterRules(measures=MeasuresRule(high=5, medium=3, low=2))
        org = OrgDirectory.from_json(DEFAULT_ORG_SEED)
        app = RegisterApplication(env, clock=clock, org=org, rules=rules)
        grant_test_posts(app)  # the leaders hold the leader grant (Art. 14)
        try:
            point_id = self._published(app, LOW)
            clock.advance(timedelta(days=5))
            self._choose(app, point_id, "post_duty.1", clock.now().date(), "u-th-planning")
            with pytest.raises(Conflict) as caught:
                app.bring_into_force(point_id, OFFICE)
            assert "measures.low = 2" in str(caught.value)
        finally:
            app.close()

    # -- Art. 15: done is verified by someone other than the owner -------------------------

    def test_art_15_a_measure_reported_done_is_verified_by_someone_other_than_its_owner(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        """ "制定和实施有针对性的预防措施" (Art. 15): a report of done is checked by another."""
        point_id = self._published(app, ORDINARY)
        due = clock.now().date() + timedelta(days=30)
        self._choose(app, point_id, "business_process.1", due, "u-taihe-mayor")
        owner = Principal("u-taihe-mayor", frozenset({Role.LEADER, Role.OFFICE}), "QX-TH")
        app.update_measure(point_id, "business_process.1", "done", "已实行两人踏勘", owner)
        # Setting "verified" directly is refused; so is verification by the owner.
        with pytest.raises(Conflict):
            app.update_measure(point_id, "business_process.1", "verified", "", OFFICE)
        with pytest.raises(Forbidden) as forbidden:
            app.verify_measure(point_id, "business_process.1", True, "", owner)
        assert "Art. 15" in str(forbidden.value)
        # Found not done: back to in progress, with the reasons (required).
        with pytest.raises(Invalid):
            app.verify_measure(point_id, "business_process.1", False, " ", DISCIPLINE)
        assert (
            app.verify_measure(point_id, "business_process.1", False, "仍一人踏勘", DISCIPLINE)
            is False
        )
        chosen = app.get_risk_point(point_id).measures["business_process.1"]
        assert (chosen.status, chosen.note) == (MeasureStatus.IN_PROGRESS, "仍一人踏勘")
        with pytest.raises(Conflict):
            app.verify_measure(point_id, "business_process.1", True, "", DISCIPLINE)  # not reported
        # Reported again by the office (the reporter cannot verify either), verified by another.
        clock.advance(timedelta(days=3))
        app.update_measure(point_id, "business_process.1", "done", "两人踏勘已落实", OFFICE)
        with pytest.raises(Forbidden):
            app.verify_measure(point_id, "business_process.1", True, "", OFFICE)
        assert app.verify_measure(point_id, "business_process.1", True, "抽查三宗", DISCIPLINE)
        chosen = app.get_risk_point(point_id).measures["business_process.1"]
        assert (chosen.status, chosen.verified_by) == (MeasureStatus.VERIFIED, "u-taihe-discipline")
        with pytest.raises(Conflict):
            app.update_measure(point_id, "business_process.1", "in_progress", "", OFFICE)

        # The verification leaves the register as MeasureVerified, once.
        stored = list(app.events.get(point_id))
        verified = [
            e for e in (translate(s, ORIGIN) for s in stored) if isinstance(e, MeasureVerified)
        ]
        [event] = verified
        d = event.data
        assert (d.risk_point_id, d.measure_code, d.owner_id, d.reported_by) == (
            point_id, "business_process.1", "u-taihe-mayor", "u-th-office"
        )  # fmt: skip
        assert (d.actor.user_id, d.actor.role, d.unit_code, d.authority) == (
            "u-taihe-discipline", "leader", "QX-TH", "Art. 14, 15"
        )  # fmt: skip
        assert d.on_time is True
        assert d.due_date == due
        assert parse_event(event.model_dump(mode="json")) == event

    # -- Art. 14, 15: due dates watched: a reminder before, an overdue record once ---------

    def test_art_15_due_dates_are_watched_reminder_then_overdue_once(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        """Measures "落实" by their due date: reminded a week before, overdue once after it."""
        from services.register.risk_points.watch import (
            check_measure_deadlines,
            measure_overdue_id,
        )

        point_id = self._published(app, ORDINARY)
        due = clock.now().astimezone(BEIJING).date() + timedelta(days=20)
        self._choose(app, point_id, "business_process.1", due, "u-th-planning")
        self._choose(app, point_id, "post_duty.1", due, "u-taihe-mayor")
        assert check_measure_deadlines(app) == 0  # nothing near yet
        clock.advance(timedelta(days=14))  # six days before
        assert check_measure_deadlines(app) == 2  # a reminder for each owner
        assert check_measure_deadlines(app) == 0  # once
        [reminded] = [r for r in app.measure_deadlines("QX-TH") if r.owner_id == "u-taihe-mayor"]
        assert (reminded.reminded_at, reminded.overdue_since) == (clock.now(), None)
        # post_duty.1 is reported done before its due date: the report stops the clock.
        app.update_measure(point_id, "post_duty.1", "done", "已公开", OFFICE)
        end_of_due = datetime.combine(due + timedelta(days=1), datetime.min.time(), BEIJING)
        clock.set(end_of_due - timedelta(seconds=1))
        assert check_measure_deadlines(app) == 0  # still the due date in Beijing
        clock.set(end_of_due)
        assert check_measure_deadlines(app) == 1
        assert check_measure_deadlines(app) == 0
        rows = {r.measure_code: r for r in app.measure_deadlines("QX-TH")}
        assert rows["business_process.1"].overdue_since == end_of_due
        assert rows["post_duty.1"].overdue_since is None

        # The overdue record leaves the register as MeasureOverdue, charged to the point's unit.
        record = app.repository.get(measure_overdue_id(point_id, "business_process.1", due))
        overdue = [
            e for s in app.events.get(record.id)
            if isinstance(e := translate(s, ORIGIN), MeasureOverdue)
        ]  # fmt: skip
        [event] = overdue
        d = event.data
        assert (d.unit_code, d.risk_point_id, d.measure_code, d.owner_id, d.due_date) == (
            "QX-TH", point_id, "business_process.1", "u-th-planning", due
        )  # fmt: skip
        assert (d.grade, d.authority, d.actor.user_id) == (Grade.MEDIUM, "Art. 14, 15", "system")
        assert parse_event(event.model_dump(mode="json")) == event

        # Verified late: done after the due date, the verification says so.
        app.update_measure(point_id, "business_process.1", "done", "补做", OFFICE)
        app.verify_measure(point_id, "business_process.1", True, "已补做", DISCIPLINE)
        verified = [
            e for e in (translate(s, ORIGIN) for s in app.events.get(point_id))
            if isinstance(e, MeasureVerified)
        ]  # fmt: skip
        assert [v.data.on_time for v in verified] == [False]
        assert check_measure_deadlines(app) == 0


class TestMeasuresInMemory(InMemory, MeasuresStory):
    pass


class TestMeasuresSQLite(OnSQLite, MeasuresStory):
    pass
