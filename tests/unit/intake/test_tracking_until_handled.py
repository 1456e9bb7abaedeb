"""Art. 24 as a story: a forward is tracked until the lower level reports how it handled it.

"属下级管辖的，及时批转、跟踪督办" — the district forwards 批转 what 太和镇 manages and keeps
after it 跟踪督办. The town's software receipting the forward is delivery, not an answer: the
forward is answered when the town reports how it handled the matter (outcome, measures,
documents) and the district signs that off 办结. Before that the district may chase 催办 (the
chase is recorded and reaches the town's inbox), and it may return 退回 a report for rework with
reasons; the rework has its own deadline, reminded and recorded overdue like the first.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import pytest

from services.intake.filing.model import RiskInformation
from services.intake.public.handlers import (
    PublicReport,
    Receipt,
    file_public_report,
    status_by_receipt,
)
from shared.application import Rejected
from shared.audit.case_timeline import case_timeline
from shared.auth import PUBLIC_USER_ID, Principal, Role
from shared.errors import Conflict, Forbidden, Invalid, NotFound
from shared.events import (
    InformationAcknowledged,
    InformationFeedbackOverdue,
    InformationForwarded,
    InformationHandled,
    InformationSupervised,
    JudgementMade,
)
from tests.support.stores import InMemory, OnSQLite
from tests.unit.intake.support import (
    DISTRICT_OFFICE,
    TAIHE_OFFICE,
    TwoNodeStory,
    draft,
)
from tests.unit.intake.test_routing import DISTRICT, TAIHE, Hand, published
from tests.unit.warning.upstream import judgement

if TYPE_CHECKING:
    from uuid import UUID

    from services.intake.app import IntakeApplication
    from shared.clock import ManualClock
    from shared.events import CloudEvent

AUDITOR = Principal("u-audit", frozenset({Role.AUDITOR}), "QX")
OTHER_TOWN = Principal("u-tp-office", frozenset({Role.OFFICE}), "QX-TP")


class Exchange:
    """The district and 太和镇, each with its store, and the events between them in order."""

    def __init__(self, district: IntakeApplication, town: IntakeApplication) -> None:
        self.district, self.town, self.hand = district, town, Hand()
        self.seen = {id(district): 0, id(town): 0}
        self.log: list[CloudEvent] = []  # everything published, as the topics keep it

    def sent(self, app: IntakeApplication) -> list[CloudEvent]:
        """What `app` published since last asked."""
        origin = DISTRICT if app is self.district else TAIHE
        events = published(app, origin, after=self.seen[id(app)])
        self.seen[id(app)] = app.recorder.max_notification_id() or 0
        self.log.extend(events)
        return events

    def deliver(self, from_app: IntakeApplication) -> list[CloudEvent]:
        """Hand what `from_app` published to the other node, as the shared topic would."""
        to_app = self.town if from_app is self.district else self.district
        events = self.sent(from_app)
        for e in events:
            self.hand.over(to_app, e)
        return events

    def forward(self, ref: str) -> UUID:
        """The district files information about 太和镇's village; the town receives it."""
        filing = self.district.file_information(draft(ref, unit="QX-TH-V1"), DISTRICT_OFFICE)
        [forwarded] = self.deliver(self.district)
        assert isinstance(forwarded, InformationForwarded)
        _, receipt = self.deliver(self.town)  # RiskReported (the town handles it), the receipt
        assert isinstance(receipt, InformationAcknowledged)
        return filing.information_id

    def report(self, case: UUID, outcome: str = "已责令村委会重新履行民主程序") -> CloudEvent:
        self.town.report_handling(
            case, outcome, ["约谈村主任", "资产出租合同重新公示"], ["太和纪〔2026〕12号"],
            TAIHE_OFFICE,
        )  # fmt: skip
        [handled] = self.deliver(self.town)
        return handled


