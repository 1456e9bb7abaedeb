"""`make chaos`: filings under faults, then a verdict by comparing id sets (issue #18 item 3).

    make chaos                                   # 10,000 filings, the full schedule of faults
    LIANFANG_CHAOS_FILINGS=300 LIANFANG_CHAOS_KILLS=1 python -m bench.chaos     # a small run

On a throwaway district node (bench/stack.py: its own broker on loopback ports, its own folder)
every service runs as two processes, its API and its worker, as in a cluster. While officers'
reports are filed over HTTP (Art. 22) and a share of them judged by the 研判小组 (Art. 25):

- each service's worker is killed with SIGKILL `KILLS` times at random moments, then restarted;
- the broker is stopped and started once;
- the register's consumer group is rewound `REWIND` offsets on the intake topic (while that
  worker is down: Kafka moves a group's offsets only when it has no members);
- `DUPLICATES` of the records on the intake and register topics are produced a second time, as
  a producer that re-sends after a crash would;
- a few records of deliberate garbage are put on the intake topic.

The verdict compares id sets read from the services' own stores: every filing in intake, register
and assessment exactly once; every judgement's warning proposal once; no dead letter but the
garbage; every consumer group's lag 0 within `RECOVERY` seconds of the last fault (or of the last
filing, when that comes later: lag cannot settle while filings still arrive). Exit status 0 only
if all hold. The figures are printed and written as JSON beside the bench results.

Scale knobs (environment): LIANFANG_CHAOS_FILINGS, _KILLS (per worker), _JUDGEMENTS, _CLIENTS,
_RATE (filings/s, 0 = as fast as accepted), _DUPLICATES (share), _REWIND, _GARBAGE, _RECOVERY
(seconds), _LIMIT (seconds for the whole run), _SEED.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import UUID, uuid4

import httpx
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.structs import OffsetAndMetadata

from bench.stack import Stack, free_port
from lianfang.demo_chain import CASE_UNIT, GROUP, GROUP_AUTHORITY, JUDGEMENT, VERIFICATION
from lianfang.kafka_acl import Provisioner, principal_of
from lianfang.kafka_local import LocalKafka
from lianfang.run_local import dev_env, dev_minter, open_demo_accounts, plan_nodes
from services import registry
from shared.auth import Role
from shared.kafka import faust_app_id
from shared.topics import Topics
from shared.worker import EVENT_PARTITIONS

if TYPE_CHECKING:
    from collections.abc import Iterable

    from shared.kafka import KafkaAccess

RESULTS = Path(__file__).parent / "results"
"""Beside `make bench`'s figures (git-ignored)."""
PREFIX = "chaos"
TOPICS = Topics(PREFIX)
NODE = "district"
APIS = ("intake", "register")
"""The APIs the run calls: filings go to intake, judgements to the register."""
WORKERS = ("intake", "register", "warning", "assessment", "console")
"""Every service's worker: each is killed and restarted."""
UNITS = (
    *("QX-ZRZY", "QX-ZJ", "QX-SJ", "QX-JY", "QX-WJ", "QX-CZ"),
    *("QX-TH", "QX-TP", "QX-ST", "QX-SK", "QX-LJ", "QX-HY", "QX-JT", "QX-SHT"),
)
"""Units the district node manages itself (its departments and the towns as units), so every
filing stays on this node (Art. 24)."""
GARBAGE_KEY = b"chaos-garbage-"
RECEIPT_TOPIC = "shared.application:Receipt.Received"
RISK_REPORTED = "cn.gov.qingxin.lianfang.intake.RiskReported.v1"
JUDGEMENT_MADE = "cn.gov.qingxin.lianfang.register.JudgementMade.v1"


def _env_int(name: str, default: int) -> int:
    return int(os.environ.get(f"LIANFANG_CHAOS_{name}", default))


def _env_float(name: str, default: float) -> float:
    return float(os.environ.get(f"LIANFANG_CHAOS_{name}", default))


@dataclass(frozen=True)
class Knobs:
    """How big the run is (environment variables LIANFANG_CHAOS_*)."""

    filings: int = 10_000
    kills: int = 3
    judgements: int = 40
    clients: int = 8
    rate: float = 0.0
    duplicates: float = 0.05
    rewind: int = 500
    garbage: int = 5
    recovery: float = 60.0
    limit: float = 900.0
    seed: int = 0

    @classmethod
    def from_env(cls) -> Knobs:
        return cls(
            filings=_env_int("FILINGS", cls.filings),
            kills=_env_int("KILLS", cls.kills),
            judgements=_env_int("JUDGEMENTS", cls.judgements),
            clients=_env_int("CLIENTS", cls.clients),
            rate=_env_float("RATE", cls.rate),
            duplicates=_env_float("DUPLICATES", cls.duplicates),
            rewind=_env_int("REWIND", cls.rewind),
            garbage=_env_int("GARBAGE", cls.garbage),
            recovery=_env_float("RECOVERY", cls.recovery),
            limit=_env_float("LIMIT", cls.limit),
            seed=_env_int("SEED", int(time.time())),
        )


