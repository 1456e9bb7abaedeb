"""The register application: units, powers, risk points, judgement of information (Art. 5–30).

The one Application of the register: reactions to upstream events (reported information, Art. 21;
revision requests, Art. 30), one-line delegations to each feature's handlers, and lookups. The
rules live in the features' `model.py` / `rules.py`; the handlers load, call and save.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.register.catalogue import handlers as catalogue
from services.register.catalogue.model import PowerItem
from services.register.groups import handlers as groups
from services.register.judgement import handlers as judgement
from services.register.judgement.model import ReportedInformation
from services.register.read_model import RegisterView
from services.register.risk_points import handlers as risk_points
from services.register.risk_points import watch as measures_watch
from services.register.risk_points.model import RiskPoint
from services.register.risk_points.rules import RegisterRules
from services.register.units import handlers as units
from shared.application import ServiceApplication
from shared.errors import Invalid, NotFound
from shared.events import RevisionRequested, RiskReported

if TYPE_CHECKING:
    from datetime import date, datetime
    from typing import Any
    from uuid import UUID

    from eventsourcing.application import ProcessingEvent

    from services.register.catalogue.handlers import PowerDraft
    from services.register.groups.model import JudgementGroup
    from services.register.judgement.handlers import JudgementDraft, JudgementProgress
    from services.register.judgement.model import InformationStatus
    from services.register.read_model import HeatMap, InformationRow, PowerRow, RiskPointRow
    from services.register.risk_points.handlers import RevisedContent, RiskPointDraft
    from services.register.risk_points.model import RiskStatus
    from services.register.risk_points.watch import MeasureDeadline
    from services.register.units.handlers import ImportReport
    from services.register.units.imports import ImportRow
    from services.register.units.model import UnitDraft
    from shared.auth import Principal
    from shared.clock import Clock
    from shared.events import CloudEvent
    from shared.orgtree import OrgDirectory, OrgUnit
    from shared.vocabulary import Grade, GradeSource, RiskCategory


class RegisterApplication(ServiceApplication):
    """Commands, queries and reactions of the register; plain types in and out."""

    name = "register"

    def __init__(
        self,
        env: dict[str, str] | None = None,
        *,
        clock: Clock,
        org: OrgDirectory,
        rules: RegisterRules | None = None,
    ) -> None:
        super().__init__(env, clock=clock, org=org)
        self.rules = rules or RegisterRules()
        self.view = RegisterView(self, org)
        self.view.catch_up()  # built from the whole notification log at start

    # -- reactions to upstream events --------------------------------------------------------

    def concerns(self, upstream: CloudEvent) -> bool:
        """Reported information (Art. 21) and revision requests (Art. 30); nothing else."""
        return isinstance(upstream, RiskReported | RevisionRequested)

    def react(self, upstream: CloudEvent, processing_event: ProcessingEvent[UUID]) -> None:
        """Enter reported information (Art. 21); reopen a risk point for revision (Art. 30)."""
        if isinstance(upstream, RiskReported):
            judgement.take_report(self, upstream, processing_event)
        elif isinstance(upstream, RevisionRequested):
            risk_points.take_revision_request(self, upstream, processing_event)

    # -- lookups -----------------------------------------------------------------------------

    def unit(self, code: str, field: str = "unit_code") -> OrgUnit:
        """A unit of the tree; one registered by another process sharing the store is caught up."""
        if code not in self.org:
            self.view.catch_up()  # lays units saved since over the tree (Art. 5)
        return super().unit(code, field)

    def get_information(self, information_id: UUID) -> ReportedInformation:
        """Reported information in the database 廉政风险信息库 (Art. 21); NotFound if none."""
        found = self.find(information_id, ReportedInformation)
        if found is None:
            raise NotFound(f"no reported information {information_id}")
        return found

    def get_power(self, power_id: UUID) -> PowerItem:
        """A power of the catalogue (Art. 11); NotFound if there is none."""
        found = self.find(power_id, PowerItem)
        if found is None:
            raise NotFound(f"no power {power_id}")
        return found

    def get_risk_point(self, risk_point_id: UUID) -> RiskPoint:
        """A risk point of the register (Art. 10); NotFound if there is none."""
        found = self.find(risk_point_id, RiskPoint)
        if found is None:
            raise NotFound(f"no risk point {risk_point_id}")
        return found

    def _subtree(self, within: str) -> set[str]:
        return {u.code for u in self.org.subtree(self.unit(within, "within").code)}

    def list_risk_points(
        self,
        within: str,
        *,
        category: RiskCategory | None = None,
        grade: Grade | None = None,
        status: RiskStatus | None = None,
        as_of: datetime | None = None,
    ) -> list[RiskPointRow]:
        """The register of the subtree of `within`, filtered; as it stood `as_of` (Art. 10, 30)."""
        units_within = self._subtree(within)
        if as_of is None:
            return self.view.risk_points(
                units_within, category=category, grade=grade, status=status
            )
        if as_of.tzinfo is None:
            raise Invalid("as_of", "give a time zone (e.g. 2026-01-05T09:00:00+08:00)", "query")
        if as_of > self.clock.now():
            raise Invalid("as_of", "lies in the future", "query")
        return self.view.risk_points_as_of(as_of, units_within, category, grade, status)

    def measure_deadlines(self, within: str) -> list[MeasureDeadline]:
        """The measures of the subtree of `within`, soonest due first, with the reminders and
        lapses the watch recorded (Art. 14, 15)."""
        return measures_watch.measure_deadlines(self, self._subtree(within))

    def list_information(
        self, within: str, status: InformationStatus | None = None
    ) -> list[InformationRow]:
        """Reported information about units of the subtree of `within` 信息库 (Art. 21, 25)."""
        return self.view.information(self._subtree(within), status=status)

    def heat_map(self, within: str, status: RiskStatus | None = None) -> HeatMap:
        """Risk points of the subtree by unit × category × grade 风险分布 (Art. 13, 14)."""
        return self.view.heat_map(sorted(self._subtree(within)), status=status)

    def list_powers(self, within: str) -> list[PowerRow]:
        """The power catalogue of every unit in the subtree of `within` (Art. 11)."""
        return self.view.powers(self._subtree(within))

    # -- the organisation tree (Art. 5–7): units/handlers.py -------------------------------------

    def register_unit(self, draft: UnitDraft, by: Principal) -> None:
        """Enter a new unit in the tree (Art. 5)."""
        units.register_unit(self, draft, by)

    def change_unit(self, draft: UnitDraft, by: Principal) -> list[str]:
        """Change a unit; the fields changed (Art. 5–7)."""
        return units.change_unit(self, draft, by)

    def import_units(self, rows: list[ImportRow], by: Principal) -> ImportReport:
        """Register or change every unit of a file, or none (Art. 5)."""
        return units.import_units(self, rows, by)

    # -- the power catalogue and flowcharts (Art. 11): catalogue/handlers.py ---------------------

    def catalogue_power(self, draft: PowerDraft, by: Principal) -> UUID:
        """Enter a power in its unit's catalogue 职权目录 (Art. 11)."""
        return catalogue.catalogue_power(self, draft, by)

    def draw_flowchart(self, power_id: UUID, steps: list[dict[str, Any]], by: Principal) -> int:
        """Draw a new version of a power's flowchart 权力运行流程图 (Art. 11)."""
        return catalogue.draw_flowchart(self, power_id, steps, by)

    def flowchart_mermaid(self, power_id: UUID, version: int | None = None) -> str:
        """A flowchart version as Mermaid text (Art. 11)."""
        return catalogue.flowchart_mermaid(self, power_id, version)

    def flowchart_svg(self, power_id: UUID, version: int | None = None) -> str:
        """A flowchart version as SVG, its risk points marked (Art. 11, 13)."""
        return catalogue.flowchart_svg(self, power_id, version)

    # -- risk points (Art. 10–20, 30): risk_points/handlers.py -----------------------------------

    def identify_risk_point(self, draft: RiskPointDraft, by: Principal) -> UUID:
        """Enter a risk point in the register (Art. 10, 12, 13)."""
        return risk_points.identify(self, draft, by)

    def grade_risk_point(
        self,
        risk_point_id: UUID,
        factors: dict[str, int],
        *,
        reason: str,
        responsible_leader_id: str,
        by: Principal,
        source: GradeSource | None = None,
    ) -> Grade:
        """Grade or re-grade a risk point by the configured rule (Art. 14, 30)."""
        return risk_points.grade(
            self, risk_point_id, factors, reason=reason,
            responsible_leader_id=responsible_leader_id, by=by, source=source,
        )  # fmt: skip

    def vote(self, risk_point_id: UUID, in_favour: bool, comment: str, by: Principal) -> bool:
        """A leadership-team member votes on the grading 集体审定 (Art. 14)."""
        return risk_points.vote(self, risk_point_id, in_favour, comment, by)

    def publish(self, risk_point_id: UUID, by: Principal, days: int | None = None) -> datetime:
        """Publish an approved risk point 公示 (Art. 10)."""
        return risk_points.publish(self, risk_point_id, by, days)

    def record_objection(
        self, risk_point_id: UUID, raised_by: str, text: str, by: Principal
    ) -> int:
        """Record an objection raised during publication 公示异议 (Art. 10)."""
        return risk_points.record_objection(self, risk_point_id, raised_by, text, by)

    def answer_objection(
        self, risk_point_id: UUID, number: int, answer: str, by: Principal
    ) -> None:
        """Answer an objection (Art. 10)."""
        risk_points.answer_objection(self, risk_point_id, number, answer, by)

    def bring_into_force(self, risk_point_id: UUID, by: Principal) -> None:
        """Put a published risk point into force 生效 (Art. 10)."""
        risk_points.bring_into_force(self, risk_point_id, by)

    def choose_measure(
        self,
        risk_point_id: UUID,
        measure_code: str,
        *,
        detail: str,
        owner_id: str,
        due_date: date,
        by: Principal,
    ) -> None:
        """Choose a catalogued prevention measure for a risk point (Art. 15–20)."""
        risk_points.choose_measure(
            self, risk_point_id, measure_code, detail=detail, owner_id=owner_id,
            due_date=due_date, by=by,
        )  # fmt: skip

    def update_measure(
        self, risk_point_id: UUID, measure_code: str, status: str, note: str, by: Principal
    ) -> None:
        """Record how a chosen measure stands (Art. 15)."""
        risk_points.update_measure(self, risk_point_id, measure_code, status, note, by)

    def verify_measure(
        self, risk_point_id: UUID, measure_code: str, accepted: bool, note: str, by: Principal
    ) -> bool:
        """Verify a measure reported done, by someone other than its owner (Art. 15)."""
        return risk_points.verify_measure(self, risk_point_id, measure_code, accepted, note, by)

    def revise_content(self, risk_point_id: UUID, revised: RevisedContent, by: Principal) -> None:
        """Change what a reopened point says 动态修正 (Art. 30)."""
        risk_points.revise_content(self, risk_point_id, revised, by)

    def resubmit(self, risk_point_id: UUID, reason: str, by: Principal) -> None:
        """Send a revised point, grade kept, to the leadership team again (Art. 14, 30)."""
        risk_points.resubmit(self, risk_point_id, reason, by)

    # -- verification and judgement (Art. 21–25): judgement/handlers.py --------------------------

    def verify_information(
        self,
        information_id: UUID,
        *,
        checked: list[str],
        findings: str,
        by: Principal,
        verifiers: list[str] | None = None,
        verified_at: datetime | None = None,
    ) -> int:
        """Record a verification 核实 of reported information (Art. 21, 25)."""
        return judgement.verify_information(
            self, information_id, checked=checked, findings=findings, by=by,
            verifiers=verifiers, verified_at=verified_at,
        )  # fmt: skip

    def judge_information(
        self, information_id: UUID, draft: JudgementDraft, by: Principal
    ) -> JudgementProgress:
        """A member of the 研判小组 proposes the judgement 研判 (Art. 14, 23, 25, 28)."""
        return judgement.judge_information(self, information_id, draft, by)

    def sign_off_judgement(self, information_id: UUID, by: Principal) -> JudgementProgress:
        """A member signs the proposed judgement; made with enough sign-offs (Art. 25)."""
        return judgement.sign_off_judgement(self, information_id, by)

    # -- the judgement groups 研判小组 (Art. 25): groups/handlers.py -----------------------------

    def appoint_group_member(
        self, unit_code: str, user_id: str, name: str, authority: str, by: Principal
    ) -> None:
        """Appoint a member of the unit's 研判小组, on an authority (Art. 25)."""
        groups.appoint_member(self, unit_code, user_id, name, authority, by)

    def remove_group_member(
        self, unit_code: str, user_id: str, reason: str, authority: str, by: Principal
    ) -> None:
        """Remove a member of the unit's 研判小组 (Art. 25)."""
        groups.remove_member(self, unit_code, user_id, reason, authority, by)

    def judgement_group(self, unit_code: str) -> JudgementGroup | None:
        """The unit's own 研判小组, if one is recorded (Art. 25)."""
        self.unit(unit_code)
        return groups.group_of(self, unit_code)
