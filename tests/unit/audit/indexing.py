"""An application that only keeps the case-timeline index, as assessment's worker does (H3)."""

from __future__ import annotations

from itertools import count
from typing import TYPE_CHECKING, Self

from eventsourcing.persistence import Tracking

from shared.application import ServiceApplication
from shared.clock import ManualClock
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED

if TYPE_CHECKING:
    from shared.events import CloudEvent


class IndexingApplication(ServiceApplication):
    """Takes every upstream event in and reacts to none: only the index changes."""

    name = "indexing"
    keeps_case_index = True
    follows_org = False

    def concerns(self, upstream: CloudEvent) -> bool:
        return False

    @classmethod
    def in_memory(cls) -> Self:
        return cls(
            {"PERSISTENCE_MODULE": "eventsourcing.popo"},
            clock=ManualClock(),
            org=OrgDirectory.from_json(DEFAULT_ORG_SEED),
        )

    def take(self, event: CloudEvent, topic: str = "lianfang.upstream") -> None:
        """As the inbox hands a record in: at the next position of `topic`'s partition 0."""
        positions = self.__dict__.setdefault("_positions", count(1))
        self.process_event(event, Tracking(f"{topic}-0", next(positions)))  # type: ignore[arg-type]
