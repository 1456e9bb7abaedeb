"""Intake's figures for the district dashboard 区级驾驶舱 equal its own lists (Art. 23, 24).

太和镇's office files a forwarded matter and a petition; the forward goes overdue, February's
report is missed and a 瞒报 candidate is found, then dismissed. After each step the summary's
figures are compared with the lists the dashboard clicks through to (/forwards, /breaches) and
with the application's own aggregates: the three never disagree.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from shared.auth import Role
from tests.unit.intake.http_support import NOW, Api, filing
from tests.unit.intake.test_tracking_api import duty, parts

if TYPE_CHECKING:
    from services.intake.app import IntakeApplication


def _from_the_store(app: IntakeApplication, root: str) -> dict[str, Any]:
    """The same figures, counted straight from the aggregates."""
    cases = [c for c in app.view.cases() if app.org.is_within(c.unit_code, root)]
    kinds: dict[str, int] = {}
    for b in app.view.breaches():
        if app.org.is_within(b.unit_code, root) and b.status != "dismissed":
            kinds[b.kind] = kinds.get(b.kind, 0) + 1
    return {
        "forwards_awaiting_feedback": sum(c.awaiting_feedback for c in cases),
        "forwards_overdue": sum(c.awaiting_feedback and c.overdue_at is not None for c in cases),
        "breaches_by_kind": kinds,
        "filed": len(cases),
    }


def _agree(api: Api, who: dict[str, str], root: str) -> dict[str, Any]:
    app, _ = parts(api)
    shown = api.client.get(f"/dashboard?within={root}", headers=who)
    assert shown.status_code == 200, shown.text
    figures = shown.json()
    stored = _from_the_store(app, root)
    assert figures["forwards_awaiting_feedback"] == stored["forwards_awaiting_feedback"]
    assert figures["forwards_overdue"] == stored["forwards_overdue"]
    assert figures["breaches_by_kind"] == stored["breaches_by_kind"]
    assert sum(figures["filed_by_month"].values()) == stored["filed"]
    # The lists the figures click through to.
    forwards = api.client.get(f"/forwards?unit={root}", headers=who).json()
    waiting = [f for f in forwards if f["state"] not in ("signed_off", "reported")]
    assert len(waiting) == figures["forwards_awaiting_feedback"]
    assert sum(f["state"] == "overdue" for f in forwards) == figures["forwards_overdue"]
    breaches = api.client.get(f"/breaches?unit={root}", headers=who).json()
    listed: dict[str, int] = {}
    for b in breaches:
        if b["status"] != "dismissed":
            listed[b["kind"]] = listed.get(b["kind"], 0) + 1
    assert listed == figures["breaches_by_kind"]
    return figures


def test_the_figures_follow_the_work_and_equal_the_lists(api: Api) -> None:
    app, clock = parts(api)
    district = api.as_("u-qx-office", Role.OFFICE, "QX")
    assert _agree(api, district, "QX")["forwards_awaiting_feedback"] == 0
    for d in (duty("QX-TH", "三日报告", "event", 3), duty("QX-TH-CZS", "月报", "periodic", 10)):
        assert api.post("/duties", d, api.office).status_code == 201
    forwarded = api.post("/information", filing("D-1", unit="QX-TH-V1"), api.office).json()
    assert forwarded["routing"] == "forwarded"
    api.post("/information", filing("D-2", channel="petition"), api.office)
    figures = _agree(api, district, "QX")
    assert (figures["forwards_awaiting_feedback"], figures["forwards_overdue"]) == (1, 0)
    assert figures["filed_by_month"][NOW.strftime("%Y-%m")] == 2
    assert len(figures["filed_by_month"]) == 12

    clock.advance(timedelta(days=11))
    app.chase_feedback()
    app.chase_feedback()
    app.find_concealment_candidates()
    app.find_missed_reports()
    district = api.as_("u-qx-office", Role.OFFICE, "QX")  # a token of the new day
    figures = _agree(api, district, "QX")
    assert figures["forwards_overdue"] == 1
    assert figures["breaches_by_kind"] == {"concealment_candidate": 1, "missed": 1}

    [candidate] = [
        b for b in api.client.get("/breaches", headers=api.office).json()
        if b["kind"] == "concealment_candidate"
    ]  # fmt: skip
    review = {"confirmed": False, "reason": "经核实，已按其他渠道报告"}
    assert api.post(f"/breaches/{candidate['breach_id']}/review", review, api.office).is_success
    assert _agree(api, district, "QX")["breaches_by_kind"] == {"missed": 1}


def test_who_reads_the_figures(api: Api) -> None:
    town = api.as_("u-tp-office", Role.OFFICE, "QX-TP")
    assert api.client.get("/dashboard?within=QX-TH", headers=town).status_code == 403
    assert api.client.get("/dashboard", headers=town).json()["within"] == "QX-TP"
    officer = api.as_("u-li", Role.OFFICER, "QX")
    assert api.client.get("/dashboard", headers=officer).status_code == 403
    unknown = api.client.get("/dashboard?within=QX-NOWHERE", headers=api.office)
    assert unknown.status_code == 422
    assert unknown.json()["detail"][0]["loc"] == ["query", "within"]
