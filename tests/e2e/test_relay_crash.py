"""The outbox relay dies between producing and saving its position: re-sends, never skips,
and the consumer still ends with exactly one effect per event."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest

from services.intake import contract
from services.intake.app import InformationDraft, IntakeApplication
from shared.auth import Principal, Role
from shared.clock import SystemClock
from shared.events.publish import Origin
from shared.kafka import ensure_topics, idempotent_producer, send_record
from shared.orgtree import OrgDirectory
from shared.outbox import OutboxRelay
from shared.runtime import DEFAULT_ORG_SEED
from shared.settings import CommonSettings
from shared.store import eventsourcing_env
from tests.support.processes import wait_until

if TYPE_CHECKING:
    from tests.e2e.conftest import Node

pytestmark = pytest.mark.kafka


class Killed(BaseException):
    """Stands for SIGKILL arriving between the produce and the position save."""


class RelayKilledBeforeSaving(OutboxRelay):
    def save_position(self, notification_id: int) -> None:
        raise Killed


def intake_app(node: Node) -> IntakeApplication:
    common = CommonSettings(data_dir=node.data_dir, store="sqlite")
    org = OrgDirectory.from_json(DEFAULT_ORG_SEED)
    return IntakeApplication(eventsourcing_env(common, "intake"), clock=SystemClock(), org=org)


async def test_a_relay_killed_before_saving_resends_and_the_consumer_takes_each_once(
    node: Node,
) -> None:
    topic = node.topics.events("intake")
    await ensure_topics(node.kafka_as("intake"), {topic: 3})
    app = intake_app(node)
    officer = Principal("u-office", frozenset({Role.OFFICE}), "QX")
    learned = datetime.now(UTC) - timedelta(days=1)
    for n in range(20):
        app.file_information(
            InformationDraft("petition", f"XF-{n}", "QX-SK", "收受管理对象礼金", learned),
            officer,
        )
    origin = Origin("/lianfang/district/intake", "district")

    def translate(e):  # type: ignore[no-untyped-def]
        return contract.translate(e, origin)

    producer = idempotent_producer(node.kafka_as("intake"), "relay-test")
    await producer.start()

    async def send(t, record):  # type: ignore[no-untyped-def]
        return await send_record(producer, t, record)

    try:
        with pytest.raises(Killed):
            await RelayKilledBeforeSaving(app, translate, send, topic).relay_once()
        app.close()

        # The relay comes back (a new process, reading the same store) and starts over.
        app = intake_app(node)
        relay = OutboxRelay(app, translate, send, topic)
        assert relay.position() == 0, "the position must not have moved"
        # Each filing stored two events (the case and its reference's index, which is not
        # published): all of them covered again from the start.
        assert await relay.relay_once() == app.recorder.max_notification_id()
        assert relay.backlog() == 0
    finally:
        await producer.stop()
        app.close()

    records = await node.read_all(topic, expect=40)
    assert len(records) == 40, "every event was sent twice: once before the crash, once after"
    assert len({dict(r.headers)["ce_id"] for r in records}) == 20

    node.worker("register")
    wait_until(lambda: node.tracked("register", topic) == 40, what="all 40 records settled")
    assert node.stored("register", "ReportedInformation.Received") == 20
    assert node.stored("register", "Receipt.Received") == 20