# -- the stack: each service as an API process and a worker process -----------------------------


class RestartableKafka(LocalKafka):
    """The local broker, started again on the ports it had.

    `LocalKafka` refuses a port it cannot bind itself; right after a stop the broker's own
    closed connections hold its port in TIME_WAIT for a minute, which the JVM (SO_REUSEADDR)
    does not mind. A restart therefore skips that check.
    """

    def _ports(self) -> tuple[int, int]:
        if self.port is not None and self.controller_port is not None:
            return self.port, self.controller_port
        return super()._ports()


@dataclass
class ChaosStack(Stack):
    """The district node alone, its APIs and workers as separate processes, restartable."""

    commands: dict[str, tuple[list[str], dict[str, str]]] = field(default_factory=dict)
    restarts: Counter[str] = field(default_factory=Counter)
    held: set[str] = field(default_factory=set)  # killed on purpose: not for the supervisor
    stopping: bool = False

    def start_kafka(self) -> float:
        started = time.perf_counter()
        self.broker = RestartableKafka(self.root / "kafka", port=free_port())
        self.broker.start(timeout=180)
        self.kafka = self.broker.admin_access()
        return time.perf_counter() - started

    def start_services(self, timeout: float = 180) -> float:
        (planned,) = plan_nodes(self.root, [])
        self.nodes = [
            type(planned)(
                planned.node_id, planned.root_unit, {s: free_port() for s in APIS}, planned.data_dir
            )
        ]
        node = self.nodes[0]
        assert self.broker is not None, "start_kafka first"
        provisioner = Provisioner(self.admin, self.broker.secrets_dir)
        provisioner.provision(PREFIX, [NODE])
        # Nothing of the caller's LIANFANG_* settings (a test session's token keys, say): the
        # stack is dev mode on its own key, as `make run`.
        outside = {k: v for k, v in os.environ.items() if not k.startswith("LIANFANG_")}
        # The demo's people, as `make run` opens them: the register checks each judge the run
        # appoints against the directory's grants (Art. 25), which the console publishes.
        open_demo_accounts(node, dev_env(self.root))
        base = {**outside, "LIANFANG_TOPIC_PREFIX": PREFIX, **dev_env(self.root), **self.env}
        (self.root / "logs").mkdir(parents=True, exist_ok=True)
        for name in WORKERS:
            env = {
                **base,
                "LIANFANG_NODE_ID": node.node_id,
                "LIANFANG_NODE_ROOT_UNIT": node.root_unit,
                "LIANFANG_DATA_DIR": str(node.data_dir),
                **provisioner.access_of(principal_of(NODE, name)).env(),
            }
            self.commands[f"{name}-worker"] = (
                [sys.executable, "-m", "lianfang", "worker", name],
                env,
            )
            if name in APIS:
                api_env = {**env, f"LIANFANG_{name.upper()}_PORT": str(node.ports[name])}
                self.commands[f"{name}-api"] = (
                    [sys.executable, "-m", "lianfang", "api", name],
                    api_env,
                )
        started = time.perf_counter()
        deadline = time.monotonic() + timeout
        # The APIs first, the workers once they answer: two processes creating one fresh store's
        # tables at the same moment race in eventsourcing ("Failed to record tracking for
        # __migration__ 1", an IntegrityError that ends one of them).
        for name in APIS:
            self.launch(f"{name}-api")
        for name in APIS:
            self._wait_healthy(f"{name}-api", node.ports[name], deadline)
        for name in WORKERS:
            self.launch(f"{name}-worker")
        return time.perf_counter() - started

    def launch(self, label: str) -> None:
        self.held.discard(label)
        args, env = self.commands[label]
        with (self.root / "logs" / f"{label}.log").open("ab") as log:
            self.procs[label] = subprocess.Popen(
                args, env=env, stdout=log, stderr=subprocess.STDOUT
            )

    def kill(self, label: str) -> None:
        """SIGKILL a process and wait until it is gone (`launch` brings it back)."""
        self.held.add(label)
        proc = self.procs[label]
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(signal.SIGKILL)
        proc.wait(30)

    def revive(self) -> list[str]:
        """Restart any worker that has died on its own (counted: a fault it did not survive)."""
        revived: list[str] = []
        if self.stopping:
            return revived
        for label, proc in self.procs.items():
            if label.endswith("-worker") and label not in self.held and proc.poll() is not None:
                self.restarts[label] += 1
                self.launch(label)
                revived.append(label)
        return revived

    def stop(self) -> None:
        self.stopping = True
        super().stop()

    def keep_logs(self) -> Path:
        """Copy the services' logs beside the bench results (the stack's folder goes)."""
        RESULTS.mkdir(exist_ok=True)
        kept = RESULTS / f"chaos-logs-{datetime.now(UTC):%Y%m%dT%H%M%SZ}"
        shutil.copytree(self.root / "logs", kept, dirs_exist_ok=True)
        return kept

    def restart_broker(self) -> float:
        """Stop the broker (SIGTERM, orderly) and start it again on the same port and data."""
        assert self.broker is not None
        began = time.perf_counter()
        self.broker.stop()
        self.broker.start(timeout=120)
        return time.perf_counter() - began

    def store(self, service: str) -> Path:
        return self.data_dir() / f"{service}.sqlite"


