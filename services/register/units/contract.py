"""A unit's stored events, translated into the public contract (Art. 5–7).

Registration becomes OrgUnitRegistered, a change OrgUnitChanged; both carry the unit as it now
stands, so other services' read models replace their copy.
"""

from __future__ import annotations

from typing import TypedDict

from services.register.units.model import OrgUnitEntry
from shared.events import (
    Actor,
    OrgUnitChanged,
    OrgUnitChangedData,
    OrgUnitRegistered,
    OrgUnitRegisteredData,
)
from shared.events.publish import Origin, Translations, public_envelope


class UnitState(TypedDict):
    """The fields OrgUnitRegistered and OrgUnitChanged share: the unit as it now stands."""

    code: str
    name: str
    kind: str
    parent_code: str | None
    managing_node_id: str
    principal_leader_id: str | None
    leadership_team_ids: tuple[str, ...]
    business_department: str | None


translate = Translations()
"""The public event a unit's stored event becomes (Art. 5–7)."""


@translate.of(OrgUnitEntry.Registered)
def registered(e: OrgUnitEntry.Registered, origin: Origin) -> OrgUnitRegistered:
    """OrgUnitRegistered: the unit joined the tree, as it now stands (Art. 5)."""
    stamp = origin.stamp(e.code, Actor(**e.registered_by), "Art. 5", e.registered_at)
    data = OrgUnitRegisteredData(**stamp, **_state(e))
    return public_envelope(OrgUnitRegistered, e, origin, data=data, subject=e.code)


@translate.of(OrgUnitEntry.Changed)
def changed(e: OrgUnitEntry.Changed, origin: Origin) -> OrgUnitChanged:
    """OrgUnitChanged: the unit as it now stands, naming what changed (Art. 5)."""
    stamp = origin.stamp(e.code, Actor(**e.changed_by), "Art. 5", e.changed_at)
    data = OrgUnitChangedData(**stamp, **_state(e), changed=tuple(e.changed))
    return public_envelope(OrgUnitChanged, e, origin, data=data, subject=e.code)


def _state(e: OrgUnitEntry.Registered | OrgUnitEntry.Changed) -> UnitState:
    return UnitState(
        code=e.code,
        name=e.name,
        kind=e.kind,
        parent_code=e.parent_code,
        managing_node_id=e.managing_node_id,
        principal_leader_id=e.principal_leader_id,
        leadership_team_ids=tuple(e.leadership_team_ids),
        business_department=e.business_department,
    )
