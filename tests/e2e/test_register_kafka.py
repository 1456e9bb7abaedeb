"""The register on real Kafka: reported information in, judgement over HTTP, RiskGraded out.

Intake's RiskReported arrives twice (a relay re-send); the register takes it in once. The town's
office appoints its judgement group 研判小组 of three; a member verifies and proposes the judgement
over HTTP, and only when all three signed (a majority of three, and at least three, Art. 25) do
JudgementMade (with who signed) and RiskGraded (source = judgement) go out on the register's topic,
read as a downstream system would. Then the assessment service asks, twice,
for the point to be revised: it is reopened once (Art. 21, 25, 30).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

import httpx
import pytest

from shared.auth import Role
from tests.support.directory import grants, posts_of_the_tests
from tests.support.events import risk_reported
from tests.support.processes import wait_until
from tests.unit.register.revising import revision_requested

if TYPE_CHECKING:
    from tests.e2e.conftest import Node

pytestmark = pytest.mark.kafka

FACTORS = {"importance": 4, "discretion": 4, "probability": 4, "harm": 4}
ORDINARY = {"importance": 3, "discretion": 3, "probability": 3, "harm": 3}
GRADED = "cn.gov.qingxin.lianfang.register.RiskGraded.v1"
JUDGED = "cn.gov.qingxin.lianfang.register.JudgementMade.v1"
REOPENED = "cn.gov.qingxin.lianfang.register.RiskPointReopened.v1"


def _types(records: list[Any]) -> list[str]:
    return [dict(r.headers)["ce_type"].decode() for r in records]


async def test_reported_information_is_judged_once_and_graded_out_on_kafka(node: Node) -> None:
    reported = risk_reported(unit_code="QX-TH")
    await node.produce_events("intake", [reported, reported])  # the second is a re-send
    # The directory's leaders and judges (Art. 14, 25), the posts the register follows.
    posts = grants(p for p in posts_of_the_tests() if p[1] in {Role.LEADER, Role.JUDGE})
    await node.produce_events("console", posts)
    _, port = node.serve("register")
    console_topic = node.topics.events("console")
    wait_until(lambda: node.tracked("register", console_topic) == len(posts), what="the grants")
    judge = {"Authorization": f"Bearer {node.token(Role.JUDGE, 'QX-TH', 'u-th-judge')}"}
    office = {"Authorization": f"Bearer {node.token(Role.OFFICE, 'QX-TH', 'u-th-office')}"}
    info = str(reported.data.information_id)
    intake_topic = node.topics.events("intake")

    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:

        async def listed() -> list[dict[str, Any]]:
            answer = await http.get("/information", headers=judge)
            rows: list[dict[str, Any]] = answer.json()
            return rows

        wait_until(lambda: node.tracked("register", intake_topic) == 2, what="both records")
        assert [r["information_id"] for r in await listed()] == [info]
        assert node.stored("register", "Receipt.Received") == 1 + len(posts)  # + the grants
        assert node.stored("register", "ReportedInformation.Received") == 1

        point = await http.post(
            "/risk-points",
            headers=office,
            json={
                "unit_code": "QX-TH",
                "post": "出纳",
                "category": "post_duty",
                "description": "报销审核与支付由一人完成",
                "manifestations": ["虚报冒领"],
            },
        )
        assert point.status_code == 201, point.text
        point_id = point.json()["id"]
        graded = await http.post(
            f"/risk-points/{point_id}/grading",
            headers=office,
            json={
                "factors": ORDINARY,
                "reason": "初次评定",
                "responsible_leader_id": "u-taihe-mayor",
            },
        )
        assert graded.json()["grade"] == "medium"

        # Art. 25: the town's 研判小组, appointed by its office on an authority.
        for member in ("u-th-judge", "u-th-judge2", "u-th-judge3"):
            appointed = await http.post(
                "/units/QX-TH/judgement-group/members",
                headers=office,
                json={"user_id": member, "authority": "太和党发〔2026〕3号"},
            )
            assert appointed.status_code == 201, appointed.text

        verified = await http.post(
            f"/information/{info}/verification",
            headers=judge,
            json={"checked": ["调取报销凭证"], "findings": "一人审核支付"},
        )
        assert verified.status_code == 201, verified.text
        judged = await http.post(
            f"/information/{info}/judgement",
            headers=judge,
            json={
                "verdict": "incipient_tendency",
                "reasoning": "岗位未分离，属苗头性问题",
                # The factors grade the point 高, which is warned red (Art. 28).
                "recommended_level": "red",
                "factors": FACTORS,
                "risk_point_id": point_id,
            },
        )
        assert judged.status_code == 201, judged.text
        judgement_id = judged.json()["judgement_id"]
        assert judged.json()["made"] is False  # one of the three sign-offs needed
        signed_by = ["u-th-judge"]
        for member in ("u-th-judge2", "u-th-judge3"):
            signer = {"Authorization": f"Bearer {node.token(Role.JUDGE, 'QX-TH', member)}"}
            again = await http.post(f"/information/{info}/judgement/sign-off", headers=judge)
            assert again.status_code == 409, again.text  # a member signs once
            signed = await http.post(f"/information/{info}/judgement/sign-off", headers=signer)
            assert signed.status_code == 200, signed.text
            signed_by.append(member)
        assert signed.json()["made"] is True

        records = await node.read_all(node.topics.events("register"), expect=3, timeout=60)
        assert sorted(_types(records)) == sorted([GRADED, GRADED, JUDGED])
        bodies = [json.loads(r.value) for r in records]
        by_source = {b["source"]: b for b in bodies if "source" in b and "grade" in b}
        regrade = by_source["judgement"]
        assert (regrade["grade"], regrade["previous_grade"]) == ("high", "medium")
        assert regrade["judgement_id"] == judgement_id
        assert regrade["information_id"] == info
        assert regrade["recommended_level"] == "red"
        [made] = [b for b in bodies if "verdict" in b]
        assert (made["verdict"], made["risk_point_id"]) == ("incipient_tendency", point_id)
        assert made["judgement_id"] == judgement_id
        assert [m["user_id"] for m in made["signed_by"]] == signed_by

        # Art. 30: the assessment service asks twice (a re-send) for the point to be revised.
        request = revision_requested(UUID(point_id), datetime.now(UTC))
        await node.produce_events("assessment", [request, request])
        assessment_topic = node.topics.events("assessment")
        wait_until(lambda: node.tracked("register", assessment_topic) == 2, what="revision")
        shown = (await http.get(f"/risk-points/{point_id}", headers=office)).json()
        assert (shown["status"], shown["under_revision"]) == ("draft", True)
        assert len(shown["revisions"]) == 1

    # The reopening is published once for the two copies (Art. 30), citing the request; nothing
    # more was published: each input counted once.
    later = await node.read_all(node.topics.events("register"), expect=5, timeout=10)
    # The topic has several partitions: compare what was published, not the order read back.
    assert sorted(_types(later)) == sorted([GRADED, GRADED, JUDGED, REOPENED])
    kinds = zip(later, _types(later), strict=True)
    [reopened] = [json.loads(r.value) for r, kind in kinds if kind == REOPENED]
    assert (reopened["risk_point_id"], reopened["request_event_id"]) == (point_id, request.id)
    assert reopened["status_before"] == "graded"