class TrackingUntilHandled(TwoNodeStory):
    @pytest.fixture
    def x(self, app: IntakeApplication, town: IntakeApplication) -> Exchange:
        return Exchange(app, town)

    def test_a_receipt_is_delivery_and_the_handling_report_is_the_answer(
        self, x: Exchange, clock: ManualClock
    ) -> None:
        """跟踪督办: the forward stays open after its receipt; the handling report answers it."""
        case = x.forward("T-1")
        tracked = x.district.get_information(case)
        assert (tracked.tracking_state, tracked.awaiting_feedback) == ("delivered", True)
        [owed] = x.town.received_forwards("QX-TH")
        assert (owed.id, owed.handling_state) == (case, "to_report")

        # The town reports how it handled the matter; the district takes the report in.
        handled = x.report(case)
        assert isinstance(handled, InformationHandled)
        assert (handled.data.to_node_id, handled.data.round) == ("district", 1)
        assert handled.data.measures == ("约谈村主任", "资产出租合同重新公示")
        assert handled.data.document_refs == ("太和纪〔2026〕12号",)
        assert handled.data.actor.user_id == TAIHE_OFFICE.user_id
        tracked = x.district.get_information(case)
        assert tracked.tracking_state == "reported"
        assert x.district.open_forwards() == []  # answered: nothing left to chase
        clock.advance(timedelta(days=30))
        assert x.district.chase_feedback() == 0  # the deadline no longer bites

        # The district signs it off 办结; the town's inbox shows it closed.
        x.district.sign_off(case, "处理得当，予以办结", DISTRICT_OFFICE)
        [signed] = x.deliver(x.district)
        assert isinstance(signed, InformationSupervised)
        assert (signed.data.act, signed.data.round) == ("signed_off", 1)
        assert signed.data.handled_event_id == handled.id
        assert x.district.get_information(case).tracking_state == "signed_off"
        assert x.town.get_information(case).handling_state == "signed_off"
        whats = [t.what for t in x.district.timeline(case)]
        assert whats == ["filed", "forwarded", "acknowledged", "handling_reported", "signed_off"]

        # The auditor's case timeline across both nodes cites each step's event.
        steps = {(e.event_type, e.node_id) for e in case_timeline(case, x.log)}
        assert steps == {
            ("InformationForwarded", "district"),
            ("RiskReported", "town-taihe"),
            ("InformationAcknowledged", "town-taihe"),
            ("InformationHandled", "town-taihe"),
            ("InformationSupervised", "district"),
        }
        [told] = [e.what for e in case_timeline(case, x.log) if e.event_id == handled.id]
        assert "第1次" in told
        assert "约谈村主任" in told

    def test_a_returned_report_is_reworked_by_a_fresh_deadline(
        self, x: Exchange, clock: ManualClock
    ) -> None:
        """退回: the report goes back with reasons; the rework is awaited and watched afresh."""
        case = x.forward("T-2")
        clock.advance(timedelta(days=3))
        first = x.report(case, "已口头提醒")
        x.district.return_report(case, "未说明资产出租是否经村民代表会议表决", DISTRICT_OFFICE)
        [returned] = x.deliver(x.district)
        assert isinstance(returned, InformationSupervised)
        assert (returned.data.act, returned.data.handled_event_id) == ("returned", first.id)
        assert returned.data.reason == "未说明资产出租是否经村民代表会议表决"
        assert returned.data.feedback_due_at == clock.now() + timedelta(days=10)
        tracked = x.district.get_information(case)
        assert (tracked.tracking_state, tracked.awaiting_feedback) == ("returned", True)
        [row] = x.town.received_forwards("QX-TH")
        assert row.handling_state == "returned"

        # The rework's deadline is watched like the first: reminded, then overdue once.
        clock.advance(timedelta(days=8, hours=1))
        assert x.district.chase_feedback() == 1
        [reminder] = x.deliver(x.district)  # the reminder reaches the town's inbox
        assert isinstance(reminder, InformationSupervised)
        assert (reminder.data.act, reminder.data.actor.role) == ("chased", "system")
        clock.advance(timedelta(days=2))
        assert x.district.chase_feedback() == 1
        assert x.district.chase_feedback() == 0
        assert x.district.get_information(case).tracking_state == "overdue"
        # 逾期未反馈 is published to the town's node once and lands in its inbox (Art. 24).
        [overdue] = x.deliver(x.district)
        assert isinstance(overdue, InformationFeedbackOverdue)
        due = returned.data.feedback_due_at
        assert (overdue.data.to_node_id, overdue.data.due_at) == ("town-taihe", due)
        assert (overdue.data.unit_code, overdue.data.actor.role) == ("QX-TH-V1", "system")
        assert x.town.timeline(case)[-1].what == "recorded_overdue_by_level_above"
        [told] = [e for e in case_timeline(case, x.log) if e.event_id == overdue.id]
        assert told.what.startswith("节点 town-taihe 逾期未报告处理情况")
        assert told.due_at == due

        # The late rework is round 2; the district signs it off.
        second = x.report(case, "经村民代表会议表决，重新出租")
        assert isinstance(second, InformationHandled)
        assert second.data.round == 2
        x.district.sign_off(case, "", DISTRICT_OFFICE)
        x.deliver(x.district)
        tracked = x.district.get_information(case)
        assert [r["round"] for r in tracked.handling_reports] == [1, 2]
        assert tracked.signed_off is not None
        assert tracked.signed_off["round"] == 2
        town_side = [t.what for t in x.town.timeline(case)]
        assert town_side[-6:] == [
            "handling_report_sent", "returned_by_level_above", "chased_by_level_above",
            "recorded_overdue_by_level_above", "handling_report_sent", "signed_off_by_level_above",
        ]  # fmt: skip

    def test_a_chase_is_recorded_and_reaches_the_lower_inbox(self, x: Exchange) -> None:
        """催办: a person at the level above chases; the town sees who chased and what for."""
        case = x.forward("T-3")
        x.district.chase_forward(case, "请于本周内报告处理情况", DISTRICT_OFFICE)
        [chased] = x.deliver(x.district)
        assert isinstance(chased, InformationSupervised)
        assert (chased.data.act, chased.data.to_node_id) == ("chased", "town-taihe")
        assert chased.data.actor.user_id == DISTRICT_OFFICE.user_id
        [row] = x.town.received_forwards("QX-TH")
        [seen] = row.supervision
        assert (seen["act"], seen["reason"]) == ("chased", "请于本周内报告处理情况")
        assert seen["by"]["user_id"] == DISTRICT_OFFICE.user_id
        assert len(x.district.get_information(case).chases) == 1
        assert "chased" in [t.what for t in x.district.timeline(case)]

    def test_refusals_name_the_article_and_change_nothing(self, x: Exchange) -> None:
        """Each refusal names Art. 24; a refused act leaves both cases as they were."""
        case = x.forward("T-4")
        own = x.district.file_information(draft("T-5", unit="QX-ZRZY"), DISTRICT_OFFICE)
        versions = (x.district.get_information(case).version, x.town.get_information(case).version)

        # The officials read the Chinese; the English follows it for integrators and auditors.
        not_yet = r"^Art\. 24: 下级尚未报告处理结果，请先催办 \(the lower level has not reported"
        with pytest.raises(Conflict, match=not_yet):
            x.district.sign_off(case, "", DISTRICT_OFFICE)
        with pytest.raises(Conflict, match=not_yet):
            x.district.return_report(case, "不够", DISTRICT_OFFICE)
        with pytest.raises(
            Conflict, match=r"^Art\. 24: 只有批转下级的信息才能催办.*\(only a forward"
        ):
            x.district.chase_forward(own.information_id, "请报告", DISTRICT_OFFICE)
        with pytest.raises(
            Conflict, match=r"^Art\. 24: 只有上级批转的信息.*\(only information forwarded"
        ):
            x.district.report_handling(own.information_id, "已处理", ["约谈"], [], DISTRICT_OFFICE)
        with pytest.raises(Invalid, match="measures"):
            x.town.report_handling(case, "已处理", [" "], [], TAIHE_OFFICE)
        with pytest.raises(Invalid, match="outcome"):
            x.town.report_handling(case, " ", ["约谈"], [], TAIHE_OFFICE)
        with pytest.raises(Forbidden):
            x.district.chase_forward(case, "请报告", AUDITOR)
        with pytest.raises(NotFound):  # outside its subtree: as if unknown (issue #17)
            x.district.chase_forward(case, "请报告", OTHER_TOWN)
        with pytest.raises(
            Forbidden, match=r"^Art\. 24: QX-TH 是承办该批转的下级.*\(QX-TH is the lower level"
        ):
            x.district.chase_forward(case, "请报告", TAIHE_OFFICE)
        after = (x.district.get_information(case).version, x.town.get_information(case).version)
        assert after == versions

        x.report(case)
        with pytest.raises(
            Conflict, match=r"^Art\. 24: 第 1 次处理结果报告正待上级审核.*\(report 1 awaits"
        ):
            x.town.report_handling(case, "再报", ["约谈"], [], TAIHE_OFFICE)
        with pytest.raises(Conflict, match=r"Art\. 24: .*review the report"):
            x.district.chase_forward(case, "请报告", DISTRICT_OFFICE)
        with pytest.raises(Invalid, match="退回理由"):
            x.district.return_report(case, " ", DISTRICT_OFFICE)
        x.district.sign_off(case, "", DISTRICT_OFFICE)
        x.deliver(x.district)
        with pytest.raises(
            Conflict,
            match=r"^Art\. 24: 该批转已于 .* 办结，不能再催办 \(the forward was signed off",
        ):
            x.district.chase_forward(case, "请报告", DISTRICT_OFFICE)
        with pytest.raises(
            Conflict, match=r"^Art\. 24: 上级已对该批转办结.*\(the level above signed"
        ):
            x.town.report_handling(case, "再报", ["约谈"], [], TAIHE_OFFICE)

    def test_a_report_delivered_twice_is_taken_once(self, x: Exchange) -> None:
        """The same handling report at a new offset changes nothing (its round is known)."""
        case = x.forward("T-6")
        handled = x.report(case)
        version = x.district.get_information(case).version
        x.hand.over(x.district, handled.model_copy(update={"id": handled.id[:-1] + "0"}))
        assert x.district.get_information(case).version == version

    def test_only_the_node_it_was_forwarded_to_acknowledges_or_answers(self, x: Exchange) -> None:
        """Issue #17 item 2: 太平镇's node, speaking of its own town (so the provenance check
        believes it), may neither receipt nor answer a forward that went to 太和镇."""
        filing = x.district.file_information(draft("T-7", unit="QX-TH-V1"), DISTRICT_OFFICE)
        x.deliver(x.district)  # the forward, taken in by the town
        _, receipt = x.sent(x.town)
        assert isinstance(receipt, InformationAcknowledged)
        case = filing.information_id
        forged = _as_node(receipt, "town-taiping", "QX-TP")
        with pytest.raises(Rejected, match="forwarded to node town-taihe; an acknowledgement "
                                           "from node town-taiping is not its answer"):  # fmt: skip
            x.hand.over(x.district, forged)
        assert x.district.get_information(case).tracking_state != "delivered"
        x.hand.over(x.district, receipt)  # the town's own receipt is taken
        assert x.district.get_information(case).tracking_state == "delivered"

        x.town.report_handling(case, "已处理", ["约谈"], [], TAIHE_OFFICE)
        [handled] = x.sent(x.town)
        with pytest.raises(Rejected, match="a handling report from node town-taiping"):
            x.hand.over(x.district, _as_node(handled, "town-taiping", "QX-TP"))
        assert x.district.get_information(case).tracking_state == "delivered"
        x.hand.over(x.district, handled)
        assert x.district.get_information(case).tracking_state == "reported"


