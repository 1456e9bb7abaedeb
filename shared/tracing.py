"""Trace context (W3C Trace Context `traceparent`) from an HTTP request to every log line it causes.

An API request starts (or continues) a trace; the events it records carry the `traceparent` in
their stored state (`TracingMapper`), the outbox relay puts it on the Kafka record as a header, and
the consuming worker continues it while it takes the record in, so one trace id links the request's
log lines, the record and the consumer's log lines (architecture: Operations; no article).
"""

from __future__ import annotations

import contextlib
import re
import secrets
from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Final
from uuid import UUID

from eventsourcing.persistence import Mapper, StoredEvent

TRACEPARENT: Final = "traceparent"
"""The HTTP and Kafka header name (W3C Trace Context, version 00)."""

MAPPER_TOPIC: Final = "shared.tracing:TracingMapper"
"""eventsourcing's MAPPER_TOPIC for applications whose events should carry the trace."""

_STATE_KEY: Final = "_traceparent"
_FORMAT: Final = re.compile(r"^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$")
_current: ContextVar[TraceContext | None] = ContextVar("lianfang_trace", default=None)


@dataclass(frozen=True)
class TraceContext:
    """One span of a trace: the trace id is shared along the chain, the span id is this hop's."""

    trace_id: str
    span_id: str
    flags: str = "01"

    @property
    def header(self) -> str:
        return f"00-{self.trace_id}-{self.span_id}-{self.flags}"

    def child(self) -> TraceContext:
        """The next hop of the same trace."""
        return TraceContext(self.trace_id, secrets.token_hex(8), self.flags)


def new_trace() -> TraceContext:
    """A fresh trace (nothing upstream said which one this work belongs to)."""
    return TraceContext(secrets.token_hex(16), secrets.token_hex(8))


def parse(value: str | bytes | None) -> TraceContext | None:
    """A valid `traceparent`, or None (invalid ones are ignored, as the W3C spec asks)."""
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    match = _FORMAT.match((value or "").strip())
    if match is None or set(match[1]) == {"0"} or set(match[2]) == {"0"}:
        return None
    return TraceContext(match[1], match[2], match[3])


def from_headers(headers: Sequence[tuple[str, bytes]]) -> TraceContext | None:
    """The trace a Kafka record carries, if any."""
    for name, value in headers:
        if name == TRACEPARENT:
            return parse(value)
    return None


def current() -> TraceContext | None:
    """The trace of the work this code runs for, if any."""
    return _current.get()


@contextlib.contextmanager
def use(trace: TraceContext) -> Iterator[TraceContext]:
    """Run the block (and the threads it hands work to) within `trace`."""
    token = _current.set(trace)
    try:
        yield trace
    finally:
        _current.reset(token)


class TracingMapper(Mapper[UUID]):
    """Stores the current trace with each event recorded; readers never see it in the event."""

    def to_stored_event(self, domain_event: Any) -> StoredEvent:
        trace = current()
        if trace is None:
            return super().to_stored_event(domain_event)
        traced = object.__new__(type(domain_event))
        object.__setattr__(traced, "__dict__", {**vars(domain_event), _STATE_KEY: trace.header})
        return super().to_stored_event(traced)

    def to_domain_event(self, stored_event: StoredEvent) -> Any:
        domain_event = super().to_domain_event(stored_event)
        vars(domain_event).pop(_STATE_KEY, None)
        return domain_event

    def trace_of(self, stored_event: StoredEvent) -> str | None:
        """The `traceparent` an event was recorded under, if any (for the outbox relay)."""
        state = stored_event.state
        if self.cipher:
            state = self.cipher.decrypt(state)
        if self.compressor:
            state = self.compressor.decompress(state)
        value = self.transcoder.decode(state).get(_STATE_KEY)
        return value if isinstance(value, str) else None