# -- reading the stores ---------------------------------------------------------------------------


def _rows(store: Path, sql: str, *args: object) -> list[tuple[Any, ...]]:
    if not store.exists():
        return []
    with contextlib.closing(sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=30)) as db:
        try:
            return list(db.execute(sql, args).fetchall())
        except sqlite3.OperationalError:
            return []  # the tables are not there yet


def receipts(store: Path, ce_type: str) -> Counter[str]:
    """How many receipts a service's store holds per subject, for events of `ce_type`."""
    found: Counter[str] = Counter()
    for (state,) in _rows(store, "SELECT state FROM stored_events WHERE topic = ?", RECEIPT_TOPIC):
        receipt = json.loads(state)
        if receipt.get("ce_type") == ce_type:
            found[str(receipt["subject"])] += 1
    return found


def created(store: Path, topic_suffix: str, id_field: str = "") -> Counter[str]:
    """How many creation events of an aggregate class a store holds, per aggregate id."""
    rows = _rows(
        store,
        "SELECT originator_id, state FROM stored_events WHERE topic LIKE ?",
        f"%{topic_suffix}",
    )
    found: Counter[str] = Counter()
    for originator, state in rows:
        key = str(json.loads(state)[id_field]) if id_field else _uuid(originator)
        found[key] += 1
    return found


def _uuid(raw: object) -> str:
    return str(UUID(bytes=raw)) if isinstance(raw, bytes) else str(UUID(str(raw)))


# -- the load: filings and judgements ----------------------------------------------------------


def filing(reference: str, unit: str) -> dict[str, str]:
    """An officer's report 信息员报告 about a unit the district manages (Art. 22)."""
    learned = datetime.now(UTC) - timedelta(hours=1)
    return {
        "channel": "officer_report",
        "source_reference": reference,
        "unit_code": unit,
        "subject_post": "执法人员",
        "summary": "混沌测试：市场检查中选择性执法的线索",
        "learned_at": learned.isoformat(),
        "happened_at": (learned - timedelta(days=3)).isoformat(),
    }


async def _post(http: httpx.AsyncClient, path: str, body: Any, **kw: Any) -> httpx.Response:
    """POST until answered: a refused connection or a 5xx is retried (the same body is
    idempotent: a filing by its source reference, Art. 22)."""
    for attempt in range(60):
        try:
            response = await http.post(path, json=body, **kw)
        except httpx.TransportError:
            await asyncio.sleep(min(0.2 * (attempt + 1), 2))
            continue
        if response.status_code < 500:
            return response
        await asyncio.sleep(min(0.2 * (attempt + 1), 2))
    raise RuntimeError(f"POST {path} was not answered after 60 tries")


@dataclass
class Load:
    """What the run filed and judged, as the services answered."""

    run: str = field(default_factory=lambda: uuid4().hex[:8])
    filed: dict[str, str] = field(default_factory=dict)  # source reference -> information id
    judged: dict[str, str] = field(default_factory=dict)  # information id -> judgement id
    last_filing: float = 0.0
    last_judgement: float = 0.0


