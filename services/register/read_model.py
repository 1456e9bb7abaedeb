"""The register's in-process read model: listings and the heat map 风险分布图 (Art. 10–14, 21, 31).

The event store answers "get by id" only. This view follows the application's notification log
(`shared.projection.LogFollower`): `catch_up()` takes in every notification after the last one it
saw, notes which risk points, powers and pieces of reported information changed, and re-reads
those aggregates from the repository. Units registered or changed in the register are laid over
the seeded organisation tree. It runs when the application starts (so it is rebuilt from the whole
log) and before every query (so it includes what this or any other process sharing the store has
saved since). It never writes to the store; losing it loses nothing.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from uuid import UUID

from services.register.catalogue.model import PowerItem, PowerKind
from services.register.judgement.model import InformationStatus, ReportedInformation
from services.register.risk_points.as_of import risk_point_at
from services.register.risk_points.measures import MeasureStatus
from services.register.risk_points.model import RiskPoint, RiskStatus
from services.register.units.model import OrgUnitEntry
from shared.clock import BEIJING
from shared.history import aggregate_at
from shared.projection import LogFollower, event_topics
from shared.vocabulary import Grade, RiskCategory, Verdict

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

    from eventsourcing.application import Application
    from eventsourcing.persistence import Notification

    from shared.orgtree import OrgDirectory

# The aggregates the view shows, by the topics of their events.
_SHOWN = (RiskPoint, PowerItem, ReportedInformation, OrgUnitEntry)
_KIND_OF_TOPIC = {topic: kind for kind in _SHOWN for topic in event_topics(kind)}


@dataclass(frozen=True)
class RiskPointRow:
    """One line of the register 廉政风险登记表 (Art. 10)."""

    id: UUID
    unit_code: str
    post: str
    category: RiskCategory
    grade: Grade | None
    status: RiskStatus
    power_id: UUID | None
    description: str
    responsible_leader_id: str | None
    under_revision: bool = False  # reopened for revision 动态修正, not yet approved again (Art. 30)
    focus_flags: tuple[str, ...] = ()  # why it deserves focus 排查重点, the flags set (Art. 12)


@dataclass(frozen=True)
class MeasureRow:
    """A measure chosen for a risk point, with its owner and due date (Art. 15)."""

    risk_point_id: UUID
    unit_code: str
    measure_code: str
    owner_id: str
    due_date: date
    status: MeasureStatus

    @property
    def deadline(self) -> datetime:
        """The end of the due date, Beijing time."""
        return datetime.combine(self.due_date + timedelta(days=1), time(0), BEIJING)


@dataclass(frozen=True)
class PowerRow:
    """One line of a unit's power catalogue 职权目录 (Art. 11)."""

    id: UUID
    unit_code: str
    name: str
    kind: PowerKind
    flowchart_version: int | None


@dataclass(frozen=True)
class InformationRow:
    """One line of the risk-information database 廉政风险信息库 (Art. 21, 25)."""

    id: UUID
    unit_code: str
    channel: str
    summary: str
    learned_at: datetime
    status: InformationStatus
    verifications: int
    verdict: Verdict | None


@dataclass(frozen=True)
class HeatMap:
    """Risk points by unit × category, counted by grade (`ungraded` for drafts) (Art. 13, 14)."""

    units: tuple[str, ...]
    categories: tuple[RiskCategory, ...]
    counts: dict[tuple[str, RiskCategory], dict[str, int]]


