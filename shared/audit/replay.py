"""A service's state as it stood at a moment, rebuilt from its stored events alone (Art. 23, 29).

Every stored event carries the time it was recorded (its `timestamp`). Replaying the log and
applying, per aggregate, the events recorded by `as_of` gives every aggregate as the service
held it then: the state behind whatever was decided at that moment. An aggregate's later
versions are never applied once one of its events lies after `as_of` (its versions are recorded
in order, even if another process's events interleave in the log). A moment before the first
event gives an empty state, not an error. Read models are projections of these aggregates.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

from shared.audit.chain import iter_notifications
from shared.clock import BEIJING

if TYPE_CHECKING:
    from eventsourcing.application import Application


@dataclass
class Replayed:
    """What a replay rebuilt, and how fast."""

    service: str
    as_of: datetime
    aggregates: dict[UUID, Any] = field(default_factory=dict)
    applied: int = 0
    read: int = 0
    seconds: float = 0.0

    @property
    def events_per_second(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0

    def counts(self) -> dict[str, int]:
        """How many aggregates of each kind existed at `as_of`."""
        return dict(sorted(Counter(type(a).__name__ for a in self.aggregates.values()).items()))

    def states(self) -> list[dict[str, Any]]:
        """Each aggregate's fields (its public attributes), with id, kind and version."""
        return [state_of(a) for a in self.aggregates.values()]


def aware(moment: datetime) -> datetime:
    """A moment with a zone; a naive one is read as the office's local time (Beijing)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=BEIJING)


def replay_as_of(service: str, app: Application[UUID], as_of: datetime) -> Replayed:
    """Every aggregate of `app` as at `as_of`, from its notification log."""
    result = Replayed(service, aware(as_of))
    to_domain_event = app.mapper.to_domain_event
    later: set[UUID] = set()  # aggregates whose next event was recorded after `as_of`
    started = time.perf_counter()
    for notification in iter_notifications(app.recorder):
        result.read += 1
        # Stored events of aggregates: each has a timestamp and mutates its aggregate.
        domain_event: Any = to_domain_event(notification)
        originator = domain_event.originator_id
        if originator in later:
            continue
        if domain_event.timestamp > result.as_of:
            later.add(originator)
            continue
        result.aggregates[originator] = domain_event.mutate(result.aggregates.get(originator))
        result.applied += 1
    result.seconds = time.perf_counter() - started
    return result


def state_of(aggregate: Any) -> dict[str, Any]:
    """An aggregate as plain data: id, kind, version and its public fields."""
    fields = {k: v for k, v in vars(aggregate).items() if not k.startswith("_")}
    return {
        "id": str(aggregate.id),
        "kind": type(aggregate).__name__,
        "version": aggregate.version,
        **fields,
    }