def _as_node(event: CloudEvent, node: str, unit: str) -> CloudEvent:
    """The same event as another node would say it: its source, node and unit, a new id."""
    data = event.data.model_copy(update={"node_id": node, "unit_code": unit})
    return event.model_copy(
        update={"id": f"forged-{event.id}", "source": f"/lianfang/{node}/intake", "data": data}
    )


class TestTrackingUntilHandledInMemory(InMemory, TrackingUntilHandled):
    pass


class TestTrackingUntilHandledSQLite(OnSQLite, TrackingUntilHandled):
    pass


CITIZEN = Principal(PUBLIC_USER_ID, frozenset({Role.PUBLIC}), "QX", "公开页面")


def _citizen_reports(app: IntakeApplication, unit: str) -> Receipt:
    """A citizen's 网上举报 about `unit`, filed as the console's public form files it."""
    report = PublicReport(
        unit_code=unit, summary="镇里某站所收取办证费用不开收据", happened_at=None,
        subject_post="窗口工作人员", petitioner=None,
    )  # fmt: skip
    return file_public_report(app, report, CITIZEN)


def _judged(information_id: UUID, unit: str, node: str = "district") -> JudgementMade:
    """The 研判小组's judgement of that information, as `node`'s register publishes it."""
    made = judgement(unit)
    data = made.data.model_copy(update={"information_id": information_id, "node_id": node})
    return made.model_copy(update={"data": data, "source": f"/lianfang/{node}/register"})


