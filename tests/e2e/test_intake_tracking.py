"""A forward nobody answers in time, then answered late, between real nodes (Art. 24, 跟踪督办).

The district's intake runs with a feedback window of zero days and its ticks every second: a
petition about 太和镇's village committee is forwarded, and with no town node up yet, the
worker records its handling report overdue. The town's node then starts and takes the forward in
from Kafka; its receipt is recorded as delivery, and the forward stays overdue until the town
reports how it handled the matter. The late report answers it, the overdue record kept.
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

        # The town's node comes up and takes the forward from Kafka: delivered, still overdue.
        _, town_port = town.serve("intake")
        wait_until(lambda: forward()["acknowledged_at"] is not None, what="the town's receipt")
        assert forward()["state"] == "overdue"

        # The overdue reaches the town's inbox too (InformationFeedbackOverdue, Art. 24).
        town_office = town.token(Role.OFFICE, "QX-TH", user="u-taihe-office")
        town_http = httpx.Client(
            base_url=f"http://127.0.0.1:{town_port}", timeout=10,
            headers={"Authorization": f"Bearer {town_office}"},
        )  # fmt: skip

        def town_side() -> list[str]:
            return [t["what"] for t in town_http.get(f"/information/{case}/timeline").json()]

        wait_until(lambda: "recorded_overdue_by_level_above" in town_side(),
                   what="the overdue in the town's inbox")  # fmt: skip
        town_http.close()

        # The town reports, late, how it handled the matter: that is the answer.
        report = {"outcome": "已责令村委会补开村民代表会议", "measures": ["约谈村主任"],
                  "document_refs": []}  # fmt: skip
        reported = httpx.post(
            f"http://127.0.0.1:{town_port}/information/{case}/handling-report",
            json=report, headers={"Authorization": f"Bearer {town_office}"}, timeout=10,
        )  # fmt: skip
        assert reported.status_code == 201, reported.text
        wait_until(lambda: forward()["state"] == "reported", what="the town's late report")
        answered = forward()
        assert answered["overdue_at"] == overdue_at  # the lateness stays on record
        assert answered["acknowledged_at"] > answered["overdue_at"]  # type: ignore[operator]
        timeline = http.get(f"/information/{case}/timeline", headers=office).json()
        whats = [t["what"] for t in timeline]
        assert whats == [
            "filed", "forwarded", "feedback_overdue", "acknowledged", "handling_reported",
        ]  # fmt: skip
