"""The event backbone end to end: HTTP in, Kafka across, every consuming store exactly once.

Real processes (`lianfang serve|worker`), a real broker, real SQLite files, real HTTP.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import httpx
import pytest

from shared.auth import Role
from shared.envelope import KafkaRecord, to_record
from tests.e2e.conftest import filing
from tests.support.events import risk_reported
from tests.support.processes import wait_until

if TYPE_CHECKING:
    from tests.e2e.conftest import Node

pytestmark = pytest.mark.kafka

RECEIVED = "Receipt.Received"
CASES = "ReportedInformation.Received"


def report(unit: str, ref: str) -> dict[str, object]:
    learned = datetime.now(UTC) - timedelta(hours=2)
    return filing(
        ref,
        unit,
        "村集体资金由村委会主任一人审批支付",
        learned_at=learned.isoformat(),
        happened_at=(learned - timedelta(days=3)).isoformat(),
        subject_post="村委会主任",
    )


async def test_risk_reported_over_http_lands_on_kafka_and_in_each_consumer_once(node: Node) -> None:
    _, port = node.serve("intake")
    node.worker("register")
    node.worker("assessment")
    base = f"http://127.0.0.1:{port}"
    officer = {"Authorization": f"Bearer {node.token(Role.OFFICE, 'QX-TH')}"}

    async with httpx.AsyncClient(base_url=base, timeout=10) as http:
        ids = []
        for n in range(3):
            r = await http.post("/information", json=report("QX-TH", f"ref-{n}"), headers=officer)
            assert r.status_code == 201, r.text
            ids.append(r.json()["information_id"])
        # Filing the same source again answers with the first case and creates nothing.
        again = await http.post("/information", json=report("QX-TH", "ref-0"), headers=officer)
        assert again.status_code == 200
        assert again.json()["information_id"] == ids[0]
        assert again.json()["created"] is False

    records = await node.read_all(node.topics.events("intake"), expect=3)
    assert len(records) == 3
    for record, information_id in zip(records_by_key(records), sorted(ids), strict=True):
        headers = dict(record.headers)
        assert set(headers) == {
            "ce_id",
            "ce_source",
            "ce_type",
            "ce_specversion",
            "ce_time",
            "ce_subject",
            "content-type",
            "traceparent",  # the HTTP request's trace (shared/tracing.py)
        }
        assert headers["ce_type"] == b"cn.gov.qingxin.lianfang.intake.RiskReported.v1"
        assert headers["ce_specversion"] == b"1.0"
        assert headers["ce_source"] == b"/lianfang/district/intake"
        assert headers["content-type"] == b"application/json"
        assert record.key == information_id.encode() == headers["ce_subject"]
        body = json.loads(record.value)
        assert body["unit_code"] == "QX-TH"
        assert body["actor"]["role"] == "office"

    wait_until(lambda: node.stored("register", CASES) == 3, what="3 cases in the register")
    wait_until(lambda: node.stored("assessment", RECEIVED) == 3, what="3 receipts in assessment")
    assert node.stored("register", RECEIVED) == 3
    assert node.stored("assessment", "UnitYearFigures.Counted") == 3


def records_by_key(records: list) -> list:  # type: ignore[type-arg]
    return sorted(records, key=lambda r: r.key)


async def test_the_api_refuses_clearly_and_records_nothing(node: Node) -> None:
    _, port = node.serve("intake")
    base = f"http://127.0.0.1:{port}"
    body = report("QX-TH", "ref-x")
    async with httpx.AsyncClient(base_url=base, timeout=10) as http:
        r = await http.post("/information", json=body)
        assert r.status_code == 401
        assert "missing bearer token" in r.json()["detail"]

        judge = {"Authorization": f"Bearer {node.token(Role.JUDGE, 'QX')}"}
        r = await http.post("/information", json=body, headers=judge)
        assert r.status_code == 403
        assert "officer" in r.json()["detail"]

        other_town = {"Authorization": f"Bearer {node.token(Role.OFFICE, 'QX-TP')}"}
        r = await http.post("/information", json=body, headers=other_town)
        assert r.status_code == 403
        assert "outside your jurisdiction" in r.json()["detail"]

        officer = {"Authorization": f"Bearer {node.token(Role.OFFICE, 'QX')}"}
        r = await http.post("/information", json=report("QX-NOPE", "r"), headers=officer)
        assert r.status_code == 422
        assert r.json()["detail"][0]["loc"] == ["body", "unit_code"]

        future = report("QX-TH", "r2") | {"learned_at": "2999-01-01T00:00:00+00:00"}
        r = await http.post("/information", json=future, headers=officer)
        assert r.status_code == 422
        assert r.json()["detail"][0]["loc"] == ["body", "learned_at"]

        r = await http.post("/information", json=body | {"channel": "rumour"}, headers=officer)
        assert r.status_code == 422
        assert "channel" in r.json()["detail"][0]["loc"]

        assert (await http.get("/healthz")).status_code == 200
        ready = await http.get("/readyz")
        assert ready.status_code == 200, ready.text
        assert ready.json()["checks"] == {"store": "ok", "kafka": "ok"}
        metrics = (await http.get("/metrics")).text
        assert (
            'lianfang_http_requests_total{method="POST",route="/information",status="403"} 2.0'
            in metrics
        )
    assert node.stored("intake", "RiskInformation.Filed") == 0


@pytest.mark.parametrize("stop", ["SIGKILL", "SIGTERM"])
async def test_a_worker_stopped_mid_stream_ends_with_every_event_once(
    node: Node, stop: str
) -> None:
    # Long enough to be stopped mid-way: batched, the register takes hundreds a second in
    # (issue #18), and 300 were all in before a SIGTERM's drain had ended.
    total = 2000
    await node.produce_events("intake", [risk_reported() for _ in range(total)])
    worker = node.worker("register")
    wait_until(lambda: node.stored("register", RECEIVED) >= 40, what="the worker to get going")
    if stop == "SIGKILL":
        worker.kill()  # offsets uncommitted, nothing flushed
    else:
        assert worker.stop() == 0  # drains in-flight work, commits, exits cleanly
    killed_at = node.stored("register", RECEIVED)
    assert killed_at < total, "the worker finished before it could be killed mid-stream"

    node.worker("register")
    topic = node.topics.events("intake")
    wait_until(lambda: node.tracked("register", topic) == total, timeout=120, what="all events")
    assert node.stored("register", RECEIVED) == total
    assert node.stored("register", CASES) == total


async def test_duplicates_are_taken_once_and_poison_goes_to_dead_letters(node: Node) -> None:
    first, second = risk_reported(), risk_reported()
    garbage = KafkaRecord(key=b"x", value=b"\x8b\x00 not json at all", headers=[])
    good = to_record(first)
    body = json.loads(good.value)
    del body["summary"]
    invalid = KafkaRecord(key=good.key, value=json.dumps(body).encode(), headers=good.headers)
    await node.produce(
        node.topics.events("intake"),
        [good, good, garbage, invalid, to_record(second)],
    )
    node.worker("register")
    topic = node.topics.events("intake")
    wait_until(lambda: node.tracked("register", topic) == 5, what="all five records settled")
    assert node.stored("register", CASES) == 2

    letters = await node.read_all(node.topics.dead_letter("register"), expect=2)
    reasons = sorted(dict(r.headers)["dlq_reason"].decode() for r in letters)
    assert len(reasons) == 2
    assert any("summary" in reason for reason in reasons), reasons
    assert any("JSON" in reason or "ce_" in reason for reason in reasons), reasons
    assert {r.value for r in letters} == {garbage.value, invalid.value}
    assert node.stored("register", RECEIVED) == 2
