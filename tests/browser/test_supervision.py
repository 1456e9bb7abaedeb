"""分级监督 in a real browser across two nodes (Art. 29: "廉政风险预警处置情况的监督，
按照干部管理权限分级进行").

太和镇财政所 is warned on 太和镇's node (town-taihe), which disposes of the warning: the town
manages the bureau's cadres (Art. 27). The district manages the town's, so the district's 预防腐败室
supervises the disposal. Both sides work at the district's console, the one front door
(docs/sign-in.md): it passes 太和镇's people on to the town's services, and the district's office,
on its 下级处置监督 tab, to the town's warning service (`/api/supervised/QX-TH/warning/…`).

The warning itself is set up as the town's node would have made it (the register's judgement and
grading on Kafka, the meeting, the notice, the reports and their verification over the town's
API, not under test). In the browser: the district chases 督办 while the disposal is under way;
the town's office sees the chase on its warning; once the disposal is finished the district
returns 退回 it (refused without reasons, on the field) and the town reports its rework 重办情况;
the district signs it off 办结, after which the town sees the disposal signed off and offers no
more forms. Each step is then on Kafka as a DisposalSupervised fact of the town's node. Each side
is asked on its 工作台 for its part: the district to sign off or return the finished disposal
(again once the rework is reported, and no more after 办结), the town for its rework by the
return's 重办期限; the 下级处置监督 list shows where the supervision stands (监督中 … 已办结).

On the same two nodes, the town's own disposal of a violation (Art. 28(4)): its meeting decides
to transfer it 移送相关部门 and its office sends the transfer letter, refused first without the
body it goes to; CaseTransferred is on Kafka.

Last, a returned disposal whose rework is not reported by the return's 重办期限 (Art. 29,
`WarningRules.rework_days`): both nodes' processes run on one development clock
(LIANFANG_DEV_CLOCK_FILE, shared/clock.py DevShiftedClock: the district console's tokens are
verified by the town's services, so both must tell the same time), at zero shift until that test,
the module's last, moves it past the deadline; the town's rework watch runs every 2 s
(`LIANFANG_TICK_SECONDS`) and records DisposalReworkOverdue, which both sides then see.
"""

from __future__ import annotations

import asyncio
import json
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

import httpx
import pytest
from playwright.sync_api import expect

from lianfang.demo_register import RegisterDemo
from shared.auth import Role
from shared.clock import shift_dev_clock
from shared.vocabulary import Verdict
from tests.browser.flows import accessible, facts_on_kafka, sign_in
from tests.browser.intake_support import TAIHE_OFFICE, serve_node
from tests.browser.people import CZ_HEAD, OFFICE
from tests.browser.support import open_context, require_built_console
from tests.e2e.conftest import Node
from tests.e2e.test_nodes import from_node
from tests.support.tokens import issuer
from tests.unit.warning.upstream import graded, judgement

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from playwright.sync_api import Browser, Locator, Page

    from lianfang.kafka_acl import Provisioner
    from tests.browser.conftest import Stack

# Two nodes start on a shared machine before the first sign-in.
pytestmark = pytest.mark.timeout(900)
expect.set_options(timeout=15_000)

WARNED = "QX-TH-CZS"  # 太和镇财政所, whose cadres the town manages
MEETING = {"held_on": "2026-01-05", "attendees": ["镇党委书记", "镇纪委书记"],
           "decision": "issue", "minutes_ref": "太和纪要〔2026〕9号"}  # fmt: skip
CHASE = "请于本周内完成警示谈话并报送记录"
RETURN = "剖析材料未查找制度漏洞，请重新剖析"
REWORK = "已重新剖析，补充报销审批制度漏洞三项"
SIGN_OFF = "处置到位，同意办结"
LATE_RETURN = "整改材料缺少谈话记录，请补充后重报"
LATE_REWORK = "已补充警示谈话记录（逾期报送）"
# The rework watch (services/warning/supervision/watch.py) every 2 s instead of every minute.
TOWN_ENV = {"warning": {"LIANFANG_TICK_SECONDS": "2"}}


