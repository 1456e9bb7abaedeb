"""One demo case carried through the whole chain, so every public event is on Kafka at once.

The online-media report about 清新区市场监督管理局 (RiskReported; a district department, so the
district node handles it, Art. 24) is verified and judged by the district's judgement group
研判小组 — three members appointed by the district's office, one proposing and two signing, so
the judgement is the group's (JudgementMade with who signed, RiskGraded, Art. 25): its new risk
point graded 低, so the district's meeting
warns yellow (WarningIssued; the level follows the grade, Art. 28) with a rectification deadline
a few seconds away; the warning service's deadline watch then raises RectificationOverdue. A
deadline in the past is refused (Art. 28 sets deadlines ahead), so "back-dated" here means due
almost at once.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

import httpx

from lianfang.demo_register import once_the_directory_arrived
from shared.auth import Minter, Role
from shared.clock import BEIJING

CASE_UNIT = "QX-SJ"


@dataclass(frozen=True)
class ChainResult:
    """What the chain produced, for the launcher to print."""

    information_id: str
    judgement_id: str
    warning_id: str
    notice_number: str
    due_at: datetime


def _wait_for(what: str, probe: Any, timeout: float) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.5)
    raise TimeoutError(f"the demo chain waited {timeout:.0f}s for {what}")


def _checked(response: httpx.Response) -> httpx.Response:
    """The response, or an error that says what the service refused and why."""
    if response.is_error:
        request = response.request
        raise RuntimeError(
            f"{request.method} {request.url} -> {response.status_code}: {response.text}"
        )
    return response


def _found(response: httpx.Response) -> dict[str, Any] | None:
    return dict(response.json()) if response.status_code == 200 else None


VERIFICATION = {
    "checked": ["调取2026年市场检查执法记录", "询问执法人员及被检查商户"],
    "findings": "同类违法行为处罚幅度差异较大，未发现收受财物",
}
JUDGEMENT = {
    "verdict": "incipient_tendency",
    "reasoning": "执法检查中自由裁量不统一，属苗头性问题，风险等级低，建议黄色预警",
    "recommended_level": "yellow",
    "new_risk_point": {
        "category": "post_duty",
        "description": "行政处罚自由裁量权行使不规范，存在选择性执法风险",
    },
    "factors": {"importance": 2, "discretion": 3, "probability": 2, "harm": 2},  # 低
    "responsible_leader_id": "u-sj-head",
}
GROUP = ("demo-judge", "demo-judge2", "demo-judge3")  # the district's 研判小组 (Art. 25)
GROUP_AUTHORITY = "清新纪发〔2026〕演示"
MEETING = {
    "attendees": ["区纪委副书记", "区预防腐败室主任"],
    "decision": "issue",
    "minutes_ref": "清新廉会〔2026〕演示",
}


def judge_case(
    register_url: str, tokens: Minter, information_id: str, timeout: float = 90.0
) -> dict[str, Any] | None:
    """The district's 研判小组 verifies and judges one filed case (Art. 25): the judgement as the
    register answers it, or None if the case was judged before (a re-run over the same stores)."""
    members = {m: {"Authorization": f"Bearer {tokens.mint(m, [Role.JUDGE], 'QX')}"} for m in GROUP}
    judge = members[GROUP[0]]
    office = {"Authorization": f"Bearer {tokens.mint('demo-office', [Role.OFFICE], 'QX')}"}
    with httpx.Client(base_url=register_url, headers=judge, timeout=10) as register:
        case = f"/information/{information_id}"
        taken_in = _wait_for(
            "the register to take the report in", lambda: _found(register.get(case)), timeout
        )
        if taken_in.get("judgement") is not None:
            return None  # carried through on an earlier run over the same stores
        _appoint_group(register, office)
        if taken_in.get("proposal") is None:
            if not taken_in["verifications"]:
                _checked(register.post(f"{case}/verification", json=VERIFICATION))
            judged: dict[str, Any] = _checked(
                register.post(f"{case}/judgement", json=JUDGEMENT)
            ).json()
        else:
            judged = taken_in["proposal"]
        signed = {s["user_id"] for s in judged["signed_by"]}
        for member in GROUP:  # the others sign until the judgement is the group's (Art. 25)
            if judged["made"]:
                break
            if member not in signed:
                sign_off = register.post(f"{case}/judgement/sign-off", headers=members[member])
                judged = _checked(sign_off).json()
    return judged


def open_proposal(warning: httpx.Client) -> dict[str, Any] | None:
    """The demo case's proposal once the point's grading has reached the warning service too:
    the meeting warns at the level the grade calls for (Art. 28)."""
    rows = _checked(warning.get("/proposals", params={"within": "QX", "status": "open"}))
    found = (p for p in rows.json() if p["subject_unit"] == CASE_UNIT and p["level"])
    return next(found, None)


def wait_for_proposal(warning: httpx.Client, timeout: float = 90.0) -> dict[str, Any]:
    """The demo case's open proposal, waiting until the warning service has it."""
    found: dict[str, Any] = _wait_for(
        "the warning proposal", lambda: open_proposal(warning), timeout
    )
    return found


def carry_case_through(
    register_url: str,
    warning_url: str,
    tokens: Minter,
    information_id: str,
    due_in: timedelta = timedelta(seconds=20),
    timeout: float = 90.0,
) -> ChainResult | None:
    """Judge one filed case, decide and issue its warning; return what was issued, or None if
    the case was judged before (a second `make run` over the same stores)."""
    judged = judge_case(register_url, tokens, information_id, timeout)
    if judged is None:
        return None
    office = {"Authorization": f"Bearer {tokens.mint('demo-office', [Role.OFFICE], 'QX')}"}
    with httpx.Client(base_url=warning_url, headers=office, timeout=10) as warning:
        proposal = f"/proposals/{wait_for_proposal(warning, timeout)['id']}"
        _checked(warning.post(f"{proposal}/review", json={**MEETING, "held_on": _today()}))
        due_at = datetime.now(UTC) + due_in
        deadlines = {"deadlines": {"rectification": due_at.isoformat()}}
        issued = _checked(warning.post(f"{proposal}/warning", json=deadlines)).json()
    return ChainResult(
        information_id=information_id,
        judgement_id=str(judged["judgement_id"]),
        warning_id=str(issued["id"]),
        notice_number=str(issued["notice_number"]),
        due_at=due_at,
    )


def _appoint_group(register: httpx.Client, office: dict[str, str]) -> None:
    """The district's office appoints the demo's 研判小组, those not yet members (Art. 25)."""
    group = _checked(register.get("/units/QX/judgement-group", headers=office)).json()
    appointed = {m["user_id"] for m in group["members"]}
    for member in GROUP:
        if member not in appointed:
            body = {"user_id": member, "authority": GROUP_AUTHORITY}
            path = "/units/QX/judgement-group/members"
            appoint = partial(register.post, path, json=body, headers=office)
            _checked(once_the_directory_arrived(appoint))


def _today() -> str:
    return datetime.now(BEIJING).date().isoformat()