class RegisterView:
    """Risk points and powers by id, kept up to date from the notification log."""

    def __init__(self, app: Application[UUID], org: OrgDirectory | None = None) -> None:
        self._app = app
        self._org = org  # units registered or changed here are laid over the seeded tree
        self._follower = LogFollower(app, tuple(_KIND_OF_TOPIC))
        # Held while rows are re-read too, so a slower caller never lays older rows over newer.
        self._lock = threading.Lock()
        self._risk_points: dict[UUID, RiskPointRow] = {}
        self._measures: dict[UUID, tuple[MeasureRow, ...]] = {}
        self._powers: dict[UUID, PowerRow] = {}
        self._information: dict[UUID, InformationRow] = {}

    @property
    def position(self) -> int:
        """The last notification id this view has taken into account."""
        return self._follower.position

    def catch_up(self) -> None:
        """Take in every notification saved since the last call."""
        with self._lock:
            changed: dict[type, dict[UUID, None]] = {kind: {} for kind in _SHOWN}

            def take(page: Sequence[Notification]) -> None:
                for n in page:
                    changed[_KIND_OF_TOPIC[n.topic]][UUID(str(n.originator_id))] = None

            self._follower.follow(take)
            repository = self._app.repository
            for point_id in changed[RiskPoint]:
                point: RiskPoint = repository.get(point_id)
                self._risk_points[point_id] = row_of(point)
                self._measures[point_id] = _measure_rows_of(point)
            for power_id in changed[PowerItem]:
                self._powers[power_id] = _power_row_of(repository.get(power_id))
            for info_id in changed[ReportedInformation]:
                self._information[info_id] = _information_row_of(repository.get(info_id))
            for unit_id in changed[OrgUnitEntry]:
                entry: OrgUnitEntry = repository.get(unit_id)
                if self._org is not None:
                    self._org.put(entry.unit.as_org_unit())

    def risk_points(
        self,
        units: Collection[str],
        category: RiskCategory | None = None,
        grade: Grade | None = None,
        status: RiskStatus | None = None,
    ) -> list[RiskPointRow]:
        """Risk points of the given units, filtered, ordered by unit then id (Art. 10)."""
        self.catch_up()
        return matching(list(self._risk_points.values()), units, category, grade, status)

    def risk_points_as_of(
        self,
        as_of: datetime,
        units: Collection[str],
        category: RiskCategory | None = None,
        grade: Grade | None = None,
        status: RiskStatus | None = None,
    ) -> list[RiskPointRow]:
        """The register of the given units as it stood at `as_of`, filtered (Art. 10, 30)."""
        self.catch_up()
        # A point's unit never changes, so today's rows name every point the units ever had.
        then = (risk_point_at(self._app, r.id, as_of) for r in self.risk_points(units))
        rows = [row_of(p) for p in then if p is not None]
        return matching(rows, units, category, grade, status)

    def risk_points_as_of_page(
        self,
        as_of: datetime,
        units: Collection[str],
        filters: RiskPointFilters,
        after: tuple[str, str] | None,
        limit: int,
        budget: int,
    ) -> tuple[list[RiskPointRow], tuple[str, str] | None]:
        """One page of the register as it stood at `as_of` (Art. 10, 30), bounded: the points
        after `after` (unit, id) are replayed one by one, in the register's order, until `limit`
        match or `budget` points were replayed; then the key to continue after, if any is left.
        A request's work is at most `budget` replays, whatever the register's size."""
        self.catch_up()
        candidates = self.risk_points(units)
        if after is not None:
            candidates = [r for r in candidates if (r.unit_code, str(r.id)) > after]
        page: list[RiskPointRow] = []
        for replayed, row in enumerate(candidates, start=1):
            then = risk_point_at(self._app, row.id, as_of)
            if then is not None and matching([row_of(then)], units, *filters):
                page.append(row_of(then))
            if replayed < len(candidates) and (len(page) == limit or replayed == budget):
                return page, (row.unit_code, str(row.id))
        return page, None

    def due_measures(self) -> list[MeasureRow]:
        """Measures still owed (planned or in progress), soonest due first: what the measures
        tick checks (Art. 15)."""
        self.catch_up()
        rows = [m for ms in list(self._measures.values()) for m in ms if m.status.outstanding]
        return sorted(rows, key=lambda m: (m.due_date, str(m.risk_point_id), m.measure_code))

    def measures(self, units: Collection[str]) -> list[MeasureRow]:
        """Every measure chosen for the given units' points, soonest due first (Art. 15)."""
        self.catch_up()
        rows = [m for ms in list(self._measures.values()) for m in ms if m.unit_code in units]
        return sorted(rows, key=lambda m: (m.due_date, str(m.risk_point_id), m.measure_code))

    def powers(self, units: Collection[str]) -> list[PowerRow]:
        """Powers catalogued for the given units (Art. 11)."""
        self.catch_up()
        rows = [p for p in list(self._powers.values()) if p.unit_code in units]
        return sorted(rows, key=lambda p: (p.unit_code, p.name, str(p.id)))

    def powers_as_of(self, as_of: datetime, units: Collection[str]) -> list[PowerRow]:
        """The power catalogue of the given units as it stood at `as_of`: the powers catalogued
        by then, each with the flowchart version then current (Art. 11; history kept, Art. 30)."""
        self.catch_up()
        # A power's unit never changes, so today's rows name every power the units ever had.
        then = (aggregate_at(self._app, r.id, as_of, PowerItem) for r in self.powers(units))
        return [_power_row_of(p) for p in then if p is not None]

    def information(
        self, units: Collection[str], status: InformationStatus | None = None
    ) -> list[InformationRow]:
        """Reported information about the given units, oldest learned first (Art. 21, 25)."""
        self.catch_up()
        rows = [
            r
            for r in list(self._information.values())
            if r.unit_code in units and (status is None or r.status is status)
        ]
        return sorted(rows, key=lambda r: (r.learned_at, str(r.id)))

    def heat_map(self, units: list[str], status: RiskStatus | None = None) -> HeatMap:
        """Counts of risk points by unit × category × grade 风险分布 (Art. 13, 14)."""
        categories = tuple(RiskCategory)
        tally: dict[tuple[str, RiskCategory], Counter[str]] = {
            (u, c): Counter() for u in units for c in categories
        }
        for row in self.risk_points(set(units), status=status):
            key = row.grade.value if row.grade else "ungraded"
            tally[(row.unit_code, row.category)][key] += 1
        labels = [g.value for g in Grade] + ["ungraded"]
        counts = {cell: {k: c[k] for k in labels} for cell, c in tally.items()}
        return HeatMap(tuple(units), categories, counts)


