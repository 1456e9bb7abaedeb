"""Tracking forwards and reporting figures over HTTP, on the service's clock (Art. 23, 24).

A forward to 太和镇's node is awaited, reminded two days before its deadline and recorded
overdue after it (跟踪督办); the office and auditors see it, an officer does not. The town's node
reports how it handled the matter over its own API, and the district's office returns 退回 or
signs off 办结 over the district's; an auditor watches but does not act. The figures of
every unit with a duty come as one table; a 瞒报 candidate is reviewed by the office only, with
reasons; a periodic report is submitted by the unit's office, leader or officer only.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from fastapi.testclient import TestClient

from services.intake.main import SPEC
from services.intake.settings import IntakeSettings
from shared.auth import Role
from shared.clock import ManualClock
from shared.http import create_api
from shared.runtime import Runtime
from shared.settings import CommonSettings
from tests.unit.intake.http_support import NOW, Api, filing
from tests.unit.intake.test_routing import DISTRICT, TAIHE, Hand, published

if TYPE_CHECKING:
    from services.intake.app import IntakeApplication


def parts(api: Api) -> tuple[IntakeApplication, ManualClock]:
    return api.runtime.app, api.runtime.clock  # type: ignore[return-value]


def duty(unit: str, name: str, kind: str, days: int) -> dict[str, object]:
    return {"unit_code": unit, "name": name, "kind": kind, "due_days": days,
            "every": "monthly" if kind == "periodic" else None,
            "effective_from": "2026-02-01T00:00:00+08:00"}  # fmt: skip


def test_a_forward_is_awaited_reminded_then_overdue(api: Api) -> None:
    app, clock = parts(api)
    case = api.post("/information", filing("T-1", unit="QX-TH-V1"), api.office).json()
    assert case["routing"] == "forwarded"

    def state() -> list[tuple[str, str]]:
        rows = api.client.get("/forwards", headers=api.office).json()
        return [(r["information_id"], r["state"]) for r in rows]

    assert state() == [(case["information_id"], "awaiting")]
    [row] = api.client.get("/forwards", headers=api.office).json()
    assert row["feedback_due_at"].startswith((NOW + timedelta(days=10)).date().isoformat())
    assert api.client.get("/forwards", headers=api.as_("u-li", Role.OFFICER)).status_code == 403
    other = api.as_("u-tp-office", Role.OFFICE, "QX-TP")
    assert api.client.get("/forwards?unit=QX-TH", headers=other).status_code == 403
    assert api.client.get("/forwards", headers=other).json() == []  # not about 太平镇

    clock.advance(timedelta(days=8, hours=1))
    assert app.chase_feedback() == 1
    assert state() == [(case["information_id"], "reminded")]
    clock.advance(timedelta(days=2))
    assert app.chase_feedback() == 1
    assert state() == [(case["information_id"], "overdue")]
    auditor = api.as_("u-audit", Role.AUDITOR, "QX")
    [seen] = api.client.get("/forwards", headers=auditor).json()
    assert (seen["state"], seen["to_node"]) == ("overdue", "town-taihe")
    timeline = api.client.get(f"/information/{case['information_id']}/timeline", headers=auditor)
    assert [t["what"] for t in timeline.json()][-2:] == ["feedback_reminded", "feedback_overdue"]


def test_figures_per_unit_and_a_reviewed_concealment(api: Api) -> None:
    app, clock = parts(api)
    for d in (duty("QX-TH", "三日报告", "event", 3), duty("QX-TH-CZS", "月报", "periodic", 10)):
        assert api.post("/duties", d, api.office).status_code == 201
    api.post("/information", filing("T-2", channel="petition"), api.office)
    # 3-12: the town never reported it within its three days; February's report was due 3-11.
    clock.advance(timedelta(days=10))
    app.find_concealment_candidates()
    app.find_missed_reports()

    table = api.client.get("/compliance/units?period=2026-03", headers=api.office)
    assert table.status_code == 200, table.text
    rows = {r["unit_code"]: r for r in table.json()}
    assert list(rows) == ["QX-TH", "QX-TH-CZS"]
    assert (rows["QX-TH"]["other_channel"], rows["QX-TH"]["concealment_candidates"]) == (1, 1)
    feb = api.client.get("/compliance/units?period=2026-02", headers=api.office).json()
    assert {r["unit_code"]: r["missed"] for r in feb} == {"QX-TH": 0, "QX-TH-CZS": 1}
    judge = api.as_("u-judge", Role.JUDGE, "QX")
    assert api.client.get("/compliance/units?period=2026-03", headers=judge).status_code == 403
    other = api.as_("u-tp-office", Role.OFFICE, "QX-TP")
    refused = api.client.get("/compliance/units?period=2026-03&unit=QX-TH", headers=other)
    assert refused.status_code == 403
    assert api.client.get("/compliance/units?period=March", headers=api.office).status_code == 422

    [candidate] = [
        b for b in api.client.get("/breaches", headers=api.office).json()
        if b["kind"] == "concealment_candidate"
    ]  # fmt: skip
    assert candidate["status"] == "to_review"
    review = f"/breaches/{candidate['breach_id']}/review"
    verdict = {"confirmed": True, "reason": "经核实，镇领导知情未报"}
    assert api.post(review, verdict, judge).status_code == 403
    assert api.post(review, verdict, other).status_code == 403
    assert api.post(review, verdict | {"reason": ""}, api.office).status_code == 422
    done = api.post(review, verdict, api.office)
    assert (done.status_code, done.json()["status"]) == (200, "confirmed")
    figures = api.client.get("/compliance?period=2026-03", headers=api.office).json()
    assert figures["concealment_confirmed"] == 1


def test_only_the_units_people_submit_its_periodic_report(api: Api) -> None:
    created = api.post("/duties", duty("QX-TH-CZS", "月报", "periodic", 10), api.office).json()
    path = f"/duties/{created['duty_id']}/reports"
    report = {"period": "2026-02", "summary": "二月无新发现"}
    for role in (Role.AUDITOR, Role.JUDGE, Role.CUSTODIAN):
        assert api.post(path, report, api.as_("u-x", role, "QX-TH-CZS")).status_code == 403
    other = api.as_("u-tp-leader", Role.LEADER, "QX-TP")
    assert api.post(path, report, other).status_code == 403
    early = api.post(path, {"period": "2026-03", "summary": "x"}, api.office)
    assert (early.status_code, early.json()["detail"][0]["msg"]) == (
        422,
        "该报告期尚未结束 (has not ended yet)",
    )
    leader = api.as_("u-taihe-czs-head", Role.LEADER, "QX-TH-CZS")
    done = api.post(path, report, leader)
    assert (done.status_code, done.json()["late"]) == (201, False)
    assert api.post(path, report, leader).status_code == 409


def test_the_town_reports_its_handling_and_the_district_signs_it_off(api: Api) -> None:
    """跟踪督办 over HTTP: the town reports on its node, the district returns and signs off."""
    district, clock = parts(api)
    town_settings = IntakeSettings(common=CommonSettings(store="memory", node_id="town-taihe"))
    town_runtime = Runtime(SPEC, town_settings, clock=clock)
    hand = Hand()
    with TestClient(create_api(town_runtime)) as town_client:
        town_api = Api(town_runtime, town_client)
        town = town_runtime.app
        assert isinstance(town, type(district))

        def over(src: IntakeApplication, dst: IntakeApplication, after: int) -> int:
            for e in published(src, DISTRICT if src is district else TAIHE, after=after):
                hand.over(dst, e)
            return src.recorder.max_notification_id() or 0

        district_office = api.as_("u-qx-office", Role.OFFICE, "QX")
        case = api.post("/information", filing("T-9", unit="QX-TH-V1"), district_office).json()
        path = f"/forwards/{case['information_id']}"
        seen_d = over(district, town, 0)
        seen_t = over(town, district, 0)
        [row] = api.get("/forwards", district_office).json()
        assert (row["state"], row["acknowledged_at"] is not None) == ("delivered", True)

        chased = api.post(f"{path}/chase", {"note": "请尽快报告处理情况"}, district_office)
        assert (chased.status_code, chased.json()["chases"]) == (200, 1), chased.text
        seen_d = over(district, town, seen_d)

        town_office = town_api.as_("u-th-office", Role.OFFICE, "QX-TH")
        [owed] = town_api.get("/forwards/received", town_office).json()
        assert owed["handling_state"] == "to_report"
        [row] = town_api.get("/inbox", town_office).json()  # the town's workbench shows it too
        assert (row["information_id"], row["handling_state"]) == (
            case["information_id"],
            "to_report",
        )
        assert [h["act"] for h in owed["history"]] == ["chased"]
        report = {"outcome": "已约谈村主任并责令整改", "measures": ["约谈", "重新公示"],
                  "document_refs": ["太和纪〔2026〕12号"]}  # fmt: skip
        hr = f"/information/{case['information_id']}/handling-report"
        auditor_th = town_api.as_("u-audit-th", Role.AUDITOR, "QX-TH")
        assert town_api.post(hr, report, auditor_th).status_code == 403
        assert town_api.post(hr, report | {"measures": []}, town_office).status_code == 422
        done = town_api.post(hr, report, town_office)
        assert (done.status_code, done.json()["handling_state"]) == (201, "reported"), done.text
        again = town_api.post(hr, report, town_office)
        assert again.status_code == 409
        assert "Art. 24" in again.text
        seen_t = over(town, district, seen_t)

        [row] = api.get("/forwards", district_office).json()
        assert row["state"] == "reported"
        assert row["handling_reports"][0]["measures"] == ["约谈", "重新公示"]
        auditor = api.as_("u-audit", Role.AUDITOR, "QX")
        assert api.post(f"{path}/sign-off", {}, auditor).status_code == 403
        assert api.post(f"{path}/return", {"reason": ""}, district_office).status_code == 422
        back = api.post(f"{path}/return", {"reason": "未附整改材料"}, district_office)
        assert (back.status_code, back.json()["state"]) == (200, "returned"), back.text
        seen_d = over(district, town, seen_d)
        [owed] = town_api.get("/forwards/received", town_office).json()
        assert owed["handling_state"] == "returned"
        assert owed["history"][-1]["reason"] == "未附整改材料"

        clock.advance(timedelta(hours=1))
        assert town_api.post(hr, report, town_office).status_code == 201
        over(town, district, seen_t)
        signed = api.post(f"{path}/sign-off", {"opinion": "予以办结"}, district_office)
        assert (signed.status_code, signed.json()["state"]) == (200, "signed_off"), signed.text
        refused = api.post(f"{path}/chase", {"note": "再催"}, district_office)
        assert refused.status_code == 409
        assert "Art. 24" in refused.text
    town_runtime.close()


def test_the_level_above_finds_a_periodic_report_untrue(api: Api) -> None:
    """第二十三条: 对信息报送内容不真实…的，严肃追究有关责任人责任 — found by the level above."""
    created = api.post("/duties", duty("QX-TH-CZS", "月报", "periodic", 10), api.office).json()
    leader = api.as_("u-taihe-czs-head", Role.LEADER, "QX-TH-CZS")
    path = f"/duties/{created['duty_id']}/reports"
    assert (
        api.post(path, {"period": "2026-02", "summary": "二月无新发现"}, leader).status_code == 201
    )
    finding = {"kind": "untrue", "reason": "二月已发生违规报销，报告称无"}
    own = api.as_("u-czs-office", Role.OFFICE, "QX-TH-CZS")
    refused = api.post(f"{path}/2026-02/finding", finding, own)
    assert refused.status_code == 422
    assert "Art. 23" in refused.text
    assert api.post(f"{path}/2026-02/finding", finding, leader).status_code == 403
    assert api.post(f"{path}/2026-01/finding", finding, api.office).status_code == 404
    done = api.post(f"{path}/2026-02/finding", finding, api.office)
    assert done.status_code == 201, done.text
    body = done.json()
    assert (body["unit_code"], body["submitted_by"]["user_id"]) == ("QX-TH-CZS", "u-taihe-czs-head")
    assert (body["kind"], body["found_by"]["user_id"]) == ("untrue", "u-th-office")
    assert api.post(f"{path}/2026-02/finding", finding, api.office).status_code == 409
