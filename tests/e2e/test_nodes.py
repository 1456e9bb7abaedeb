"""A district node and a town node on one Kafka: routing by jurisdiction (Art. 24, 谁主管谁负责).

Information about a unit the town manages, filed at the district, is forwarded 批转 down,
accepted there, acknowledged back, and the district's tracking closes. Information about a unit
the district manages, filed at the town, is transferred 移送 up and accepted at the district.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx
import pytest

from shared.auth import Role
from tests.e2e.conftest import Node, filing
from tests.support.processes import wait_until

if TYPE_CHECKING:
    pass

pytestmark = pytest.mark.kafka


def petition(unit: str, ref: str) -> dict[str, object]:
    return filing(ref, unit, "反映村务公开不及时、集体资产出租未经民主程序", channel="petition")


def file(port: int, token: str, body: dict[str, object]) -> dict[str, object]:
    response = httpx.post(
        f"http://127.0.0.1:{port}/information",
        json=body,
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


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
    down = file(district_port, district_office, petition("QX-TH-V1", "XF-2026-0901"))
    assert (down["routing"], down["routed_to"]) == ("forwarded", "town-taihe")
    case = str(down["information_id"])

    # The town takes it in as its own case, and its acknowledgement closes the district's tracking.
    wait_until(lambda: read(town_port, town_office, case).get("routing") == "accepted",
               what="the town to accept the forwarded case")  # fmt: skip
    accepted = read(town_port, town_office, case)
    assert accepted["received_from"]["node_id"] == "district"  # type: ignore[index]
    wait_until(lambda: read(district_port, district_office, case).get("acknowledged") is True,
               what="the district to see the acknowledgement")  # fmt: skip

    # The town receives information about its own town government, which the district manages.
    up = file(town_port, town_office, petition("QX-TH", "XF-2026-0902"))
    assert (up["routing"], up["routed_to"]) == ("transferred", "district")
    moved = str(up["information_id"])
    wait_until(lambda: read(district_port, district_office, moved).get("routing") == "accepted",
               what="the district to accept the transferred case")  # fmt: skip

    # The town keeps its own record of what it transferred, and where to.
    kept = read(town_port, town_office, moved)
    assert (kept["routing"], kept["routed_to"]) == ("transferred", "district")
