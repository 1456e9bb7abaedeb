"""A district node and a town node on one Kafka: routing by jurisdiction (Art. 24, 谁主管谁负责).

"属下级管辖的，及时批转、跟踪督办": information about a unit the town manages, filed at the
district, is forwarded 批转 down and accepted there; the town's receipt is delivery, and the
district keeps tracking until the town reports how it handled the matter and the district signs
that off 办结, which reaches the town's inbox. Information about a unit the district manages,
filed at the town, is transferred 移送 up and accepted at the district.
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


def forwards(port: int, token: str, path: str = "/forwards") -> list[dict[str, object]]:
    response = httpx.get(
        f"http://127.0.0.1:{port}{path}", headers={"Authorization": f"Bearer {token}"}, timeout=5
    )
    return response.json() if response.status_code == 200 else []  # type: ignore[no-any-return]


def state(port: int, token: str, case: str, path: str = "/forwards", key: str = "state") -> object:
    rows = [r for r in forwards(port, token, path) if r["information_id"] == case]
    return rows[0][key] if rows else None


def test_forwarded_down_handled_signed_off_and_transferred_up(node: Node, town: Node) -> None:
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

    # The town takes it in as its own case; its receipt is delivery, not the answer.
    wait_until(lambda: read(town_port, town_office, case).get("routing") == "accepted",
               what="the town to accept the forwarded case")  # fmt: skip
    accepted = read(town_port, town_office, case)
    assert accepted["received_from"]["node_id"] == "district"  # type: ignore[index]
    wait_until(lambda: state(district_port, district_office, case) == "delivered",
               what="the district to see the receipt")  # fmt: skip
    received = "/forwards/received"
    assert state(town_port, town_office, case, received, "handling_state") == "to_report"

    # The town reports how it handled the matter; the district takes the report in.
    report = {"outcome": "经核实，村委会已重新履行民主程序并公示", "measures": ["约谈村主任",
              "集体资产出租重新公示"], "document_refs": ["太和纪〔2026〕31号"]}  # fmt: skip
    handled = httpx.post(
        f"http://127.0.0.1:{town_port}/information/{case}/handling-report",
        json=report,
        headers={"Authorization": f"Bearer {town_office}"},
        timeout=10,
    )
    assert handled.status_code == 201, handled.text
    wait_until(lambda: state(district_port, district_office, case) == "reported",
               what="the district to take the town's handling report in")  # fmt: skip
    [row] = [r for r in forwards(district_port, district_office) if r["information_id"] == case]
    [taken] = row["handling_reports"]  # type: ignore[misc]
    assert taken["measures"] == report["measures"]

    # The district signs it off 办结; the sign-off reaches the town's inbox.
    signed = httpx.post(
        f"http://127.0.0.1:{district_port}/forwards/{case}/sign-off",
        json={"opinion": "处理得当，予以办结"},
        headers={"Authorization": f"Bearer {district_office}"},
        timeout=10,
    )
    assert (signed.status_code, signed.json()["state"]) == (200, "signed_off"), signed.text
    wait_until(
        lambda: state(town_port, town_office, case, received, "handling_state") == "signed_off",
        what="the town to see the sign-off",
    )

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
