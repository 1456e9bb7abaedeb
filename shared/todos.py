"""One line of a person's 工作台 to-do list 待办事项, as every service answers `GET /todos`.

Each service computes the caller's to-dos from its own read model (its `todos/` feature folder):
what the caller's roles and unit oblige them to do next, each with its deadline and where in the
web console to do it. Nothing here is stored: a to-do is what the events say is still open, so it
disappears by itself once the event that settles it is saved. The console's front door gathers
the four services' lists into one (services/console/todos/).

A to-do never carries a petitioner's identity (Art. 22): titles name the case by its summary and
unit, as the caller's own listings already do.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

TodoKind = Literal[
    "duty_due",  # 信息报送: a periodic report owed by a unit (Art. 23)
    "forward_to_handle",  # 批转待办理: forwarded here, a handling report owed (Art. 24)
    "forward_awaiting_feedback",  # 转办待反馈: a forward below whose feedback is awaited (Art. 24)
    "forward_report_to_review",  # 反馈待审核: a handling report to sign off or return (Art. 24)
    "breach_to_review",  # 瞒报线索待复核: a concealment candidate to confirm or dismiss (Art. 23)
    "public_report_to_screen",  # 网上举报待筛选: a report from the public form (Art. 22, 24)
    "information_to_judge",  # 待核实研判 (Art. 21, 25)
    "grading_to_vote",  # 待表决: a grading awaiting the caller's vote (Art. 14)
    "point_to_publish",  # 待公示: an approved point to publish (Art. 10)
    "objection_to_answer",  # 异议待答复 (Art. 10)
    "measure_due",  # 防控措施待落实 (Art. 15)
    "measure_to_verify",  # 措施待核验 (Art. 15)
    "proposal_to_review",  # 预警待审核 (Art. 28)
    "warning_action_due",  # 预警处置待办: an action owed by its holder (Art. 28)
    "warning_action_to_verify",  # 落实情况待核验 (Art. 28)
    "disposal_to_sign_off",  # 处置待办结: a finished disposal to sign off or return (Art. 29)
    "disposal_rework_due",  # 退回重办: a returned disposal's rework owed by its 重办期限 (Art. 29)
]


class TodoItem(BaseModel):
    """Something the caller is to do, by when, and where in the console (工作台)."""

    model_config = ConfigDict(frozen=True)

    key: str = Field(
        description="Stable for as long as the to-do is open (kind:subject[:detail]): what the "
        "console marks as seen for the bell's unread count."
    )
    kind: TodoKind = Field(description="What is to be done (the regulation's step).")
    service: Literal["intake", "register", "warning", "assessment"]
    title: str = Field(description="What, in the regulation's words (zh-CN).")
    detail: str = Field("", description="About what: the unit, the case's summary, the point.")
    unit_code: str = Field(description="The unit the to-do is about.")
    deadline: datetime | None = Field(
        None, description="By when (the regulation's or the decision's deadline); None if none."
    )
    since: datetime | None = Field(None, description="Since when it has been waiting.")
    link: str = Field(description="Where in the web console to act on it (a console path).")


def sorted_todos(items: list[TodoItem]) -> list[TodoItem]:
    """The soonest deadline first, then those without one, oldest waiting first."""
    far = datetime.max.timestamp()
    return sorted(
        items,
        key=lambda t: (
            t.deadline.timestamp() if t.deadline else far,
            t.since.timestamp() if t.since else far,
            t.key,
        ),
    )
