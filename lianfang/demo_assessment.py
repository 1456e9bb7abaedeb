"""The assessment demo: inspections, social evaluation, rewards and scored years (Art. 8, 30, 31).

Over HTTP against a running assessment service of the district node, as its people would:
- the district office 区预防腐败室 tasks every unit's annual self-inspection 年度自查; 教育局
  (QX-JY) completes its own, 卫健局 (QX-WJ) does not;
- an internal inspection of 卫健局 with two findings, one rectified in time, one that finds a
  risk point's grade too low (a RevisionRequested for the register);
- 明察暗访 (superior supervision) of 财政局 (QX-CZ) with one open finding;
- a social evaluation round 社会评议 of 教育局 with three anonymous responses, closed;
- a commendation 表彰 of 教育局 and an accountability finding 责任追究 of 卫健局;
- the district scores the three units' year and publishes 教育局's result (AssessmentPublished).
The figures underneath come from whatever intake, register and warning have published. A re-run
finds what the first run created and adds nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from uuid import NAMESPACE_URL, uuid5

import httpx

from shared.auth import Role
from shared.clock import BEIJING

if TYPE_CHECKING:
    from shared.auth import Minter

SCORED = ("QX-JY", "QX-WJ", "QX-CZ")
WRONG_GRADE_POINT = uuid5(NAMESPACE_URL, "urn:lianfang:demo:risk-point:QX-WJ:procurement")


def _ok(response: httpx.Response) -> Any:
    """The answer; 409 (done by an earlier run) counts as done."""
    if response.status_code == httpx.codes.CONFLICT:
        return {}
    response.raise_for_status()
    return response.json()


class _Demo:
    def __init__(self, http: httpx.Client, tokens: Minter, year: int) -> None:
        self.http, self.tokens, self.year = http, tokens, year
        self.office = self._as("demo-qx-office", Role.OFFICE, "QX", "区预防腐败室")

    def _as(self, user: str, role: Role, unit: str, name: str = "") -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens.mint(user, [role], unit, name=name)}"}

    def post(self, path: str, body: dict[str, Any], who: dict[str, str] | None = None) -> Any:
        return _ok(self.http.post(path, json=body, headers=who or self.office))

    def already_done(self) -> bool:
        """An earlier run recorded the commendation of 教育局: everything else is there too."""
        found = self.http.get(
            "/recognitions", params={"unit_code": "QX-JY", "year": self.year}, headers=self.office
        )
        found.raise_for_status()
        return bool(found.json())

    def self_inspections(self) -> None:
        due = f"{self.year}-11-30"
        self.post(
            "/inspections/annual-self-inspections",
            {"within": "QX", "year": self.year, "due_on": due},
        )
        listed = self.http.get(
            "/inspections", params={"unit_code": "QX-JY", "year": self.year}, headers=self.office
        ).json()
        own = next(i for i in listed if i["kind"] == "self_inspection" and not i["completed_at"])
        jy_office = self._as("demo-jy-office", Role.OFFICE, "QX-JY", "教育局廉政办")
        self.post(
            f"/inspections/{own['id']}/complete",
            {"summary": "对照职权目录逐岗自查，未发现新增风险"},
            jy_office,
        )

    def inspections(self) -> None:
        internal = self.post(
            "/inspections",
            {
                "kind": "internal",
                "unit_code": "QX-WJ",
                "title": f"{self.year}年度廉政风险防控检查",
                "year": self.year,
            },
        )
        iid = internal["id"]
        fixed = self.post(
            f"/inspections/{iid}/findings",
            {"description": "药品采购台账记录不完整", "rectify_by": f"{self.year}-12-31"},
        )
        self.post(
            f"/inspections/{iid}/findings/{fixed['findings'][0]['finding_id']}/close",
            {"rectification": "已补齐采购台账并建立月度核对"},
        )
        self.post(
            f"/inspections/{iid}/findings",
            {
                "description": "医疗设备采购环节风险等级评定偏低，防控措施未覆盖验收环节",
                "risk_point_id": str(WRONG_GRADE_POINT),
                "aspects": ["grade", "measures"],
            },
        )
        self.post(f"/inspections/{iid}/complete", {"summary": "发现问题2项，已整改1项"})
        visit = self.post(
            "/inspections",
            {
                "kind": "superior",
                "method": "unannounced_visit",
                "unit_code": "QX-CZ",
                "title": "财政专项资金拨付明察暗访",
                "year": self.year,
            },
        )
        self.post(
            f"/inspections/{visit['id']}/findings",
            {
                "description": "窗口工作人员要求申请人提供非必要材料",
                "rectify_by": f"{self.year}-12-31",
            },
        )

    def social_evaluation(self) -> None:
        questions = [
            {"id": "q1", "text": "办事流程是否公开透明"},
            {"id": "q2", "text": "工作人员是否廉洁自律"},
            {"id": "q3", "text": "对本单位廉政工作总体是否满意"},
        ]
        survey = self.post(
            "/surveys",
            {
                "unit_code": "QX-JY",
                "title": f"{self.year}年度教育系统社会评议",
                "questions": questions,
                "year": self.year,
            },
        )
        for n, answers in enumerate(
            ({"q1": 5, "q2": 4, "q3": 5}, {"q1": 4, "q2": 4, "q3": 4}, {"q1": 3, "q2": 4, "q3": 4})
        ):
            self.post(
                f"/surveys/{survey['id']}/responses",
                {"respondent_token": f"demo-paper-{self.year}-{n:04d}", "answers": answers},
            )
        self.post(f"/surveys/{survey['id']}/close", {})

    def recognitions(self) -> None:
        self.post(
            "/recognitions",
            {
                "kind": "accountability",
                "unit_code": "QX-WJ",
                "year": self.year,
                "reason": "采购验收环节失控，致设备以次充好",
                "reference": f"清纪〔{self.year}〕7号",
            },
        )
        self.post(
            "/recognitions",
            {
                "kind": "commendation",
                "unit_code": "QX-JY",
                "year": self.year,
                "reason": "首创校舍维修工程全过程公开机制",
                "reference": f"清委〔{self.year}〕21号",
            },
        )

    def scores(self) -> dict[str, float]:
        totals = {}
        for unit in SCORED:
            scored = self.post(f"/assessments/{unit}/{self.year}/score", {})
            if scored:
                totals[unit] = scored["card"]["total"]
        self.post(f"/assessments/QX-JY/{self.year}/publish", {})
        return totals


def load_assessment_demo(
    assessment_url: str, tokens: Minter, client: httpx.Client | None = None
) -> dict[str, float]:
    """Record the assessment demo (see the module docstring); return the scored totals by unit.

    Call after the other services' demos, e.g. `load_assessment_demo("http://127.0.0.1:8104",
    runtime_tokens)`; a published 教育局 result is final, so a re-run scores only the others.
    """
    year = datetime.now(UTC).astimezone(BEIJING).year
    http = client or httpx.Client(base_url=assessment_url, timeout=10)
    try:
        demo = _Demo(http, tokens, year)
        if not demo.already_done():
            demo.self_inspections()
            demo.inspections()
            demo.social_evaluation()
            demo.recognitions()
        return demo.scores()
    finally:
        if client is None:
            http.close()
