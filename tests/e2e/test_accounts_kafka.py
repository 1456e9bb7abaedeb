"""The console service on real Kafka: `lianfang serve console` answers, its directory works over
HTTP, and a grant, a suspension and a re-activation go out on the console's topic, each once,
for every service to follow (issue #14 items 1 and 3; the intake follows the custodian grants).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx
import pytest

from shared.auth import Role
from shared.envelope import from_record
from shared.events import AccountReactivated, AccountSuspended, RoleGranted

if TYPE_CHECKING:
    from tests.e2e.conftest import Node

pytestmark = pytest.mark.kafka

DECISION = "清新纪发〔2026〕12号"
ACCOUNTS = "/accounts"


async def test_a_suspension_and_reactivation_are_published_once_on_the_console_topic(
    node: Node,
) -> None:
    _, port = node.serve("console")
    admin = {"Authorization": f"Bearer {node.token(Role.ADMIN, 'QX', 'qx-admin')}"}
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
        assert (await http.get("/healthz")).json() == {"status": "ok"}
        body = {"user_id": "th-chen", "name": "陈主任", "unit_code": "QX-TH",
                "grants": [{"role": "office"}], "authority": DECISION}  # fmt: skip
        opened = await http.post(ACCOUNTS, json=body, headers=admin)
        assert opened.status_code == 201, opened.text
        change = {"reason": "立案审查", "authority": "清新纪发〔2026〕30号"}
        suspended = await http.post(f"{ACCOUNTS}/th-chen/suspension", json=change, headers=admin)
        assert suspended.json()["status"] == "suspended"
        change = {"reason": "审查结束", "authority": "清新纪发〔2026〕31号"}
        back = await http.post(f"{ACCOUNTS}/th-chen/reactivation", json=change, headers=admin)
        assert back.json()["status"] == "active"

    records = await node.read_all(node.topics.events("console"), expect=3)
    events: list[Any] = [from_record(r.key, r.value, r.headers) for r in records]
    assert [type(e) for e in events] == [RoleGranted, AccountSuspended, AccountReactivated]
    assert {r.key for r in records} == {b"th-chen"}  # one account's events stay in order
    assert (events[0].data.role, events[0].data.unit_code) == ("office", "QX-TH")
    suspension = events[1]
    assert (suspension.data.user_id, suspension.data.unit_code) == ("th-chen", "QX-TH")
    assert suspension.data.actor.user_id == "qx-admin"
    assert suspension.data.authority == "清新纪发〔2026〕30号"
    # The opening stays in the console (the grant goes out), and so does the suspension's reason.
    assert all("立案".encode() not in r.value for r in records)
