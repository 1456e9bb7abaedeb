"""SIGTERM to a worker as containers run it (`lianfang worker <service> --ops`, under uvicorn)
loses and doubles nothing: the same guarantee the plain worker has (tests/e2e/test_backbone.py)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import httpx
import pytest

from tests.support.events import risk_reported
from tests.support.processes import ServiceProcess, free_port, wait_until

if TYPE_CHECKING:
    from tests.e2e.conftest import Node

pytestmark = pytest.mark.kafka

RECEIVED = "Receipt.Received"
CASES = "ReportedInformation.Received"


def ops_worker(node: Node, service: str) -> tuple[ServiceProcess, int]:
    port = free_port()
    env = node.env(service, **{f"LIANFANG_{service.upper()}_PORT": str(port)})
    log = node.root / f"{service}-ops-worker-{len(node.processes)}.log"
    proc = ServiceProcess(["worker", service, "--ops"], env, log).start()
    node.processes.append(proc)
    proc.wait_http(port)
    return proc, port


async def test_sigterm_mid_stream_drains_and_every_event_is_taken_once(node: Node) -> None:
    # Long enough to be stopped mid-way: batched, the register takes hundreds a second in
    # (issue #18), as tests/e2e/test_backbone.py found.
    total = 2000
    await node.produce_events("intake", [risk_reported() for _ in range(total)])
    worker, _ = ops_worker(node, "register")
    wait_until(lambda: node.stored("register", RECEIVED) >= 40, what="the worker to get going")
    assert worker.stop() == 0  # drained, committed, exited cleanly
    stopped_at = node.stored("register", RECEIVED)
    assert stopped_at < total, "the worker finished before it could be stopped mid-stream"

    _, port = ops_worker(node, "register")
    topic = node.topics.events("intake")
    wait_until(lambda: node.tracked("register", topic) == total, timeout=120, what="all events")
    assert node.stored("register", RECEIVED) == total  # nothing doubled
    assert node.stored("register", CASES) == total  # nothing lost

    # What it took shows on its /metrics: records by outcome, and the lag it last saw.
    async with httpx.AsyncClient(timeout=5) as http:
        metrics = (await http.get(f"http://127.0.0.1:{port}/metrics")).text
    assert 'lianfang_events_in_total{outcome="processed",service="register"}' in metrics
    lag = rf'lianfang_consumer_lag{{partition="\d",service="register",topic="{re.escape(topic)}"}}'
    assert re.search(lag, metrics), metrics
    assert 'lianfang_outbox_backlog{service="register"}' in metrics
