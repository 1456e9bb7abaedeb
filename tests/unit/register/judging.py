"""Reported information as the register takes it in from intake, for the judgement stories."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import count
from typing import TYPE_CHECKING, Any

from eventsourcing.persistence import Tracking

from tests.support.events import risk_reported

if TYPE_CHECKING:
    from uuid import UUID

    from shared.application import ServiceApplication
    from shared.events import CloudEvent, RiskReported

_offsets = count(1)


def feed(app: ServiceApplication, event: CloudEvent, topic: str = "lianfang.intake") -> None:
    """Hand an upstream event to the application as the inbox would, at a fresh position."""
    tracking = Tracking(f"{topic}.events-0", next(_offsets))
    app.process_event(event, tracking)  # type: ignore[arg-type]


def report(app: ServiceApplication, now: datetime, unit: str = "QX-TH", **kw: Any) -> RiskReported:
    """An officer's report about `unit` (or what `kw` says), a day ago, taken into the register."""
    event = risk_reported(unit_code=unit, at=now - timedelta(days=1), **kw)
    feed(app, event)
    return event


def information_id(event: RiskReported) -> UUID:
    return event.data.information_id
