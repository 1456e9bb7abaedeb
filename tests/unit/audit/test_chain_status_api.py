"""`GET /audit/chain`: this store's hash chain walked against its witnessed heads, as the audit
screen shows it (Art. 23, 29, 31).

Through the warning service's real HTTP API on SQLite: a store with events is whole and agrees
with the head a checkpoint witnessed; the same store with an edited payload names the first
broken link; a head witnessed with another hash shows the history was rewritten; an audit topic
that cannot be read is said so, and the chain alone is still checked. The topic is replaced by
the witnesses a test chooses (`read_witnesses` is what the route calls).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

import pytest
from fastapi.testclient import TestClient

from services.warning.main import SPEC
from services.warning.settings import WarningSettings
from shared.audit import api as audit_api
from shared.audit.chain import chained
from shared.audit.verify import Witness
from shared.auth import Role
from shared.clock import ManualClock
from shared.http import create_api
from shared.runtime import Runtime
from shared.settings import CommonSettings
from tests.support.tokens import token_for
from tests.unit.warning.upstream import feed, judgement

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from shared.kafka import KafkaAccess


@pytest.fixture
def runtime(tmp_path: Path) -> Iterator[Runtime]:
    common = CommonSettings(store="sqlite", data_dir=tmp_path)
    runtime = Runtime(SPEC, WarningSettings(common=common), ManualClock())
    yield runtime
    runtime.close()


def _witnessed(monkeypatch: pytest.MonkeyPatch, witnesses: list[Witness] | Exception) -> None:
    async def read(access: KafkaAccess, topic: str) -> list[Witness]:
        if isinstance(witnesses, Exception):
            raise witnesses
        return list(witnesses)

    monkeypatch.setattr(audit_api, "read_witnesses", read)


def _status(runtime: Runtime, role: Role = Role.AUDITOR) -> dict[str, object]:
    client = TestClient(create_api(runtime))
    who = {"Authorization": f"Bearer {token_for(runtime, 'u-qx-auditor', [role], 'QX')}"}
    answer = client.get("/audit/chain", headers=who)
    assert answer.status_code == 200, answer.text
    body: dict[str, object] = answer.json()
    return body


def test_a_whole_chain_agrees_with_its_witness(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed(runtime.app, judgement(unit="QX-TH"))
    head = chained(runtime.app.recorder).chain_head()
    assert head is not None
    node = runtime.common.node_id
    other = Witness("intake", node, head.position, "f" * 64, "elsewhere")  # another store's
    _witnessed(monkeypatch, [Witness("warning", node, head.position, head.hash, "cp-1"), other])
    status = _status(runtime, Role.OFFICE)  # an office's request is not recorded: same head
    assert status["ok"] is True
    assert status["broken"] is None
    assert (status["witnesses_found"], status["witnesses_checked"]) == (1, 1)
    assert status["witnessed_up_to"] == head.position
    assert status["last_witness"] == {"position": head.position, "hash": head.hash,
                                      "checkpoint_id": "cp-1"}  # fmt: skip
    assert status["head_event_id"] == head.event_id
    assert status["head_hash"] == head.hash
    assert status["witnesses_unavailable"] is None


def test_an_edited_payload_and_a_rewritten_history_are_named(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    feed(runtime.app, judgement(unit="QX-TH"))
    head = chained(runtime.app.recorder).chain_head()
    assert head is not None
    node = runtime.common.node_id
    _witnessed(monkeypatch, [Witness("warning", node, head.position, "0" * 64, "cp-old")])
    rewritten = _status(runtime)  # the auditor's request is recorded first, after the head
    assert rewritten["ok"] is False
    broken = rewritten["broken"]
    assert isinstance(broken, dict)
    assert broken["position"] == head.position
    assert "rewritten" in broken["reason"]

    _witnessed(monkeypatch, [])
    [database] = list(tmp_path.rglob("*.sqlite*"))[:1]
    with sqlite3.connect(database) as db:
        db.execute("UPDATE stored_events SET state = X'00' WHERE rowid = 1")
    edited = _status(runtime, Role.ADMIN)
    assert edited["ok"] is False
    broken = edited["broken"]
    assert isinstance(broken, dict)
    assert (broken["position"], "payload was edited" in broken["reason"]) == (1, True)


def test_an_unreadable_audit_topic_is_said_and_the_chain_still_checked(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed(runtime.app, judgement(unit="QX-TH"))
    _witnessed(monkeypatch, ConnectionError("no broker"))
    status = _status(runtime, Role.OFFICE)
    assert status["ok"] is True
    assert status["witnesses_found"] == 0
    assert "ConnectionError" in str(status["witnesses_unavailable"])


def test_only_auditors_offices_and_admins_read_it(runtime: Runtime) -> None:
    client = TestClient(create_api(runtime))
    judge = {"Authorization": f"Bearer {token_for(runtime, 'u-j', [Role.JUDGE], 'QX')}"}
    assert client.get("/audit/chain", headers=judge).status_code == 403
