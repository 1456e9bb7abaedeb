"""A throwaway local stack for the benchmarks: a Kafka broker and the nodes' services.

Everything lives in one temporary folder and listens on loopback ports chosen here, so a bench
never meets the `make run` stack or a test's. `Stack.start()` measures how long the services take
to answer `/healthz`; `Stack.rss_bytes()` adds up the resident memory of every process it started.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lianfang.kafka_acl import Provisioner, principal_of
from lianfang.kafka_local import DEV_HEAP_MB, LocalKafka
from lianfang.local_process import wait_healthy
from lianfang.run_local import PORTS, NodePlan, dev_env, open_demo_accounts, plan_nodes
from shared.kafka import KafkaAccess


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def rss_of(pid: int) -> int:
    """Resident memory of a process in bytes (0 once it is gone)."""
    return _kib(Path(f"/proc/{pid}/status"), "VmRSS:")


def pss_of(pid: int) -> int:
    """Proportional set size in bytes: resident memory with each page shared by n processes
    counted 1/n (the Python interpreter's and the libraries' pages are shared by every service;
    a sum of RSS counts them once per process)."""
    return _kib(Path(f"/proc/{pid}/smaps_rollup"), "Pss:")


def _kib(path: Path, key: str) -> int:
    try:
        text = path.read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith(key):
            return int(line.split()[1]) * 1024
    return 0


@dataclass
class Stack:
    """Kafka plus every service of the planned nodes, in `root`, on ports of their own."""

    root: Path
    towns: list[str] = field(default_factory=lambda: ["QX-TH"])
    env: dict[str, str] = field(default_factory=dict)
    kafka_heap_mb: int = DEV_HEAP_MB  # as `make run`'s broker
    kafka_jvm_args: tuple[str, ...] = ()
    broker: LocalKafka | None = None
    kafka: KafkaAccess | None = None  # the broker's admin (the bench's own clients use it)
    nodes: list[NodePlan] = field(default_factory=list)
    procs: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def start_kafka(self) -> float:
        """Start the broker; the seconds it took to answer."""
        started = time.perf_counter()
        self.broker = LocalKafka(
            self.root / "kafka",
            port=free_port(),
            heap_mb=self.kafka_heap_mb,
            jvm_args=self.kafka_jvm_args,
        )
        self.broker.start(timeout=120)
        self.kafka = self.broker.admin_access()
        return time.perf_counter() - started

    def start_services(self, timeout: float = 300) -> float:
        """Start every service of every node; the seconds until all answer /healthz."""
        planned = plan_nodes(self.root, self.towns)
        self.nodes = [
            NodePlan(n.node_id, n.root_unit, {s: free_port() for s in PORTS}, n.data_dir)
            for n in planned
        ]
        # Each service as its own principal, as in `make run` (issue #17).
        assert self.broker is not None, "start_kafka first"
        provisioner = Provisioner(self.admin, self.broker.secrets_dir)
        provisioner.provision("bench", [n.node_id for n in self.nodes])
        # The demo district's people, so that judges and leaders hold their grants (issue #14).
        open_demo_accounts(self.nodes[0], dev_env(self.root))
        base = {
            **os.environ,
            "LIANFANG_TOPIC_PREFIX": "bench",
            **dev_env(self.root),
            **self.env,
        }
        logs = self.root / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        for node in self.nodes:
            for name in PORTS:
                label = f"{node.node_id}-{name}"
                with (logs / f"{label}.log").open("ab") as log:
                    self.procs[label] = subprocess.Popen(
                        [sys.executable, "-m", "lianfang", "serve", name],
                        env={
                            **node.env(base, name),
                            **provisioner.access_of(principal_of(node.node_id, name)).env(),
                        },
                        stdout=log,
                        stderr=subprocess.STDOUT,
                    )
        deadline = time.monotonic() + timeout
        for node in self.nodes:
            for name, port in node.ports.items():
                self._wait_healthy(f"{node.node_id}-{name}", port, deadline)
        return time.perf_counter() - started

    @property
    def admin(self) -> KafkaAccess:
        """The broker's super user, for the bench's own producers and consumers."""
        assert self.kafka is not None, "start_kafka first"
        return self.kafka

    def url(self, service: str, node_id: str = "district") -> str:
        """Where a node's service answers."""
        node = next(n for n in self.nodes if n.node_id == node_id)
        return f"http://127.0.0.1:{node.ports[service]}"

    def data_dir(self, node_id: str = "district") -> Path:
        """Where a node's SQLite stores are."""
        return next(n for n in self.nodes if n.node_id == node_id).data_dir

    def pid(self, service: str, node_id: str = "district") -> int:
        """The process id of a node's service."""
        return self.procs[f"{node_id}-{service}"].pid

    def rss_bytes(self) -> int:
        """Resident memory of the broker and every service process together."""
        return sum(self.rss_by_process().values())

    def pss_bytes(self) -> int:
        """Proportional memory of the broker and every service process together."""
        return sum(self.rss_by_process(pss_of).values())

    def rss_by_process(self, measure: Callable[[int], int] = rss_of) -> dict[str, int]:
        """Memory of each process it started (resident by default): the broker, then each
        node's services."""
        found: dict[str, int] = {}
        if self.broker is not None and self.broker.pid is not None:
            found["kafka"] = measure(self.broker.pid)
        found |= {label: measure(proc.pid) for label, proc in self.procs.items()}
        return found

    def stop(self) -> None:
        """SIGTERM every service, then stop the broker."""
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in self.procs.values():
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
        if self.broker is not None:
            self.broker.stop()

    def _wait_healthy(self, label: str, port: int, deadline: float) -> None:
        proc = self.procs[label]

        def check_alive() -> None:
            if proc.poll() is not None:
                log = (self.root / "logs" / f"{label}.log").read_text(errors="replace")
                raise RuntimeError(f"{label} exited with {proc.returncode}:\n{log[-3000:]}")

        if wait_healthy(port, check_alive, deadline - time.monotonic()):
            return
        raise RuntimeError(f"{label} did not answer /healthz on port {port} in time")
