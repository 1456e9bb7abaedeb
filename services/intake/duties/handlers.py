"""Duties per unit, the reports that keep them, and detection of 迟报/漏报/瞒报 (Art. 23).

The detectors run on the worker's timer (`find_breaches`). Each is safe to run in two workers at
once: a breach's id derives from duty + what it is about + kind, so the second save fails with
IntegrityError and is counted as done by the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventsourcing.persistence import IntegrityError

from services.intake.duties.model import (
    Evidence,
    PeriodicReport,
    ReportingBreach,
    ReportingDuty,
    check_period,
    concealment_candidates,
    missed_periods,
    period_bounds,
)
from shared.application import actor_of
from shared.auth import Role
from shared.errors import Conflict, Forbidden, Invalid, NotFound

if TYPE_CHECKING:
    from datetime import datetime
    from uuid import UUID

    from eventsourcing.domain import Aggregate

    from services.intake.app import IntakeApplication
    from services.intake.filing.model import RiskInformation
    from shared.auth import Principal


@dataclass(frozen=True)
class Compliance:
    """Reporting figures of one unit in one period (报告情况, Art. 23)."""

    unit_code: str
    period: str
    own_reports: int
    other_channel: int
    periodic_reports: int
    late: int
    missed: int
    concealment_candidates: int
    concealment_confirmed: int


def define_duty(
    app: IntakeApplication,
    unit_code: str,
    name: str,
    kind: str,
    every: str | None,
    due_days: int,
    effective_from: datetime,
    by: Principal,
) -> ReportingDuty:
    """Set a unit's reporting duty: periodic or event-triggered (Art. 23)."""
    app.unit(unit_code)
    ReportingDuty.check(kind, every, due_days)
    if ReportingDuty.create_id(unit_code, name) in app.repository:
        raise Conflict(
            f"单位 {unit_code} 已有名为“{name}”的报送义务 "
            f"(unit {unit_code} already has a duty named {name!r})"
        )
    duty = ReportingDuty(
        unit_code=unit_code,
        name=name,
        kind=kind,
        every=every,
        due_days=due_days,
        effective_from=effective_from,
        defined_by=actor_of(by),
    )
    app.save(duty)
    return duty


def submit_periodic_report(
    app: IntakeApplication, duty_id: UUID, period: str, summary: str, by: Principal
) -> PeriodicReport:
    """The unit's report for one period; after the due time it is recorded late 迟报 (Art. 23)."""
    duty = app.get_duty(duty_id)
    if duty.kind != "periodic" or duty.every is None:
        raise Conflict(
            "事件触发的报送义务通过报送风险信息履行，无需提交定期报告 (an event-triggered duty "
            "is kept by filing information, not a report)"
        )
    check_period(period, duty.every)
    if not (Role.OFFICE in by.roles or Role.LEADER in by.roles or Role.OFFICER in by.roles):
        raise Forbidden(
            "定期报告由本单位的预防腐败室、领导班子成员或信息员提交 (a periodic report is "
            "submitted by the unit's office, leader or officer)"
        )
    if not app.org.is_within(duty.unit_code, by.unit_code):
        raise Forbidden(_outside(duty.unit_code))
    if PeriodicReport.create_id(duty.id, period) in app.repository:
        raise Conflict(
            f"{period} 的报告已经提交，不能重复提交 (the report for {period} was submitted already)"
        )
    now = app.clock.now()
    if period_bounds(period)[1] > now:
        raise Invalid("period", "该报告期尚未结束 (has not ended yet)")
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
        evidence = [Evidence(report.id), Evidence(duty.id)]
        pending.append(new_breach(app, duty, period, "late", evidence))
    app.save(*pending)
    return report


