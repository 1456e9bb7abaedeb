"""The worker's inbox agent, driven without a broker (faust's `agent.test_context()`).

A record handed to the agent reaches the application once: a second copy of the same event and a
redelivery of the same position change nothing. A record that cannot be read, or that the domain
refuses, goes to the service's dead-letter topic with the reason, and its position is settled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, NoReturn, cast
from uuid import UUID, uuid4

import pytest
from eventsourcing.domain import Aggregate, event
from eventsourcing.persistence import Tracking

from shared import worker as worker_module
from shared.application import Receipt, Rejected, ServiceApplication
from shared.envelope import to_record
from shared.events import RiskReported
from shared.inbox import Delivery, Outcome
from shared.runtime import Runtime, ServiceSpec
from shared.settings import CommonSettings, ServiceSettings
from shared.worker import RETRIES, Worker
from tests.unit.shared.samples import risk_reported

if TYPE_CHECKING:
    from aiokafka import AIOKafkaProducer
    from eventsourcing.application import ProcessingEvent

    from shared.clock import Clock
    from shared.envelope import KafkaRecord
    from shared.events import CloudEvent
    from shared.orgtree import OrgDirectory


class Noted(Aggregate):
    """What the test service makes of a reported risk: one note per upstream event."""

    @event("Made")
    def __init__(self, ce_id: str) -> None:
        self.ce_id = ce_id


class NotingApp(ServiceApplication):
    follows_org = False
    failed_once: ClassVar[set[str]] = set()

    def react(self, upstream: CloudEvent, processing_event: ProcessingEvent[UUID]) -> None:
        if upstream.subject.endswith("refuse-me"):
            raise Rejected(f"no such case {upstream.subject}")
        if upstream.subject.endswith("always-fails"):
            raise OSError("the disk is full")  # a failure that outlasts every try
        if upstream.subject.endswith("fails-once") and upstream.id not in self.failed_once:
            self.failed_once.add(upstream.id)
            raise OSError("the store was busy a moment")  # what a worker meets, not a refusal
        processing_event.collect_events(Noted(upstream.id))

    def notes(self) -> list[str]:
        topic = f"{Noted.__module__}:{Noted.__qualname__}.Made"
        found = self.recorder.select_notifications(start=None, limit=100, topics=[topic])
        return [getattr(self.mapper.to_domain_event(n), "ce_id") for n in found]  # noqa: B009


def _application(
    env: dict[str, str], clock: Clock, org: OrgDirectory, _: ServiceSettings
) -> ServiceApplication:
    return NotingApp(env, clock=clock, org=org)


SPEC = ServiceSpec(
    name="warning",
    title="A service that notes reported risks",
    application=_application,
    translate=lambda _event, _origin: None,
    routers=list,
    consumes=("intake",),
)


@dataclass
class FakeProducer:
    """Keeps what the worker sends instead of producing it."""

    sent: list[dict[str, Any]] = field(default_factory=list)

    async def send_and_wait(self, topic: str, **record: Any) -> None:
        self.sent.append({"topic": topic, **record})


@pytest.fixture
def runtime() -> Runtime:
    common = CommonSettings(store="memory", node_id="town-taihe")
    return Runtime(SPEC, ServiceSettings(common=common))


@pytest.fixture
def producer() -> FakeProducer:
    return FakeProducer()


@pytest.fixture
def worker(runtime: Runtime, producer: FakeProducer) -> Worker:
    return Worker(runtime, producer=cast("AIOKafkaProducer", producer))


async def _put(agent: Any, record: KafkaRecord | None = None, **given: Any) -> None:
    fields: dict[str, Any] = (
        {"key": record.key, "value": record.value, "headers": record.headers} if record else {}
    )
    await agent.put(**{**fields, **given})


def _reported(subject: str | None = None) -> RiskReported:
    reported = risk_reported()
    return reported if subject is None else reported.model_copy(update={"subject": subject})


def _taken_in(runtime: Runtime, outcome: str) -> float | None:
    labels = {"service": "warning", "outcome": outcome}
    return runtime.metrics.registry.get_sample_value("lianfang_events_in_total", labels)


async def test_an_event_is_taken_in_once(worker: Worker, runtime: Runtime) -> None:
    app = cast("NotingApp", runtime.app)
    reported = _reported()
    (agent,) = worker.build_faust().agents.values()
    async with agent.test_context() as inbox:
        await _put(inbox, to_record(reported))
        await _put(inbox, to_record(reported))  # a second copy at a new offset (a re-sent batch)
        inbox.sent_offset = 0
        await _put(inbox, to_record(reported))  # the first position once more (a redelivery)
        outcomes = [inbox.results[i] for i in range(3)]
    assert outcomes == [Outcome.PROCESSED, Outcome.PROCESSED, Outcome.REDELIVERED]
    assert app.notes() == [reported.id]
    assert app.count_receipts() == 1
    assert _taken_in(runtime, "processed") == 2  # the second copy is processed into nothing
    assert _taken_in(runtime, "redelivered") == 1


def test_an_id_is_a_copy_only_from_the_same_source(runtime: Runtime) -> None:
    """An event id is unique only within its source, and a source is bound to its topic's
    principal: another principal publishing a real event's id first does not make the real event
    a "copy" to drop (review C2, issue #17 item 3). A receipt from before receipts were keyed
    by source still recognises its re-sent copy."""
    app = cast("NotingApp", runtime.app)
    real = _reported()
    early = real.model_copy(update={"source": "/town-taihe/warning", "subject": "planted"})
    app.process_event(early, Tracking("lianfang.warning.events-0", 1))  # type: ignore[arg-type]
    app.process_event(real, Tracking("lianfang.intake.events-0", 1))  # type: ignore[arg-type]
    assert app.notes() == [real.id, real.id]  # both taken in: the real one is not dropped
    app.process_event(real, Tracking("lianfang.intake.events-0", 2))  # type: ignore[arg-type]
    assert app.count_receipts() == 2  # its own re-send is still a copy

    # A receipt as it was recorded before the upgrade, under the id of its ce_id alone.
    before = _reported().model_copy(update={"id": "taken-in-before-the-upgrade"})
    legacy = Receipt(  # its constructor still gives the old id: only tools and tests call it
        ce_id=before.id,
        ce_type=before.type,
        subject=before.subject,
        position="lianfang.intake.events-0@0",
    )
    assert legacy.id == Receipt.create_id(before.id)
    app.save(legacy)
    app.process_event(before, Tracking("lianfang.intake.events-0", 3))  # type: ignore[arg-type]
    assert before.id not in app.notes()  # its re-sent copy changes nothing
    assert app.count_receipts() == 3


async def test_a_bad_record_is_dead_lettered_with_its_reason(
    worker: Worker, runtime: Runtime, producer: FakeProducer
) -> None:
    app = cast("NotingApp", runtime.app)
    refused = to_record(_reported("risk:refuse-me"))
    (agent,) = worker.build_faust().agents.values()
    async with agent.test_context() as inbox:
        await _put(inbox, to_record(_reported()), value=b"{not json")
        await _put(inbox, refused)
        assert list(inbox.results.values()) == [Outcome.DEAD_LETTER] * 2
    assert app.notes() == []
    assert [letter["topic"] for letter in producer.sent] == ["lianfang.warning.deadletter"] * 2
    unreadable, refusal = (dict(letter["headers"]) for letter in producer.sent)
    assert unreadable["dlq_reason"].decode().startswith("unreadable event:")
    assert refusal["dlq_reason"].decode() == "refused by NotingApp: no such case risk:refuse-me"
    assert refusal["dlq_offset"] == b"1"
    assert refusal["dlq_consumer"] == b"warning@town-taihe"
    assert producer.sent[1]["value"] == refused.value  # the record itself, as it came
    # Both positions are settled: a redelivery of either is not dead-lettered again.
    topic = unreadable["dlq_topic"].decode()
    for offset in (0, 1):
        assert app.process_recorder.has_tracking_id(f"{topic}-0", offset + 1)
    assert _taken_in(runtime, "dead_letter") == 2
    dead = runtime.metrics.registry.get_sample_value(
        "lianfang_dead_letters_total", {"service": "warning"}
    )
    assert dead == 2


async def test_a_batch_that_failed_is_tried_again_not_acknowledged_half_taken(
    worker: Worker, runtime: Runtime
) -> None:
    """A failure while taking a batch in (not a refusal: a store busy a moment) is tried again
    before the agent moves on, so no record of the batch is acknowledged without being taken
    in (faust acknowledges a whole batch when the agent moves on, issue #18)."""
    app = cast("NotingApp", runtime.app)
    flaky = _reported("risk:fails-once")
    (agent,) = worker.build_faust().agents.values()
    async with agent.test_context() as inbox:
        await _put(inbox, to_record(flaky))
        assert list(inbox.results.values()) == [Outcome.PROCESSED]
    assert flaky.id in NotingApp.failed_once  # it did fail once
    assert app.notes() == [flaky.id]
    assert app.count_receipts() == 1


class Halted(Exception):
    """What the test's worker does instead of ending the test's process."""


def _halt(reason: str) -> NoReturn:
    raise Halted(reason)


async def test_a_batch_that_keeps_failing_stops_the_worker_before_anything_is_acknowledged(
    runtime: Runtime, producer: FakeProducer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store that fails at every try (a full disk) stops the worker: `take` never returns, so
    faust acknowledges none of the batch and Kafka hands it again after the restart."""
    monkeypatch.setattr(worker_module, "RETRY_SECONDS", 0.0)
    halting = Worker(runtime, producer=cast("AIOKafkaProducer", producer), halt=_halt)
    fine = _reported()
    failing = _reported("risk:always-fails").model_copy(update={"id": str(uuid4())})
    topic = runtime.topics.events("intake")
    deliveries = [
        Delivery(topic, 0, offset, r.key, r.value, tuple(r.headers or ()))
        for offset, r in enumerate((to_record(fine), to_record(failing)))
    ]
    with pytest.raises(Halted) as halted:
        await halting.take(deliveries)
    assert f"failed {RETRIES + 1} times" in str(halted.value)
    assert f"{topic}-0@0" in str(halted.value)
    assert "disk is full" in str(halted.value)
    # The record before the failing one is taken in once over the four tries (its tracking row
    # recognised it); the failing one never.
    assert cast("NotingApp", runtime.app).notes() == [fine.id]
