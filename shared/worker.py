"""The stream side of a service (architecture: Consistency).

Inbound: a faust agent (concurrency 1, at-least-once; faust's exactly_once is not relied on, see
faust-streaming #606) hands records to the `Inbox` in batches, one transaction each on SQLite,
acknowledged to Kafka after their commit (issue #18). Outbound: the `OutboxRelay` publishes what
the store recorded. Dead letters and public events leave through one idempotent producer.

Several workers of one service may run (a rolling update, a second replica): all take records
in (Kafka shares the partitions out), but only the faust leader relays the outbox and runs the
leader jobs (`Worker.leader_timer`: the service's ticks, the chain checkpoint), so an event
reaches Kafka once and a deadline is judged by one worker. A handover can at worst re-send a
batch under the same ce_ids, which consumers drop; the store's optimistic concurrency keeps a
tick's change single even then.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn

import faust
from eventsourcing.persistence import IntegrityError

from shared import tracing
from shared.audit.checkpoints import CHECKPOINT_SECONDS, checkpoint_publisher
from shared.audit.recorders import ChainedSQLiteProcessRecorder
from shared.event_clock import stamping
from shared.inbox import Delivery, Inbox, Outcome, Result, dead_letter_headers
from shared.kafka import (
    KEEP_FOREVER,
    KafkaAccess,
    ensure_topics,
    faust_app_id,
    faust_leader_topic,
    idempotent_producer,
    send_record,
    wait_for_kafka,
)
from shared.metrics import sample_gauges
from shared.outbox import OutboxRelay
from shared.provenance import Provenance
from shared.relay_wake import WakeListener
from shared.topics import SERVICES

if TYPE_CHECKING:
    from aiokafka import AIOKafkaProducer

    from shared.envelope import KafkaRecord
    from shared.runtime import Runtime, Tick

log = logging.getLogger(__name__)

EVENT_PARTITIONS = 3

BATCH_RECORDS = 100
"""At most this many records taken in per batch (one transaction, shared/inbox.py)."""

BATCH_WAIT_SECONDS = 0.02
"""How long a batch waits for more records once one has come: a lone record's added latency."""

RETRIES = 3
RETRY_SECONDS = 0.5
"""A batch that failed is tried again this many times, after 0.5, 1 and 2 s, before the worker
stops (`Worker._take_batch`)."""

EXIT_CANNOT_TAKE_IN = 75
"""The worker's exit status when its store keeps failing (EX_TEMPFAIL: restart me)."""


def stop_the_process(reason: str) -> NoReturn:
    """End the process at once, acknowledging nothing more to Kafka: its orchestrator (Kubernetes,
    compose's `restart:`, `make chaos`'s supervisor) restarts it, and Kafka hands the records again
    from the last committed offset, where the tracking rows recognise what was taken in."""
    log.critical("stopping the worker: %s", reason)
    logging.shutdown()
    os._exit(EXIT_CANNOT_TAKE_IN)


LeaderJob = Callable[[], Awaitable[None]]
"""A job run on a timer by the leading worker only: it is awaited, then waits for its next turn."""


@dataclass(frozen=True)
class _Timed:
    name: str
    every: float
    job: LeaderJob


