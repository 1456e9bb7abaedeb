"""Intake's in-process read model: cases, officers, duties, reports, breaches (Art. 22–24).

The store answers "get by id" only. This view follows the notification log like the register's:
`catch_up()` notes which aggregates changed since the last call and re-reads them. It is rebuilt
from the whole log at start, brought up to date before each query, and never writes.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, TypeVar
from uuid import UUID

from eventsourcing.utils import get_topic

from services.intake.domain import RiskInformation
from services.intake.obligations import PeriodicReport, ReportingBreach, ReportingDuty
from services.intake.officers import InformationOfficer

if TYPE_CHECKING:
    from eventsourcing.application import Application
    from eventsourcing.domain import Aggregate

_T = TypeVar("_T")
_KINDS: tuple[type[Aggregate], ...] = (
    RiskInformation,
    InformationOfficer,
    ReportingDuty,
    PeriodicReport,
    ReportingBreach,
)
_PAGE = 500


class IntakeView:
    """The latest state of every listed aggregate, by kind and id."""

    def __init__(self, app: Application[UUID]) -> None:
        self._app = app
        self._lock = threading.Lock()
        self._position = 0
        self._topics = {get_topic(kind) + ".": kind for kind in _KINDS}
        self._items: dict[type[Aggregate], dict[UUID, Aggregate]] = {k: {} for k in _KINDS}

    def catch_up(self) -> None:
        """Take in every notification saved since the last call."""
        with self._lock:
            changed: set[UUID] = set()
            while True:
                page = self._app.recorder.select_notifications(
                    start=self._position, limit=_PAGE, inclusive_of_start=False
                )
                for n in page:
                    if any(n.topic.startswith(prefix) for prefix in self._topics):
                        changed.add(UUID(str(n.originator_id)))
                if not page:
                    break
                self._position = page[-1].id
            for aggregate_id in changed:
                aggregate: Aggregate = self._app.repository.get(aggregate_id)
                kind = type(aggregate)
                if kind in self._items:
                    self._items[kind][aggregate_id] = aggregate

    def all(self, kind: type[_T]) -> list[_T]:
        """Every known aggregate of `kind`, up to date."""
        self.catch_up()
        found = list(self._items[kind].values())  # type: ignore[index]
        return [a for a in found if isinstance(a, kind)]

    def cases(self) -> list[RiskInformation]:
        return sorted(self.all(RiskInformation), key=lambda c: (c.filed_at, str(c.id)))

    def officers(self) -> list[InformationOfficer]:
        return sorted(self.all(InformationOfficer), key=lambda o: o.user_id)

    def duties(self) -> list[ReportingDuty]:
        return sorted(self.all(ReportingDuty), key=lambda d: (d.unit_code, d.name))

    def reports(self) -> list[PeriodicReport]:
        return sorted(self.all(PeriodicReport), key=lambda r: (r.unit_code, r.period))

    def breaches(self) -> list[ReportingBreach]:
        return sorted(self.all(ReportingBreach), key=lambda b: (b.detected_at, str(b.id)))
