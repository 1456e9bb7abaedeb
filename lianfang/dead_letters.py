"""`lianfang dead-letter replay`: put a dead letter back where it came from, as the operator.

A worker that could not take a record put it on its service's dead-letter topic with the reason
and its origin in `dlq_*` headers (shared/inbox.py). Once the cause is fixed (a missing unit, a
producer bug), the node's operator re-produces the original record to its `dlq_topic`: it
arrives at a new offset and is taken once (ce_id). Only the operator principal `<node>-operator`
may read dead letters and write events topics (docs/security.md "Kafka"); the copy carries who
replayed it and from where (`replayed_by`, `replayed_from`), and the consumers' provenance check
still refuses what its producer could not have sent (issue #17).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import typer
from aiokafka import AIOKafkaConsumer, TopicPartition

from shared.kafka import OPERATOR, KafkaAccess, idempotent_producer
from shared.topics import SERVICES, Topics

dead_letter_app = typer.Typer(no_args_is_help=True)


class ReplayRefused(ValueError):
    """The record is not a dead letter that may go back (no origin, or not an events topic)."""


@dataclass(frozen=True)
class Replayed:
    """Where the dead letter went back to, and as whom."""

    topic: str
    partition: int
    offset: int
    by: str


async def replay_dead_letter(
    access: KafkaAccess, topics: Topics, service: str, partition: int, offset: int
) -> Replayed:
    """Re-produce the dead letter at `offset` of `service`'s dead-letter topic to its origin."""
    source = topics.dead_letter(service)
    consumer = AIOKafkaConsumer(**access.aiokafka(), enable_auto_commit=False, group_id=None)
    await consumer.start()
    try:
        # Listed are only the topics this principal may see: a service's are not dead letters.
        if source not in await consumer.topics():
            raise ReplayRefused(
                f"{source} is not readable as {access.username}: only the node's operator "
                "principal reads dead letters"
            )
        where = TopicPartition(source, partition)
        consumer.assign([where])
        consumer.seek(where, offset)
        batch = await consumer.getmany(where, timeout_ms=10_000, max_records=1)
    finally:
        await consumer.stop()
    records = batch.get(where, [])
    if not records or records[0].offset != offset:
        raise ReplayRefused(f"no dead letter at {source}-{partition}@{offset}")
    record = records[0]
    headers = list(record.headers or ())
    origin = dict(headers).get("dlq_topic", b"").decode()
    if origin not in {topics.events(s) for s in SERVICES}:
        raise ReplayRefused(f"{source}-{partition}@{offset} came from no events topic ({origin!r})")
    kept = [(k, v) for k, v in headers if not k.startswith(("dlq_", "replayed_"))]
    by = access.username or "anonymous"
    kept += [
        ("replayed_by", by.encode()),
        ("replayed_from", f"{source}-{partition}@{offset}".encode()),
    ]
    producer = idempotent_producer(access, f"lianfang-dead-letter-replay-{by}")
    await producer.start()
    try:
        sent = await producer.send_and_wait(
            origin, value=record.value, key=record.key, headers=kept
        )
    finally:
        await producer.stop()
    return Replayed(origin, sent.partition, sent.offset, by)


@dead_letter_app.command("replay")
def replay(
    service: Annotated[str, typer.Argument(help="Whose dead-letter topic (intake, register, …).")],
    offset: Annotated[int, typer.Option(help="The dead letter's offset.")],
    partition: Annotated[int, typer.Option(help="The dead letter's partition.")] = 0,
) -> None:
    """Put one dead letter back on the topic it came from, as this node's operator principal."""
    import asyncio

    from shared.settings import CommonSettings

    if service not in SERVICES:
        raise typer.BadParameter(f"one of {', '.join(SERVICES)}", param_hint="SERVICE")
    common = CommonSettings()
    access = KafkaAccess.of(common, OPERATOR)
    topics = Topics(common.topic_prefix)
    try:
        done = asyncio.run(replay_dead_letter(access, topics, service, partition, offset))
    except ReplayRefused as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"replayed to {done.topic}-{done.partition}@{done.offset} as {done.by}")
