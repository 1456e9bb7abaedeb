"""Inspections 检查 and their findings 检查发现 (动态修正, Art. 30).

Three kinds: the unit's own self-inspection 自查 (annual, or after a change of staff, law,
function or duty), an internal inspection 内部检查 by the supervising department, and superior
supervision 上级监督 by information monitoring 信息监测, unannounced visits 明察暗访 or social
review 社会评议. A finding may say that a risk point's content, grade or measures are wrong: that
finding is what becomes a RevisionRequested for the register.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid4, uuid5

from eventsourcing.domain import Aggregate, event

from shared.clock import BEIJING
from shared.errors import Conflict, Invalid, NotFound
from shared.vocabulary import ActorRecord

ANNUAL_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:assessment:annual-self-inspection")


class InspectionKind(StrEnum):
    """Who inspects: the unit itself, its supervising department, or a superior (Art. 30)."""

    SELF = "self_inspection"  # 自查
    INTERNAL = "internal"  # 主管部门内部检查
    SUPERIOR = "superior"  # 上级监督


class SuperiorMethod(StrEnum):
    """How a superior supervises: 信息监测, 明察暗访, 社会评议 (Art. 30)."""

    INFORMATION_MONITORING = "information_monitoring"  # 信息监测
    UNANNOUNCED_VISIT = "unannounced_visit"  # 明察暗访
    SOCIAL_REVIEW = "social_review"  # 社会评议


class SelfTrigger(StrEnum):
    """Why a self-inspection is due: the year, or a change of staff, law, function, duty."""

    ANNUAL = "annual"  # 年度自查
    STAFF_CHANGE = "staff_change"  # 人员变动
    LAW_CHANGE = "law_change"  # 法律法规变化
    FUNCTION_CHANGE = "function_change"  # 职能调整
    DUTY_CHANGE = "duty_change"  # 岗位职责变化


def annual_self_inspection_id(unit_code: str, year: int) -> UUID:
    """The id of a unit's one annual self-inspection 年度自查 of a year (Art. 30)."""
    return uuid5(ANNUAL_NAMESPACE, f"{unit_code}:{year}")


@dataclass
class Finding:
    """One finding; closed once its rectification 整改 is confirmed."""

    finding_id: UUID
    description: str
    risk_point_id: UUID | None
    aspects: tuple[str, ...]
    rectify_by: date | None
    recorded_at: datetime
    recorded_by: ActorRecord
    closed_at: datetime | None = None
    closed_by: ActorRecord | None = None
    rectification: str = ""

    @property
    def is_open(self) -> bool:
        """Not yet confirmed rectified (Art. 30)."""
        return self.closed_at is None

    @property
    def closed_on_time(self) -> bool:
        """Closed, and by its rectify-by date if it had one (a Beijing-time date)."""
        if self.closed_at is None:
            return False
        return (
            self.rectify_by is None or self.closed_at.astimezone(BEIJING).date() <= self.rectify_by
        )


