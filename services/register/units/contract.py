"""A unit's stored events, translated into the public contract (Art. 5–7).

Registration becomes OrgUnitRegistered, a change OrgUnitChanged; both carry the unit as it now
stands, so other services' read models replace their copy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, TypedDict

from services.register.units.model import OrgUnitEntry
from shared.events import (
    Actor,
    OrgUnitChanged,
    OrgUnitChangedData,
    OrgUnitRegistered,
    OrgUnitRegisteredData,
)
from shared.events.publish import public_envelope

if TYPE_CHECKING:
    from datetime import datetime
    from uuid import UUID

    from eventsourcing.domain import DomainEventProtocol

    from shared.events import CloudEvent
    from shared.events.publish import Origin


class UnitState(TypedDict):
    """The fields OrgUnitRegistered and OrgUnitChanged share: the unit as it now stands."""

    schema_version: Literal[1]
    unit_code: str
    node_id: str
    actor: Actor
    authority: str
    occurred_at: datetime
    code: str
    name: str
    kind: str
    parent_code: str | None
    managing_node_id: str
    principal_leader_id: str | None
    leadership_team_ids: tuple[str, ...]
    business_department: str | None


def translate(e: DomainEventProtocol[UUID], origin: Origin) -> CloudEvent | None:
    """The public event a unit's stored event becomes (Art. 5–7)."""
    if isinstance(e, OrgUnitEntry.Registered):
        state = _state(e, origin, Actor(**e.registered_by), e.registered_at)
        data = OrgUnitRegisteredData(**state)
        return public_envelope(
            OrgUnitRegistered, e, origin, time=e.registered_at, data=data, subject=e.code
        )
    if isinstance(e, OrgUnitEntry.Changed):
        state = _state(e, origin, Actor(**e.changed_by), e.changed_at)
        changed = OrgUnitChangedData(**state, changed=tuple(e.changed))
        return public_envelope(
            OrgUnitChanged, e, origin, time=e.changed_at, data=changed, subject=e.code
        )
    return None


def _state(
    e: OrgUnitEntry.Registered | OrgUnitEntry.Changed, origin: Origin, by: Actor, at: datetime
) -> UnitState:
    return UnitState(
        schema_version=1,
        unit_code=e.code,
        node_id=origin.node_id,
        actor=by,
        authority="Art. 5",
        occurred_at=at,
        code=e.code,
        name=e.name,
        kind=e.kind,
        parent_code=e.parent_code,
        managing_node_id=e.managing_node_id,
        principal_leader_id=e.principal_leader_id,
        leadership_team_ids=tuple(e.leadership_team_ids),
        business_department=e.business_department,
    )
