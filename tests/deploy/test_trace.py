"""A trace id goes from the HTTP request to the Kafka record to the consuming worker's JSON log.

Real processes (`lianfang serve intake`, `lianfang worker register`), a real broker, real HTTP.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import httpx
import pytest

from shared import tracing
from shared.auth import Role
from tests.support.processes import wait_until

if TYPE_CHECKING:
    from pathlib import Path

    from tests.e2e.conftest import Node

pytestmark = pytest.mark.kafka


def json_lines(path: Path) -> list[dict[str, object]]:
    """The log's lines; each must be one JSON object (the format operators ship to their store)."""
    lines = path.read_text(errors="replace").splitlines() if path.exists() else []
    return [json.loads(line) for line in lines if line.strip()]


async def test_an_http_request_s_trace_reaches_the_record_and_the_consumer_s_log(
    node: Node,
) -> None:
    intake, port = node.serve("intake")
    register = node.worker("register")
    caller = tracing.new_trace()
    learned = datetime.now(UTC) - timedelta(hours=1)
    filing = {
        "channel": "officer_report",
        "source_reference": "trace-1",
        "unit_code": "QX-TH",
        "summary": "村务公开栏长期未更新",
        "learned_at": learned.isoformat(),
        "happened_at": (learned - timedelta(days=1)).isoformat(),
        "subject_post": "村委会主任",
    }
    headers = {
        "Authorization": f"Bearer {node.token(Role.OFFICE, 'QX-TH')}",
        "traceparent": caller.header,
    }
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
        r = await http.post("/information", json=filing, headers=headers)
    assert r.status_code == 201, r.text
    answered = tracing.parse(r.headers["traceparent"])
    assert answered is not None
    assert answered.trace_id == caller.trace_id
    assert answered.span_id != caller.span_id  # the service's own span of the caller's trace

    (record,) = await node.read_all(node.topics.events("intake"), expect=1)
    carried = tracing.from_headers(record.headers)
    assert carried is not None, dict(record.headers)
    assert carried.trace_id == caller.trace_id

    def consumer_logged_it() -> bool:
        return any(
            line.get("trace_id") == caller.trace_id
            and str(line.get("event", "")).startswith("took")
            for line in json_lines(register.log_path)
        )

    wait_until(consumer_logged_it, what="the register worker to log the record with the trace id")
    took = next(
        line for line in json_lines(register.log_path) if line.get("trace_id") == caller.trace_id
    )
    assert took["level"] == "info"
    assert took["logger"] == "shared.worker"
    assert took["span_id"] not in (caller.span_id, carried.span_id)  # the consumer's own hop
    # The API process logs JSON too: every line of its log parses.
    assert json_lines(intake.log_path)
