"""The suite's infrastructure is real: records go through Kafka, rows through PostgreSQL."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING
from uuid import uuid4

import psycopg
import pytest
from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

from lianfang.kafka_local import LocalKafka, ensure_topics
from shared.kafka import wait_for_kafka
from tests.support.kafka import read_from_start
from tests.support.processes import free_port
from tests.support.stores import postgres_connection

if TYPE_CHECKING:
    from pathlib import Path

    from lianfang.postgres_local import PgParams
    from shared.kafka import KafkaAccess


async def produce(bootstrap: KafkaAccess, topic: str, values: list[bytes]) -> None:
    producer = AIOKafkaProducer(**bootstrap.aiokafka(), enable_idempotence=True)
    await producer.start()
    try:
        for value in values:
            await producer.send_and_wait(topic, value=value, key=b"same-key")
    finally:
        await producer.stop()


@pytest.mark.kafka
async def test_records_come_back_in_the_order_they_were_produced(kafka_admin: KafkaAccess) -> None:
    topic = f"lianfang.test.infra.{uuid4().hex[:10]}"
    await asyncio.to_thread(ensure_topics, kafka_admin, {topic: 1})
    # Asking again for an existing topic is not an error.
    await asyncio.to_thread(ensure_topics, kafka_admin, {topic: 1})

    await produce(kafka_admin, topic, [b"one", b"two", b"three"])

    records = await read_from_start(kafka_admin, topic, expect=3)
    assert [r.value for r in records] == [b"one", b"two", b"three"]
    assert [r.offset for r in records] == [0, 1, 2]


@pytest.mark.kafka
async def test_local_kafka_keeps_its_data_across_a_restart(
    tmp_path: Path, kafka_cache_dir: Path | None
) -> None:
    broker = LocalKafka(tmp_path / "kafka", cache_dir=kafka_cache_dir)
    try:
        await asyncio.to_thread(broker.start)
        bootstrap = broker.admin_access()
        assert broker.is_running()
        # Not created first: the broker auto-creates it with its default of 3 partitions.
        topic = "lianfang.test.restart"
        await produce(bootstrap, topic, [b"before the restart"])
        assert await _partitions(bootstrap, topic) == 3

        await asyncio.to_thread(broker.stop)
        assert not broker.is_running()
        assert not broker.pidfile.exists()

        await asyncio.to_thread(broker.start)
        bootstrap = broker.admin_access()
        records = await read_from_start(bootstrap, topic, expect=1)
        assert [r.value for r in records] == [b"before the restart"]
        # Another process sees it through the pidfile, and can stop it.
        other = LocalKafka(tmp_path / "kafka")
        assert other.is_running()
        assert other.bootstrap == bootstrap.bootstrap
        await asyncio.to_thread(other.stop)
        assert not broker.is_running()
    finally:
        await asyncio.to_thread(broker.stop)


@pytest.mark.kafka
async def test_a_starting_worker_waits_for_its_broker_to_come_back(
    tmp_path: Path, kafka_cache_dir: Path | None
) -> None:
    """What a worker does first (shared/worker.py): it waits for a broker that is down (a
    restart, a rolling upgrade) rather than exit, and goes on once the broker answers."""
    broker = LocalKafka(
        tmp_path / "kafka",
        port=free_port(),
        controller_port=free_port(),
        cache_dir=kafka_cache_dir,
        secure=False,
    )
    try:
        await asyncio.to_thread(broker.start)
        access = broker.admin_access()
        await asyncio.to_thread(broker.stop)

        waiting = asyncio.create_task(wait_for_kafka(access, within=180))
        await asyncio.sleep(3)
        assert not waiting.done(), "it gave up (or saw a broker) while none ran"

        await asyncio.to_thread(broker.start)
        await asyncio.wait_for(waiting, timeout=60)  # raises what the wait raised, if anything
    finally:
        await asyncio.to_thread(broker.stop)


async def _partitions(bootstrap: KafkaAccess, topic: str) -> int:
    admin = AIOKafkaAdminClient(**bootstrap.aiokafka())
    await admin.start()
    try:
        (described,) = await admin.describe_topics([topic])
        return len(described["partitions"])
    finally:
        await admin.close()


@pytest.mark.postgres
def test_postgres_stores_and_returns_rows(postgres_params: PgParams) -> None:
    table = f"infra_{uuid4().hex[:10]}"
    with psycopg.connect(postgres_params.dsn, autocommit=True) as conn:
        conn.execute(f"CREATE TABLE {table} (id int PRIMARY KEY, name text NOT NULL)")
        conn.execute(f"INSERT INTO {table} VALUES (1, '廉'), (2, '防')")  # noqa: S608
        rows = conn.execute(f"SELECT id, name FROM {table} ORDER BY id").fetchall()  # noqa: S608
    assert rows == [(1, "廉"), (2, "防")]


@pytest.mark.postgres
@pytest.mark.parametrize("turn", [1, 2])
def test_every_test_gets_a_fresh_database_of_its_own(
    turn: int, postgres_database: dict[str, str], postgres_params: PgParams
) -> None:
    assert postgres_database["POSTGRES_DBNAME"] != postgres_params.dbname
    with postgres_connection(postgres_database) as conn:
        # The table the other turn created is not here.
        count = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        assert conn.execute(count).fetchone() == (0,)
        conn.execute("CREATE TABLE made_by_this_test (turn int)")


@pytest.mark.kafka
async def test_the_audit_trail_topics_are_created_to_keep_forever(kafka_admin: KafkaAccess) -> None:
    from shared.kafka import KEEP_FOREVER
    from shared.kafka import ensure_topics as ensure_service_topics

    kept, dropped = f"kept-{uuid4().hex[:8]}", f"dlq-{uuid4().hex[:8]}"
    await ensure_service_topics(kafka_admin, {kept: 3}, configs=KEEP_FOREVER)
    await ensure_service_topics(kafka_admin, {dropped: 1})
    found = await topic_configs(kafka_admin, [kept, dropped])
    assert (found[kept]["retention.ms"], found[kept]["retention.bytes"]) == ("-1", "-1")
    assert found[dropped]["retention.ms"] != "-1"  # the broker's default: not the audit trail


async def topic_configs(bootstrap: KafkaAccess, topics: list[str]) -> dict[str, dict[str, str]]:
    """Each topic's configuration, once the broker answers for all of them (a topic just
    created may not be described at once)."""
    from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

    admin = AIOKafkaAdminClient(**bootstrap.aiokafka())
    await admin.start()
    try:
        for _ in range(50):
            resources = [ConfigResource(ConfigResourceType.TOPIC, t) for t in topics]
            answers = await admin.describe_configs(resources)
            found = {
                name: {entry[0]: entry[1] for entry in entries}
                for answer in answers
                for _, _, _, name, entries in answer.resources
            }
            if all("retention.ms" in found.get(t, {}) for t in topics):
                return found
            await asyncio.sleep(0.2)
    finally:
        await admin.close()
    raise AssertionError(f"the broker did not describe {topics}")
