"""The stream side of a service (architecture: Consistency).

Inbound: a faust agent (concurrency 1, at-least-once; faust's exactly_once is not relied on, see
faust-streaming #606) hands each record to the `Inbox`. Outbound: the `OutboxRelay` publishes what
the store recorded. Dead letters and public events leave through one idempotent producer.

Several workers of one service may run (a rolling update, a second replica): all take records
in (Kafka shares the partitions out), but only the faust leader relays the outbox and runs the
ticks, so an event reaches Kafka once and a deadline is judged by one worker. A handover can at
worst re-send a batch under the same ce_ids, which consumers drop; the store's optimistic
concurrency keeps a tick's change single even then.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING, Any

import faust
from eventsourcing.persistence import IntegrityError

from shared import tracing
from shared.audit.checkpoints import add_checkpoint_timer
from shared.inbox import Delivery, Inbox, Outcome, dead_letter_headers
from shared.kafka import KEEP_FOREVER, ensure_topics, idempotent_producer, send_record
from shared.metrics import sample_gauges
from shared.outbox import OutboxRelay
from shared.topics import SERVICES

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from aiokafka import AIOKafkaProducer

    from shared.envelope import KafkaRecord
    from shared.runtime import Runtime, Tick

log = logging.getLogger(__name__)

EVENT_PARTITIONS = 3


class Worker:
    """Runs a service's agent and relay until stopped; safe to kill at any moment."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.inbox = Inbox(runtime.app)
        self._stopping = asyncio.Event()
        self._producer: AIOKafkaProducer | None = None
        self._relay_task: asyncio.Task[None] | None = None
        self._sampler_task: asyncio.Task[None] | None = None
        self._faust: faust.App | None = None
        self.relay: OutboxRelay | None = None
        self._leading = False

    @property
    def consumer_name(self) -> str:
        return f"{self.runtime.name}@{self.runtime.common.node_id}"

    async def start(self) -> None:
        rt = self.runtime
        bootstrap = rt.common.kafka_bootstrap
        replication = rt.common.topic_replication
        events = {rt.topics.events(s): EVENT_PARTITIONS for s in SERVICES}
        await ensure_topics(bootstrap, events, replication, KEEP_FOREVER)  # the audit trail
        topics = {rt.topics.dead_letter(s): 1 for s in SERVICES}
        topics[self.leader_topic] = 1  # faust elects its leader by who holds this partition
        await ensure_topics(bootstrap, topics, replication)
        self._producer = idempotent_producer(bootstrap, f"lianfang-{self.consumer_name}")
        await self._producer.start()
        self._faust = self._build_faust()
        await self._faust.start()
        self.relay = OutboxRelay(rt.app, rt.translate, self._send, rt.topics.events(rt.name))
        self._relay_task = asyncio.create_task(
            self.relay.run(self._stopping, rt.common.relay_poll_seconds, active=self.is_leader),
            name="outbox-relay",
        )
        self._sampler_task = asyncio.create_task(self._sample(), name="metrics-sampler")
        log.info("worker %s started", self.consumer_name)

    @property
    def faust_id(self) -> str:
        """The faust app id: one consumer group per service and node."""
        rt = self.runtime
        return f"{rt.common.topic_prefix}-{rt.common.node_id}-{rt.name}"

    @property
    def leader_topic(self) -> str:
        """faust's leader-election topic of this service (declared by us: declaring is off)."""
        return f"{self.faust_id}-__assignor-__leader"

    def is_leader(self) -> bool:
        """Whether this worker is the one that relays and ticks (faust's leader)."""
        leading = self._faust is not None and self._faust.is_leader()
        if leading != self._leading:
            self._leading = leading
            role = "leads: relays the outbox, runs the ticks" if leading else "takes records only"
            log.info("worker %s %s", self.consumer_name, role)
        return leading

    async def stop(self) -> None:
        """Drain: stop taking records, let the relay finish its batch, flush the producer."""
        self._stopping.set()
        if self._faust is not None:
            await self._faust.stop()
        if self._relay_task is not None:
            await self._relay_task
        if self._sampler_task is not None:
            await self._sampler_task
        if self._producer is not None:
            await self._producer.stop()

    async def _send(self, topic: str, record: KafkaRecord) -> Awaitable[object]:
        assert self._producer is not None
        ack = await send_record(self._producer, topic, record)
        self.runtime.metrics.events_out.inc()
        return ack

    async def take(self, delivery: Delivery) -> Outcome:
        """Take one record in, within the trace it carries (its log lines show the trace id)."""
        upstream = tracing.from_headers(delivery.headers)
        with tracing.use(upstream.child() if upstream else tracing.new_trace()):
            outcome = await self._take(delivery)
            where = f"{delivery.topic}-{delivery.partition}@{delivery.offset}"
            log.info("took %s: %s", where, outcome.value)
        return outcome

    async def _take(self, delivery: Delivery) -> Outcome:
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
            self.faust_id,
            broker=[f"kafka://{server}" for server in rt.common.kafka_bootstrap.split(",")],
            store="memory://",
            web_enabled=False,
            autodiscover=False,
            consumer_auto_offset_reset="earliest",
            topic_partitions=EVENT_PARTITIONS,
            topic_allow_declare=False,
            broker_commit_interval=1.0,
            # A worker that dies without leaving is noticed in 15 s (faust's default is 60 s), so
            # its partitions and its leadership (relay, ticks) move on soon after.
            broker_session_timeout=15.0,
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
                    self._observe_lag(app, message)

            app.agent(source, name=f"{rt.name}-inbox", concurrency=1)(consume)
        for tick in rt.spec.ticks:
            every = rt.common.tick_seconds or tick.every_seconds
            timer = app.timer(every, on_leader=True, name=f"{rt.name}-{tick.name}")
            timer(self._ticker(tick))
        add_checkpoint_timer(app, self)  # chain heads as witnesses on Kafka (shared/audit)
        return app

    def _ticker(self, tick: Tick) -> Callable[[], Awaitable[None]]:
        """A faust timer body: run the tick off the event loop; a lost race is not an error."""

        async def run() -> None:
            try:
                with tracing.use(tracing.new_trace()):  # what a tick records starts a trace
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

    def _observe_lag(self, app: faust.App, message: Any) -> None:
        """Consumer lag of the record's partition, as seen when it was taken in."""
        try:
            end = app.consumer.highwater(message.tp)
        except Exception:  # no position known yet (e.g. right after a rebalance)
            return
        if end is not None:
            self.runtime.metrics.consumer_lag(message.topic, message.partition, message.offset, end)

    async def _sample(self, every: float = 5.0) -> None:
        """Set the gauges that are read off the store: outbox backlog, overdue counts."""
        while not self._stopping.is_set():
            rt, relay = self.runtime, self.relay
            assert relay is not None
            await asyncio.to_thread(sample_gauges, rt.metrics, rt.app, relay)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), timeout=every)
