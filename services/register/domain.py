"""The register's domain: reported information, its verification and judgement (Art. 21, 23, 25)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from services.register.judgement import (
    InformationStatus,
    Judgement,
    ReportFinding,
    ReportingBreachFinding,
    Verification,
    breach_id_of,
    judgement_id_of,
)
from shared.errors import Conflict
from shared.vocabulary import ActorRecord, Verdict, WarningLevel


class ReportedInformation(Aggregate):
    """Risk information in the 廉政风险信息库, awaiting the judgement group 研判小组 (Art. 21, 25).

    It shares its id with intake's case, so every service speaks of the same case by one id.
    """

    @staticmethod
    def create_id(information_id: UUID, **_: Any) -> UUID:
        return information_id

    class Judged(Aggregate.Event):
        """The judgement group gave its verdict 研判结论 (Art. 25); Art. 23 breach if found."""

        judgement_id: UUID
        unit_code: str
        verdict: str
        recommended_level: str | None
        reasoning: str
        risk_point_id: UUID | None
        risk_point_opened: bool
        factors: dict[str, int] | None
        breach: dict[str, str] | None
        judged_by: ActorRecord
        judged_at: datetime

    @event("Received")
    def __init__(
        self,
        *,
        information_id: UUID,
        unit_code: str,
        channel: str,
        summary: str,
        learned_at: datetime,
        reported_at: datetime,
        reported_by: dict[str, str],
        upstream_event_id: str,
        subject_post: str | None = None,
    ) -> None:
        self.unit_code = unit_code
        self.channel = channel
        self.summary = summary
        self.learned_at = learned_at
        self.reported_at = reported_at
        self.reported_by = dict(reported_by)
        self.upstream_event_id = upstream_event_id
        self.subject_post = subject_post
        self.status = InformationStatus.AWAITING_JUDGEMENT
        self.verifications: list[Verification] = []
        self.judgement: Judgement | None = None

    # -- verification 核实 (Art. 21, 25) -------------------------------------------------------

    def verify(
        self,
        *,
        verifiers: list[str],
        verified_at: datetime,
        checked: list[str],
        findings: str,
        by: ActorRecord,
        at: datetime,
    ) -> int:
        """Record what the judges checked, who checked it and when 核实; return its number."""
        self._ensure_open()
        number = len(self.verifications) + 1
        self._verified(
            number=number, verifiers=verifiers, verified_at=verified_at, checked=checked,
            findings=findings, recorded_by=by, recorded_at=at,
        )  # fmt: skip
        return number

    @event("Verified")
    def _verified(
        self,
        *,
        number: int,
        verifiers: list[str],
        verified_at: datetime,
        checked: list[str],
        findings: str,
        recorded_by: ActorRecord,
        recorded_at: datetime,
    ) -> None:
        self.verifications.append(
            Verification(
                number, tuple(verifiers), verified_at, tuple(checked), findings,
                dict(recorded_by), recorded_at,
            )
        )  # fmt: skip

    # -- judgement 研判 (Art. 23, 25, 28) ------------------------------------------------------

    def judge(
        self,
        *,
        verdict: Verdict,
        recommended_level: WarningLevel | None,
        reasoning: str,
        risk_point_id: UUID | None,
        risk_point_opened: bool,
        factors: dict[str, int] | None,
        finding: ReportFinding | None,
        by: ActorRecord,
        at: datetime,
    ) -> UUID:
        """Give the verdict once; a report found untrue binds its reporter (Art. 23, 25)."""
        self._ensure_open()
        if not self.verifications:
            raise Conflict("verify the information first (核实, Art. 21): no verification recorded")
        judgement_id = judgement_id_of(self.id)
        breach = None
        if finding is not None:
            breach = {
                "breach_id": str(breach_id_of(judgement_id, finding.value)),
                "kind": finding.value,
                "responsible_person_id": self.reported_by["user_id"],
                "reported_event_id": self.upstream_event_id,
                "reported_at": self.reported_at.isoformat(),
            }
        self._judged(
            judgement_id=judgement_id, unit_code=self.unit_code, verdict=verdict.value,
            recommended_level=recommended_level.value if recommended_level else None,
            reasoning=reasoning, risk_point_id=risk_point_id,
            risk_point_opened=risk_point_opened, factors=factors, breach=breach,
            judged_by=by, judged_at=at,
        )  # fmt: skip
        return judgement_id

    @event(Judged)
    def _judged(
        self,
        *,
        judgement_id: UUID,
        unit_code: str,
        verdict: str,
        recommended_level: str | None,
        reasoning: str,
        risk_point_id: UUID | None,
        risk_point_opened: bool,
        factors: dict[str, int] | None,
        breach: dict[str, str] | None,
        judged_by: ActorRecord,
        judged_at: datetime,
    ) -> None:
        self.status = InformationStatus.JUDGED
        self.judgement = Judgement(
            judgement_id=judgement_id,
            verdict=Verdict(verdict),
            recommended_level=WarningLevel(recommended_level) if recommended_level else None,
            reasoning=reasoning,
            risk_point_id=risk_point_id,
            risk_point_opened=risk_point_opened,
            factors=dict(factors) if factors else None,
            breach=_breach_of(breach) if breach else None,
            judged_by=dict(judged_by),
            judged_at=judged_at,
        )

    def _ensure_open(self) -> None:
        if self.judgement is not None:
            raise Conflict(
                f"information {self.id} was already judged "
                f"({self.judgement.verdict.value}, {self.judgement.judged_at.isoformat()})"
            )


def _breach_of(stored: dict[str, str]) -> ReportingBreachFinding:
    return ReportingBreachFinding(
        breach_id=UUID(stored["breach_id"]),
        kind=ReportFinding(stored["kind"]),
        responsible_person_id=stored["responsible_person_id"],
        reported_event_id=stored["reported_event_id"],
        reported_at=datetime.fromisoformat(stored["reported_at"]),
    )
