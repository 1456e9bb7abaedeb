"""How a service's stored event becomes a public one: its origin, its stable id, its envelope.

Beside the contract rather than in the relay, so that the runtime, the relay and each service's
translation all depend on the contract and not on each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, TypedDict, TypeVar
from uuid import NAMESPACE_URL, UUID, uuid5

from shared.events.base import Actor, CloudEvent

if TYPE_CHECKING:
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

    def stamp(self, unit_code: str, actor: Actor, authority: str, at: datetime) -> Stamp:
        """The fields every event's data shares, raised on this node: `XData(**stamp, ...)`."""
        return Stamp(
            unit_code=unit_code,
            node_id=self.node_id,
            actor=actor,
            authority=authority,
            occurred_at=at,
        )

    def system(self, unit_code: str) -> Actor:
        """This node acting on its own (a watch, an acknowledgement), about `unit_code`."""
        return Actor(user_id=f"node:{self.node_id}", role="system", unit_code=unit_code)


class Stamp(TypedDict):
    """What every event's data shares (EventData's fields): unit, node, who, on what authority,
    when (Art. 7, 23). `schema_version` is left to each data model's default."""

    unit_code: str
    node_id: str
    actor: Actor
    authority: str
    occurred_at: datetime


def public_event_id(source: str, domain_event: DomainEventProtocol[UUID]) -> str:
    """The ce_id of the public event made from a stored event: the same on every re-send."""
    key = f"{source}:{domain_event.originator_id}:{domain_event.originator_version}"
    return str(uuid5(_EVENT_ID_NAMESPACE, key))


def public_envelope(
    kind: type[_E],
    domain_event: DomainEventProtocol[UUID],
    origin: Origin,
    *,
    data: EventData,
    time: datetime | None = None,
    subject: str | None = None,
) -> _E:
    """The public event a stored event becomes: its ce_id the same on every re-send, this
    node's service as source, timed when it occurred unless `time` says otherwise, keyed by the
    aggregate unless `subject` says otherwise."""
    return kind.create(
        data=data,
        subject=subject if subject is not None else str(domain_event.originator_id),
        source=origin.source,
        clock_now=time if time is not None else data.occurred_at,
        event_id=public_event_id(origin.source, domain_event),
    )
