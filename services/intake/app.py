"""The intake application: receives, screens and routes risk information (Art. 21–24).

Reactions to routed information from other nodes, and one line per command that hands it to its
feature's handler: filing/ (Art. 22), routing/ (Art. 24), duties/ (Art. 23), identity/ and
officers/ (Art. 22).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.intake.duties import handlers as duties
from services.intake.duties.model import ReportingDuty
from services.intake.filing import handlers as filing
from services.intake.filing.model import Filing, InformationDraft, RiskInformation
from services.intake.identity import handlers as identity
from services.intake.identity.cipher import IdentityCipher
from services.intake.identity.custodians import CustodianGrants, is_custodian_grant
from services.intake.officers import handlers as officers
from services.intake.officers.model import InformationOfficer
from services.intake.read_model import IntakeView
from services.intake.routing import handlers as routing
from services.intake.settings import IntakeRules
from shared.application import ServiceApplication
from shared.auth import Role
from shared.events import (
    InformationAcknowledged,
    InformationFeedbackOverdue,
    InformationForwarded,
    InformationHandled,
    InformationSupervised,
    InformationTransferred,
    JudgementMade,
    RoleGranted,
    RoleRevoked,
)

if TYPE_CHECKING:
    from uuid import UUID

    from eventsourcing.application import ProcessingEvent

    from shared.auth import Principal
    from shared.clock import Clock
    from shared.events import CloudEvent
    from shared.orgtree import OrgDirectory, OrgUnit

__all__ = ["Filing", "InformationDraft", "IntakeApplication"]


class IntakeApplication(ServiceApplication):
    """Intake of one node: commands, queries and reactions, plain types in and out (Art. 21–24)."""

    name = "intake"
    follows_roles = frozenset({Role.LEADER, Role.OFFICER})  # Art. 23 主要领导, Art. 22 信息员

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
        self.cipher = IdentityCipher(self.rules.identity_key, self.rules.identity_previous_keys)
        # Who holds the custodian grant for which unit, as the console published it (Art. 22).
        self.custodians = CustodianGrants(self)
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

    def get_information(self, information_id: UUID) -> RiskInformation:
        """One case as filed and routed (Art. 22, 24)."""
        return self.load(information_id, RiskInformation, "risk information")

    def case_within(self, who: Principal, information_id: UUID) -> RiskInformation:
        """The case, if it lies within `who`'s subtree (Art. 7, 24); else the 404 of an id that
        does not exist, in the same words: a route tells no one outside it that a case exists
        (issue #17 item 3, review M5). Roles are checked by the route or the command."""
        return self.load_within(who, information_id, RiskInformation, "risk information")

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

    def takes_in(self, upstream: CloudEvent) -> bool:
        """Besides the service's own: every custodian grant or revocation of the district, on
        every node (the reveal decides what a grant covers, identity/custodians.py)."""
        if is_custodian_grant(upstream):
            return True
        return super().takes_in(upstream)

    def concerns(self, upstream: CloudEvent) -> bool:
        """Routed information addressed to this node (not this node's own events), and the
        judgements of the cases of the units this node manages (Art. 25)."""
        if isinstance(upstream, JudgementMade):
            return True  # jurisdiction decides (Scope.MANAGED): the units this node manages
        routed = (
            InformationForwarded,
            InformationTransferred,
            InformationAcknowledged,
            InformationHandled,
            InformationSupervised,
            InformationFeedbackOverdue,
        )
        return isinstance(upstream, routed) and upstream.data.to_node_id == self.node_id

    def react(self, upstream: CloudEvent, processing_event: ProcessingEvent[UUID]) -> None:
        """Accept what is forwarded or transferred here; track our forwards until handled;
        record the judgements of the cases handled here; record the custodian grants."""
        if isinstance(upstream, RoleGranted | RoleRevoked):
            self.custodians.record(upstream, processing_event)
        elif isinstance(upstream, InformationAcknowledged):
            routing.take_acknowledgement(self, upstream, processing_event)
        elif isinstance(upstream, InformationHandled):
            routing.take_handling_report(self, upstream, processing_event)
        elif isinstance(upstream, InformationSupervised):
            routing.take_supervision(self, upstream, processing_event)
        elif isinstance(upstream, InformationFeedbackOverdue):
            routing.take_feedback_overdue(self, upstream, processing_event)
        elif isinstance(upstream, InformationForwarded | InformationTransferred):
            routing.take_routed(self, upstream, processing_event)
        elif isinstance(upstream, JudgementMade):
            routing.take_judgement(self, upstream, processing_event)

    # Filing (Art. 22).

    file_information = filing.file_information
    import_rows = filing.import_rows
    inbox = filing.inbox

    # Routing and tracking (Art. 24).

    transfer_to_discipline = routing.transfer_to_discipline
    chase_feedback = routing.chase_feedback
    report_handling = routing.report_handling
    chase_forward = routing.chase_forward
    return_report = routing.return_report
    sign_off = routing.sign_off
    received_forwards = routing.received_forwards
    open_forwards = routing.open_forwards
    forwards = routing.forwards
    timeline = routing.timeline

    # The petitioner's identity (Art. 22).

    reveal_identity = identity.reveal_identity
    identity_reveals = identity.identity_reveals
    reseal_identities = identity.reseal_identities

    # Information officers (Art. 22).

    appoint_officer = officers.appoint_officer
    reappoint_officer = officers.reappoint_officer
    relieve_officer = officers.relieve_officer
    list_officers = officers.list_officers

    # Reporting duties (Art. 23).

    define_duty = duties.define_duty
    submit_periodic_report = duties.submit_periodic_report
    find_report_wanting = duties.find_report_wanting
    find_missed_reports = duties.find_missed_reports
    find_concealment_candidates = duties.find_concealment_candidates
    review_breach = duties.review_breach
    breaches = duties.breaches
    compliance = duties.compliance
    compliance_by_unit = duties.compliance_by_unit