class TwoNodes(NamedTuple):
    """The district's node, whose console passes calls on to 太和镇's, and the town's; the
    development clock file both nodes' processes read."""

    district: Stack
    town: Stack
    clock: Path


@pytest.fixture(scope="module")
def nodes(
    kafka_provisioner: Provisioner, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TwoNodes]:
    """太和镇's node first (its services' addresses), then the district's, whose console reaches
    the town's services (`LIANFANG_CONSOLE_NODE_URLS`, as the district's overlay sets it). Every
    process of both reads one development clock (no shift until the last test moves it); the
    town's warning service runs its watches every 2 s."""
    require_built_console()
    root = tmp_path_factory.mktemp("supervision")
    clock = root / "clock"
    district = Node(kafka_provisioner, root / "district")
    town = Node(kafka_provisioner, root / "taihe", district.prefix, "town-taihe", "QX-TH")
    try:
        town_stack = serve_node(
            town, (TAIHE_OFFICE,), RegisterDemo(), service_env=TOWN_ENV,
            LIANFANG_DEV_CLOCK_FILE=str(clock),
        )  # fmt: skip
        to_town = json.dumps({"QX-TH": town_stack.service_urls})
        district_stack = serve_node(
            district, (OFFICE, TAIHE_OFFICE, CZ_HEAD), RegisterDemo(),
            service_env={"console": {"LIANFANG_CONSOLE_NODE_URLS": to_town}},
            LIANFANG_DEV_CLOCK_FILE=str(clock),
        )  # fmt: skip
        yield TwoNodes(district_stack, town_stack, clock)
    finally:
        town.stop_all()
        district.stop_all()


class TownApi:
    """The town's warning service as its own people call it (set-up, not under test)."""

    def __init__(self, town: Stack) -> None:
        self.url = town.service_urls["warning"]
        self.minter = issuer().for_audience(town.node.node_id)

    def call(
        self, method: str, path: str, user: str, role: Role, unit: str, body: Any = None
    ) -> Any:
        token = self.minter.mint(user, [role], unit)
        answer = httpx.request(
            method, f"{self.url}{path}", json=body, timeout=30,
            headers={"Authorization": f"Bearer {token}"},
        )  # fmt: skip
        assert answer.is_success, answer.text
        return answer.json()

    def office(self, method: str, path: str, body: Any = None, user: str = "u-th-office") -> Any:
        return self.call(method, path, user, Role.OFFICE, "QX-TH", body)


def judged_at_the_town(
    town: Stack, verdict: Verdict = Verdict.INCIPIENT_TENDENCY
) -> dict[str, Any]:
    """The town's 研判小组 judged a case about 太和镇财政所 and the register graded its point 低
    (on Kafka, as the town's register publishes them): the proposal the town's warning service
    opens from it (Art. 25, 27)."""
    made = from_node(judgement(WARNED, verdict=verdict), "town-taihe", "register")
    assert made.data.risk_point_id is not None
    point = from_node(graded(made.data.risk_point_id, unit=WARNED), "town-taihe", "register")
    with ThreadPoolExecutor(1) as producer:  # Playwright holds this thread's event loop
        producer.submit(asyncio.run, town.node.produce_events("register", [made, point])).result()
    api = TownApi(town)
    for _ in range(120):
        rows = api.office("GET", "/proposals?status=open")
        if any(r["risk_point_id"] == str(made.data.risk_point_id) for r in rows):
            break
        time.sleep(0.5)  # the town's warning service takes the judgement in from Kafka
    return next(r for r in rows if r["risk_point_id"] == str(made.data.risk_point_id))


def warning_under_way(town: Stack) -> dict[str, Any]:
    """A judged case's proposal reviewed at the town's meeting and its yellow warning issued:
    its actions are still to be done."""
    api = TownApi(town)
    proposal = judged_at_the_town(town)
    api.office("POST", f"/proposals/{proposal['id']}/review", MEETING)
    return dict(api.office("POST", f"/proposals/{proposal['id']}/warning", {}))


