"""Units and revision over HTTP: roles, jurisdiction, all-or-nothing import (Art. 5–7, 14, 30)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from uuid import UUID

import pytest

from services.register.main import SPEC
from services.register.settings import RegisterSettings
from shared.auth import Role
from tests.unit.register.judging import feed
from tests.unit.register.revising import revision_requested
from tests.unit.register.test_register_api import Api

if TYPE_CHECKING:
    from collections.abc import Iterator

VILLAGE: dict[str, Any] = {
    "code": "QX-TH-V2", "name": "太和镇第二村民委员会", "kind": "village_committee",
    "parent": "QX-TH", "node": "town-taihe", "principal_leader": "u-v2-head",
    "leadership_team": ["u-v2-head", "u-v2-deputy"],
}  # fmt: skip
CSV_BAD = (
    "code,name,kind,parent,node,principal_leader,leadership_team\n"
    "QX-TH-V3,第三村,village_committee,QX-TH,town-taihe,,\n"
    "QX-TH-V4,第四村,village_committee,QX-NOPE,town-taihe,,\n"
    "QX-TH-V5,第五村,club,QX-TH,town-taihe,,\n"
)


@pytest.fixture
def api() -> Iterator[Api]:
    yield from Api.serve(SPEC, RegisterSettings)


def test_admins_register_change_and_list_units_within_their_subtree(api: Api) -> None:
    admin = api.as_("u-th-admin", Role.ADMIN)
    assert api.post("/units", VILLAGE, api.office).status_code == 403  # not an administrator
    created = api.post("/units", VILLAGE, admin)
    assert created.status_code == 201, created.text
    assert created.json()["parent"] == "QX-TH"
    assert api.post("/units", VILLAGE, admin).status_code == 409
    elsewhere = VILLAGE | {"code": "QX-TP-V2", "parent": "QX-TP", "node": "town-taiping"}
    barred = api.post("/units", elsewhere, admin)
    assert barred.status_code == 403
    assert barred.json()["detail"] == (
        "超出管辖范围（QX-TH 及其下属单位） (outside your jurisdiction (the subtree of QX-TH))"
    )
    bad = api.post("/units", VILLAGE | {"code": "QX-TH-V9", "principal_leader": "u-x"}, admin)
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["body", "principal_leader"]
    assert bad.json()["detail"][0]["msg"].startswith("主要领导须为领导班子成员 (the principal")

    change = {k: v for k, v in VILLAGE.items() if k != "code"} | {"name": "太和镇二村村委会"}
    changed = api.client.put("/units/QX-TH-V2", json=change, headers=admin)
    assert changed.json() == {"changed": ["name"]}
    listed = api.client.get("/units", params={"within": "QX-TH"}, headers=api.office).json()
    assert {"code": "QX-TH-V2", "name": "太和镇二村村委会"}.items() <= next(
        u for u in listed if u["code"] == "QX-TH-V2"
    ).items()
    assert all(u["code"].startswith("QX-TH") for u in listed)
    own = api.client.get("/units", headers=admin).json()
    assert {u["code"] for u in own} == {u["code"] for u in listed}
    outside = api.client.get("/units", params={"within": "QX-TP"}, headers=admin)
    assert outside.status_code == 403
    officer = api.as_("u-th-officer", Role.OFFICER)
    assert api.client.get("/units", headers=officer).status_code == 403


def test_an_import_with_bad_rows_is_422_naming_every_row_and_imports_nothing(api: Api) -> None:
    admin = api.as_("u-th-admin", Role.ADMIN)

    def send(body: str, media: str) -> Any:
        return api.client.post(
            "/units/import", content=body.encode(), headers=admin | {"Content-Type": media}
        )

    refused = send(CSV_BAD, "text/csv")
    assert refused.status_code == 422
    rows = {(d["row"], d["field"]) for d in refused.json()["detail"]}
    assert rows == {(3, "parent"), (4, "kind")}
    assert "QX-TH-V3" not in api.runtime.org  # the good row was not imported either
    assert send(CSV_BAD, "text/plain").status_code == 415

    units = [
        {"code": f"QX-TH-V{n}", "name": f"第{n}村", "kind": "village_committee",
         "parent": "QX-TH", "node": "town-taihe"}
        for n in (3, 4)
    ]  # fmt: skip
    good = json.dumps({"units": units}, ensure_ascii=False)
    done = send(good, "application/json")
    assert done.status_code == 200, done.text
    assert done.json() == {"registered": ["QX-TH-V3", "QX-TH-V4"], "changed": [], "unchanged": []}
    assert "QX-TH-V4" in api.runtime.org
    assert send(good, "application/json").json()["unchanged"] == ["QX-TH-V3", "QX-TH-V4"]


def test_a_reopened_point_is_revised_and_resubmitted_over_http(api: Api) -> None:
    point_id = api.graded_point()
    for member in ("u-taihe-secretary", "u-taihe-mayor"):
        voted = api.post(f"/risk-points/{point_id}/votes", {"in_favour": True},
                         api.as_(member, Role.LEADER))  # fmt: skip
        assert voted.status_code == 201
    content = {"category": "post_duty", "description": "踏勘审核一人完成",
               "manifestations": ["虚假踏勘意见"], "reason": "检查发现"}  # fmt: skip
    path = f"/risk-points/{point_id}"
    assert api.client.put(f"{path}/content", json=content, headers=api.office).status_code == 409
    request = revision_requested(UUID(point_id), api.runtime.clock.now())
    feed(api.runtime.app, request, "lianfang.assessment")
    row = api.client.get(path, headers=api.office).json()
    assert (row["status"], row["under_revision"]) == ("draft", True)
    leader = api.as_("u-taihe-secretary", Role.LEADER)
    assert api.client.put(f"{path}/content", json=content, headers=leader).status_code == 403
    outsider = api.as_("u-tp-office", Role.OFFICE, "QX-TP")
    assert api.client.put(f"{path}/content", json=content, headers=outsider).status_code == 403
    revised = api.client.put(f"{path}/content", json=content, headers=api.office)
    assert revised.status_code == 204, revised.text
    # The grade still fits the new content: the revised point goes to the team as it is.
    assert api.post(f"{path}/resubmission", {"reason": "已修正"}, api.office).status_code == 204
    row = api.client.get(path, headers=api.office).json()
    assert (row["status"], row["category"]) == ("graded", "post_duty")
    assert [c["description"] for c in row["earlier_content"]] == ["踏勘一人完成"]
    assert row["revisions"][0]["closed_at"] is None
