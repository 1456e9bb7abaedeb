"""The register over HTTP: roles, jurisdiction and the error answers (Art. 10–20, 24)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import pytest

from services.register.main import SPEC
from services.register.settings import RegisterSettings
from shared.auth import Role
from shared.clock import ManualClock
from tests.support.http_api import ApiClient

if TYPE_CHECKING:
    from collections.abc import Iterator

FACTORS = {"importance": 4, "discretion": 4, "probability": 4, "harm": 4}
POWER = {
    "unit_code": "QX-TH",
    "name": "农村村民住宅建设审批",
    "kind": "licensing",
    "legal_basis": "《土地管理法》第六十二条",
    "posts": ["审核岗"],
}
STEPS = {
    "steps": [
        {"key": "accept", "name": "受理", "post": "窗口岗", "time_limit_days": 1,
         "discretion": False, "checks": ["材料公开"]},
        {"key": "survey", "name": "踏勘", "post": "审核岗", "time_limit_days": 5,
         "discretion": True},
    ]
}  # fmt: skip


class Api(ApiClient):
    """A test client and tokens for the people of 太和镇 and beyond."""

    @property
    def office(self) -> dict[str, str]:
        return self.as_("u-th-office", Role.OFFICE)

    def graded_point(self) -> str:
        power = self.post("/powers", POWER, self.office).json()["id"]
        assert self.post(f"/powers/{power}/flowcharts", STEPS, self.office).status_code == 201
        point = self.post(
            "/risk-points",
            {"unit_code": "QX-TH", "post": "审核岗", "category": "business_process",
             "description": "踏勘一人完成", "manifestations": ["虚假踏勘意见"],
             "power_id": power, "step_key": "survey", "focus": {"many_complaints": True}},
            self.office,
        )  # fmt: skip
        assert point.status_code == 201, point.text
        point_id: str = point.json()["id"]
        graded = self.post(
            f"/risk-points/{point_id}/grading",
            {"factors": FACTORS, "reason": "初次评定", "responsible_leader_id": "u-taihe-mayor"},
            self.office,
        )
        assert graded.json() == {"grade": "high", "status": "graded"}
        return point_id


@pytest.fixture
def api() -> Iterator[Api]:
    yield from Api.serve(SPEC, RegisterSettings)


def test_the_whole_way_from_power_to_force(api: Api) -> None:
    point = api.graded_point()
    secretary = api.as_("u-taihe-secretary", Role.LEADER)
    mayor = api.as_("u-taihe-mayor", Role.LEADER)
    # Publishing before approval is a conflict.
    assert api.post(f"/risk-points/{point}/publication", {}, api.office).status_code == 409
    first = api.post(f"/risk-points/{point}/votes", {"in_favour": True}, secretary)
    assert (first.status_code, first.json()) == (201, {"recorded": True, "status": "graded"})
    again = api.post(f"/risk-points/{point}/votes", {"in_favour": True}, secretary)
    assert (again.status_code, again.json()["recorded"]) == (200, False)
    assert api.post(f"/risk-points/{point}/votes", {"in_favour": True}, mayor).json() == {
        "recorded": True,
        "status": "approved",
    }
    published = api.post(f"/risk-points/{point}/publication", {"days": 5}, api.office)
    assert published.status_code == 200
    assert published.json()["ends_at"].startswith("2026-01-10T09:00")
    body = {"raised_by": "村民", "text": "有异议"}
    assert api.post(f"/risk-points/{point}/objections", body, api.office).json() == {"number": 1}
    judge = api.as_("u-judge", Role.JUDGE)
    shown = api.client.get(f"/risk-points/{point}", headers=judge).json()
    assert shown["status"] == "published"
    assert [v["member_id"] for v in shown["votes"]] == ["u-taihe-secretary", "u-taihe-mayor"]
    assert shown["gradings"][0]["factors"] == FACTORS
    assert shown["publication"]["objections"][0]["text"] == "有异议"
    mermaid = api.client.get(f"/powers/{shown['power_id']}/flowchart.mmd", headers=judge)
    assert mermaid.text.startswith("flowchart TD")
    assert "class s2 discretion" in mermaid.text


def test_a_vote_by_someone_off_the_team_is_forbidden(api: Api) -> None:
    point = api.graded_point()
    district_leader = api.as_("u-qx-deputy1", Role.LEADER, unit="QX")  # sees it, is not a member
    answer = api.post(f"/risk-points/{point}/votes", {"in_favour": True}, district_leader)
    assert answer.status_code == 403
    assert "leadership team" in answer.json()["detail"]
    # An office may not vote at all, even for a member's user id.
    as_office = api.as_("u-taihe-mayor", Role.OFFICE)
    assert (
        api.post(f"/risk-points/{point}/votes", {"in_favour": True}, as_office).status_code == 403
    )


def test_bad_factors_and_unknown_references_are_422_naming_the_field(api: Api) -> None:
    point = api.graded_point()
    bad = {
        "factors": FACTORS | {"harm": 7},
        "reason": "x",
        "responsible_leader_id": "u-taihe-mayor",
    }
    answer = api.post(f"/risk-points/{point}/grading", bad, api.office)
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "factors", "harm"]
    bad_leader = {"factors": FACTORS, "reason": "x", "responsible_leader_id": "u-nobody"}
    answer = api.post(f"/risk-points/{point}/grading", bad_leader, api.office)
    assert answer.json()["detail"][0]["loc"] == ["body", "responsible_leader_id"]
    base = {"unit_code": "QX-TH", "post": "审核岗", "category": "post_duty",
            "description": "d", "manifestations": ["m"]}  # fmt: skip
    for field, change in [
        ("power_id", {"power_id": "00000000-0000-4000-8000-000000000000"}),
        ("unit_code", {"unit_code": "QX-NOWHERE"}),
        ("category", {"category": "political"}),
    ]:
        answer = api.post("/risk-points", base | change, api.office)
        assert answer.status_code == 422, field
        assert answer.json()["detail"][0]["loc"][-1] == field
    measure = {"measure_code": "post_duty.9", "owner_id": "u", "due_date": "2026-06-30"}
    answer = api.post(f"/risk-points/{point}/measures", measure, api.office)
    assert answer.json()["detail"][0]["loc"] == ["body", "measure_code"]


def test_roles_and_jurisdiction_guard_the_register(api: Api) -> None:
    point = api.graded_point()
    neighbour = api.as_("u-tp-office", Role.OFFICE, unit="QX-TP")  # another town's office
    assert api.client.get(f"/risk-points/{point}", headers=neighbour).status_code == 403
    assert api.post("/powers", POWER, neighbour).status_code == 403
    officer = api.as_("u-officer", Role.OFFICER)  # an information officer neither edits nor reads
    assert api.post("/powers", POWER, officer).status_code == 403
    assert api.client.get("/risk-points", headers=officer).status_code == 403
    auditor = api.as_("u-audit", Role.AUDITOR, unit="QX")
    listed = api.client.get("/risk-points?grade=high&category=business_process", headers=auditor)
    assert [r["id"] for r in listed.json()] == [point]
    assert api.client.get("/risk-points?grade=low", headers=auditor).json() == []
    # A listing outside one's subtree is refused; an unknown root names `within`.
    assert api.client.get("/risk-points?within=QX", headers=neighbour).status_code == 403
    unknown = api.client.get("/risk-points?within=QX-NOWHERE", headers=auditor)
    assert unknown.json()["detail"][0]["loc"][-1] == "within"
    heat = api.client.get("/register/heat-map?within=QX-TH", headers=auditor).json()
    cell = next(c for c in heat if (c["unit_code"], c["category"]) == ("QX-TH", "business_process"))
    assert cell["counts"] == {"high": 1, "medium": 0, "low": 0, "ungraded": 0}
    assert {c["unit_code"] for c in heat} >= {"QX-TH", "QX-TH-CZS"}
    catalogue = api.client.get("/measures?category=external_environment", headers=auditor).json()
    assert [m["title_zh"] for m in catalogue][1] == "贯彻落实回避制度"
    rule = api.client.get("/grading/rule", headers=auditor).json()
    assert rule["publication_days"] == 5
    assert rule["rule"]["high_from"] == "3.6"


def test_force_needs_the_grades_measures_and_done_is_verified_by_another(api: Api) -> None:
    """ "级别越高的风险，采取的管理措施应更加严格有力" (Art. 14); "制定和实施" (Art. 15)."""
    point = api.graded_point()  # 高
    for leader in ("u-taihe-secretary", "u-taihe-mayor"):
        api.post(f"/risk-points/{point}/votes", {"in_favour": True}, api.as_(leader, Role.LEADER))
    assert api.post(f"/risk-points/{point}/publication", {"days": 1}, api.office).status_code == 200
    assert isinstance(api.runtime.clock, ManualClock)
    api.runtime.clock.advance(timedelta(days=2))
    refused = api.post(f"/risk-points/{point}/in-force", {}, api.office)
    assert refused.status_code == 409
    detail = refused.json()["detail"]
    assert detail.startswith("Art. 14, 15: “高”等级风险点须有涵盖至少 3 类风险的防控措施")
    assert "(a 高-graded point needs prevention measures from at least 3 categories" in detail
    for code in ("business_process.1", "post_duty.1", "external_environment.3"):
        body = {"measure_code": code, "owner_id": "u-th-planning", "due_date": "2026-06-30"}
        assert api.post(f"/risk-points/{point}/measures", body, api.office).status_code == 201
    assert api.post(f"/risk-points/{point}/in-force", {}, api.office).status_code == 204
    shown = api.client.get(f"/risk-points/{point}", headers=api.office).json()
    assert (shown["status"], shown["measures_needed"]) == ("in_force", 3)
    assert {m["category"] for m in shown["measures"]} == {
        "business_process", "post_duty", "external_environment"
    }  # fmt: skip

    owner = api.as_("u-th-planning", Role.OFFICE)
    path = f"/risk-points/{point}/measures/post_duty.1"
    done = api.client.patch(path, json={"status": "done", "note": "已分岗"}, headers=owner)
    assert done.status_code == 204
    verify = {"accepted": True, "note": "抽查"}
    by_owner = api.post(f"{path}/verification", verify, owner)
    assert by_owner.status_code == 403
    assert "Art. 15" in by_owner.json()["detail"]
    discipline = api.as_("u-taihe-discipline", Role.LEADER)
    verified = api.post(f"{path}/verification", verify, discipline)
    assert (verified.status_code, verified.json()) == (
        200,
        {"accepted": True, "status": "verified"},
    )
    rows = api.client.get("/measure-deadlines?within=QX-TH", headers=api.office).json()
    assert [(r["measure_code"], r["status"]) for r in rows] == [
        ("business_process.1", "planned"), ("external_environment.3", "planned"),
        ("post_duty.1", "verified"),
    ]  # fmt: skip
