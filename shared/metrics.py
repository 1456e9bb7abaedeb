"""Prometheus metrics of one service (served at /metrics)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram


class ServiceMetrics:
    """Requests, events in and out, dead letters and the outbox backlog of one service."""

    def __init__(self, service: str) -> None:
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
