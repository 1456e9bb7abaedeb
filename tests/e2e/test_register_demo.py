"""The demo register loaded over HTTP into a real served register, twice (Art. 10–14).

Four units of 清新区 end with catalogued powers, flowcharts and graded, approved, published risk
points with the measures their grades need before force (Art. 14, 15); each milestone goes out
on Kafka once (PowerCatalogued, PowerCharted, RiskGraded,
RiskPointApproved, RiskPointPublished); loading again changes nothing.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import httpx
import pytest

from lianfang.demo_register import DEMO_POWERS, load_register_demo
from shared.auth import Role
from tests.support.directory import demo_posts, grants
from tests.support.tokens import ALL_NODES, issuer

if TYPE_CHECKING:
    from tests.e2e.conftest import Node

pytestmark = pytest.mark.kafka


def test_the_demo_register_is_loaded_through_the_api_once(node: Node) -> None:
    # The demo people's posts, as the console publishes them (the teams that approve, Art. 14).
    asyncio.run(node.produce_events("console", grants(demo_posts())))
    _, port = node.serve("register")
    base = f"http://127.0.0.1:{port}"
    tokens = issuer().for_audience(*ALL_NODES)
    demo = load_register_demo(base, tokens)

    risks = [r for p in DEMO_POWERS for r in p.risks]
    assert len(demo.powers) == len(DEMO_POWERS) == 4
    assert len(demo.risk_points) == len(risks)
    assert set(demo.grades.values()) == {"high", "medium", "low"}
    district = {"Authorization": f"Bearer {node.token(Role.AUDITOR, 'QX')}"}
    rows = httpx.get(f"{base}/risk-points", headers=district).json()
    assert {r["id"] for r in rows} == set(demo.risk_points.values())
    assert {r["status"] for r in rows} == {"published"}
    assert {r["unit_code"] for r in rows} == {"QX-ZRZY", "QX-SJ", "QX-ZJ", "QX-TH"}
    # Each point's measures cover the categories its grade needs before force (Art. 14, 15).
    for point_id in demo.risk_points.values():
        shown = httpx.get(f"{base}/risk-points/{point_id}", headers=district).json()
        categories = {m["category"] for m in shown["measures"] if m["status"] != "withdrawn"}
        assert len(categories) >= shown["measures_needed"] >= 1
        assert all(m["owner_id"] and m["due_date"] for m in shown["measures"])
    for power_id in demo.powers.values():
        svg = httpx.get(f"{base}/powers/{power_id}/flowchart.svg", headers=district)
        assert svg.status_code == 200
        assert "风险点" in svg.text

    again = load_register_demo(base, tokens)
    assert (again.powers, again.risk_points) == (demo.powers, demo.risk_points)
    assert len(httpx.get(f"{base}/risk-points", headers=district).json()) == len(risks)

    # Each power catalogued and charted once; each point graded, approved and published once;
    # none from the second load (Art. 10, 11, 14).
    each = 2 * len(DEMO_POWERS) + 3 * len(risks)
    records = asyncio.run(
        node.read_all(node.topics.events("register"), expect=each + 1, timeout=10)
    )
    kinds = [dict(r.headers)["ce_type"].decode().split(".")[-2] for r in records]
    assert {k: kinds.count(k) for k in set(kinds)} == {
        "PowerCatalogued": len(DEMO_POWERS), "PowerCharted": len(DEMO_POWERS),
        "RiskGraded": len(risks), "RiskPointApproved": len(risks),
        "RiskPointPublished": len(risks),
    }  # fmt: skip
