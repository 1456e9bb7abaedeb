"""Effectively-once consumption, told as a story, on every store we support.

The register takes a RiskReported in. Kafka may hand it over again at the same position
(a consumer redelivery) or a relay may re-send it at a new position (a second copy): either
way the register must end with one case and one receipt. Records it cannot read, and events
it refuses, become dead letters; the position is settled so the stream moves on. The worker
hands records over in batches (issue #18): on SQLite one transaction per batch, in which each
record sees what the earlier ones recorded, invisible to the rest of the process until it
commits.
"""

from __future__ import annotations

import contextlib
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import pytest

from services.register.app import RegisterApplication
from shared.clock import ManualClock
from shared.envelope import to_record
from shared.inbox import Delivery, Inbox, Outcome
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED
from tests.support.events import risk_reported
from tests.support.stores import InMemory, OnPostgres, OnSQLite, Story

if TYPE_CHECKING:
    from collections.abc import Iterator

TOPIC = "lianfang.intake.events"


def delivery_of(event: object, offset: int, partition: int = 0) -> Delivery:
    record = to_record(event)  # type: ignore[arg-type]
    return Delivery(TOPIC, partition, offset, record.key, record.value, tuple(record.headers))


class InboxStory(Story[RegisterApplication]):
    """The same story, re-told per store by subclasses that provide `env`."""

    grants_posts = False  # it counts the receipts of exactly what it hands in

    def make_app(self, env: dict[str, str], clock: ManualClock) -> RegisterApplication:
        return RegisterApplication(env, clock=clock, org=OrgDirectory.from_json(DEFAULT_ORG_SEED))

    def test_an_event_is_taken_in_once_with_its_position(self, app: RegisterApplication) -> None:
        inbox = Inbox(app)
        event = risk_reported()
        # The register records the case and a receipt, and remembers the position.
        assert inbox.take(delivery_of(event, offset=0)).outcome is Outcome.PROCESSED
        assert app.get_information(event.data.information_id).status == "awaiting_judgement"
        assert app.count_receipts() == 1
        assert app.process_recorder.max_tracking_id(f"{TOPIC}-0") == 1

        # Kafka hands the same position over again: nothing is written.
        before = app.recorder.max_notification_id()
        assert inbox.take(delivery_of(event, offset=0)).outcome is Outcome.REDELIVERED
        assert app.recorder.max_notification_id() == before

    def test_a_second_copy_at_a_new_offset_changes_nothing(self, app: RegisterApplication) -> None:
        inbox = Inbox(app)
        event = risk_reported()
        inbox.take(delivery_of(event, offset=0))
        before = app.recorder.max_notification_id()
        # A relay re-sent the same event (same ce_id) after a crash: it lands at offset 1.
        assert inbox.take(delivery_of(event, offset=1)).outcome is Outcome.PROCESSED
        assert app.recorder.max_notification_id() == before
        assert app.count_receipts() == 1
        # ...but the position moved on, so a redelivery of offset 1 is skipped too.
        assert app.process_recorder.max_tracking_id(f"{TOPIC}-0") == 2

    def test_unreadable_and_refused_records_become_dead_letters(
        self, app: RegisterApplication
    ) -> None:
        inbox = Inbox(app)
        garbage = Delivery(TOPIC, 0, 0, b"k", b"\x00\xff not json", ())
        result = inbox.take(garbage)
        assert result.outcome is Outcome.DEAD_LETTER
        assert "unreadable" in result.reason

        refused = delivery_of(risk_reported(unit_code="QX-NOWHERE"), offset=1)
        result = inbox.take(refused)
        assert result.outcome is Outcome.DEAD_LETTER
        assert "QX-NOWHERE" in result.reason
        assert app.count_receipts() == 0  # the refused event left no trace but its position

        # Once the dead letter is sent, the position is settled and the stream goes on.
        inbox.settle(garbage)
        inbox.settle(refused)
        assert inbox.take(refused).outcome is Outcome.REDELIVERED
        assert inbox.take(delivery_of(risk_reported(), offset=2)).outcome is Outcome.PROCESSED
        assert app.count_receipts() == 1

    def test_a_batch_sees_its_earlier_records_and_stops_at_a_dead_letter(
        self, app: RegisterApplication
    ) -> None:
        inbox = Inbox(app)
        event, later = risk_reported(), risk_reported()
        refused = delivery_of(risk_reported(unit_code="QX-NOWHERE"), offset=3)
        batch = [
            delivery_of(event, offset=0),
            delivery_of(event, offset=1),  # a second copy: the receipt of offset 0 tells it
            delivery_of(event, offset=1),  # the same position again: its tracking tells it
            refused,
            delivery_of(later, offset=4),
        ]
        taken = [result.outcome for result in inbox.take_batch(batch)]
        # It stops after the dead letter: offset 4 must wait until offset 3 is settled.
        assert taken == [
            Outcome.PROCESSED, Outcome.PROCESSED, Outcome.REDELIVERED, Outcome.DEAD_LETTER
        ]  # fmt: skip
        assert app.count_receipts() == 1
        assert app.process_recorder.max_tracking_id(f"{TOPIC}-0") == 2
        inbox.settle(refused)
        assert [r.outcome for r in inbox.take_batch(batch[3:])] == [
            Outcome.REDELIVERED, Outcome.PROCESSED
        ]  # fmt: skip
        assert app.count_receipts() == 2
        assert app.get_information(later.data.information_id).status == "awaiting_judgement"
        assert app.process_recorder.max_tracking_id(f"{TOPIC}-0") == 5


class TestInboxInMemory(InMemory, InboxStory):
    pass


class TestInboxSQLite(OnSQLite, InboxStory):
    def test_a_batch_is_one_transaction_and_keeps_what_came_before_a_failure(
        self, app: RegisterApplication
    ) -> None:
        """The rest of the process (the relay, the API) sees a batch only once it commits;
        a failure mid-batch keeps the records before it, as committing each alone would."""
        inbox = Inbox(app)
        batch = [delivery_of(risk_reported(), offset=n) for n in range(3)]
        seen_from_elsewhere: list[int] = []

        @contextlib.contextmanager
        def each(delivery: Delivery) -> Iterator[None]:
            with ThreadPoolExecutor(1) as elsewhere:
                seen_from_elsewhere.append(elsewhere.submit(app.count_receipts).result())
            if delivery.offset == 2:
                raise RuntimeError("the worker fails before its third record")
            yield

        with pytest.raises(RuntimeError, match="third record"):
            inbox.take_batch(batch, each)
        assert seen_from_elsewhere == [0, 0, 0]  # two records taken in, not yet committed
        assert app.count_receipts() == 2  # committed when the failure left the batch
        assert app.process_recorder.max_tracking_id(f"{TOPIC}-0") == 2
        # Kafka delivers the batch again: the two are recognised, the third taken in.
        assert [r.outcome for r in inbox.take_batch(batch)] == [
            Outcome.REDELIVERED, Outcome.REDELIVERED, Outcome.PROCESSED
        ]  # fmt: skip
        assert app.count_receipts() == 3


@pytest.mark.postgres
class TestInboxPostgres(OnPostgres, InboxStory):
    pass
