"""The register's stored events, translated into the public contract (Art. 5–7, 10–14, 25, 30).

Each feature translates its own aggregate's events (`<feature>/contract.py`); the outbox relay
calls this one `translate`. Events no feature publishes stay internal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.register.catalogue import contract as catalogue
from services.register.judgement import contract as judgement
from services.register.risk_points import contract as risk_points
from services.register.units import contract as units

if TYPE_CHECKING:
    from uuid import UUID

    from eventsourcing.domain import DomainEventProtocol

    from shared.events import CloudEvent
    from shared.events.publish import Origin

_FEATURES = (risk_points.translate, judgement.translate, units.translate, catalogue.translate)


def translate(domain_event: DomainEventProtocol[UUID], origin: Origin) -> CloudEvent | None:
    """The public event a stored register event becomes, or None if it stays internal."""
    for feature in _FEATURES:
        public = feature(domain_event, origin)
        if public is not None:
            return public
    return None
