"""Reporting duties, periodic reports and the breaches found against them (Art. 23)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from eventsourcing.persistence import IntegrityError

from services.intake.app_base import IntakeBase
from services.intake.obligations import (
    PeriodicReport,
    ReportingBreach,
    ReportingDuty,
    period_bounds,
)
from shared.application import actor_of
from shared.auth import Role
from shared.errors import Conflict, Forbidden, Invalid

if TYPE_CHECKING:
    from datetime import datetime
    from uuid import UUID

    from eventsourcing.domain import Aggregate

    from services.intake.domain import RiskInformation
    from shared.auth import Principal


class ObligationCommands(IntakeBase):
    """Duties per unit, the reports that keep them, and detection of 迟报/漏报/瞒报 (Art. 23)."""

    def define_duty(
        self,
        unit_code: str,
        name: str,
        kind: str,
        every: str | None,
        due_days: int,
        effective_from: datetime,
        by: Principal,
    ) -> ReportingDuty:
        """Set a unit's reporting duty: periodic or event-triggered (Art. 23)."""
        self.unit(unit_code)
        ReportingDuty.check(kind, every, due_days)
        if ReportingDuty.create_id(unit_code, name) in self.repository:
            raise Conflict(f"unit {unit_code} already has a duty named {name!r}")
        duty = ReportingDuty(
            unit_code=unit_code,
            name=name,
            kind=kind,
            every=every,
            due_days=due_days,
            effective_from=effective_from,
            defined_by=actor_of(by),
        )
        self.save(duty)
        return duty

    def get_duty(self, duty_id: UUID) -> ReportingDuty:
        return self._get(duty_id, ReportingDuty, "reporting duty")

    def submit_periodic_report(
        self, duty_id: UUID, period: str, summary: str, by: Principal
    ) -> PeriodicReport:
        """The unit's report for one period; after the due time it is recorded late 迟报."""
        duty = self.get_duty(duty_id)
        if duty.kind != "periodic" or duty.every is None:
            raise Conflict("an event-triggered duty is kept by filing information, not a report")
        _check_period(period, duty.every)
        if not (Role.OFFICE in by.roles or Role.LEADER in by.roles or Role.OFFICER in by.roles):
            raise Forbidden(
                "a periodic report is submitted by the unit's office, leader or officer"
            )
        if not self.org.is_within(duty.unit_code, by.unit_code):
            raise Forbidden(f"unit {duty.unit_code} is outside your jurisdiction")
        if PeriodicReport.create_id(duty.id, period) in self.repository:
            raise Conflict(f"the report for {period} was submitted already")
        now = self.clock.now()
        if period_bounds(period)[1] > now:
            raise Invalid("period", "has not ended yet")
        report = PeriodicReport(
            duty_id=duty.id,
            unit_code=duty.unit_code,
            period=period,
            summary=summary,
            due_at=duty.due_at(period),
            submitted_by=actor_of(by),
            submitted_at=now,
        )
        pending: list[Aggregate] = [report]
        if report.late:
            pending.append(self._breach(duty, period, "late", [_ref(report.id), _ref(duty.id)]))
        self.save(*pending)
        return report

    def find_missed_reports(self) -> int:
        """Periodic reports not in by their due time: 漏报 (Art. 23); safe to run twice at once."""
        now = self.clock.now()
        done = {(r.duty_id, r.period) for r in self.view.reports()}
        recorded = {b.id for b in self.view.breaches()}
        changed = 0
        for duty in self.view.duties():
            if duty.kind != "periodic":
                continue
            for period in duty.periods_due_by(now):
                breach_id = ReportingBreach.create_id(duty.id, period, "missed")
                if (duty.id, period) in done or breach_id in recorded:
                    continue
                changed += self._save_breach(self._breach(duty, period, "missed", [_ref(duty.id)]))
        return changed

    def find_concealment_candidates(self) -> int:
        """Information about a unit from elsewhere that it never reported: 瞒报 candidates."""
        now = self.clock.now()
        cases = self.view.cases()
        recorded = {b.id for b in self.view.breaches()}
        changed = 0
        for duty in self.view.duties():
            if duty.kind != "event":
                continue
            own = [c for c in cases if c.unit_code == duty.unit_code and c.reported_by_unit]
            for case in cases:
                if case.unit_code != duty.unit_code or case.reported_by_unit:
                    continue
                due = duty.due_after_learning(case.learned_at)
                if due > now or case.learned_at < duty.effective_from:
                    continue
                breach_id = ReportingBreach.create_id(
                    duty.id, str(case.id), "concealment_candidate"
                )
                if breach_id in recorded or any(_same_matter(case, o) for o in own):
                    continue
                evidence = [_ref(case.id), _ref(duty.id)]
                breach = self._breach(duty, str(case.id), "concealment_candidate", evidence, case)
                changed += self._save_breach(breach)
        return changed

    def review_breach(
        self, breach_id: UUID, confirmed: bool, reason: str, by: Principal
    ) -> ReportingBreach:
        """A person confirms or dismisses a concealment candidate, with reasons (Art. 23)."""
        breach = self._get(breach_id, ReportingBreach, "reporting breach")
        if not self.org.is_within(breach.unit_code, by.unit_code):
            raise Forbidden(f"unit {breach.unit_code} is outside your jurisdiction")
        breach.decide(confirmed, reason, actor_of(by), self.clock.now())
        self.save(breach)
        return breach

    def _breach(
        self,
        duty: ReportingDuty,
        about: str,
        kind: str,
        evidence: list[dict[str, Any]],
        case: RiskInformation | None = None,
    ) -> ReportingBreach:
        unit = self.org.get(duty.unit_code)
        periodic = duty.kind == "periodic"
        if periodic:
            due = duty.due_at(about)
        else:
            assert case is not None
            due = duty.due_after_learning(case.learned_at)
        return ReportingBreach(
            duty_id=duty.id,
            about=about,
            kind=kind,
            unit_code=duty.unit_code,
            period=about if periodic else None,
            due_at=due,
            responsible_person_id=unit.principal_leader_id,
            evidence=evidence,
            information_id=case.id if case else None,
            detected_at=self.clock.now(),
        )

    def _save_breach(self, breach: ReportingBreach) -> int:
        try:
            self.save(breach)
        except IntegrityError:
            return 0  # another worker recorded the same breach first
        return 1


def _ref(aggregate_id: UUID, version: int = 1) -> dict[str, Any]:
    return {"originator_id": str(aggregate_id), "version": version}


def _same_matter(case: RiskInformation, own: RiskInformation) -> bool:
    """Whether the unit's own report covers the same person or post (a late one is 迟报)."""
    if case.subject_person_id and case.subject_person_id == own.subject_person_id:
        return True
    return bool(case.subject_post) and case.subject_post == own.subject_post


def _check_period(period: str, every: str) -> None:
    pattern = r"^\d{4}-(0[1-9]|1[0-2])$" if every == "monthly" else r"^\d{4}-Q[1-4]$"
    if not re.match(pattern, period):
        raise Invalid("period", f"a {every} period looks like 2026-01 / 2026-Q1")