def finish_disposal(town: Stack, warning: dict[str, Any]) -> None:
    """Every action reported (the bureau's head, the town's clerk for the talk) and verified by
    the town's office: the disposal is finished, the warning closed (Art. 28)."""
    api = TownApi(town)
    for action in warning["actions"]:
        path = f"/warnings/{warning['id']}/actions/{action['action_id']}"
        if action["kind"] == "warning_talk":
            talk = {"held_at": "2026-01-05T08:00:00Z", "participants": ["财政所所长 张某"]}
            api.office("POST", f"{path}/reports", talk, user="u-th-clerk")
        else:
            body = {"note": "已完成", "document_refs": [f"太财-{action['kind']}"]}
            api.call("POST", f"{path}/reports", "u-th-czs-head", Role.LEADER, WARNED, body)
        api.office("POST", f"{path}/verification", {"accepted": True})
    assert api.office("GET", f"/warnings/{warning['id']}")["is_open"] is False


def open_supervision(page: Page, stack: Stack, warning: dict[str, Any], via_list: bool) -> None:
    """The warning's 分级监督 tab: from the 下级处置监督 list (the district) or the town's own."""
    if via_list:
        page.goto(f"{stack.console_url}/warnings/supervised")
        page.get_by_role("link", name=warning["notice_number"]).click()
        expect(page).to_have_url(f"{stack.console_url}/warnings/{warning['id']}?node=QX-TH")
    else:
        page.goto(f"{stack.console_url}/warnings/{warning['id']}")
    expect(page.locator("h1")).to_contain_text(warning["notice_number"])
    page.get_by_role("tab", name="分级监督").click()
    expect(page.get_by_test_id("supervision-state")).to_be_visible()


def on_workbench(page: Page, stack: Stack, warning: dict[str, Any]) -> Locator:
    """The row of the person's 工作台 about the warning (none once settled)."""
    page.goto(f"{stack.console_url}/workbench")
    expect(page.locator("[data-ready=true]")).to_be_visible()
    return page.locator(".todo-table tr", has_text=warning["notice_number"])


