"""Information and judgement over HTTP: roles, jurisdiction, once only, bad fields (Art. 21–25)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from services.register.main import SPEC
from services.register.settings import RegisterSettings
from shared.auth import Role
from shared.events import Actor
from tests.support.http_api import ApiClient, served
from tests.unit.register.judging import information_id, report

if TYPE_CHECKING:
    from collections.abc import Iterator

NOWHERE = "00000000-0000-4000-8000-000000000000"
FACTORS = {"importance": 4, "discretion": 4, "probability": 4, "harm": 4}
VERIFICATION = {"checked": ["调取报销凭证", "询问出纳"], "findings": "审核与支付由一人完成"}
# Serious factors grade the point 高, which is warned red (Art. 28).
INCIPIENT = {"verdict": "incipient_tendency", "reasoning": "岗位未分离，属苗头性问题",
             "recommended_level": "red", "factors": FACTORS,
             "new_risk_point": {"category": "post_duty", "description": "出纳兼任报销审核"},
             "responsible_leader_id": "u-taihe-mayor"}  # fmt: skip


class Api(ApiClient):
    """A test client, tokens, and a way to have intake report something."""

    @property
    def judge(self) -> dict[str, str]:
        return self.as_("u-th-judge", Role.JUDGE)

    def member(self, n: int) -> dict[str, str]:
        return self.as_(f"u-th-judge{n}", Role.JUDGE)

    def judged(self, info: str, body: dict[str, Any]) -> Any:
        """Proposed by u-th-judge, signed by two more of 太和镇's 研判小组 (Art. 25)."""
        proposed = self.post(f"/information/{info}/judgement", body, self.judge)
        if proposed.status_code != 201:
            return proposed
        for n in (2, 3):
            signed = self.post(f"/information/{info}/judgement/sign-off", {}, self.member(n))
            assert signed.status_code == 200, signed.text
        assert signed.json()["made"] is True
        return proposed

    def reported(self, unit: str = "QX-TH", **kw: Any) -> str:
        now = self.runtime.clock.now()
        return str(information_id(report(self.runtime.app, now, unit, **kw)))

    def verified(self, **kw: Any) -> str:
        info = self.reported(**kw)
        answer = self.post(f"/information/{info}/verification", VERIFICATION, self.judge)
        assert (answer.status_code, answer.json()) == (201, {"number": 1}), answer.text
        return info


@pytest.fixture
def api() -> Iterator[Api]:
    with served(SPEC, RegisterSettings) as (runtime, client):
        api = Api(runtime, client)
        office = api.as_("u-th-office", Role.OFFICE)
        for user in ("u-th-judge", "u-th-judge2", "u-th-judge3", "u-th-judge4"):
            body = {"user_id": user, "authority": "太和党发〔2026〕3号"}
            answer = api.post("/units/QX-TH/judgement-group/members", body, office)
            assert answer.status_code == 201, answer.text
        yield api


