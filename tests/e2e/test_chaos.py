"""`make chaos`, small (issue #18 item 3): 300 filings while each service's worker is killed with
SIGKILL once, the broker restarts, the register's group is rewound, 5% of the records are
produced twice and some garbage is put on the intake topic. Every filing must be in intake,
register and assessment exactly once, every judgement's warning proposal once, no dead letter
but the garbage, every group's lag 0 soon after (bench/chaos.py; the full run is `make chaos`).

It runs as its own process on its own broker (the broker is restarted: not the suite's), so a
hang is bounded by the run's own limit and cannot take pytest down with it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from tests.support.processes import REPO

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = [pytest.mark.chaos, pytest.mark.timeout(1200)]

SMALL = {
    "LIANFANG_CHAOS_FILINGS": "300",
    "LIANFANG_CHAOS_KILLS": "1",
    "LIANFANG_CHAOS_JUDGEMENTS": "5",
    "LIANFANG_CHAOS_REWIND": "100",
    "LIANFANG_CHAOS_GARBAGE": "3",
    "LIANFANG_CHAOS_LIMIT": "1100",
    # The suite shares its machine (and here its 2 cores) with everything else: this test holds
    # the run to exactly-once; the 60 s recovery is the full run's figure (docs/performance.md).
    "LIANFANG_CHAOS_RECOVERY": "180",
}


def test_a_small_chaos_run_loses_and_doubles_nothing(tmp_path: Path) -> None:
    figures = tmp_path / "chaos.json"
    # Not the suite's LIANFANG_* settings (its token keys): the run's stack is its own dev node.
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIANFANG_")} | SMALL
    env["LIANFANG_CHAOS_SEED"] = os.environ.get("LIANFANG_CHAOS_SEED", "18")
    done = subprocess.run(
        [sys.executable, "-m", "bench.chaos", "--json", str(figures)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=1150,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    document = json.loads(figures.read_text(encoding="utf-8"))
    verdict, faults = document["verdict"], document["faults"]
    assert verdict["passed"] is True
    assert all(verdict["checks"].values()), verdict["checks"]
    assert verdict["filings"] == 300
    assert verdict["judgements"] == 5
    assert not any(verdict["lost"].values())
    assert not any(verdict["doubled"].values())
    # The faults really happened: every worker killed, the broker restarted, records doubled.
    assert set(faults["kills"]) == {"intake", "register", "warning", "assessment", "console"}
    assert faults["broker_restarts"] == 1
    assert faults["duplicated"] > 0
    assert faults["rewound"] > 0
    assert verdict["recovery_seconds"] <= 180
