"""How a service's stored event becomes a public one: its origin, its stable id, its envelope.

Beside the contract rather than in the relay, so that the runtime, the relay and each service's
translation all depend on the contract and not on each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar
from uuid import NAMESPACE_URL, UUID, uuid5

from shared.events.base import CloudEvent

if TYPE_CHECKING:
    from datetime import datetime

    from eventsourcing.domain import DomainEventProtocol

    from shared.events.base import EventData

_EVENT_ID_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:event")
_E = TypeVar("_E", bound=CloudEvent)

# A service's translation bound to its origin: a stored event in, its public event (or None) out.
Translate = Callable[["DomainEventProtocol[UUID]"], "CloudEvent | None"]


@dataclass(frozen=True)
class Origin:
    """Where this service's public events come from (CloudEvents `source`, node)."""

    source: str
    node_id: str


def public_event_id(source: str, domain_event: DomainEventProtocol[UUID]) -> str:
    """The ce_id of the public event made from a stored event: the same on every re-send."""
    key = f"{source}:{domain_event.originator_id}:{domain_event.originator_version}"
    return str(uuid5(_EVENT_ID_NAMESPACE, key))


def public_envelope(
    kind: type[_E],
    domain_event: DomainEventProtocol[UUID],
    origin: Origin,
    *,
    time: datetime,
    data: EventData,
    subject: str | None = None,
) -> _E:
    """The public event a stored event becomes: its ce_id the same on every re-send, this
    node's service as source, keyed by the aggregate unless `subject` says otherwise."""
    return kind.create(
        data=data,
        subject=subject if subject is not None else str(domain_event.originator_id),
        source=origin.source,
        clock_now=time,
        event_id=public_event_id(origin.source, domain_event),
    )
