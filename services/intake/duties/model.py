"""Reporting duties 报告义务 of each unit and their breaches 迟报/漏报/瞒报 (Art. 23).

A periodic duty wants a report per period, due N days after the period ends; an event duty
wants the unit's own report within N days of learning of a matter. The principal leader
主要领导 is first responsible (第一责任人).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from shared.clock import BEIJING
from shared.errors import Conflict, Invalid
from shared.vocabulary import ActorRecord

if TYPE_CHECKING:
    from services.intake.filing.model import RiskInformation

DUTY_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:intake:duty")
DUTY_KINDS = ("periodic", "event")
PERIODS = ("monthly", "quarterly")
BREACH_KINDS = ("late", "missed", "concealment_candidate")  # 迟报 / 漏报 / 瞒报嫌疑
REPORT_FINDINGS = ("untrue", "inaccurate")  # 不真实 / 核心内容不准确, found on a periodic report
# The refusals' Chinese for these codes, in the console's words (console/src/api/intakeApi.ts).
_BREACHES_ZH = {"late": "迟报", "missed": "漏报", "concealment_candidate": "瞒报嫌疑"}
_FINDINGS_ZH = {"untrue": "内容不真实", "inaccurate": "核心内容不准确"}
_DECISIONS_ZH = {"confirmed": "（已认定）", "dismissed": "（已排除）"}


def period_of(moment: datetime, every: str) -> str:
    """The period label a moment falls in, e.g. 2026-01 or 2026-Q1."""
    local = moment.astimezone(BEIJING)  # periods follow the calendar in China
    if every == "monthly":
        return f"{local.year:04d}-{local.month:02d}"
    return f"{local.year:04d}-Q{(local.month - 1) // 3 + 1}"


def period_bounds(label: str) -> tuple[datetime, datetime]:
    """Start and end (exclusive) of a period label, in China time."""
    year, rest = int(label[:4]), label[5:]
    if rest.startswith("Q"):
        first, months = (int(rest[1:]) - 1) * 3 + 1, 3
    else:
        first, months = int(rest), 1
    start = datetime(year, first, 1, tzinfo=BEIJING)
    end_month = first + months
    end = datetime(year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1, tzinfo=BEIJING)
    return start, end


def next_period(label: str, every: str) -> str:
    """The period after `label`."""
    return period_of(period_bounds(label)[1], every)


# A reporting period 2026-01 or 2026-Q1 of this or the last century's years: a year 0 or 9999
# is a typing mistake, and has no calendar bounds to compute (Art. 23).
PERIOD_PATTERN = r"^(19|20)\d{2}-(0[1-9]|1[0-2]|Q[1-4])$"


def check_period(period: str, every: str) -> None:
    """Refuse a period label that does not fit the duty's periods (Art. 23)."""
    year = r"(19|20)\d{2}"
    pattern = rf"^{year}-(0[1-9]|1[0-2])$" if every == "monthly" else rf"^{year}-Q[1-4]$"
    if not re.match(pattern, period):
        example_zh = (
            "按月报送的报告期形如 2026-01"
            if every == "monthly"
            else "按季度报送的报告期形如 2026-Q1"
        )
        raise Invalid("period", f"{example_zh} (a {every} period looks like 2026-01 / 2026-Q1)")


@dataclass(frozen=True)
class Evidence:
    """A stored event a breach rests on: who reported what, when (Art. 23)."""

    originator_id: UUID
    originator_version: int = 1

    def as_record(self) -> dict[str, Any]:
        """The reference as stored in a breach's event."""
        return {"originator_id": str(self.originator_id), "version": self.originator_version}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Evidence:
        """The reference a stored record names."""
        return cls(UUID(str(record["originator_id"])), int(record["version"]))


