"""From a filing's commit to the relay sending its record, polled or woken (issue #18).

    python -m bench.relay [--count N] [--poll SECONDS]

Two applications on one SQLite intake store, as the API and the worker are two processes on
one store: the "API" files officer reports one at a time, at uneven moments; the worker's relay
(shared/outbox.py) publishes them into a list instead of Kafka. Measured: the seconds from the
filing's call (its save's commit and fsync included) to the relay handing the record over,
first with the relay only polling every `--poll` seconds (the setting's default, 0.2), then
woken by the store's commits (shared/relay_wake.py) with the same poll behind it. The broker's
own latency is left out: bench/e2e.py measures filing -> RiskReported on Kafka over the whole
stack. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from services.intake import contract
from services.intake.app import InformationDraft, IntakeApplication
from shared.audit.recorders import ChainedSQLiteProcessRecorder
from shared.auth import Principal, Role
from shared.clock import SystemClock
from shared.events.publish import Origin
from shared.orgtree import OrgDirectory
from shared.outbox import OutboxRelay
from shared.relay_wake import WakeListener
from shared.runtime import DEFAULT_ORG_SEED
from shared.store import with_chain

if TYPE_CHECKING:
    from collections.abc import Awaitable

    from shared.envelope import KafkaRecord

ORIGIN = Origin("/lianfang/district/intake", "district")
OFFICE = Principal("bench-office", frozenset({Role.OFFICE}), "QX")


def application(store: Path) -> IntakeApplication:
    env = with_chain({"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": str(store)})
    return IntakeApplication(env, clock=SystemClock(), org=OrgDirectory.from_json(DEFAULT_ORG_SEED))


async def delays(store: Path, count: int, poll: float, woken: bool) -> list[float]:
    """Seconds from each filing's save being called to its record leaving the relay."""
    worker, api = application(store), application(store)
    sent_at: dict[str, float] = {}
    delays: list[float] = []
    arrived = asyncio.Event()

    async def send(topic: str, record: KafkaRecord) -> Awaitable[object]:
        sent_at[record.key.decode() if record.key else ""] = time.perf_counter()
        arrived.set()
        done: asyncio.Future[object] = asyncio.get_running_loop().create_future()
        done.set_result(None)
        return done

    recorder = worker.recorder
    assert isinstance(recorder, ChainedSQLiteProcessRecorder)
    listener = WakeListener(recorder.wake_address) if woken else None
    relay = OutboxRelay(worker, lambda e: contract.translate(e, ORIGIN), send, "bench")
    await relay.relay_once()  # whatever an earlier round left
    stopping = asyncio.Event()
    relaying = asyncio.create_task(relay.run(stopping, poll, wake=listener))
    try:
        for n in range(count):
            await asyncio.sleep(random.uniform(0.02, 0.3))  # uneven moments
            learned = api.clock.now() - timedelta(hours=1)
            draft = InformationDraft("inspection", f"R-{woken}-{n}", "QX-LJ", "压测线索", learned)
            began = time.perf_counter()
            filing = await asyncio.to_thread(api.file_information, draft, OFFICE)
            key = str(filing.information_id)
            async with asyncio.timeout(30):
                while key not in sent_at:  # it may have left before the save returned here
                    arrived.clear()
                    await arrived.wait()
            delays.append(sent_at[key] - began)
    finally:
        stopping.set()
        await relaying
        worker.close()
        api.close()
    return delays


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--poll", type=float, default=0.2)
    args = parser.parse_args()
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="lianfang-relay-") as folder:
        store = Path(folder) / "intake.sqlite"
        for woken in (False, True):
            found = sorted(asyncio.run(delays(store, args.count, args.poll, woken)))
            label = "woken" if woken else "polled"
            figures[f"{label}_p50_ms"] = round(statistics.median(found) * 1000, 1)
            figures[f"{label}_p99_ms"] = round(found[round(0.99 * (len(found) - 1))] * 1000, 1)
    print(json.dumps(figures), flush=True)


if __name__ == "__main__":
    main()
