"""Intake's in-process read model: cases, officers, duties, reports, breaches (Art. 22–24).

The store answers "get by id" only. This view follows the notification log
(`shared.projection.LogFollower`): before each query it re-reads the aggregates changed since the
last one, by this process or any other sharing the store. It is rebuilt from the whole log at
start and never writes.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, TypeVar

from eventsourcing.domain import Aggregate

from services.intake.duties.model import PeriodicReport, ReportingBreach, ReportingDuty
from services.intake.filing.model import RiskInformation
from services.intake.officers.model import InformationOfficer
from shared.projection import LogFollower, event_topics

if TYPE_CHECKING:
    from uuid import UUID

    from eventsourcing.application import Application

_A = TypeVar("_A", bound=Aggregate)
_KINDS: tuple[type[Aggregate], ...] = (
    RiskInformation,
    InformationOfficer,
    ReportingDuty,
    PeriodicReport,
    ReportingBreach,
)


class IntakeView:
    """The latest state of every listed aggregate, by kind and id (Art. 22–24)."""

    def __init__(self, app: Application[UUID]) -> None:
        self._app = app
        self._lock = threading.Lock()
        self._follower = LogFollower(app, event_topics(*_KINDS))
        self._items: dict[type[Aggregate], dict[UUID, Aggregate]] = {k: {} for k in _KINDS}

    def catch_up(self) -> None:
        """Take in every aggregate changed since the last call."""
        with self._lock:
            for aggregate_id in self._follower.changed():
                aggregate: Aggregate = self._app.repository.get(aggregate_id)
                self._items[type(aggregate)][aggregate_id] = aggregate

    def all(self, kind: type[_A]) -> list[_A]:
        """Every known aggregate of `kind`, up to date."""
        self.catch_up()
        return [a for a in self._items[kind].values() if isinstance(a, kind)]

    def cases(self) -> list[RiskInformation]:
        """Every case, in the order filed (at one moment: by reference; ids are random)."""
        return sorted(
            self.all(RiskInformation),
            key=lambda c: (c.filed_at, c.source_reference, c.channel, str(c.id)),
        )

    def officers(self) -> list[InformationOfficer]:
        """Every officer ever appointed, by user id."""
        return sorted(self.all(InformationOfficer), key=lambda o: o.user_id)

    def duties(self) -> list[ReportingDuty]:
        """Every reporting duty, by unit and name."""
        return sorted(self.all(ReportingDuty), key=lambda d: (d.unit_code, d.name))

    def reports(self) -> list[PeriodicReport]:
        """Every periodic report, by unit and period."""
        return sorted(self.all(PeriodicReport), key=lambda r: (r.unit_code, r.period))

    def breaches(self) -> list[ReportingBreach]:
        """Every breach, in the order detected."""
        return sorted(self.all(ReportingBreach), key=lambda b: (b.detected_at, str(b.id)))