def test_the_group_is_appointed_and_a_judgement_needs_its_members_sign_offs(api: Api) -> None:
    """第二十五条: …要成立廉政风险研判小组 — a member proposes, members sign, non-members are
    refused (403), a member signs once (409), and the verdict is made with the third sign-off."""
    group = api.get("/units/QX-TH/judgement-group", api.judge).json()
    assert [m["user_id"] for m in group["members"]][:2] == ["u-th-judge", "u-th-judge2"]
    assert group["members"][0]["authority"] == "太和党发〔2026〕3号"
    assert group["members"][0]["appointed_by"]["user_id"] == "u-th-office"
    assert group["signoffs_needed"] == 3  # four members: a majority is three
    body = {"user_id": "u-x", "authority": "文件"}
    assert api.post("/units/QX-TH/judgement-group/members", body, api.judge).status_code == 403
    neighbour = api.as_("u-tp-office", Role.OFFICE, unit="QX-TP")
    assert api.post("/units/QX-TH/judgement-group/members", body, neighbour).status_code == 403
    info = api.verified()
    unfounded = {"verdict": "unfounded", "reasoning": "不属实"}
    stranger = api.as_("u-th-clerk", Role.JUDGE)
    refused = api.post(f"/information/{info}/judgement", unfounded, stranger)
    assert (refused.status_code, refused.json()["detail"][:8]) == (403, "Art. 25:")
    proposed = api.post(f"/information/{info}/judgement", unfounded, api.judge)
    assert proposed.status_code == 201, proposed.text
    assert (proposed.json()["needed"], proposed.json()["made"]) == (3, False)
    sign = f"/information/{info}/judgement/sign-off"
    assert api.post(sign, {}, stranger).status_code == 403
    twice = api.post(sign, {}, api.judge)
    assert (twice.status_code, twice.json()["detail"][:8]) == (409, "Art. 25:")
    assert api.get(f"/information/{info}", api.judge).json()["judgement"] is None
    assert api.post(sign, {}, api.member(2)).json()["made"] is False
    made = api.post(sign, {}, api.member(4)).json()
    assert made["made"] is True
    assert [s["user_id"] for s in made["signed_by"]] == ["u-th-judge", "u-th-judge2", "u-th-judge4"]
    shown = api.get(f"/information/{info}", api.judge).json()
    assert [s["user_id"] for s in shown["judgement"]["signed_by"]] == [
        "u-th-judge", "u-th-judge2", "u-th-judge4"
    ]  # fmt: skip
    assert api.post(sign, {}, api.member(3)).status_code == 409  # made once
    removal = {"reason": "调离", "authority": "太和党发〔2026〕9号"}
    gone = api.post("/units/QX-TH/judgement-group/members/u-th-judge4/removal", removal,
                    api.as_("u-th-office", Role.OFFICE))  # fmt: skip
    assert gone.status_code == 200, gone.text
    assert "u-th-judge4" not in [m["user_id"] for m in gone.json()["members"]]


def test_the_judges_verify_and_judge_and_the_record_shows_both(api: Api) -> None:
    info = api.verified()
    waiting = api.get("/information?status=awaiting_judgement", api.judge).json()
    assert [(r["information_id"], r["verifications"]) for r in waiting] == [(info, 1)]
    judged = api.judged(info, INCIPIENT)
    assert judged.status_code == 201, judged.text
    judgement_id = judged.json()["judgement_id"]
    shown = api.get(f"/information/{info}", api.as_("u-th-office", Role.OFFICE)).json()
    assert shown["status"] == "judged"
    assert shown["reported_by"]["user_id"] == "u-officer"
    [verification] = shown["verifications"]
    assert verification["checked"] == VERIFICATION["checked"]
    assert verification["verifiers"] == ["u-th-judge"]
    judgement = shown["judgement"]
    assert judgement["judgement_id"] == judgement_id
    assert (judgement["verdict"], judgement["recommended_level"]) == (
        "incipient_tendency", "red"
    )  # fmt: skip
    assert judgement["risk_point_opened"] is True
    assert judgement["reporting_breach"] is None
    point = api.get(f"/risk-points/{judgement['risk_point_id']}", api.judge).json()
    assert (point["grade"], point["post"]) == ("high", "出纳")
    assert point["gradings"][0]["source"] == "judgement"
    assert api.get("/information?status=awaiting_judgement", api.judge).json() == []
    assert [r["verdict"] for r in api.get("/information?status=judged", api.judge).json()] == [
        "incipient_tendency"
    ]
    # A second judgement is a conflict, whatever it says.
    again = api.post(f"/information/{info}/judgement", INCIPIENT, api.judge)
    assert again.status_code == 409
    late = api.post(f"/information/{info}/verification", VERIFICATION, api.judge)
    assert late.status_code == 409


