"""Effectively-once intake of Kafka records into a service's application.

The faust agent hands each record here with its position. A record is processed in ONE transaction
with its tracking row; a redelivered position is recognised and skipped; a record that cannot be
parsed, fails validation or is refused by the domain becomes a dead letter with the reason, and the
stream moves on.
"""

from __future__ import annotations

import contextlib
import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eventsourcing.persistence import IntegrityError, Tracking

from shared.application import Rejected
from shared.envelope import EnvelopeError, from_record

if TYPE_CHECKING:
    from collections.abc import Sequence

    from shared.application import ServiceApplication
    from shared.provenance import Provenance


@dataclass(frozen=True)
class Delivery:
    """One Kafka record as the consumer saw it."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: Sequence[tuple[str, bytes]] = field(default_factory=tuple)

    @property
    def tracking(self) -> Tracking:
        # Notification ids start at 1; Kafka offsets at 0.
        return Tracking(
            application_name=f"{self.topic}-{self.partition}", notification_id=self.offset + 1
        )


class Outcome(enum.Enum):
    PROCESSED = "processed"
    REDELIVERED = "redelivered"
    DEAD_LETTER = "dead_letter"


@dataclass(frozen=True)
class Result:
    """What became of a delivery; a dead letter must be sent, then `Inbox.settle`d."""

    outcome: Outcome
    reason: str = ""


class Inbox:
    """Takes deliveries into one application, each position at most once; with `provenance`,
    only those that come from where they say and may speak for their unit (shared/provenance)."""

    def __init__(self, app: ServiceApplication, provenance: Provenance | None = None) -> None:
        self.app = app
        self.provenance = provenance

    def take(self, delivery: Delivery) -> Result:
        tracking = delivery.tracking
        recorder = self.app.process_recorder
        if recorder.has_tracking_id(tracking.application_name, tracking.notification_id):
            return Result(Outcome.REDELIVERED)
        try:
            upstream = from_record(delivery.key, delivery.value, delivery.headers)
        except EnvelopeError as exc:
            return Result(Outcome.DEAD_LETTER, f"unreadable event: {exc}")
        if self.provenance is not None:
            doubt = self.provenance.doubt(upstream, delivery.topic)
            if doubt is not None:
                return Result(Outcome.DEAD_LETTER, f"untrusted provenance: {doubt}")
        try:
            self.app.process_event(upstream, tracking)  # type: ignore[arg-type]
        except Rejected as exc:
            return Result(Outcome.DEAD_LETTER, f"refused by {self.app.name}: {exc}")
        except IntegrityError:
            # Another consumer of the same group recorded this position first (rebalance race).
            return Result(Outcome.REDELIVERED)
        return Result(Outcome.PROCESSED)

    def settle(self, delivery: Delivery) -> None:
        """Mark a dead-lettered position as done, after the dead letter was sent."""
        with contextlib.suppress(IntegrityError):  # already settled by an earlier attempt
            self.app.process_recorder.insert_tracking(delivery.tracking)


def dead_letter_headers(
    delivery: Delivery, reason: str, consumer: str, at: str
) -> list[tuple[str, bytes]]:
    """The original headers plus why, where from and who gave up on it."""
    extra = {
        "dlq_reason": reason,
        "dlq_topic": delivery.topic,
        "dlq_partition": str(delivery.partition),
        "dlq_offset": str(delivery.offset),
        "dlq_consumer": consumer,
        "dlq_time": at,
    }
    return [*delivery.headers, *((k, v.encode()) for k, v in extra.items())]
