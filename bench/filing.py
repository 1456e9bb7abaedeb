"""HTTP filing in one process, without the network: the intake's own cost per filing (issue #18).

    python -m bench.filing [--count N]

The district intake's real FastAPI app (routes, the HTTP gate, token checks, validation, the
handler, the SQLite store with its hash chain) driven by Starlette's test client, one filing at a
time, so a profiler (py-spy) sees where a filing's time goes and a change can be compared A/B
without the broker or uvicorn. bench/e2e.py measures the same over real HTTP on a real stack.
Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from bench.e2e import filing
from lianfang.run_local import dev_env
from services.registry import load
from shared.auth import Role
from shared.clock import SystemClock
from shared.http import create_api
from shared.keys import dev_issuer
from shared.runtime import Runtime
from shared.settings import CommonSettings


def file(count: int, folder: Path) -> dict[str, object]:
    """Filings/s and the median of `count` filings POSTed one at a time."""
    os.environ.update(dev_env(folder))  # the development key signs and verifies, as in make run
    common = CommonSettings(store="sqlite", data_dir=folder, topic_prefix="bench")
    spec, settings_class = load("intake")
    runtime = Runtime(spec, settings_class(common=common))
    issuer = dev_issuer(common, SystemClock()).for_audience(common.node_id)
    token = issuer.mint("bench-office", [Role.OFFICE], "QX", name="压测")
    samples = []
    try:
        with TestClient(create_api(runtime)) as client:
            client.headers["Authorization"] = f"Bearer {token}"
            for n in range(count):
                began = time.perf_counter()
                response = client.post("/information", json=filing(f"INPROC-{n}"))
                samples.append(time.perf_counter() - began)
                if response.status_code not in (200, 201):
                    raise RuntimeError(f"filing refused: {response.status_code} {response.text}")
    finally:
        runtime.close()
    return {
        "filings": count,
        "per_second": round(count / sum(samples), 1),
        "p50_ms": round(statistics.median(samples) * 1000, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lianfang-filing-") as folder:
        print(json.dumps(file(args.count, Path(folder))), flush=True)


if __name__ == "__main__":
    main()
