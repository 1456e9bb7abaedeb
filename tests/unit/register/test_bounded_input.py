"""Bounded, clean input to the register (issue #17 items 4–5, Art. 11): a power with an over-long
list or a control character is refused with a 422 naming the field, and nothing is stored."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from services.register.main import SPEC
from services.register.settings import RegisterSettings
from shared.auth import Role
from tests.support.bounds import refused, stored
from tests.unit.register.test_register_api import POWER, STEPS, Api

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture
def api() -> Iterator[Api]:
    yield from Api.serve(SPEC, RegisterSettings)


def test_an_overlong_list_or_a_control_character_catalogues_nothing(api: Api) -> None:
    post, office = api.post, api.office
    granted = stored(api.runtime)  # the directory's posts, taken in before the test
    # The review's example (H4): posts without end, each stored forever on the event and topic.
    many = POWER | {"posts": ["审核岗"] * 201}
    refused(post("/powers", many, office), "posts", "at most 200 items")
    # One post of a page is no post either.
    refused(post("/powers", POWER | {"posts": ["岗" * 501]}, office), "posts",
            "at most 500 characters")  # fmt: skip
    # A name is one line; a carriage return would split a CSV row or a Mermaid label.
    refused(post("/powers", POWER | {"name": "审批\r受理"}, office), "name", "control character")
    refused(post("/powers", POWER | {"legal_basis": "《法》\x00"}, office), "legal_basis",
            "control character U+0000")  # fmt: skip
    refused(api.client.get("/powers", params={"within": "QX\n"}, headers=office), "within",
            "control character U+000A")  # fmt: skip
    # An import is no way around it: the row and the cell are named, nothing is registered.
    admin = api.as_("u-th-admin", Role.ADMIN)
    units = ("code,name,kind,parent,node,principal_leader,leadership_team\n"
             "QX-TH-V3,第三\x1b[2J村,village_committee,QX-TH,town-taihe,,\n")  # fmt: skip
    imported = api.client.post("/units/import", content=units.encode(),
                               headers=admin | {"Content-Type": "text/csv"})  # fmt: skip
    assert imported.status_code == 422
    assert [(d["row"], d["field"]) for d in imported.json()["detail"]] == [(2, "name")]
    assert "control character U+001B" in imported.json()["detail"][0]["msg"]
    assert stored(api.runtime) == granted
    # What people write passes: the power and its flowchart with a multi-line legal basis.
    made = post("/powers", POWER | {"legal_basis": "《土地管理法》\n第六十二条"}, office)
    assert made.status_code == 201, made.text
    power = made.json()["id"]
    steps = {"steps": [STEPS["steps"][0] | {"checks": ["材料\x07公开"]}]}
    refused(post(f"/powers/{power}/flowcharts", steps, office), "checks", "control character")
    assert stored(api.runtime) == granted + 1