def find_report_wanting(
    app: IntakeApplication, duty_id: UUID, period: str, kind: str, reason: str, by: Principal
) -> PeriodicReport:
    """The level above finds a unit's periodic report untrue or inaccurate (Art. 23).

    The finding binds the unit that made the report and the person who submitted it. Only the
    office or judgement group of a unit above it may make it: the level above supervises its
    units' reporting (落实对下属部门…的监管); a unit does not judge its own report.
    """
    duty = app.get_duty(duty_id)
    report = app.find(PeriodicReport.create_id(duty.id, period), PeriodicReport)
    if report is None:
        raise NotFound(
            f"报送义务“{duty.name}”没有 {period} 的报告 (no {period} report of duty {duty.name!r})"
        )
    if not by.has_any((Role.OFFICE, Role.JUDGE)):
        raise Forbidden(
            "只有该单位上级的预防腐败室或研判小组才能认定报告不实 (only the office or the "
            "judgement group above the unit finds a report untrue)"
        )
    if not app.org.is_within(report.unit_code, by.unit_code):
        raise Forbidden(_outside(report.unit_code))
    if by.unit_code == report.unit_code:
        raise Invalid(
            "unit_code",
            "Art. 23: 信息报送由上级监管，本单位不能认定自己的报告 (the level above supervises "
            "a unit's reporting; a unit does not judge its own report)",
        )
    report.find_wanting(kind, reason, actor_of(by), app.clock.now())
    app.save(report)
    return report


def late_breaches(app: IntakeApplication, info: RiskInformation) -> list[ReportingBreach]:
    """The unit's own report came after its event duty's window: 迟报 (Art. 23)."""
    if not info.reported_by_unit:
        return []
    found: list[ReportingBreach] = []
    for duty in app.view.duties():
        if duty.unit_code != info.unit_code or duty.kind != "event":
            continue
        due = duty.due_after_learning(info.learned_at)
        if info.filed_at > due:
            evidence = [Evidence(info.id), Evidence(duty.id)]
            found.append(new_breach(app, duty, str(info.id), "late", evidence, info, info.filed_at))
    return found


def find_breaches(app: IntakeApplication) -> int:
    """The timer's work: missed periodic reports 漏报 and concealment candidates 瞒报 (Art. 23)."""
    return find_missed_reports(app) + find_concealment_candidates(app)


def find_missed_reports(app: IntakeApplication) -> int:
    """Periodic reports not in by their due time: 漏报 (Art. 23); safe to run twice at once."""
    now = app.clock.now()
    reported = {(r.duty_id, r.period) for r in app.view.reports()}
    recorded = {b.id for b in app.view.breaches()}
    changed = 0
    for duty in app.view.duties():
        if duty.kind != "periodic":
            continue
        for period in missed_periods(duty, reported, now):
            if ReportingBreach.create_id(duty.id, period, "missed") in recorded:
                continue
            breach = new_breach(app, duty, period, "missed", [Evidence(duty.id)])
            changed += save_breach(app, breach)
    return changed


def find_concealment_candidates(app: IntakeApplication) -> int:
    """Information about a unit from elsewhere that it never reported: 瞒报 candidates (Art. 23)."""
    now = app.clock.now()
    cases = app.view.cases()
    recorded = {b.id for b in app.view.breaches()}
    changed = 0
    for duty in app.view.duties():
        if duty.kind != "event":
            continue
        for case in concealment_candidates(duty, cases, now):
            kind = "concealment_candidate"
            if ReportingBreach.create_id(duty.id, str(case.id), kind) in recorded:
                continue
            evidence = [Evidence(case.id), Evidence(duty.id)]
            changed += save_breach(app, new_breach(app, duty, str(case.id), kind, evidence, case))
    return changed


def review_breach(
    app: IntakeApplication, breach_id: UUID, confirmed: bool, reason: str, by: Principal
) -> ReportingBreach:
    """A person confirms or dismisses a concealment candidate, with reasons (Art. 23)."""
    breach = app.load(breach_id, ReportingBreach, "reporting breach")
    if not app.org.is_within(breach.unit_code, by.unit_code):
        raise Forbidden(_outside(breach.unit_code))
    breach.decide(confirmed, reason, actor_of(by), app.clock.now())
    app.save(breach)
    return breach


