"""Kafka topic names: one events topic and one dead-letter topic per service (architecture: Kafka).

Each service publishes all its events to its own topic, `<prefix>.<service>.events`, keyed by the
event's subject so that one case's events stay in order; what a consumer cannot take goes to its
own service's `<prefix>.<service>.deadletter` with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal, TypeAlias, get_args

from shared.events import EVENT_TYPES, parse_event_type

Service: TypeAlias = Literal["intake", "register", "warning", "assessment", "console"]
SERVICES: Final[tuple[Service, ...]] = get_args(Service)
"""Every producer of a topic: the four domain services and the console (accounts and tokens)."""

DomainService: TypeAlias = Literal["intake", "register", "warning", "assessment"]
DOMAIN_SERVICES: Final[tuple[DomainService, ...]] = get_args(DomainService)
"""The four services of the regulation's work (intake, register, warning, assessment)."""

PRODUCER_OF: Final[dict[str, str]] = {t: parse_event_type(t).service for t in EVENT_TYPES}
"""The service that produces each event type (ce_type -> service), read off the type string."""


@dataclass(frozen=True)
class Topics:
    """Topic names under one prefix, the `topic_prefix` setting (architecture; no article)."""

    prefix: str = "lianfang"

    def events(self, service: str) -> str:
        """The topic `service` publishes its events to."""
        return f"{self.prefix}.{_known(service)}.events"

    def dead_letter(self, service: str) -> str:
        """Where `service`'s consumers put the records they could not take, with the reason."""
        return f"{self.prefix}.{_known(service)}.deadletter"

    def audit(self) -> str:
        """Where every service's chain checkpoints go (shared/audit; Art. 23, 29, 31)."""
        return f"{self.prefix}.audit.checkpoints"

    def of_event(self, event_type: str) -> str:
        """The topic an event of `event_type` is published on."""
        try:
            producer = PRODUCER_OF[event_type]
            return self.audit() if producer == "audit" else self.events(producer)
        except KeyError:
            raise ValueError(f"unknown event type {event_type!r}") from None


def _known(service: str) -> str:
    if service not in SERVICES:
        raise ValueError(f"unknown service {service!r}; expected one of {', '.join(SERVICES)}")
    return service
