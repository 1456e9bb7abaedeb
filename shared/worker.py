"""The stream side of a service (architecture: Consistency).

Inbound: a faust agent (concurrency 1, at-least-once; faust's exactly_once is not relied on, see
faust-streaming #606) hands each record to the `Inbox`. Outbound: the `OutboxRelay` publishes what
the store recorded. Dead letters and public events leave through one idempotent producer.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

import faust
from eventsourcing.persistence import IntegrityError

from shared.inbox import Delivery, Inbox, Outcome, dead_letter_headers
from shared.kafka import ensure_topics, idempotent_producer, send_record
from shared.outbox import OutboxRelay

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from aiokafka import AIOKafkaProducer

    from shared.envelope import KafkaRecord
    from shared.runtime import Runtime, Tick

log = logging.getLogger(__name__)

SERVICES = ("intake", "register", "warning", "assessment")
EVENT_PARTITIONS = 3


class Worker:
    """Runs a service's agent and relay until stopped; safe to kill at any moment."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.inbox = Inbox(runtime.app)
        self._stopping = asyncio.Event()
        self._producer: AIOKafkaProducer | None = None
        self._relay_task: asyncio.Task[None] | None = None
        self._faust: faust.App | None = None
        self.relay: OutboxRelay | None = None

    @property
    def consumer_name(self) -> str:
        return f"{self.runtime.name}@{self.runtime.common.node_id}"

    async def start(self) -> None:
        rt = self.runtime
        bootstrap = rt.common.kafka_bootstrap
        topics = {rt.topics.events(s): EVENT_PARTITIONS for s in SERVICES}
        topics |= {rt.topics.dead_letter(s): 1 for s in SERVICES}
        await ensure_topics(bootstrap, topics)
        self._producer = idempotent_producer(bootstrap, f"lianfang-{self.consumer_name}")
        await self._producer.start()
        self.relay = OutboxRelay(rt.app, rt.translate, self._send, rt.topics.events(rt.name))
        self._relay_task = asyncio.create_task(
            self.relay.run(self._stopping, rt.common.relay_poll_seconds), name="outbox-relay"
        )
        if rt.spec.consumes or rt.spec.ticks:
            self._faust = self._build_faust()
            await self._faust.start()
        log.info("worker %s started", self.consumer_name)

    async def stop(self) -> None:
        """Drain: stop taking records, let the relay finish its batch, flush the producer."""
        self._stopping.set()
        if self._faust is not None:
            await self._faust.stop()
        if self._relay_task is not None:
            await self._relay_task
        if self._producer is not None:
            await self._producer.stop()

    async def _send(self, topic: str, record: KafkaRecord) -> Awaitable[object]:
        assert self._producer is not None
        ack = await send_record(self._producer, topic, record)
        self.runtime.metrics.events_out.inc()
        return ack

    async def take(self, delivery: Delivery) -> Outcome:
        """Take one record in; a dead letter is sent before its position is settled."""
        result = await asyncio.to_thread(self.inbox.take, delivery)
        if result.outcome is Outcome.DEAD_LETTER:
            log.warning(
                "dead letter from %s-%s@%s: %s",
                delivery.topic,
                delivery.partition,
                delivery.offset,
                result.reason,
            )
            at = self.runtime.clock.now().isoformat()
            headers = dead_letter_headers(delivery, result.reason, self.consumer_name, at)
            assert self._producer is not None
            await self._producer.send_and_wait(
                self.runtime.topics.dead_letter(self.runtime.name),
                value=delivery.value,
                key=delivery.key,
                headers=headers,
            )
            self.runtime.metrics.dead_letters.inc()
            await asyncio.to_thread(self.inbox.settle, delivery)
        self.runtime.metrics.events_in(self.runtime.name, result.outcome.value).inc()
        return result.outcome

    def _build_faust(self) -> faust.App:
        rt = self.runtime
        app = faust.App(
            f"{rt.common.topic_prefix}-{rt.common.node_id}-{rt.name}",
            broker=[f"kafka://{server}" for server in rt.common.kafka_bootstrap.split(",")],
            store="memory://",
            web_enabled=False,
            autodiscover=False,
            consumer_auto_offset_reset="earliest",
            topic_partitions=EVENT_PARTITIONS,
            topic_allow_declare=False,
            broker_commit_interval=1.0,
        )
        if rt.spec.consumes:
            source = app.topic(
                *(rt.topics.events(s) for s in rt.spec.consumes),
                key_type=bytes,
                value_type=bytes,
                key_serializer="raw",
                value_serializer="raw",
            )

            async def consume(stream: Any) -> None:
                async for event in stream.events():
                    message = event.message
                    await self.take(
                        Delivery(
                            topic=message.topic,
                            partition=message.partition,
                            offset=message.offset,
                            key=message.key,
                            value=message.value,
                            headers=tuple(message.headers or ()),
                        )
                    )

            app.agent(source, name=f"{rt.name}-inbox", concurrency=1)(consume)
        for tick in rt.spec.ticks:
            every = rt.common.tick_seconds or tick.every_seconds
            app.timer(every, name=f"{rt.name}-{tick.name}")(self._ticker(tick))
        return app

    def _ticker(self, tick: Tick) -> Callable[[], Awaitable[None]]:
        """A faust timer body: run the tick off the event loop; a lost race is not an error."""

        async def run() -> None:
            try:
                changed = await asyncio.to_thread(tick.run, self.runtime.app)
            except IntegrityError:
                log.info("tick %s: another worker recorded the same change first", tick.name)
                return
            except Exception:
                log.exception("tick %s failed; it runs again at the next interval", tick.name)
                return
            if changed:
                log.info("tick %s changed %d", tick.name, changed)

        return run