def breaches(app: IntakeApplication, within: str) -> list[ReportingBreach]:
    """Breaches of the units in the subtree of `within` (Art. 23)."""
    app.unit(within, "unit_code")
    return [b for b in app.view.breaches() if app.org.is_within(b.unit_code, within)]


def reporting_due(
    app: IntakeApplication, unit_code: str, learned_at: datetime
) -> list[dict[str, str]]:
    """By when the unit itself had to report a matter learned then (event duties, Art. 23)."""
    return [
        {"duty": d.name, "due_at": d.due_after_learning(learned_at).isoformat()}
        for d in app.view.duties()
        if d.unit_code == unit_code and d.kind == "event" and d.effective_from <= learned_at
    ]


def compliance(app: IntakeApplication, unit_code: str, period: str) -> Compliance:
    """How one unit kept its reporting duties in one period (Art. 23)."""
    app.unit(unit_code)
    start, end = period_bounds(period)
    cases = [
        c for c in app.view.cases() if c.unit_code == unit_code and start <= c.learned_at < end
    ]
    found = [
        b
        for b in app.view.breaches()
        if b.unit_code == unit_code
        and (b.period == period if b.period else start <= b.due_at < end)
    ]
    kinds = [b.kind for b in found]
    return Compliance(
        unit_code=unit_code,
        period=period,
        own_reports=sum(c.reported_by_unit for c in cases),
        other_channel=sum(not c.reported_by_unit for c in cases),
        periodic_reports=sum(
            r.unit_code == unit_code and r.period == period for r in app.view.reports()
        ),
        late=kinds.count("late"),
        missed=kinds.count("missed"),
        concealment_candidates=kinds.count("concealment_candidate"),
        concealment_confirmed=sum(b.status == "confirmed" for b in found),
    )


def compliance_by_unit(app: IntakeApplication, within: str, period: str) -> list[Compliance]:
    """The figures of every unit in the subtree of `within` that has a reporting duty (Art. 23)."""
    app.unit(within, "unit_code")
    units = {d.unit_code for d in app.view.duties() if app.org.is_within(d.unit_code, within)}
    return [compliance(app, code, period) for code in sorted(units)]


def new_breach(
    app: IntakeApplication,
    duty: ReportingDuty,
    about: str,
    kind: str,
    evidence: list[Evidence],
    case: RiskInformation | None = None,
    detected_at: datetime | None = None,
) -> ReportingBreach:
    """A breach of `duty`, its principal leader first responsible 第一责任人 (Art. 23)."""
    unit = app.org.get(duty.unit_code)
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
        responsible_person_id=_principal_then(app, unit.principal_leader_id, duty.unit_code, due),
        evidence=[e.as_record() for e in evidence],
        information_id=case.id if case else None,
        detected_at=detected_at or app.clock.now(),
    )


def _principal_then(
    app: IntakeApplication, leader_id: str | None, unit_code: str, due: datetime
) -> str | None:
    """The unit's principal leader 主要领导 answers for the breach (Art. 23) if they held the
    directory's leader grant for the unit when the report fell due; else nobody is named (a
    leader who had left, or a name the directory never granted, answers for nothing)."""
    if leader_id is None or not app.directory.holds(leader_id, Role.LEADER, unit_code, due):
        return None
    return leader_id


def save_breach(app: IntakeApplication, breach: ReportingBreach) -> int:
    """Save a breach found by a detector: 1, or 0 if another worker recorded it first."""
    try:
        app.save(breach)
    except IntegrityError:
        return 0  # another worker recorded the same breach first
    return 1


def _outside(unit_code: str) -> str:
    """The refusal for a unit outside the caller's subtree (Art. 7: 按照干部管理权限)."""
    return f"单位 {unit_code} 不在您的管辖范围内 (unit {unit_code} is outside your jurisdiction)"