class ReportingDuty(Aggregate):
    """What a unit must report and by when (Art. 23)."""

    @staticmethod
    def create_id(unit_code: str, name: str, **_: Any) -> UUID:
        return uuid5(DUTY_NAMESPACE, f"{unit_code}:{name}")

    @staticmethod
    def check(kind: str, every: str | None, due_days: int) -> None:
        """Refuse a duty that cannot be kept or checked."""
        if kind not in DUTY_KINDS:
            raise Invalid(
                "kind",
                f"须为 {'、'.join(DUTY_KINDS)} 之一（定期或事件触发） "
                f"(must be one of {', '.join(DUTY_KINDS)})",
            )
        if kind == "periodic" and every not in PERIODS:
            raise Invalid(
                "every",
                f"定期报送须指定周期：{'、'.join(PERIODS)} 之一（每月或每季度） "
                f"(a periodic duty needs one of {', '.join(PERIODS)})",
            )
        if kind == "event" and every is not None:
            raise Invalid(
                "every", "事件触发的报送义务不设周期 (an event-triggered duty has no period)"
            )
        if not 0 < due_days <= 366:
            raise Invalid("due_days", "须在 1 到 366 天之间 (must be between 1 and 366)")

    @event("Defined")
    def __init__(
        self,
        *,
        unit_code: str,
        name: str,
        kind: str,
        every: str | None,
        due_days: int,
        effective_from: datetime,
        defined_by: ActorRecord,
    ) -> None:
        self.unit_code = unit_code
        self.name = name
        self.kind = kind
        self.every = every
        self.due_days = due_days
        self.effective_from = effective_from
        self.defined_by = dict(defined_by)

    def due_at(self, period: str) -> datetime:
        """When the report of `period` is due: N days after the period ends."""
        return period_bounds(period)[1] + timedelta(days=self.due_days)

    def due_after_learning(self, learned_at: datetime) -> datetime:
        """When a matter learned at `learned_at` must have been reported."""
        return learned_at + timedelta(days=self.due_days)

    def periods_due_by(self, now: datetime) -> list[str]:
        """Every period since the duty took effect whose report is due by `now`."""
        assert self.every is not None
        found, label = [], period_of(self.effective_from, self.every)
        while self.due_at(label) <= now:
            found.append(label)
            label = next_period(label, self.every)
        return found


class PeriodicReport(Aggregate):
    """A unit's report for one period of a periodic duty (定期报告, Art. 23)."""

    @staticmethod
    def create_id(duty_id: UUID, period: str, **_: Any) -> UUID:
        return uuid5(DUTY_NAMESPACE, f"report:{duty_id}:{period}")

    @event("Submitted")
    def __init__(
        self,
        *,
        duty_id: UUID,
        unit_code: str,
        period: str,
        summary: str,
        due_at: datetime,
        submitted_by: ActorRecord,
        submitted_at: datetime,
    ) -> None:
        self.duty_id = duty_id
        self.unit_code = unit_code
        self.period = period
        self.summary = summary
        self.due_at = due_at
        self.submitted_by = dict(submitted_by)
        self.submitted_at = submitted_at
        self.finding: dict[str, Any] | None = None

    @property
    def late(self) -> bool:
        """Submitted after its due time: 迟报 (Art. 23)."""
        return self.submitted_at > self.due_at

    class FoundWanting(Aggregate.Event):
        """The level above found the report untrue 不真实 or inaccurate in its core content
        核心内容不准确 (Art. 23); the unit and the person who submitted it answer for it.

        It carries what the public ReportingBreachFound needs, so it is told from this event.
        """

        kind: str
        reason: str
        by: ActorRecord
        at: datetime
        duty_id: UUID
        unit_code: str
        period: str
        due_at: datetime
        submitted_by: ActorRecord

    def find_wanting(self, kind: str, reason: str, by: ActorRecord, at: datetime) -> None:
        """Record that the report is untrue or inaccurate, with reasons; once (Art. 23)."""
        if kind not in REPORT_FINDINGS:
            raise Invalid(
                "kind",
                f"须为 {'、'.join(REPORT_FINDINGS)} 之一（不真实或核心内容不准确） "
                f"(must be one of {', '.join(REPORT_FINDINGS)})",
            )
        if not reason.strip():
            raise Invalid(
                "reason",
                "请写明核查情况：哪些内容不真实或不准确 (say what was found untrue or inaccurate "
                "(核查情况))",
            )
        if self.finding is not None:
            found = self.finding["kind"]
            raise Conflict(
                f"Art. 23: {self.period} 的报告已被认定为{_FINDINGS_ZH[found]}，不能重复认定 "
                f"(the {self.period} report was already found {found})"
            )
        self._found_wanting(
            kind=kind, reason=reason.strip(), by=dict(by), at=at, duty_id=self.duty_id,
            unit_code=self.unit_code, period=self.period, due_at=self.due_at,
            submitted_by=dict(self.submitted_by),
        )  # fmt: skip

    @event(FoundWanting)
    def _found_wanting(
        self,
        kind: str,
        reason: str,
        by: ActorRecord,
        at: datetime,
        duty_id: UUID,
        unit_code: str,
        period: str,
        due_at: datetime,
        submitted_by: ActorRecord,
    ) -> None:
        self.finding = {"kind": kind, "reason": reason, "by": by, "at": at}


def finding_id_of(report_id: UUID, kind: str) -> UUID:
    """The breach a finding on a periodic report is, by a stable id (Art. 23)."""
    return uuid5(DUTY_NAMESPACE, f"finding:{report_id}:{kind}")