async def file_all(stack: ChaosStack, knobs: Knobs, token: str, load: Load) -> None:
    """File `knobs.filings` reports with `knobs.clients` concurrent clients (at `knobs.rate`)."""
    references = iter(range(knobs.filings))
    interval = knobs.clients / knobs.rate if knobs.rate > 0 else 0.0
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=stack.url("intake"), headers=headers, timeout=60) as http:

        async def client() -> None:
            for n in references:
                began = time.monotonic()
                reference = f"CHAOS-{load.run}-{n}"
                response = await _post(
                    http, "/information", filing(reference, UNITS[n % len(UNITS)])
                )
                if response.status_code not in (200, 201):
                    raise RuntimeError(f"filing refused: {response.status_code} {response.text}")
                load.filed[reference] = str(response.json()["information_id"])
                load.last_filing = time.monotonic()
                if interval:
                    await asyncio.sleep(max(0.0, interval - (time.monotonic() - began)))

        await asyncio.gather(*(client() for _ in range(knobs.clients)))


def judged_filings(knobs: Knobs) -> list[int]:
    """Which filings the group judges: spread over the run, all about the unit whose leader the
    demo's judgement names (清新区市场监督管理局)."""
    first = UNITS.index(CASE_UNIT)
    candidates = range(first, knobs.filings, len(UNITS))
    step = max(1, len(candidates) // max(knobs.judgements, 1))
    return list(candidates[::step])[: knobs.judgements]


def _ok(response: httpx.Response, what: str) -> dict[str, Any]:
    if response.status_code >= 300:
        raise RuntimeError(f"{what}: {response.status_code} {response.text}")
    answer: dict[str, Any] = response.json()
    return answer


async def judge_some(stack: ChaosStack, knobs: Knobs, load: Load, stop: asyncio.Event) -> None:
    """The 研判小组 judges a share of the filed cases as they reach the register (Art. 25)."""
    if knobs.judgements <= 0:
        return
    tokens = dev_minter(stack.root, stack.nodes)
    members = {m: {"Authorization": f"Bearer {tokens.mint(m, [Role.JUDGE], 'QX')}"} for m in GROUP}
    office = {"Authorization": f"Bearer {tokens.mint('chaos-office', [Role.OFFICE], 'QX')}"}
    judge = members[GROUP[0]]
    async with httpx.AsyncClient(base_url=stack.url("register"), timeout=60) as http:
        for member in GROUP:
            body = {"user_id": member, "authority": GROUP_AUTHORITY}
            for _ in range(120):  # the grants reach the register from the console's topic
                answered = await _post(
                    http, "/units/QX/judgement-group/members", body, headers=office
                )
                if not (answered.status_code == 422 and "grant" in answered.text):
                    break
                await asyncio.sleep(0.5)
            if answered.status_code not in (200, 201, 409):
                raise RuntimeError(f"appointing {member}: {answered.status_code} {answered.text}")
        for n in judged_filings(knobs):
            while True:
                if stop.is_set():
                    return
                information_id = load.filed.get(f"CHAOS-{load.run}-{n}")
                if information_id is not None:
                    with contextlib.suppress(httpx.TransportError):
                        seen = await http.get(f"/information/{information_id}", headers=judge)
                        if seen.status_code == 200:
                            break  # the register has taken the report in
                await asyncio.sleep(0.5)
            case = f"/information/{information_id}"
            _ok(await _post(http, f"{case}/verification", VERIFICATION, headers=judge), case)
            judged = _ok(await _post(http, f"{case}/judgement", JUDGEMENT, headers=judge), case)
            for member in GROUP[1:]:
                if judged.get("made"):
                    break
                signing = f"{case}/judgement/sign-off"
                judged = _ok(await _post(http, signing, None, headers=members[member]), signing)
            if not judged.get("made"):
                raise RuntimeError(f"judgement of {information_id} not made: {judged}")
            load.judged[information_id] = str(judged["judgement_id"])
            load.last_judgement = time.monotonic()


# -- the faults --------------------------------------------------------------------------------


@dataclass
class Faults:
    """What was done to the stack, and when (monotonic seconds)."""

    kills: Counter[str] = field(default_factory=Counter)
    broker_restarts: int = 0
    broker_down_seconds: float = 0.0
    rewound: int = 0
    duplicated: int = 0
    garbage: int = 0
    last: float = 0.0
    log: list[str] = field(default_factory=list)

    def note(self, what: str, began: float) -> None:
        self.last = time.monotonic()
        self.log.append(f"{self.last - began:7.1f} s  {what}")
        print(f"  [{self.last - began:6.1f} s] {what}", flush=True)


async def rewind_group(admin: KafkaAccess, group: str, topic: str, by: int) -> int:
    """Move an empty group's committed offsets on `topic` back by `by` in all (Kafka refuses
    while the group has members: the caller has killed the only one). How many it moved."""
    deadline = time.monotonic() + 90
    while True:
        consumer = AIOKafkaConsumer(**admin.aiokafka(), group_id=group, enable_auto_commit=False)
        await consumer.start()
        try:
            partitions = [TopicPartition(topic, p) for p in range(EVENT_PARTITIONS)]
            consumer.assign(partitions)
            committed = {tp: await consumer.committed(tp) or 0 for tp in partitions}
            back = _spread(by, committed)
            await consumer.commit(
                {tp: OffsetAndMetadata(committed[tp] - back[tp], "") for tp in partitions}
            )
            return sum(back.values())
        except Exception:  # the dead member's session has not expired yet
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(1)
        finally:
            await consumer.stop()


async def committed(admin: KafkaAccess, group: str, topic: str) -> int:
    """The sum of a group's committed offsets on an events topic."""
    probe = AIOKafkaConsumer(**admin.aiokafka(), group_id=group, enable_auto_commit=False)
    await probe.start()
    try:
        partitions = [TopicPartition(topic, p) for p in range(EVENT_PARTITIONS)]
        return sum([await probe.committed(tp) or 0 for tp in partitions])
    finally:
        await probe.stop()


def _spread(by: int, committed: dict[TopicPartition, int]) -> dict[TopicPartition, int]:
    """`by` offsets taken back across partitions as evenly as their committed offsets allow."""
    back = dict.fromkeys(committed, 0)
    left = by
    while left > 0 and any(committed[tp] > back[tp] for tp in committed):
        for tp in committed:
            if left > 0 and committed[tp] > back[tp]:
                back[tp] += 1
                left -= 1
    return back


async def duplicate(
    admin: KafkaAccess, share: float, rng: random.Random, stop: asyncio.Event, faults: Faults
) -> None:
    """Produce `share` of the records on the intake and register topics a second time."""
    topics = [TOPICS.events("intake"), TOPICS.events("register")]
    consumer = AIOKafkaConsumer(*topics, **admin.aiokafka(), auto_offset_reset="earliest")
    producer = AIOKafkaProducer(**admin.aiokafka(), enable_idempotence=True, acks="all")
    await consumer.start()
    await producer.start()
    doubled: set[bytes] = set()
    try:
        while not stop.is_set():
            batches = await consumer.getmany(timeout_ms=500, max_records=500)
            for records in batches.values():
                for record in records:
                    ce_id = dict(record.headers).get("ce_id", b"")
                    if not ce_id or ce_id in doubled or rng.random() >= share:
                        continue
                    doubled.add(ce_id)
                    await producer.send(
                        record.topic, record.value, key=record.key, headers=list(record.headers)
                    )
                    faults.duplicated += 1
    finally:
        await producer.stop()
        await consumer.stop()


async def put_garbage(admin: KafkaAccess, count: int) -> None:
    """Deliberate garbage on the intake topic: every consumer of it must dead-letter these."""
    producer = AIOKafkaProducer(**admin.aiokafka(), enable_idempotence=True, acks="all")
    await producer.start()
    try:
        for n in range(count):
            await producer.send_and_wait(
                TOPICS.events("intake"), b"\x00not a cloud event", key=GARBAGE_KEY + str(n).encode()
            )
    finally:
        await producer.stop()


@dataclass(frozen=True)
class Fault:
    at: float  # the share of filings done when it strikes
    kind: str  # "kill", "broker", "rewind"
    target: str = ""


def schedule(knobs: Knobs, rng: random.Random) -> list[Fault]:
    """Every fault at a random moment between 5% and 85% of the filings."""
    faults = [
        Fault(rng.uniform(0.05, 0.85), "kill", w) for w in WORKERS for _ in range(knobs.kills)
    ]
    faults.append(Fault(rng.uniform(0.2, 0.7), "broker"))
    if knobs.rewind > 0:
        faults.append(Fault(rng.uniform(0.3, 0.8), "rewind", "register"))
    return sorted(faults, key=lambda f: f.at)


async def strike(
    stack: ChaosStack,
    knobs: Knobs,
    load: Load,
    faults: Faults,
    plan: list[Fault],
    began: float,
    rng: random.Random,
) -> None:
    """Strike each planned fault when the filings reach its share."""
    for fault in plan:
        while len(load.filed) < fault.at * knobs.filings:  # noqa: ASYNC110 - a count, no event
            await asyncio.sleep(0.1)
        if fault.kind == "kill":
            label = f"{fault.target}-worker"
            await asyncio.to_thread(stack.kill, label)
            faults.kills[fault.target] += 1
            faults.note(f"SIGKILL {label} (pid {stack.procs[label].pid})", began)
            await asyncio.sleep(rng.uniform(0.5, 3.0))
            stack.launch(label)
        elif fault.kind == "broker":
            faults.note("broker stopping", began)
            down = await asyncio.to_thread(stack.restart_broker)
            faults.broker_restarts += 1
            faults.broker_down_seconds += down
            faults.note(f"broker up again after {down:.1f} s", began)
        elif fault.kind == "rewind":
            label = f"{fault.target}-worker"
            group = faust_app_id(PREFIX, NODE, fault.target)
            # Something to rewind: the group has committed at least as far as it goes back.
            waited = time.monotonic()
            while await committed(stack.admin, group, TOPICS.events("intake")) < knobs.rewind:
                if time.monotonic() - waited > 120:
                    break
                await asyncio.sleep(1)
            await asyncio.to_thread(stack.kill, label)
            faults.kills[fault.target] += 1
            faults.note(f"SIGKILL {label} to rewind its group", began)
            faults.rewound += await rewind_group(
                stack.admin, group, TOPICS.events("intake"), knobs.rewind
            )
            faults.note(f"group {group} rewound {faults.rewound} offsets", began)
            stack.launch(label)


async def supervise(stack: ChaosStack, stop: asyncio.Event) -> None:
    """Restart a worker that dies on its own (the faults' planned restarts are not counted)."""
    while not stop.is_set():
        for label in stack.revive():
            print(f"  worker {label} had died on its own; restarted", flush=True)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=2)


