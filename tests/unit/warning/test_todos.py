"""The warning part of the 工作台 as a story: review, issue, act by the deadline, verify.

太和镇 (QX-TH) disposes of a proposal about its 财政所 (QX-TH-CZS) (Art. 27): its office reviews
and issues; each action falls to its holder — the 财政所 for its explanation and rectification,
the town for the warning talk (Art. 28) — and the town's office verifies what others reported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.warning.disposal.handlers import ReviewRecord
from services.warning.disposal.model import ProposalStatus
from services.warning.todos.handlers import todos
from shared.vocabulary import Grade
from tests.support.stores import InMemory, OnSQLite
from tests.unit.warning.stories import (
    MEETING,
    SIBLING_OFFICE,
    TOWN_CLERK,
    TOWN_OFFICE,
    UNIT_HEAD,
    WarningStoryBase,
)
from tests.unit.warning.upstream import feed, graded, judgement

if TYPE_CHECKING:
    from services.warning.app import WarningApplication
    from shared.todos import TodoItem


# The warned unit's part of a yellow warning (Art. 28(1)), the soonest deadline first.
TITLES = ["预警处置：作出说明、分析原因", "预警处置：写出剖析材料", "预警处置：限期整改"]


def kinds(items: list[TodoItem]) -> list[str]:
    return [t.kind for t in items]


class WarningTodos(WarningStoryBase):
    def test_from_proposal_to_verified_actions(self, app: WarningApplication) -> None:
        made = judgement()
        feed(app, made)
        assert made.data.risk_point_id is not None
        feed(app, graded(made.data.risk_point_id, Grade.LOW))
        [proposal] = app.list_proposals("QX-TH", ProposalStatus.OPEN)

        # 预警待审核: the disposing body's office, nobody else.
        [review] = todos(app, TOWN_OFFICE)
        assert (review.kind, review.link) == (
            "proposal_to_review",
            f"/warnings/proposals/{proposal.id}",
        )
        assert review.title.startswith("预警建议待审核")
        assert todos(app, SIBLING_OFFICE) == []
        assert todos(app, UNIT_HEAD) == []  # the warned unit is not its own judge

        app.review(proposal.id, ReviewRecord(**vars(MEETING)), TOWN_OFFICE)
        [issue] = todos(app, TOWN_OFFICE)
        assert issue.title.startswith("已审核，待发预警通知书或移送")
        warning = app.issue_warning(proposal.id, TOWN_OFFICE, subject_person_id="staff-0042")

        # Each action to its holder, with its deadline 限期.
        owed = todos(app, UNIT_HEAD)
        assert kinds(owed) == ["warning_action_due"] * 3
        assert sorted(t.title for t in owed) == sorted(TITLES)  # two share a deadline
        deadlines = [t.deadline for t in owed]
        assert None not in deadlines
        assert deadlines == sorted(deadlines)  # type: ignore[type-var]
        [talk] = todos(app, TOWN_OFFICE)
        assert talk.kind == "warning_action_due"  # the talk is the town's own to hold
        assert todos(app, SIBLING_OFFICE) == []

        # Reported by the 财政所: the town's office verifies; reported by the town's clerk: the
        # office verifies, but the clerk never verifies their own.
        talk_id = next(a.action_id for a in warning.actions.values() if a.kind == "warning_talk")
        app.report_action(
            warning.id, talk_id, TOWN_CLERK, note="", document_refs=[], held_at=app.clock.now(),
            participants=["出纳 张某"],
        )  # fmt: skip
        first = next(a for a in warning.actions.values() if a.kind != "warning_talk")
        app.report_action(warning.id, first.action_id, UNIT_HEAD, document_refs=["doc-1"])
        assert kinds(todos(app, UNIT_HEAD)) == ["warning_action_due"] * 2
        assert kinds(todos(app, TOWN_OFFICE)) == ["warning_action_to_verify"] * 2
        assert kinds(todos(app, TOWN_CLERK)) == ["warning_action_to_verify"]  # not its own
        app.verify_action(warning.id, first.action_id, TOWN_OFFICE, accepted=True)
        assert kinds(todos(app, TOWN_OFFICE)) == ["warning_action_to_verify"]


class TestWarningTodosInMemory(InMemory, WarningTodos):
    pass


class TestWarningTodosSQLite(OnSQLite, WarningTodos):
    pass
