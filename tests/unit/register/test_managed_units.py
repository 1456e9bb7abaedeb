"""Each node's register acts on the units it manages (Art. 7, 25, 31 逐级).

第七条: 按照干部管理权限 — the district node keeps the cases of the district's own units and of the
towns themselves; 太和镇's node those of the town's units and villages. A command on a unit the
node does not manage is refused (403, naming the node that manages it), whoever asks, and
changes nothing; reading stays as it was. The groups that judge a node's cases (Art. 25) are
its units' own and its root body's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from services.register.main import SPEC
from services.register.settings import RegisterSettings
from shared.auth import Principal, Role
from shared.errors import Forbidden
from shared.jurisdiction import Node
from shared.settings import CommonSettings
from tests.support.http_api import ApiClient
from tests.support.stores import InMemory, OnSQLite
from tests.unit.register.stories import RegisterStoryBase

if TYPE_CHECKING:
    from collections.abc import Iterator

    from services.register.app import RegisterApplication

TOWN_UNIT = "QX-TH-CZS"  # 太和镇财政所, managed by node town-taihe
REFUSED = "Art. 7, 31: 按照干部管理权限逐级管理，单位 QX-TH-CZS 由节点 town-taihe 管理"
TOWN_REFUSED = "Art. 7, 31: 按照干部管理权限逐级管理，单位 QX-TH 由节点 district 管理"


def power(unit: str) -> dict[str, object]:
    return {"unit_code": unit, "name": "财政资金支付审核", "kind": "other",
            "legal_basis": "《预算法》第五十七条", "posts": ["出纳岗"]}  # fmt: skip


def point(unit: str) -> dict[str, object]:
    return {"unit_code": unit, "post": "出纳岗", "category": "business_process",
            "description": "审核与支付由一人完成", "manifestations": ["虚报冒领"]}  # fmt: skip


@pytest.fixture
def district() -> Iterator[ApiClient]:
    yield from ApiClient.serve(SPEC, RegisterSettings)


@pytest.fixture
def town() -> Iterator[ApiClient]:
    common = CommonSettings(store="memory", node_id="town-taihe", node_root_unit="QX-TH")
    yield from ApiClient.serve(SPEC, RegisterSettings, common=common)


def test_the_district_node_refuses_commands_on_a_town_s_units(district: ApiClient) -> None:
    """On the district node neither the district's office nor the town's acts on the town's
    unit (its register is the town node's); both act on the town itself."""
    api = district
    for who in (api.as_("u-qx-office", Role.OFFICE, "QX"), api.as_("u-th-office", Role.OFFICE)):
        for path, body in (("/powers", power(TOWN_UNIT)), ("/risk-points", point(TOWN_UNIT))):
            refused = api.post(path, body, who)
            assert refused.status_code == 403, refused.text
            assert REFUSED in refused.json()["detail"]
        assert api.post("/powers", power("QX-TH"), who).status_code == 201
    appoint = {"user_id": "u-czs-judge", "authority": "清新纪发〔2026〕1号"}
    group = api.post(f"/units/{TOWN_UNIT}/judgement-group/members", appoint,
                     api.as_("u-qx-office", Role.OFFICE, "QX"))  # fmt: skip
    assert group.status_code == 403
    assert REFUSED in group.json()["detail"]
    # Nothing was recorded for the town's unit; reading is as before (the subtree's register).
    listed = api.get("/powers?within=QX-TH", api.as_("u-qx-office", Role.OFFICE, "QX")).json()
    assert {p["unit_code"] for p in listed} == {"QX-TH"}


def test_the_town_node_acts_on_the_town_s_units_not_on_the_town(town: ApiClient) -> None:
    """On 太和镇's node the town's office keeps its units' registers and its own judgement
    group, but not the town's own points: the district manages the town (Art. 7)."""
    api, office = town, town.as_("u-th-office", Role.OFFICE)
    made = api.post("/powers", power(TOWN_UNIT), office)
    assert made.status_code == 201, made.text
    charted = {"steps": [{"key": "check", "name": "审核", "post": "出纳岗", "time_limit_days": 2,
                          "discretion": True}]}  # fmt: skip
    assert api.post(f"/powers/{made.json()['id']}/flowcharts", charted, office).status_code == 201
    assert api.post("/risk-points", point(TOWN_UNIT), office).status_code == 201
    refused = api.post("/risk-points", point("QX-TH"), office)
    assert refused.status_code == 403
    assert TOWN_REFUSED in refused.json()["detail"]
    appoint = {"user_id": "u-th-judge", "authority": "太和党发〔2026〕3号"}
    assert api.post("/units/QX-TH/judgement-group/members", appoint, office).status_code == 201


class ManagedUnitsStory(RegisterStoryBase):
    """Re-told per store: memory and SQLite here, PostgreSQL in tests/integration."""

    def test_art_7_25_a_node_appoints_the_groups_that_judge_its_cases(
        self, app: RegisterApplication
    ) -> None:
        """第二十五条's 研判小组 judges the cases its node keeps (Art. 7): on the district node the
        district's office appoints the town's group (the town is the district's) but not a
        town unit's, which its town's node appoints; a refusal records nothing."""
        app.bind_node(Node("district", "QX"), "/lianfang/district/register")
        office = Principal("u-qx-office", frozenset({Role.OFFICE}), "QX")
        app.appoint_group_member("QX-TH", "u-th-judge", "", "清新纪发〔2026〕1号", office)
        with pytest.raises(
            Forbidden, match=r"^Art\. 7, 31: .*单位 QX-TH-CZS 由节点 town-taihe 管理"
        ):
            app.appoint_group_member(TOWN_UNIT, "u-czs-judge", "", "清新纪发〔2026〕1号", office)
        assert app.judgement_group(TOWN_UNIT) is None
        group = app.judgement_group("QX-TH")
        assert group is not None
        assert list(group.members) == ["u-th-judge"]


class TestManagedUnitsInMemory(InMemory, ManagedUnitsStory):
    pass


class TestManagedUnitsSQLite(OnSQLite, ManagedUnitsStory):
    pass
