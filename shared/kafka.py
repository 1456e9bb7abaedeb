"""Kafka helpers every service uses: topic creation, an idempotent producer, a probe."""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING

from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

if TYPE_CHECKING:
    from collections.abc import Awaitable

    from shared.envelope import KafkaRecord


KEEP_FOREVER = {"retention.ms": "-1", "retention.bytes": "-1"}
"""Topic settings of the audit trail: events and their witnesses are never expired."""


async def ensure_topics(
    bootstrap: str,
    topics: dict[str, int],
    replication: int = 1,
    configs: dict[str, str] | None = None,
) -> None:
    """Create the named topics (name -> partitions) unless they exist, with `configs`."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [
            NewTopic(
                name, num_partitions=n, replication_factor=replication, topic_configs=configs or {}
            )
            for name, n in topics.items()
            if name not in existing
        ]
        if missing:
            with contextlib.suppress(TopicAlreadyExistsError):
                await admin.create_topics(missing)
    finally:
        await admin.close()


def idempotent_producer(bootstrap: str, client_id: str) -> AIOKafkaProducer:
    """A producer that never duplicates or reorders on its own retries (acks=all)."""
    return AIOKafkaProducer(
        bootstrap_servers=bootstrap,
        client_id=client_id,
        enable_idempotence=True,
        acks="all",
        linger_ms=5,
    )


async def send_record(
    producer: AIOKafkaProducer, topic: str, record: KafkaRecord
) -> Awaitable[object]:
    """Enqueue one record; return the acknowledgement to await."""
    future: Awaitable[object] = await producer.send(
        topic, value=record.value, key=record.key, headers=list(record.headers)
    )
    return future


async def _first_open_port(bootstrap: str, timeout: float) -> list[str]:
    """Try each server's port in turn: [] once one opens, else why each did not."""
    failures: list[str] = []
    for server in bootstrap.split(","):
        address = server.strip()
        host, _, port = address.rpartition(":")
        try:
            _, writer = await asyncio.wait_for(asyncio.open_connection(host, int(port)), timeout)
        except ValueError:
            failures.append(f"{address}: not a host:port address")
            continue
        except TimeoutError:
            failures.append(f"{address}: no connection within {timeout:g} s")
            continue
        except OSError as exc:
            failures.append(f"{address}: {exc.strerror or exc}")
            continue
        writer.close()
        return []
    return failures


async def kafka_problem(bootstrap: str, timeout: float = 3.0) -> str | None:
    """Why no broker answers a metadata request within `timeout` seconds; None if one does.

    The reason names each address tried and what went wrong (refused, timed out, no metadata),
    so /readyz says where to look.
    """
    # A closed port is answered without the client, which would log every refused connect.
    if failures := await _first_open_port(bootstrap, timeout):
        return "no broker answered: " + "; ".join(failures)
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=int(timeout * 1000))
    try:
        await asyncio.wait_for(admin.start(), timeout)
        await asyncio.wait_for(admin.list_topics(), timeout)
        return None
    except TimeoutError:
        return f"no metadata from {bootstrap} within {timeout:g} s"
    except Exception as exc:
        return f"no metadata from {bootstrap}: {type(exc).__name__}: {exc}"
    finally:
        with contextlib.suppress(Exception):
            await admin.close()


async def kafka_answers(bootstrap: str, timeout: float = 3.0) -> bool:
    """Whether a broker answers a metadata request within `timeout` seconds."""
    return await kafka_problem(bootstrap, timeout) is None
