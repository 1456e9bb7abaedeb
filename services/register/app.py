"""The register application: powers, risk points, grading, approval, judgement (Art. 10–25)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.register.domain import ReportedInformation
from services.register.judgement_commands import JudgementCommands
from services.register.org_commands import OrgUnitCommands
from services.register.power_commands import PowerCommands
from services.register.read_model import HeatMap, InformationRow, RiskPointRow
from services.register.revision_commands import RevisionCommands
from shared.application import Rejected
from shared.errors import Invalid
from shared.events import RevisionRequested, RiskReported
from shared.orgtree import UnknownUnit

if TYPE_CHECKING:
    from datetime import datetime
    from uuid import UUID

    from eventsourcing.application import ProcessingEvent

    from services.register.judgement import InformationStatus
    from services.register.risk_points.model import RiskStatus
    from shared.events import CloudEvent
    from shared.vocabulary import Grade, RiskCategory


class RegisterApplication(PowerCommands, JudgementCommands, RevisionCommands, OrgUnitCommands):
    """Commands, queries and reactions of the register; plain types in and out."""

    name = "register"
    follows_org = False  # the register is where units are registered (services/register/org_*)

    def concerns(self, upstream: CloudEvent) -> bool:
        """Reported information (Art. 21) and revision requests (Art. 30); nothing else."""
        return isinstance(upstream, RiskReported | RevisionRequested)

    def react(self, upstream: CloudEvent, processing_event: ProcessingEvent[UUID]) -> None:
        if isinstance(upstream, RiskReported):
            self._take_report(upstream, processing_event)
        elif isinstance(upstream, RevisionRequested):
            self._take_revision_request(upstream, processing_event)

    def _take_report(self, reported: RiskReported, processing_event: ProcessingEvent[UUID]) -> None:
        """Enter reported information into the database for judgement (Art. 21)."""
        data = reported.data
        try:
            self.org.get(data.unit_code)
        except UnknownUnit as exc:
            raise Rejected(str(exc)) from exc
        if data.information_id in self.repository:
            return  # the same case reported again under another event id
        processing_event.collect_events(
            ReportedInformation(
                information_id=data.information_id,
                unit_code=data.unit_code,
                channel=str(data.channel),
                summary=data.summary,
                learned_at=data.learned_at,
                reported_at=data.occurred_at,
                reported_by=data.reported_by.model_dump(),
                upstream_event_id=reported.id,
                subject_post=data.subject_post,
            )
        )

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
        units = {u.code for u in self.org.subtree(self.unit(within, "within").code)}
        if as_of is None:
            return self.view.risk_points(units, category=category, grade=grade, status=status)
        if as_of.tzinfo is None:
            raise Invalid("as_of", "give a time zone (e.g. 2026-01-05T09:00:00+08:00)", "query")
        if as_of > self.clock.now():
            raise Invalid("as_of", "lies in the future", "query")
        return self.view.risk_points_as_of(as_of, units, category, grade, status)

    def list_information(
        self, within: str, status: InformationStatus | None = None
    ) -> list[InformationRow]:
        """Reported information about units of the subtree of `within` 信息库 (Art. 21, 25)."""
        units = {u.code for u in self.org.subtree(self.unit(within, "within").code)}
        return self.view.information(units, status=status)

    def heat_map(self, within: str, status: RiskStatus | None = None) -> HeatMap:
        """Risk points of the subtree by unit × category × grade 风险分布 (Art. 13, 14)."""
        units = sorted(u.code for u in self.org.subtree(self.unit(within, "within").code))
        return self.view.heat_map(units, status=status)
