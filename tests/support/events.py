"""Build public events for tests the way a producing service would."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID, uuid4

from shared.events import Actor, RiskReported, RiskReportedData


def risk_reported(
    unit_code: str = "QX-TH",  # the town government: the district node manages it (Art. 7)
    information_id: UUID | None = None,
    event_id: str | None = None,
    at: datetime | None = None,
    channel: str = "officer_report",
    reported_by: Actor | None = None,
) -> RiskReported:
    """A RiskReported; by default an officer of the subject unit reports on it."""
    at = at or datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    officer = reported_by or Actor(user_id="u-officer", role="officer", unit_code=unit_code)
    information_id = information_id or uuid4()
    return RiskReported(
        id=event_id or str(uuid4()),
        source="/lianfang/district/intake",
        time=at,
        subject=str(information_id),
        data=RiskReportedData(
            schema_version=1,
            unit_code=unit_code,
            node_id="district",
            actor=officer,
            authority="Art. 22",
            occurred_at=at,
            information_id=information_id,
            subject_post="出纳",
            subject_person_id=None,
            channel=channel,
            summary="报销单据多次由同一人审核并支付",
            happened_at=None,
            learned_at=at,
            source_reference=f"XXY-{information_id.hex[:8]}",
            attachment_refs=[],
            reported_by=officer,
            has_protected_source=channel == "petition",
        ),
    )
