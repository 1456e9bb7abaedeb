"""The outbox relay's bookkeeping on every store: in order, never skipping, re-sending at most.

Kafka itself is exercised in tests/e2e/test_relay_crash.py; here the relay sends into a list, so
the story can look at exactly what would have left, and where the saved position stands.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest

from services.intake import contract
from services.intake.app import InformationDraft, IntakeApplication
from shared.audit.recorders import ChainedSQLiteProcessRecorder
from shared.auth import Principal, Role
from shared.clock import ManualClock
from shared.envelope import KafkaRecord, from_record
from shared.events.publish import Origin
from shared.orgtree import OrgDirectory
from shared.outbox import OutboxRelay
from shared.relay_wake import WakeListener
from shared.runtime import DEFAULT_ORG_SEED
from tests.support.stores import OnPostgres, OnSQLite, Story

if TYPE_CHECKING:
    from collections.abc import Awaitable

ORIGIN = Origin("/lianfang/district/intake", "district")
OFFICER = Principal("u-office", frozenset({Role.OFFICE}), "QX")


class Sent(list[tuple[str, KafkaRecord]]):
    async def __call__(self, topic: str, record: KafkaRecord) -> Awaitable[object]:
        self.append((topic, record))
        done: asyncio.Future[object] = asyncio.get_running_loop().create_future()
        done.set_result(None)
        return done


class OutboxStory(Story[IntakeApplication]):
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    grants_posts = False  # the backlog counted is the filings' alone

    def make_app(self, env: dict[str, str], clock: ManualClock) -> IntakeApplication:
        return IntakeApplication(env, clock=clock, org=OrgDirectory.from_json(DEFAULT_ORG_SEED))

    def file(self, app: IntakeApplication, n: int) -> None:
        learned = app.clock.now() - timedelta(hours=1)
        app.file_information(
            InformationDraft("inspection", f"JD-{n}", "QX-LJ", "检查发现问题", learned), OFFICER
        )

    def relay(self, app: IntakeApplication, sent: Sent, batch: int = 200) -> OutboxRelay:
        return OutboxRelay(app, lambda e: contract.translate(e, ORIGIN), sent, "t", batch)

    async def test_events_leave_in_order_and_the_position_follows(
        self, app: IntakeApplication
    ) -> None:
        for n in range(5):
            self.file(app, n)
        sent = Sent()
        relay = self.relay(app, sent, batch=2)
        # A filing stores its case and its reference's index (not published): two notifications.
        assert relay.backlog() == 10
        while await relay.relay_once():
            pass
        refs = [from_record(r.key, r.value, r.headers).data.source_reference for _, r in sent]
        assert refs == [f"JD-{n}" for n in range(5)]  # type: ignore[attr-defined]
        assert relay.position() == app.recorder.max_notification_id()
        assert relay.backlog() == 0

        # Later filings are picked up from the saved position, nothing before it again.
        self.file(app, 5)
        assert await relay.relay_once() == 2
        assert len(sent) == 6

    async def test_a_failed_send_leaves_the_position_and_the_retry_resends(
        self, app: IntakeApplication
    ) -> None:
        self.file(app, 0)
        self.file(app, 1)

        class BrokerDown(Exception):
            pass

        async def failing(topic: str, record: KafkaRecord) -> Awaitable[object]:
            raise BrokerDown

        with pytest.raises(BrokerDown):
            await OutboxRelay(
                app, lambda e: contract.translate(e, ORIGIN), failing, "t"
            ).relay_once()
        sent = Sent()
        relay = self.relay(app, sent)
        assert relay.position() == 0
        assert await relay.relay_once() == 4  # two filings, each a case and its index
        assert len(sent) == 2
        ids = [dict(r.headers)["ce_id"] for _, r in sent]
        # Sending again from scratch gives the same event ids: consumers recognise the copies.
        again = Sent()
        await OutboxRelay(app, lambda e: contract.translate(e, ORIGIN), again, "t").relay_once()
        assert again == []  # the position was saved; nothing is re-sent
        fresh = Sent()
        relay_from_zero = self.relay(app, fresh)
        relay_from_zero.position = lambda: 0  # type: ignore[method-assign]
        await relay_from_zero.relay_once()
        assert [dict(r.headers)["ce_id"] for _, r in fresh] == ids


class TestOutboxSQLite(OnSQLite, OutboxStory):
    async def test_a_commit_by_another_application_wakes_the_relay_before_its_poll(
        self, app: IntakeApplication, env: dict[str, str], clock: ManualClock
    ) -> None:
        """The relay looks when the store announces a commit (shared/relay_wake.py, issue #18):
        a filing saved by the API's application (another process in production, another
        application on the same file here) leaves long before the relay's next poll."""
        api = self.make_app(env, clock)
        recorder = app.recorder
        assert isinstance(recorder, ChainedSQLiteProcessRecorder)
        listener = WakeListener(recorder.wake_address)
        stopping, arrived = asyncio.Event(), asyncio.Event()
        sent = Sent()

        async def send(topic: str, record: KafkaRecord) -> Awaitable[object]:
            arrived.set()
            return await sent(topic, record)

        relay = OutboxRelay(app, lambda e: contract.translate(e, ORIGIN), send, "t")
        relaying = asyncio.create_task(relay.run(stopping, poll_seconds=3600, wake=listener))
        try:
            await asyncio.sleep(0.2)  # the relay found nothing and waits: its poll is an hour
            assert listener.listening  # it listens while it leads (here: always)
            assert sent == []
            self.file(api, 1)
            await asyncio.wait_for(arrived.wait(), timeout=30)
            reference = from_record(sent[0][1].key, sent[0][1].value, sent[0][1].headers)
            assert reference.data.source_reference == "JD-1"  # type: ignore[attr-defined]
        finally:
            stopping.set()
            await relaying
            assert not listener.listening  # let go when the relay stops
            api.close()


@pytest.mark.postgres
class TestOutboxPostgres(OnPostgres, OutboxStory):
    pass
