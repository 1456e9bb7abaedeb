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
from shared.kafka import KafkaAccess
from shared.topics import SERVICES, Topics

if TYPE_CHECKING:
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
    consumer = AIOKafkaConsumer(**access.aiokafka(), enable_auto_commit=False, group_id=None)
    await consumer.start()
    found = Published()
    try:
        partitions = await _partitions(access, topics)
        if not partitions:
            return found
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        remaining = {tp for tp in partitions if ends[tp] > 0}
        while remaining:
            batch = await consumer.getmany(*remaining, timeout_ms=1000)
            for tp, records in batch.items():
                for record in records:
                    try:
                        found.events.append(from_record(record.key, record.value, record.headers))
                    except EnvelopeError:
                        found.unreadable += 1
                if records and records[-1].offset + 1 >= ends[tp]:
                    remaining.discard(tp)
    finally:
        await consumer.stop()
    return found


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
