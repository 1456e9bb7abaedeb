"""The demo of `make run`, on real processes and real Kafka: every public event appears.

The demo district's information is filed at intake; one case is judged at the register and warned
at the warning service with a deadline seconds away. A downstream reader then finds RiskReported,
RiskGraded, WarningIssued and RectificationOverdue on the topics, all about the same unit.
"""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import datetime, timedelta
from uuid import UUID, uuid4

import httpx
import pytest

from lianfang.demo import CHAIN_CASE, DEMO_INFORMATION, load_demo
from lianfang.demo_chain import CASE_UNIT, carry_case_through
from lianfang.kafka_replay import IN_MEMORY, replay_from_kafka
from services import registry
from shared.audit.case_index import gather
from shared.audit.case_timeline import case_timeline
from shared.audit.index_backfill import backfill_from_topics
from shared.audit.published import read_published
from shared.auth import Role
from shared.clock import BEIJING, SystemClock
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED
from shared.settings import CommonSettings, ServiceSettings
from tests.e2e.conftest import Node
from tests.support.directory import demo_posts, grants
from tests.support.processes import wait_until
from tests.support.tokens import ALL_NODES, issuer

pytestmark = pytest.mark.kafka

PREFIX = "cn.gov.qingxin.lianfang."
ORG = OrgDirectory.from_json(DEFAULT_ORG_SEED)


def node_settings(node: Node, service: str) -> ServiceSettings:
    """The settings the node's service process runs with."""
    _, settings = registry.load(service)
    operator = node.kafka_as("operator")  # the CLI's principal: it reads the topics back
    common = CommonSettings(
        kafka_bootstrap=node.bootstrap, topic_prefix=node.prefix, node_id=node.node_id,
        node_root_unit=node.root_unit, store="memory",
        kafka_security_protocol=operator.security_protocol, kafka_username=operator.username,
        kafka_password_file=operator.password_file,
    )  # fmt: skip
    return settings(common=common)


def managing_node(unit: str) -> str:
    return ORG.get(unit).managing_node_id


def kinds(records: list[object]) -> list[str]:
    return [dict(r.headers)["ce_type"].decode().removeprefix(PREFIX) for r in records]  # type: ignore[attr-defined]


