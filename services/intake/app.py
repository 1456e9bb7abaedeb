"""The intake application: receives, screens and routes risk information (Art. 21–24).

Reactions to routed information from other nodes, and one line per command that hands it to its
feature's handler: filing/ (Art. 22), routing/ (Art. 24), duties/ (Art. 23), identity/ and
officers/ (Art. 22).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from services.intake.duties import handlers as duties
from services.intake.duties.model import ReportingDuty
from services.intake.filing import handlers as filing
from services.intake.filing.model import Filing, InformationDraft, RiskInformation
from services.intake.identity import handlers as identity
from services.intake.identity.cipher import IdentityCipher
from services.intake.officers import handlers as officers
from services.intake.officers.model import InformationOfficer
from services.intake.read_model import IntakeView
from services.intake.routing import handlers as routing
from services.intake.settings import IntakeRules
from shared.application import ServiceApplication
from shared.errors import NotFound
from shared.events import (
    InformationAcknowledged,
    InformationForwarded,
    InformationHandled,
    InformationSupervised,
    InformationTransferred,
)

if TYPE_CHECKING:
    from datetime import datetime
    from uuid import UUID

    from eventsourcing.application import ProcessingEvent

    from services.intake.duties.handlers import Compliance
    from services.intake.duties.model import PeriodicReport, ReportingBreach
    from services.intake.filing.imports import RowResult
    from services.intake.identity.model import PetitionerIdentity
    from services.intake.routing.handlers import TimelineEntry
    from shared.auth import Principal
    from shared.clock import Clock
    from shared.events import CloudEvent
    from shared.orgtree import OrgDirectory, OrgUnit

__all__ = ["Filing", "InformationDraft", "IntakeApplication"]

_T = TypeVar("_T")


class IntakeApplication(ServiceApplication):
    """Intake of one node: commands, queries and reactions, plain types in and out (Art. 21–24)."""

    name = "intake"

    def __init__(
        self,
        env: dict[str, str] | None = None,
        *,
        clock: Clock,
        org: OrgDirectory,
        rules: IntakeRules | None = None,
    ) -> None:
        super().__init__(env, clock=clock, org=org)
        self.rules = rules or IntakeRules()
        self.cipher = IdentityCipher(self.rules.identity_key)
        self.view = IntakeView(self)
        self.view.catch_up()

    # Lookups shared by the features.

    @property
    def node_id(self) -> str:
        """This deployment's node (Art. 24): what it manages it handles itself."""
        return self.rules.routing.node_id

    def chain(self, code: str) -> list[OrgUnit]:
        """The unit, then each unit above it (Art. 24)."""
        self.unit(code)
        return list(self.org.ancestors(code))

    def load(self, aggregate_id: UUID, kind: type[_T], what: str) -> _T:
        """The aggregate of that id and kind; NotFound (404) naming `what` otherwise."""
        found = self.find(aggregate_id, kind)
        if found is None:
            raise NotFound(f"no {what} {aggregate_id}")
        return found

    def get_information(self, information_id: UUID) -> RiskInformation:
        """One case as filed and routed (Art. 22, 24)."""
        return self.load(information_id, RiskInformation, "risk information")

    def get_officer(self, user_id: str) -> InformationOfficer:
        """One officer of the roster (Art. 22)."""
        return self.load(InformationOfficer.create_id(user_id), InformationOfficer, "officer")

    def officer_of(self, user_id: str) -> InformationOfficer | None:
        """The officer a user is, if ever appointed (Art. 22)."""
        return self.find(InformationOfficer.create_id(user_id), InformationOfficer)

    def get_duty(self, duty_id: UUID) -> ReportingDuty:
        """One reporting duty (Art. 23)."""
        return self.load(duty_id, ReportingDuty, "reporting duty")

    # Reactions: routed information addressed to this node (Art. 24).

    def concerns(self, upstream: CloudEvent) -> bool:
        """Only routed information addressed to this node (not this node's own events)."""
        routed = (
            InformationForwarded,
            InformationTransferred,
            InformationAcknowledged,
            InformationHandled,
            InformationSupervised,
        )
        return isinstance(upstream, routed) and upstream.data.to_node_id == self.node_id

    def react(self, upstream: CloudEvent, processing_event: ProcessingEvent[UUID]) -> None:
        """Accept what is forwarded or transferred here; track our forwards until handled."""
        if isinstance(upstream, InformationAcknowledged):
            routing.take_acknowledgement(self, upstream, processing_event)
        elif isinstance(upstream, InformationHandled):
            routing.take_handling_report(self, upstream, processing_event)
        elif isinstance(upstream, InformationSupervised):
            routing.take_supervision(self, upstream, processing_event)
        elif isinstance(upstream, InformationForwarded | InformationTransferred):
            routing.take_routed(self, upstream, processing_event)

    # Filing (Art. 22).

    def file_information(
        self, draft: InformationDraft, filer: Principal, idempotency_key: str | None = None
    ) -> Filing:
        """Receive risk information (Art. 22); a repeat answers with the first result."""
        return filing.file_information(self, draft, filer, idempotency_key)

    def import_rows(
        self, rows: list[dict[str, Any]], filer: Principal, idempotency_key: str | None = None
    ) -> list[RowResult]:
        """Import shared data 资源共享: every row or none (Art. 22)."""
        return filing.import_rows(self, rows, filer, idempotency_key)

    def inbox(self, who: Principal, within: str) -> list[RiskInformation]:
        """The cases a role works on, in the subtree of `within` (工作台, Art. 22–24)."""
        return filing.inbox(self, who, within)

    # Routing and tracking (Art. 24).

    def transfer_to_discipline(
        self, information_id: UUID, reason: str, by: Principal
    ) -> RiskInformation:
        """Transfer a case to the discipline authority 纪检监察机关 (移送, Art. 24)."""
        return routing.transfer_to_discipline(self, information_id, reason, by)

    def chase_feedback(self) -> int:
        """Remind before the handling report is due, record it overdue after (督办, Art. 24)."""
        return routing.chase_feedback(self)

    def report_handling(
        self,
        information_id: UUID,
        outcome: str,
        measures: list[str],
        document_refs: list[str],
        by: Principal,
    ) -> RiskInformation:
        """Report to the level above how a forward was handled (反馈, Art. 24)."""
        return routing.report_handling(self, information_id, outcome, measures, document_refs, by)

    def chase_forward(self, information_id: UUID, note: str, by: Principal) -> RiskInformation:
        """Chase 催办 the lower level for its handling report (Art. 24)."""
        return routing.chase_forward(self, information_id, note, by)

    def return_report(self, information_id: UUID, reason: str, by: Principal) -> RiskInformation:
        """Return 退回 a handling report for rework, with reasons (Art. 24)."""
        return routing.return_report(self, information_id, reason, by)

    def sign_off(self, information_id: UUID, opinion: str, by: Principal) -> RiskInformation:
        """Sign off 办结 a handling report: the forward is answered (Art. 24)."""
        return routing.sign_off(self, information_id, opinion, by)

    def received_forwards(self, within: str) -> list[RiskInformation]:
        """Forwards received from above about a subtree, and how each stands (Art. 24)."""
        return routing.received_forwards(self, within)

    def open_forwards(self) -> list[RiskInformation]:
        """Forwards still waiting for the lower level's handling report (跟踪督办, Art. 24)."""
        return routing.open_forwards(self)

    def forwards(self, within: str) -> list[RiskInformation]:
        """Every forward 批转 about the subtree of `within` (Art. 24)."""
        return routing.forwards(self, within)

    def timeline(self, information_id: UUID) -> list[TimelineEntry]:
        """Who reported what when, when it was due, where it was routed (Art. 23, 24)."""
        return routing.timeline(self, information_id)

    # The petitioner's identity (Art. 22).

    def reveal_identity(
        self, information_id: UUID, reason: str, by: Principal
    ) -> PetitionerIdentity:
        """Open a petitioner's identity for a custodian 保管员, recording who and why."""
        return identity.reveal_identity(self, information_id, reason, by)

    def identity_reveals(self, information_id: UUID) -> list[dict[str, object]]:
        """Who opened a case's protected identity, when and why (the audit trail)."""
        return identity.identity_reveals(self, information_id)

    # Information officers (Art. 22).

    def appoint_officer(
        self,
        user_id: str,
        name: str,
        kind: str,
        units: list[str],
        active_from: datetime,
        active_until: datetime | None,
        by: Principal,
    ) -> InformationOfficer:
        """Appoint an internal or externally hired 外聘 officer for some units (Art. 22)."""
        return officers.appoint_officer(
            self, user_id, name, kind, units, active_from, active_until, by
        )

    def reappoint_officer(
        self,
        user_id: str,
        units: list[str],
        active_from: datetime,
        active_until: datetime | None,
        by: Principal,
    ) -> InformationOfficer:
        """Start a new active period for an officer on the roster (续聘, Art. 22)."""
        return officers.reappoint_officer(self, user_id, units, active_from, active_until, by)

    def relieve_officer(
        self, user_id: str, at: datetime, reason: str, by: Principal
    ) -> InformationOfficer:
        """End an officer's active period, with a reason (Art. 22)."""
        return officers.relieve_officer(self, user_id, at, reason, by)

    def list_officers(self, within: str) -> list[InformationOfficer]:
        """Officers who ever covered a unit in the subtree of `within` (Art. 22)."""
        return officers.list_officers(self, within)

    # Reporting duties (Art. 23).

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
        return duties.define_duty(self, unit_code, name, kind, every, due_days, effective_from, by)

    def submit_periodic_report(
        self, duty_id: UUID, period: str, summary: str, by: Principal
    ) -> PeriodicReport:
        """The unit's report for one period; late ones are recorded 迟报 (Art. 23)."""
        return duties.submit_periodic_report(self, duty_id, period, summary, by)

    def find_report_wanting(
        self, duty_id: UUID, period: str, kind: str, reason: str, by: Principal
    ) -> PeriodicReport:
        """The level above finds a periodic report untrue or inaccurate (Art. 23)."""
        return duties.find_report_wanting(self, duty_id, period, kind, reason, by)

    def find_missed_reports(self) -> int:
        """Record periodic reports not in by their due time: 漏报 (Art. 23)."""
        return duties.find_missed_reports(self)

    def find_concealment_candidates(self) -> int:
        """Record matters others reported that the unit never did: 瞒报 candidates (Art. 23)."""
        return duties.find_concealment_candidates(self)

    def review_breach(
        self, breach_id: UUID, confirmed: bool, reason: str, by: Principal
    ) -> ReportingBreach:
        """A person confirms or dismisses a concealment candidate, with reasons (Art. 23)."""
        return duties.review_breach(self, breach_id, confirmed, reason, by)

    def breaches(self, within: str) -> list[ReportingBreach]:
        """Breaches of the units in the subtree of `within` (Art. 23)."""
        return duties.breaches(self, within)

    def compliance(self, unit_code: str, period: str) -> Compliance:
        """How one unit kept its reporting duties in one period (Art. 23)."""
        return duties.compliance(self, unit_code, period)

    def compliance_by_unit(self, within: str, period: str) -> list[Compliance]:
        """The figures of every unit with a reporting duty in a subtree (Art. 23)."""
        return duties.compliance_by_unit(self, within, period)
