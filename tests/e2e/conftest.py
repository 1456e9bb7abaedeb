"""A node of real processes on the suite's real Kafka, isolated per test by topic prefix."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from uuid import uuid4

import pytest
from aiokafka import AIOKafkaProducer

from lianfang.kafka_acl import Provisioner, principal_of
from shared.auth import Role
from shared.envelope import KafkaRecord, to_record
from shared.kafka import KafkaAccess
from shared.topics import Topics
from tests.support.kafka import read_from_start
from tests.support.processes import (
    ServiceProcess,
    count_stored,
    free_port,
    node_env,
    stop_together,
    tracked_positions,
)
from tests.support.tokens import wall_clock_token

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from pathlib import Path

    from aiokafka.structs import ConsumerRecord

    from shared.events import CloudEvent


@dataclass
class Node:
    """One node's services as real processes, plus the tools a test needs to look at them."""

    provisioner: Provisioner
    root: Path
    prefix: str = field(default_factory=lambda: f"t{uuid4().hex[:10]}")
    node_id: str = "district"
    root_unit: str = "QX"
    processes: list[ServiceProcess] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Topics, and a principal per service of this node with its ACLs (issue #17): each
        # process talks to Kafka as `<node>-<service>`, never as the admin.
        self.provisioner.provision(self.prefix, [self.node_id])

    @property
    def topics(self) -> Topics:
        return Topics(self.prefix)

    @property
    def admin(self) -> KafkaAccess:
        """The broker's super user: what a test uses to look at or forge records."""
        return self.provisioner.admin

    @property
    def bootstrap(self) -> str:
        return self.admin.bootstrap

    def kafka_as(self, service: str) -> KafkaAccess:
        """The credentials of `service`'s principal on this node (`<node>-<service>`)."""
        return self.provisioner.access_of(principal_of(self.node_id, service))

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def env(self, service: str, **extra: str) -> dict[str, str]:
        return node_env(
            self.kafka_as(service),
            self.data_dir,
            self.prefix,
            LIANFANG_NODE_ID=self.node_id,
            LIANFANG_NODE_ROOT_UNIT=self.root_unit,
            **extra,
        )

    def worker(self, service: str, **extra: str) -> ServiceProcess:
        log = self.root / f"{service}-worker-{len(self.processes)}.log"
        proc = ServiceProcess(["worker", service], self.env(service, **extra), log).start()
        self.processes.append(proc)
        return proc

    def serve(self, service: str) -> tuple[ServiceProcess, int]:
        return self.serve_with(service)

    def serve_with(
        self, service: str, port: int | None = None, **extra: str
    ) -> tuple[ServiceProcess, int]:
        """`lianfang serve SERVICE` (API + worker) with extra environment, on `port` (a free
        one by default); waits for /healthz."""
        return self._http("serve", service, port, **extra)

    def api(self, service: str, **extra: str) -> tuple[ServiceProcess, int]:
        """`lianfang api SERVICE`: the API alone (no worker, so no ticks); waits for /healthz."""
        return self._http("api", service, None, **extra)

    def _http(
        self, command: str, service: str, port: int | None, **extra: str
    ) -> tuple[ServiceProcess, int]:
        port = port or free_port()
        env = self.env(service, **{f"LIANFANG_{service.upper()}_PORT": str(port)}, **extra)
        log = self.root / f"{service}-{command}-{len(self.processes)}.log"
        proc = ServiceProcess([command, service], env, log).start()
        self.processes.append(proc)
        proc.wait_http(port)
        return proc, port

    def stored(self, service: str, topic_suffix: str) -> int:
        return count_stored(self.data_dir / f"{service}.sqlite", topic_suffix)

    def tracked(self, service: str, topic: str) -> int:
        """How many records of `topic` the service has settled (its tracking positions)."""
        return tracked_positions(self.data_dir / f"{service}.sqlite", topic)

    def token(self, role: Role, unit: str, user: str = "u-test", amr: Iterable[str] = ()) -> str:
        return wall_clock_token(role, unit, user, amr)

    async def produce(
        self, topic: str, records: list[KafkaRecord], kafka: KafkaAccess | None = None
    ) -> None:
        """Produce records as `kafka` (default: the admin, which may write any topic)."""
        access = kafka or self.admin
        producer = AIOKafkaProducer(**access.aiokafka(), enable_idempotence=True)
        await producer.start()
        try:
            for r in records:
                await producer.send(topic, value=r.value, key=r.key, headers=list(r.headers))
            await producer.flush()
        finally:
            await producer.stop()

    async def produce_events(self, service: str, events: list[CloudEvent]) -> None:
        await self.produce(self.topics.events(service), [to_record(e) for e in events])

    async def read_all(
        self, topic: str, expect: int, timeout: float = 30.0
    ) -> list[ConsumerRecord]:
        """Read a topic from the start as a downstream system would, until `expect` records."""
        return await read_from_start(self.admin, topic, expect, timeout)

    def stop_all(self) -> None:
        stop_together(self.processes)


@pytest.fixture
def node(kafka_provisioner: Provisioner, tmp_path: Path) -> Iterator[Node]:
    n = Node(kafka_provisioner, tmp_path)
    yield n
    n.stop_all()


@pytest.fixture
def town(node: Node, tmp_path: Path) -> Iterator[Node]:
    """太和镇's node, sharing the district's Kafka and topics."""
    (tmp_path / "taihe").mkdir()
    t = Node(node.provisioner, tmp_path / "taihe", node.prefix, "town-taihe", "QX-TH")
    yield t
    t.stop_all()


def filing(ref: str, unit: str, summary: str, **fields: object) -> dict[str, object]:
    """A filing's JSON body (Art. 22): an officer's report learned two hours ago, unless
    `fields` say otherwise (channel, learned_at, subject_post, the petitioner, …)."""
    learned = datetime.now(UTC) - timedelta(hours=2)
    return {
        "channel": "officer_report",
        "source_reference": ref,
        "unit_code": unit,
        "summary": summary,
        "learned_at": learned.isoformat(),
    } | fields