# -- the verdict -------------------------------------------------------------------------------


async def group_lag(admin: KafkaAccess) -> dict[str, int]:
    """Per consumer group of the node: records on its topics after its committed offsets."""
    lags: dict[str, int] = {}
    consumer = AIOKafkaConsumer(**admin.aiokafka())
    await consumer.start()
    try:
        for service in WORKERS:
            spec = registry.load(service)[0]
            group = faust_app_id(PREFIX, NODE, service)
            probe = AIOKafkaConsumer(**admin.aiokafka(), group_id=group, enable_auto_commit=False)
            await probe.start()
            try:
                partitions = [
                    TopicPartition(TOPICS.events(s), p)
                    for s in spec.consumes
                    for p in range(EVENT_PARTITIONS)
                ]
                ends = await consumer.end_offsets(partitions)
                lag = 0
                for tp in partitions:
                    lag += ends[tp] - (await probe.committed(tp) or 0)
                lags[service] = lag
            finally:
                await probe.stop()
    finally:
        await consumer.stop()
    return lags


async def dead_letters(admin: KafkaAccess) -> dict[str, tuple[int, int]]:
    """Per service: (garbage dead letters, other dead letters), each position counted once."""
    found: dict[str, tuple[int, int]] = {}
    consumer = AIOKafkaConsumer(**admin.aiokafka(), auto_offset_reset="earliest")
    await consumer.start()
    try:
        for service in WORKERS:
            topic = TOPICS.dead_letter(service)
            partitions = [TopicPartition(topic, 0)]  # a dead-letter topic has one partition
            consumer.assign(partitions)
            ends = await consumer.end_offsets(partitions)
            await consumer.seek_to_beginning(*partitions)
            garbage: set[bytes] = set()
            other: set[bytes] = set()
            while [tp for tp in partitions if await consumer.position(tp) < ends[tp]]:
                for records in (await consumer.getmany(timeout_ms=1000)).values():
                    for r in records:
                        headers = dict(r.headers)
                        where = b"@".join(
                            headers.get(h, b"")
                            for h in ("dlq_topic", "dlq_partition", "dlq_offset")
                        )
                        (garbage if (r.key or b"").startswith(GARBAGE_KEY) else other).add(where)
            found[service] = (len(garbage), len(other))
    finally:
        await consumer.stop()
    return found


