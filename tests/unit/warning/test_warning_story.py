"""The warning service told as a story per level, on every store we support (Art. 26–29).

太和镇财政所 (QX-TH-CZS) is judged to show an incipient tendency; 太和镇 (QX-TH), which manages
its cadres, reviews the proposal in a meeting, issues the notice, and follows the actions through.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

import pytest

from services.warning.app import WarningApplication
from services.warning.contract import translate
from services.warning.deadlines.rules import WarningRules
from services.warning.disposal.handlers import ReviewRecord
from services.warning.disposal.model import Decision, ProposalStatus
from shared.auth import Principal, Role
from shared.clock import ManualClock
from shared.errors import Conflict, Forbidden, Invalid
from shared.events import CaseTransferred, WarningClosed, WarningIssued, parse_event
from shared.vocabulary import Grade, GradeSource, Verdict, WarningLevel
from tests.support.stores import InMemory, OnSQLite
from tests.unit.warning.stories import (
    MEETING,
    ORIGIN,
    SIBLING_OFFICE,
    TOWN_CLERK,
    TOWN_OFFICE,
    UNIT_HEAD,
    WarningStoryBase,
)
from tests.unit.warning.upstream import feed, graded, graded_by_judgement, judgement

if TYPE_CHECKING:
    from uuid import UUID

UNIT_OFFICE = Principal("u-czs-office", frozenset({Role.OFFICE}), "QX-TH-CZS")


class WarningStory(WarningStoryBase):
    """The same story, re-told per store by subclasses that provide `env`."""

    rules = WarningRules(business_lines={"QX-TH-CZS": "QX-CZ"})

    def _proposal(self, app: WarningApplication, grade: Grade = Grade.LOW) -> UUID:
        """A judgement about a risk point the register has graded `grade`."""
        made = judgement()
        feed(app, made)
        assert made.data.risk_point_id is not None
        feed(app, graded(made.data.risk_point_id, grade))
        return app.list_proposals("QX-TH", ProposalStatus.OPEN)[-1].id

    def _issued(self, app: WarningApplication, grade: Grade, **review: object) -> UUID:
        proposal = self._proposal(app, grade)
        record = ReviewRecord(**{**vars(MEETING), **review})
        app.review(proposal, record, TOWN_OFFICE)
        return app.issue_warning(proposal, TOWN_OFFICE, subject_person_id="staff-0042").id

    def _published(self, app: WarningApplication, kind: type) -> list[object]:
        found = app.recorder.select_notifications(start=None, limit=10_000)
        out = [translate(app.mapper.to_domain_event(n), ORIGIN) for n in found]
        return [e for e in out if isinstance(e, kind)]

    # -- Art. 27: proposals for the body with cadre-management authority ----------------------

    def test_art_27_a_judgement_proposes_to_the_managing_body_once(
        self, app: WarningApplication
    ) -> None:
        made = judgement(level=WarningLevel.ORANGE)
        feed(app, made)
        feed(app, made)  # the same event again (relay re-send): its receipt stops it
        # The grading from the same judgement proposes nothing more; it grades the point 中.
        point = made.data.risk_point_id
        feed(
            app,
            graded_by_judgement(made.data.judgement_id, grade=Grade.MEDIUM, risk_point_id=point),
        )
        [proposal] = app.list_proposals("QX")
        assert (proposal.subject_unit, proposal.disposing_unit) == ("QX-TH-CZS", "QX-TH")
        assert (proposal.kind, proposal.level) == ("warning", "orange")
        # 条块结合: the finance bureau's business line, then the town's office.
        assert proposal.reported_to == ("QX-CZ", "QX-TH")
        assert app.list_proposals("QX-TP") == []
        # An unfounded judgement proposes nothing.
        feed(app, judgement(verdict=Verdict.UNFOUNDED, level=None))
        assert len(app.list_proposals("QX")) == 1

    # -- Art. 28(1): yellow -------------------------------------------------------------------

    def test_art_28_yellow_written_work_talk_and_rectification_then_closed(
        self, app: WarningApplication, clock: ManualClock
    ) -> None:
        warning_id = self._issued(app, Grade.LOW)
        warning = app.get_warning(warning_id)
        assert warning.notice_number == "清新廉预〔2026〕黄-0001"
        kinds = {a.kind: a.due_at for a in warning.actions.values()}
        assert list(kinds) == ["explanation", "self_analysis", "warning_talk", "rectification"]
        assert kinds["rectification"] == clock.now() + timedelta(days=30)
        [issued] = self._published(app, WarningIssued)
        assert isinstance(issued, WarningIssued)
        assert parse_event(issued.model_dump(mode="json")) == issued
        assert issued.data.meeting_id == app.get_proposal(warning.proposal_id).review.meeting_id  # type: ignore[union-attr]
        assert issued.data.subject_person_id == "staff-0042"
        # The unit reports its own actions, the town (the disposing body) the talk it held; the
        # town office verifies each, never its own submission; the last one closes it.
        for action in list(warning.actions.values()):
            talk = action.kind == "warning_talk"
            app.report_action(
                warning_id, action.action_id, TOWN_CLERK if talk else UNIT_HEAD,
                note="已整改" if action.kind == "rectification" else "",
                document_refs=[] if talk else [f"doc-{action.kind}"],
                held_at=clock.now() if talk else None,
                participants=["出纳 张某"] if talk else [],
            )  # fmt: skip
            app.verify_action(warning_id, action.action_id, TOWN_OFFICE, accepted=True)
        assert not app.get_warning(warning_id).is_open
        [closed] = self._published(app, WarningClosed)
        assert isinstance(closed, WarningClosed)
        assert closed.data.actions_verified == 4
        # A closed warning takes no more reports.
        first = next(iter(warning.actions))
        with pytest.raises(Conflict):
            app.report_action(warning_id, first, UNIT_HEAD, document_refs=["again"])
        steps = [e.step for e in app.warning_timeline(warning_id)]
        assert steps[:4] == ["Opened", "Reviewed", "WarningIssued", "Issued"]
        assert steps[-1] == "Closed"

    # -- Art. 28(2): orange, with inquiry where decided ---------------------------------------

    def test_art_28_orange_adds_measures_leader_talk_criticism_and_decided_inquiry(
        self, app: WarningApplication
    ) -> None:
        plain = app.get_warning(self._issued(app, Grade.MEDIUM))
        assert plain.level is WarningLevel.ORANGE
        assert "inquiry" not in {a.kind for a in plain.actions.values()}
        with_inquiry = app.get_warning(
            self._issued(app, Grade.MEDIUM, optional_actions=["inquiry"])
        )
        assert [a.kind for a in with_inquiry.actions.values()] == [
            "explanation", "self_analysis", "measures_revision", "rectification",
            "leader_talk", "internal_criticism", "inquiry",
        ]  # fmt: skip
        # Per year and level the numbers run on.
        assert with_inquiry.notice_number == "清新廉预〔2026〕橙-0002"

    # -- Art. 28(3): red --------------------------------------------------------------------

    def test_art_28_red_talks_with_principal_leader_letter_and_decided_suspension(
        self, app: WarningApplication
    ) -> None:
        warning = app.get_warning(
            self._issued(app, Grade.HIGH, optional_actions=["off_post_study"])
        )
        assert warning.level == "red"
        assert warning.notice_number == "清新廉预〔2026〕红-0001"
        assert {"principal_leader_talk", "recommendation_letter", "off_post_study"} <= {
            a.kind for a in warning.actions.values()
        }

    # -- Art. 28: the level follows the grade -------------------------------------------------

    def test_art_28_the_level_follows_the_grade_and_no_meeting_changes_it(
        self, app: WarningApplication
    ) -> None:
        """第二十八条: 召开专题会议进行审核，按照风险等级，由低到高分别实行黄色、橙色、红色三个
        等级预警."""
        # A 低 point is warned yellow, a 中 point orange, a 高 point red.
        for grade, level in ((Grade.LOW, "yellow"), (Grade.MEDIUM, "orange"), (Grade.HIGH, "red")):
            warning = app.get_warning(self._issued(app, grade))
            assert (warning.grade, warning.level) == (grade, level)
        # The judges recommended yellow for a point the register grades 高: the grade decides.
        made = judgement(level=WarningLevel.YELLOW)
        feed(app, made)
        point = made.data.risk_point_id
        assert point is not None
        proposal = app.list_proposals("QX-TH", ProposalStatus.OPEN)[-1]
        # Until a grading of the point arrives there is no level to warn at: the meeting waits.
        assert proposal.level is None
        waits = r"^Art\. 28: 预警等级按风险点的风险等级确定.* \(the level follows"
        with pytest.raises(Conflict, match=waits):
            app.review(proposal.id, MEETING, TOWN_OFFICE)
        low = graded(point, Grade.LOW)
        feed(app, low)
        assert app.list_proposals("QX-TH", ProposalStatus.OPEN)[-1].level == "yellow"
        # Re-graded through its own procedure before the meeting: the level follows the new grade.
        high = graded(
            point,
            Grade.HIGH,
            source=GradeSource.REVISION,
            at=low.data.occurred_at + timedelta(hours=1),
        )
        feed(app, high)
        assert app.list_proposals("QX-TH", ProposalStatus.OPEN)[-1].level == "red"
        # A meeting that wants another level is refused, naming the rule; nothing is recorded.
        for wanted in ("yellow", "orange"):
            refused = (
                r"^Art\. 28: 风险等级为“高”的风险点应发红色预警；如需改变预警等级，须先重新评定"
                r".* \(a 高-graded point is warned red; re-grade it \(Art\. 14\) to"
            )
            with pytest.raises(Conflict, match=refused):
                app.review(
                    proposal.id, ReviewRecord(**{**vars(MEETING), "level": wanted}), TOWN_OFFICE
                )
        assert app.get_proposal(proposal.id).status is ProposalStatus.OPEN
        # The meeting's record says which grade it relied on, and the notice carries it.
        app.review(proposal.id, ReviewRecord(**{**vars(MEETING), "level": "red"}), TOWN_OFFICE)
        review = app.get_proposal(proposal.id).review
        assert review is not None
        assert (review.level, review.grade, review.graded_event_id) == ("red", "high", high.id)
        warning_id = app.issue_warning(proposal.id, TOWN_OFFICE).id
        issued = [e for e in self._published(app, WarningIssued) if isinstance(e, WarningIssued)]
        mine = next(e for e in issued if e.data.warning_id == warning_id)
        assert (mine.data.level, mine.data.grade) == ("red", "high")

    # -- Art. 28(4): transfer -----------------------------------------------------------------

    def test_art_28_4_a_violation_is_transferred_after_review(
        self, app: WarningApplication
    ) -> None:
        feed(app, judgement(verdict=Verdict.VIOLATION, level=None))
        [proposal] = app.list_proposals("QX-TH")
        assert proposal.kind == "transfer"
        with pytest.raises(Invalid) as caught:  # a transfer proposal has no level to issue at
            app.review(proposal.id, MEETING, TOWN_OFFICE)
        assert caught.value.field == "decision"
        with pytest.raises(Conflict):  # no transfer before the meeting decides one
            app.transfer_case(proposal.id, "区纪委监委", "太和移〔2026〕1号", TOWN_OFFICE)
        transfer = ReviewRecord(
            date(2026, 1, 5), ["镇党委书记"], Decision.TRANSFER, "纪要4号", reasons="已构成违纪"
        )
        app.review(proposal.id, transfer, TOWN_OFFICE)
        with pytest.raises(Conflict):  # a transfer decision issues no warning
            app.issue_warning(proposal.id, TOWN_OFFICE)
        app.transfer_case(proposal.id, "区纪委监委", "太和移〔2026〕1号", TOWN_OFFICE)
        [moved] = self._published(app, CaseTransferred)
        assert isinstance(moved, CaseTransferred)
        assert (moved.data.to_body, moved.data.reasons) == ("区纪委监委", "已构成违纪")
        assert self._published(app, WarningIssued) == []

    # -- bad input leaves state unchanged -----------------------------------------------------

    def test_refusals_are_clear_and_change_nothing(
        self, app: WarningApplication, clock: ManualClock
    ) -> None:
        proposal = self._proposal(app)
        with pytest.raises(Conflict):  # no review decision yet
            app.issue_warning(proposal, TOWN_OFFICE)
        with pytest.raises(Forbidden):  # the unit may not review its own warning
            app.review(proposal, MEETING, UNIT_OFFICE)
        with pytest.raises(Forbidden):  # nor a sibling town
            app.review(proposal, MEETING, SIBLING_OFFICE)
        later = ReviewRecord(date(2026, 2, 1), ["甲"], Decision.ISSUE, "纪要")
        with pytest.raises(Invalid) as caught:
            app.review(proposal, later, TOWN_OFFICE)
        assert caught.value.field == "held_on"
        # At 20:00 UTC it is already the next morning in Beijing: a meeting held then is dated
        # the 6th on its minutes, and is not "in the future".
        clock.set(datetime(2026, 1, 5, 20, 0, tzinfo=UTC))
        beijing_morning = ReviewRecord(date(2026, 1, 6), ["甲"], Decision.ISSUE, "纪要")
        with pytest.raises(Invalid) as caught:
            app.review(proposal, ReviewRecord(date(2026, 1, 7), ["甲"], Decision.ISSUE, "纪要"),
                       TOWN_OFFICE)  # fmt: skip
        assert caught.value.field == "held_on"
        no_reasons = ReviewRecord(date(2026, 1, 5), ["甲"], Decision.NO_WARNING, "纪要")
        with pytest.raises(Invalid) as caught:
            app.review(proposal, no_reasons, TOWN_OFFICE)
        assert caught.value.field == "reasons"
        assert app.get_proposal(proposal).status is ProposalStatus.OPEN
        app.review(proposal, beijing_morning, TOWN_OFFICE)
        assert app.get_proposal(proposal).status is ProposalStatus.DECIDED
        past = {"rectification": clock.now() - timedelta(hours=1)}
        with pytest.raises(Invalid) as caught:
            app.issue_warning(proposal, TOWN_OFFICE, deadlines=past)
        assert caught.value.field == "deadlines.rectification"
        assert app.list_warnings("QX") == []
        warning_id = app.issue_warning(proposal, TOWN_OFFICE).id
        with pytest.raises(Conflict):  # issued once only
            app.issue_warning(proposal, TOWN_OFFICE)
        explanation = next(iter(app.get_warning(warning_id).actions))
        with pytest.raises(Invalid) as caught:
            app.report_action(warning_id, explanation, UNIT_HEAD)  # no document
        assert caught.value.field == "document_refs"
        app.report_action(warning_id, explanation, TOWN_OFFICE, document_refs=["doc-1"])
        with pytest.raises(Forbidden):  # nobody verifies their own submission
            app.verify_action(warning_id, explanation, TOWN_OFFICE, accepted=True)
        with pytest.raises(Forbidden):  # the warned unit does not verify
            app.verify_action(warning_id, explanation, UNIT_OFFICE, accepted=True)
        version = app.get_warning(warning_id).version
        with pytest.raises(Invalid):
            app.verify_action(warning_id, explanation, TOWN_CLERK, accepted=False)  # no reason
        assert app.get_warning(warning_id).version == version
        app.verify_action(warning_id, explanation, TOWN_CLERK, accepted=False, reason="材料不全")
        assert app.get_warning(warning_id).action(explanation).outstanding

    def test_art_27_disposal_steps_reach_both_inboxes(
        self, app: WarningApplication, clock: ManualClock
    ) -> None:
        proposal = self._proposal(app, Grade.LOW)
        clock.advance(timedelta(days=2))  # the meeting two days after the proposal
        app.review(proposal, MEETING, TOWN_OFFICE)
        warning_id = app.issue_warning(proposal, TOWN_OFFICE, subject_person_id="staff-0042").id
        for unit in ("QX-CZ", "QX-TH"):
            steps = {s.entry.step for s in app.inbox(unit)}
            assert {"Opened", "Reviewed", "Issued"} <= steps
        assert app.inbox("QX-TP") == []
        # Each step says whose disposal it is; the newest first, and a page ends where it ended.
        inbox = app.inbox("QX-CZ")
        assert {(s.subject_unit, s.warning_id) for s in inbox} == {("QX-TH-CZS", warning_id)}
        times = [s.entry.at for s in inbox]
        assert times == sorted(times, reverse=True)
        assert [s.entry.step for s in app.inbox("QX-CZ", before=clock.now())] == ["Opened"]
        assert app.warning_timeline(warning_id)[0].step == "Opened"


class TestWarningInMemory(InMemory, WarningStory):
    pass


class TestWarningSQLite(OnSQLite, WarningStory):
    pass
