"""A service's state as at a moment, rebuilt from its events (Art. 23, 29)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from eventsourcing.system import ProcessApplication

from shared.audit.replay import aware, replay_as_of, state_of
from shared.clock import BEIJING, ManualClock
from shared.event_clock import stamping
from shared.store import with_chain
from tests.unit.audit.test_chain import Ledger


def everything(app: ProcessApplication[UUID]) -> dict[str, dict[str, Any]]:
    """The state the service holds right now, read through its repository."""
    ids = {n.originator_id for n in app.recorder.select_notifications(None, 10_000)}
    return {str(i): state_of(app.repository.get(i)) for i in ids}


def test_the_state_at_each_moment_is_the_state_recorded_then() -> None:
    app: ProcessApplication[UUID] = ProcessApplication(
        with_chain({"PERSISTENCE_MODULE": "eventsourcing.popo"})
    )
    # Events are stamped with the clock (shared/event_clock.py): moments fall clearly apart.
    clock = ManualClock()
    minute = timedelta(minutes=1)
    before_anything = clock.now()
    clock.advance(minute)
    with stamping(clock):
        ledger = Ledger("甲")
        ledger.enter(1)
        app.save(ledger)
    first = clock.advance(minute)
    recorded_first = everything(app)

    clock.advance(minute)
    with stamping(clock):
        ledger.enter(2)
        app.save(ledger, Ledger("乙"))
    second = clock.advance(minute)
    recorded_second = everything(app)

    for as_of, recorded in ((first, recorded_first), (second, recorded_second)):
        replayed = replay_as_of("s", app, as_of)
        assert {str(i): state_of(a) for i, a in replayed.aggregates.items()} == recorded
        assert replayed.read == 4
    assert replay_as_of("s", app, first).applied == 2
    assert recorded_first[str(ledger.id)]["entries"] == [1]
    assert recorded_second[str(ledger.id)]["entries"] == [1, 2]

    empty = replay_as_of("s", app, before_anything)
    assert (empty.aggregates, empty.applied, empty.counts()) == ({}, 0, {})
    assert replay_as_of("s", app, second).counts() == {"Ledger": 2}
    assert replay_as_of("s", app, second).events_per_second > 0


def test_a_moment_without_a_zone_is_beijing_time() -> None:
    naive = datetime(2026, 11, 28, 9, 30)
    assert aware(naive) == datetime(2026, 11, 28, 1, 30, tzinfo=UTC)
    assert aware(naive).utcoffset() == timedelta(hours=8)
    zoned = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)
    assert aware(zoned) is zoned
    assert BEIJING.utcoffset(None) == timedelta(hours=8)