def _shown(app: IntakeApplication, code: str) -> str:
    return str(status_by_receipt(app, code, CITIZEN)[2])


class JudgedWhereHandled(TwoNodeStory):
    """Art. 25 and the citizen's 进度查询 (Art. 22): a report the node handles itself is
    concluded 已办结 once its 研判小组 has judged it; a forward only once the level above signs
    the lower level's handling off (Art. 24), whatever the lower node's own judges decided."""

    def test_the_judgement_concludes_the_case_handled_here(self, app: IntakeApplication) -> None:
        receipt = _citizen_reports(app, "QX-TH")  # the town government: the district handles it
        assert app.get_information(receipt.information_id).routing == "accepted"
        assert _shown(app, receipt.receipt_code) == "received"

        judged = _judged(receipt.information_id, "QX-TH")
        hand = Hand()
        hand.over(app, judged)
        hand.over(app, judged)  # delivered twice: recorded once
        case = app.get_information(receipt.information_id)
        assert case.judgement is not None
        assert case.judgement["judgement_id"] == judged.data.judgement_id
        assert case.judgement["event_id"] == judged.id
        assert _shown(app, receipt.receipt_code) == "concluded"
        # The office's case timeline says so once, with the judgement it follows.
        [entry] = [t for t in app.timeline(receipt.information_id) if t.what == "judged"]
        assert entry.detail["judgement_id"] == str(judged.data.judgement_id)

    def test_a_judgement_of_information_held_elsewhere_changes_nothing(
        self, app: IntakeApplication
    ) -> None:
        found = judgement("QX-TH")  # the register's own finding: no intake case
        Hand().over(app, found)  # taken in without a dead letter (no Rejected), nothing made
        assert app.find(found.data.information_id, RiskInformation) is None
        assert list(app.view.cases()) == []

    def test_a_forward_concludes_by_the_sign_off_not_the_town_judges(
        self, app: IntakeApplication, town: IntakeApplication
    ) -> None:
        x = Exchange(app, town)
        receipt = _citizen_reports(app, "QX-TH-V1")  # a village 太和镇 manages: forwarded
        x.deliver(app)
        x.deliver(town)  # the town's receipt
        assert _shown(app, receipt.receipt_code) == "handling"
        # The town's 研判小组 judges its copy; the district does not take that in (Art. 7).
        x.hand.over(town, _judged(receipt.information_id, "QX-TH-V1", "town-taihe"))
        x.hand.over(app, _judged(receipt.information_id, "QX-TH-V1", "town-taihe"))
        assert app.get_information(receipt.information_id).judgement is None
        assert _shown(app, receipt.receipt_code) == "handling"
        x.report(receipt.information_id)
        app.sign_off(receipt.information_id, "处理到位，予以办结", DISTRICT_OFFICE)
        assert _shown(app, receipt.receipt_code) == "concluded"


class TestJudgedWhereHandledInMemory(InMemory, JudgedWhereHandled):
    pass


class TestJudgedWhereHandledSQLite(OnSQLite, JudgedWhereHandled):
    pass
