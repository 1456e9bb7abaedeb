"""The outbox relay: the application's notification log, followed in order, produced to Kafka.

No dual writes (architecture: Consistency): commands only write the store; this relay publishes what
was stored. It sends a batch with an idempotent producer, waits for every acknowledgement, and only
then records how far it got, in the service's own store. A crash in between re-sends at most; it
never skips. Consumers recognise a re-sent copy by its event id (ce_id), which is derived from the
stored event's identity, so a copy carries the same ce_id as the original.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from eventsourcing.persistence import IntegrityError, Tracking

from shared.envelope import KafkaRecord, to_record
from shared.events.publish import Translate
from shared.projection import LogFollower

if TYPE_CHECKING:
    from eventsourcing.persistence import Notification

    from shared.application import ServiceApplication
    from shared.relay_wake import WakeListener

log = logging.getLogger(__name__)

RELAY_POSITION = "outbox->kafka"

# Enqueues a record in order and returns the acknowledgement to await.
Send = Callable[[str, KafkaRecord], Awaitable[Awaitable[object]]]


class OutboxRelay:
    """Follows one application's notification log and publishes the public events it maps to."""

    def __init__(
        self,
        app: ServiceApplication,
        translate: Translate,
        send: Send,
        topic: str,
        batch_size: int = 200,
    ) -> None:
        self.app = app
        self.translate = translate
        self.send = send
        self.topic = topic
        self.batch_size = batch_size
        self.published = 0
        self._log = LogFollower(app, page=batch_size)

    def position(self) -> int:
        """The last notification id known to be on Kafka (0 before the first)."""
        return self.app.process_recorder.max_tracking_id(RELAY_POSITION) or 0

    def backlog(self) -> int:
        """How many stored events wait to be relayed."""
        return (self.app.recorder.max_notification_id() or 0) - self.position()

    def _next_batch(self) -> list[Notification]:
        # From the saved position, not a remembered one: another relay may have moved it on.
        return list(next(self._log.pages(after=self.position()), []))

    def _records(self, notifications: list[Notification]) -> list[KafkaRecord]:
        # The request (or record) that caused an event goes on with it (shared/tracing.py).
        trace_of = getattr(self.app.mapper, "trace_of", lambda _: None)
        records = []
        for notification in notifications:
            public = self.translate(self.app.mapper.to_domain_event(notification))
            if public is not None:
                records.append(to_record(public, trace_of(notification)))
        return records

    def save_position(self, notification_id: int) -> None:
        """Record durably that everything up to `notification_id` is on Kafka."""
        # Another relay of the same store may have saved a later position first: keep that one.
        with contextlib.suppress(IntegrityError):
            self.app.process_recorder.insert_tracking(Tracking(RELAY_POSITION, notification_id))

    async def relay_once(self) -> int:
        """Publish the next batch; return how many notifications it covered."""
        notifications = await asyncio.to_thread(self._next_batch)
        if not notifications:
            return 0
        records = self._records(notifications)
        # Enqueue strictly in log order, then wait for every acknowledgement.
        acks = [await self.send(self.topic, record) for record in records]
        await asyncio.gather(*acks)
        await asyncio.to_thread(self.save_position, notifications[-1].id)
        self.published += len(records)
        return len(notifications)

    async def run(
        self,
        stopping: asyncio.Event,
        poll_seconds: float = 0.2,
        active: Callable[[], bool] = lambda: True,
        wake: WakeListener | None = None,
    ) -> None:
        """Relay until told to stop, whenever `active()`; a failed send is retried.

        While active it listens on `wake` (the store's commits announced, shared/relay_wake.py)
        and looks as soon as one comes; the poll stays, so a lost wake only delays, never
        loses. A worker that stops leading lets the wake go to the one that leads now.
        """
        woken: asyncio.Event | None = None
        try:
            while not stopping.is_set():
                leading = active()
                if wake is not None:
                    woken = _listen_while(leading, wake)
                if woken is not None:
                    woken.clear()  # before reading: a commit during the read wakes the next round
                try:
                    covered = await self.relay_once() if leading else 0
                except Exception:
                    log.exception("outbox relay failed; retrying from the saved position")
                    covered = 0
                    await asyncio.sleep(1.0)
                if covered == 0:
                    await _first_of(stopping, woken, poll_seconds)
        finally:
            if wake is not None:
                wake.stop()


def _listen_while(leading: bool, wake: WakeListener) -> asyncio.Event | None:
    """The wake's event while leading and listening; None otherwise (the poll alone)."""
    if not leading:
        wake.stop()
        return None
    return wake.woken if wake.listening or wake.start() else None


async def _first_of(stopping: asyncio.Event, woken: asyncio.Event | None, seconds: float) -> None:
    """Wait until told to stop, woken, or `seconds` have passed."""
    waits = [asyncio.ensure_future(stopping.wait())]
    if woken is not None:
        waits.append(asyncio.ensure_future(woken.wait()))
    try:
        await asyncio.wait(waits, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for wait in waits:
            wait.cancel()
