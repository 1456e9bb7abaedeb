"""End-to-end figures on a real local stack, each next to a baseline measured in the same run.

    make bench                      # this
    python -m bench.e2e [--quick] [--json PATH] [--bound SECONDS]

What it measures (issue #18; Art. 21–23: information must be taken in as fast as it comes):
  kafka produce / consume   a bare idempotent aiokafka producer and a plain consumer on the same
                            broker: the floor every other figure is set against;
  filing, 1 client          officer reports POSTed to the district intake one at a time;
  filing, 32 clients        the same with 32 concurrent clients (throughput and percentiles);
  filing -> Kafka           from the POST to RiskReported read back off the intake topic;
  Kafka -> store            per consuming service, records put on the topics it reads until it
                            has recorded a receipt for every one (consumption with tracking, in
                            the service's own transactions): RiskReported on the intake topic for
                            the register and the assessment, a grading and a judgement per case on
                            the register's topic for the warning (intake takes in only what
                            another node routes to it, which this single-unit load never does);
  the chain                 judgements on the register's topic, each proposal reviewed and its
                            warning issued over HTTP with the rectification due seconds later:
                            JudgementMade -> WarningIssued -> RectificationOverdue on Kafka;
  overdue scan              a deadline tick over 100,000 open actions (bench/scan.py, in process);
  replay, verify            100,000 stored events rebuilt and their chain recomputed, against
                            the log read of the same store (bench/replay.py, in process);
  stack start, memory       Kafka + the district and 太和镇 nodes: seconds to healthy; resident
                            memory (RSS, Kafka's apart) and PSS (a page shared by n processes
                            counted 1/n) once healthy and again after the load.

Counts (a rate is the figure, so they are sized to fit the bound on 2 cores, not to be big):
30,000 bare records; 300 filings at 1 client, 1,000 at 32; 100 filings timed to Kafka; 500
reports for the register's and the assessment's hop, 250 cases (500 records) for the warning's;
a chain of 20 cases. `--quick` divides them further. Each part's seconds go to stderr as it ends.

Bounded: the stack's part stops at `--bound` seconds (420 by default; the in-process parts after
it take about two minutes), so `make bench` ends within 10 minutes and prints what it measured,
saying where it stopped. The table is printed and written as JSON (commit, machine, seconds,
figures) under bench/results/, so runs can be compared across commits. Machines here are noisy:
compare ratios, not absolute figures; bench/ab.py alternates a base commit and this tree.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import uuid4

import httpx
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from bench import hop as hop_events
from bench.replay import measure as replay_rates
from bench.scan import scan
from bench.stack import Stack
from lianfang.run_local import dev_minter
from shared.auth import Role
from shared.envelope import to_record
from shared.events import Actor, RiskReported, RiskReportedData
from shared.events.publish import Origin
from shared.paging import MAX_PAGE
from shared.vocabulary import Channel

if TYPE_CHECKING:
    from collections.abc import Sequence

    from shared.events import CloudEvent
    from shared.kafka import KafkaAccess

RESULTS = Path(__file__).parent / "results"
# `make bench` must end within 10 minutes (issue #18): the stack's part gets 7, the overdue
# scan and replay (about a minute each on this machine) the rest.
BOUND = 420.0
# A unit the district node manages itself (a district department), so a filing stays local.
UNIT = "QX-SJ"
INTAKE = Origin("/lianfang/district/intake", "district")


@dataclass(frozen=True)
class Figure:
    """One measured figure, and the baseline of the same run it is compared with, if any."""

    name: str
    value: float
    unit: str
    baseline: str = ""
    ratio: float | None = None


@dataclass(frozen=True)
class Latencies:
    """Throughput and latency percentiles of a batch of requests."""

    per_second: float
    p50_ms: float
    p99_ms: float
    count: int


def latencies(samples: Sequence[float], seconds: float) -> Latencies:
    """Summarise request durations (seconds) taken over `seconds` of wall time."""
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return Latencies(
        len(ordered) / seconds, statistics.median(ordered) * 1000, p99 * 1000, len(ordered)
    )


# -- the floor: a bare producer and consumer -----------------------------------------------------


async def bare_kafka(bootstrap: KafkaAccess, records: int, size: int = 700) -> tuple[float, float]:
    """Records/s of an idempotent producer (acks=all) and of a consumer reading them back."""
    topic = f"bench.bare.{uuid4().hex[:8]}"
    payload = b"x" * size
    producer = AIOKafkaProducer(**bootstrap.aiokafka(), enable_idempotence=True, acks="all")
    await producer.start()
    try:
        await (await producer.send(topic, b"warm-up"))
        started = time.perf_counter()
        pending = [await producer.send(topic, payload, key=str(i).encode()) for i in range(records)]
        await asyncio.gather(*pending)
        produce = records / (time.perf_counter() - started)
    finally:
        await producer.stop()
    consumer = AIOKafkaConsumer(topic, **bootstrap.aiokafka(), auto_offset_reset="earliest")
    await consumer.start()
    try:
        seen = 0
        started = time.perf_counter()
        while seen < records + 1:
            batches = await consumer.getmany(timeout_ms=1000, max_records=5000)
            seen += sum(len(b) for b in batches.values())
        consume = records / (time.perf_counter() - started)
    finally:
        await consumer.stop()
    return produce, consume


# -- filings over HTTP ---------------------------------------------------------------------------


def filing(reference: str) -> dict[str, str]:
    """An officer's report 信息员报告 about a district-managed unit (Art. 22)."""
    learned = datetime.now(UTC) - timedelta(hours=1)
    return {
        "channel": "officer_report",
        "source_reference": reference,
        "unit_code": UNIT,
        "subject_post": "执法人员",
        "summary": "压测：市场检查中选择性执法的线索",
        "learned_at": learned.isoformat(),
        "happened_at": (learned - timedelta(days=3)).isoformat(),
    }


