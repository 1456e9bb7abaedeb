"""Deadlines against the injected clock: reminders, each lapse charged once to its holder, and a
re-grade proposed for review, never a level raised (Art. 14, 28)."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

import pytest

from services.warning.app import WarningApplication
from services.warning.contract import translate
from services.warning.disposal.handlers import ReviewRecord
from services.warning.disposal.model import Decision, ProposalStatus
from services.warning.main import SPEC
from shared.auth import Principal, Role
from shared.clock import ManualClock
from shared.errors import Invalid
from shared.events import DisposalOverdue, RectificationOverdue, RegradeProposed
from shared.events.publish import Origin
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED
from shared.vocabulary import Grade
from tests.support.stores import InMemory, OnSQLite, Story, sqlite_env
from tests.unit.warning.upstream import feed, graded, judgement

if TYPE_CHECKING:
    from pathlib import Path
    from uuid import UUID

    from shared.events import CloudEvent

OFFICE = Principal("u-th-office", frozenset({Role.OFFICE}), "QX-TH")
HEAD = Principal("u-taihe-czs-head", frozenset({Role.LEADER}), "QX-TH-CZS")
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
ORIGIN = Origin("/lianfang/district/warning", "district")


def _app(env: dict[str, str], clock: ManualClock) -> WarningApplication:
    return WarningApplication(env, clock=clock, org=OrgDirectory.from_json(DEFAULT_ORG_SEED))


def _issue(app: WarningApplication, grade: Grade = Grade.LOW) -> UUID:
    """A warning about a point graded `grade`: 低 yellow, 中 orange, 高 red (Art. 28)."""
    made = judgement()
    assert made.data.risk_point_id is not None
    feed(app, made)
    feed(app, graded(made.data.risk_point_id, grade))
    proposal = app.list_proposals("QX", ProposalStatus.OPEN)[-1].id
    app.review(proposal, ReviewRecord(date(2026, 1, 5), ["甲"], Decision.ISSUE, "纪要"), OFFICE)
    return app.issue_warning(proposal, OFFICE).id


def _published(app: WarningApplication) -> list[CloudEvent]:
    found = app.recorder.select_notifications(start=None, limit=10_000)
    out = [translate(app.mapper.to_domain_event(n), ORIGIN) for n in found]
    return [e for e in out if e is not None]


def _overdue_published(app: WarningApplication) -> list[RectificationOverdue]:
    return [e for e in _published(app) if isinstance(e, RectificationOverdue)]


def _disposal_overdue_published(app: WarningApplication) -> list[DisposalOverdue]:
    return [e for e in _published(app) if isinstance(e, DisposalOverdue)]


class DeadlineStory(Story[WarningApplication]):
    start = START

    def make_app(self, env: dict[str, str], clock: ManualClock) -> WarningApplication:
        return _app(env, clock)

    def test_reminder_before_then_overdue_once_then_a_regrade_for_review(
        self, app: WarningApplication, clock: ManualClock
    ) -> None:
        """第二十八条: 要求预警对象在规定时限内…作出说明…；对涉及的党员干部进行预警谈话 — the
        explanation is the warned unit's to deliver, the talk the disposing body's to hold."""
        warning_id = _issue(app)  # yellow: explanation, self-analysis 7 d, talk 10 d, fix 30 d
        explanation, analysis, _talk, _fix = list(app.get_warning(warning_id).actions)
        app.report_action(warning_id, analysis, HEAD, document_refs=["剖析材料-1"])
        assert app.check_deadlines() == 0  # nothing near yet
        clock.advance(timedelta(days=4, hours=1))  # 3 days before the 7-day deadlines
        assert app.check_deadlines() == 1  # a reminder for the explanation only (analysis is in)
        assert app.check_deadlines() == 0
        clock.set(START + timedelta(days=7))  # exactly at the deadline
        assert app.check_deadlines() == 2  # the explanation overdue; the talk (day 10) reminded
        assert app.check_deadlines() == 0  # once per action
        [overdue] = _overdue_published(app)
        assert (overdue.data.action_id, overdue.data.action_kind) == (explanation, "explanation")
        assert overdue.data.detected_at == START + timedelta(days=7)
        assert overdue.data.unit_code == "QX-TH-CZS"  # the warned unit's own lapse
        # Lateness raises no level: it proposes, for a meeting, that the point be re-graded 中
        # (which would call for orange), with the overdue action as evidence.
        [escalation] = [p for p in app.list_proposals("QX") if p.source == "escalation"]
        assert (escalation.kind, escalation.level) == ("regrade", None)
        assert (escalation.suggested_grade, escalation.status) == ("medium", ProposalStatus.OPEN)
        assert [w.level for w in app.list_warnings("QX")] == ["yellow"]
        assert [o.action_id for o in app.list_overdue("QX-TH-CZS")] == [explanation]
        # The town misses the talk it had to hold: its own lapse, not the warned unit's. It is
        # published as DisposalOverdue against the town and adds nothing to the re-grade.
        clock.set(START + timedelta(days=10))
        assert app.check_deadlines() == 1
        assert len(app.list_overdue("QX")) == 2
        assert [o.action_id for o in app.list_overdue("QX-TH-CZS")] == [explanation]
        [missed_talk] = _disposal_overdue_published(app)
        assert (missed_talk.data.unit_code, missed_talk.data.warned_unit) == ("QX-TH", "QX-TH-CZS")
        assert missed_talk.data.action_kind == "warning_talk"
        assert len(_overdue_published(app)) == 1
        [escalation] = [p for p in app.list_proposals("QX") if p.source == "escalation"]
        assert app.get_proposal(escalation.id).escalation.overdue_action_ids == (explanation,)  # type: ignore[union-attr]
        # What operators' `lianfang_overdue` gauge shows: outstanding actions past deadline.
        assert app.overdue_counts() == {"yellow_actions": 2, "orange_actions": 0, "red_actions": 0}
        app.report_action(warning_id, explanation, HEAD, document_refs=["说明-1"])
        assert app.overdue_counts()["yellow_actions"] == 1  # reported late is no longer missing
        # The meeting reviews the re-grade like any other proposal: it cannot warn on it, and
        # what it agrees to goes to the register, where the grade's own procedure decides.
        meeting = ReviewRecord(date(2026, 1, 15), ["甲", "乙"], Decision.ISSUE, "纪要9号")
        with pytest.raises(Invalid) as refused:
            app.review(escalation.id, meeting, OFFICE)
        assert refused.value.field == "decision"
        refer = ReviewRecord(
            date(2026, 1, 15), ["甲", "乙"], Decision.REGRADE, "纪要9号", reasons="逾期未作说明"
        )
        app.review(escalation.id, refer, OFFICE)
        assert app.get_proposal(escalation.id).status is ProposalStatus.REFERRED
        [asked] = [e for e in _published(app) if isinstance(e, RegradeProposed)]
        warning = app.get_warning(warning_id)
        assert asked.data.risk_point_id == warning.risk_point_id
        assert (asked.data.current_grade, asked.data.suggested_grade) == ("low", "medium")
        assert asked.data.overdue_action_ids == (explanation,)
        assert [w.level for w in app.list_warnings("QX")] == ["yellow"]  # still: no level moved

    def test_red_has_no_higher_level_to_propose(
        self, app: WarningApplication, clock: ManualClock
    ) -> None:
        _issue(app, Grade.HIGH)
        clock.advance(timedelta(days=60))
        assert app.check_deadlines() == 6
        assert [p.source for p in app.list_proposals("QX")] == ["judgement"]

    def test_the_tick_looks_only_at_actions_due_by_its_horizon(
        self, app: WarningApplication, clock: ManualClock
    ) -> None:
        """The watch asks the view for what is due by now plus the reminder window, soonest
        first: the same actions, in the same order, as all outstanding ones cut there (issue
        #18: a tick over 100,000 open actions sorts only those)."""
        _issue(app)  # yellow: explanation 3 d, self-analysis 7 d, talk 10 d, fix 30 d
        _issue(app, Grade.MEDIUM)
        every = app.view.due_actions()
        horizon = START + timedelta(days=8)
        due = app.view.due_actions(by=horizon)
        assert due == [a for a in every if a.due_at <= horizon]
        assert {a.kind.value for a in due} >= {"explanation", "self_analysis"}
        assert "rectification" not in {a.kind.value for a in due}
        assert app.view.due_actions(by=START) == []


class TestDeadlinesInMemory(InMemory, DeadlineStory):
    pass


class TestDeadlinesSQLite(OnSQLite, DeadlineStory):
    @pytest.fixture
    def env(self, tmp_path: Path) -> dict[str, str]:
        return {**sqlite_env(tmp_path / "warning.db"), "SQLITE_LOCK_TIMEOUT": "10"}

    def test_two_workers_on_one_store_record_each_overdue_exactly_once(
        self, env: dict[str, str], app: WarningApplication, clock: ManualClock
    ) -> None:
        for _ in range(3):
            _issue(app, Grade.MEDIUM)  # 3 orange warnings x 6 actions (2 the town's own)
        second = _app(env, clock)  # another worker process on the same file
        clock.advance(timedelta(days=40))
        tick = SPEC.ticks[0]
        barrier = threading.Barrier(2)
        counts: list[int] = []

        def run(worker: WarningApplication) -> None:
            barrier.wait()
            counts.append(tick.run(worker))

        threads = [threading.Thread(target=run, args=(a,)) for a in (app, second)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert len(counts) == 2  # both workers finished without an error
        assert sum(counts) == 18  # every action once, split however the race fell
        # A restarted worker finds everything recorded already.
        restarted = _app(env, clock)
        assert tick.run(restarted) == 0
        ids = [e.data.action_id for e in _overdue_published(restarted)]
        assert len(ids) == len(set(ids)) == 12  # the warned units' lapses
        body = [e.data.action_id for e in _disposal_overdue_published(restarted)]
        assert len(body) == len(set(body)) == 6  # the town's talks and criticisms
        assert not set(ids) & set(body)
        assert len([p for p in restarted.list_proposals("QX") if p.source == "escalation"]) == 3
        for worker in (second, restarted):
            worker.close()
