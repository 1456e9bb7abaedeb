"""What people read from intake: inboxes, a case's timeline, reporting compliance (Art. 22–24)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from services.intake.app_base import IntakeBase
from services.intake.domain import ACCEPTED, FORWARDED, RiskInformation
from services.intake.obligations import ReportingBreach, period_bounds
from shared.auth import Role

if TYPE_CHECKING:
    from datetime import datetime
    from uuid import UUID

    from shared.auth import Principal


@dataclass(frozen=True)
class TimelineEntry:
    """One moment in a case's life: what happened, when, who, when it was due, where it went."""

    at: datetime
    what: str
    by: dict[str, str] | None
    detail: dict[str, Any]


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


class Queries(IntakeBase):
    """Read-only questions; nothing here writes."""

    def inbox(self, who: Principal, within: str) -> list[RiskInformation]:
        """The cases a role works on, in the subtree of `within` (工作台, Art. 22–24).

        Officers see what they filed; the judgement group sees what this node handles;
        the office and auditors see everything, custodians the cases with a protected source.
        """
        self.unit(within, "unit_code")
        cases = [c for c in self.view.cases() if self.org.is_within(c.unit_code, within)]
        if who.has_any((Role.OFFICE, Role.AUDITOR)):
            return cases
        if Role.JUDGE in who.roles:
            return [c for c in cases if c.routing == ACCEPTED]
        if Role.CUSTODIAN in who.roles:
            return [c for c in cases if c.has_protected_source]
        if Role.OFFICER in who.roles:
            return [c for c in cases if c.filed_by.get("user_id") == who.user_id]
        return []

    def timeline(self, information_id: UUID) -> list[TimelineEntry]:
        """Who reported what when, when it was due, where it was routed (Art. 23, 24)."""
        case = self._get(information_id, RiskInformation, "risk information")
        entries: list[TimelineEntry] = []
        for e in self.repository.event_store.get(case.id):
            name = type(e).__name__
            if isinstance(e, RiskInformation.Filed):
                entries.append(
                    TimelineEntry(
                        at=e.filed_at,
                        what="filed",
                        by=e.filed_by,
                        detail={
                            "channel": e.channel,
                            "learned_at": e.learned_at.isoformat(),
                            "received_from": e.received_from,
                            "reporting_due": self._reporting_due(e.unit_code, e.learned_at),
                        },
                    )
                )
                entries.append(
                    TimelineEntry(
                        at=e.filed_at,
                        what=e.routing,
                        by=e.filed_by,
                        detail={
                            "to_node": e.routed_to,
                            "reason": e.routing_reason,
                            "feedback_due_at": (
                                e.feedback_due_at.isoformat() if e.feedback_due_at else None
                            ),
                        },
                    )
                )
                continue
            if isinstance(e, RiskInformation.TransferredToDiscipline):
                entries.append(
                    TimelineEntry(
                        at=e.at,
                        what="transferred_to_discipline",
                        by=e.by,
                        detail={"to_node": e.to_body, "reason": e.reason},
                    )
                )
                continue
            detail = {
                k: (v.isoformat() if hasattr(v, "isoformat") else v)
                for k, v in vars(e).items()
                if k not in {"originator_id", "originator_version", "timestamp", "at"}
            }
            at: datetime = getattr(e, "at", None) or getattr(e, "timestamp")  # noqa: B009
            entries.append(TimelineEntry(at=at, what=_snake(name), by=None, detail=detail))
        for breach in self.view.breaches():
            if breach.information_id == case.id:
                entries.append(
                    TimelineEntry(
                        at=breach.detected_at,
                        what=f"breach_{breach.kind}",
                        by=None,
                        detail={
                            "due_at": breach.due_at.isoformat(),
                            "responsible_person_id": breach.responsible_person_id,
                            "status": breach.status,
                        },
                    )
                )
        return sorted(entries, key=lambda t: t.at)

    def _reporting_due(self, unit_code: str, learned_at: datetime) -> list[dict[str, str]]:
        """By when the unit itself had to report a matter learned then (event duties, Art. 23)."""
        return [
            {"duty": d.name, "due_at": d.due_after_learning(learned_at).isoformat()}
            for d in self.view.duties()
            if d.unit_code == unit_code and d.kind == "event" and d.effective_from <= learned_at
        ]

    def breaches(self, within: str) -> list[ReportingBreach]:
        """Breaches of the units in the subtree of `within` (Art. 23)."""
        self.unit(within, "unit_code")
        return [b for b in self.view.breaches() if self.org.is_within(b.unit_code, within)]

    def compliance(self, unit_code: str, period: str) -> Compliance:
        """How one unit kept its reporting duties in one period (Art. 23)."""
        self.unit(unit_code)
        start, end = period_bounds(period)
        cases = [
            c for c in self.view.cases() if c.unit_code == unit_code and start <= c.learned_at < end
        ]
        breaches = [
            b
            for b in self.view.breaches()
            if b.unit_code == unit_code
            and (b.period == period if b.period else start <= b.due_at < end)
        ]
        kinds = [b.kind for b in breaches]
        return Compliance(
            unit_code=unit_code,
            period=period,
            own_reports=sum(c.reported_by_unit for c in cases),
            other_channel=sum(not c.reported_by_unit for c in cases),
            periodic_reports=sum(
                r.unit_code == unit_code and r.period == period for r in self.view.reports()
            ),
            late=kinds.count("late"),
            missed=kinds.count("missed"),
            concealment_candidates=kinds.count("concealment_candidate"),
            concealment_confirmed=sum(b.status == "confirmed" for b in breaches),
        )

    def compliance_by_unit(self, within: str, period: str) -> list[Compliance]:
        """The figures of every unit in the subtree of `within` that has a reporting duty."""
        self.unit(within, "unit_code")
        units = {d.unit_code for d in self.view.duties() if self.org.is_within(d.unit_code, within)}
        return [self.compliance(code, period) for code in sorted(units)]

    def open_forwards(self) -> list[RiskInformation]:
        """Forwards still waiting for the lower node's feedback (跟踪督办, Art. 24)."""
        return [c for c in self.view.cases() if c.routing == FORWARDED and c.awaiting_feedback]

    def forwards(self, within: str) -> list[RiskInformation]:
        """Every forward 批转 about the subtree of `within`, the earliest deadline first."""
        self.unit(within, "unit_code")
        found = [
            c
            for c in self.view.cases()
            if c.routing == FORWARDED and self.org.is_within(c.unit_code, within)
        ]
        return sorted(found, key=lambda c: (c.feedback_due_at or c.filed_at, str(c.id)))


def _snake(name: str) -> str:
    return "".join(f"_{ch.lower()}" if ch.isupper() else ch for ch in name).lstrip("_")
