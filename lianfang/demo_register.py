"""The demo register: powers, flowcharts and graded, approved, published risk points of 清新区.

Four units of the real district tree (shared/data/qingxin_org.json) — the natural-resources,
market-regulation and housing bureaus and 太和镇 — each catalogue one power 职权 (Art. 11), draw
its flowchart 权力运行流程图, find the risk points at its steps (Art. 10, 12, 13), grade them
(Art. 14), choose measures from as many categories as each grade needs before force (Art. 14,
15), have the leadership team approve them and publish them 公示 (Art. 10, 14). Everything
goes over HTTP with tokens of the right roles, as people would do it; a re-run finds what is there.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from shared.auth import Minter, Role


@dataclass(frozen=True)
class DemoRisk:
    """A risk point at a step, with its four grading factors (Art. 13, 14)."""

    step_key: str
    post: str
    category: str
    description: str
    manifestations: tuple[str, ...]
    factors: tuple[int, int, int, int]  # importance, discretion, probability, harm
    # Codes of the measures catalogue (Art. 15–20), from as many categories as the grade needs
    # before force (分级管理, Art. 14: 高 three, 中 two, 低 one by default).
    measures: tuple[str, ...]


@dataclass(frozen=True)
class DemoPower:
    """A unit's power with its flowchart steps and the risks found on it (Art. 11)."""

    unit_code: str
    name: str
    kind: str
    legal_basis: str
    steps: tuple[dict[str, Any], ...]
    risks: tuple[DemoRisk, ...]
    responsible_leader: str


def _step(
    key: str, name: str, post: str, days: int, discretion: bool, *checks: str
) -> dict[str, Any]:
    return {"key": key, "name": name, "post": post, "time_limit_days": days,
            "discretion": discretion, "checks": list(checks)}  # fmt: skip


DEMO_POWERS = (
    DemoPower(
        "QX-ZRZY",
        "建设用地规划许可",
        "licensing",
        "《中华人民共和国城乡规划法》第三十七条",
        (
            _step("accept", "受理申请", "窗口受理岗", 1, False, "材料清单公开"),
            _step(
                "review", "规划条件审查", "规划审查岗", 10, True, "两人以上审查", "股室负责人复核"
            ),
            _step("meeting", "局务会集体研究", "局领导班子", 5, True, "集体研究", "会议纪要存档"),
            _step("issue", "核发许可证", "窗口受理岗", 2, False, "结果公开"),
        ),
        (
            DemoRisk(
                "review",
                "规划审查岗",
                "business_process",
                "规划条件审查中擅自放宽容积率等指标",
                ("收受好处后违规调整规划条件", "对不符合条件的项目出具审查意见"),
                (5, 4, 3, 4),
                ("business_process.1", "post_duty.2", "external_environment.2"),
            ),
            DemoRisk(
                "meeting",
                "局领导班子",
                "system_mechanism",
                "集体研究流于形式，主要领导一言堂",
                ("会前定调", "不按规定回避"),
                (4, 3, 3, 3),
                ("system_mechanism.1", "external_environment.2"),
            ),
        ),
        "u-zrzy-head",
    ),
    DemoPower(
        "QX-SJ",
        "食品安全违法行为行政处罚",
        "penalty",
        "《中华人民共和国食品安全法》第一百二十二条",
        (
            _step("file", "立案", "执法人员", 7, False, "立案审批"),
            _step("investigate", "调查取证", "执法人员", 30, True, "两名以上执法人员", "全程记录"),
            _step("decide", "处罚决定", "法制审核岗", 10, True, "法制审核", "重大案件集体讨论"),
        ),
        (
            DemoRisk(
                "investigate",
                "执法人员",
                "post_duty",
                "调查取证中选择性执法、以罚代管",
                ("对同类违法行为处罚畸轻畸重", "接受当事人宴请"),
                (4, 4, 4, 3),
                ("post_duty.1", "post_duty.2", "business_process.2", "ideology_morality.1"),
            ),
            DemoRisk(
                "decide",
                "法制审核岗",
                "external_environment",
                "说情打招呼干预处罚裁量",
                ("降低处罚档次",),
                (3, 3, 2, 3),
                ("external_environment.1", "system_mechanism.2"),
            ),
        ),
        "u-sj-head",
    ),
    DemoPower(
        "QX-ZJ",
        "建设工程竣工验收备案",
        "confirmation",
        "《建设工程质量管理条例》第四十九条",
        (
            _step("accept", "受理备案", "备案窗口岗", 1, False, "材料清单公开"),
            _step("check", "现场核查", "质量安全股", 5, True, "随机抽取核查人员"),
            _step("record", "出具备案证明", "质量安全股股长", 2, False, "结果公开"),
        ),
        (
            DemoRisk(
                "check",
                "质量安全股",
                "business_process",
                "现场核查走过场，对质量问题放行",
                ("吃拿卡要", "核查记录与现场不符"),
                (3, 3, 3, 3),
                ("business_process.2", "post_duty.3"),
            ),
        ),
        "u-zj-head",
    ),
    DemoPower(
        "QX-TH",
        "农村村民住宅建设审批",
        "licensing",
        "《中华人民共和国土地管理法》第六十二条",
        (
            _step("accept", "受理", "窗口受理岗", 1, False, "材料清单公开"),
            _step(
                "survey", "现场踏勘", "规划建设办审核岗", 5, True, "两人以上踏勘", "分管领导复核"
            ),
            _step("approve", "审批", "分管领导", 3, True, "审批结果公示"),
        ),
        (
            DemoRisk(
                "survey",
                "规划建设办审核岗",
                "post_duty",
                "现场踏勘由一人完成，结论无人复核",
                ("出具虚假踏勘意见",),
                (3, 4, 4, 3),
                ("post_duty.2", "business_process.1"),
            ),
            DemoRisk(
                "approve",
                "分管领导",
                "ideology_morality",
                "对亲友申请降低审批标准",
                ("优亲厚友",),
                (2, 2, 2, 2),
                ("ideology_morality.1",),
            ),
        ),
        "u-taihe-mayor",
    ),
)
FACTOR_NAMES = ("importance", "discretion", "probability", "harm")


