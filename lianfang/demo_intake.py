"""The intake demo: information on every channel, and reporting duties with figures (Art. 22–24).

Over HTTP against a running intake of the district node, as its people would:
- the district office 区预防腐败室 appoints an externally hired officer 外聘信息员 for 教育局,
  sets each demo unit a monthly report and a report-within-3-days duty (Art. 23);
- the officer reports a matter of 教育局 (officer_report), once in time and once late (迟报);
- a petition 信访举报 with a petitioner's identity, sealed in intake (保护举报人);
- an online-media item and a supervision inspection about units that never reported them
  (瞒报 candidates once their window passes);
- a data-sharing bulk import 资源共享 of two rows;
- 教育局's periodic reports (the earlier one late); 卫健局 sends none (漏报 once due).
Every unit here is managed by the district, so each filing is a RiskReported on Kafka. A re-run
finds what the first run created and answers with the same cases.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

import httpx

from lianfang.demo_register import once_the_directory_arrived
from services.intake.duties.model import period_of
from shared.auth import Role
from shared.clock import BEIJING

if TYPE_CHECKING:
    from shared.auth import Minter

OFFICER = "demo-officer-jy"
DUTY_UNITS = ("QX-JY", "QX-WJ", "QX-CZ")
MONTHLY = "月度廉政风险信息报告"
PROMPT = "重要廉政风险信息三日内报告"

# A made-up petitioner: only the custodian 保管员 can ever read it back.
PETITIONER = {
    "petitioner_name": "演示举报人",
    "petitioner_contact": "13700000000",
    "petitioner_id_number": "441800199001010000",
}


def month_start(moment: datetime, months_back: int) -> datetime:
    local = moment.astimezone(BEIJING)
    index = local.year * 12 + local.month - 1 - months_back
    return datetime(index // 12, index % 12 + 1, 1, tzinfo=BEIJING)


def _ok(response: httpx.Response) -> dict[str, Any]:
    """The answer; 409 (set up by an earlier run) counts as done."""
    if response.status_code == httpx.codes.CONFLICT:
        return {}
    response.raise_for_status()
    body: dict[str, Any] = response.json()
    return body


class _Demo:
    def __init__(self, http: httpx.Client, tokens: Minter, now: datetime) -> None:
        self.http, self.tokens, self.now = http, tokens, now
        self.office = self._as("demo-qx-office", Role.OFFICE, "QX", "区预防腐败室")

    def _as(self, user: str, role: Role, unit: str, name: str = "") -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens.mint(user, [role], unit, name=name)}"}

    def setup_duties(self) -> dict[tuple[str, str], str]:
        """Each demo unit's duties (Art. 23), in force since the month before last."""
        since = month_start(self.now, 2)
        for unit in DUTY_UNITS:
            for name, kind, every, days in (
                (MONTHLY, "periodic", "monthly", 10),
                (PROMPT, "event", None, 3),
            ):
                duty = {"unit_code": unit, "name": name, "kind": kind, "every": every,
                        "due_days": days, "effective_from": since.isoformat()}  # fmt: skip
                _ok(self.http.post("/duties", json=duty, headers=self.office))
        listed = self.http.get("/duties", params={"unit": "QX"}, headers=self.office)
        listed.raise_for_status()
        return {(d["unit_code"], d["name"]): d["duty_id"] for d in listed.json()}

    def appoint_officer(self) -> None:
        """An externally hired officer 外聘信息员 covering 教育局 (Art. 22)."""
        appoint = {"user_id": OFFICER, "name": "陈外聘", "kind": "external", "units": ["QX-JY"],
                   "active_from": (self.now - timedelta(days=60)).isoformat()}  # fmt: skip
        send = partial(self.http.post, "/officers", json=appoint, headers=self.office)
        _ok(once_the_directory_arrived(send))  # the officer grant reaches the intake from Kafka

    def file(self, who: dict[str, str], ref: str, unit: str, days: float, **kw: Any) -> str:
        learned = self.now - timedelta(days=days)
        body = {"source_reference": ref, "unit_code": unit, "learned_at": learned.isoformat(),
                "happened_at": (learned - timedelta(days=5)).isoformat()} | kw  # fmt: skip
        response = self.http.post("/information", json=body, headers=who)
        response.raise_for_status()
        return str(response.json()["information_id"])

    def every_channel(self) -> list[str]:
        officer = self._as(OFFICER, Role.OFFICER, "QX-JY", "陈外聘")
        ids = [
            self.file(officer, "XXY-JY-2026-001", "QX-JY", 1, channel="officer_report",
                      subject_post="基建办主任", summary="校舍维修工程未经招标直接发包"),
            self.file(officer, "XXY-JY-2026-002", "QX-JY", 9, channel="officer_report",
                      subject_post="财务股股长", summary="教辅资料征订费用返还款未入账"),
            self.file(self.office, "XF-2026-0311", "QX-CZ", 4, channel="petition",
                      subject_post="国库股股长", summary="实名举报财政专项资金拨付中索要好处",
                      **PETITIONER),
            self.file(self.office, "WM-2026-0102", "QX-WJ", 6, channel="online_media",
                      subject_post="采购办负责人", summary="网络媒体报道医疗设备采购价格明显偏高"),
            self.file(self.office, "JD-2026-0044", "QX-WJ", 5, channel="inspection",
                      subject_post="财务科科长", summary="监督检查发现公务接待费用超标准列支"),
        ]  # fmt: skip
        rows = [
            {"source_reference": "SJ-2026-0801", "unit_code": "QX-TP", "subject_post": "出纳",
             "summary": "财政数据比对发现同一收款人月内多笔拆分支付",
             "learned_at": (self.now - timedelta(days=2)).isoformat()},
            {"source_reference": "SJ-2026-0802", "unit_code": "QX-ST", "subject_post": "站长",
             "summary": "社保数据比对发现已死亡人员仍在领取补贴",
             "learned_at": (self.now - timedelta(days=2)).isoformat()},
        ]  # fmt: skip
        imported = self.http.post("/information/imports", json={"rows": rows}, headers=self.office)
        imported.raise_for_status()
        return ids + [str(r["information_id"]) for r in imported.json()["rows"]]

    def periodic_reports(self, duties: dict[tuple[str, str], str]) -> None:
        """教育局's leader reports both past months; 卫健局 and 财政局 send nothing (漏报)."""
        leader = self._as("u-jy-head", Role.LEADER, "QX-JY", "教育局局长")
        duty = duties[("QX-JY", MONTHLY)]
        for months_back in (2, 1):
            period = period_of(month_start(self.now, months_back), "monthly")
            report = {
                "period": period,
                "summary": f"{period} 教育局廉政风险信息月报：发现问题线索2条",
            }
            _ok(self.http.post(f"/duties/{duty}/reports", json=report, headers=leader))


def load_intake_demo(intake_url: str, tokens: Minter) -> list[str]:
    """File the intake demo (see the module's docstring); return the cases' information ids."""
    with httpx.Client(base_url=intake_url, timeout=10) as http:
        demo = _Demo(http, tokens, datetime.now(UTC))
        duties = demo.setup_duties()
        # 教育局's reports straight after the duties, so a running tick has no time to find
        # its months missed before they arrive (late, as the demo means them to be).
        demo.periodic_reports(duties)
        demo.appoint_officer()
        ids = demo.every_channel()
    return ids
