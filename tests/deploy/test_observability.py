"""Trace context, JSON log lines and the sampled gauges, each on its own (no Kafka needed)."""

from __future__ import annotations

import json
import logging
from typing import Any

from eventsourcing.application import Application
from eventsourcing.domain import Aggregate, event
from prometheus_client import generate_latest

from shared import tracing
from shared.logs import json_formatter
from shared.metrics import ServiceMetrics, sample_gauges


class Case(Aggregate):
    @event("Opened")
    def __init__(self, unit_code: str) -> None:
        self.unit_code = unit_code


class Cases(Application[Any]):
    pass


def test_traceparent_round_trips_and_invalid_values_are_ignored() -> None:
    trace = tracing.new_trace()
    assert tracing.parse(trace.header) == trace
    assert tracing.parse(trace.header.encode()) == trace
    child = trace.child()
    assert child.trace_id == trace.trace_id
    assert child.span_id != trace.span_id
    assert tracing.parse("00-" + "0" * 32 + "-" + "1" * 16 + "-01") is None  # all-zero trace id
    assert tracing.parse("garbage") is None
    assert tracing.parse(None) is None
    assert tracing.from_headers([("ce_id", b"x"), ("traceparent", trace.header.encode())]) == trace
    assert tracing.from_headers([("ce_id", b"x")]) is None


def test_stored_events_keep_their_trace_and_aggregates_never_see_it() -> None:
    app = Cases(
        env={"PERSISTENCE_MODULE": "eventsourcing.popo", "MAPPER_TOPIC": tracing.MAPPER_TOPIC}
    )
    trace = tracing.new_trace()
    with tracing.use(trace):
        traced = Case("QX-TH")
        app.save(traced)
    untraced = Case("QX-TC")
    app.save(untraced)
    first, second = app.recorder.select_notifications(start=1, limit=10)
    mapper = app.mapper
    assert isinstance(mapper, tracing.TracingMapper)
    assert mapper.trace_of(first) == trace.header
    assert mapper.trace_of(second) is None
    assert app.repository.get(traced.id).unit_code == "QX-TH"  # replays as before
    assert "_traceparent" not in vars(mapper.to_domain_event(first))


def test_log_lines_are_json_with_the_current_trace() -> None:
    formatter = json_formatter()
    record = logging.LogRecord(
        "shared.worker", logging.INFO, __file__, 1, "took %s", ("t-0@1",), None
    )
    trace = tracing.new_trace()
    with tracing.use(trace):
        line = json.loads(formatter.format(record))
    assert line["event"] == "took t-0@1"
    assert line["level"] == "info"
    assert line["logger"] == "shared.worker"
    assert line["trace_id"] == trace.trace_id
    assert "trace_id" not in json.loads(formatter.format(record))  # outside any trace


class Backlog:
    def backlog(self) -> int:
        return 7


class WarningsApp:
    """Stands in for an application that implements the overdue hook."""

    def overdue_counts(self) -> dict[str, int]:
        return {"warnings": 3, "forwards": 0}


def test_the_sampler_sets_the_backlog_and_the_overdue_counts() -> None:
    metrics = ServiceMetrics("warning")
    sample_gauges(metrics, WarningsApp(), Backlog())
    text = generate_latest(metrics.registry).decode()
    assert 'lianfang_outbox_backlog{service="warning"} 7.0' in text
    assert 'lianfang_overdue{kind="warnings",service="warning"} 3.0' in text
    assert 'lianfang_overdue{kind="forwards",service="warning"} 0.0' in text
    plain = ServiceMetrics("intake")
    sample_gauges(plain, object(), Backlog())  # no hook: no overdue series
    assert "lianfang_overdue{" not in generate_latest(plain.registry).decode()


def test_consumer_lag_counts_the_records_after_the_one_taken() -> None:
    metrics = ServiceMetrics("register")
    metrics.consumer_lag("lianfang.intake.events", 2, offset=10, end_offset=15)
    text = generate_latest(metrics.registry).decode()
    assert (
        'lianfang_consumer_lag{partition="2",service="register",topic="lianfang.intake.events"} 4.0'
        in text
    )
