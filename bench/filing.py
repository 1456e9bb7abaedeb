"""HTTP filing in one process, without the network: the intake's own cost per filing (issue #18).

    python -m bench.filing [--count N] [--clients C]

The district intake's real FastAPI app (routes, the HTTP gate, token checks, validation, the
handler, the SQLite store with its hash chain) driven in process, so a profiler (py-spy) sees
where a filing's time goes and a change can be compared A/B without the broker or uvicorn.
One client: Starlette's test client, one filing at a time. Several clients: httpx's ASGI
transport, `C` concurrent clients on one event loop, the sync route in anyio's worker threads as
under uvicorn (so concurrent filings meet in the store, where group commit joins them).
bench/e2e.py measures the same over real HTTP on a real stack. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

import httpx
from fastapi.testclient import TestClient

from bench.e2e import file_many, filing
from lianfang.run_local import dev_env
from services.registry import load
from shared.auth import Role
from shared.clock import SystemClock
from shared.http import create_api
from shared.keys import dev_issuer
from shared.runtime import Runtime
from shared.settings import CommonSettings


def file(count: int, folder: Path, clients: int = 1) -> dict[str, object]:
    """Filings/s and the median of `count` filings POSTed by `clients` clients."""
    os.environ.update(dev_env(folder))  # the development key signs and verifies, as in make run
    common = CommonSettings(store="sqlite", data_dir=folder, topic_prefix="bench")
    spec, settings_class = load("intake")
    runtime = Runtime(spec, settings_class(common=common))
    issuer = dev_issuer(common, SystemClock()).for_audience(common.node_id)
    token = issuer.mint("bench-office", [Role.OFFICE], "QX", name="压测")
    if clients > 1:
        try:
            transport = httpx.ASGITransport(app=create_api(runtime))
            run = file_many("http://intake", token, count, clients, transport=transport)
            cpu = time.process_time()  # the clients' own work (httpx) in it too
            figures = asyncio.run(run)
            cpu = time.process_time() - cpu
        finally:
            runtime.close()
        return {
            "filings": count,
            "clients": clients,
            **_groups(runtime),
            "cpu_ms_per_filing": round(cpu / count * 1000, 2),
            "per_second": round(figures.per_second, 1),
            "p50_ms": round(figures.p50_ms, 2),
            "p99_ms": round(figures.p99_ms, 2),
        }
    samples = []
    try:
        with TestClient(create_api(runtime)) as client:
            client.headers["Authorization"] = f"Bearer {token}"
            cpu = time.process_time()
            for n in range(count):
                began = time.perf_counter()
                response = client.post("/information", json=filing(f"INPROC-{n}"))
                samples.append(time.perf_counter() - began)
                if response.status_code not in (200, 201):
                    raise RuntimeError(f"filing refused: {response.status_code} {response.text}")
    finally:
        runtime.close()
    cpu = time.process_time() - cpu
    return {
        "filings": count,
        "cpu_ms_per_filing": round(cpu / count * 1000, 2),
        "per_second": round(count / sum(samples), 1),
        "p50_ms": round(statistics.median(samples) * 1000, 2),
    }


def _groups(runtime: Runtime) -> dict[str, float]:
    """How many transactions the store's writes took (group commit, shared/group_commit.py)."""
    joined = getattr(runtime.app.recorder, "group_commit", None)
    if joined is None or not joined.groups:
        return {}
    return {"transactions": joined.groups, "writes_per_transaction": joined.writes / joined.groups}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--clients", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lianfang-filing-") as folder:
        print(json.dumps(file(args.count, Path(folder), args.clients)), flush=True)


if __name__ == "__main__":
    main()