class Inspection(Aggregate):
    """One inspection of one unit in one assessment year (Art. 30)."""

    @staticmethod
    def create_id(*, kind: str, trigger: str | None, unit_code: str, year: int, **_: Any) -> UUID:
        """A unit's annual self-inspection is one per year (its id says so); others are many."""
        if kind == InspectionKind.SELF and trigger == SelfTrigger.ANNUAL:
            return annual_self_inspection_id(unit_code, year)
        return uuid4()

    @event("Opened")
    def __init__(
        self,
        *,
        kind: str,
        method: str | None,
        trigger: str | None,
        unit_code: str,
        year: int,
        inspecting_unit: str,
        title: str,
        due_on: str | None,
        opened_by: ActorRecord,
        opened_at: datetime,
    ) -> None:
        self.kind = InspectionKind(kind)
        self.method = SuperiorMethod(method) if method else None
        self.trigger = SelfTrigger(trigger) if trigger else None
        self.unit_code = unit_code
        self.year = year
        self.inspecting_unit = inspecting_unit
        self.title = title
        # Dates are stored as ISO text: the transcoder knows datetimes only.
        self.due_on = date.fromisoformat(due_on) if due_on else None
        self.opened_by = opened_by
        self.opened_at = opened_at
        self.completed_at: datetime | None = None
        self.summary = ""
        self.findings: dict[UUID, Finding] = {}

    @property
    def is_open(self) -> bool:
        """Not yet completed 检查完成 (Art. 30)."""
        return self.completed_at is None

    def finding(self, finding_id: UUID) -> Finding:
        """One finding of this inspection; NotFound if there is none."""
        try:
            return self.findings[finding_id]
        except KeyError:
            raise NotFound(
                f"检查 {self.id} 中没有检查发现 {finding_id} "
                f"(no finding {finding_id} in inspection {self.id})"
            ) from None

    class FindingRecorded(Aggregate.Event):
        """A finding 检查发现 was recorded; about a risk point, it asks for revision (Art. 30).

        It carries the unit and the authority, so the public RevisionRequested is made from this
        event alone.
        """

        unit_code: str
        authority: str
        finding_id: UUID
        description: str
        risk_point_id: UUID | None
        aspects: list[str]
        rectify_by: str | None  # ISO date: the transcoder knows datetimes only
        revise_by: datetime | None
        by: ActorRecord
        at: datetime

    def record_finding(
        self,
        *,
        finding_id: UUID,
        description: str,
        risk_point_id: UUID | None,
        aspects: list[str],
        rectify_by: date | None,
        revise_by: datetime | None,
        by: ActorRecord,
        at: datetime,
    ) -> None:
        """Record a finding (检查发现) while the inspection is under way (Art. 30)."""
        if not self.is_open:
            raise Conflict(
                "检查已完成，不能再记录检查发现 (the inspection is completed; findings are "
                "recorded before that)"
            )
        if aspects and risk_point_id is None:
            raise Invalid(
                "risk_point_id",
                "涉及风险内容、等级或防控措施的检查发现，须指明风险点 (a finding about content, "
                "grade or measures names it)",
            )
        self._record_finding(
            unit_code=self.unit_code,
            authority=f"Art. 30; {self.kind.value}: {self.title}",
            finding_id=finding_id,
            description=description,
            risk_point_id=risk_point_id,
            aspects=aspects,
            rectify_by=rectify_by.isoformat() if rectify_by else None,
            revise_by=revise_by,
            by=by,
            at=at,
        )

    @event(FindingRecorded)
    def _record_finding(
        self,
        *,
        unit_code: str,
        authority: str,
        finding_id: UUID,
        description: str,
        risk_point_id: UUID | None,
        aspects: list[str],
        rectify_by: str | None,
        revise_by: datetime | None,
        by: ActorRecord,
        at: datetime,
    ) -> None:
        deadline = date.fromisoformat(rectify_by) if rectify_by else None
        self.findings[finding_id] = Finding(
            finding_id, description, risk_point_id, tuple(aspects), deadline, at, by
        )

    def close_finding(
        self, *, finding_id: UUID, rectification: str, by: ActorRecord, at: datetime
    ) -> None:
        """Confirm a finding rectified 整改到位 and close it."""
        if not self.finding(finding_id).is_open:
            raise Conflict(
                f"检查发现 {finding_id} 已整改销号 (finding {finding_id} is already closed)"
            )
        self._close_finding(finding_id=finding_id, rectification=rectification, by=by, at=at)

    @event("FindingClosed")
    def _close_finding(
        self, *, finding_id: UUID, rectification: str, by: ActorRecord, at: datetime
    ) -> None:
        f = self.findings[finding_id]
        f.closed_at, f.closed_by, f.rectification = at, by, rectification

    def complete(self, *, summary: str, by: ActorRecord, at: datetime) -> None:
        """Finish the inspection 检查完成; open findings stay open until rectified."""
        if not self.is_open:
            raise Conflict("检查已完成 (the inspection is already completed)")
        self._complete(summary=summary, by=by, at=at)

    @event("Completed")
    def _complete(self, *, summary: str, by: ActorRecord, at: datetime) -> None:
        self.completed_at = at
        self.summary = summary
