"""What each warning level requires and by when: the configurable disposal rules (Art. 28).

第二十八条 names the actions per level but no deadlines (规定时限 / 限期); the defaults below are
configuration, documented in docs/warning-deadlines.md. Days are calendar days from issue.
`plan_actions` applies them to one warning: pure, so the rule is read and tested on its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from types import MappingProxyType
from typing import TYPE_CHECKING

from shared.errors import Invalid
from shared.vocabulary import ActionHolder, ActionKind, WarningLevel

if TYPE_CHECKING:
    from collections.abc import Collection

LEVELS = tuple(WarningLevel)  # from low to high
LEVEL_CHAR = MappingProxyType(
    {WarningLevel.YELLOW: "黄", WarningLevel.ORANGE: "橙", WarningLevel.RED: "红"}
)
# Whose duty each action is (Art. 28). The text asks the warned object 预警对象 for the
# explanation, the analysis and the rectification (要求预警对象…作出说明…写出剖析材料…限期整改);
# the rest is what the disposing body does: talks (进行预警谈话), criticism (内部通报批评),
# inquiry (询问与质询), the letter (发出纪律检查(监察)建议书), off-post study (离岗学习、停职检查).
# It is the text's, not the district's, so it is not configurable.
HOLDER_OF: Mapping[ActionKind, ActionHolder] = MappingProxyType(
    {
        ActionKind.EXPLANATION: ActionHolder.WARNED_UNIT,
        ActionKind.SELF_ANALYSIS: ActionHolder.WARNED_UNIT,
        ActionKind.DEEP_ANALYSIS: ActionHolder.WARNED_UNIT,
        ActionKind.MEASURES_REVISION: ActionHolder.WARNED_UNIT,
        ActionKind.RECTIFICATION: ActionHolder.WARNED_UNIT,
        ActionKind.WARNING_TALK: ActionHolder.DISPOSING_BODY,
        ActionKind.LEADER_TALK: ActionHolder.DISPOSING_BODY,
        ActionKind.PRINCIPAL_LEADER_TALK: ActionHolder.DISPOSING_BODY,
        ActionKind.INTERNAL_CRITICISM: ActionHolder.DISPOSING_BODY,
        ActionKind.INQUIRY: ActionHolder.DISPOSING_BODY,
        ActionKind.RECOMMENDATION_LETTER: ActionHolder.DISPOSING_BODY,
        ActionKind.OFF_POST_STUDY: ActionHolder.DISPOSING_BODY,
    }
)
# Actions reported with when and who (谈话、询问与质询).
MEETING_KINDS = frozenset(
    {
        ActionKind.WARNING_TALK,
        ActionKind.LEADER_TALK,
        ActionKind.PRINCIPAL_LEADER_TALK,
        ActionKind.INQUIRY,
    }
)
# Actions whose proof is a document (材料), reported by reference.
DOCUMENT_KINDS = frozenset(
    {
        ActionKind.EXPLANATION,
        ActionKind.SELF_ANALYSIS,
        ActionKind.DEEP_ANALYSIS,
        ActionKind.MEASURES_REVISION,
        ActionKind.INTERNAL_CRITICISM,
        ActionKind.RECOMMENDATION_LETTER,
    }
)


@dataclass(frozen=True)
class ActionRule:
    """One action a level requires, its default deadline, and whether only "where decided"."""

    kind: ActionKind
    days: int
    description: str
    optional: bool = False  # 视情况: only when the review meeting decides so

    def __post_init__(self) -> None:
        if not 1 <= self.days <= 365:
            raise Invalid(f"plans.{self.kind}.days", "must be 1..365")

    @property
    def holder(self) -> ActionHolder:
        """Whose duty the action is (Art. 28)."""
        return HOLDER_OF[self.kind]


_K = ActionKind
_YELLOW = (
    ActionRule(_K.EXPLANATION, 7, "就有关问题作出说明、分析原因"),
    ActionRule(_K.SELF_ANALYSIS, 7, "写出剖析材料"),
    ActionRule(_K.WARNING_TALK, 10, "对涉及的党员干部进行预警谈话"),
    ActionRule(_K.RECTIFICATION, 30, "限期对存在的问题进行整改"),
)
_ORANGE = (
    ActionRule(_K.EXPLANATION, 7, "就有关问题认真分析原因"),
    ActionRule(_K.SELF_ANALYSIS, 7, "写出剖析材料"),
    ActionRule(_K.MEASURES_REVISION, 10, "制定或修正整改措施"),
    ActionRule(_K.RECTIFICATION, 30, "限期进行整改"),
    ActionRule(_K.LEADER_TALK, 7, "对分管领导进行预警谈话"),
    ActionRule(_K.INTERNAL_CRITICISM, 15, "对预警对象进行内部通报批评"),
    ActionRule(_K.INQUIRY, 15, "开展询问与质询", optional=True),
)
_RED = (
    ActionRule(_K.DEEP_ANALYSIS, 5, "就有关问题深刻分析原因"),
    ActionRule(_K.SELF_ANALYSIS, 5, "写出剖析材料"),
    ActionRule(_K.RECTIFICATION, 20, "落实整改措施"),
    ActionRule(_K.WARNING_TALK, 5, "对涉及的党员干部进行预警谈话"),
    ActionRule(_K.PRINCIPAL_LEADER_TALK, 5, "对所在单位主要领导进行预警谈话"),
    ActionRule(_K.RECOMMENDATION_LETTER, 3, "发出纪律检查(监察)建议书，督促整改"),
    ActionRule(_K.OFF_POST_STUDY, 3, "离岗学习、停职检查", optional=True),
)
DEFAULT_PLANS: Mapping[WarningLevel, tuple[ActionRule, ...]] = MappingProxyType(
    {WarningLevel.YELLOW: _YELLOW, WarningLevel.ORANGE: _ORANGE, WarningLevel.RED: _RED}
)
DEFAULT_ESCALATION: Mapping[WarningLevel, WarningLevel] = MappingProxyType(
    {WarningLevel.YELLOW: WarningLevel.ORANGE, WarningLevel.ORANGE: WarningLevel.RED}
)
DEFAULT_NOTICE_PATTERN = "清新廉预〔{year}〕{level_char}-{seq:04d}"


@dataclass(frozen=True)
class WarningRules:
    """Actions and deadlines per level, reminders, escalation, notice numbers (Art. 27, 28)."""

    plans: Mapping[WarningLevel, tuple[ActionRule, ...]] = field(
        default_factory=lambda: DEFAULT_PLANS
    )
    remind_days_before: int = 3
    # Days the disposing body has to report its rework after the level above returns its
    # disposal 退回重办 (Art. 29); the text sets none.
    rework_days: int = 10
    # An overdue action of the warned unit, under a warning of the key level, proposes for review
    # that the point be re-graded to the grade of the value level (never the level itself,
    # Art. 28: the level follows the grade); absent: nothing is proposed.
    escalation: Mapping[WarningLevel, WarningLevel] = field(
        default_factory=lambda: DEFAULT_ESCALATION
    )
    notice_pattern: str = DEFAULT_NOTICE_PATTERN
    # 条块结合: a unit's superior business department (上级业务主管部门), by unit code.
    business_lines: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if set(self.plans) != set(LEVELS):
            raise Invalid("plans", f"give a plan for each level: {', '.join(LEVELS)}")
        if not 0 <= self.remind_days_before <= 30:
            raise Invalid("remind_days_before", "must be 0..30")
        if not 1 <= self.rework_days <= 90:
            raise Invalid("rework_days", "must be 1..90")
        for low, high in self.escalation.items():
            if LEVELS.index(high) <= LEVELS.index(low):
                raise Invalid("escalation", f"{low} must escalate to a higher level, not {high}")
        try:
            self.notice_number(2026, WarningLevel.YELLOW, 1)
        except (KeyError, IndexError, ValueError) as exc:
            raise Invalid("notice_pattern", f"cannot format: {exc}") from exc
        if "{seq" not in self.notice_pattern:
            raise Invalid("notice_pattern", "must contain {seq} so that numbers differ")

    def plan(self, level: WarningLevel) -> tuple[ActionRule, ...]:
        """The actions a level requires, in the order of Art. 28."""
        return self.plans[level]

    def optional_kinds(self, level: WarningLevel) -> frozenset[ActionKind]:
        """The actions of a level that apply only where the meeting decides (视情况)."""
        return frozenset(r.kind for r in self.plans[level] if r.optional)

    def notice_number(self, year: int, level: WarningLevel, seq: int) -> str:
        """The notice's number 预警通知书文号, e.g. 清新廉预〔2026〕黄-0007."""
        return self.notice_pattern.format(
            year=year, level=level.value, level_char=LEVEL_CHAR[level], seq=seq
        )

    def escalates_to(self, level: WarningLevel) -> WarningLevel | None:
        """The level whose grade an overdue warning of `level` suggests re-grading to, if any."""
        return self.escalation.get(level)


