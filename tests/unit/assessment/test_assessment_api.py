"""The assessment service over HTTP: roles, units, bad input, exports (Art. 8, 30, 31)."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from services.assessment.main import SPEC
from services.assessment.settings import AssessmentSettings
from shared.auth import Role
from shared.clock import ManualClock
from shared.errors import Invalid
from shared.runtime import Runtime
from shared.settings import CommonSettings
from shared.vocabulary import WarningLevel
from tests.support.http_api import served
from tests.support.tokens import token_for
from tests.unit.assessment import upstream as up

if TYPE_CHECKING:
    from collections.abc import Iterator

UNIT = "QX-TH-CZS"


class Api:
    def __init__(self, runtime: Runtime, client: TestClient) -> None:
        self.runtime, self.client = runtime, client

    def as_(self, role: Role, unit: str, user: str = "u-test") -> dict[str, str]:
        return {"Authorization": f"Bearer {token_for(self.runtime, user, [role], unit)}"}

    def post(self, path: str, body: dict[str, Any], who: dict[str, str] | None = None) -> Any:
        return self.client.post(path, json=body, headers=who or {})

    def get(self, path: str, who: dict[str, str], **params: Any) -> Any:
        return self.client.get(path, headers=who, params=params)


@pytest.fixture
def api() -> Iterator[Api]:
    """The district node's assessment service (root QX)."""
    clock = ManualClock(datetime(2026, 6, 1, 2, 0, tzinfo=UTC))
    with served(SPEC, AssessmentSettings, clock) as (runtime, client):
        yield Api(runtime, client)


@pytest.fixture
def town_api() -> Iterator[Api]:
    """太和镇's node (town-taihe, root QX-TH), which manages the town's units (UNIT among them)
    and so inspects and assesses them, 逐级 (Art. 7, 31)."""
    clock = ManualClock(datetime(2026, 6, 1, 2, 0, tzinfo=UTC))
    common = CommonSettings(store="memory", node_id="town-taihe", node_root_unit="QX-TH")
    with served(SPEC, AssessmentSettings, clock, common) as (runtime, client):
        yield Api(runtime, client)


ART_7_31 = "Art. 7, 31: 按照干部管理权限逐级管理，单位 QX-TH-CZS 由节点 town-taihe 管理"


def test_inspections_by_who_may_make_them(api: Api, town_api: Api) -> None:
    """Internal inspections and superior supervision come from above (Art. 30), on the node that
    manages the inspected unit (Art. 7, 31 逐级): a town's unit is inspected on the town's node."""
    # Corrected: this test once had the district's auditor open a superior visit of a town's unit
    # on the district node. Art. 7 (按照干部管理权限) and Art. 31 (分级管理、逐级实施) put the
    # town's units under the town's node; the district node refuses the command (403, naming the
    # node that manages the unit), and the town inspects them there.
    internal = {"kind": "internal", "unit_code": UNIT, "title": "上半年检查"}
    visit = {**internal, "kind": "superior", "method": "unannounced_visit"}
    elsewhere = api.post("/inspections", visit, api.as_(Role.AUDITOR, "QX"))
    assert elsewhere.status_code == 403
    assert ART_7_31 in elsewhere.json()["detail"]
    assert (
        api.get("/inspections", api.as_(Role.AUDITOR, "QX"), unit_code=UNIT, year=2026).json() == []
    )

    api = town_api
    town = api.as_(Role.OFFICE, "QX-TH")
    town_auditor = api.as_(Role.AUDITOR, "QX-TH")
    # The unit does not inspect itself; a sibling town is outside; a leader is the wrong role.
    own = api.post("/inspections", internal, api.as_(Role.OFFICE, UNIT))
    assert own.status_code == 422
    assert "unit_code" in own.text
    assert api.post("/inspections", internal, api.as_(Role.OFFICE, "QX-TP")).status_code == 403
    assert api.post("/inspections", internal, api.as_(Role.LEADER, "QX-TH")).status_code == 403
    # Superior supervision names its method; an internal inspection does not.
    wrong = api.post("/inspections", {**internal, "method": "unannounced_visit"}, town)
    assert wrong.status_code == 422
    assert "method" in wrong.text
    assert api.get("/inspections", town, unit_code=UNIT, year=2026).json() == []
    opened = api.post("/inspections", visit, town_auditor)
    assert opened.status_code == 201, opened.text
    iid = opened.json()["id"]
    # A finding about a risk point's measures must name the point.
    vague = {"description": "措施未落实", "aspects": ["measures"]}
    refused = api.post(f"/inspections/{iid}/findings", vague, town_auditor)
    assert refused.status_code == 422
    assert "risk_point_id" in refused.text
    # The inspected unit cannot record findings in the town's inspection.
    plain = {"description": "公示栏未更新", "rectify_by": "2026-06-30"}
    assert (
        api.post(f"/inspections/{iid}/findings", plain, api.as_(Role.OFFICE, UNIT)).status_code
        == 403
    )
    found = api.post(f"/inspections/{iid}/findings", plain, town_auditor)
    assert found.status_code == 201
    finding = found.json()["findings"][0]["finding_id"]
    close = {"rectification": "已更新公示栏"}
    closed = api.post(f"/inspections/{iid}/findings/{finding}/close", close, town)
    assert closed.status_code == 200
    assert closed.json()["findings"][0]["closed_at"]
    again = api.post(f"/inspections/{iid}/findings/{finding}/close", close, town)
    assert again.status_code == 409
    listed = api.get("/inspections", town, unit_code=UNIT, year=2026).json()
    assert [i["id"] for i in listed] == [iid]


