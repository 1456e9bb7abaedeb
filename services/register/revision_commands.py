"""Revision of the register 动态修正: reopen on request, revise, approve again (Art. 14, 30)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from services.register.risk_point_commands import RiskPointCommands
from services.register.risk_points.model import Focus, RiskPoint
from shared.application import Rejected, actor_of
from shared.errors import Invalid
from shared.vocabulary import RiskCategory

if TYPE_CHECKING:
    from uuid import UUID

    from eventsourcing.application import ProcessingEvent

    from shared.auth import Principal
    from shared.events import RevisionRequested


@dataclass(frozen=True)
class RevisedContent:
    """What a risk point says after revision: category, risk, how it shows, focus (Art. 13, 30)."""

    category: str
    description: str
    manifestations: list[str]
    reason: str
    focus: Focus = field(default_factory=Focus)


class RevisionCommands(RiskPointCommands):
    """Reopening at the assessment service's request; revising content; resubmitting."""

    def _take_revision_request(
        self, requested: RevisionRequested, processing_event: ProcessingEvent[UUID]
    ) -> None:
        """Reopen a risk point an inspection found wanting 动态修正 (Art. 30); once per request."""
        data = requested.data
        point = self.find(data.risk_point_id, RiskPoint)
        if point is None:
            raise Rejected(f"no risk point {data.risk_point_id} in this register")
        if point.unit_code != data.unit_code:
            raise Rejected(
                f"risk point {data.risk_point_id} is {point.unit_code}'s, not {data.unit_code}'s"
            )
        reopened = point.reopen(
            request_id=data.request_id, aspects=list(data.aspects), finding=data.finding,
            inspection_id=data.inspection_id, finding_id=data.finding_id,
            revise_by=data.revise_by, requested_by=data.actor.model_dump(), at=self.clock.now(),
        )  # fmt: skip
        if reopened:
            processing_event.collect_events(point)

    def revise_content(self, risk_point_id: UUID, revised: RevisedContent, by: Principal) -> None:
        """Change category, description, manifestations, focus; grade and approve anew (Art. 30)."""
        point = self.get_risk_point(risk_point_id)
        if revised.category not in RiskCategory.__members__.values():
            raise Invalid("category", f"must be one of {', '.join(c.value for c in RiskCategory)}")
        if not revised.description.strip():
            raise Invalid("description", "describe the risk")
        manifestations = [m.strip() for m in revised.manifestations if m.strip()]
        if not manifestations:
            raise Invalid("manifestations", "list at least one way the risk shows (风险表现形式)")
        point.revise_content(
            category=revised.category, description=revised.description.strip(),
            manifestations=manifestations, focus=revised.focus, reason=revised.reason.strip(),
            by=actor_of(by), at=self.clock.now(),
        )  # fmt: skip
        self.save(point)

    def resubmit(self, risk_point_id: UUID, reason: str, by: Principal) -> None:
        """Send a revised point whose grade stands to the leadership team again (Art. 14, 30)."""
        point = self.get_risk_point(risk_point_id)
        point.resubmit(reason=reason.strip(), by=actor_of(by), at=self.clock.now())
        self.save(point)
