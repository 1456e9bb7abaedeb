"""Every event the services have published, read back from Kafka to the end of each topic.

Auditors read the topics rather than any one service's store: the topics are what every node
and downstream system saw, and they span nodes (architecture: audit). Records that are not a
valid event of the contract are counted, not fatal: a broken record must not hide the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from shared.envelope import EnvelopeError, from_record
from shared.inbox import Delivery
from shared.kafka import KafkaAccess
from shared.topics import SERVICES, Topics

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from shared.events import CloudEvent


@dataclass
class Published:
    """What the topics hold: the events in topic order, and how many records were unreadable."""

    events: list[CloudEvent] = field(default_factory=list)
    unreadable: int = 0


async def read_published(access: KafkaAccess, prefix: str = "lianfang") -> Published:
    """Read every service's events topic under `prefix` from the start to its current end."""
    topics = Topics(prefix)
    return await read_events(access, [topics.events(s) for s in SERVICES])


async def read_events(access: KafkaAccess, topics: list[str]) -> Published:
    """Read the given topics (those that exist) from their start to their current end."""
    found = Published()
    async for batch in read_deliveries(access, topics):
        for delivery in batch:
            try:
                found.events.append(from_record(delivery.key, delivery.value, delivery.headers))
            except EnvelopeError:
                found.unreadable += 1
    return found


async def read_deliveries(access: KafkaAccess, topics: list[str]) -> AsyncIterator[list[Delivery]]:
    """The records of the given topics (those that exist), from their start to their end as it
    was when reading began, a batch at a time, each with its topic, partition and offset: a
    reader keeps one batch in memory, never the history."""
    consumer = AIOKafkaConsumer(**access.aiokafka(), enable_auto_commit=False, group_id=None)
    await consumer.start()
    try:
        partitions = await _partitions(access, topics)
        if not partitions:
            return
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        remaining = {tp for tp in partitions if ends[tp] > 0}
        while remaining:
            batch = await consumer.getmany(*remaining, timeout_ms=1000)
            taken: list[Delivery] = []
            for tp, records in batch.items():
                taken += [
                    Delivery(tp.topic, tp.partition, r.offset, r.key, r.value, tuple(r.headers))
                    for r in records
                    if r.offset < ends[tp]
                ]
                if records and records[-1].offset + 1 >= ends[tp]:
                    remaining.discard(tp)
            if taken:
                yield taken
    finally:
        await consumer.stop()


async def _partitions(access: KafkaAccess, wanted: list[str]) -> list[TopicPartition]:
    """The partitions of those of `wanted` that exist (a service may not have published yet)."""
    admin = AIOKafkaAdminClient(**access.aiokafka())
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        present = [t for t in wanted if t in existing]
        described = await admin.describe_topics(present) if present else []
    finally:
        await admin.close()
    return [
        TopicPartition(topic["topic"], part["partition"])
        for topic in described
        for part in sorted(topic["partitions"], key=lambda p: int(p["partition"]))
    ]
