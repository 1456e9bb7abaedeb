"""A district node and a town node on one Kafka: routing by jurisdiction (Art. 24, 谁主管谁负责).

"属下级管辖的，及时批转、跟踪督办": information about a unit the town manages, filed at the
district, is forwarded 批转 down and accepted there; the town's receipt is delivery, and the
district keeps tracking until the town reports how it handled the matter and the district signs
that off 办结, which reaches the town's inbox. Information about a unit the district manages,
filed at the town, is transferred 移送 up and accepted at the district.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import uuid4

import httpx
import pytest

from shared.auth import Role
from shared.events import CloudEvent
from tests.e2e.conftest import Node, filing
from tests.support.events import risk_reported
from tests.support.processes import wait_until
from tests.unit.warning.upstream import graded, judgement

if TYPE_CHECKING:
    from pathlib import Path
    from uuid import UUID

E = TypeVar("E", bound=CloudEvent)

pytestmark = pytest.mark.kafka


def petition(unit: str, ref: str) -> dict[str, object]:
    return filing(ref, unit, "反映村务公开不及时、集体资产出租未经民主程序", channel="petition")


def post(port: int, path: str, body: dict[str, Any], token: str) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"}
    return httpx.post(f"http://127.0.0.1:{port}{path}", json=body, headers=headers, timeout=10)


def file(port: int, token: str, body: dict[str, Any]) -> dict[str, object]:
    response = post(port, "/information", body, token)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def routed(
    at: tuple[int, str], body: dict[str, Any], routing: str, to: tuple[int, str], node: str
) -> str:
    """File `body` at one node (port, token): routed `routing` to `node`, which accepts it."""
    filed = file(*at, body)
    assert (filed["routing"], filed["routed_to"]) == (routing, node)
    case = str(filed["information_id"])
    wait_until(lambda: read(*to, case).get("routing") == "accepted",
               what=f"{node} to accept the {routing} case")  # fmt: skip
    return case


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
    # The town takes it in as its own case; its receipt is delivery, not the answer.
    case = routed((district_port, district_office), petition("QX-TH-V1", "XF-2026-0901"),
                  "forwarded", (town_port, town_office), "town-taihe")  # fmt: skip
    accepted = read(town_port, town_office, case)
    assert accepted["received_from"]["node_id"] == "district"  # type: ignore[index]
    wait_until(lambda: state(district_port, district_office, case) == "delivered",
               what="the district to see the receipt")  # fmt: skip
    received = "/forwards/received"
    assert state(town_port, town_office, case, received, "handling_state") == "to_report"

    # The town reports how it handled the matter; the district takes the report in.
    report = {"outcome": "经核实，村委会已重新履行民主程序并公示", "measures": ["约谈村主任",
              "集体资产出租重新公示"], "document_refs": ["太和纪〔2026〕31号"]}  # fmt: skip
    handled = post(town_port, f"/information/{case}/handling-report", report, town_office)
    assert handled.status_code == 201, handled.text
    wait_until(lambda: state(district_port, district_office, case) == "reported",
               what="the district to take the town's handling report in")  # fmt: skip
    [row] = [r for r in forwards(district_port, district_office) if r["information_id"] == case]
    [taken] = row["handling_reports"]  # type: ignore[misc]
    assert taken["measures"] == report["measures"]

    # The district signs it off 办结; the sign-off reaches the town's inbox.
    opinion = {"opinion": "处理得当，予以办结"}
    signed = post(district_port, f"/forwards/{case}/sign-off", opinion, district_office)
    assert (signed.status_code, signed.json()["state"]) == (200, "signed_off"), signed.text
    wait_until(
        lambda: state(town_port, town_office, case, received, "handling_state") == "signed_off",
        what="the town to see the sign-off",
    )

    # The town receives information about its own town government, which the district manages.
    moved = routed((town_port, town_office), petition("QX-TH", "XF-2026-0902"),
                   "transferred", (district_port, district_office), "district")  # fmt: skip

    # The town keeps its own record of what it transferred, and where to.
    kept = read(town_port, town_office, moved)
    assert (kept["routing"], kept["routed_to"]) == ("transferred", "district")


def from_node(event: E, node_id: str, service: str) -> E:
    """The event as `node_id`'s `service` publishes it (its source and node)."""
    data = event.data.model_copy(update={"node_id": node_id})
    return event.model_copy(update={"source": f"/lianfang/{node_id}/{service}", "data": data})


def listed(port: int, path: str, token: str) -> list[dict[str, Any]]:
    answer = httpx.get(
        f"http://127.0.0.1:{port}{path}", headers={"Authorization": f"Bearer {token}"}, timeout=5
    )
    assert answer.status_code == 200, answer.text
    rows: list[dict[str, Any]] = answer.json()
    return rows


def holds(db: Path, case: UUID) -> bool:
    """Whether a store file mentions the case's id anywhere (as text or as eventsourcing's hex)."""
    raw = db.read_bytes() if db.exists() else b""
    return str(case).encode() in raw or case.hex.encode() in raw


