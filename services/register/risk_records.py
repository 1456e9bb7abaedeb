"""The values a risk point keeps: status, focus flags, grading, votes, publication (Art. 10–14)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from services.register.grading import Factors
from shared.vocabulary import Grade


class RiskStatus(StrEnum):
    """Where a risk point is on its way to force (Art. 10, 14).

    draft 待评定 → graded 待审定 (awaiting the leadership team) → approved 审定通过
    → published 公示中 → in force 生效. A grade that changes after approval sends it back to graded.
    """

    DRAFT = "draft"
    GRADED = "graded"
    APPROVED = "approved"
    PUBLISHED = "published"
    IN_FORCE = "in_force"

    @property
    def label_zh(self) -> str:
        return STATUS_ZH[self.value]


STATUS_ZH = {
    "draft": "待评定",
    "graded": "待审定",
    "approved": "审定通过",
    "published": "公示中",
    "in_force": "生效",
}


@dataclass(frozen=True)
class Focus:
    """Why a risk point deserves focus 排查重点 (Art. 12)."""

    key_post_or_link: bool = False  # 权力运行的重要岗位和关键环节
    past_violation: bool = False  # 曾经出现过违纪违法问题
    many_complaints: bool = False  # 群众反映问题较多

    def as_dict(self) -> dict[str, bool]:
        return {
            "key_post_or_link": self.key_post_or_link,
            "past_violation": self.past_violation,
            "many_complaints": self.many_complaints,
        }


@dataclass(frozen=True)
class Grading:
    """One grading or re-grading: factors, result, rule, who, why, responsible leader (Art. 14)."""

    factors: Factors
    grade: Grade
    previous_grade: Grade | None
    rule: dict[str, Any]
    source: str
    reason: str
    responsible_leader_id: str
    graded_by: dict[str, str]
    graded_at: datetime


@dataclass(frozen=True)
class Vote:
    """One leadership-team member's vote on a grading 集体审定 (Art. 14)."""

    member_id: str
    in_favour: bool
    comment: str
    cast_at: datetime


@dataclass(frozen=True)
class Objection:
    """An objection 异议 raised during publication 公示, and the answer to it (Art. 10)."""

    number: int
    raised_by: str
    text: str
    recorded_by: str
    recorded_at: datetime
    answer: str | None = None
    answered_by: str | None = None


@dataclass
class Publication:
    """The publication period 公示期 of an approved risk point and its objections (Art. 10)."""

    starts_at: datetime
    ends_at: datetime
    published_by: str
    objections: list[Objection] = field(default_factory=list)

    @property
    def open_objections(self) -> list[Objection]:
        return [o for o in self.objections if o.answer is None]


@dataclass
class Revision:
    """A revision 动态修正 an inspection asked for, open until approved again (Art. 30)."""

    request_id: UUID
    aspects: tuple[str, ...]
    finding: str
    inspection_id: UUID
    finding_id: UUID
    revise_by: datetime | None
    requested_by: dict[str, str]
    opened_at: datetime
    closed_at: datetime | None = None


@dataclass(frozen=True)
class Content:
    """What a risk point said before a content revision: kept forever, oldest first (Art. 30)."""

    category: str
    description: str
    manifestations: tuple[str, ...]
    focus: dict[str, bool]
    revised_by: dict[str, str]
    revised_at: datetime
    reason: str
