"""A service's read models rebuilt from the topics alone (Art. 23, 29; architecture: audit).

What a service derives from other services' events (assessment's live figures, warning's
proposals, intake's accepted forwards, the register's reported information) can be rebuilt by
handing every event on the topics it consumes to a fresh copy of the service on an in-memory
store, just as its inbox did. Comparing that copy with the running service shows whether its
store agrees with what every node saw on Kafka; its own commands (meetings, gradings, filings)
are not on those topics and are replayed from its store instead (`audit replay --as-of`).
It lives beside the CLI, not in shared/, because it loads every service (services/registry.py).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventsourcing.persistence import Tracking

from services import registry
from shared.application import Rejected, ServiceApplication
from shared.audit.published import read_events
from shared.clock import SystemClock
from shared.kafka import OPERATOR, KafkaAccess
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED
from shared.topics import Topics

if TYPE_CHECKING:
    from shared.settings import ServiceSettings

IN_MEMORY = {"PERSISTENCE_MODULE": "eventsourcing.popo"}


@dataclass
class KafkaReplay:
    """The rebuilt copy of a service, and what it took to build it."""

    service: str
    app: ServiceApplication
    read: int
    refused: int
    unreadable: int
    seconds: float

    @property
    def events_per_second(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0

    @property
    def taken(self) -> int:
        """Distinct events the copy took in (a re-sent copy counts once)."""
        return self.app.count_receipts()


async def replay_from_kafka(service: str, settings: ServiceSettings) -> KafkaReplay:
    """Read the topics `service` consumes and hand every event to a fresh in-memory copy."""
    spec, _ = registry.load(service)
    common = settings.common
    started = time.perf_counter()
    topics = Topics(common.topic_prefix)
    published = await read_events(
        KafkaAccess.of(common, OPERATOR), [topics.events(s) for s in spec.consumes]
    )
    org = OrgDirectory.from_json(common.org_seed or DEFAULT_ORG_SEED)
    app = spec.application(dict(IN_MEMORY), SystemClock(), org, settings)
    refused = 0
    for position, event in enumerate(published.events, start=1):
        try:
            app.process_event(event, Tracking("kafka-replay", position))  # type: ignore[arg-type]
        except Rejected:
            refused += 1  # the live service dead-lettered it too
    return KafkaReplay(
        service=service,
        app=app,
        read=len(published.events),
        refused=refused,
        unreadable=published.unreadable,
        seconds=time.perf_counter() - started,
    )
