"""The register a page at a time (issue #15): `/risk-points/page` with unit and focus filters.

The console's risk-point table pages on the server: the same rows as `/risk-points`, in the same
order, `limit` at a time from `offset`, with how many match in all; a unit of the subtree and the
focus flags 排查重点 (Art. 12) narrow it. A bad `limit` or a unit outside the subtree is a 422 on
that parameter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from services.register.main import SPEC
from services.register.settings import RegisterSettings
from shared.auth import Role
from tests.unit.register.test_register_api import Api

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture
def api() -> Iterator[Api]:
    yield from Api.serve(SPEC, RegisterSettings)


def add_point(api: Api, unit: str, description: str, **focus: bool) -> str:
    office = api.as_(f"u-{unit}-office", Role.OFFICE, unit)
    answer = api.post(
        "/risk-points",
        {"unit_code": unit, "post": "审核岗", "category": "business_process",
         "description": description, "manifestations": ["虚假意见"], "focus": focus},
        office,
    )  # fmt: skip
    assert answer.status_code == 201, answer.text
    point_id: str = answer.json()["id"]
    return point_id


def test_pages_of_the_register_with_its_total(api: Api) -> None:
    for n in range(5):
        add_point(api, "QX-TH", f"太和镇风险点{n}", many_complaints=n % 2 == 0)
    add_point(api, "QX-TP", "太平镇风险点", key_post_or_link=True, many_complaints=True)
    district = api.as_("u-qx-office", Role.OFFICE, "QX")
    whole = api.get("/risk-points", district).json()

    first = api.get("/risk-points/page?limit=4", district).json()
    assert (first["total"], first["offset"], first["limit"]) == (6, 0, 4)
    second = api.get("/risk-points/page?limit=4&offset=4", district).json()
    assert [r["id"] for r in first["items"] + second["items"]] == [r["id"] for r in whole]
    assert len(second["items"]) == 2

    by_unit = api.get("/risk-points/page?unit_code=QX-TP", district).json()
    assert [r["description"] for r in by_unit["items"]] == ["太平镇风险点"]
    assert by_unit["items"][0]["focus_flags"] == ["key_post_or_link", "many_complaints"]

    complaints = api.get("/risk-points/page?focus=many_complaints", district).json()
    assert complaints["total"] == 4  # points 0, 2, 4 of 太和镇 and 太平镇's
    both = api.get("/risk-points/page?focus=many_complaints&focus=key_post_or_link", district)
    assert [r["description"] for r in both.json()["items"]] == ["太平镇风险点"]


def test_refusals_name_the_parameter(api: Api) -> None:
    town = api.as_("u-th-office", Role.OFFICE, "QX-TH")
    too_many = api.get("/risk-points/page?limit=201", town)
    assert too_many.status_code == 422
    assert too_many.json()["detail"][0]["loc"] == ["query", "limit"]
    elsewhere = api.get("/risk-points/page?unit_code=QX-TP", town)
    assert elsewhere.status_code == 422
    assert elsewhere.json()["detail"][0]["loc"] == ["query", "unit_code"]
    flag = api.get("/risk-points/page?focus=rumour", town)
    assert flag.status_code == 422
    assert flag.json()["detail"][0]["loc"] == ["query", "focus", 0]