@dataclass
class Verdict:
    """The figures and whether each property held."""

    filings: int
    judgements: int
    lost: dict[str, int]
    doubled: dict[str, int]
    dead_letters: dict[str, tuple[int, int]]
    lag: dict[str, int]
    recovery_seconds: float | None
    checks: dict[str, bool]

    @property
    def passed(self) -> bool:
        return all(self.checks.values())


def compare(expected: Iterable[str], found: Counter[str]) -> tuple[int, int]:
    """(how many expected ids are missing, how many are there more than once)."""
    wanted = set(expected)
    return len(wanted - set(found)), sum(1 for i in wanted if found[i] > 1)


def id_sets(stack: ChaosStack, load: Load) -> tuple[dict[str, int], dict[str, int]]:
    """Lost and doubled filings and judgements, per store."""
    filed = list(load.filed.values())
    judgements = list(load.judged)  # JudgementMade's subject is the case (information id)
    seen = {
        "intake": created(stack.store("intake"), ":RiskInformation.Filed"),
        "register": receipts(stack.store("register"), RISK_REPORTED),
        "assessment": receipts(stack.store("assessment"), RISK_REPORTED),
        "warning": receipts(stack.store("warning"), JUDGEMENT_MADE),
    }
    lost, doubled = {}, {}
    for service, found in seen.items():
        ids = judgements if service == "warning" else filed
        lost[service], doubled[service] = compare(ids, found)
    return lost, doubled


