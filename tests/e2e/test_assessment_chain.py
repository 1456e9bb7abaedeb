"""Events from intake, register and warning move a unit's live figures and its annual score.

Real processes on real Kafka: intake files reports over HTTP; the register's events are put on
its topic as the register publishes them (a power catalogued, a grading and its approval, a
judgement); the warning service turns the judgement into a warning whose deadline passes
(RectificationOverdue). The assessment service takes all of them in; its figures and its score
move; the district scores and publishes the town's year, and a plain Kafka consumer reads
AssessmentPublished (Art. 11, 14, 23, 28, 31).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import uuid4

import httpx
import pytest

from shared.auth import Role
from shared.clock import BEIJING
from shared.vocabulary import Grade
from tests.e2e.conftest import Node, filing
from tests.support.events import incipient_judgement
from tests.support.processes import wait_until
from tests.unit.assessment.upstream import approved, catalogued, graded

pytestmark = pytest.mark.kafka
TOWN = "QX-TH"


def report(ref: str) -> dict[str, object]:
    learned = datetime.now(UTC) - timedelta(hours=2)
    happened = learned - timedelta(days=3)
    return filing(ref, TOWN, "镇财政资金拨付由一人经办", learned_at=learned.isoformat(),
                  happened_at=happened.isoformat(), subject_post="出纳")  # fmt: skip


def points(card: dict[str, Any]) -> dict[str, float]:
    return {i["component"]: i["points"] for i in card["items"]}


async def test_other_services_events_move_figures_and_the_annual_score(node: Node) -> None:
    year = datetime.now(BEIJING).year
    _, intake_port = node.serve("intake")
    _, warning_port = node.serve_with("warning", LIANFANG_TICK_SECONDS="1")
    _, port = node.serve("assessment")
    district = {"Authorization": f"Bearer {node.token(Role.OFFICE, 'QX')}"}
    base = f"http://127.0.0.1:{port}"

    def figures(unit: str = TOWN) -> dict[str, Any]:
        r = httpx.get(f"{base}/figures/{unit}", headers=district, params={"year": year})
        return dict(r.json())

    def preview(unit: str = TOWN) -> dict[str, Any]:
        r = httpx.get(f"{base}/assessments/{unit}/{year}/preview", headers=district)
        return dict(r.json())

    # Before anything happened: no facts; the default scheme gives 0 + 15 + 15 + 15 + 10 + 15
    # + 10 * 0.8 (no survey) = 78.
    assert figures()["counts"] == {}
    assert preview()["total"] == 78

    http = httpx.AsyncClient(timeout=10)
    # intake: two reports filed over HTTP.
    town_office = {"Authorization": f"Bearer {node.token(Role.OFFICE, TOWN)}"}
    for n in range(2):
        r = await http.post(f"http://127.0.0.1:{intake_port}/information", json=report(f"ZR-{n}"),
                       headers=town_office)  # fmt: skip
        assert r.status_code == 201, r.text
    # register: a power catalogued, a risk point graded 低 and approved (Art. 11, 14), and a
    # judgement about it: a 低 point calls for a yellow warning (Art. 28).
    point, now = uuid4(), datetime.now(UTC)
    await node.produce_events("register", [
        catalogued(uuid4(), unit=TOWN, at=now), graded(point, Grade.LOW, unit=TOWN, at=now),
        approved(point, unit=TOWN, at=now), incipient_judgement(TOWN, point)])  # fmt: skip

    # warning: the district reviews the proposal and issues the warning with a short deadline.
    wbase = f"http://127.0.0.1:{warning_port}"

    def proposals() -> list[dict[str, Any]]:
        return list(httpx.get(f"{wbase}/proposals", headers=district).json())

    wait_until(lambda: len(proposals()) == 1, what="a proposal from the judgement")
    pid = proposals()[0]["id"]
    meeting = {"held_on": date.today().isoformat(), "attendees": ["张书记", "李主任"],
               "decision": "issue", "minutes_ref": "清新廉会〔2026〕12号"}  # fmt: skip
    review = await http.post(f"{wbase}/proposals/{pid}/review", json=meeting, headers=district)
    assert review.status_code == 201, review.text
    # Both the town's rectification and the talk the district owes it fall due at once.
    due = datetime.now(UTC) + timedelta(seconds=3)
    deadlines = {"rectification": due.isoformat(), "warning_talk": due.isoformat()}
    issued = await http.post(f"{wbase}/proposals/{pid}/warning", headers=district,
                             json={"deadlines": deadlines})  # fmt: skip
    assert issued.status_code == 201, issued.text

    # assessment: the live figures follow every service's events.
    want = {"risk_reported": 2, "power_catalogued": 1, "risk_graded": 1, "risk_approved": 1,
            "warning_issued": 1, "rectification_overdue": 1}  # fmt: skip
    wait_until(lambda: figures()["counts"] == want, timeout=90, what=f"figures {want}")
    # The missed talk is the district's own lapse (Art. 28): counted on the district's figures,
    # never on the town's.
    owed = {"disposal_overdue": 1}
    wait_until(lambda: figures("QX")["counts"] == owed, timeout=60, what="the district's lapse")
    assert figures("QX")["live"]["overdue_as_disposing_body"] == 1
    # Level by level (Art. 31): the district's own card counts its missed talk in full and the
    # town it manages at the default managed_share ½: warnings 15 - ½ × 2 (the town's yellow)
    # = 14; overdue 10 - 2.5 (its own talk) - ½ × 2.5 (the town's rectification) = 6.25.
    district_card = {i["component"]: i for i in preview("QX")["items"]}
    assert (district_card["warnings"]["points"], district_card["overdue"]["points"]) == (14, 6.25)
    lapses = district_card["overdue"]["evidence"]
    assert [e["effect"] for e in lapses] == [-2.5, -1.25]
    assert lapses[1]["what"].startswith("managed unit QX-TH: RectificationOverdue yellow")
    live = figures()["live"]
    assert live["risks_by_grade"] == {"low": 1}
    assert live["open_warnings_by_level"] == {"yellow": 1}
    assert (live["overdue_actions"], live["overdue_as_disposing_body"]) == (1, 0)
    assert live["on_time_reporting_rate"] == 1.0

    # The score moved: identification 5 * 0.5/3 (half a power) + 5 * 1/3 (graded) + 5 * 1/1
    # (approved) + 5 * 0/1 (not published) = 0.8333 + 1.6667 + 5 = 7.5; warnings 15 - 2,
    # rectification 15 * 0/1, overdue 10 - 2.5; reporting, inspection untouched, social 8:
    # 7.5 + 15 + 13 + 0 + 7.5 + 15 + 8 = 66 -> 合格
    moved = preview()
    assert points(moved) == {"identification": 7.5, "reporting": 15, "warnings": 13,
                             "rectification": 0, "overdue": 7.5, "inspection": 15, "social": 8,
                             "commendation": 0, "accountability": 0}  # fmt: skip
    assert (moved["total"], moved["grade"]) == (66, "pass")

    # The district scores and publishes the town's year; a downstream consumer reads the result.
    scored = await http.post(f"{base}/assessments/{TOWN}/{year}/score", headers=district)
    assert scored.status_code == 201, scored.text
    assert scored.json()["card"]["total"] == 66
    explained = (
        await http.get(f"{base}/assessments/{TOWN}/{year}/explanation", headers=district)
    ).json()
    overdue = next(i for i in explained if i["component"] == "overdue")
    warning_events = await node.read_all(node.topics.events("warning"), expect=3, timeout=30)
    overdue_ids = [
        dict(r.headers)["ce_id"].decode()
        for r in warning_events
        if dict(r.headers)["ce_type"].decode().endswith("RectificationOverdue.v1")
    ]
    assert [e["ref"] for e in overdue["evidence"]] == overdue_ids
    published = await http.post(f"{base}/assessments/{TOWN}/{year}/publish", headers=district)
    assert published.status_code == 200, published.text
    # An internal inspection finds the graded point's grade wrong: the register is asked to
    # revise it, on the same topic.
    inspection = {"kind": "internal", "unit_code": TOWN, "title": "专项检查"}
    opened = await http.post(f"{base}/inspections", headers=district, json=inspection)
    assert opened.status_code == 201, opened.text
    finding = {"description": "风险等级评定偏低", "risk_point_id": str(point), "aspects": ["grade"]}
    found = await http.post(f"{base}/inspections/{opened.json()['id']}/findings", json=finding,
                            headers=district)  # fmt: skip
    assert found.status_code == 201, found.text
    await http.aclose()

    records = await node.read_all(node.topics.events("assessment"), expect=2, timeout=60)
    by_type = {dict(r.headers)["ce_type"].decode().split(".")[-2]: r for r in records}
    assert sorted(by_type) == ["AssessmentPublished", "RevisionRequested"]
    body = json.loads(by_type["AssessmentPublished"].value)
    assert (body["unit_code"], body["year"], body["assessor_unit"]) == (TOWN, year, "QX")
    assert (body["total"], body["grade"]) == (66, "pass")
    revision = json.loads(by_type["RevisionRequested"].value)
    assert (revision["risk_point_id"], revision["aspects"]) == (str(point), ["grade"])
    assert by_type["RevisionRequested"].key == str(point).encode()
