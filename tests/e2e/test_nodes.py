"""A district node and a town node on one Kafka: routing by jurisdiction (Art. 24, 谁主管谁负责).

Information about a unit the town manages, filed at the district, is forwarded 批转 down,
accepted there, acknowledged back, and the district's tracking closes. Information about a unit
the district manages, filed at the town, is transferred 移送 up and accepted at the district.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import httpx
import pytest

from shared.auth import Role
from tests.e2e.conftest import Node
from tests.support.processes import wait_until

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

pytestmark = pytest.mark.kafka


@pytest.fixture
def town(node: Node, tmp_path: Path) -> Iterator[Node]:
    """太和镇's node, sharing the district's Kafka and topics."""
    (tmp_path / "taihe").mkdir()
    t = Node(node.bootstrap, tmp_path / "taihe", node.prefix, "town-taihe", "QX-TH")
    yield t
    t.stop_all()


def filing(unit: str, ref: str) -> dict[str, object]:
    learned = datetime.now(UTC) - timedelta(hours=3)
    return {
        "channel": "petition",
        "source_reference": ref,
        "unit_code": unit,
        "summary": "反映村务公开不及时、集体资产出租未经民主程序",
        "learned_at": learned.isoformat(),
    }


def read(port: int, token: str, information_id: str) -> dict[str, object]:
    response = httpx.get(
        f"http://127.0.0.1:{port}/information/{information_id}",
        headers={"Authorization": f"Bearer {token}"},
        timeout=5,
    )
    return response.json() if response.status_code == 200 else {}


def test_forwarded_down_acknowledged_and_transferred_up(node: Node, town: Node) -> None:
    _, district_port = node.serve("intake")
    _, town_port = town.serve("intake")
    district_office = node.token(Role.OFFICE, "QX", user="u-district-office")
    town_office = town.token(Role.OFFICE, "QX-TH", user="u-taihe-office")

    # The district receives a petition about a village committee the town manages: forward it.
    down = httpx.post(
        f"http://127.0.0.1:{district_port}/information",
        json=filing("QX-TH-V1", "XF-2026-0901"),
        headers={"Authorization": f"Bearer {district_office}"},
        timeout=10,
    )
    assert down.status_code == 201, down.text
    assert down.json()["routing"] == "forwarded"
    assert down.json()["routed_to"] == "town-taihe"
    case = str(down.json()["information_id"])

    # The town takes it in as its own case, and its acknowledgement closes the district's tracking.
    wait_until(lambda: read(town_port, town_office, case).get("routing") == "accepted",
               what="the town to accept the forwarded case")  # fmt: skip
    accepted = read(town_port, town_office, case)
    assert accepted["received_from"]["node_id"] == "district"  # type: ignore[index]
    wait_until(lambda: read(district_port, district_office, case).get("acknowledged") is True,
               what="the district to see the acknowledgement")  # fmt: skip

    # The town receives information about its own town government, which the district manages.
    up = httpx.post(
        f"http://127.0.0.1:{town_port}/information",
        json=filing("QX-TH", "XF-2026-0902"),
        headers={"Authorization": f"Bearer {town_office}"},
        timeout=10,
    )
    assert up.status_code == 201, up.text
    assert up.json()["routing"] == "transferred"
    assert up.json()["routed_to"] == "district"
    moved = str(up.json()["information_id"])
    wait_until(lambda: read(district_port, district_office, moved).get("routing") == "accepted",
               what="the district to accept the transferred case")  # fmt: skip

    # The town keeps its own record of what it transferred, and where to.
    kept = read(town_port, town_office, moved)
    assert (kept["routing"], kept["routed_to"]) == ("transferred", "district")
