"""A consuming service's own cost of taking records in, without the broker (issue #18).

    python -m bench.hop [--service register|warning|assessment] [--count N] [--batch N]

Each record goes through what a worker does with it once faust has handed it over: the `Inbox`
with the provenance check, `process_event` with its tracking row and receipt, in one SQLite
transaction (or, batched as the worker batches them, one per batch), on a fresh store in a
temporary folder. Records/s is wall time, fsync waits
included; the CPU milliseconds per record leave those (and other processes' load) out. What the
broker adds is measured by bench/e2e.py (Kafka -> store); this isolates the service, so a
profiler (py-spy) sees only it and a change can be compared A/B in seconds. Prints one JSON line
per service.

The records are what the service meets on the district node (Art. 21-31): the register takes
officers' reports (RiskReported) about a district unit; the warning a grading and a judgement of
incipient tendency per case (RiskGraded, JudgementMade: each opens a proposal, Art. 28); the
assessment counts every report into one unit's year (UnitYearFigures, Art. 31), its worst case.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import uuid4

from services.registry import load
from shared.clock import SystemClock
from shared.envelope import to_record
from shared.events import (
    Actor,
    GradingFactors,
    JudgementMade,
    JudgementMadeData,
    RiskGraded,
    RiskGradedData,
    RiskReported,
    RiskReportedData,
)
from shared.events.publish import Origin
from shared.inbox import Delivery, Inbox, Outcome, Result
from shared.jurisdiction import Node
from shared.orgtree import OrgDirectory
from shared.provenance import Provenance
from shared.runtime import DEFAULT_ORG_SEED
from shared.settings import CommonSettings
from shared.store import eventsourcing_env
from shared.topics import Topics
from shared.tracing import MAPPER_TOPIC
from shared.vocabulary import Channel, Grade, GradeSource, RiskCategory

if TYPE_CHECKING:
    from collections.abc import Iterator

    from shared.application import ServiceApplication
    from shared.events import CloudEvent

UNIT = "QX-SJ"  # a district department: the district node manages it (Art. 7)
INTAKE = Origin("/lianfang/district/intake", "district")
REGISTER = Origin("/lianfang/district/register", "district")
PREFIX = "bench"


def reported(n: int) -> RiskReported:
    """An officer's report about the unit, as the district intake publishes it (Art. 22)."""
    at = datetime.now(UTC)
    officer = Actor(user_id="bench-officer", role="officer", unit_code=UNIT)
    information_id = uuid4()
    return RiskReported.create(
        source=INTAKE.source, subject=str(information_id), clock_now=at,
        data=RiskReportedData(
            **INTAKE.stamp(UNIT, officer, "Art. 22", at), information_id=information_id,
            subject_post="执法人员", subject_person_id=None, channel=Channel.OFFICER_REPORT,
            summary="压测：消费链路", happened_at=None, learned_at=at,
            source_reference=f"HOP-{n}", attachment_refs=[], reported_by=officer,
            has_protected_source=False,
        ),
    )  # fmt: skip


def judged(n: int, unit: str = UNIT) -> list[CloudEvent]:
    """A risk point of `unit` graded 低, then a judgement of incipient tendency about it
    (Art. 14, 25)."""
    at = datetime.now(UTC)
    judge = Actor(user_id="bench-judge", role="judge", unit_code="QX")
    point, information_id = uuid4(), uuid4()
    graded = RiskGraded.create(
        source=REGISTER.source, subject=str(point), clock_now=at,
        data=RiskGradedData(
            **REGISTER.stamp(unit, judge, "Art. 14", at), risk_point_id=point,
            category=RiskCategory.BUSINESS_PROCESS,
            factors=GradingFactors(importance=2, discretion=2, probability=2, harm=2),
            grade=Grade.LOW, previous_grade=None, source=GradeSource.IDENTIFICATION,
            reason="评定", information_id=None, judgement_id=None, recommended_level=None,
        ),
    )  # fmt: skip
    judgement = JudgementMade.create(
        source=REGISTER.source, subject=str(information_id), clock_now=at,
        data=JudgementMadeData(
            **REGISTER.stamp(unit, judge, "Art. 25", at), judgement_id=uuid4(),
            information_id=information_id, risk_point_id=point, verdict="incipient_tendency",
            recommended_level="yellow", reasoning=f"压测：苗头性问题 {n}",
        ),
    )  # fmt: skip
    return [graded, judgement]


