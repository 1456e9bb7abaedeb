"""Reading a real Kafka topic in tests as a downstream system would."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from aiokafka import AIOKafkaConsumer

if TYPE_CHECKING:
    from aiokafka.structs import ConsumerRecord

    from shared.kafka import KafkaAccess


async def read_from_start(
    access: KafkaAccess, topic: str, expect: int, timeout: float = 30.0
) -> list[ConsumerRecord]:
    """A topic's records from its start, until `expect` of them or `timeout` seconds."""
    consumer = AIOKafkaConsumer(
        topic,
        **access.aiokafka(),
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        group_id=None,
    )
    await consumer.start()
    records: list[ConsumerRecord] = []
    try:
        deadline = asyncio.get_running_loop().time() + timeout
        while len(records) < expect and asyncio.get_running_loop().time() < deadline:
            for part in (await consumer.getmany(timeout_ms=500)).values():
                records.extend(part)
    finally:
        await consumer.stop()
    return records