async def file_many(
    url: str,
    token: str,
    total: int,
    clients: int,
    transport: httpx.AsyncBaseTransport | None = None,
) -> Latencies:
    """POST `total` filings with `clients` concurrent clients; each must be accepted.

    `transport`: the app itself in process (bench/filing.py) instead of the network.
    """
    run = uuid4().hex[:8]
    counter = iter(range(total))
    samples: list[float] = []
    headers = {"Authorization": f"Bearer {token}"}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(
        base_url=url, headers=headers, limits=limits, timeout=60, transport=transport
    ) as http:

        async def client() -> None:
            for n in counter:
                began = time.perf_counter()
                response = await http.post("/information", json=filing(f"BENCH-{run}-{n}"))
                samples.append(time.perf_counter() - began)
                if response.status_code != 201 and response.status_code != 200:
                    raise RuntimeError(f"filing refused: {response.status_code} {response.text}")

        started = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(clients)))
        return latencies(samples, time.perf_counter() - started)


async def filing_to_kafka(
    url: str, token: str, bootstrap: KafkaAccess, topic: str, count: int
) -> tuple[float, Latencies]:
    """From a POST to its RiskReported on the intake topic, one filing at a time.

    First one filing waits behind whatever the relay still has to publish (the load runs before
    leave a backlog): how long that took is returned too, then the latencies are measured.
    """
    arrived: dict[str, asyncio.Future[float]] = {}
    seen: dict[str, float] = {}
    consumer = AIOKafkaConsumer(topic, **bootstrap.aiokafka(), auto_offset_reset="latest")
    await consumer.start()
    await consumer.seek_to_end()
    for partition in consumer.assignment():
        await consumer.position(partition)  # fix the start before the first filing

    async def listen() -> None:
        async for record in consumer:
            subject = (record.key or b"").decode()
            seen[subject] = time.perf_counter()
            waiter = arrived.get(subject)
            if waiter is not None and not waiter.done():
                waiter.set_result(seen[subject])

    listener = asyncio.create_task(listen())
    samples: list[float] = []
    run = uuid4().hex[:8]
    loop = asyncio.get_running_loop()
    try:
        async with httpx.AsyncClient(
            base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=30
        ) as http:

            async def one(reference: str, timeout: float) -> float:
                began = time.perf_counter()
                response = await http.post("/information", json=filing(reference))
                response.raise_for_status()
                case_id = str(response.json()["information_id"])
                waiter = arrived.setdefault(case_id, loop.create_future())
                if case_id in seen and not waiter.done():  # on Kafka before the answer came
                    waiter.set_result(seen[case_id])
                return await asyncio.wait_for(waiter, timeout=timeout) - began

            drained = await one(f"DRAIN-{run}", timeout=600)
            started = time.perf_counter()
            for n in range(count):
                samples.append(await one(f"LAT-{run}-{n}", timeout=60))
            return drained, latencies(samples, time.perf_counter() - started)
    finally:
        listener.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await listener
        await consumer.stop()


