"""Chain heads published as witnesses, and read back for verification (Art. 23, 29, 31).

Each service's leading worker publishes its store's chain head on the audit topic
(`<prefix>.audit.checkpoints`) every CHECKPOINT_SECONDS when the head has moved. Kafka, other
nodes and downstream consumers then hold heads the store cannot take back: a history rewritten
and re-hashed afterwards no longer reaches the witnessed hash at the witnessed position.
Publishing only reads the store, so it is no dual write; a lost checkpoint just leaves a longer
unwitnessed tail until the next one. Witnesses can also be kept in a JSON-lines file
(`lianfang audit witnesses`), e.g. on another node's disk or on paper.
"""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import NAMESPACE_URL, uuid5

from shared.audit.chain import chained
from shared.audit.published import read_events
from shared.audit.verify import Witness
from shared.envelope import to_record
from shared.events import Actor, ChainCheckpoint, ChainCheckpointData
from shared.kafka import KEEP_FOREVER, KafkaAccess, ensure_topics

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from shared.audit.chain import Link
    from shared.clock import Clock
    from shared.outbox import Send
    from shared.runtime import Runtime
    from shared.settings import CommonSettings

log = logging.getLogger(__name__)

CHECKPOINT_SECONDS = 60.0
_CHECKPOINT_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:chain-checkpoint")


def checkpoint_of(
    head: Link, service: str, common: CommonSettings, clock: Clock
) -> ChainCheckpoint:
    """The checkpoint event of a head; its id is derived from the head, so re-sends are equal."""
    source = f"/lianfang/{common.node_id}/{service}"
    data = ChainCheckpointData(
        unit_code=common.node_root_unit,
        node_id=common.node_id,
        actor=Actor(user_id=f"system:{service}", role="system", unit_code=common.node_root_unit),
        authority="Art. 23",
        occurred_at=clock.now(),
        service=service,
        position=head.position,
        head_event_id=head.event_id,
        head_hash=head.hash,
    )
    key = f"{common.node_id}/{service}/{head.position}/{head.hash}"
    return ChainCheckpoint.create(
        data=data,
        subject=f"chain:{common.node_id}/{service}",
        source=source,
        clock_now=clock.now(),
        event_id=str(uuid5(_CHECKPOINT_NAMESPACE, key)),
    )


def witness_of(event: ChainCheckpoint) -> Witness:
    d = event.data
    return Witness(d.service, d.node_id, d.position, d.head_hash, event.id)


def checkpoint_publisher(runtime: Runtime, send: Send) -> Callable[[], Awaitable[None]]:
    """A leader job (`Worker.leader_timer`) that publishes this store's head when it has moved."""
    published: list[str] = []  # the last head hash sent, to skip an unchanged head

    async def publish() -> None:
        try:
            head = await asyncio.to_thread(chained(runtime.app.recorder).chain_head)
            if head is None or published[-1:] == [head.hash]:
                return
            topic = runtime.topics.audit()
            common = runtime.common
            if not published:
                await ensure_topics(
                    KafkaAccess.of(common, runtime.name),
                    {topic: 1},
                    common.topic_replication,
                    KEEP_FOREVER,
                )
            event = checkpoint_of(head, runtime.name, common, runtime.clock)
            await (await send(topic, to_record(event)))
            published[:] = [head.hash]
            log.info("checkpoint %s at position %d", runtime.name, head.position)
        except Exception:
            log.exception("chain checkpoint failed; it is tried again at the next interval")

    return publish


async def read_witnesses(access: KafkaAccess, topic: str) -> list[Witness]:
    """Every checkpoint on the audit topic, from its start to its current end."""
    found = await read_events(access, [topic])
    if found.unreadable:
        log.warning("%d unreadable records on %s", found.unreadable, topic)
    return [witness_of(e) for e in found.events if isinstance(e, ChainCheckpoint)]


def save_witnesses(path: Path, witnesses: list[Witness]) -> None:
    """Write witnesses as JSON lines."""
    lines = [json.dumps(w.__dict__, sort_keys=True) for w in witnesses]
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")


def load_witnesses(path: Path) -> list[Witness]:
    """Read witnesses written by `save_witnesses` (or by hand)."""
    text = path.read_text(encoding="utf-8")
    return [Witness(**json.loads(line)) for line in text.splitlines() if line.strip()]


def of_chain(witnesses: list[Witness], service: str, node_id: str) -> list[Witness]:
    """The witnesses of one store: one service on one node."""
    return [w for w in witnesses if w.service == service and w.node_id == node_id]