def _measure_rows_of(point: RiskPoint) -> tuple[MeasureRow, ...]:
    return tuple(
        MeasureRow(point.id, point.unit_code, m.measure_code, m.owner_id, m.due, m.status)
        for m in point.measures.values()
    )


RiskPointFilters = tuple[RiskCategory | None, Grade | None, RiskStatus | None]
"""A register listing's filters: category, grade, status (Art. 10, 13, 14)."""


def matching(
    rows: list[RiskPointRow],
    units: Collection[str],
    category: RiskCategory | None,
    grade: Grade | None,
    status: RiskStatus | None,
) -> list[RiskPointRow]:
    """The rows of the given units that pass the filters, ordered by unit then id (Art. 10)."""
    kept = [
        r
        for r in rows
        if r.unit_code in units
        and (category is None or r.category is category)
        and (grade is None or r.grade is grade)
        and (status is None or r.status is status)
    ]
    return sorted(kept, key=lambda r: (r.unit_code, str(r.id)))


def row_of(point: RiskPoint) -> RiskPointRow:
    """A risk point's line in the register (Art. 10)."""
    grading = point.grading
    return RiskPointRow(
        id=point.id,
        unit_code=point.unit_code,
        post=point.post,
        category=point.category,
        grade=point.grade,
        status=point.status,
        power_id=point.power_id,
        description=point.description,
        responsible_leader_id=grading.responsible_leader_id if grading else None,
        under_revision=bool(point.open_revisions),
        focus_flags=tuple(flag for flag, set_ in point.focus.as_dict().items() if set_),
    )


def _power_row_of(power: PowerItem) -> PowerRow:
    chart = power.flowchart
    return PowerRow(
        id=power.id,
        unit_code=power.unit_code,
        name=power.name,
        kind=power.kind,
        flowchart_version=chart.version if chart else None,
    )


def _information_row_of(info: ReportedInformation) -> InformationRow:
    judgement = info.judgement
    return InformationRow(
        id=info.id,
        unit_code=info.unit_code,
        channel=info.channel,
        summary=info.summary,
        learned_at=info.learned_at,
        status=info.status,
        verifications=len(info.verifications),
        verdict=judgement.verdict if judgement else None,
    )
