"""The composition root of one service process: settings in, application and adapters out."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from eventsourcing.persistence import IntegrityError

from shared.clock import Clock, clock_for
from shared.events.publish import Origin, Translate
from shared.jurisdiction import Node
from shared.keys import verifier_for
from shared.metrics import ServiceMetrics
from shared.orgtree import OrgDirectory
from shared.store import eventsourcing_env
from shared.topics import Topics
from shared.tracing import MAPPER_TOPIC

_Row = TypeVar("_Row")

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from datetime import datetime, timedelta
    from uuid import UUID

    from eventsourcing.domain import DomainEventProtocol
    from fastapi import APIRouter, FastAPI

    from shared.application import ServiceApplication
    from shared.auth import KeySource
    from shared.events import CloudEvent
    from shared.settings import ServiceSettings

DEFAULT_ORG_SEED = Path(__file__).parent / "data" / "qingxin_org.json"


@dataclass(frozen=True)
class Tick:
    """Work the worker does on a timer (a faust timer): e.g. find deadlines that have passed.

    `run` gets the application and returns how many things it changed. It must be safe to run
    in two workers at once: derive ids from what is being recorded, so a race ends in one
    winner (the loser's save raises IntegrityError, which the worker treats as "done by another").
    """

    name: str
    every_seconds: float
    run: Callable[[ServiceApplication], int]


def record_due(
    rows: Iterable[_Row],
    due: Callable[[_Row], datetime],
    warn_before: timedelta,
    now: datetime,
    check: Callable[[_Row], int],
) -> int:
    """A deadline watch's pass over `rows` sorted by deadline: `check` each one whose reminder
    is due by `now`; how many facts it recorded. A fact another worker recorded first
    (IntegrityError, see Tick) counts as done."""
    recorded = 0
    for row in rows:
        if due(row) - warn_before > now:
            break  # sorted by deadline: nothing later is due either
        try:
            recorded += check(row)
        except IntegrityError:
            continue  # another worker recorded the same fact first: done
    return recorded


@dataclass(frozen=True)
class ServiceSpec:
    """What makes a service itself: its application, contract mapping, inputs and routes."""

    name: str
    title: str
    # (store env, clock, org tree, the service's own settings) -> its application
    application: Callable[
        [dict[str, str], Clock, OrgDirectory, ServiceSettings], ServiceApplication
    ]
    translate: Callable[[DomainEventProtocol[UUID], Origin], CloudEvent | None]
    routers: Callable[[], list[APIRouter]]
    consumes: tuple[str, ...] = field(default_factory=tuple)
    ticks: tuple[Tick, ...] = field(default_factory=tuple)
    # (its HTTP app, the runtime) -> None: what a service adds to its app beyond routes, after
    # every route (the console's middleware and its web console's catch-all).
    extend_api: Callable[[FastAPI, Runtime], None] | None = None
    # A body-carrying request without a bearer token is refused before its body is read
    # (shared/http_gate.py); a service signing people in (no token yet) turns this off.
    bearer_before_body: bool = True


class Runtime:
    """Everything one service process holds: settings, clock, application, org tree, and the
    verifier of tokens (public keys only: no service can mint, issue #14)."""

    def __init__(
        self,
        spec: ServiceSpec,
        settings: ServiceSettings,
        clock: Clock | None = None,
        *,
        keys: KeySource | None = None,
    ) -> None:
        self.spec = spec
        self.settings = settings
        self.common = settings.common
        # The wall clock; in dev mode, shifted by LIANFANG_DEV_CLOCK_FILE (refused otherwise).
        self.clock: Clock = clock or clock_for(self.common.dev_mode, self.common.dev_clock_file)
        self.org = OrgDirectory.from_json(self.common.org_seed or DEFAULT_ORG_SEED)
        # Stored events keep the trace of the request that caused them (shared/tracing.py).
        env = {**eventsourcing_env(self.common, spec.name), "MAPPER_TOPIC": MAPPER_TOPIC}
        self.app = spec.application(env, self.clock, self.org, settings)
        self.node = Node(self.common.node_id, self.common.node_root_unit)
        self.app.bind_node(self.node, self.origin.source)  # this node's cases only (Art. 7, 27)
        # The issuer's public keys as configured (or `keys`): KeyConfigurationError if none.
        # Suspended accounts and revoked keys: what the worker took in from the console topic.
        self.verifier = verifier_for(self.common, self.clock, keys, self.app.revocations)
        self.topics = Topics(self.common.topic_prefix)
        self.metrics = ServiceMetrics(spec.name)

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def origin(self) -> Origin:
        """The CloudEvents `source` and node of this service's events."""
        return Origin(f"/lianfang/{self.common.node_id}/{self.spec.name}", self.common.node_id)

    @property
    def translate(self) -> Translate:
        """Domain event -> public event (or None), for the outbox relay."""
        origin = self.origin
        return lambda domain_event: self.spec.translate(domain_event, origin)

    def close(self) -> None:
        self.app.close()
