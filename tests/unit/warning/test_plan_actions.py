"""Art. 28 as a pure rule: which actions a level requires, and by when (plan_actions)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from services.warning.deadlines.rules import WarningRules, plan_actions
from shared.errors import Invalid
from shared.vocabulary import ActionKind, WarningLevel

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
RULES = WarningRules()


def test_yellow_requires_four_actions_due_their_default_days_after_issue() -> None:
    planned = plan_actions(RULES, WarningLevel.YELLOW, (), {}, NOW)
    assert [(p.kind, p.due_at - NOW) for p in planned] == [
        (ActionKind.EXPLANATION, timedelta(days=7)),
        (ActionKind.SELF_ANALYSIS, timedelta(days=7)),
        (ActionKind.WARNING_TALK, timedelta(days=10)),
        (ActionKind.RECTIFICATION, timedelta(days=30)),
    ]
    assert planned[0].description == "就有关问题作出说明、分析原因"


@pytest.mark.parametrize(
    ("level", "optional"),
    [(WarningLevel.ORANGE, ActionKind.INQUIRY), (WarningLevel.RED, ActionKind.OFF_POST_STUDY)],
)
def test_where_decided_actions_only_when_the_meeting_chose_them(
    level: WarningLevel, optional: ActionKind
) -> None:
    plain = {p.kind for p in plan_actions(RULES, level, (), {}, NOW)}
    chosen = [p.kind for p in plan_actions(RULES, level, (optional,), {}, NOW)]
    assert optional not in plain
    assert chosen[-1] is optional
    assert set(chosen) - plain == {optional}


def test_a_deadline_set_when_issuing_replaces_the_default_and_is_kept_in_utc() -> None:
    beijing = timezone(timedelta(hours=8))
    due = datetime(2026, 1, 20, 17, 0, tzinfo=beijing)
    planned = plan_actions(RULES, WarningLevel.RED, (), {ActionKind.RECTIFICATION: due}, NOW)
    [rectification] = [p for p in planned if p.kind is ActionKind.RECTIFICATION]
    assert rectification.due_at == due
    assert rectification.due_at.tzinfo is UTC
    others = [p.due_at - NOW for p in planned if p.kind is not ActionKind.RECTIFICATION]
    assert others == [timedelta(days=d) for d in (5, 5, 5, 5, 3)]


@pytest.mark.parametrize(
    ("kind", "due"),
    [
        (ActionKind.INQUIRY, NOW + timedelta(days=1)),  # not chosen: not an action of this plan
        (ActionKind.PRINCIPAL_LEADER_TALK, NOW + timedelta(days=1)),  # red only
        (ActionKind.RECTIFICATION, datetime(2026, 2, 1)),  # no timezone
        (ActionKind.RECTIFICATION, NOW),  # not in the future
    ],
)
def test_a_deadline_refused_names_its_action(kind: ActionKind, due: datetime) -> None:
    with pytest.raises(Invalid) as caught:
        plan_actions(RULES, WarningLevel.ORANGE, (), {kind: due}, NOW)
    assert caught.value.field == f"deadlines.{kind.value}"
