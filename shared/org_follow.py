"""Every service's copy of the organisation tree, kept current from the register (Art. 5–7).

The seed file gives each service its starting tree; a node's register publishes OrgUnitRegistered
and OrgUnitChanged as units are added or change (a new village committee, a new principal leader,
a unit moved to a town's node). Every service of every node takes those events in — a register
those of the other nodes' registers (its own units are its own records) — and records each as a
`KnownUnit` event in its own store, so the copy survives restarts, and lays the recorded units
over the seed. A unit is registered once and reaches every node (Art. 5, 7).
Its API may run in another process on the same store: every lookup first catches up with what
the store recorded since the last one, scanning only notifications it has not seen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from shared.events import OrgUnitChanged, OrgUnitRegistered
from shared.orgtree import OrgUnit
from shared.projection import LogFollower, event_topics

if TYPE_CHECKING:
    from collections.abc import Sequence

    from eventsourcing.application import Application, ProcessingEvent
    from eventsourcing.persistence import Notification

    from shared.events.register import OrgUnitRegisteredData
    from shared.orgtree import OrgDirectory

ORG_EVENTS = (OrgUnitRegistered, OrgUnitChanged)
_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:known-unit")


class KnownUnit(Aggregate):
    """A unit of the tree as the register last published it: this service's copy."""

    @staticmethod
    def create_id(code: str, **_: Any) -> UUID:
        return uuid5(_NAMESPACE, code)

    class Learned(Aggregate.Created):
        code: str
        unit: dict[str, Any]

    class Updated(Aggregate.Event):
        unit: dict[str, Any]

    @event(Learned)
    def __init__(self, *, code: str, unit: dict[str, Any]) -> None:
        self.code = code
        self.unit = unit

    @event(Updated)
    def update(self, *, unit: dict[str, Any]) -> None:
        self.unit = unit


def _state(data: OrgUnitRegisteredData) -> dict[str, Any]:
    return {
        "code": data.code,
        "name": data.name,
        "kind": str(data.kind),
        "parent_code": data.parent_code,
        "managing_node_id": data.managing_node_id,
        "principal_leader_id": data.principal_leader_id,
        "leadership_team_ids": list(data.leadership_team_ids),
        "business_department": data.business_department,
    }


def _unit(state: dict[str, Any]) -> OrgUnit:
    return OrgUnit(**{**state, "leadership_team_ids": tuple(state["leadership_team_ids"])})


class OrgFollower:
    """Records the register's unit events, and lays what was recorded over the directory."""

    def __init__(self, app: Application[UUID], org: OrgDirectory) -> None:
        self.app = app
        self.org = org
        # Notifications up to its position are laid over the directory already.
        self._log = LogFollower(app, event_topics(KnownUnit))

    def record(
        self, upstream: OrgUnitRegistered | OrgUnitChanged, processing_event: ProcessingEvent[UUID]
    ) -> None:
        """Record the unit as published, in the transaction that takes the event in."""
        state = _state(upstream.data)
        unit_id = KnownUnit.create_id(upstream.data.code)
        if unit_id in self.app.repository:
            known: KnownUnit = self.app.repository.get(unit_id)
            if known.unit == state:
                return
            known.update(unit=state)
        else:
            known = KnownUnit(code=upstream.data.code, unit=state)
        processing_event.collect_events(known)

    def catch_up(self) -> None:
        """Lay over the directory every unit recorded since the last catch-up."""
        self._log.follow(self._lay_over)

    def _lay_over(self, page: Sequence[Notification]) -> None:
        for notification in page:
            recorded = self.app.mapper.to_domain_event(notification)
            assert isinstance(recorded, KnownUnit.Learned | KnownUnit.Updated)
            self.org.put(_unit(recorded.unit))