def test_the_district_supervises_a_towns_disposal(browser: Browser, nodes: TwoNodes) -> None:
    district, town = nodes.district, nodes.town
    warning = warning_under_way(town)

    # 1. The district's office, on its 下级处置监督 tab, chases the disposal under way.
    page = open_context(browser).new_page()
    sign_in(page, district, OFFICE)
    page.goto(f"{district.console_url}/warnings/board")
    page.get_by_role("link", name="下级处置监督").click()
    row = page.locator(".el-table__row", has_text=warning["notice_number"])
    expect(row).to_contain_text("太和镇财政所")
    expect(row).to_contain_text("处置中")
    expect(row.get_by_test_id("supervision-of-row")).to_have_text("监督中")
    accessible(page, "sup-01-district-list")
    open_supervision(page, district, warning, via_list=True)
    expect(page.get_by_role("button", name="报送")).to_have_count(0)  # the town's to report
    panel = page.get_by_test_id("supervision")
    expect(panel).to_contain_text("处置进行中")
    panel.locator("#supervision_text").fill(CHASE)
    panel.get_by_role("button", name="提交督办").click()
    expect(panel.locator(".el-timeline")).to_contain_text(CHASE)
    expect(panel.get_by_test_id("act-by")).to_contain_text("清新区 张伟")  # the level above
    accessible(page, "sup-02-district-chased")

    # 2. 太和镇's office, signed in at the same front door, sees the chase on its warning.
    town_page = open_context(browser).new_page()
    sign_in(town_page, district, TAIHE_OFFICE)
    open_supervision(town_page, district, warning, via_list=False)
    town_panel = town_page.get_by_test_id("supervision")
    expect(town_panel.locator(".el-timeline")).to_contain_text(CHASE)
    # named, though the district lies outside the town's own units
    expect(town_panel.get_by_test_id("act-by")).to_contain_text("清远市清新区 张伟")
    # and the district's finance bureau the warning is reported to (条块结合, Art. 27), by name
    expect(town_page.locator(".facts")).to_contain_text("清新区财政局")
    expect(town_panel.locator("form")).to_have_count(0)  # nothing of the town's to do yet
    accessible(town_page, "sup-03-town-sees-chase")

    # 3. The disposal finished, the district returns it: refused without reasons, on the field.
    finish_disposal(town, warning)
    # ... asked to on its 工作台, whose 去办理 opens the warning on the town's node.
    review = on_workbench(page, district, warning)
    expect(review).to_contain_text("处置监督")
    expect(review).to_contain_text("处置已完成，待办结或退回")
    accessible(page, "sup-03b-district-workbench")
    review.get_by_role("button", name="去办理").click()
    expect(page).to_have_url(f"{district.console_url}/warnings/{warning['id']}?node=QX-TH")
    page.get_by_role("tab", name="分级监督").click()
    expect(panel).to_contain_text("处置已完成")
    panel.get_by_text("退回", exact=True).click()
    panel.get_by_role("button", name="提交退回").click()
    expect(panel.locator(".el-form-item", has=page.locator("#supervision_text"))).to_contain_text(
        "第二十九条"
    )
    accessible(page, "sup-04-return-refused")
    panel.locator("#supervision_text").fill(RETURN)
    panel.get_by_role("button", name="提交退回").click()
    expect(page.get_by_test_id("supervision-state")).to_have_text("退回重办")
    # returned, the disposal is not settled, though its actions were all verified
    expect(page.get_by_test_id("warning-state")).to_have_text("退回重办")
    expect(panel.locator(".el-timeline")).to_contain_text(RETURN)
    expect(on_workbench(page, district, warning)).to_have_count(0)  # the town's turn
    page.goto(f"{district.console_url}/warnings/supervised")
    returned = page.locator(".el-table__row", has_text=warning["notice_number"])
    expect(returned.get_by_test_id("supervision-of-row")).to_have_text("退回重办")
    expect(returned).to_contain_text("重办期限")
    accessible(page, "sup-04b-list-returned")

    # 4. The town, asked on its 工作台 by the 重办期限, reports its rework with new documents.
    rework = on_workbench(town_page, district, warning)
    expect(rework).to_contain_text("上级退回重办，待报送重办情况")
    expect(rework).to_contain_text("还剩")  # the 重办期限 counting down
    accessible(town_page, "sup-04c-town-workbench")
    rework.get_by_role("button", name="去办理").click()
    expect(town_page).to_have_url(f"{district.console_url}/warnings/{warning['id']}")
    town_page.get_by_role("tab", name="分级监督").click()
    expect(town_page.get_by_test_id("supervision-state")).to_have_text("退回重办")
    expect(town_panel.locator(".el-timeline")).to_contain_text(RETURN)
    town_panel.locator("#rework_note").fill(REWORK)
    town_panel.locator("#rework_refs").fill("太财剖〔2026〕2号")
    accessible(town_page, "sup-05-town-rework")
    town_panel.get_by_role("button", name="报送重办情况").click()
    expect(town_page.get_by_test_id("supervision-state")).to_have_text("已重报")
    expect(town_page.get_by_test_id("warning-state")).to_have_text("重办已报")
    expect(town_panel.locator(".el-timeline")).to_contain_text("太财剖〔2026〕2号")

    # 5. The district, asked again, sees the rework and signs the disposal off; the to-do goes.
    again = on_workbench(page, district, warning)
    expect(again).to_contain_text("重办情况已报，待办结或退回")
    again.get_by_role("button", name="去办理").click()
    page.get_by_role("tab", name="分级监督").click()
    expect(panel.locator(".el-timeline")).to_contain_text(REWORK)
    panel.get_by_text("办结", exact=True).click()
    panel.locator("#supervision_text").fill(SIGN_OFF)
    panel.get_by_role("button", name="提交办结").click()
    expect(page.get_by_test_id("supervision-state")).to_have_text("办结")
    expect(page.get_by_test_id("warning-state")).to_have_text("已办结")
    expect(panel.locator("form")).to_have_count(0)
    accessible(page, "sup-06-district-signed-off")
    expect(on_workbench(page, district, warning)).to_have_count(0)
    page.goto(f"{district.console_url}/warnings/supervised")
    signed = page.locator(".el-table__row", has_text=warning["notice_number"])
    expect(signed.get_by_test_id("supervision-of-row")).to_have_text("已办结")
    expect(signed).to_contain_text("处置完成")
    # The town sees it signed off.
    town_page.reload()
    town_page.get_by_role("tab", name="分级监督").click()
    expect(town_page.get_by_test_id("supervision-state")).to_have_text("办结")
    expect(town_panel.locator(".el-timeline")).to_contain_text(SIGN_OFF)
    expect(town_panel.locator("form")).to_have_count(0)
    accessible(town_page, "sup-07-town-signed-off")

    # 6. 条块结合 (Art. 27): 区财政局, the finance office's superior business department, followed
    # the whole disposal in its inbox at the district's front door, though the town disposed of
    # it: the console asked the town's warning service. The warning is the town's to open.
    bureau = open_context(browser).new_page()
    sign_in(bureau, district, CZ_HEAD)
    bureau.goto(f"{district.console_url}/warnings/inbox")
    steps = bureau.locator(".el-table__row", has_text="太和镇财政所")
    expect(steps.first).to_contain_text("上级审核办结")  # the newest first
    expect(steps.first.get_by_test_id("disposing-node")).to_have_text("太和镇处置")
    expect(bureau.locator(".el-table")).to_contain_text("报送重办情况")
    expect(bureau.get_by_role("link", name=warning["notice_number"])).to_have_count(0)
    accessible(bureau, "sup-07b-bureau-inbox")
    pager = bureau.get_by_role("navigation", name="收件箱分页")
    seen = [bureau.locator(".el-table__body").inner_text()]
    for number in range(2, 10):  # the older pages, back to the proposal that began it
        if pager.get_by_role("button", name="下一页").is_disabled():
            break
        pager.get_by_role("button", name="下一页").click()
        expect(pager).to_contain_text(f"第 {number} 页")
        seen.append(bureau.locator(".el-table__body").inner_text())
    assert "提出处置建议" in seen[-1]  # the oldest step last
    assert warning["notice_number"] in "".join(seen)
    # The district's office reads the bureau's inbox too, and opens the warning on the town's
    # node, whose disposal it supervises (Art. 29).
    page.goto(f"{district.console_url}/warnings/inbox")
    page.get_by_role("combobox", name="收件单位").click()
    page.get_by_role("option", name="清新区财政局").click()
    signed_off = page.locator(".el-table__row", has_text="上级审核办结")
    signed_off.get_by_role("link", name=warning["notice_number"]).click()
    expect(page).to_have_url(f"{district.console_url}/warnings/{warning['id']}?node=QX-TH")
    expect(page.locator("h1")).to_contain_text(warning["notice_number"])

    # Each act a fact of the town's node, with who, what and the authority (Art. 29).
    acts = [
        (d["act"], d["actor"]["unit_code"], d["text"], d["authority"])
        for t, d in facts_on_kafka(town, "warning")
        if t.endswith("DisposalSupervised.v1") and d["warning_id"] == warning["id"]
    ]
    assert [a[:3] for a in acts] == [
        ("chased", "QX", CHASE), ("returned", "QX", RETURN),
        ("resubmitted", "QX-TH", REWORK), ("signed_off", "QX", SIGN_OFF),
    ]  # fmt: skip
    assert {a[3] for a in acts} == {"Art. 29"}