VILLAGE = {
    "code": "QX-TH-V7",
    "name": "太和镇新设村委会",
    "kind": "village_committee",
    "parent": "QX-TH",
    "node": "town-taihe",
}


def test_each_node_keeps_its_own_cases(node: Node, town: Node) -> None:
    """Art. 27: "各级廉政风险防控机构按照干部管理权限负责对本地、本部门廉政风险预警的处置".

    Both nodes read the same topics. A judgement about 太和镇财政所 (managed by the town) opens
    one proposal, at the town; one about the town government (managed by the district), one at
    the district. No district case reaches a town store. A village committee the district
    registers reaches the town's register, which does not register it again (Art. 5, 7).
    """
    _, district_register = node.serve("register")
    _, town_register = town.serve("register")
    _, district_warning = node.serve("warning")
    _, town_warning = town.serve("warning")
    town.serve("assessment")
    district_admin = node.token(Role.ADMIN, "QX", user="u-qx-admin")
    town_admin = town.token(Role.ADMIN, "QX-TH", user="u-th-admin")

    # The district registers a new village committee 太和镇 manages; the town's register learns
    # it and does not register it a second time.
    made = post(district_register, "/units", VILLAGE, district_admin)
    assert made.status_code == 201, made.text

    def town_knows_it() -> bool:
        units = listed(town_register, "/units?within=QX-TH", town_admin)
        return any(u["code"] == "QX-TH-V7" for u in units)

    wait_until(town_knows_it, what="the town's register to learn the unit")
    again = post(town_register, "/units", VILLAGE, town_admin)
    assert again.status_code == 409, again.text

    # Reports accepted at each node (intake accepts what its node manages, Art. 24) ...
    town_report = from_node(risk_reported("QX-TH-V7"), "town-taihe", "intake")
    district_report = risk_reported("QX-ZJ")
    asyncio.run(node.produce_events("intake", [town_report, district_report]))
    # ... and judgements made at each node's register, each about a point graded 低.
    town_point, district_point = uuid4(), uuid4()
    town_case = [
        from_node(graded(town_point, unit="QX-TH-CZS"), "town-taihe", "register"),
        from_node(judgement("QX-TH-CZS", risk_point_id=town_point), "town-taihe", "register"),
    ]
    district_judgement = judgement("QX-TH", risk_point_id=district_point)
    district_case = [graded(district_point, unit="QX-TH"), district_judgement]
    asyncio.run(node.produce_events("register", [*town_case, *district_case]))

    # One proposal per judgement, at the node whose body has cadre-management authority.
    town_office = town.token(Role.OFFICE, "QX-TH", user="u-th-office")
    district_office = node.token(Role.OFFICE, "QX", user="u-qx-office")
    wait_until(lambda: len(listed(town_warning, "/proposals", town_office)) == 1,
               what="the town's proposal")  # fmt: skip
    wait_until(lambda: len(listed(district_warning, "/proposals", district_office)) == 1,
               what="the district's proposal")  # fmt: skip
    register_topic, intake_topic = node.topics.events("register"), node.topics.events("intake")
    # Every record settled at the town: the four above and the district's unit event.
    wait_until(lambda: town.tracked("warning", register_topic) == 5, what="the town's warning")
    wait_until(lambda: town.tracked("assessment", register_topic) == 5, what="its figures")
    wait_until(lambda: town.tracked("assessment", intake_topic) == 2, what="its figures")
    wait_until(lambda: town.tracked("register", intake_topic) == 2, what="the town's register")
    [town_row] = listed(town_warning, "/proposals", town_office)
    [district_row] = listed(district_warning, "/proposals", district_office)
    assert (town_row["subject_unit"], district_row["subject_unit"]) == ("QX-TH-CZS", "QX-TH")
    assert town.stored("warning", "Proposal.Opened") == 1
    assert node.stored("warning", "Proposal.Opened") == 1

    # Each register enters its own node's reports only.
    town_judge = town.token(Role.JUDGE, "QX-TH", user="u-th-judge")
    district_judge = node.token(Role.JUDGE, "QX", user="u-qx-judge")
    town_cases = listed(town_register, "/information", town_judge)
    district_cases = listed(district_register, "/information", district_judge)
    assert [r["unit_code"] for r in town_cases] == ["QX-TH-V7"]
    assert [r["unit_code"] for r in district_cases] == ["QX-ZJ"]

    # No district case in any town store: not its report, point, judgement or proposal.
    district_ids = [
        district_report.data.information_id,
        district_point,
        district_judgement.data.judgement_id,
    ]
    stores = sorted(town.data_dir.glob("*.sqlite"))
    assert {s.name for s in stores} >= {"register.sqlite", "warning.sqlite", "assessment.sqlite"}
    for store in stores:
        assert not any(holds(store, case) for case in district_ids), store.name
    # A district office's token is refused at the town's door, naming its root (Art. 7).
    refused = httpx.get(
        f"http://127.0.0.1:{town_warning}/proposals",
        headers={"Authorization": f"Bearer {district_office}"},
        timeout=5,
    )
    assert refused.status_code == 403
    assert "serves the units of QX-TH" in refused.text
