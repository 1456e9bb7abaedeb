"""The office's overviews over HTTP: a year's inspections, survey rounds, commendations and
accountability of its whole subtree, and the ranking of its scored units (Art. 8, 30, 31)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from services.assessment.main import SPEC
from services.assessment.scoring.rules import competition_ranks
from services.assessment.settings import AssessmentSettings
from shared.auth import Role
from shared.clock import ManualClock
from shared.vocabulary import WarningLevel
from tests.support.http_api import served
from tests.unit.assessment import upstream as up
from tests.unit.assessment.test_assessment_api import Api

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture
def api() -> Iterator[Api]:
    """The district node's assessment service (root QX)."""
    clock = ManualClock(datetime(2026, 6, 1, 2, 0, tzinfo=UTC))
    with served(SPEC, AssessmentSettings, clock) as (runtime, client):
        yield Api(runtime, client)


def test_equal_totals_share_a_place_and_the_next_place_skips() -> None:
    assert competition_ranks([90, 80, 80, 70]) == [1, 2, 2, 4]
    assert competition_ranks([]) == []


def test_the_office_sees_its_subtrees_year_at_once(api: Api) -> None:
    district = api.as_(Role.OFFICE, "QX")
    for unit in ("QX-JY", "QX-WJ"):
        opened = api.post(
            "/inspections",
            {"kind": "internal", "unit_code": unit, "title": f"{unit}检查"},
            district,
        )
        assert opened.status_code == 201, opened.text
    questions = [{"id": "q1", "text": "满意吗"}]
    survey = {"unit_code": "QX-JY", "title": "社会评议", "questions": questions}
    assert api.post("/surveys", survey, district).status_code == 201
    praise = {
        "kind": "commendation",
        "unit_code": "QX-JY",
        "reason": "首创",
        "reference": "清委1号",
    }
    assert api.post("/recognitions", praise, district).status_code == 201

    inspections = api.get("/inspections/subtree", district, year=2026).json()
    assert [i["unit_code"] for i in inspections] == ["QX-JY", "QX-WJ"]
    # Another year has none; a unit's leader sees its own subtree only.
    assert api.get("/inspections/subtree", district, year=2025).json() == []
    jy_head = api.as_(Role.LEADER, "QX-JY")
    assert [i["unit_code"] for i in api.get("/inspections/subtree", jy_head, year=2026).json()] == [
        "QX-JY"
    ]
    assert api.get("/inspections/subtree", jy_head, year=2026, within="QX").status_code == 403
    unknown = api.get("/surveys/subtree", district, year=2026, within="QX-NOWHERE")
    assert unknown.status_code == 422
    assert "within" in unknown.text
    assert api.get("/surveys/subtree", district, year=2099 + 2).status_code == 422
    rounds = api.get("/surveys/subtree", district, year=2026).json()
    assert [(r["unit_code"], r["title"]) for r in rounds] == [("QX-JY", "社会评议")]
    recognitions = api.get("/recognitions/subtree", district, year=2026).json()
    assert [(r["kind"], r["unit_code"]) for r in recognitions] == [("commendation", "QX-JY")]
    assert api.get("/recognitions/subtree", api.as_(Role.JUDGE, "QX"), year=2026).status_code == 403


def test_the_ranking_puts_the_highest_total_first(api: Api) -> None:
    district = api.as_(Role.OFFICE, "QX")
    # 卫健局 was warned red: it loses points that 教育局 keeps.
    up.feed(api.runtime.app, up.issued(WarningLevel.RED, unit="QX-WJ"))
    for unit in ("QX-WJ", "QX-JY"):
        assert api.post(f"/assessments/{unit}/2026/score", {}, district).status_code == 201
    assert api.post("/assessments/QX-JY/2026/publish", {}, district).status_code == 200
    ranked = api.get("/assessments/ranking", district, year=2026).json()
    assert [(r["rank"], r["unit_code"], r["status"]) for r in ranked] == [
        (1, "QX-JY", "published"),
        (2, "QX-WJ", "draft"),
    ]
    assert ranked[0]["total"] > ranked[1]["total"]
    assert ranked[0]["unit_name"]
    assert ranked[0]["grade_zh"]
    assert api.get("/assessments/ranking", district, year=2025).json() == []
