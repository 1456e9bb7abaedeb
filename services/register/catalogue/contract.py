"""A power's stored events, translated into the public contract (Art. 11).

Cataloguing becomes PowerCatalogued, each flowchart version PowerCharted. Stored events name only
who acted, so the actor's unit is the power's unit and the role the office's (its routes' role).
"""

from __future__ import annotations

from services.register.catalogue.model import PowerItem
from shared.events import (
    Actor,
    PowerCatalogued,
    PowerCataloguedData,
    PowerCharted,
    PowerChartedData,
)
from shared.events.publish import Origin, Translations, public_envelope

translate = Translations()
"""The public event a power's stored event becomes, if any (Art. 11)."""


@translate.of(PowerItem.Catalogued)
def catalogued(e: PowerItem.Catalogued, origin: Origin) -> PowerCatalogued:
    """PowerCatalogued: a power entered the catalogue 职权目录 (Art. 11)."""
    by = Actor(user_id=e.catalogued_by, role="office", unit_code=e.unit_code)
    data = PowerCataloguedData(
        **origin.stamp(e.unit_code, by, "Art. 11", e.catalogued_at),
        power_id=e.originator_id,
        name=e.name,
        kind=e.kind,
        legal_basis=e.legal_basis,
        posts=tuple(e.posts),
    )
    return public_envelope(PowerCatalogued, e, origin, data=data)


@translate.of(PowerItem.FlowchartDrawn)
def charted(e: PowerItem.FlowchartDrawn, origin: Origin) -> PowerCharted:
    """PowerCharted: a version of the power's flowchart 权力运行流程图 was drawn (Art. 11)."""
    by = Actor(user_id=e.drawn_by, role="office", unit_code=e.unit_code)
    data = PowerChartedData(
        **origin.stamp(e.unit_code, by, "Art. 11", e.drawn_at),
        power_id=e.originator_id,
        flowchart_version=e.version,
        steps=len(e.steps),
    )
    return public_envelope(PowerCharted, e, origin, data=data)
