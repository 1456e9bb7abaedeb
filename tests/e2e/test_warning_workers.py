"""Two warning workers and a restart: each missed deadline is one overdue event (Art. 28).

Both workers take records in and share one store; only faust's leader relays and ticks. The
leading worker is killed (SIGKILL) while deadlines fall due, the other takes over and a fresh one
joins: every action still gets exactly one overdue record in the store and one event on Kafka,
RectificationOverdue for the warned unit's actions, DisposalOverdue for the talk (the
disposing body's own duty).
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import httpx
import pytest

from shared.auth import Role
from tests.e2e.conftest import Node
from tests.e2e.test_warning_chain import judged
from tests.support.processes import ServiceProcess, wait_until

pytestmark = pytest.mark.kafka

UNITS = ("QX-TH", "QX-TP", "QX-ST")
YELLOW_ACTIONS = ("explanation", "self_analysis", "warning_talk", "rectification")
OVERDUE = "cn.gov.qingxin.lianfang.warning.RectificationOverdue.v1"
DISPOSAL_OVERDUE = "cn.gov.qingxin.lianfang.warning.DisposalOverdue.v1"
FAST = {"LIANFANG_TICK_SECONDS": "0.5"}


def leaders(workers: list[ServiceProcess]) -> list[ServiceProcess]:
    """The workers whose last word on leadership was that they lead."""
    found = []
    for worker in workers:
        said = [line for line in worker.tail(10_000).splitlines() if " leads: " in line
                or " takes records only" in line]  # fmt: skip
        if said and " leads: " in said[-1]:
            found.append(worker)
    return found


def issue_warnings(base: str, office: dict[str, str], due_in: timedelta) -> None:
    """Review each unit's proposal and issue its yellow warning, every action due soon."""
    with httpx.Client(base_url=base, headers=office, timeout=10) as http:

        def proposals() -> list[dict[str, str]]:
            return list(http.get("/proposals", params={"within": "QX"}).json())

        wait_until(lambda: len(proposals()) == len(UNITS), what="a proposal per judgement")
        due = datetime.now(UTC) + due_in
        for proposal in proposals():
            review = http.post(
                f"/proposals/{proposal['id']}/review",
                json={"held_on": date.today().isoformat(), "attendees": ["张书记", "李主任"],
                      "decision": "issue", "minutes_ref": "清新廉会〔2026〕13号"},
            )  # fmt: skip
            assert review.status_code == 201, review.text
            issued = http.post(
                f"/proposals/{proposal['id']}/warning",
                json={"deadlines": {kind: due.isoformat() for kind in YELLOW_ACTIONS}},
            )
            assert issued.status_code == 201, issued.text


async def test_two_workers_and_a_restart_raise_one_overdue_per_action(node: Node) -> None:
    await node.produce_events("register", [e for unit in UNITS for e in judged(unit)])
    api_worker, port = node.serve_with("warning", **FAST)
    second = node.worker("warning", **FAST)
    office = {"Authorization": f"Bearer {node.token(Role.OFFICE, 'QX')}"}
    issue_warnings(f"http://127.0.0.1:{port}", office, due_in=timedelta(seconds=8))

    # The deadlines fall due while the leading worker dies without a goodbye; the other one
    # takes over and a fresh worker joins.
    workers = [api_worker, second]
    wait_until(lambda: len(leaders(workers)) == 1, what="one leading worker")
    (leader,) = leaders(workers)
    (survivor,) = [w for w in workers if w is not leader]
    leader.kill()
    replacement = node.worker("warning", **FAST)
    wait_until(lambda: bool(leaders([survivor, replacement])), what="a new leader")
    expected = len(UNITS) * len(YELLOW_ACTIONS)
    wait_until(
        lambda: node.stored("warning", "OverdueRecord.Recorded") >= expected,
        timeout=90,
        what=f"{expected} overdue records",
    )

    # Let the ticks and the surviving workers run on well past the deadlines, then count.
    records = await node.read_all(node.topics.events("warning"), expect=10_000, timeout=8)
    survivor.check_alive()
    replacement.check_alive()
    assert len(leaders([survivor, replacement])) == 1
    assert node.stored("warning", "OverdueRecord.Recorded") == expected
    types = (OVERDUE, DISPOSAL_OVERDUE)
    overdue = [r for r in records if dict(r.headers)["ce_type"].decode() in types]
    per_action = Counter(json.loads(r.value)["action_id"] for r in overdue)
    assert len(per_action) == expected
    assert set(per_action.values()) == {1}, per_action
    kinds = Counter(json.loads(r.value)["action_kind"] for r in overdue)
    assert kinds == dict.fromkeys(YELLOW_ACTIONS, len(UNITS))
    talks = [r for r in overdue if dict(r.headers)["ce_type"].decode() == DISPOSAL_OVERDUE]
    assert {json.loads(r.value)["action_kind"] for r in talks} == {"warning_talk"}
    assert len(talks) == len(UNITS)