def test_survey_responses_are_anonymous_once_and_only_while_open(api: Api, town_api: Api) -> None:
    body = {"unit_code": UNIT, "title": "社会评议", "questions": [{"id": "q1", "text": "满意吗"}]}
    # Corrected (Art. 7, 31): the town evaluates its unit on the town's node, not the district's.
    elsewhere = api.post("/surveys", body, api.as_(Role.OFFICE, "QX-TH"))
    assert elsewhere.status_code == 403
    assert ART_7_31 in elsewhere.json()["detail"]
    api = town_api
    town = api.as_(Role.OFFICE, "QX-TH")
    assert api.post("/surveys", body, api.as_(Role.OFFICE, UNIT)).status_code == 422
    rid = api.post("/surveys", body, town).json()["id"]
    answer = {"respondent_token": "paper-0001-secret", "answers": {"q1": 4}}
    # The office running the round enters responses; the surveyed unit may not enter its own.
    assert api.post(f"/surveys/{rid}/responses", answer).status_code == 401
    own = api.post(f"/surveys/{rid}/responses", answer, api.as_(Role.OFFICE, UNIT))
    assert own.status_code == 422
    assert api.post(f"/surveys/{rid}/responses", answer, town).status_code == 201
    assert api.post(f"/surveys/{rid}/responses", answer, town).status_code == 409  # same token
    out_of_scale = {"respondent_token": "paper-0002", "answers": {"q1": 9}}
    bad = api.post(f"/surveys/{rid}/responses", out_of_scale, town)
    assert bad.status_code == 422
    assert "answers.q1" in bad.text
    assert api.post(f"/surveys/{rid}/close", {}, town).status_code == 200
    late = api.post(f"/surveys/{rid}/responses", {**answer, "respondent_token": "paper-0003"}, town)
    assert late.status_code == 409
    shown = api.get(f"/surveys/{rid}", town).json()
    assert (shown["responses"], shown["score"], shown["is_open"]) == (1, 0.75, False)
    # Only a keyed hash of the token is stored, never the token itself.
    app = api.runtime.app
    states = [n.state for n in app.recorder.select_notifications(start=None, limit=1000)]
    assert not any(b"paper-0001-secret" in s for s in states)


