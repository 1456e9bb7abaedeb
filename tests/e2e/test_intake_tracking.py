"""A forward nobody answers in time, then answered late, between real nodes (Art. 24, 跟踪督办).

The district's intake runs with a feedback window of zero days and its ticks every second: a
petition about 太和镇's village committee is forwarded, and with no town node up yet, the
worker records its feedback overdue. The town's node then starts, takes the forward in from
Kafka and acknowledges it; the district's tracking closes, the overdue record kept.
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
    pass

pytestmark = pytest.mark.kafka


def test_an_overdue_forward_is_recorded_then_closed_by_a_late_answer(
    node: Node, town: Node
) -> None:
    _, port = node.serve_with(
        "intake", LIANFANG_INTAKE_FEEDBACK_DAYS="0", LIANFANG_TICK_SECONDS="1"
    )
    office = {"Authorization": f"Bearer {node.token(Role.OFFICE, 'QX', user='u-qx-office')}"}
    learned = datetime.now(UTC) - timedelta(hours=1)
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
        filed = http.post(
            "/information",
            json={"channel": "petition", "source_reference": "XF-2026-1201",
                  "unit_code": "QX-TH-V1", "summary": "反映村集体土地发包未经村民代表会议表决",
                  "learned_at": learned.isoformat()},
            headers=office,
        )  # fmt: skip
        assert filed.status_code == 201, filed.text
        assert filed.json()["routing"] == "forwarded"
        case = filed.json()["information_id"]

        def forward() -> dict[str, object]:
            [row] = http.get("/forwards", headers=office).json()
            assert row["information_id"] == case
            return row  # type: ignore[no-any-return]

        wait_until(lambda: forward()["state"] == "overdue", what="the worker to record it overdue")
        overdue_at = forward()["overdue_at"]

        # The town's node comes up, takes the forward from Kafka, and answers.
        town.serve("intake")
        wait_until(lambda: forward()["state"] == "acknowledged", what="the town's late answer")
        closed = forward()
        assert closed["overdue_at"] == overdue_at  # the lateness stays on record
        assert closed["acknowledged_at"] > closed["overdue_at"]  # type: ignore[operator]
        timeline = http.get(f"/information/{case}/timeline", headers=office).json()
        whats = [t["what"] for t in timeline]
        assert whats == ["filed", "forwarded", "feedback_overdue", "acknowledged"]
