"""Build public events for tests the way a producing service would."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID, uuid4

from eventsourcing.persistence import Tracking

from shared.events import (
    Actor,
    CloudEvent,
    JudgementMade,
    JudgementMadeData,
    RiskReported,
    RiskReportedData,
    RoleGranted,
    RoleGrantedData,
    RoleRevoked,
    RoleRevokedData,
)
from shared.events.publish import Origin

if TYPE_CHECKING:
    from shared.application import ServiceApplication

INTAKE = Origin("/lianfang/district/intake", "district")
REGISTER = Origin("/lianfang/district/register", "district")
_E = TypeVar("_E", bound=CloudEvent)


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
    data = RiskReportedData(
        **INTAKE.stamp(unit_code, officer, "Art. 22", at),
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
    )
    return sent(RiskReported, INTAKE, data, information_id, event_id)


def sent(
    kind: type[_E], origin: Origin, data: Any, subject: UUID, event_id: str | None = None
) -> _E:
    """The event `origin` sends about `subject`, at the time its data says, with a fresh id
    unless `event_id` is given (a re-send)."""
    fresh_id = event_id or str(uuid4())
    return kind(id=fresh_id, source=origin.source, time=data.occurred_at, subject=str(subject),
                data=data)  # fmt: skip


def incipient_judgement(unit: str, risk_point_id: UUID) -> JudgementMade:
    """An incipient tendency 苗头性问题 about a risk point, judged now (Art. 25); the warning's
    level follows the point's grade, whatever the judgement recommends."""
    now = datetime.now(UTC)
    judge = Actor(user_id="u-judge", role="judge", unit_code="QX")
    information_id = uuid4()
    data = JudgementMadeData(
        **REGISTER.stamp(unit, judge, "Art. 25", now),
        judgement_id=uuid4(),
        information_id=information_id,
        risk_point_id=risk_point_id,
        verdict="incipient_tendency",
        recommended_level="yellow",
        reasoning="多次出现同一人审核并支付，属苗头性问题",
    )
    return JudgementMade.create(
        data=data, subject=str(information_id), source=REGISTER.source, clock_now=now
    )


CONSOLE = Origin("/lianfang/district/console", "district")
DIRECTORY_ADMIN = Actor(user_id="u-qx-admin", role="admin", unit_code="QX")
_grant_offsets = itertools.count(1)


def role_granted(user_id: str, role: str, unit_code: str, at: datetime) -> RoleGranted:
    """The console's RoleGranted: `user_id` holds `role` for `unit_code` from `at`."""
    data = RoleGrantedData(
        **CONSOLE.stamp(unit_code, DIRECTORY_ADMIN, "清新纪发〔2026〕12号", at),
        user_id=user_id,
        role=role,
    )
    return RoleGranted.create(data=data, subject=user_id, source=CONSOLE.source, clock_now=at)


def role_revoked(user_id: str, role: str, unit_code: str, at: datetime) -> RoleRevoked:
    """The console's RoleRevoked: `user_id` no longer holds `role` for `unit_code` from `at`."""
    data = RoleRevokedData(
        **CONSOLE.stamp(unit_code, DIRECTORY_ADMIN, "清新纪发〔2026〕13号", at),
        user_id=user_id,
        role=role,
    )
    return RoleRevoked.create(data=data, subject=user_id, source=CONSOLE.source, clock_now=at)


def take_in(app: ServiceApplication, event: CloudEvent) -> None:
    """Hand a public event to the application as its worker's inbox would."""
    tracking = Tracking("lianfang.console.events-0", next(_grant_offsets))
    app.process_event(event, tracking)  # type: ignore[arg-type]