@dataclass
class RegisterDemo:
    """What the demo register holds: power ids by unit and name, risk point ids by description."""

    powers: dict[str, str] = field(default_factory=dict)
    risk_points: dict[str, str] = field(default_factory=dict)
    grades: dict[str, str] = field(default_factory=dict)


DIRECTORY_WAIT = 60.0
"""Seconds a demo step waits for a service to learn the directory's grants (shared/grants.py)."""


def once_the_directory_arrived(send: Callable[[], httpx.Response]) -> httpx.Response:
    """Send, and send again while the service refuses because it has not yet taken in the
    console's RoleGranted from Kafka (the demo's accounts are opened just before the services
    start: the grants reach each service a moment later); any other answer at once."""
    deadline = time.monotonic() + DIRECTORY_WAIT
    while True:
        response = send()
        waiting = response.status_code in (403, 422) and "directory of accounts" in response.text
        if not waiting or time.monotonic() > deadline:
            return response
        time.sleep(0.5)


class _Session:
    """HTTP calls to the register as the right people of each unit."""

    def __init__(self, http: httpx.Client, tokens: Minter) -> None:
        self.http, self.tokens = http, tokens

    def as_(self, user: str, role: Role, unit: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens.mint(user, [role], unit)}"}

    def office(self, unit: str) -> dict[str, str]:
        return self.as_(f"demo-office-{unit}", Role.OFFICE, unit)

    def call(self, method: str, path: str, who: dict[str, str], body: Any = None) -> Any:
        response = once_the_directory_arrived(
            lambda: self.http.request(method, path, headers=who, json=body)
        )
        response.raise_for_status()
        return response.json() if response.content else None