class ReportingBreach(Aggregate):
    """A broken reporting duty: late 迟报, missed 漏报, or a concealment candidate 瞒报 (Art. 23).

    Its id comes from the duty, what it is about and its kind, so two detectors racing record
    it once.
    """

    @staticmethod
    def create_id(duty_id: UUID, about: str, kind: str, **_: Any) -> UUID:
        return uuid5(DUTY_NAMESPACE, f"breach:{duty_id}:{about}:{kind}")

    class Found(Aggregate.Created):
        """A breach was found: kind, duty, due time, who is responsible, the evidence."""

        duty_id: UUID
        about: str
        kind: str
        unit_code: str
        period: str | None
        due_at: datetime
        responsible_person_id: str | None
        evidence: list[dict[str, Any]]
        information_id: UUID | None
        detected_at: datetime

        @property
        def evidence_refs(self) -> tuple[Evidence, ...]:
            """The stored events the breach rests on, typed."""
            return tuple(Evidence.from_record(r) for r in self.evidence)

    @event(Found)
    def __init__(
        self,
        *,
        duty_id: UUID,
        about: str,
        kind: str,
        unit_code: str,
        period: str | None,
        due_at: datetime,
        responsible_person_id: str | None,
        evidence: list[dict[str, Any]],
        information_id: UUID | None,
        detected_at: datetime,
    ) -> None:
        self.duty_id = duty_id
        self.about = about
        self.kind = kind
        self.unit_code = unit_code
        self.period = period
        self.due_at = due_at
        self.responsible_person_id = responsible_person_id
        self.evidence = [dict(e) for e in evidence]
        self.information_id = information_id
        self.detected_at = detected_at
        self.review: dict[str, Any] | None = None

    @property
    def status(self) -> str:
        """recorded (a fact), or for a 瞒报 candidate: to_review, confirmed or dismissed."""
        if self.kind != "concealment_candidate":
            return "recorded"
        return "to_review" if self.review is None else str(self.review["decision"])

    def decide(self, confirmed: bool, reason: str, by: ActorRecord, at: datetime) -> None:
        """A person confirms or dismisses a concealment candidate, with reasons (Art. 23)."""
        if self.kind != "concealment_candidate":
            raise Conflict(
                f"{_BREACHES_ZH[self.kind]}是已记录的事实，不是待复核的瞒报嫌疑 "
                f"(a {self.kind} breach is a fact, not a candidate to review)"
            )
        if self.review is not None:
            decision = self.review["decision"]
            raise Conflict(
                f"该瞒报嫌疑已复核{_DECISIONS_ZH[decision]}，不能重复复核 (already {decision})"
            )
        if not reason.strip():
            raise Invalid("reason", "须写明复核理由 (a reason is required)")
        decision = "confirmed" if confirmed else "dismissed"
        self._reviewed(
            decision=decision, reason=reason.strip(), by=dict(by), at=at,
            unit_code=self.unit_code, kind=self.kind, duty_id=self.duty_id,
            information_id=self.information_id, found_at=self.detected_at,
        )  # fmt: skip

    class Reviewed(Aggregate.Event):
        """A person confirmed or dismissed a 瞒报 candidate, with reasons (Art. 23).

        It carries what the public ReportingBreachReviewed needs, so it is told from this event
        alone: the candidate's unit, kind, duty, case and when it was found.
        """

        decision: str
        reason: str
        by: ActorRecord
        at: datetime
        unit_code: str
        kind: str
        duty_id: UUID
        information_id: UUID | None
        found_at: datetime

    @event(Reviewed)
    def _reviewed(
        self,
        decision: str,
        reason: str,
        by: ActorRecord,
        at: datetime,
        unit_code: str,
        kind: str,
        duty_id: UUID,
        information_id: UUID | None,
        found_at: datetime,
    ) -> None:
        self.review = {"decision": decision, "reason": reason, "by": by, "at": at}


def missed_periods(
    duty: ReportingDuty, reported: set[tuple[UUID, str]], now: datetime
) -> list[str]:
    """The periods of a periodic duty due by `now` with no report in: 漏报 (Art. 23)."""
    return [p for p in duty.periods_due_by(now) if (duty.id, p) not in reported]


def concealment_candidates(
    duty: ReportingDuty, cases: list[RiskInformation], now: datetime
) -> list[RiskInformation]:
    """Cases about an event duty's unit, from elsewhere, that it did not report in time: 瞒报嫌疑.

    A matter counts once the duty's window after learning of it has passed, if it was learned
    while the duty was in force and the unit's own reports cover neither its person nor its post
    (Art. 23).
    """
    own = [c for c in cases if c.unit_code == duty.unit_code and c.reported_by_unit]
    return [
        case
        for case in cases
        if case.unit_code == duty.unit_code
        and not case.reported_by_unit
        and duty.due_after_learning(case.learned_at) <= now
        and case.learned_at >= duty.effective_from
        and not any(same_matter(case, o) for o in own)
    ]


def same_matter(case: RiskInformation, own: RiskInformation) -> bool:
    """Whether the unit's own report covers the same person or post (a late one is 迟报)."""
    if case.subject_person_id and case.subject_person_id == own.subject_person_id:
        return True
    return bool(case.subject_post) and case.subject_post == own.subject_post
