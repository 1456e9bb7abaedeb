"""Stored events carry the time of their application's clock, not the wall clock (Art. 23).

eventsourcing stamps every event it creates (an aggregate's `Created`, each `@event` method's
event, a snapshot) with `event_class.create_timestamp()`, a static method every event class
inherits from `eventsourcing.domain.CanCreateTimestamp`; there it reads the wall clock. `install()`
replaces that method, once per process, by one that reads the clock set for the current context
by `stamping(clock)`, and the wall clock as before when none is set. No aggregate changes its base
class for this.

Who sets it: a `ServiceApplication` around taking in an upstream event (`process_event`) and
around each public method of a service's application (its commands); the HTTP shell around each
request and the worker around each tick, with the runtime's clock, so a handler that a route or a
tick calls directly stamps alike. With the `SystemClock` this is the wall clock still; with a
`ManualClock` a test or demo decides when each thing was recorded, so "the state as of" a moment
(`shared/audit/replay.py`) needs no sleeps to keep events apart.
"""

from __future__ import annotations

import contextlib
from contextvars import ContextVar
from typing import TYPE_CHECKING

from eventsourcing.domain import TZINFO, CanCreateTimestamp, datetime_now_with_tzinfo

if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import datetime

    from shared.clock import Clock

_clock: ContextVar[Clock | None] = ContextVar("lianfang_event_clock", default=None)


def event_timestamp() -> datetime:
    """When an event created now happened: the context's clock, else the wall clock."""
    clock = _clock.get()
    if clock is None:
        return datetime_now_with_tzinfo()
    return clock.now().astimezone(TZINFO)


def install() -> None:
    """Make every eventsourcing event take its timestamp from `event_timestamp` (idempotent)."""
    if CanCreateTimestamp.__dict__["create_timestamp"].__func__ is not event_timestamp:
        # Replacing a library method on purpose: the one hook every event class shares.
        CanCreateTimestamp.create_timestamp = staticmethod(event_timestamp)  # type: ignore[method-assign]


@contextlib.contextmanager
def stamping(clock: Clock) -> Iterator[Clock]:
    """Within this block (this thread, this task) events are stamped with `clock`'s time."""
    install()
    token = _clock.set(clock)
    try:
        yield clock
    finally:
        _clock.reset(token)