def records(service: str, count: int) -> Iterator[tuple[str, CloudEvent]]:
    """(topic, event) pairs the service takes in: `count` records in all."""
    topics = Topics(PREFIX)
    if service == "warning":
        for n in range(count // 2):
            for e in judged(n):
                yield topics.events("register"), e
        return
    for n in range(count):
        yield topics.events("intake"), reported(n)


def open_app(service: str, folder: Path) -> ServiceApplication:
    """The district node's application of `service` on a SQLite store in `folder`, as its
    process opens it (shared/runtime.py)."""
    spec, settings_class = load(service)
    common = CommonSettings(store="sqlite", data_dir=folder, topic_prefix=PREFIX, env="dev")
    settings = settings_class(common=common)
    org = OrgDirectory.from_json(DEFAULT_ORG_SEED)
    env = {**eventsourcing_env(common, spec.name), "MAPPER_TOPIC": MAPPER_TOPIC}
    app = spec.application(env, SystemClock(), org, settings)
    app.bind_node(Node("district", "QX"), f"/lianfang/district/{service}")
    return app


def take_all(inbox: Inbox, deliveries: list[Delivery], batch: int) -> list[Result]:
    """Every delivery taken in as the worker takes them: batches of up to `batch` records
    (`Inbox.take_batch`, one transaction each) where the code measured has it, else one
    transaction per record (a base commit from before batches, bench/ab.py)."""
    take_batch = getattr(inbox, "take_batch", None)
    if take_batch is None or batch <= 1:
        return [inbox.take(delivery) for delivery in deliveries]
    results: list[Result] = []
    while len(results) < len(deliveries):
        taken = take_batch(deliveries[len(results) : len(results) + batch])
        results += taken
    return results


def hop(service: str, count: int, folder: Path, batch: int = 100) -> dict[str, object]:
    """Records/s of one service's inbox on a fresh SQLite store; every record must be taken."""
    app = open_app(service, folder)
    inbox = Inbox(app, Provenance(Topics(PREFIX), app.org))
    deliveries = []
    for offset, (topic, event) in enumerate(records(service, count)):
        record = to_record(event)
        deliveries.append(
            Delivery(topic, 0, offset, record.key, record.value, tuple(record.headers))
        )
    try:
        started, cpu_started = time.perf_counter(), time.process_time()
        for result, delivery in zip(take_all(inbox, deliveries, batch), deliveries, strict=True):
            if result.outcome is not Outcome.PROCESSED:
                raise RuntimeError(f"{service} did not take {delivery.offset}: {result.reason}")
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        receipts = app.count_receipts()
    finally:
        app.close()
    if receipts != len(deliveries):
        raise RuntimeError(f"{service}: {receipts} receipts for {len(deliveries)} records")
    return {
        "service": service,
        "records": len(deliveries),
        "batched": batch > 1 and hasattr(inbox, "take_batch"),
        "seconds": round(seconds, 3),
        "per_second": round(len(deliveries) / seconds, 1),
        # The CPU the process spent per record: on a machine shared with others, wall time
        # swings with their load (and with the disk's fsync latency); this much less so.
        "cpu_ms_per_record": round(cpu * 1000 / len(deliveries), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--service", action="append", choices=["register", "warning", "assessment"])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument(
        "--batch", type=int, default=100, help="records per batch at most (1: one at a time)"
    )
    args = parser.parse_args()
    for service in args.service or ["register", "warning", "assessment"]:
        with tempfile.TemporaryDirectory(prefix="lianfang-hop-") as folder:
            print(json.dumps(hop(service, args.count, Path(folder), args.batch)), flush=True)


if __name__ == "__main__":
    main()