# -- Kafka to store: the consuming services' hop ------------------------------------------------

RECEIPT_TOPIC = "shared.application:Receipt.Received"


def receipts(store: Path, ce_type: str = "") -> int:
    """How many upstream events (of a type, when given) a service's SQLite store has taken in
    (read-only)."""
    if not store.exists():
        return 0
    with contextlib.closing(sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=5)) as db:
        row = db.execute(
            "SELECT COUNT(*) FROM stored_events WHERE topic = ? AND instr(state, ?) > 0",
            (RECEIPT_TOPIC, ce_type.encode()),
        ).fetchone()
        return int(row[0])


def risk_reported(n: int, run: str) -> RiskReported:
    """A RiskReported as the district intake would publish it, about a district unit."""
    at = datetime.now(UTC)
    officer = Actor(user_id="bench-officer", role="officer", unit_code=UNIT)
    information_id = uuid4()
    return RiskReported.create(
        source=INTAKE.source,
        subject=str(information_id),
        clock_now=at,
        data=RiskReportedData(
            **INTAKE.stamp(UNIT, officer, "Art. 22", at), information_id=information_id,
            subject_post="执法人员", subject_person_id=None, channel=Channel.OFFICER_REPORT,
            summary="压测：消费链路", happened_at=None, learned_at=at,
            source_reference=f"HOP-{run}-{n}", attachment_refs=[], reported_by=officer,
            has_protected_source=False,
        ),
    )  # fmt: skip


async def produce(access: KafkaAccess, topic: str, events: Sequence[CloudEvent]) -> float:
    """Put events on a topic as their producing service would; the moment the first was sent."""
    producer = AIOKafkaProducer(**access.aiokafka(), enable_idempotence=True, acks="all")
    await producer.start()
    try:
        started = time.perf_counter()
        pending = []
        for event in events:
            record = to_record(event)
            pending.append(
                await producer.send(topic, record.value, key=record.key, headers=record.headers)
            )
        await asyncio.gather(*pending)
    finally:
        await producer.stop()
    return started


async def kafka_to_store(
    stack: Stack,
    topic: str,
    events: Sequence[CloudEvent],
    services: Sequence[str],
    limit: float = 180,
) -> dict[str, tuple[int, float]]:
    """Per consuming service, how many of `events` it took in and in how many seconds from the
    first one produced: all of them, or as many as it managed within `limit`. Only receipts of
    the events' types count, so a service still busy with an earlier load does not blur it."""
    types = sorted({e.type for e in events})
    stores = {s: stack.data_dir() / f"{s}.sqlite" for s in services}

    def taken_in(store: Path) -> int:
        return sum(receipts(store, t) for t in types)

    before = {s: taken_in(p) for s, p in stores.items()}
    started = await produce(stack.admin, topic, events)
    taken: dict[str, tuple[int, float]] = {}
    deadline = time.monotonic() + limit
    while len(taken) < len(stores):
        late = time.monotonic() >= deadline
        for service, store in stores.items():
            done = taken_in(store) - before[service]
            if service not in taken and (done >= len(events) or late):
                taken[service] = (done, time.perf_counter() - started)
        await asyncio.sleep(0.1)
    return taken


