"""The overdue scan with many open actions: how long one deadline tick takes (issue #18, Art. 28).

    python -m bench.scan [--actions 100000] [--due 100]

A warning store on SQLite is filled with open yellow warnings (four actions each, Art. 28) until
it holds `--actions` outstanding actions, `--due` of them already past their deadline. Then a
fresh application opens the store, as a restarted worker would, and runs the deadline tick
(services/warning/deadlines/watch.py): the first tick catches the read model up from the whole
log and records the overdue actions; the next ones find nothing new. Goal: ≤ 1 s per tick.
Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import uuid4

from bench.hop import UNIT, open_app
from services.warning.app import WarningApplication
from services.warning.deadlines.rules import plan_actions
from services.warning.deadlines.watch import check_deadlines
from services.warning.disposal.model import IssuedWarning, action_records, warning_id_for
from shared.vocabulary import WarningLevel

if TYPE_CHECKING:
    from datetime import datetime

BATCH = 500  # warnings saved per transaction while filling the store


def warning(app: WarningApplication, n: int, issued_at: datetime) -> IssuedWarning:
    """An open yellow warning to the bench unit, its actions planned from `issued_at`."""
    proposal_id = uuid4()
    planned = plan_actions(app.rules, WarningLevel.YELLOW, (), {}, issued_at)
    return IssuedWarning(
        proposal_id=proposal_id, notice_number=f"压测预〔2026〕{n}号", level="yellow",
        subject_unit=UNIT, subject_person_id=None, disposing_unit="QX", reported_to=[],
        risk_point_id=None, judgement_id=None, information_id=None, meeting_id=uuid4(),
        minutes_ref="压测", reasons="压测：逾期扫描", grade="low", graded_event_id=None,
        actions=action_records(warning_id_for(proposal_id), planned),
        issued_by={"user_id": "bench", "role": "office", "unit_code": "QX"},
        issued_at=issued_at,
    )  # fmt: skip


def fill(folder: Path, actions: int, due: int) -> tuple[int, int, float]:
    """Open warnings with `actions` actions, about `due` of them past due: (warnings, actions,
    seconds it took)."""
    app = open_app("warning", folder)
    assert isinstance(app, WarningApplication)
    now = app.clock.now()
    per_warning = len(plan_actions(app.rules, WarningLevel.YELLOW, (), {}, now))
    count = -(-actions // per_warning)
    late = -(-due // per_warning)  # issued long enough ago that every action is past due
    started = time.perf_counter()
    try:
        for first in range(0, count, BATCH):
            batch = [
                warning(app, n, now - timedelta(days=400) if n < late else now)
                for n in range(first, min(first + BATCH, count))
            ]
            app.save(*batch)
    finally:
        app.close()
    return count, count * per_warning, time.perf_counter() - started


@dataclass(frozen=True)
class Scan:
    """What the deadline ticks took over a store of open actions."""

    warnings: int
    open_actions: int
    fill_seconds: float
    first_tick_seconds: float  # a restarted worker's first tick: the read model caught up too
    recorded_by_first_tick: int
    tick_seconds: float  # the slowest of the ticks after it
    tick_cpu_seconds: float  # its CPU time: what other processes' load leaves out


def scan(actions: int, due: int, ticks: int = 3) -> Scan:
    """The seconds of the first tick on a reopened store and of the `ticks` after it."""
    with tempfile.TemporaryDirectory(prefix="lianfang-scan-") as folder:
        warnings, open_actions, fill_s = fill(Path(folder), actions, due)
        app = open_app("warning", Path(folder))
        assert isinstance(app, WarningApplication)
        try:
            started = time.perf_counter()
            recorded = check_deadlines(app)
            first = time.perf_counter() - started
            steady, steady_cpu = [], []
            for _ in range(ticks):
                started, cpu_started = time.perf_counter(), time.process_time()
                again = check_deadlines(app)
                steady.append(time.perf_counter() - started)
                steady_cpu.append(time.process_time() - cpu_started)
                if again:
                    raise RuntimeError(f"a later tick recorded {again} facts again")
        finally:
            app.close()
    return Scan(warnings, open_actions, round(fill_s, 1), round(first, 3), recorded,
                round(max(steady), 3), round(max(steady_cpu), 3))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=100_000)
    parser.add_argument("--due", type=int, default=100)
    args = parser.parse_args()
    print(json.dumps(asdict(scan(args.actions, args.due))), flush=True)


if __name__ == "__main__":
    main()
