"""A record that does not come from where it says, or from a node that may speak for its unit,
is a dead letter and changes no store (issue #17 item 2; security review C2; Art. 7).

Real processes: the district's warning worker reads the register's topic from a real broker.
The forged record is the review's exploit: 太和镇's node "moving" a district bureau to itself,
which would let the town's custodian read that bureau's petitions. And a forward is receipted
only by the node it went to (Art. 24): another town's node, speaking of its own town so that
the provenance check believes it, is a dead letter for the district's intake.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from uuid import UUID

import httpx

from shared.auth import Role
from shared.events import InformationAcknowledged, InformationAcknowledgedData
from shared.events.publish import Origin
from tests.support.processes import wait_until
from tests.unit.shared.test_provenance import moved_to

if TYPE_CHECKING:
    from tests.e2e.conftest import Node

KNOWN_UNITS = (":KnownUnit.Learned", ":KnownUnit.Updated")


async def test_a_forged_org_change_is_a_dead_letter_and_the_true_one_is_taken(node: Node) -> None:
    forged = moved_to("QX-ZRZY", "town-taihe", said_by="town-taihe")
    true = moved_to("QX-ZJ", "district", said_by="district")
    await node.produce_events("register", [forged, true])
    node.worker("warning")
    topic = node.topics.events("register")
    wait_until(lambda: node.tracked("warning", topic) == 2, what="both records settled")

    [letter] = await node.read_all(node.topics.dead_letter("warning"), expect=1)
    reason = dict(letter.headers)["dlq_reason"].decode()
    assert reason.startswith("untrusted provenance: node town-taihe may not speak for unit QX-ZRZY")
    # Only the true change reached the warning service's copy of the tree.
    assert sum(node.stored("warning", suffix) for suffix in KNOWN_UNITS) == 1


def receipt(case: str, forward_id: str, node: str, unit: str) -> InformationAcknowledged:
    """An acknowledgement of the district's forward, as `node`'s intake publishes one."""
    origin = Origin(f"/lianfang/{node}/intake", node)
    now = datetime.now(UTC)
    data = InformationAcknowledgedData(
        **origin.stamp(unit, origin.system(unit), "Art. 24", now),
        information_id=UUID(case), to_node_id="district", forwarded_event_id=forward_id,
    )  # fmt: skip
    return InformationAcknowledged.create(
        data=data, subject=case, source=origin.source, clock_now=now
    )


async def test_only_the_node_a_case_was_forwarded_to_acknowledges_it(node: Node) -> None:
    _, port = node.serve_with("intake")
    office = {"Authorization": f"Bearer {node.token(Role.OFFICE, 'QX', user='u-qx-office')}"}
    base = f"http://127.0.0.1:{port}"
    async with httpx.AsyncClient(base_url=base, headers=office, timeout=10) as http:
        filed = await http.post(
            "/information",
            json={"channel": "officer_report", "source_reference": "XXY-2026-0917",
                  "unit_code": "QX-TH-V1", "summary": "村务公开栏长期未更新",
                  "learned_at": (datetime.now(UTC) - timedelta(hours=1)).isoformat()},
        )  # fmt: skip
        assert filed.status_code == 201, filed.text
        assert filed.json()["routed_to"] == "town-taihe"
        case = filed.json()["information_id"]
        [forward] = await node.read_all(node.topics.events("intake"), expect=1)
        forward_id = dict(forward.headers)["ce_id"].decode()

        # 太平镇's node receipts it, speaking of its own town: the broker and the provenance
        # check let it through (the record is the town's to say), the district's intake does not.
        await node.produce_events("intake", [receipt(case, forward_id, "town-taiping", "QX-TP")])
        [letter] = await node.read_all(node.topics.dead_letter("intake"), expect=1)
        reason = dict(letter.headers)["dlq_reason"].decode()
        assert reason.startswith("refused by intake: Art. 24: ")
        assert "forwarded to node town-taihe; an acknowledgement from node town-taiping" in reason

        async def receipted() -> bool:
            [row] = (await http.get("/forwards")).json()
            return row["acknowledged_at"] is not None

        assert not await receipted()
        # 太和镇's own receipt is taken.
        await node.produce_events("intake", [receipt(case, forward_id, "town-taihe", "QX-TH-V1")])
        for _ in range(150):
            if await receipted():
                break
            await asyncio.sleep(0.2)
        assert await receipted(), "the true receipt was not taken in"
