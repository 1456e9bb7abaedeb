"""How a service's stored event becomes a public one: its origin, its stable id, its envelope.

Beside the contract rather than in the relay, so that the runtime, the relay and each service's
translation all depend on the contract and not on each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar
from uuid import NAMESPACE_URL, UUID, uuid5

from shared.events.base import Actor, CloudEvent

if TYPE_CHECKING:
    from eventsourcing.domain import DomainEventProtocol

    from shared.events.base import EventData

_EVENT_ID_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:event")
_E = TypeVar("_E", bound=CloudEvent)
_D = TypeVar("_D")
_R = TypeVar("_R", bound="CloudEvent | None")

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
    return public_event_id_of(source, domain_event.originator_id, domain_event.originator_version)


def public_event_id_of(source: str, originator_id: UUID, version: int) -> str:
    """The ce_id of the public event made from an aggregate's stored event at `version`."""
    return str(uuid5(_EVENT_ID_NAMESPACE, f"{source}:{originator_id}:{version}"))


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


class Translations:
    """A feature's translations, each for the stored event class it takes; calling it gives the
    public event a stored event becomes, or None for one that stays internal."""

    def __init__(self) -> None:
        self._by_kind: list[tuple[type[object], Callable[[Any, Origin], CloudEvent | None]]] = []

    def add(self, kind: type[_D], translation: Callable[[_D, Origin], CloudEvent | None]) -> None:
        """Translate stored events of `kind` (and its subclasses) with `translation`."""
        self._by_kind.append((kind, translation))

    def of(
        self, kind: type[_D]
    ) -> Callable[[Callable[[_D, Origin], _R]], Callable[[_D, Origin], _R]]:
        """As a decorator: the function below translates stored events of `kind`."""

        def register(translation: Callable[[_D, Origin], _R]) -> Callable[[_D, Origin], _R]:
            self.add(kind, translation)
            return translation

        return register

    def __call__(
        self, domain_event: DomainEventProtocol[UUID], origin: Origin
    ) -> CloudEvent | None:
        for kind, translation in self._by_kind:
            if isinstance(domain_event, kind):
                return translation(domain_event, origin)
        return None