async def settle(
    stack: ChaosStack, knobs: Knobs, load: Load, since: float
) -> tuple[float | None, dict[str, int], dict[str, int], dict[str, int]]:
    """Wait until every id set is complete and every group's lag is 0, at most `knobs.recovery`
    seconds (a little longer, to report how long it did take, up to 4 times as long)."""
    deadline = since + 4 * knobs.recovery
    while True:
        lost, doubled = await asyncio.to_thread(id_sets, stack, load)
        lag = await group_lag(stack.admin)
        if not any(lost.values()) and not any(lag.values()):
            return time.monotonic() - since, lost, doubled, lag
        if time.monotonic() > deadline:
            return None, lost, doubled, lag
        await asyncio.sleep(2)


# -- the run -------------------------------------------------------------------------------------


async def chaos(stack: ChaosStack, knobs: Knobs) -> tuple[Verdict, Faults, Load, dict[str, float]]:
    rng = random.Random(knobs.seed)
    began = time.monotonic()
    load, faults = Load(), Faults()
    token = dev_minter(stack.root, stack.nodes).mint(
        "chaos-office", [Role.OFFICE], "QX", name="混沌"
    )
    await put_garbage(stack.admin, knobs.garbage)
    faults.garbage = knobs.garbage
    stop = asyncio.Event()
    helpers = [
        asyncio.create_task(duplicate(stack.admin, knobs.duplicates, rng, stop, faults)),
        asyncio.create_task(supervise(stack, stop)),
        asyncio.create_task(judge_some(stack, knobs, load, stop)),
    ]
    plan = schedule(knobs, rng)
    filing_began = time.monotonic()
    await asyncio.gather(
        file_all(stack, knobs, token, load), strike(stack, knobs, load, faults, plan, began, rng)
    )
    filing_seconds = time.monotonic() - filing_began
    accepted = f"{len(load.filed)} filings accepted in {filing_seconds:.0f} s"
    print(f"  [{time.monotonic() - began:6.1f} s] {accepted}", flush=True)
    judging = helpers.pop()
    try:
        await asyncio.wait_for(judging, timeout=knobs.recovery * 4)
    except TimeoutError:
        print("  the judgements did not all reach the register in time", flush=True)
    # Recovery counts from the last disturbance: a fault, or the load itself (filings, and the
    # judgements made as their cases reach the register).
    since = max(faults.last, load.last_filing, load.last_judgement)
    recovery, lost, doubled, lag = await settle(stack, knobs, load, since)
    stop.set()
    await asyncio.gather(*helpers, return_exceptions=True)
    letters = await dead_letters(stack.admin)
    checks = {
        "every filing in intake, register and assessment": not any(
            lost[s] for s in ("intake", "register", "assessment")
        ),
        "no filing or judgement taken in twice": not any(doubled.values()),
        "every judgement's warning proposal": lost["warning"] == 0
        and len(load.judged) == len(judged_filings(knobs)),
        "no dead letter but the garbage": all(other == 0 for _, other in letters.values()),
        "the garbage dead-lettered by each consumer of the intake topic": all(
            letters[s][0] == knobs.garbage for s in ("intake", "register", "assessment")
        ),
        f"lag 0 within {knobs.recovery:.0f} s of the last fault": recovery is not None
        and recovery <= knobs.recovery,
    }
    verdict = Verdict(
        len(load.filed), len(load.judged), lost, doubled, letters, lag, recovery, checks
    )
    timing = {
        "filing_seconds": filing_seconds,
        "filings_per_second": len(load.filed) / filing_seconds,
        "run_seconds": time.monotonic() - began,
    }
    return verdict, faults, load, timing


