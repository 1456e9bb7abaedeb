"""Effectively-once intake of Kafka records into a service's application.

The faust agent hands records here with their positions. A record is processed in ONE transaction
with its tracking row; a redelivered position is recognised and skipped; a record that cannot be
parsed, fails validation or is refused by the domain becomes a dead letter with the reason, and the
stream moves on.

On SQLite the agent hands a batch (`take_batch`, issue #18): the records one after another in one
transaction, each with its tracking row, each in a savepoint, so a record's handler sees what the
batch's earlier records recorded, and the batch costs one commit instead of one per record. The
agent acknowledges the batch's offsets to Kafka only after that commit; a crash before it leaves
nothing of the batch in the store, Kafka delivers it again from the last acknowledged offset,
and the tracking rows and receipts skip whatever had committed before: delivery stays
effectively once.
"""

from __future__ import annotations

import contextlib
import enum
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eventsourcing.persistence import IntegrityError, Tracking

from shared.application import Rejected
from shared.audit.recorders import ChainedSQLiteProcessRecorder
from shared.envelope import EnvelopeError, from_record

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from contextlib import AbstractContextManager

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


BATCH_SECONDS = 0.5
"""How long a batch may go on taking records in before it commits (it holds the write lock)."""


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

    def take_batch(
        self,
        deliveries: Sequence[Delivery],
        each: Callable[[Delivery], AbstractContextManager[object]] | None = None,
        within: float = BATCH_SECONDS,
    ) -> list[Result]:
        """Take deliveries in order in one transaction; the results of those taken.

        It stops after the first dead letter, whose position must be settled after its dead
        letter is sent and before any later position of its partition is tracked (a partition's
        tracking row holds its highest position: a later one tracked first would make the dead
        letter's redelivery look taken in). It stops too once `within` seconds have gone, so
        the store's write lock, which the batch holds, is never held long from the API and the
        ticks. The caller hands the rest in again. `each` wraps each record's work (its trace).
        Without a SQLite store every record is its own transaction, as `take`.
        """
        recorder = self.app.process_recorder
        if not isinstance(recorder, ChainedSQLiteProcessRecorder):
            batch: AbstractContextManager[object] = contextlib.nullcontext()
            record: Callable[[], AbstractContextManager[object]] = contextlib.nullcontext
        else:
            batch, record = recorder.batch(), recorder.batches.record
        results: list[Result] = []
        deadline = time.monotonic() + within
        with batch:
            for delivery in deliveries:
                with each(delivery) if each is not None else contextlib.nullcontext(), record():
                    result = self.take(delivery)
                results.append(result)
                if result.outcome is Outcome.DEAD_LETTER or time.monotonic() >= deadline:
                    break
        return results

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