async def test_the_demo_puts_every_public_event_on_kafka(node: Node) -> None:
    fast = {"LIANFANG_TICK_SECONDS": "1"}
    services = ("intake", "register", "warning", "assessment")
    # The demo people's posts, as the console publishes them (Art. 14, 25).
    await node.produce_events("console", grants(demo_posts()))
    ports = {s: node.serve_with(s, **fast)[1] for s in services}
    tokens = issuer().for_audience(*ALL_NODES)

    ids = load_demo(f"http://127.0.0.1:{ports['intake']}", tokens)
    assert len(ids) == len(DEMO_INFORMATION)
    chain = carry_case_through(
        f"http://127.0.0.1:{ports['register']}",
        f"http://127.0.0.1:{ports['warning']}",
        tokens,
        ids[CHAIN_CASE],
        due_in=timedelta(seconds=3),
    )
    assert chain is not None
    assert chain.notice_number.startswith("清新廉预〔")

    # The district node accepts what its own departments are about and forwards the towns'.
    district_cases = [i for i in DEMO_INFORMATION if node.node_id == managing_node(i[2])]
    reported = await node.read_all(node.topics.events("intake"), expect=len(ids), timeout=30)
    assert kinds(reported).count("intake.RiskReported.v1") == len(district_cases) == 2
    assert kinds(reported).count("intake.InformationForwarded.v1") == len(ids) - 2
    graded = await node.read_all(node.topics.events("register"), expect=2, timeout=30)
    assert sorted(kinds(graded)) == ["register.JudgementMade.v1", "register.RiskGraded.v1"]
    warned = await node.read_all(node.topics.events("warning"), expect=2, timeout=60)
    assert sorted(kinds(warned)) == [
        "warning.RectificationOverdue.v1",
        "warning.WarningIssued.v1",
    ]
    for record in [*graded, *warned]:
        assert json.loads(record.value)["unit_code"] == CASE_UNIT
    issued = next(
        json.loads(r.value) for r in warned if b"WarningIssued" in dict(r.headers)["ce_type"]
    )
    assert issued["warning_id"] == chain.warning_id
    assert issued["notice_number"] == chain.notice_number

    # An auditor reads the case's whole history back from the topics.
    published = await read_published(node.admin, node.prefix)
    assert published.unreadable == 0
    timeline = case_timeline(UUID(chain.information_id), published.events)
    assert [e.event_type for e in timeline] == [
        "RiskReported",
        "JudgementMade",
        "RiskGraded",
        "WarningIssued",
        "RectificationOverdue",
    ]
    assert {e.unit_code for e in timeline} == {CASE_UNIT}
    # The same through an auditor's API, as JSON and as a document; not to a town's auditor.
    # Assessment serves it from the index its worker keeps as it consumes (review H3).
    assessment = f"http://127.0.0.1:{ports['assessment']}"
    case = f"/audit/cases/{chain.information_id}/timeline"
    auditor = {"Authorization": f"Bearer {node.token(Role.AUDITOR, 'QX', 'u-qx-auditor')}"}
    expected = [e.event_id for e in timeline]
    async with httpx.AsyncClient(base_url=assessment, headers=auditor, timeout=30) as http:
        shown: list[str] = []
        for _ in range(150):  # until the worker has filed the last step
            page = (await http.get(case)).json()
            shown = [e["event_id"] for e in page] if isinstance(page, list) else []
            if shown == expected:
                break
            await asyncio.sleep(0.2)
        assert shown == expected
        document = (await http.get(f"{case}.md")).text
        assert chain.notice_number in document
        assert "逾期未落实" in document
        assert (await http.get(f"/audit/cases/{uuid4()}/timeline")).status_code == 404
        town = {"Authorization": f"Bearer {node.token(Role.AUDITOR, 'QX-TH', 'u-th-auditor')}"}
        # not theirs: answered as unknown (security review M5)
        assert (await http.get(case, headers=town)).status_code == 404
        recorded = (await http.get("/audit/queries")).json()
    assert [q["target"] for q in recorded][-2:] == [f"{case}.md", case]
    # A node upgraded with history: its assessment store has no index yet. The backfill
    # (`lianfang audit backfill-index`) files what the topics hold, the same timeline; again,
    # nothing (issue #17).
    spec, _ = registry.load("assessment")
    settings = node_settings(node, "assessment")
    upgraded = spec.application(dict(IN_MEMORY), SystemClock(), ORG, settings)
    try:
        assert gather(upgraded, UUID(chain.information_id)) == []
        done = await backfill_from_topics(upgraded, settings.common, spec.consumes)
        assert done.filed > 0
        assert (done.untrusted, done.unreadable) == (0, 0)
        indexed = case_timeline(
            UUID(chain.information_id), gather(upgraded, UUID(chain.information_id))
        )
        assert [e.event_id for e in indexed] == expected
        again = await backfill_from_topics(upgraded, settings.common, spec.consumes)
        assert again.filed == 0
        assert again.already == done.filed + done.already
    finally:
        upgraded.close()
    # And from the command line, as an auditor at a terminal would.
    cli = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "lianfang", "audit", "case", chain.information_id, "--json",
        env=node.env("operator"), stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    printed, _ = await cli.communicate()
    assert cli.returncode == 0
    assert [e["event_id"] for e in json.loads(printed)] == [e.event_id for e in timeline]

    # The assessment's live figures, rebuilt from the topics alone, equal the running service's.
    year = datetime.now(BEIJING).year
    office = {"Authorization": f"Bearer {node.token(Role.OFFICE, 'QX')}"}
    figures = f"http://127.0.0.1:{ports['assessment']}/figures/{CASE_UNIT}?year={year}"

    def live() -> dict[str, int]:
        return dict(httpx.get(figures, headers=office, timeout=10).json()["counts"])

    wait_until(lambda: live().get("rectification_overdue", 0) == 1, what="the overdue counted")
    rebuilt = await replay_from_kafka("assessment", node_settings(node, "assessment"))
    assert (rebuilt.unreadable, rebuilt.refused) == (0, 0)
    assert rebuilt.app.figures(CASE_UNIT, year) == live()
    assert rebuilt.taken > 0
    assert rebuilt.events_per_second > 0

    # A second run over the same stores files nothing new and leaves the case as it is.
    assert load_demo(f"http://127.0.0.1:{ports['intake']}", tokens) == ids
    again = carry_case_through(
        f"http://127.0.0.1:{ports['register']}",
        f"http://127.0.0.1:{ports['warning']}",
        tokens,
        ids[CHAIN_CASE],
    )
    assert again is None
