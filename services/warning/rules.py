"""What each warning level requires and by when: the configurable disposal rules (Art. 28).

第二十八条 names the actions per level but no deadlines (规定时限 / 限期); the defaults below are
configuration, documented in docs/warning-deadlines.md. Days are calendar days from issue.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from shared.errors import Invalid

LEVELS = ("yellow", "orange", "red")
LEVEL_CHAR = MappingProxyType({"yellow": "黄", "orange": "橙", "red": "红"})
# Actions held by the disposing body and reported with when and who (谈话、询问与质询).
MEETING_KINDS = frozenset({"warning_talk", "leader_talk", "principal_leader_talk", "inquiry"})
# Actions whose proof is a document (材料), reported by reference.
DOCUMENT_KINDS = frozenset(
    {
        "explanation",
        "self_analysis",
        "deep_analysis",
        "measures_revision",
        "internal_criticism",
        "recommendation_letter",
    }
)


@dataclass(frozen=True)
class ActionRule:
    """One action a level requires, its default deadline, and whether only "where decided"."""

    kind: str
    days: int
    description: str
    optional: bool = False  # 视情况: only when the review meeting decides so

    def __post_init__(self) -> None:
        if not 1 <= self.days <= 365:
            raise Invalid(f"plans.{self.kind}.days", "must be 1..365")


_YELLOW = (
    ActionRule("explanation", 7, "就有关问题作出说明、分析原因"),
    ActionRule("self_analysis", 7, "写出剖析材料"),
    ActionRule("warning_talk", 10, "对涉及的党员干部进行预警谈话"),
    ActionRule("rectification", 30, "限期对存在的问题进行整改"),
)
_ORANGE = (
    ActionRule("explanation", 7, "就有关问题认真分析原因"),
    ActionRule("self_analysis", 7, "写出剖析材料"),
    ActionRule("measures_revision", 10, "制定或修正整改措施"),
    ActionRule("rectification", 30, "限期进行整改"),
    ActionRule("leader_talk", 7, "对分管领导进行预警谈话"),
    ActionRule("internal_criticism", 15, "对预警对象进行内部通报批评"),
    ActionRule("inquiry", 15, "开展询问与质询", optional=True),
)
_RED = (
    ActionRule("deep_analysis", 5, "就有关问题深刻分析原因"),
    ActionRule("self_analysis", 5, "写出剖析材料"),
    ActionRule("rectification", 20, "落实整改措施"),
    ActionRule("warning_talk", 5, "对涉及的党员干部进行预警谈话"),
    ActionRule("principal_leader_talk", 5, "对所在单位主要领导进行预警谈话"),
    ActionRule("recommendation_letter", 3, "发出纪律检查(监察)建议书，督促整改"),
    ActionRule("off_post_study", 3, "离岗学习、停职检查", optional=True),
)
DEFAULT_PLANS: Mapping[str, tuple[ActionRule, ...]] = MappingProxyType(
    {"yellow": _YELLOW, "orange": _ORANGE, "red": _RED}
)
DEFAULT_ESCALATION: Mapping[str, str] = MappingProxyType({"yellow": "orange", "orange": "red"})
DEFAULT_NOTICE_PATTERN = "清新廉预〔{year}〕{level_char}-{seq:04d}"


@dataclass(frozen=True)
class WarningRules:
    """Actions and deadlines per level, reminders, escalation, notice numbers (Art. 27, 28)."""

    plans: Mapping[str, tuple[ActionRule, ...]] = field(default_factory=lambda: DEFAULT_PLANS)
    remind_days_before: int = 3
    # An overdue warning of the key level proposes the value level for review; absent: none.
    escalation: Mapping[str, str] = field(default_factory=lambda: DEFAULT_ESCALATION)
    notice_pattern: str = DEFAULT_NOTICE_PATTERN
    # 条块结合: a unit's superior business department (上级业务主管部门), by unit code.
    business_lines: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if set(self.plans) != set(LEVELS):
            raise Invalid("plans", f"give a plan for each level: {', '.join(LEVELS)}")
        if not 0 <= self.remind_days_before <= 30:
            raise Invalid("remind_days_before", "must be 0..30")
        for low, high in self.escalation.items():
            if LEVELS.index(high) <= LEVELS.index(low):
                raise Invalid("escalation", f"{low} must escalate to a higher level, not {high}")
        try:
            self.notice_number(2026, "yellow", 1)
        except (KeyError, IndexError, ValueError) as exc:
            raise Invalid("notice_pattern", f"cannot format: {exc}") from exc
        if "{seq" not in self.notice_pattern:
            raise Invalid("notice_pattern", "must contain {seq} so that numbers differ")

    def plan(self, level: str) -> tuple[ActionRule, ...]:
        """The actions a level requires, in the order of Art. 28."""
        return self.plans[level]

    def optional_kinds(self, level: str) -> frozenset[str]:
        """The actions of a level that apply only where the meeting decides (视情况)."""
        return frozenset(r.kind for r in self.plans[level] if r.optional)

    def notice_number(self, year: int, level: str, seq: int) -> str:
        """The notice's number 预警通知书文号, e.g. 清新廉预〔2026〕黄-0007."""
        return self.notice_pattern.format(
            year=year, level=level, level_char=LEVEL_CHAR[level], seq=seq
        )

    def escalates_to(self, level: str) -> str | None:
        """The level an overdue warning of `level` proposes, if any (configurable)."""
        return self.escalation.get(level)
