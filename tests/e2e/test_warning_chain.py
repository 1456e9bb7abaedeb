"""JudgementMade → WarningIssued → RectificationOverdue on real Kafka, read downstream.

A subscriber that is not part of the system (a plain aiokafka consumer) reads the warning
service's topic as CloudEvents, as a downstream system would (Art. 27, 28).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import httpx
import pytest

from shared.auth import Role
from shared.events import CloudEvent
from shared.vocabulary import Grade
from tests.e2e.conftest import Node
from tests.support.events import incipient_judgement
from tests.support.processes import wait_until
from tests.unit.assessment.upstream import graded

pytestmark = pytest.mark.kafka


def judged(unit: str, grade: Grade = Grade.LOW) -> list[CloudEvent]:
    """The register's events for one case: its risk point graded, then the judgement about it."""
    point = uuid4()
    return [graded(point, grade, unit=unit, at=datetime.now(UTC)), incipient_judgement(unit, point)]


async def test_a_judgement_becomes_a_warning_and_its_missed_deadline_an_overdue(
    node: Node,
) -> None:
    await node.produce_events("register", judged("QX-TH"))  # a 低 point: yellow (Art. 28)
    _, port = node.serve_with("warning", LIANFANG_TICK_SECONDS="1")
    office = {"Authorization": f"Bearer {node.token(Role.OFFICE, 'QX')}"}
    base = f"http://127.0.0.1:{port}"

    def proposals() -> list[dict[str, object]]:
        return httpx.get(f"{base}/proposals", headers=office, params={"within": "QX"}).json()

    wait_until(lambda: len(proposals()) == 1, what="a proposal from the judgement")
    proposal = proposals()[0]
    assert (proposal["kind"], proposal["level"], proposal["disposing_unit"]) == (
        "warning",
        "yellow",
        "QX",
    )

    http = httpx.AsyncClient(base_url=base, headers=office, timeout=10)
    review = await http.post(
        f"/proposals/{proposal['id']}/review",
        json={"held_on": date.today().isoformat(), "attendees": ["张书记", "李主任"],
              "decision": "issue", "minutes_ref": "清新廉会〔2026〕12号"},
    )  # fmt: skip
    assert review.status_code == 201, review.text
    due = datetime.now(UTC) + timedelta(seconds=4)
    issued = await http.post(
        f"/proposals/{proposal['id']}/warning",
        json={"deadlines": {"rectification": due.isoformat()}},
    )
    assert issued.status_code == 201, issued.text
    await http.aclose()

    records = await node.read_all(node.topics.events("warning"), expect=2, timeout=60)
    by_type = {dict(r.headers)["ce_type"].decode(): r for r in records}
    warning = by_type["cn.gov.qingxin.lianfang.warning.WarningIssued.v1"]
    overdue = by_type["cn.gov.qingxin.lianfang.warning.RectificationOverdue.v1"]
    issued_data = json.loads(warning.value)
    overdue_data = json.loads(overdue.value)
    assert issued_data["level"] == "yellow"
    assert issued_data["notice_number"].startswith("清新廉预〔")
    assert issued_data["unit_code"] == "QX-TH"
    assert overdue_data["warning_id"] == issued_data["warning_id"]
    assert overdue_data["action_kind"] == "rectification"
    # One case's events share a key, so a downstream consumer sees them in order.
    assert warning.key == overdue.key
    assert warning.offset < overdue.offset

    # More ticks pass: the overdue is not raised again.
    later = await node.read_all(node.topics.events("warning"), expect=3, timeout=4)
    kinds = [dict(r.headers)["ce_type"].decode().split(".")[-2] for r in later]
    assert sorted(kinds) == ["RectificationOverdue", "WarningIssued"]
