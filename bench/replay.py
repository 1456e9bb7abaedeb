"""Replay speed on 100k stored events, next to the raw read speed of the same SQLite store.

    make bench            # (bench/e2e.py runs it last) or: python -m bench.replay [--events N]

Writes N events (default 100 000) into a chained SQLite store (shared/store.py's recorder, as the
services use), then, in the same run and on the same file, measures:
  raw rows   every row read with sqlite3 itself, nothing built from it (the floor);
  log read   the notification log read through the recorder, nothing decoded;
  replay     the same rows decoded into domain events and applied, rebuilding every aggregate;
  verify     the hash chain recomputed over every event (shared/audit/verify.py).
It prints events/s for each and their ratios to the raw reads (Art. 23, 29, 31: auditors
replay and verify the history).
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event
from eventsourcing.system import ProcessApplication

from shared.audit.chain import chained, iter_notifications
from shared.audit.replay import replay_as_of
from shared.audit.verify import verify
from shared.store import with_chain

EVENTS_PER_CASE = 20
BATCH = 2000


class Case(Aggregate):
    """A stand-in case: opened, then a run of steps, each with some text and a number."""

    @event("Opened")
    def __init__(self, unit_code: str, title: str) -> None:
        self.unit_code = unit_code
        self.title = title
        self.steps: list[str] = []
        self.total = 0

    @event("Stepped")
    def step(self, note: str, amount: int) -> None:
        self.steps.append(note)
        self.total += amount


def write(app: ProcessApplication[UUID], events: int) -> float:
    """Store `events` events, a case (EVENTS_PER_CASE events) per transaction; seconds taken."""
    started = time.perf_counter()
    for n in range(events // EVENTS_PER_CASE):
        case = Case(f"QX-{n % 50:02d}", f"第{n}号案件 线索核查")
        for i in range(EVENTS_PER_CASE - 1):
            case.step(f"步骤 {i}: 约谈、调取资料、形成报告", i * 7)
        app.save(case)
    return time.perf_counter() - started


def raw_rows(db: Path) -> int:
    """The floor: every row's bytes off the file with sqlite3 itself, nothing built from them."""
    with sqlite3.connect(db) as con:
        cursor = con.execute("SELECT rowid, * FROM stored_events ORDER BY rowid")
        count = 0
        while rows := cursor.fetchmany(BATCH):
            count += len(rows)
    return count


def log_read(app: ProcessApplication[UUID]) -> int:
    """The notification log read through the recorder (rows made into Notification objects)."""
    count = 0
    for _ in iter_notifications(chained(app.recorder), BATCH):
        count += 1
    return count


def replay(app: ProcessApplication[UUID]) -> dict[UUID, Any]:
    """Every aggregate rebuilt from the log alone: `lianfang audit replay`'s path, as of now."""
    return replay_as_of("bench", app, datetime.now(UTC)).aggregates


def timed(label: str, run: Any, events: int) -> tuple[float, Any]:
    """Run once; print and return events/s, with what the run returned."""
    started = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - started
    rate = events / seconds
    print(f"{label:<10} {events:>8} events in {seconds:6.2f} s = {rate:>10,.0f} events/s")
    return rate, result


@dataclass(frozen=True)
class Rates:
    """Events/s of each way of reading one store of `events` events."""

    events: int
    raw: float
    log: float
    replay: float
    verify: float


def measure(events: int, db: Path | None = None) -> Rates:
    """Write `events` events, then read them back every way, printing each as it goes."""
    with tempfile.TemporaryDirectory() as folder:
        db = db or Path(folder) / "bench.sqlite"
        env = {"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": str(db)}
        app: ProcessApplication[UUID] = ProcessApplication(with_chain(env))
        try:
            seconds = write(app, events)
            stored = app.recorder.max_notification_id() or 0
            print(f"wrote {stored} events in {seconds:.1f} s ({stored / seconds:,.0f} events/s)")
            raw, _ = timed("raw rows", lambda: raw_rows(db), stored)
            log, _ = timed("log read", lambda: log_read(app), stored)
            rebuild, rebuilt = timed("replay", lambda: replay(app), stored)
            assert len(rebuilt) == stored // EVENTS_PER_CASE
            assert all(c.version == EVENTS_PER_CASE for c in rebuilt.values())
            check, verdict = timed("verify", lambda: verify("bench", chained(app.recorder)), stored)
            assert verdict.ok, verdict.broken
            assert verdict.events == stored
        finally:
            app.close()
    return Rates(stored, raw, log, rebuild, check)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None, help="SQLite file (default: a temp one)")
    args = parser.parse_args(argv)
    rates = measure(args.events, args.db)
    print(f"log read / raw rows = {rates.log / rates.raw:.2f}")
    for label, rate in (("replay", rates.replay), ("verify", rates.verify)):
        ratios = f"{rate / rates.raw:.2f}   {label} / log read = {rate / rates.log:.2f}"
        print(f"{label} / raw rows = {ratios}")


if __name__ == "__main__":
    main()