def test_scoring_level_by_level_publishing_and_exports(api: Api, town_api: Api) -> None:
    """“分级管理、逐级实施” (Art. 31) with “按照干部管理权限” (Art. 7): the district assesses the
    towns themselves, on the district node; each town assesses its own units and villages, on
    its node."""
    district_node, district = api, api.as_(Role.OFFICE, "QX")
    # Corrected: this test once let the town's office score its unit on the district node (and
    # refused the district only because the unit's parent is the town). A town's units are the
    # town node's (Art. 7); on the district node their scoring is refused, whoever asks.
    for who in (district, api.as_(Role.OFFICE, "QX-TH")):
        refused = api.post(f"/assessments/{UNIT}/2026/score", {}, who)
        assert refused.status_code == 403
        assert ART_7_31 in refused.json()["detail"]
    api = town_api
    up.feed(api.runtime.app, up.breach("late"))
    up.feed(api.runtime.app, up.issued(WarningLevel.YELLOW))
    town = api.as_(Role.OFFICE, "QX-TH")
    assert (
        api.post(f"/assessments/{UNIT}/2026/score", {}, api.as_(Role.OFFICE, "QX-TP")).status_code
        == 403
    )
    assert (
        api.post(f"/assessments/{UNIT}/2026/score", {}, api.as_(Role.AUDITOR, "QX-TH")).status_code
        == 403
    )
    # The town itself is the district's to assess, on the district node (Art. 31).
    itself = api.post("/assessments/QX-TH/2026/score", {}, town)
    assert itself.status_code == 422
    assert "outside this node" in itself.text
    assert api.get(f"/assessments/{UNIT}/2026", town).status_code == 404
    scored = api.post(f"/assessments/{UNIT}/2026/score", {}, town)
    assert scored.status_code == 201, scored.text
    card = scored.json()["card"]
    # identification 0 (nothing identified) + (15-1) + (15-2) + 15*1/1 + 10 + 15 + 10*0.8 = 75
    assert (card["total"], card["grade"], card["grade_zh"]) == (75, "pass", "合格")
    explained = api.get(f"/assessments/{UNIT}/2026/explanation", api.as_(Role.LEADER, UNIT)).json()
    reporting = next(i for i in explained if i["component"] == "reporting")
    assert [e["what"] for e in reporting["evidence"]] == ["reporting breach: late"]
    assert api.get(f"/assessments/{UNIT}/2026", api.as_(Role.LEADER, "QX-TP")).status_code == 403
    published = api.post(f"/assessments/{UNIT}/2026/publish", {}, town)
    assert (published.status_code, published.json()["status"]) == (200, "published")
    assert api.post(f"/assessments/{UNIT}/2026/publish", {}, town).status_code == 409
    assert district_node.post("/assessments/QX-TH/2026/score", {}, district).status_code == 201

    text = api.get("/scorecards.csv", town, year=2026).content.decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text)))
    assert [r[0] for r in table[1:]] == [UNIT]
    assert table[1][-2:] == ["75.0", "合格"]
    on_district = district_node.get("/scorecards.csv", district, year=2026)
    assert [r[0] for r in list(csv.reader(io.StringIO(on_district.text)))[1:]] == ["QX-TH"]
    # A reader sees the subtree of their unit only.
    unit_head = api.as_(Role.LEADER, UNIT)
    own_rows = list(csv.reader(io.StringIO(api.get("/scorecards.csv", unit_head, year=2026).text)))
    assert [r[0] for r in own_rows[1:]] == [UNIT]
    assert api.get("/scorecards.csv", town, year=2026, within="QX").status_code == 403
    book = load_workbook(io.BytesIO(api.get("/scorecards.xlsx", town, year=2026).content))
    sheet = book.active
    assert sheet is not None
    assert sheet.cell(2, 1).value == UNIT
    report = api.get(f"/assessments/{UNIT}/2026/report.html", town)
    assert report.status_code == 200
    assert "总分：75" in report.text
    assert "合格" in report.text


def test_the_scheme_over_http(api: Api) -> None:
    district = api.as_(Role.OFFICE, "QX")
    scheme = api.get("/assessment-schemes/2026", district).json()
    assert sum(scheme["weights"].values()) == 100
    bad = api.client.put("/assessment-schemes/2026", json={**scheme, "weights": {
        **scheme["weights"], "social": 30}}, headers=district)  # fmt: skip
    assert bad.status_code == 422
    assert "weights" in bad.text
    assert "120" in bad.text
    assert api.get("/assessment-schemes/2026", district).json() == scheme  # nothing recorded
    town = api.client.put(
        "/assessment-schemes/2026", json=scheme, headers=api.as_(Role.OFFICE, "QX-TH")
    )
    assert town.status_code == 403
    ok = api.client.put("/assessment-schemes/2026", json={**scheme, "no_survey_ratio": 1.0},
                        headers=district)  # fmt: skip
    assert ok.status_code == 200


