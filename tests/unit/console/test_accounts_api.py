"""The directory over HTTP: admins within their subtree, 403s naming the rule, 422s naming the
field, the as-of question, and the all-or-nothing CSV import with every bad row named."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

import pytest

from services.console.main import SPEC
from services.console.settings import ConsoleSettings
from shared.auth import Role
from shared.clock import ManualClock
from tests.support.http_api import ApiClient

if TYPE_CHECKING:
    from collections.abc import Iterator

DECISION = "清新纪发〔2026〕12号"


class Api(ApiClient):
    """The console's test client, with the district's and 太和镇's admins."""

    @property
    def district_admin(self) -> dict[str, str]:
        return self.as_("qx-admin", Role.ADMIN, "QX")

    @property
    def town_admin(self) -> dict[str, str]:
        return self.as_("th-admin", Role.ADMIN, "QX-TH")

    def open(self, user_id: str, unit: str, *grants: dict[str, str], who: Any = None) -> Any:
        body = {"user_id": user_id, "name": f"{user_id}的姓名", "unit_code": unit,
                "posts": ["科员"], "grants": list(grants), "authority": DECISION}  # fmt: skip
        return self.post("/accounts", body, who or self.district_admin)

    def import_csv(self, text: str, who: dict[str, str], media: str = "text/csv") -> Any:
        return self.client.post(
            "/accounts/import", params={"authority": DECISION}, content=text.encode(),
            headers=who | {"Content-Type": media},
        )  # fmt: skip


@pytest.fixture
def api() -> Iterator[Api]:
    yield from Api.serve(SPEC, ConsoleSettings)


def test_an_admin_opens_grants_suspends_and_reactivates(api: Api) -> None:
    opened = api.open("th-chen", "QX-TH", {"role": "office"}, who=api.town_admin)
    assert opened.status_code == 201, opened.text
    account = opened.json()
    assert (account["unit_name"], account["status"], account["posts"]) == (
        "太和镇", "active", ["科员"],
    )  # fmt: skip
    [office] = account["grants"]
    assert (office["role"], office["role_zh"], office["unit_code"]) == (
        "office", "预防腐败室", "QX-TH",
    )  # fmt: skip
    assert office["granted_by"]["user_id"] == "th-admin"
    grant = {"role": "leader", "authority": DECISION}
    granted = api.post("/accounts/th-chen/grants", grant, api.town_admin)
    assert granted.status_code == 201
    assert {g["role"] for g in granted.json()["grants"]} == {"office", "leader"}
    again = api.post("/accounts/th-chen/grants", grant, api.town_admin)
    assert again.status_code == 409
    revocation = {"role": "leader", "unit_code": "QX-TH", "reason": "换届", "authority": DECISION}
    revoked = api.post("/accounts/th-chen/revocations", revocation, api.town_admin)
    assert [g["role"] for g in revoked.json()["grants"]] == ["office"]
    change = {"reason": "立案审查", "authority": DECISION}
    suspended = api.post("/accounts/th-chen/suspension", change, api.district_admin)
    assert suspended.json()["status"] == "suspended"
    assert suspended.json()["suspension"]["suspended_by"]["user_id"] == "qx-admin"
    assert api.post("/accounts/th-chen/suspension", change, api.district_admin).status_code == 409
    back = api.post("/accounts/th-chen/reactivation", change, api.town_admin)
    assert (back.json()["status"], back.json()["suspension"]) == ("active", None)
    shown = api.get("/accounts/th-chen", api.as_("qx-auditor", Role.AUDITOR, "QX"))
    assert shown.json() == back.json()
    assert api.get("/accounts/nobody", api.town_admin).status_code == 404


def test_a_transfer_over_http(api: Api) -> None:
    api.open("th-zhao", "QX-TH-CZS")
    body = {"unit_code": "QX-TH-GHB", "reason": "调动", "authority": DECISION}
    moved = api.post("/accounts/th-zhao/changes", body, api.town_admin)
    assert (moved.status_code, moved.json()["unit_name"]) == (200, "太和镇规划建设办公室")
    away = api.post("/accounts/th-zhao/changes", body | {"unit_code": "QX-TP"}, api.town_admin)
    assert away.status_code == 403
    no_reason = api.post("/accounts/th-zhao/changes", body | {"reason": ""}, api.town_admin)
    assert no_reason.json()["detail"][0]["loc"] == ["body", "reason"]


