"""The intake part of the 工作台 as a story: who is asked to do what, and when it goes away.

A to-do is what the events leave open (Art. 22–24): a period's report owed by the unit (信息报送),
a forward received from above owing its handling report, a forward below awaiting feedback and
then review, a concealment candidate to review. Each shows to the people whose work it is, and to
nobody else: an officer never sees the office's review, a custodian owes nothing here.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import pytest

from services.intake.duties.handlers import find_breaches
from services.intake.todos.handlers import todos
from shared.auth import Principal, Role
from shared.clock import BEIJING
from tests.support.events import role_granted, take_in
from tests.support.stores import InMemory, OnSQLite
from tests.unit.intake.support import (
    CUSTODIAN,
    DISTRICT_OFFICE,
    OFFICER,
    TAIHE_OFFICE,
    StoreStory,
    TwoNodeStory,
    draft,
)
from tests.unit.intake.test_tracking_until_handled import Exchange

if TYPE_CHECKING:
    from services.intake.app import IntakeApplication
    from shared.clock import ManualClock
    from shared.todos import TodoItem

BUREAU = Principal("u-zrzy-office", frozenset({Role.OFFICE}), "QX-ZRZY", "自然资源局预防腐败室")
BUREAU_OFFICER = Principal("u-zrzy-li", frozenset({Role.OFFICER}), "QX-ZRZY", "自然资源局信息员")
FEB = datetime(2026, 2, 1, tzinfo=BEIJING)


def kinds(items: list[TodoItem]) -> list[str]:
    return [t.kind for t in items]


class IntakeTodos(StoreStory):
    grants_posts = True  # the officers and leaders hold their posts (Art. 22, 23)

    def test_a_periodic_report_is_owed_by_the_unit_until_submitted(
        self, app: IntakeApplication, clock: ManualClock
    ) -> None:
        """信息报送 (Art. 23): each open period, its deadline; gone once reported."""
        duty = app.define_duty(
            "QX-ZRZY", "月度廉政风险信息报告", "periodic", "monthly", 10, FEB, BUREAU
        )
        clock.set(datetime(2026, 3, 5, 9, 0, tzinfo=BEIJING))
        owed = todos(app, BUREAU)
        assert [t.key for t in owed] == [
            f"duty_due:{duty.id}:2026-02",
            f"duty_due:{duty.id}:2026-03",
        ]
        february = owed[0]
        assert february.deadline == datetime(2026, 3, 11, tzinfo=BEIJING)
        assert february.title == "信息报送：月度廉政风险信息报告（2026-02）"
        assert february.link == "/intake/duties?unit=QX-ZRZY"
        assert kinds(todos(app, BUREAU_OFFICER)) == ["duty_due", "duty_due"]  # the unit's officer

        # Nobody else owes the bureau's report: not the district office above, nor 太和镇's.
        assert todos(app, DISTRICT_OFFICE) == []
        assert todos(app, TAIHE_OFFICE) == []
        assert todos(app, CUSTODIAN) == []

        app.submit_periodic_report(duty.id, "2026-02", "本月无新增风险信息", BUREAU)
        assert [t.key for t in todos(app, BUREAU)] == [f"duty_due:{duty.id}:2026-03"]

    def test_an_officer_appointed_for_a_unit_owes_its_report(
        self, app: IntakeApplication, clock: ManualClock
    ) -> None:
        """An officer 信息员 covering a unit reports for it (Art. 22, 23)."""
        app.define_duty("QX-ZRZY", "月度廉政风险信息报告", "periodic", "monthly", 10, FEB, BUREAU)
        clock.set(datetime(2026, 3, 10, 9, 0, tzinfo=BEIJING))
        assert todos(app, OFFICER) == []  # 太和镇's officer, not the bureau's
        take_in(app, role_granted(OFFICER.user_id, "officer", "QX-ZRZY", clock.now()))
        app.appoint_officer(
            OFFICER.user_id, "李信息员", "internal", ["QX-ZRZY"], clock.now(), None,
            DISTRICT_OFFICE,
        )  # fmt: skip
        assert kinds(todos(app, OFFICER)) == ["duty_due", "duty_due"]  # February, March

    def test_a_concealment_candidate_is_the_office_s_to_review(
        self, app: IntakeApplication, clock: ManualClock
    ) -> None:
        """瞒报线索 (Art. 23): the office of the subtree reviews it; the officer never sees it."""
        app.define_duty("QX-ZRZY", "重大事项五日内报告", "event", None, 5, FEB, BUREAU)
        petition = draft("XF-7", unit="QX-ZRZY", channel="petition", subject_post="审批科科长")
        app.file_information(petition, DISTRICT_OFFICE)
        clock.advance(timedelta(days=5))
        assert find_breaches(app) == 1
        [review] = todos(app, DISTRICT_OFFICE)
        assert review.kind == "breach_to_review"
        assert review.title == "疑似瞒报：复核认定"
        assert "重大事项五日内报告" in review.detail
        assert todos(app, BUREAU_OFFICER) == []
        assert todos(app, TAIHE_OFFICE) == []  # outside 太和镇's subtree

        [candidate] = app.view.breaches()
        app.review_breach(candidate.id, True, "经核实，该局知情未报", DISTRICT_OFFICE)
        assert todos(app, DISTRICT_OFFICE) == []


class ForwardTodos(TwoNodeStory):
    @pytest.fixture
    def x(self, app: IntakeApplication, town: IntakeApplication) -> Exchange:
        return Exchange(app, town)

    def test_a_forward_is_the_town_s_to_handle_and_the_district_s_to_follow(
        self, x: Exchange
    ) -> None:
        """批转 (Art. 24): the town owes a handling report; the district awaits, then reviews."""
        case = x.forward("T-1")
        [to_handle] = todos(x.town, TAIHE_OFFICE)
        assert (to_handle.kind, to_handle.link) == ("forward_to_handle", f"/intake/cases/{case}")
        assert to_handle.title == "上级批转：报告处理情况"
        [awaiting] = todos(x.district, DISTRICT_OFFICE)
        assert awaiting.kind == "forward_awaiting_feedback"
        assert awaiting.deadline == x.district.get_information(case).feedback_due_at
        assert todos(x.town, OFFICER) == []  # an officer neither handles nor reviews forwards

        x.report(case)
        assert todos(x.town, TAIHE_OFFICE) == []
        [review] = todos(x.district, DISTRICT_OFFICE)
        assert review.kind == "forward_report_to_review"

        # Returned for rework: the town owes a report again, under a new key (a new to-do).
        x.district.return_report(case, "措施不具体，请补充整改时限", DISTRICT_OFFICE)
        x.deliver(x.district)
        [again] = todos(x.town, TAIHE_OFFICE)
        assert again.title == "退回重办：报告处理情况"
        assert again.key != to_handle.key
        assert kinds(todos(x.district, DISTRICT_OFFICE)) == ["forward_awaiting_feedback"]


class TestIntakeTodosInMemory(InMemory, IntakeTodos):
    pass


class TestIntakeTodosSQLite(OnSQLite, IntakeTodos):
    pass


class TestForwardTodosInMemory(InMemory, ForwardTodos):
    pass


class TestForwardTodosSQLite(OnSQLite, ForwardTodos):
    pass