def test_live_figures(api: Api) -> None:
    app = api.runtime.app
    warning = up.issued(WarningLevel.ORANGE)
    for event in (up.graded(up.uuid4()), warning, up.overdue(warning), up.breach("missed")):
        up.feed(app, event)
    town = api.as_(Role.LEADER, "QX-TH")
    live = api.get(f"/figures/{UNIT}", town, year=2026).json()["live"]
    assert live["risks_by_grade"] == {"medium": 1}
    assert live["open_warnings_by_level"] == {"orange": 1}
    assert live["overdue_actions"] == 1
    assert live["on_time_reporting_rate"] == 0.0  # nothing reported, one periodic report missed
    assert api.get(f"/figures/{UNIT}", api.as_(Role.LEADER, "QX-TP"), year=2026).status_code == 403
    up.feed(app, up.breach("late", unit="QX-TH-GHB"))
    listed = api.get("/figures", town, year=2026).json()
    assert [(f["unit_code"], f["counts"]) for f in listed] == [
        ("QX-TH-CZS", {"risk_graded": 1, "warning_issued": 1, "rectification_overdue": 1,
                       "reporting_breach": 1}),
        ("QX-TH-GHB", {"reporting_breach": 1}),
    ]  # fmt: skip
    assert api.get("/figures", town, year=2026, within="QX").status_code == 403


def test_annual_self_inspections_are_tasked_once_per_unit_and_count_until_done(
    api: Api, town_api: Api
) -> None:
    # On the district node the district tasks the units it manages: its departments and the
    # towns themselves, not the towns' units, whose node tasks them (Art. 7, 31 逐级).
    org = api.runtime.org
    tasked = api.post("/inspections/annual-self-inspections",
                      {"within": "QX", "year": 2026}, api.as_(Role.OFFICE, "QX"))  # fmt: skip
    assert tasked.status_code == 201
    district_units = {u.code for u in org.subtree("QX") if u.managing_node_id == "district"}
    assert {i["unit_code"] for i in tasked.json()} == district_units - {"QX"}
    assert "QX-TH" in district_units
    assert UNIT not in district_units
    api = town_api
    town = api.as_(Role.OFFICE, "QX-TH")
    task = {"within": "QX-TH", "year": 2026, "due_on": "2026-11-30"}
    first = api.post("/inspections/annual-self-inspections", task, town)
    assert first.status_code == 201
    units = sorted(i["unit_code"] for i in first.json())
    assert units == ["QX-TH-CZS", "QX-TH-GHB", "QX-TH-V1"]  # the town's units, not the town
    again = api.post("/inspections/annual-self-inspections", task, town)
    assert again.json() == []  # tasking twice adds none
    assert (
        api.post(
            "/inspections/annual-self-inspections", task, api.as_(Role.OFFICE, "QX-TP")
        ).status_code
        == 403
    )
    # Uncompleted, it costs 3 points of inspection; completed, none.
    card = api.get(f"/assessments/{UNIT}/2026/preview", town).json()
    assert next(i for i in card["items"] if i["component"] == "inspection")["points"] == 12
    own = next(i for i in first.json() if i["unit_code"] == UNIT)
    done = api.post(
        f"/inspections/{own['id']}/complete", {"summary": "自查完成"}, api.as_(Role.OFFICE, UNIT)
    )
    assert done.status_code == 200
    card = api.get(f"/assessments/{UNIT}/2026/preview", town).json()
    assert next(i for i in card["items"] if i["component"] == "inspection")["points"] == 15
    # A second annual self-inspection of the same unit and year is refused.
    dup = {"kind": "self_inspection", "unit_code": UNIT, "title": "再次年度自查", "year": 2026,
           "trigger": "annual"}  # fmt: skip
    assert api.post("/inspections", dup, town).status_code == 409


def test_the_default_scheme_comes_from_the_environment_and_must_add_up(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    weights = {"identification": 25, "reporting": 15, "warnings": 15, "rectification": 15,
               "overdue": 10, "inspection": 10, "social": 10}  # fmt: skip
    monkeypatch.setenv("LIANFANG_ASSESSMENT_SCHEME", json.dumps({"weights": weights}))
    settings = AssessmentSettings(common=CommonSettings(store="memory"))
    runtime = Runtime(SPEC, settings, clock=ManualClock())
    assert runtime.app.scheme_for(2026).weights["identification"] == 25
    runtime.close()
    # Weights summing to 90 stop the service at start, naming the field.
    monkeypatch.setenv(
        "LIANFANG_ASSESSMENT_SCHEME", json.dumps({"weights": {**weights, "identification": 15}})
    )
    with pytest.raises(Invalid, match=r"weights: 各项权重之和为 90，应为 100 \(sum to 90"):
        Runtime(
            SPEC, AssessmentSettings(common=CommonSettings(store="memory")), clock=ManualClock()
        )