def test_outside_the_subtree_is_403_naming_the_rule(api: Api) -> None:
    assert api.open("tp-li", "QX-TP").status_code == 201
    refusals = [
        api.open("tp-new", "QX-TP", who=api.town_admin),
        api.post("/accounts/tp-li/grants", {"role": "officer", "authority": DECISION},
                 api.town_admin),
        api.post("/accounts/tp-li/suspension", {"reason": "x", "authority": DECISION},
                 api.town_admin),
    ]  # fmt: skip
    for refused in refusals:
        assert refused.status_code == 403, refused.text
        assert refused.json()["detail"].startswith("Art. 7: QX-TH 的管理员只管理本单位及所属单位")
        assert "(an admin (管理员) of QX-TH manages" in refused.json()["detail"]
    assert api.get("/accounts/tp-li", api.town_admin).status_code == 403
    listed = api.client.get("/accounts", params={"within": "QX-TP"}, headers=api.town_admin)
    assert listed.status_code == 403
    # Only an admin changes the directory; an office reads it.
    office = api.as_("th-office", Role.OFFICE, "QX-TH")
    assert api.open("th-x", "QX-TH", who=office).status_code == 403
    assert api.get("/accounts", office).status_code == 200
    officer = api.as_("th-officer", Role.OFFICER, "QX-TH")
    assert api.get("/accounts", officer).status_code == 403
    # Nobody raises their own powers.
    assert api.open("th-admin", "QX-TH", {"role": "admin"}).status_code == 201
    own = api.post("/accounts/th-admin/grants", {"role": "custodian", "unit_code": "QX-TH",
                   "authority": DECISION}, api.town_admin)  # fmt: skip
    assert own.status_code == 403
    assert "their own account" in own.json()["detail"]
    assert own.json()["detail"].startswith("不能对本人账户进行此项操作，须由另一名管理员办理")


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ({"user_id": "has space"}, ["body", "user_id"]),
        ({"name": ""}, ["body", "name"]),
        ({"unit_code": "QX-NOPE"}, ["body", "unit_code"]),
        ({"authority": ""}, ["body", "authority"]),
        ({"grants": [{"role": "emperor"}]}, ["body", "grants", 0, "role"]),
        ({"grants": [{"role": "custodian"}]}, ["body", "grants"]),
        ({"grants": [{"role": "leader", "unit_code": "QX"}]}, ["body", "unit_code"]),
        ({"posts": ["x" * 101]}, ["body", "posts", 0]),
        ({"extra": 1}, ["body", "extra"]),
    ],
)
def test_bad_input_is_422_naming_the_field(api: Api, body: dict[str, Any], loc: list[Any]) -> None:
    base = {"user_id": "th-new", "name": "新人", "unit_code": "QX-TH", "authority": DECISION}
    response = api.post("/accounts", base | body, api.district_admin)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == loc
    assert api.get("/accounts/th-new", api.district_admin).status_code == 404  # nothing opened


def test_the_custodian_grant_names_its_unit_and_excludes_auditing(api: Api) -> None:
    api.open("qx-wang", "QX")
    unnamed = api.post("/accounts/qx-wang/grants", {"role": "custodian", "authority": DECISION},
                       api.district_admin)  # fmt: skip
    assert unnamed.status_code == 422
    assert unnamed.json()["detail"][0]["loc"] == ["body", "unit_code"]
    assert "Art. 22" in unnamed.json()["detail"][0]["msg"]
    named = {"role": "custodian", "unit_code": "QX-TH", "authority": DECISION}
    assert api.post("/accounts/qx-wang/grants", named, api.district_admin).status_code == 201
    audit = api.post("/accounts/qx-wang/grants", {"role": "auditor", "authority": DECISION},
                     api.district_admin)  # fmt: skip
    assert audit.status_code == 422
    assert audit.json()["detail"][0]["loc"] == ["body", "role"]


def test_listing_pages_and_filters(api: Api) -> None:
    for n in range(5):
        api.open(f"th-officer{n}", "QX-TH", {"role": "officer"})
    api.open("th-czs", "QX-TH-CZS", {"role": "leader"})
    api.open("tp-li", "QX-TP")

    def page(who: dict[str, str], **params: Any) -> Any:
        response = api.client.get("/accounts", params=params, headers=who)
        assert response.status_code == 200, response.text
        return response.json()

    everyone = page(api.district_admin, limit=3)
    assert (everyone["total"], len(everyone["items"])) == (7, 3)
    rest = page(api.district_admin, limit=3, offset=6)
    assert [r["user_id"] for r in rest["items"]] == ["tp-li"]  # ordered by unit, then user id
    town = page(api.town_admin)
    assert town["total"] == 6  # the town's own subtree by default
    leaders = page(api.town_admin, role="leader")
    assert [r["user_id"] for r in leaders["items"]] == ["th-czs"]
    assert leaders["items"][0]["grants"] == [{"role": "leader", "unit_code": "QX-TH-CZS"}]
    assert page(api.town_admin, unit_code="QX-TH-CZS")["total"] == 1
    api.post("/accounts/th-officer0/suspension", {"reason": "x", "authority": DECISION},
             api.town_admin)  # fmt: skip
    assert page(api.town_admin, status="suspended")["items"][0]["user_id"] == "th-officer0"
    too_many = api.client.get("/accounts", params={"limit": 1000}, headers=api.town_admin)
    assert too_many.json()["detail"][0]["loc"] == ["query", "limit"]