# -- the chain: JudgementMade -> WarningIssued -> RectificationOverdue ---------------------------

CHAIN_UNIT = "QX-TH"  # the town government: the district disposes (Art. 27), apart from the hop
ISSUED = "cn.gov.qingxin.lianfang.warning.WarningIssued.v1"
OVERDUE = "cn.gov.qingxin.lianfang.warning.RectificationOverdue.v1"


@dataclass(frozen=True)
class Chain:
    """How the chain went for `count` cases under load."""

    count: int
    seconds: float  # from the first judgement produced to the last overdue on Kafka
    to_issued: Latencies  # judgement produced -> its WarningIssued read back off Kafka
    overdue_lag: Latencies  # the rectification's deadline -> its RectificationOverdue on Kafka


async def chain(
    stack: Stack, token: str, count: int, due_in: float = 5.0, clients: int = 8
) -> Chain:
    """`count` judgements of incipient tendency (a 低 point each: yellow, Art. 28): each
    proposal reviewed and its warning issued over HTTP at once, its rectification due `due_in`
    seconds after the issue; until every case's RectificationOverdue is on Kafka.

    Only its own cases' warning proposals are taken: an overdue action opens a re-grade
    proposal on its point (Art. 14, 28), which is not warned on, and the stack holds earlier
    loads' proposals too."""
    seen: dict[tuple[str, str], float] = {}
    consumer = AIOKafkaConsumer(
        "bench.warning.events", **stack.admin.aiokafka(), auto_offset_reset="latest"
    )
    await consumer.start()
    await consumer.seek_to_end()
    for partition in consumer.assignment():
        await consumer.position(partition)

    async def listen() -> None:
        async for record in consumer:
            ce_type = dict(record.headers).get("ce_type", b"").decode()
            if ce_type in (ISSUED, OVERDUE) and record.value is not None:
                seen[(ce_type, str(json.loads(record.value)["warning_id"]))] = time.time()

    listener = asyncio.create_task(listen())
    pairs = [hop_events.judged(n, CHAIN_UNIT) for n in range(count)]
    judged_at: dict[str, float] = {}  # risk point -> when its judgement was produced
    due_at: dict[str, float] = {}  # warning id -> its rectification deadline
    issued_for: dict[str, str] = {}  # warning id -> its risk point
    try:
        wall = time.time()
        started = await produce(stack.admin, "bench.register.events", [e for p in pairs for e in p])
        for graded, _ in pairs:
            judged_at[str(graded.subject)] = wall
        headers = {"Authorization": f"Bearer {token}"}
        async with httpx.AsyncClient(
            base_url=stack.url("warning"), headers=headers, timeout=60
        ) as http:
            done: set[str] = set()
            queue: asyncio.Queue[dict[str, str]] = asyncio.Queue()

            async def issue_each() -> None:
                while True:
                    proposal = await queue.get()
                    review = await http.post(
                        f"/proposals/{proposal['id']}/review",
                        json={"held_on": datetime.now(UTC).date().isoformat(),
                              "attendees": ["张书记", "李主任"], "decision": "issue",
                              "minutes_ref": "压测廉会〔2026〕1号"},
                    )  # fmt: skip
                    if review.status_code != 201:
                        raise RuntimeError(f"review refused: {review.text}")
                    for attempt in range(20):
                        due = datetime.now(UTC) + timedelta(seconds=due_in)
                        issued = await http.post(
                            f"/proposals/{proposal['id']}/warning",
                            json={"deadlines": {"rectification": due.isoformat()}},
                        )
                        # 409 "try again": concurrent issues of one level contended for the
                        # year's notice number (文号) beyond the service's own retries.
                        if issued.status_code != 409:
                            break
                        await asyncio.sleep(0.05 * (attempt + 1))
                    if issued.status_code != 201:
                        raise RuntimeError(f"issue refused: {issued.text}")
                    warning_id = str(issued.json()["id"])
                    due_at[warning_id] = due.timestamp()
                    issued_for[warning_id] = str(proposal["risk_point_id"])
                    queue.task_done()

            workers = [asyncio.create_task(issue_each()) for _ in range(clients)]
            try:
                deadline = time.monotonic() + 300
                while len(done) < count:
                    if time.monotonic() > deadline:
                        raise RuntimeError(f"only {len(done)} of {count} proposals in 300 s")
                    # Only the open ones, as many as a page holds: listings are paged
                    # (shared/paging.py), and the issued ones would fill the first page.
                    listed = await http.get(
                        "/proposals",
                        params={"within": CHAIN_UNIT, "status": "open", "limit": MAX_PAGE},
                    )
                    listed.raise_for_status()
                    for proposal in listed.json():
                        mine = proposal["risk_point_id"] in judged_at
                        if mine and proposal["kind"] == "warning" and proposal["id"] not in done:
                            done.add(proposal["id"])
                            queue.put_nowait(proposal)
                    await asyncio.sleep(0.2)
                # Until every proposal is issued, or a client failed (said, not waited for).
                joined = asyncio.ensure_future(queue.join())
                await asyncio.wait([joined, *workers], return_when=asyncio.FIRST_COMPLETED)
                joined.cancel()
                for worker in workers:
                    if worker.done() and not worker.cancelled() and worker.exception():
                        raise RuntimeError(f"the chain's office failed: {worker.exception()}")
            finally:
                for worker in workers:
                    worker.cancel()
        deadline = time.monotonic() + 300
        while any((OVERDUE, w) not in seen for w in due_at):
            if time.monotonic() > deadline:
                raise RuntimeError("not every rectification became overdue in 300 s")
            await asyncio.sleep(0.2)
        finished = time.perf_counter()
    finally:
        listener.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await listener
        await consumer.stop()
    to_issued = [seen[(ISSUED, w)] - judged_at[j] for w, j in issued_for.items()]
    lag = [seen[(OVERDUE, w)] - due for w, due in due_at.items()]
    return Chain(
        count,
        finished - started,
        latencies(to_issued, finished - started),
        latencies(lag, finished - started),
    )