class Worker:
    """Runs a service's agent and relay until stopped; safe to kill at any moment.

    `producer` is the one Kafka producer the worker sends through; by default an idempotent one
    is made at `start` (a test may hand in its own and drive the agent without a broker).
    """

    def __init__(
        self,
        runtime: Runtime,
        producer: AIOKafkaProducer | None = None,
        halt: Callable[[str], NoReturn] = stop_the_process,
    ) -> None:
        self.runtime = runtime
        self._halt = halt  # when a batch cannot be taken in (tests observe it)
        self.inbox = Inbox(runtime.app, Provenance(runtime.topics, runtime.app.org))
        self._stopping = asyncio.Event()
        self._producer = producer
        self._relay_task: asyncio.Task[None] | None = None
        self._sampler_task: asyncio.Task[None] | None = None
        self._faust: faust.App | None = None
        self.relay: OutboxRelay | None = None
        self._leading = False
        self._leader_jobs: list[_Timed] = []
        every = runtime.common.tick_seconds
        for tick in runtime.spec.ticks:
            self.leader_timer(tick.name, every or tick.every_seconds, self._ticker(tick))
        # Chain heads as witnesses on Kafka (shared/audit/checkpoints.py).
        publish = checkpoint_publisher(runtime, self.send)
        self.leader_timer("chain-checkpoint", every or CHECKPOINT_SECONDS, publish)

    def leader_timer(self, name: str, every: float, job: LeaderJob) -> None:
        """Run `job` every `every` seconds on the leading worker only (declare before `start`).

        A job that raises is logged and runs again at its next interval; it never stops the
        worker.
        """
        if self._faust is not None:
            raise RuntimeError(f"leader job {name!r} declared after the worker started")
        self._leader_jobs.append(_Timed(name, every, job))

    @property
    def consumer_name(self) -> str:
        return f"{self.runtime.name}@{self.runtime.common.node_id}"

    async def start(self) -> None:
        rt = self.runtime
        access = KafkaAccess.of(rt.common, rt.name)
        replication = rt.common.topic_replication
        await wait_for_kafka(access, rt.common.kafka_wait_seconds)
        # On an open broker the first worker creates what is missing; under ACLs the admin
        # principal has provisioned them all and these only confirm it (docs/security.md).
        # Only the topics it writes or reads: under ACLs it may not even see the others, and
        # asking to create one it may not see is refused (each service names its own).
        used = {rt.name, *rt.spec.consumes}
        events = {rt.topics.events(s): EVENT_PARTITIONS for s in SERVICES if s in used}
        await ensure_topics(access, events, replication, KEEP_FOREVER)  # the audit trail
        topics = {rt.topics.dead_letter(rt.name): 1}  # its own: the only one it writes
        topics[self.leader_topic] = 1  # faust elects its leader by who holds this partition
        await ensure_topics(access, topics, replication)
        if self._producer is None:
            self._producer = idempotent_producer(access, f"lianfang-{self.consumer_name}")
        await self._producer.start()
        self._faust = self.build_faust()
        await self._faust.start()
        self.relay = OutboxRelay(rt.app, rt.translate, self.send, rt.topics.events(rt.name))
        # Commits of the store (the API's filings too) wake the relay (shared/relay_wake.py).
        recorder = rt.app.recorder
        address = None
        if isinstance(recorder, ChainedSQLiteProcessRecorder):
            address = recorder.wake_address
        self._relay_task = asyncio.create_task(
            self.relay.run(
                self._stopping,
                rt.common.relay_poll_seconds,
                active=self.is_leader,
                wake=WakeListener(address),  # listened on while this worker leads
            ),
            name="outbox-relay",
        )
        self._sampler_task = asyncio.create_task(self._sample(), name="metrics-sampler")
        log.info("worker %s started", self.consumer_name)

    @property
    def faust_id(self) -> str:
        """The faust app id: one consumer group per service and node."""
        rt = self.runtime
        return faust_app_id(rt.common.topic_prefix, rt.common.node_id, rt.name)

    @property
    def leader_topic(self) -> str:
        """faust's leader-election topic of this service (declared by us: declaring is off)."""
        return faust_leader_topic(self.faust_id)

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

    async def send(self, topic: str, record: KafkaRecord) -> Awaitable[object]:
        """Enqueue one record on this worker's producer; return the acknowledgement to await."""
        assert self._producer is not None, "the worker has no producer before start"
        ack = await send_record(self._producer, topic, record)
        self.runtime.metrics.events_out.inc()
        return ack

    async def take(self, deliveries: Sequence[Delivery]) -> list[Outcome]:
        """Take records in, in order: in batches of one transaction each (`Inbox.take_batch`),
        a dead letter sent before its position is settled. Returns once every record's outcome
        is committed, so the caller acknowledges them to Kafka only then."""
        outcomes: list[Outcome] = []
        while len(outcomes) < len(deliveries):
            rest = deliveries[len(outcomes) :]
            results = await self._take_batch(rest)
            for delivery, result in zip(rest, results, strict=False):
                with self._traced(delivery):
                    outcomes.append(await self._settle(delivery, result))
        return outcomes

    async def _take_batch(self, deliveries: Sequence[Delivery]) -> list[Result]:
        """`Inbox.take_batch`, tried again after a failure (a store busy beyond its timeout).

        Why: faust's batch acknowledges every record it handed over once the agent moves on,
        by an exception too, so a failure that ended the agent would leave the batch's records
        acknowledged and not taken in. Tried again, the records the failed try committed are
        recognised by their tracking rows. A failure that persists stops the process before
        anything more is acknowledged (`stop_the_process`): nothing accepted is lost.
        """
        attempt = 0
        while True:
            try:
                return await asyncio.to_thread(self.inbox.take_batch, deliveries, self._traced)
            except Exception as failure:
                attempt += 1
                log.exception("taking a batch in failed (try %d of %d)", attempt, RETRIES + 1)
                if attempt > RETRIES:
                    first = deliveries[0]
                    where = f"{first.topic}-{first.partition}@{first.offset}"
                    self._halt(f"the batch from {where} failed {attempt} times: {failure!r}")
                await asyncio.sleep(RETRY_SECONDS * 2 ** (attempt - 1))

    @staticmethod
    @contextlib.contextmanager
    def _traced(delivery: Delivery) -> Iterator[None]:
        """Within the trace the record carries (its log lines show the trace id)."""
        upstream = tracing.from_headers(delivery.headers)
        with tracing.use(upstream.child() if upstream else tracing.new_trace()):
            yield

    async def _settle(self, delivery: Delivery, result: Result) -> Outcome:
        """What follows a record's taking in: its dead letter sent, then its position settled."""
        where = f"{delivery.topic}-{delivery.partition}@{delivery.offset}"
        if result.outcome is Outcome.DEAD_LETTER:
            log.warning("dead letter from %s: %s", where, result.reason)
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
        log.info("took %s: %s", where, result.outcome.value)
        return result.outcome

    def build_faust(self) -> faust.App:
        """The faust app: the inbox agent (if the service consumes) and the leader timers.

        Building connects to nothing: `start` starts it, a test drives its agent with
        `agent.test_context()`.
        """
        rt = self.runtime
        app = faust.App(
            self.faust_id,
            # The service's own principal (SASL/SCRAM under ACLs), as every client of it.
            **KafkaAccess.of(rt.common, rt.name).faust(),
            store="memory://",
            # Beside the node's stores, not in whatever folder the process started in.
            datadir=str(rt.common.data_dir / f"{self.faust_id}-faust"),
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

            # Records come in batches: what has arrived within BATCH_WAIT_SECONDS, at most
            # BATCH_RECORDS; faust acknowledges a batch's offsets only when the loop asks for the
            # next one, after `take` has committed it (issue #18).
            # The agent yields each record's outcome once it is taken in: nothing reads them in
            # production, but a test (agent.test_context) sees a record finished, not just begun.
            async def consume(stream: Any) -> AsyncIterator[Outcome]:
                async for events in stream.take_events(BATCH_RECORDS, BATCH_WAIT_SECONDS):
                    messages = [event.message for event in events]
                    outcomes = await self.take(
                        [
                            Delivery(
                                topic=message.topic,
                                partition=message.partition,
                                offset=message.offset,
                                key=message.key,
                                value=message.value,
                                headers=tuple(message.headers or ()),
                            )
                            for message in messages
                        ]
                    )
                    self._observe_lag(app, messages[-1])
                    for outcome in outcomes:
                        yield outcome

            app.agent(source, name=f"{rt.name}-inbox", concurrency=1)(consume)
        for timed in self._leader_jobs:
            timer = app.timer(timed.every, on_leader=True, name=f"{rt.name}-{timed.name}")
            timer(self._guarded(timed))
        return app

    @staticmethod
    def _guarded(timed: _Timed) -> LeaderJob:
        """A faust timer body that logs a failed run instead of ending the timer."""

        async def run() -> None:
            try:
                await timed.job()
            except Exception:
                log.exception(
                    "leader job %s failed; it runs again at the next interval", timed.name
                )

        return run

    def _ticker(self, tick: Tick) -> LeaderJob:
        """A faust timer body: run the tick off the event loop; a lost race is not an error."""

        async def run() -> None:
            try:
                # What a tick records starts a trace and carries the runtime's clock time.
                with tracing.use(tracing.new_trace()), stamping(self.runtime.clock):
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