def test_an_inaccurate_report_is_shown_against_its_reporter(api: Api) -> None:
    info = api.verified()
    body = {"verdict": "unfounded", "reasoning": "核心内容与事实不符",
            "report_finding": "inaccurate"}  # fmt: skip
    assert api.judged(info, body).status_code == 201
    breach = api.get(f"/information/{info}", api.judge).json()["judgement"]["reporting_breach"]
    assert (breach["kind"], breach["responsible_person_id"]) == ("inaccurate", "u-officer")
    assert breach["reporting_unit"] == "QX-TH"  # the officer's unit made the report


def test_a_report_finding_on_a_petition_is_refused_naming_art_23(api: Api) -> None:
    """第二十三条 binds units for what they report; a petition from the public is no unit's."""
    clerk = Actor(user_id="u-th-clerk", role="office", unit_code="QX-TH")
    info = api.verified(channel="petition", reported_by=clerk)
    body = {"verdict": "unfounded", "reasoning": "举报不属实", "report_finding": "untrue"}
    refused = api.post(f"/information/{info}/judgement", body, api.judge)
    assert refused.status_code == 409
    assert "Art. 23" in refused.text
    assert "not a unit's report" in refused.text
    assert api.get(f"/information/{info}", api.judge).json()["judgement"] is None
    body.pop("report_finding")
    assert api.judged(info, body).status_code == 201
    judgement = api.get(f"/information/{info}", api.judge).json()["judgement"]
    assert (judgement["verdict"], judgement["reporting_breach"]) == ("unfounded", None)


def test_only_the_judgement_group_within_its_jurisdiction_verifies_and_judges(api: Api) -> None:
    info = api.reported()
    unfounded = {"verdict": "unfounded", "reasoning": "不属实"}
    # Judging before any verification is a conflict (核实 first).
    assert api.post(f"/information/{info}/judgement", unfounded, api.judge).status_code == 409
    for who in (api.as_("u-th-office", Role.OFFICE), api.as_("u-taihe-mayor", Role.LEADER)):
        assert api.post(f"/information/{info}/verification", VERIFICATION, who).status_code == 403
        assert api.post(f"/information/{info}/judgement", unfounded, who).status_code == 403
    # Another town's judges and office are told what an unknown id tells (issue #17 item 3).
    neighbour_judge = api.as_("u-tp-judge", Role.JUDGE, unit="QX-TP")
    unknown = "00000000-0000-4000-8000-000000000000"
    for path, body in (("verification", VERIFICATION), ("judgement", unfounded)):
        refused = api.post(f"/information/{info}/{path}", body, neighbour_judge)
        missing = api.post(f"/information/{unknown}/{path}", body, neighbour_judge)
        assert refused.status_code == missing.status_code == 404
        assert refused.json()["detail"].replace(info, "?") == missing.json()["detail"].replace(
            unknown, "?"
        )
    neighbour = api.as_("u-tp-office", Role.OFFICE, unit="QX-TP")
    assert api.get(f"/information/{info}", neighbour).status_code == 404
    assert api.get("/information?within=QX-TH", neighbour).status_code == 403
    assert api.get("/information", neighbour).json() == []
    officer = api.as_("u-officer", Role.OFFICER)
    assert api.get("/information", officer).status_code == 403
    district = api.as_("u-qx-audit", Role.AUDITOR, unit="QX")
    assert [r["information_id"] for r in api.get("/information", district).json()] == [info]
    unknown = api.get("/information?within=QX-NOWHERE", district)
    assert unknown.json()["detail"][0]["loc"][-1] == "within"
    bad_status = api.get("/information?status=pending", district)
    assert bad_status.json()["detail"][0]["loc"] == ["query", "status"]
    assert api.get(f"/information/{NOWHERE}", district).status_code == 404