def load_register_demo(register_url: str, tokens: Minter) -> RegisterDemo:
    """Catalogue, chart, grade, approve, publish the demo powers and risks over HTTP (Art. 10–14).

    Returns the ids made or found; calling it again changes nothing that is already through.
    """
    demo = RegisterDemo()
    with httpx.Client(base_url=register_url, timeout=10) as http:
        session = _Session(http, tokens)
        for power in DEMO_POWERS:
            _load_power(session, power, demo)
    return demo


def _load_power(s: _Session, power: DemoPower, demo: RegisterDemo) -> None:
    """One power: catalogued and charted once; each risk found, graded, approved, published."""
    unit, office = power.unit_code, s.office(power.unit_code)
    listed = s.call("GET", f"/powers?within={unit}", office)
    found = {p["name"]: p["id"] for p in listed if p["unit_code"] == unit}
    power_id = found.get(power.name)
    if power_id is None:
        posts = sorted({step["post"] for step in power.steps})
        power_id = s.call("POST", "/powers", office, {
            "unit_code": unit, "name": power.name, "kind": power.kind,
            "legal_basis": power.legal_basis, "posts": posts,
        })["id"]  # fmt: skip
        s.call("POST", f"/powers/{power_id}/flowcharts", office, {"steps": list(power.steps)})
    demo.powers[f"{unit}:{power.name}"] = power_id
    rows = s.call("GET", f"/risk-points?within={unit}", office)
    existing = {r["description"]: r for r in rows if r["unit_code"] == unit}
    for risk in power.risks:
        row = existing.get(risk.description)
        point_id = row["id"] if row else _identify(s, office, unit, power_id, risk)
        _equip(s, office, unit, point_id, risk)
        if row is None or row["status"] in ("draft", "graded", "approved"):
            _through_approval(s, office, unit, point_id, risk, power.responsible_leader)
        demo.risk_points[risk.description] = point_id
        demo.grades[risk.description] = s.call("GET", f"/risk-points/{point_id}", office)["grade"]


def _identify(s: _Session, office: dict[str, str], unit: str, power_id: str, risk: DemoRisk) -> str:
    body = {
        "unit_code": unit, "post": risk.post, "category": risk.category,
        "description": risk.description, "manifestations": list(risk.manifestations),
        "power_id": power_id, "step_key": risk.step_key,
        "focus": {"key_post_or_link": True},
    }  # fmt: skip
    point_id: str = s.call("POST", "/risk-points", office, body)["id"]
    return point_id


def _equip(s: _Session, office: dict[str, str], unit: str, point_id: str, risk: DemoRisk) -> None:
    """Choose the risk's measures not chosen yet, each with an owner and a due date (Art. 15)."""
    chosen = {
        m["measure_code"] for m in s.call("GET", f"/risk-points/{point_id}", office)["measures"]
    }
    for code in risk.measures:
        if code not in chosen:
            s.call("POST", f"/risk-points/{point_id}/measures", office, {
                "measure_code": code, "detail": "按目录措施落实",
                "owner_id": f"demo-office-{unit}", "due_date": "2027-06-30",
            })  # fmt: skip


def _through_approval(
    s: _Session, office: dict[str, str], unit: str, point_id: str, risk: DemoRisk, leader: str
) -> None:
    """Grade, have the team approve 集体审定 (Art. 14), then publish 公示 (Art. 10)."""
    path = f"/risk-points/{point_id}"
    status = s.call("GET", path, office)["status"]
    if status == "draft":
        factors = dict(zip(FACTOR_NAMES, risk.factors, strict=True))
        s.call("POST", f"{path}/grading", office, {
            "factors": factors, "reason": "风险排查评定", "responsible_leader_id": leader,
        })  # fmt: skip
        status = "graded"
    if status == "graded":
        [unit_row] = [
            u for u in s.call("GET", f"/units?within={unit}", office) if u["code"] == unit
        ]
        for member in unit_row["leadership_team"]:  # until the quorum is reached
            voter = s.as_(member, Role.LEADER, unit)
            vote = {"in_favour": True, "comment": "同意"}
            status = s.call("POST", f"{path}/votes", voter, vote)["status"]
            if status == "approved":
                break
    if status == "approved":
        s.call("POST", f"{path}/publication", office, {"days": 7})