@dataclass(frozen=True)
class PlannedAction:
    """One action a warning will require, with its deadline 限期 in UTC (Art. 28)."""

    kind: ActionKind
    holder: ActionHolder
    description: str
    due_at: datetime


def plan_actions(
    rules: WarningRules,
    level: WarningLevel,
    chosen: Collection[ActionKind],
    deadlines: Mapping[ActionKind, datetime],
    now: datetime,
) -> tuple[PlannedAction, ...]:
    """The actions a warning of `level` requires and their deadlines 规定时限 (Art. 28).

    Every action of the level's plan, the optional ones (视情况) only where the meeting `chose`
    them; each due its default days after `now`, unless `deadlines` sets it (future, with a
    timezone, and only for an action of this plan).
    """
    plan = [r for r in rules.plan(level) if not r.optional or r.kind in chosen]
    kinds = {r.kind for r in plan}
    for kind, due in deadlines.items():
        if kind not in kinds:
            raise Invalid(
                f"deadlines.{kind}",
                f"“{kind.label_zh}”不是本次{level.label_zh}的处置措施 "
                f"(not an action of this {level} warning)",
            )
        if due.tzinfo is None:
            raise Invalid(f"deadlines.{kind}", "请注明时区 (give a timezone)")
        if due <= now:
            raise Invalid(f"deadlines.{kind}", "期限已过 (the deadline lies in the past)")
    return tuple(
        PlannedAction(
            r.kind,
            r.holder,
            r.description,
            deadlines.get(r.kind, now + timedelta(days=r.days)).astimezone(UTC),
        )
        for r in plan
    )
