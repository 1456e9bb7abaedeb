"""This year's scores on the district dashboard 区级驾驶舱 are the recorded assessments (Art. 31).

On 太和镇's node the town's office scores 财政所 (a late report and a yellow warning cost it
points) and publishes it, then scores 太和镇's village committee. The summary lists both, highest
first, each equal to the assessment the unit's own page shows, with its status.
"""

from __future__ import annotations

from shared.auth import Role
from shared.vocabulary import WarningLevel
from tests.unit.assessment import upstream as up
from tests.unit.assessment.test_assessment_api import UNIT, Api, town_api

__all__ = ["town_api"]  # the fixture


def test_the_year_s_scores_equal_the_recorded_assessments(town_api: Api) -> None:
    api = town_api
    town = api.as_(Role.OFFICE, "QX-TH")
    assert api.get("/dashboard", town).json() == {"within": "QX-TH", "year": 2026, "scores": []}
    up.feed(api.runtime.app, up.breach("late"))
    up.feed(api.runtime.app, up.issued(WarningLevel.YELLOW))
    assert api.post(f"/assessments/{UNIT}/2026/score", {}, town).status_code == 201
    assert api.post(f"/assessments/{UNIT}/2026/publish", {}, town).status_code == 200
    assert api.post("/assessments/QX-TH-V1/2026/score", {}, town).status_code == 201
    shown = api.get("/dashboard", town)
    assert shown.status_code == 200, shown.text
    scores = shown.json()["scores"]
    assert [s["unit_code"] for s in scores] == ["QX-TH-V1", UNIT]  # highest first
    for line in scores:
        recorded = api.get(f"/assessments/{line['unit_code']}/2026", town).json()
        assert line["total"] == recorded["card"]["total"]
        assert line["grade"] == recorded["card"]["grade"]
        assert line["status"] == recorded["status"]
    assert [s["status"] for s in scores] == ["draft", "published"]
    assert api.get("/dashboard", town, year=2025).json()["scores"] == []
    assert api.get("/dashboard", api.as_(Role.JUDGE, "QX-TH")).status_code == 403
    assert api.get("/dashboard", town, within="QX-TP").status_code == 403
