"""Art. 29 as a story: the level above supervises a warning's disposal, by cadre authority.

"廉政风险预警处置情况的监督，按照干部管理权限分级进行" — 太和镇 (QX-TH) disposes of the warning
to 太和镇财政所 (QX-TH-CZS), whose cadres it manages; the district (QX), which manages the town's,
supervises that disposal. It chases 督办 the disposal while under way (the chase reaches the
town's inbox), returns 退回 a finished disposal for rework with its reasons, and signs it off 办结
once the town has reported its rework. Nobody else supervises, and a refused act changes nothing.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import pytest

from services.warning.app import WarningApplication
from services.warning.contract import translate
from services.warning.disposal.model import ProposalStatus
from services.warning.supervision.handlers import supervision_of
from services.warning.supervision.model import SupervisionState
from services.warning.todos.handlers import todos
from shared.auth import Principal, Role
from shared.clock import ManualClock
from shared.errors import Conflict, Forbidden, Invalid
from shared.events import DisposalReworkOverdue, DisposalSupervised, parse_event
from shared.vocabulary import Grade
from tests.support.stores import InMemory, OnSQLite
from tests.unit.warning import stories
from tests.unit.warning.stories import TOWN_OFFICE, UNIT_HEAD, WarningStoryBase
from tests.unit.warning.upstream import feed, graded, judgement

if TYPE_CHECKING:
    from uuid import UUID

    from shared.todos import TodoItem

DISTRICT_OFFICE = Principal("u-qx-office", frozenset({Role.OFFICE}), "QX")
DISTRICT_AUDITOR = Principal("u-qx-audit", frozenset({Role.AUDITOR}), "QX")
DISTRICT_LEADER = Principal("u-qx-leader", frozenset({Role.LEADER}), "QX")


class SupervisionStory(WarningStoryBase):
    """The same story, re-told per store by subclasses that provide `env`."""

    def _issued(self, app: WarningApplication) -> UUID:
        """太和镇 warns its finance office yellow (a 低-graded point)."""
        made = judgement()
        feed(app, made)
        assert made.data.risk_point_id is not None
        feed(app, graded(made.data.risk_point_id, Grade.LOW))
        proposal = app.list_proposals("QX-TH", ProposalStatus.OPEN)[-1].id
        app.review(proposal, stories.MEETING, TOWN_OFFICE)
        return app.issue_warning(proposal, TOWN_OFFICE).id

    def _finish(self, app: WarningApplication, clock: ManualClock, warning_id: UUID) -> None:
        """Every action reported and verified: the town's disposal is finished (Art. 28)."""
        for action in list(app.get_warning(warning_id).actions.values()):
            talk = action.kind == "warning_talk"
            app.report_action(
                warning_id, action.action_id, stories.TOWN_CLERK if talk else UNIT_HEAD,
                note="已整改", document_refs=[] if talk else [f"doc-{action.kind}"],
                held_at=clock.now() if talk else None, participants=["出纳 张某"] if talk else [],
            )  # fmt: skip
            app.verify_action(warning_id, action.action_id, TOWN_OFFICE, accepted=True)
        assert not app.get_warning(warning_id).is_open

    def _acts(self, app: WarningApplication) -> list[DisposalSupervised]:
        found = app.recorder.select_notifications(start=None, limit=10_000)
        out = [translate(app.mapper.to_domain_event(n), stories.ORIGIN) for n in found]
        return [e for e in out if isinstance(e, DisposalSupervised)]

    def test_the_level_above_chases_a_disposal_under_way(self, app: WarningApplication) -> None:
        """督办: recorded, published, and in the disposing body's inbox."""
        warning_id = self._issued(app)
        done = app.supervise(warning_id, "chased", "请按期落实警示谈话", DISTRICT_OFFICE)
        assert done.state is SupervisionState.WATCHING
        [chased] = self._acts(app)
        assert parse_event(chased.model_dump(mode="json")) == chased
        assert (chased.data.act, chased.data.disposing_unit) == ("chased", "QX-TH")
        assert (chased.data.actor.unit_code, chased.data.authority) == ("QX", "Art. 29")
        inbox = [(s.entry.step, s.entry.label_zh) for s in app.inbox("QX-TH")]
        assert ("supervision_chased", "上级督办") in inbox
        # Neither a return nor a sign-off while the disposal is under way.
        with pytest.raises(
            Conflict, match=r"Art\. 29: .*尚未完成.*完成后方可退回.* still under way"
        ):
            app.supervise(warning_id, "returned", "不够", DISTRICT_OFFICE)
        with pytest.raises(Conflict, match=r"Art\. 29: .* still under way"):
            app.supervise(warning_id, "signed_off", "", DISTRICT_OFFICE)
        assert len(self._acts(app)) == 1

    def test_a_finished_disposal_is_returned_reworked_and_signed_off(
        self, app: WarningApplication, clock: ManualClock
    ) -> None:
        """退回 with reasons, the town's rework, then 办结."""
        warning_id = self._issued(app)
        self._finish(app, clock, warning_id)
        with pytest.raises(Conflict, match=r"Art\. 29: 处置已完成.* \(the disposal is finished"):
            app.supervise(warning_id, "chased", "请落实", DISTRICT_OFFICE)
        with pytest.raises(Invalid, match="退回理由"):
            app.supervise(warning_id, "returned", " ", DISTRICT_OFFICE)
        returned = app.supervise(warning_id, "returned", "整改材料未见制度修订", DISTRICT_OFFICE)
        assert returned.state is SupervisionState.RETURNED
        with pytest.raises(Conflict, match=r"Art\. 29: 处置已退回.* \(the disposal was returned"):
            app.supervise(warning_id, "signed_off", "", DISTRICT_OFFICE)
        # The rework is owed, so it can be chased again; the town reports it.
        app.supervise(warning_id, "chased", "请于五日内报送重办情况", DISTRICT_OFFICE)
        with pytest.raises(Forbidden, match=r"Art\. 29"):
            app.report_rework(warning_id, "已修订", ["制度-01"], UNIT_HEAD)
        app.report_rework(warning_id, "已修订财务审批制度", ["太和财〔2026〕5号"], TOWN_OFFICE)
        signed = app.supervise(warning_id, "signed_off", "处置到位，予以办结", DISTRICT_OFFICE)
        assert signed.state is SupervisionState.SIGNED_OFF
        acts = [(a.data.act, a.data.actor.unit_code) for a in self._acts(app)]
        assert acts == [
            ("returned", "QX"), ("chased", "QX"), ("resubmitted", "QX-TH"), ("signed_off", "QX"),
        ]  # fmt: skip
        with pytest.raises(Conflict, match=r"Art\. 29: .* signed off"):
            app.supervise(warning_id, "chased", "再催", DISTRICT_OFFICE)
        steps = [e.step for e in app.warning_timeline(warning_id)]
        assert steps[-4:] == [
            "supervision_returned", "supervision_chased", "supervision_resubmitted",
            "supervision_signed_off",
        ]  # fmt: skip

    def test_only_the_level_above_supervises_and_a_refusal_changes_nothing(
        self, app: WarningApplication, clock: ManualClock
    ) -> None:
        """按照干部管理权限分级: not the disposing body itself, not the warned unit, not a peer."""
        warning_id = self._issued(app)
        for who in (TOWN_OFFICE, UNIT_HEAD, stories.SIBLING_OFFICE, DISTRICT_AUDITOR):
            with pytest.raises(Forbidden, match=r"Art\. 29"):
                app.supervise(warning_id, "chased", "请落实", who)
        with pytest.raises(Conflict, match=r"Art\. 29: 处置未被退回.* \(nothing was returned"):
            app.report_rework(warning_id, "已修订", [], TOWN_OFFICE)
        assert supervision_of(app, warning_id) is None
        assert self._acts(app) == []

    def test_a_returned_disposal_s_rework_is_watched_and_its_lapse_is_the_body_s(
        self, app: WarningApplication, clock: ManualClock
    ) -> None:
        """“按照干部管理权限分级进行” (Art. 29): a return 退回 gives the disposing body a deadline
        for its rework (10 days by default); the watch records it overdue once when it passes
        unanswered, as the disposing body's lapse (DisposalReworkOverdue, the body's unit), and a
        second return is watched afresh. A rework reported in time is never overdue."""
        warning_id = self._issued(app)
        self._finish(app, clock, warning_id)
        returned_at = clock.now()
        app.supervise(warning_id, "returned", "整改材料未见制度修订", DISTRICT_OFFICE)
        [returned] = self._acts(app)
        assert returned.data.due_at == returned_at + timedelta(days=10)
        assert parse_event(returned.model_dump(mode="json")) == returned
        clock.advance(timedelta(days=9))
        assert app.check_rework_deadlines() == 0  # not yet due
        clock.advance(timedelta(days=1, seconds=1))
        assert app.check_rework_deadlines() == 1
        assert app.check_rework_deadlines() == 0  # once per return
        [lapse] = self._lapses(app)
        d = lapse.data
        assert (d.unit_code, d.warned_unit, d.return_number) == ("QX-TH", "QX-TH-CZS", 1)
        assert (d.due_at, d.returned_at, d.authority) == (
            returned.data.due_at, returned_at, "Art. 29"
        )  # fmt: skip
        assert d.actor.role == "system"
        assert parse_event(lapse.model_dump(mode="json")) == lapse
        # Both sides see it in the disposal's timeline (the level above reads it on this node).
        [told] = [e for e in app.warning_timeline(warning_id) if e.step.endswith("overdue")]
        assert (told.step, told.label_zh, told.by) == (
            "supervision_rework_overdue", "重办逾期（未按期报送重办情况）", "system"
        )  # fmt: skip
        assert (told.at, told.detail["return_number"]) == (d.detected_at, 1)
        # ... and on the 下级处置监督 list's line and the town's 工作台, as recorded.
        assert app.view.rework_overdue(warning_id)
        [owed] = [t for t in todos(app, TOWN_OFFICE) if t.kind == "disposal_rework_due"]
        assert owed.title == "上级退回重办，待报送重办情况（已逾期）"

        # Late, the town reports its rework; returned again, it is reworked in time.
        app.report_rework(warning_id, "已修订财务审批制度", ["太和财〔2026〕5号"], TOWN_OFFICE)
        assert app.check_rework_deadlines() == 0
        assert not app.view.rework_overdue(warning_id)  # answered
        app.supervise(warning_id, "returned", "制度修订未经集体讨论", DISTRICT_OFFICE)
        assert not app.view.rework_overdue(warning_id)  # a second return, watched afresh
        clock.advance(timedelta(days=3))
        app.report_rework(warning_id, "经班子会议讨论通过", ["太和纪要12号"], TOWN_OFFICE)
        clock.advance(timedelta(days=30))
        assert app.check_rework_deadlines() == 0
        assert len(self._lapses(app)) == 1
        # A disposal never returned is never watched.
        other = self._issued(app)
        self._finish(app, clock, other)
        clock.advance(timedelta(days=30))
        assert app.check_rework_deadlines() == 0

    def test_the_work_bench_asks_each_side_for_its_part(
        self, app: WarningApplication, clock: ManualClock
    ) -> None:
        """工作台 (Art. 29): the district's office and leaders are asked to sign off or return
        the town's finished disposal, again once its rework is reported, and no more after 办结;
        the town is asked for its rework by the return's 重办期限. Nobody else is asked."""

        def supervising(who: Principal) -> list[TodoItem]:
            return [t for t in todos(app, who) if t.kind.startswith("disposal_")]

        warning_id = self._issued(app)
        assert supervising(DISTRICT_OFFICE) == []  # under way: the town's to finish
        self._finish(app, clock, warning_id)
        [review] = supervising(DISTRICT_OFFICE)
        assert (review.kind, review.title, review.link, review.deadline) == (
            "disposal_to_sign_off", "处置已完成，待办结或退回", f"/warnings/{warning_id}", None,
        )  # fmt: skip
        assert review.detail.endswith("太和镇财政所（处置机关：太和镇）")
        assert [t.key for t in supervising(DISTRICT_LEADER)] == [review.key]
        for nobody in (TOWN_OFFICE, UNIT_HEAD, stories.SIBLING_OFFICE, DISTRICT_AUDITOR):
            assert supervising(nobody) == []

        returned_at = clock.now()
        app.supervise(warning_id, "returned", "整改材料未见制度修订", DISTRICT_OFFICE)
        assert supervising(DISTRICT_OFFICE) == []
        [rework] = supervising(TOWN_OFFICE)
        assert (rework.kind, rework.title, rework.deadline, rework.link) == (
            "disposal_rework_due", "上级退回重办，待报送重办情况",
            returned_at + timedelta(days=10), f"/warnings/{warning_id}",
        )  # fmt: skip
        assert supervising(UNIT_HEAD) == []  # the disposing body's rework, not the warned unit's

        clock.advance(timedelta(days=2))
        app.report_rework(warning_id, "已修订财务审批制度", ["太和财〔2026〕5号"], TOWN_OFFICE)
        assert supervising(TOWN_OFFICE) == []
        [again] = supervising(DISTRICT_OFFICE)
        assert again.title == "重办情况已报，待办结或退回"
        assert again.key != review.key  # a new round of review: a new to-do, unseen
        assert again.since == clock.now()
        app.supervise(warning_id, "signed_off", "处置到位，予以办结", DISTRICT_OFFICE)
        assert supervising(DISTRICT_OFFICE) == supervising(DISTRICT_LEADER) == []

    def _lapses(self, app: WarningApplication) -> list[DisposalReworkOverdue]:
        found = app.recorder.select_notifications(start=None, limit=10_000)
        out = [translate(app.mapper.to_domain_event(n), stories.ORIGIN) for n in found]
        return [e for e in out if isinstance(e, DisposalReworkOverdue)]


class TestSupervisionInMemory(InMemory, SupervisionStory):
    pass


class TestSupervisionSQLite(OnSQLite, SupervisionStory):
    pass
