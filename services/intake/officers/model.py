"""Information officers 信息员, internal and externally hired 外聘, and their units (Art. 22)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from shared.errors import Conflict, Invalid
from shared.vocabulary import ActorRecord

if TYPE_CHECKING:
    from collections.abc import Iterable

OFFICER_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:intake:officer")
OFFICER_KINDS = ("internal", "external")  # 内部信息员 / 外聘信息员


class InformationOfficer(Aggregate):
    """A person appointed to collect risk information for some units over periods (Art. 22)."""

    @staticmethod
    def create_id(user_id: str, **_: Any) -> UUID:
        return uuid5(OFFICER_NAMESPACE, user_id)

    @event("Appointed")
    def __init__(
        self,
        *,
        user_id: str,
        name: str,
        kind: str,
        units: list[str],
        active_from: datetime,
        active_until: datetime | None,
        appointed_by: ActorRecord,
    ) -> None:
        self.user_id = user_id
        self.name = name
        self.kind = kind
        self.periods: list[dict[str, Any]] = []
        self._add_period(units, active_from, active_until, appointed_by)

    @staticmethod
    def check(kind: str, units: list[str], active_from: datetime, until: datetime | None) -> None:
        """Refuse an appointment that cannot be right (Art. 22)."""
        if kind not in OFFICER_KINDS:
            raise Invalid(
                "kind",
                f"须为 {'、'.join(OFFICER_KINDS)} 之一（内部信息员或外聘信息员） "
                f"(must be one of {', '.join(OFFICER_KINDS)})",
            )
        if not units:
            raise Invalid("units", "信息员至少负责一个单位 (an officer covers at least one unit)")
        if until is not None and until <= active_from:
            raise Invalid("active_until", "聘任截止时间须晚于起始时间 (must be after active_from)")

    def _add_period(
        self, units: list[str], start: datetime, end: datetime | None, by: ActorRecord
    ) -> None:
        self.periods.append({"units": list(units), "start": start, "end": end, "by": dict(by)})

    def reappoint(
        self,
        units: list[str],
        active_from: datetime,
        active_until: datetime | None,
        by: ActorRecord,
    ) -> None:
        """Start a new active period (续聘), after every earlier one has ended (Art. 22)."""
        if any(p["end"] is None or p["end"] > active_from for p in self.periods):
            raise Conflict(
                "此前的聘任期届时尚未结束，请先解聘 (an earlier period is still open at that "
                "time; relieve first)"
            )
        self._reappointed(
            units=list(units), active_from=active_from, active_until=active_until, by=dict(by)
        )

    @event("Reappointed")
    def _reappointed(
        self,
        units: list[str],
        active_from: datetime,
        active_until: datetime | None,
        by: ActorRecord,
    ) -> None:
        self._add_period(units, active_from, active_until, by)

    def relieve(self, at: datetime, reason: str, by: ActorRecord) -> None:
        """End the open period at `at` (解聘/免去信息员), with a reason (Art. 22)."""
        current = self.periods[-1]
        if current["end"] is not None and current["end"] <= at:
            raise Conflict(
                f"信息员 {self.user_id} 在 {at.isoformat()} 不在聘任期内 "
                f"(officer {self.user_id} is not active at {at.isoformat()})"
            )
        if at < current["start"]:
            raise Invalid("at", "早于本次聘任期的起始时间 (is before the current period began)")
        self._relieved(at=at, reason=reason, by=dict(by))

    @event("Relieved")
    def _relieved(self, at: datetime, reason: str, by: ActorRecord) -> None:
        self.periods[-1]["end"] = at

    def covers(self, unit_chain: Iterable[str], at: datetime) -> bool:
        """Whether the officer is active at `at` for the unit (or a unit above it)."""
        chain = set(unit_chain)
        return any(
            p["start"] <= at
            and (p["end"] is None or at < p["end"])
            and chain.intersection(p["units"])
            for p in self.periods
        )

    def units_at(self, at: datetime) -> list[str]:
        """The units covered at `at` (none when inactive)."""
        for p in self.periods:
            if p["start"] <= at and (p["end"] is None or at < p["end"]):
                return list(p["units"])
        return []