# -- the run -------------------------------------------------------------------------------------


class Parts:
    """Says on stderr how long each part of the run took, as it ends (where the bound goes)."""

    def __init__(self) -> None:
        self.began = self.last = time.monotonic()

    def done(self, what: str) -> None:
        now = time.monotonic()
        print(
            f"[{now - self.began:6.1f} s] {what}: {now - self.last:.1f} s",
            file=sys.stderr,
            flush=True,
        )
        self.last = now


async def measure(stack: Stack, quick: bool, figures: list[Figure]) -> None:
    """Every figure of one run, appended to `figures` as soon as it is measured (so a run cut
    short by the time bound still prints what it had), in the order they are printed."""
    # Counts sized so every part fits the bound on a 2-core machine (issue #18: the chain was
    # never reached with 2,000 filings at 32 clients and 1,000 records per hop): a rate is the
    # figure, and these are enough records for it to settle.
    n_bare, n_one, n_many, n_latency, n_hop, n_chain = (
        (5_000, 100, 300, 50, 300, 10) if quick else (30_000, 300, 1_000, 100, 500, 20)
    )
    part = Parts()
    token = dev_minter(stack.root, stack.nodes).mint(
        "bench-office", [Role.OFFICE], "QX", name="压测"
    )
    intake = stack.url("intake")
    bare = "kafka produce"
    consumed = "kafka consume"

    produce_rate, consume = await bare_kafka(stack.admin, n_bare)
    part.done(f"bare kafka, {n_bare:,} records")
    figures += [
        Figure("kafka produce (idempotent, acks=all)", produce_rate, "records/s"),
        Figure("kafka consume", consume, "records/s"),
    ]
    one = await file_many(intake, token, n_one, clients=1)
    part.done(f"{n_one} filings, 1 client")
    figures += [
        Figure(
            "filing, 1 client", one.per_second, "filings/s", bare, one.per_second / produce_rate
        ),
        Figure("filing, 1 client, p50", one.p50_ms, "ms"),
        Figure("filing, 1 client, p99", one.p99_ms, "ms"),
    ]
    many = await file_many(intake, token, n_many, clients=32)
    part.done(f"{n_many} filings, 32 clients")
    figures += [
        Figure(
            "filing, 32 clients", many.per_second, "filings/s", bare, many.per_second / produce_rate
        ),
        Figure("filing, 32 clients, p50", many.p50_ms, "ms"),
        Figure("filing, 32 clients, p99", many.p99_ms, "ms"),
    ]
    drained, hop = await filing_to_kafka(
        intake, token, stack.admin, "bench.intake.events", n_latency
    )
    part.done(f"{n_latency} filings to Kafka, one at a time")
    figures += [
        Figure("relay backlog after the load, drained in", drained, "s"),
        Figure("filing -> RiskReported on Kafka, p50", hop.p50_ms, "ms"),
        Figure("filing -> RiskReported on Kafka, p99", hop.p99_ms, "ms"),
    ]
    run = uuid4().hex[:8]
    reports = [risk_reported(n, run) for n in range(n_hop)]
    hop_rates = await kafka_to_store(
        stack, "bench.intake.events", reports, ("register", "assessment"), limit=90
    )
    part.done(f"{n_hop} reports to the register and the assessment")
    cases = [e for n in range(n_hop // 2) for e in hop_events.judged(n)]
    hop_rates |= await kafka_to_store(stack, "bench.register.events", cases, ("warning",), limit=90)
    part.done(f"{len(cases)} gradings and judgements to the warning")
    figures += [
        Figure(
            f"Kafka -> {service} store ({done} of {n_hop} in {seconds:.0f} s)",
            done / seconds,
            "events/s",
            consumed,
            done / seconds / consume,
        )
        for service, (done, seconds) in hop_rates.items()
    ]
    chained = await chain(stack, token, n_chain)
    part.done(f"the chain of {n_chain} cases")
    figures += [
        Figure(
            f"chain judgement -> overdue ({chained.count} cases in {chained.seconds:.0f} s)",
            chained.count / chained.seconds,
            "chains/s",
        ),
        Figure("chain judgement -> WarningIssued, p50", chained.to_issued.p50_ms, "ms"),
        Figure("chain judgement -> WarningIssued, p99", chained.to_issued.p99_ms, "ms"),
        Figure("chain deadline -> RectificationOverdue, p50", chained.overdue_lag.p50_ms, "ms"),
        Figure("chain deadline -> RectificationOverdue, p99", chained.overdue_lag.p99_ms, "ms"),
        Figure("stack RSS after the load", stack.rss_bytes() / 2**20, "MiB"),
        Figure("of which Kafka, after the load", stack.rss_by_process()["kafka"] / 2**20, "MiB"),
        Figure("stack PSS after the load (shared pages split)", stack.pss_bytes() / 2**20, "MiB"),
    ]


def replay_figures(quick: bool) -> list[Figure]:
    """Replay and verify against the log read of the same store (bench/replay.py)."""
    rates = replay_rates(10_000 if quick else 100_000)
    return [
        Figure("raw rows read (sqlite3)", rates.raw, "events/s"),
        Figure("log read (the recorder)", rates.log, "events/s", "raw rows", rates.log / rates.raw),
        Figure("replay", rates.replay, "events/s", "log read", rates.replay / rates.log),
        Figure("verify the chain", rates.verify, "events/s", "log read", rates.verify / rates.log),
    ]


def overdue_scan(quick: bool) -> list[Figure]:
    """The deadline tick over many open actions (bench/scan.py), after the stack has stopped."""
    actions = 10_000 if quick else 100_000
    found = scan(actions, due=100)
    return [
        Figure(
            f"overdue scan, first tick, {actions:,} open actions", found.first_tick_seconds, "s"
        ),
        Figure(f"overdue scan, later ticks, {actions:,} open actions", found.tick_seconds, "s"),
    ]


def print_table(figures: Sequence[Figure]) -> None:
    """The figures as an aligned table, with each ratio to its baseline."""
    print(f"{'figure':<42} {'value':>12}  {'unit':<10} ratio to baseline")
    for f in figures:
        ratio = f"{f.ratio:.4f} x {f.baseline}" if f.ratio is not None else ""
        print(f"{f.name:<42} {f.value:>12,.1f}  {f.unit:<10} {ratio}")


def write_json(
    figures: Sequence[Figure], path: Path | None, seconds: float = 0.0, cut_short: str = ""
) -> Path:
    """The figures with the commit and the machine, for comparison across commits."""
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    if path is None:
        RESULTS.mkdir(exist_ok=True)
        path = RESULTS / f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{commit or 'nogit'}.json"
    document = {
        "commit": commit,
        "at": datetime.now(UTC).isoformat(),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
        "seconds": round(seconds, 1),
        "cut_short": cut_short,
        "figures": [asdict(f) for f in figures],
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return path


def main() -> None:
    began = time.monotonic()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small counts (a smoke run)")
    parser.add_argument("--json", type=Path, default=None, help="where to write the figures")
    parser.add_argument(
        "--bound", type=float, default=BOUND, help="seconds for the stack's part of the run"
    )
    args = parser.parse_args()
    figures: list[Figure] = []
    cut_short = ""
    with tempfile.TemporaryDirectory(prefix="lianfang-bench-") as folder:
        # Deadline ticks every second, so the chain's overdue rectifications are found soon.
        stack = Stack(Path(folder), env={"LIANFANG_TICK_SECONDS": "1"})
        try:
            kafka_s = stack.start_kafka()
            services_s = stack.start_services()
            services = len(stack.procs)
            figures += [
                Figure("kafka start", kafka_s, "s"),
                Figure(f"{services} services of 2 nodes healthy", services_s, "s"),
                Figure(
                    f"stack RSS (Kafka + {services} services)", stack.rss_bytes() / 2**20, "MiB"
                ),
                Figure("of which Kafka", stack.rss_by_process()["kafka"] / 2**20, "MiB"),
                Figure("stack PSS (shared pages split)", stack.pss_bytes() / 2**20, "MiB"),
            ]
            left = args.bound - (time.monotonic() - began)
            try:
                asyncio.run(asyncio.wait_for(measure(stack, args.quick, figures), left))
            except TimeoutError:
                cut_short = f"the stack's figures stopped at the bound of {args.bound:.0f} s"
            except (RuntimeError, httpx.HTTPError) as exc:  # a part that failed: say which
                cut_short = f"the stack's figures stopped at a failure: {exc}"
        finally:
            stack.stop()
    figures += overdue_scan(args.quick)
    figures += replay_figures(args.quick)
    print_table(figures)
    if cut_short:
        print(f"\n{cut_short}: the figures after the last one above were not reached")
    took = time.monotonic() - began
    print(f"\nwritten to {write_json(figures, args.json, took, cut_short)} ({took:.0f} s in all)")


if __name__ == "__main__":
    main()
