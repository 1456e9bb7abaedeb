"""`lianfang audit verify` on a service's real SQLite store: ok, then a named break (Art. 23)."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from lianfang.cli import app as cli
from services import registry
from shared.audit.chain import GENESIS, chained, link_hash
from shared.clock import ManualClock
from shared.envelope import to_record
from shared.inbox import Delivery, Inbox, Outcome
from shared.kafka import KafkaAccess
from shared.runtime import Runtime
from tests.support.events import risk_reported
from tests.support.processes import node_env

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def clock() -> ManualClock:
    """The services' clock: what they record carries its time (shared/event_clock.py)."""
    return ManualClock()


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: ManualClock) -> dict[str, str]:
    """A register store with three reports taken in; the settings point the CLI at it."""
    found = node_env(KafkaAccess("127.0.0.1:9"), tmp_path / "data", "cli-audit")
    for key, value in found.items():
        monkeypatch.setenv(key, value)
    spec, settings = registry.load("register")
    runtime = Runtime(spec, settings(), clock=clock)
    inbox = Inbox(runtime.app)
    for offset in range(3):
        record = to_record(risk_reported())
        delivery = Delivery("t", 0, offset, record.key, record.value, tuple(record.headers))
        assert inbox.take(delivery).outcome is Outcome.PROCESSED
    head = chained(runtime.app.recorder).chain_head()
    assert head is not None
    witness = {
        "service": "register",
        "node_id": "district",
        "position": head.position,
        "hash": head.hash,
        "checkpoint_id": "cp-test",
    }
    (tmp_path / "witnesses.jsonl").write_text(json.dumps(witness) + "\n", encoding="utf-8")
    runtime.close()
    return found


def edit_and_rehash(db: Path, position: int) -> None:
    """Edit one payload and, like a careful attacker, recompute the whole chain."""
    con = sqlite3.connect(db, isolation_level=None)
    con.execute(
        "UPDATE stored_events SET state = CAST(state || ' ' AS BLOB) WHERE rowid=?", (position,)
    )
    previous, links = GENESIS, []
    for pos, oid, version, topic, state in con.execute(
        "SELECT rowid, * FROM stored_events ORDER BY rowid"
    ):
        oid_text = f"{oid[:8]}-{oid[8:12]}-{oid[12:16]}-{oid[16:20]}-{oid[20:]}"
        previous = link_hash(previous, pos, oid_text, version, topic, bytes(state))
        links.append((pos, oid_text, version, previous))
    con.execute("DELETE FROM stored_chain")
    con.executemany("INSERT INTO stored_chain VALUES (?,?,?,?)", links)
    con.close()


def test_verify_passes_then_names_an_edited_event(env: dict[str, str], tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["audit", "verify", "--service", "register"])
    assert result.exit_code == 0, result.output
    assert "ok register: 6 events chained" in result.output

    con = sqlite3.connect(tmp_path / "data" / "register.sqlite", isolation_level=None)
    con.execute("UPDATE stored_events SET state = CAST(state || ' ' AS BLOB) WHERE rowid=4")
    con.close()
    result = runner.invoke(cli, ["audit", "verify", "--service", "register"])
    assert result.exit_code == 1
    assert "BROKEN register: broken at position 4 (event " in result.output
    assert "edited" in result.output


def test_a_rehashed_rewrite_passes_alone_but_not_against_the_witness_file(
    env: dict[str, str], tmp_path: Path
) -> None:
    edit_and_rehash(tmp_path / "data" / "register.sqlite", 2)
    runner = CliRunner()
    assert runner.invoke(cli, ["audit", "verify", "--service", "register"]).exit_code == 0
    witnesses = str(tmp_path / "witnesses.jsonl")
    args = ["audit", "verify", "--service", "register", "--witnesses", witnesses]
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    assert "broken at position 6" in result.output
    assert "checkpoint cp-test" in result.output


def test_an_unknown_service_is_refused_by_name() -> None:
    result = CliRunner().invoke(cli, ["audit", "verify", "--service", "payroll"])
    assert result.exit_code == 2
    assert "payroll" in result.output


def test_replay_as_of_gives_the_state_recorded_then_and_nothing_before(
    env: dict[str, str], tmp_path: Path, clock: ManualClock
) -> None:
    from shared.audit.replay import state_of

    spec, settings = registry.load("register")
    runtime = Runtime(spec, settings(), clock=clock)
    ids = {n.originator_id for n in runtime.app.recorder.select_notifications(None, 1000)}
    recorded = [state_of(runtime.app.repository.get(i)) for i in ids]
    then = clock.advance(timedelta(minutes=1))
    clock.advance(timedelta(minutes=1))
    record = to_record(risk_reported())
    delivery = Delivery("t", 0, 9, record.key, record.value, tuple(record.headers))
    assert Inbox(runtime.app).take(delivery).outcome is Outcome.PROCESSED
    runtime.close()

    out = tmp_path / "state.json"
    args = ["audit", "replay", "--service", "register", "--as-of", then.isoformat()]
    result = CliRunner().invoke(cli, [*args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "events/s" in result.output
    replayed = json.loads(out.read_text(encoding="utf-8"))["aggregates"]
    expected = json.loads(json.dumps(recorded, ensure_ascii=False, default=str))
    assert sorted(replayed, key=lambda a: a["id"]) == sorted(expected, key=lambda a: a["id"])

    result = CliRunner().invoke(
        cli, ["audit", "replay", "--service", "register", "--as-of", "2000-01-01"]
    )
    assert result.exit_code == 0, result.output
    assert "0 of 8 events applied, 0 aggregates (nothing yet)" in result.output
