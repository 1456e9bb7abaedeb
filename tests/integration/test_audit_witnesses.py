"""Chain heads reach Kafka from a real worker, and a re-hashed rewrite fails against them.

A real `lianfang worker register` takes reports in from a real broker and, on its timer,
publishes its chain head on the audit topic. Then someone rewrites the store and recomputes
every hash: on its own the chain looks whole, but `lianfang audit verify --from-kafka` holds it
against the witnessed head and names the place (Art. 23, 29, 31).
"""

from __future__ import annotations

import asyncio
import sqlite3
from typing import TYPE_CHECKING
from uuid import uuid4

import pytest
from typer.testing import CliRunner

from lianfang.cli import app as cli
from shared.audit.checkpoints import read_witnesses
from shared.envelope import to_record
from shared.kafka import KafkaAccess, ensure_topics, idempotent_producer, send_record
from shared.topics import Topics
from tests.integration.test_audit_cli import edit_and_rehash
from tests.support.events import risk_reported
from tests.support.processes import ServiceProcess, node_env, wait_until

if TYPE_CHECKING:
    from pathlib import Path

    from shared.audit.verify import Witness

pytestmark = pytest.mark.kafka


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db, timeout=10) as con:
        try:
            return int(con.execute("SELECT COUNT(*) FROM stored_events").fetchone()[0])
        except sqlite3.OperationalError:
            return 0


async def publish_reports(bootstrap: KafkaAccess, topic: str, count: int) -> None:
    await ensure_topics(bootstrap, {topic: 3})
    producer = idempotent_producer(bootstrap, "audit-witness-test")
    await producer.start()
    try:
        for _ in range(count):
            await (await send_record(producer, topic, to_record(risk_reported())))
    finally:
        await producer.stop()


def test_a_worker_publishes_heads_that_catch_a_rehashed_rewrite(
    kafka_admin: KafkaAccess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prefix = f"audit-{uuid4().hex[:8]}"
    topics = Topics(prefix)
    env = node_env(kafka_admin, tmp_path / "data", prefix, LIANFANG_TICK_SECONDS="1")
    db = tmp_path / "data" / "register.sqlite"
    worker = ServiceProcess(["worker", "register"], env, tmp_path / "worker.log").start()
    try:
        asyncio.run(publish_reports(kafka_admin, topics.events("intake"), 3))
        wait_until(lambda: stored(db) == 6, timeout=90, what="the register to take 3 reports")

        def head_witnessed() -> list[Witness]:
            found = asyncio.run(read_witnesses(kafka_admin, topics.audit()))
            return [w for w in found if w.service == "register" and w.position == 6]

        wait_until(head_witnessed, timeout=60, what="a checkpoint of the head on Kafka")
    finally:
        worker.stop()
    assert "chain checkpoint failed" not in worker.tail(400)

    for key, value in env.items():
        monkeypatch.setenv(key, value)
    runner = CliRunner()
    verify = ["audit", "verify", "--service", "register", "--from-kafka"]
    result = runner.invoke(cli, verify)
    assert result.exit_code == 0, result.output
    assert "ok register: 6 events chained" in result.output

    edit_and_rehash(db, 3)
    assert runner.invoke(cli, verify[:-1]).exit_code == 0  # the chain alone looks whole
    result = runner.invoke(cli, verify)
    assert result.exit_code == 1
    assert "broken at position 6" in result.output
    assert "witnessed" in result.output


async def test_checkpoints_on_the_audit_topic_are_read_back_as_witnesses(
    kafka_admin: KafkaAccess,
) -> None:
    from shared.audit.chain import Link
    from shared.audit.checkpoints import checkpoint_of
    from shared.clock import ManualClock
    from shared.settings import CommonSettings

    topic = Topics(f"audit-{uuid4().hex[:8]}").audit()
    assert await read_witnesses(kafka_admin, topic) == []  # no topic yet: no witnesses
    await ensure_topics(kafka_admin, {topic: 1})
    common = CommonSettings(node_id="town-taihe")
    heads = [Link(3, str(uuid4()), 1, "ab" * 32), Link(9, str(uuid4()), 2, "cd" * 32)]
    producer = idempotent_producer(kafka_admin, "audit-witness-read-test")
    await producer.start()
    try:
        for head in heads:
            event = checkpoint_of(head, "intake", common, ManualClock())
            await (await send_record(producer, topic, to_record(event)))
    finally:
        await producer.stop()
    found = await read_witnesses(kafka_admin, topic)
    assert [(w.service, w.node_id, w.position, w.hash) for w in found] == [
        ("intake", "town-taihe", 3, "ab" * 32),
        ("intake", "town-taihe", 9, "cd" * 32),
    ]
