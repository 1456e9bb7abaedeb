"""Prometheus metrics of one service process (served at /metrics by the API and by `worker --ops`).

What operators alert on (docs/runbook.md, deploy/k8s/base/alerts.yaml): requests and their
latency, events taken in (by outcome) and relayed out, consumer lag, the outbox backlog, dead
letters, and how many deadlines are overdue (Art. 28, 29: a warning's handling deadline).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Protocol, runtime_checkable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

log = logging.getLogger(__name__)


@runtime_checkable
class ReportsOverdue(Protocol):
    """An application that can count its overdue items by kind (e.g. warnings past deadline).

    The worker samples it every few seconds into `lianfang_overdue{kind=...}`; an application
    without this method simply has no overdue series.
    """

    def overdue_counts(self) -> Mapping[str, int]: ...


class ServiceMetrics:
    """Every metric of one service, in the process's own registry."""

    def __init__(self, service: str) -> None:
        self.service = service
        self.registry = CollectorRegistry()
        labels = {"service": service}
        self.requests = Counter(
            "lianfang_http_requests",
            "HTTP requests served",
            ["method", "route", "status"],
            registry=self.registry,
        ).labels
        self.latency = Histogram(
            "lianfang_http_request_seconds",
            "HTTP request latency",
            ["route"],
            registry=self.registry,
        ).labels
        self.events_in = Counter(
            "lianfang_events_in",
            "Kafka records taken in, by outcome",
            ["service", "outcome"],
            registry=self.registry,
        ).labels
        self.events_out = Counter(
            "lianfang_events_out",
            "Public events relayed to Kafka",
            ["service"],
            registry=self.registry,
        ).labels(**labels)
        self.dead_letters = Counter(
            "lianfang_dead_letters",
            "Records sent to dead letters",
            ["service"],
            registry=self.registry,
        ).labels(**labels)
        self.outbox_backlog = Gauge(
            "lianfang_outbox_backlog",
            "Stored events not yet relayed to Kafka",
            ["service"],
            registry=self.registry,
        ).labels(**labels)
        self._lag = Gauge(
            "lianfang_consumer_lag",
            "Records of a partition after the one last taken in (at the time it was taken)",
            ["service", "topic", "partition"],
            registry=self.registry,
        )
        self._overdue = Gauge(
            "lianfang_overdue",
            "Items past their deadline, by kind (set by the service's application)",
            ["service", "kind"],
            registry=self.registry,
        )

    def consumer_lag(self, topic: str, partition: int, offset: int, end_offset: int) -> None:
        """Record the lag seen when the record at `offset` was taken in (`end_offset` = next)."""
        lag = max(end_offset - offset - 1, 0)
        self._lag.labels(self.service, topic, str(partition)).set(lag)

    def overdue(self, counts: Mapping[str, int]) -> None:
        """Set the overdue gauges from an application's counts."""
        for kind, count in counts.items():
            self._overdue.labels(self.service, kind).set(count)


class HasBacklog(Protocol):
    def backlog(self) -> int: ...


def sample_gauges(metrics: ServiceMetrics, app: object, relay: HasBacklog) -> None:
    """Set the gauges read off the store: outbox backlog; overdue counts if the app has them."""
    try:
        metrics.outbox_backlog.set(relay.backlog())
        if isinstance(app, ReportsOverdue):
            metrics.overdue(app.overdue_counts())
    except Exception:  # a store that does not answer is /readyz's to report, not the sampler's
        log.warning("could not sample the store's gauges", exc_info=True)
