"""What a warning notice 预警通知书 says, once, for every rendering of it (Art. 28).

Times on the notice are Beijing time: the people who receive it read deadlines on a Chinese
calendar and clock; the store keeps UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from shared.clock import BEIJING
from shared.orgtree import UnknownUnit
from shared.vocabulary import WarningLevel

if TYPE_CHECKING:
    from datetime import datetime

    from services.warning.disposal.model import IssuedWarning
    from shared.orgtree import OrgDirectory

REGULATION = "《清远市清新区廉政风险防控工作暂行办法》"
# Dark enough to read on white paper and screen (WCAG AA contrast, checked by the console's
# browser tests where the notice is previewed), still plainly 黄/橙/红.
COLOURS = {
    WarningLevel.YELLOW: "#a16207",
    WarningLevel.ORANGE: "#c2410c",
    WarningLevel.RED: "#b91c1c",
}


@dataclass(frozen=True)
class NoticeLine:
    """One action the notice requires, with its deadline in Beijing time."""

    number: int
    action: str
    requirement: str
    due: str


@dataclass(frozen=True)
class Notice:
    """The content of one notice, ready to be laid out."""

    level: WarningLevel
    title: str
    notice_number: str
    unit_name: str
    opening: str
    reasons: str
    lines: tuple[NoticeLine, ...]
    reported_to: str
    disposing_name: str
    issued_on: str

    @property
    def colour(self) -> str:
        """The level's colour, for the title of the notice."""
        return COLOURS[self.level]


def beijing_time(moment: datetime) -> str:
    """A moment as people in the district read it: 2026年12月05日 17:00（北京时间）."""
    return f"{moment.astimezone(BEIJING):%Y年%m月%d日 %H:%M}（北京时间）"


def _name(org: OrgDirectory, code: str) -> str:
    try:
        return org.get(code).name
    except UnknownUnit:
        return code


def notice_of(warning: IssuedWarning, org: OrgDirectory) -> Notice:
    """The 预警通知书 of one warning: unit, level, reasons, actions and deadlines (Art. 28)."""
    level_zh = warning.level.label_zh
    return Notice(
        level=warning.level,
        title=f"{level_zh}通知书",
        notice_number=warning.notice_number,
        unit_name=_name(org, warning.subject_unit),
        opening=f"经专题会议审核（{warning.minutes_ref}），根据{REGULATION}第二十八条，"
        f"现对你单位发出{level_zh}。",
        reasons=warning.reasons,
        lines=tuple(
            NoticeLine(i, a.kind.label_zh, a.description, beijing_time(a.due_at))
            for i, a in enumerate(warning.actions.values(), start=1)
        ),
        reported_to="、".join(_name(org, c) for c in warning.reported_to),
        disposing_name=_name(org, warning.disposing_unit),
        issued_on=f"{warning.issued_at.astimezone(BEIJING):%Y年%m月%d日}",
    )