def report(
    knobs: Knobs, verdict: Verdict, faults: Faults, timing: dict[str, float], restarts: Counter[str]
) -> dict[str, Any]:
    survived = sum(faults.kills.values()) + faults.broker_restarts + (1 if faults.rewound else 0)
    print()
    print(
        f"faults survived: {survived} ({sum(faults.kills.values())} worker kills "
        f"{dict(faults.kills)}, {faults.broker_restarts} broker restart "
        f"({faults.broker_down_seconds:.1f} s), group rewound {faults.rewound} offsets), "
        f"{faults.duplicated} records produced twice, {faults.garbage} garbage records"
    )
    print(
        f"filings: {verdict.filings} in {timing['filing_seconds']:.0f} s "
        f"({timing['filings_per_second']:.1f}/s); judgements: {verdict.judgements}"
    )
    print(f"events lost: {verdict.lost}")
    print(f"events doubled: {verdict.doubled}")
    print(f"dead letters (garbage, other): {verdict.dead_letters}")
    recovery = (
        f"{verdict.recovery_seconds:.1f} s" if verdict.recovery_seconds is not None else "never"
    )
    print(f"recovery (lag 0, every id set complete, after the last fault or filing): {recovery}")
    print(f"lag at the end: {verdict.lag}; workers that died on their own: {dict(restarts) or 0}")
    for check, held in verdict.checks.items():
        print(f"  {'PASS' if held else 'FAIL'}  {check}")
    print("verdict:", "PASS" if verdict.passed else "FAIL")
    return {
        "knobs": asdict(knobs),
        "faults": {
            "kills": dict(faults.kills),
            "broker_restarts": faults.broker_restarts,
            "broker_down_seconds": faults.broker_down_seconds,
            "rewound": faults.rewound,
            "duplicated": faults.duplicated,
            "garbage": faults.garbage,
            "log": faults.log,
            "survived": survived,
        },
        "verdict": {**asdict(verdict), "passed": verdict.passed},
        "timing": timing,
        "unplanned_restarts": dict(restarts),
    }


def write_json(document: dict[str, Any], path: Path | None) -> Path:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    if path is None:
        RESULTS.mkdir(exist_ok=True)
        path = RESULTS / f"chaos-{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{commit or 'nogit'}.json"
    document = {"commit": commit, "at": datetime.now(UTC).isoformat(), **document}
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n")
    return path


def run(knobs: Knobs, json_path: Path | None = None, root: Path | None = None) -> tuple[bool, Path]:
    """One bounded chaos run on a throwaway stack; whether it passed, and where its JSON is.

    The services' logs of a run that failed are kept under bench/results/ (the stack is not).
    """
    # The run's own clients see the broker go away on purpose: their reconnect chatter is noise.
    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)
    passed = False
    with tempfile.TemporaryDirectory(
        prefix="lianfang-chaos-", dir=root, ignore_cleanup_errors=True
    ) as folder:
        stack = ChaosStack(Path(folder), towns=[], env={"LIANFANG_TICK_SECONDS": "5"})
        alarm = threading_alarm(knobs.limit, stack)
        try:
            stack.start_kafka()
            started = stack.start_services()
            healthy = f"stack healthy in {started:.0f} s"
            print(f"chaos: seed {knobs.seed}; {knobs.filings} filings; {healthy}", flush=True)
            verdict, faults, _, timing = asyncio.run(chaos(stack, knobs))
            document = report(knobs, verdict, faults, timing, stack.restarts)
            passed = verdict.passed
        finally:
            alarm.cancel()
            stack.stop()
            if not passed:
                print(f"the services' logs are kept in {stack.keep_logs()}", file=sys.stderr)
    path = write_json(document, json_path)
    print(f"written to {path}")
    return passed, path


def threading_alarm(limit: float, stack: ChaosStack) -> threading.Timer:
    """Stop everything after `limit` seconds: the run is bounded even if it hangs."""

    def expire() -> None:
        print(f"chaos: the {limit:.0f} s limit is up; stopping", file=sys.stderr, flush=True)
        stack.stop()
        print(f"the services' logs are kept in {stack.keep_logs()}", file=sys.stderr, flush=True)
        shutil.rmtree(stack.root, ignore_errors=True)
        os._exit(2)

    timer = threading.Timer(limit, expire)
    timer.daemon = True
    timer.start()
    return timer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, default=None, help="where to write the figures")
    args = parser.parse_args()
    passed, _ = run(Knobs.from_env(), args.json)
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
