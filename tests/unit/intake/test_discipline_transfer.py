"""Transfer 移送 to the discipline authority 纪检监察机关: a person decides, with reasons (Art. 24).

Screening accepts, forwards or transfers by jurisdiction on its own; whether a case must go on to
the discipline authority is judged by the office or the judgement group of a unit above it, who
say why. The decision is on the case's timeline and in what the case shows afterwards.
"""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from shared.auth import Role
from tests.unit.intake.http_support import Api, filing

REASON = "线索反映出纳挪用公款，涉嫌违纪违法，属纪检监察机关管辖"


def transfer(api: Api, case: str, who: dict[str, str], reason: str = REASON) -> Any:
    return api.post(f"/information/{case}/transfer-to-discipline", {"reason": reason}, who)


def test_the_office_or_judge_above_the_unit_transfers_with_reasons(api: Api) -> None:
    filed = api.post("/information", filing("YS-1"), api.office)
    assert filed.json()["routing"] == "accepted"
    case = filed.json()["information_id"]

    for role in (Role.OFFICER, Role.AUDITOR, Role.CUSTODIAN, Role.LEADER):
        refused = transfer(api, case, api.as_("u-x", role, "QX"))
        assert refused.status_code == 403, role
    other_town = transfer(api, case, api.as_("u-tp-judge", Role.JUDGE, "QX-TP"))
    assert other_town.status_code == 404  # outside its subtree: as if unknown (issue #17)
    judge = api.as_("u-judge", Role.JUDGE, "QX")
    blank = transfer(api, case, judge, reason="   ")
    assert blank.status_code == 422
    assert blank.json()["detail"][0]["loc"] == ["body", "reason"]
    assert blank.json()["detail"][0]["msg"].startswith("移送纪检监察机关须写明理由 (a transfer")
    before = api.client.get(f"/information/{case}", headers=api.office).json()
    assert (before["routing"], before["routed_to"]) == ("accepted", "district")

    done = transfer(api, case, judge)
    assert done.status_code == 200, done.text
    body = done.json()
    assert (body["routing"], body["routed_to"], body["reason"]) == (
        "transferred",
        "discipline_inspection",
        REASON,
    )
    assert body["decided_by"] == {"user_id": "u-judge", "role": "judge", "unit_code": "QX"}

    shown = api.client.get(f"/information/{case}", headers=api.office).json()
    assert (shown["routing"], shown["routed_to"], shown["routing_reason"]) == (
        "transferred",
        "discipline_inspection",
        REASON,
    )
    timeline = api.client.get(f"/information/{case}/timeline", headers=api.office).json()
    assert [t["what"] for t in timeline] == ["filed", "accepted", "transferred_to_discipline"]
    assert timeline[-1]["by"]["user_id"] == "u-judge"
    assert timeline[-1]["detail"] == {"to_node": "discipline_inspection", "reason": REASON}
    # Gone from the judgement group's inbox: this node no longer handles it.
    assert api.client.get("/inbox?unit=QX", headers=judge).json() == []

    again = transfer(api, case, api.office)
    assert again.status_code == 409


def test_only_a_case_handled_here_can_be_transferred(api: Api) -> None:
    forwarded = api.post("/information", filing("YS-2", unit="QX-TH-V1"), api.office).json()
    assert forwarded["routing"] == "forwarded"
    refused = transfer(api, forwarded["information_id"], api.office)
    assert refused.status_code == 409
    assert "forwarded to town-taihe" in refused.json()["detail"]
    timeline = api.client.get(
        f"/information/{forwarded['information_id']}/timeline", headers=api.office
    ).json()
    assert "transferred_to_discipline" not in [t["what"] for t in timeline]
    assert transfer(api, str(uuid4()), api.office).status_code == 404