def test_the_towns_meeting_transfers_a_violation(browser: Browser, nodes: TwoNodes) -> None:
    """Art. 28(4): a judgement of violation goes to the meeting, which transfers it 移送相关部门
    by letter; 太和镇's office does it at the district's front door, on the town's node."""
    district, town = nodes.district, nodes.town
    proposal = judged_at_the_town(town, Verdict.VIOLATION)
    assert proposal["kind"] == "transfer"
    page = open_context(browser).new_page()
    sign_in(page, district, TAIHE_OFFICE)
    page.goto(f"{district.console_url}/warnings/proposals")
    row = page.locator(".el-table__row", has_text="待会议审核").filter(has_text="太和镇财政所")
    expect(row).to_contain_text("移送")
    row.get_by_role("button", name="会议审核").click()
    review = page.get_by_role("dialog", name="专题会议审核")
    review.locator("#minutes_ref").fill("太和纪要〔2026〕11号")
    review.locator("#attendees").fill("镇党委书记 何某\n镇纪委书记 罗某")
    expect(review.get_by_role("radio", name="移送相关部门")).to_be_checked()
    review.locator("#reasons").fill("报销审核人员虚列支出，涉嫌违纪")
    review.get_by_role("button", name="记录审核结果").click()

    # The transfer letter: refused without the body it goes to, on that field; then sent.
    transfer = page.get_by_role("dialog", name="移送相关部门")
    expect(transfer).to_be_visible()
    transfer.locator("#reference").fill("太和纪移〔2026〕2号")
    transfer.get_by_role("button", name="移送").click()
    body = transfer.locator(".el-form-item", has_text="移送机关")
    expect(body.locator(".el-form-item__error")).to_be_visible()
    accessible(page, "sup-08-transfer-refused")
    transfer.locator("#to_body").fill("清新区监察委员会")
    transfer.get_by_role("button", name="移送").click()
    expect(transfer).to_be_hidden()
    page.get_by_role("radiogroup", name="状态").get_by_text("全部").click()  # no longer open
    done = page.locator(".el-table__row", has_text="太和镇财政所").filter(has_text="已移送")
    expect(done).to_have_count(1)
    done.locator(".el-table__expand-icon").click()
    expect(page.get_by_text("已移送：清新区监察委员会")).to_be_visible()
    accessible(page, "sup-09-transferred")
    transferred = [
        d for t, d in facts_on_kafka(town, "warning")
        if t.endswith("CaseTransferred.v1") and d["transfer_id"] == proposal["id"]
    ]  # fmt: skip
    assert [(d["to_body"], d["reference"], d["unit_code"]) for d in transferred] == [
        ("清新区监察委员会", "太和纪移〔2026〕2号", WARNED)
    ]


