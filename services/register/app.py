"""The register application: powers, risk points, grading, approval, judgement (Art. 10–25)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.register.domain import ReportedInformation
from services.register.judgement_commands import JudgementCommands
from services.register.power_commands import PowerCommands
from services.register.read_model import HeatMap, InformationRow, RiskPointRow
from shared.application import Rejected
from shared.events import RiskReported
from shared.orgtree import UnknownUnit

if TYPE_CHECKING:
    from uuid import UUID

    from eventsourcing.application import ProcessingEvent

    from services.register.judgement import InformationStatus
    from services.register.risk_records import RiskStatus
    from shared.events import CloudEvent
    from shared.vocabulary import Grade, RiskCategory


class RegisterApplication(PowerCommands, JudgementCommands):
    """Commands, queries and reactions of the register; plain types in and out."""

    name = "register"

    def concerns(self, upstream: CloudEvent) -> bool:
        """Reported information (Art. 21); intake's routing events are intake's own business."""
        return isinstance(upstream, RiskReported)

    def react(self, upstream: CloudEvent, processing_event: ProcessingEvent[UUID]) -> None:
        if isinstance(upstream, RiskReported):
            self._take_report(upstream, processing_event)

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
    ) -> list[RiskPointRow]:
        """The register of every unit in the subtree of `within`, filtered (Art. 10, 13, 14)."""
        units = {u.code for u in self.org.subtree(self.unit(within, "within").code)}
        return self.view.risk_points(units, category=category, grade=grade, status=status)

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