def test_who_held_a_role_at_a_moment(api: Api) -> None:
    clock = api.runtime.clock
    assert isinstance(clock, ManualClock)
    api.open("qx-wang", "QX")
    api.open("th-lin", "QX-TH")
    clock.advance(timedelta(days=1))
    for user, unit in (("qx-wang", "QX"), ("th-lin", "QX-TH")):
        body = {"role": "custodian", "unit_code": unit, "authority": DECISION}
        assert api.post(f"/accounts/{user}/grants", body, api.district_admin).status_code == 201
    then = clock.now()
    clock.advance(timedelta(days=1))
    change = {"reason": "调查", "authority": DECISION}
    api.post("/accounts/th-lin/suspension", change, api.district_admin)
    auditor = api.as_("qx-auditor", Role.AUDITOR, "QX")

    def who(**params: Any) -> list[str]:
        query = {"role": "custodian", "unit_code": "QX-TH"} | params
        response = api.client.get("/accounts/holders", params=query, headers=auditor)
        assert response.status_code == 200, response.text
        return [h["user_id"] for h in response.json()["holders"]]

    assert who(at=then.isoformat(), covering=True) == ["qx-wang", "th-lin"]
    assert who(at=then.isoformat()) == ["th-lin"]
    assert who(covering=True) == ["qx-wang"]  # now: th-lin is suspended
    assert who(at=(then - timedelta(days=1)).isoformat(), covering=True) == []
    future = api.client.get(
        "/accounts/holders",
        params={"role": "custodian", "unit_code": "QX-TH",
                "at": (clock.now() + timedelta(days=1)).isoformat()},
        headers=auditor,
    )  # fmt: skip
    assert (future.status_code, future.json()["detail"][0]["loc"]) == (422, ["query", "at"])


CSV_BAD = (
    "user_id,name,unit_code,posts,roles\n"
    "th-ok,好人,QX-TH,科员,officer\n"
    "has space,坏名,QX-TH,,\n"
    "th-nobody,,QX-TH,,\n"
    "th-far,远人,QX-TP,,\n"
    "th-ok,重复,QX-TH,,\n"
    "th-role,角色,QX-TH,,emperor\n"
    "th-unit,单位,QX-NOPE,,\n"
    "th-up,上级,QX-TH,,leader@QX\n"
    "qx-existing,已有,QX-TH,,\n"
)


def test_an_import_with_bad_rows_names_every_row_and_opens_nothing(api: Api) -> None:
    api.open("qx-existing", "QX-TH")
    refused = api.import_csv(CSV_BAD, api.town_admin)
    assert refused.status_code == 422
    problems = {(d["row"], d["field"]) for d in refused.json()["detail"]}
    assert problems == {
        (3, "user_id"), (4, "name"), (5, "unit_code"), (6, "user_id"), (7, "roles"),
        (8, "unit_code"), (9, "roles"), (10, "user_id"),
    }  # fmt: skip
    assert "Art. 7" in next(d["msg"] for d in refused.json()["detail"] if d["row"] == 5)
    assert api.get("/accounts/th-ok", api.town_admin).status_code == 404  # the good row too
    good = (
        "user_id,name,unit_code,posts,roles\n"
        "th-ok,好人,QX-TH,科员;出纳,officer;custodian@QX-TH-CZS\n"
    )
    imported = api.import_csv("\ufeff" + good, api.town_admin)
    assert imported.status_code == 201, imported.text
    assert imported.json() == {"opened": ["th-ok"]}
    account = api.get("/accounts/th-ok", api.town_admin).json()
    assert account["posts"] == ["科员", "出纳"]
    assert {(g["role"], g["unit_code"]) for g in account["grants"]} == {
        ("officer", "QX-TH"), ("custodian", "QX-TH-CZS"),
    }  # fmt: skip


def test_an_import_must_be_csv_with_known_columns_and_bounded(api: Api) -> None:
    assert api.import_csv("{}", api.town_admin, "application/json").status_code == 415
    header = api.import_csv("user_id,name,unit\nx,y,QX-TH\n", api.town_admin)
    assert {(d["row"], d["field"]) for d in header.json()["detail"]} == {(1, "columns")}
    empty = api.import_csv("user_id,name,unit_code\n", api.town_admin)
    assert empty.status_code == 422
    huge = "user_id,name,unit_code\n" + "x,y,QX-TH\n" * 120_000
    assert api.import_csv(huge, api.town_admin).status_code == 413
    office = api.as_("th-office", Role.OFFICE, "QX-TH")
    assert api.import_csv("user_id,name,unit_code\n", office).status_code == 403