def test_a_rework_not_reported_in_time_turns_red(browser: Browser, nodes: TwoNodes) -> None:
    """Art. 29: the district returns the town's finished disposal 退回 and the town lets the
    return's 重办期限 pass without reporting its rework. The town's watch records the lapse
    (DisposalReworkOverdue, the disposing body's): red on the district's 下级处置监督 list and
    on the warning's 分级监督 tab, told in its 处置全过程, the town's 工作台 to-do marked overdue;
    the town's late rework then moves the supervision on. The module's last test: it moves both
    nodes' clock."""
    district, town = nodes.district, nodes.town
    warning = warning_under_way(town)
    finish_disposal(town, warning)
    api = TownApi(town)
    # The district's office returns it (walked in the browser by the first test).
    path = f"/warnings/{warning['id']}/supervision"
    body = {"act": "returned", "text": LATE_RETURN}
    assert api.call("POST", path, OFFICE.user_id, Role.OFFICE, "QX", body)["state"] == "returned"
    rework_days = api.office("GET", "/deadline-rules")["rework_days"]  # the town's setting

    # The 重办期限 passes unanswered: both nodes' time moved past it; the watch ticks every 2 s.
    shift = shift_dev_clock(nodes.clock, timedelta(days=rework_days, hours=1))

    # 1. The district's office (its browser on the real time: red only as the town recorded it).
    page = open_context(browser).new_page()
    sign_in(page, district, OFFICE, clock_shift=shift)  # the earlier sessions idled out
    page.goto(f"{district.console_url}/warnings/supervised")
    row = page.locator(".el-table__row", has_text=warning["notice_number"])
    expect(row.get_by_test_id("supervision-of-row")).to_have_text("退回重办")
    late = row.locator(".late")
    expect(late).to_contain_text("（已逾期）", timeout=60_000)  # the list looks every 10 s
    expect(late).to_contain_text("重办期限")
    expect(late).to_have_css("color", "rgb(185, 28, 28)")
    accessible(page, "sup-10-district-list-rework-overdue")
    open_supervision(page, district, warning, via_list=True)
    expect(page.get_by_test_id("supervision-state")).to_have_text("退回重办")
    due = page.get_by_test_id("rework-due")
    expect(due).to_contain_text("（已逾期，未按期报送重办情况）")
    expect(due).to_have_css("color", "rgb(185, 28, 28)")
    panel = page.get_by_test_id("supervision")
    expect(panel.locator(".el-timeline")).to_contain_text(LATE_RETURN)
    # only a chase while the rework is owed, and the form says so (not "审核后办结")
    expect(panel.get_by_role("radiogroup", name="监督事项")).to_have_text("督办")
    expect(panel).to_contain_text("已退回重办：待处置机关报送重办情况，其间可督办")
    accessible(page, "sup-11-district-supervision-overdue")
    page.get_by_role("tab", name="处置全过程").click()
    lapse = page.locator(".timeline .el-timeline-item", has_text="重办逾期（未按期报送重办情况）")
    expect(lapse).to_have_count(1)
    expect(lapse).to_contain_text("系统自动记录")
    accessible(page, "sup-12-district-timeline-lapse")

    # 2. 太和镇's office, its browser on the nodes' time, is asked for the overdue rework.
    context = open_context(browser)
    context.clock.install(time=time.time() + shift.total_seconds())
    town_page = context.new_page()
    sign_in(town_page, district, TAIHE_OFFICE, clock_shift=shift)
    owed = on_workbench(town_page, district, warning)
    expect(owed).to_contain_text("上级退回重办，待报送重办情况（已逾期）")
    expect(owed.locator(".lf-overdue")).to_contain_text("已逾期")  # its 重办期限, passed
    expect(town_page.locator("[data-figure=overdue]")).not_to_have_text("0")
    accessible(town_page, "sup-13-town-workbench-rework-overdue")
    owed.get_by_role("button", name="去办理").click()
    expect(town_page).to_have_url(f"{district.console_url}/warnings/{warning['id']}")
    town_page.get_by_role("tab", name="分级监督").click()
    expect(town_page.get_by_test_id("rework-due")).to_contain_text("已逾期")

    # 3. Late, the town reports its rework: the supervision moves on, the lapse stays told.
    town_panel = town_page.get_by_test_id("supervision")
    town_panel.locator("#rework_note").fill(LATE_REWORK)
    town_panel.get_by_role("button", name="报送重办情况").click()
    expect(town_page.get_by_test_id("supervision-state")).to_have_text("已重报")
    expect(town_page.get_by_test_id("warning-state")).to_have_text("重办已报")
    expect(town_page.get_by_test_id("rework-due")).to_have_count(0)
    expect(on_workbench(town_page, district, warning)).to_have_count(0)
    page.goto(f"{district.console_url}/warnings/supervised")
    expect(row.get_by_test_id("supervision-of-row")).to_have_text("已重报")
    expect(row).not_to_contain_text("已逾期")
    expect(on_workbench(page, district, warning)).to_contain_text("重办情况已报，待办结或退回")

    # The lapse is a fact of the town's node, once, charged to the disposing body (Art. 29).
    lapses = [
        d for t, d in facts_on_kafka(town, "warning")
        if t.endswith("DisposalReworkOverdue.v1") and d["warning_id"] == warning["id"]
    ]  # fmt: skip
    assert [
        (d["unit_code"], d["warned_unit"], d["return_number"], d["authority"]) for d in lapses
    ] == [("QX-TH", WARNED, 1, "Art. 29")]
    [lapsed] = lapses
    assert lapsed["actor"]["role"] == "system"
    returned_at, due_at, detected_at = (
        datetime.fromisoformat(lapsed[k]) for k in ("returned_at", "due_at", "detected_at")
    )
    assert returned_at + timedelta(days=rework_days) == due_at <= detected_at