def test_bad_verdict_and_level_combinations_are_422_naming_the_field(api: Api) -> None:
    info = api.verified()
    # A level the grade does not call for is a conflict with Art. 28, not a malformed field.
    yellow = api.post(f"/information/{info}/judgement", INCIPIENT | {"recommended_level": "yellow"},
                      api.judge)  # fmt: skip
    assert yellow.status_code == 409
    assert yellow.json()["detail"].startswith("Art. 28: 按所填因素，该风险点评定为“高”等级")
    assert "(these factors grade the point 高, which is warned red" in yellow.json()["detail"]
    for field, body in [
        ("recommended_level", {"verdict": "unfounded", "reasoning": "x",
                               "recommended_level": "red"}),
        ("recommended_level", {"verdict": "violation", "reasoning": "x", "recommended_level": "red",
                               "new_risk_point": INCIPIENT["new_risk_point"]}),
        ("factors", INCIPIENT | {"factors": None}),
        ("risk_point_id", {"verdict": "violation", "reasoning": "x"}),
        ("verdict", INCIPIENT | {"verdict": "dismissed"}),
        ("category", INCIPIENT | {"new_risk_point": {"category": "political",
                                                     "description": "d"}}),
        ("harm", INCIPIENT | {"factors": FACTORS | {"harm": 0}}),
        ("report_finding", {"verdict": "violation", "reasoning": "x", "report_finding": "untrue",
                            "new_risk_point": INCIPIENT["new_risk_point"]}),
        ("risk_point_id", INCIPIENT | {"risk_point_id": NOWHERE,
                                       "new_risk_point": None}),
    ]:  # fmt: skip
        answer = api.post(f"/information/{info}/judgement", body, api.judge)
        assert answer.status_code == 422, (field, answer.text)
        assert answer.json()["detail"][0]["loc"][-1] == field, answer.json()
    bad = VERIFICATION | {"verified_at": "2099-01-01T00:00:00+08:00"}
    answer = api.post(f"/information/{info}/verification", bad, api.judge)
    assert answer.json()["detail"][0]["loc"] == ["body", "verified_at"]
    assert api.get(f"/information/{info}", api.judge).json()["status"] == "awaiting_judgement"


def test_the_proposer_withdraws_a_proposal_with_reasons_over_http(api: Api) -> None:
    """第二十五条: until the 研判小组 has signed it, the member who proposed a judgement withdraws
    it (200, recorded with who, when and why); another member is refused (403), a missing
    reason is 422 naming `reason`, and a judgement made stands (409)."""
    info = api.verified()
    unfounded = {"verdict": "unfounded", "reasoning": "反映问题不属实"}
    assert api.post(f"/information/{info}/judgement", INCIPIENT, api.judge).status_code == 201
    api.post(f"/information/{info}/judgement/sign-off", {}, api.member(2))
    path = f"/information/{info}/judgement/withdrawal"
    other = api.post(path, {"reason": "我不同意"}, api.member(2))
    assert other.status_code == 403
    assert "only its proposer withdraws it" in other.json()["detail"]
    empty = api.post(path, {}, api.judge)
    assert empty.status_code == 422
    assert empty.json()["detail"][0]["loc"] == ["body", "reason"]
    office = api.post(path, {"reason": "撤回"}, api.as_("u-th-office", Role.OFFICE))
    assert office.status_code == 403  # the judgement group's act, not the office's

    done = api.post(path, {"reason": "等级依据不足，补充核实后再议"}, api.judge)
    assert done.status_code == 200, done.text
    record = done.json()
    assert record["proposal"] is None
    [withdrawn] = record["withdrawn_proposals"]
    assert withdrawn["reason"] == "等级依据不足，补充核实后再议"
    assert withdrawn["withdrawn_by"]["user_id"] == "u-th-judge"
    assert [s["user_id"] for s in withdrawn["signed_by"]] == ["u-th-judge", "u-th-judge2"]
    assert withdrawn["draft"]["verdict"] == "incipient_tendency"
    assert api.get(f"/information/{info}", api.judge).json()["withdrawn_proposals"] == [withdrawn]

    assert api.judged(info, unfounded).status_code == 201  # proposed afresh, and made
    made = api.post(path, {"reason": "撤回"}, api.judge)
    assert made.status_code == 409
    assert "already judged" in made.json()["detail"]
