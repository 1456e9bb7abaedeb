"""The register part of the 工作台 as a story: judge, vote, publish, answer, carry out, verify.

Each to-do shows to the people whose work it is (Art. 10, 14, 15, 25) and leaves once the event
that settles it is saved: a leadership-team member's vote, the office's publication and answers,
a measure's owner reporting it done and someone else verifying it.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from services.register.todos.handlers import todos
from shared.auth import Principal, Role
from tests.support.stores import InMemory, OnSQLite
from tests.unit.register.judging import information_id, report
from tests.unit.register.stories import (
    DISCIPLINE,
    MAYOR,
    OFFICE,
    ORDINARY,
    SECRETARY,
    RegisterStoryBase,
    approved_point,
)
from tests.unit.register.test_register_story import STEPS

if TYPE_CHECKING:
    from services.register.app import RegisterApplication
    from shared.clock import ManualClock
    from shared.todos import TodoItem

JUDGE = Principal("u-judge", frozenset({Role.JUDGE}), "QX", "研判小组成员")
TOWN_JUDGE = Principal("u-th-judge", frozenset({Role.JUDGE}), "QX-TP", "太平镇研判小组成员")
AUDITOR = Principal("u-audit", frozenset({Role.AUDITOR}), "QX")
OTHER_LEADER = Principal("u-zrzy-head", frozenset({Role.LEADER}), "QX-ZRZY")


def kinds(items: list[TodoItem]) -> list[str]:
    return [t.kind for t in items]


class RegisterTodos(RegisterStoryBase):
    def test_information_awaits_the_judgement_group_of_its_subtree(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        """待核实研判 (Art. 25): the district's group sees 太和镇's; 太平镇's group does not."""
        event = report(app, clock.now())
        [item] = todos(app, JUDGE)
        assert item.kind == "information_to_judge"
        assert item.link == f"/judgement?information={information_id(event)}"
        assert item.detail.startswith("太和镇 · ")
        assert todos(app, TOWN_JUDGE) == []
        assert todos(app, OFFICE) == []  # the office does not judge
        assert todos(app, AUDITOR) == []

    def test_a_grading_awaits_each_member_s_vote_until_cast(self, app: RegisterApplication) -> None:
        """待表决 (Art. 14): each member of the unit's team, until they vote in this round."""
        point_id = approved_point(app, STEPS, ORDINARY, "初次评定")  # secretary, mayor voted
        assert todos(app, DISCIPLINE) == []  # approved already: no vote is awaited
        point = app.get_risk_point(point_id)
        assert point.status.value == "approved"
        [publish] = todos(app, OFFICE)
        assert (publish.kind, publish.link) == ("point_to_publish", f"/register/points/{point_id}")

        # A re-grade sends it back to the team: a new round, a new to-do for each member.
        app.grade_risk_point(
            point_id, {**ORDINARY, "harm": 5}, reason="重新评定",
            responsible_leader_id="u-taihe-mayor", by=OFFICE,
        )  # fmt: skip
        for member in (SECRETARY, MAYOR, DISCIPLINE):
            [vote] = todos(app, member)
            assert vote.kind == "grading_to_vote"
            assert vote.key == f"grading_to_vote:{point_id}:2"
        assert todos(app, OTHER_LEADER) == []  # not on 太和镇's team
        app.vote(point_id, True, "同意", SECRETARY)
        assert todos(app, SECRETARY) == []
        assert kinds(todos(app, MAYOR)) == ["grading_to_vote"]

    def test_objections_await_the_office_s_answer_before_the_period_ends(
        self, app: RegisterApplication
    ) -> None:
        """异议待答复 (Art. 10): the deadline is the end of publication."""
        point_id = approved_point(app, STEPS, ORDINARY, "初次评定")
        ends_at = app.publish(point_id, OFFICE)
        assert todos(app, OFFICE) == []
        app.record_objection(point_id, "村民张某", "踏勘岗不止一人", OFFICE)
        [answer] = todos(app, OFFICE)
        assert (answer.kind, answer.deadline) == ("objection_to_answer", ends_at)
        assert answer.title == "公示异议待答复（第 1 条）"
        assert todos(app, MAYOR) == []
        app.answer_objection(point_id, 1, "已核实：现场踏勘实行两人制", OFFICE)
        assert todos(app, OFFICE) == []

    def test_a_measure_is_its_owner_s_until_done_then_another_s_to_verify(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        """防控措施 (Art. 15): the owner carries it out by its due date; someone else verifies."""
        point_id = approved_point(app, STEPS, ORDINARY, "初次评定")
        app.publish(point_id, OFFICE)
        due = clock.now().date() + timedelta(days=30)
        app.choose_measure(
            point_id, "business_process.1", detail="踏勘与审批分离", owner_id=MAYOR.user_id,
            due_date=due, by=OFFICE,
        )  # fmt: skip
        [owed] = todos(app, MAYOR)
        assert owed.kind == "measure_due"
        assert owed.title.startswith("防控措施待落实：")
        assert owed.deadline is not None
        assert owed.deadline.date() == due + timedelta(days=1)
        assert todos(app, SECRETARY) == []  # neither owner nor anything to verify yet

        app.update_measure(point_id, "business_process.1", "done", "已建立两人踏勘制度", MAYOR)
        assert todos(app, MAYOR) == []  # the owner does not verify their own
        assert kinds(todos(app, SECRETARY)) == ["measure_to_verify"]
        assert kinds(todos(app, OFFICE)) == ["measure_to_verify"]


class TestRegisterTodosInMemory(InMemory, RegisterTodos):
    pass


class TestRegisterTodosSQLite(OnSQLite, RegisterTodos):
    pass
