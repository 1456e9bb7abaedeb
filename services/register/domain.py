"""The register's domain: reported information awaiting judgement (Art. 21, 25)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event


class ReportedInformation(Aggregate):
    """Risk information in the 廉政风险信息库, awaiting the judgement group 研判小组 (Art. 21, 25).

    It shares its id with intake's case, so every service speaks of the same case by one id.
    """

    @staticmethod
    def create_id(information_id: UUID, **_: Any) -> UUID:
        return information_id

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
    ) -> None:
        self.unit_code = unit_code
        self.channel = channel
        self.summary = summary
        self.learned_at = learned_at
        self.reported_at = reported_at
        self.reported_by = dict(reported_by)
        self.upstream_event_id = upstream_event_id
        self.status = "awaiting_judgement"
