"""The chain entirely in the browser, across two nodes on one Kafka (Art. 22, 24, 25, 14, 10, 15).

A petition is filed at the district's console about 太和镇规划建设办公室, which 太和镇's node
manages: it is forwarded 批转 down (谁主管、谁负责, Art. 24) and the district tracks it. On 太和镇's
own console the town's 研判小组 verifies it, one member proposes the judgement — an incipient
tendency on a risk point already in force in the register, re-graded from its four factors
(低 → 中, Art. 14, 25, 30) — and the other two sign it; the unit's leadership votes the new grade
through (集体审定, Art. 14), the town's office publishes the point again (公示, Art. 10), adds the
prevention measure the higher grade needs from the point's page (Art. 14, 15, 18), and once the
publication period is over brings it into force (生效, Art. 10). Everything is then checked on
Kafka: the forward, the town's receipt, the report taken in at the town, the judgement with its
three signatures, the re-grading of the same point, the approval, the publication and the force.

The publication period lasts days; the town's node runs on a development clock
(LIANFANG_DEV_CLOCK_FILE, shared/clock.py DevShiftedClock, dev mode only) that the test moves
forward: before the move the register refuses force (the period runs), after it, it accepts.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

import httpx
import pytest
from playwright.sync_api import expect

from lianfang.demo_register import RegisterDemo
from shared.auth import Role
from shared.clock import DevShiftedClock, shift_dev_clock
from tests.browser.flows import accessible, facts_on_kafka, sign_in
from tests.browser.intake_support import (
    TAIHE_GHB_HEAD,
    TAIHE_JUDGES,
    TAIHE_OFFICE,
    TAIHE_PEOPLE,
    appoint_group,
    everyone_of_the_district,
    serve_node,
)
from tests.browser.people import OFFICE
from tests.browser.support import open_context, require_built_console, screenshot
from tests.e2e.conftest import Node
from tests.support.tokens import issuer

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from playwright.sync_api import Browser, Page

    from lianfang.kafka_acl import Provisioner
    from tests.browser.conftest import Stack

# Two nodes' stacks start first on a shared machine, then a chain of sign-ins across both.
pytestmark = pytest.mark.timeout(900)

PETITION = "反映太和镇规划建设办公室踏勘人员收受建房户好处费后出具通过意见"
# Two cores shared by eight helpers: a screen's code may take more than the default 5 s to load.
expect.set_options(timeout=15_000)

PETITIONER = "孙举报"
RISK = "农村建房现场踏勘由一人完成且无人复核"


class Chain(NamedTuple):
    """The two nodes, the town's development clock file and the point already in force."""

    district: Stack
    town: Stack
    clock: Path
    point_id: str


@pytest.fixture(scope="module")
def chain(
    kafka_provisioner: Provisioner, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Chain]:
    """The district's node and 太和镇's (town-taihe, root 太和镇), each with its console, on the
    same Kafka and topics; the town's 研判小组 appointed by its office, its processes on one
    development clock, and 太和镇规划建设办公室's risk point RISK already in force."""
    require_built_console()
    root = tmp_path_factory.mktemp("chain")
    clock = root / "taihe-clock"
    district = Node(kafka_provisioner, root / "district")
    town = Node(kafka_provisioner, root / "taihe", district.prefix, "town-taihe", "QX-TH")
    try:
        district_stack = serve_node(district, everyone_of_the_district(), RegisterDemo())
        town_stack = serve_node(
            town, TAIHE_PEOPLE, RegisterDemo(), LIANFANG_DEV_CLOCK_FILE=str(clock)
        )
        appoint_group(town_stack, "QX-TH", TAIHE_JUDGES)
        yield Chain(district_stack, town_stack, clock, point_in_force(town_stack, clock))
    finally:
        town.stop_all()
        district.stop_all()


def point_in_force(town: Stack, clock: Path) -> str:
    """What the town did in its last sorting-out 排查 (set-up over HTTP, not under test): RISK
    identified, graded 低, approved, one measure chosen, published for one day, in force."""
    minter = issuer(DevShiftedClock(clock)).for_audience(town.node.node_id)  # the node's time

    def call(method: str, path: str, person: str, role: Role, unit: str, body: Any = None) -> Any:
        token = minter.mint(person, [role], unit)
        answer = httpx.request(
            method, f"{town.service_urls['register']}{path}", json=body, timeout=30,
            headers={"Authorization": f"Bearer {token}"},
        )  # fmt: skip
        assert answer.is_success, answer.text
        return answer.json() if answer.content else None

    office = (TAIHE_OFFICE.user_id, Role.OFFICE, "QX-TH")
    point = call("POST", "/risk-points", *office, {
        "unit_code": "QX-TH-GHB", "post": "规划建设办审核岗", "category": "post_duty",
        "description": RISK, "manifestations": ["出具虚假踏勘意见"],
    })["id"]  # fmt: skip
    path = f"/risk-points/{point}"
    factors = {"importance": 1, "discretion": 1, "probability": 1, "harm": 1}
    leader = TAIHE_GHB_HEAD.user_id
    call("POST", f"{path}/grading", *office, {
        "factors": factors, "reason": "风险排查评定", "responsible_leader_id": leader,
    })  # fmt: skip
    vote = {"in_favour": True, "comment": "同意"}
    call("POST", f"{path}/votes", TAIHE_GHB_HEAD.user_id, Role.LEADER, "QX-TH-GHB", vote)
    call("POST", f"{path}/measures", *office, {
        "measure_code": "post_duty.2", "detail": "踏勘结论须两人签字",
        "owner_id": TAIHE_GHB_HEAD.user_id, "due_date": "2027-06-30",
    })  # fmt: skip
    call("POST", f"{path}/publication", *office, {"days": 1})
    shift_dev_clock(clock, timedelta(days=1, hours=1))
    call("POST", f"{path}/in-force", *office)
    assert call("GET", path, *office)["status"] == "in_force"
    return str(point)


def reload_until(page: Page, what: str, tries: int = 40) -> None:
    """Reload until `what` is shown: a fact still on its way over Kafka between nodes."""
    for _ in range(tries):
        if page.get_by_text(what).first.is_visible():
            return
        page.wait_for_timeout(1000)
        page.reload()
    expect(page.get_by_text(what).first).to_be_visible()


def test_a_petition_re_grades_a_town_risk_that_goes_into_force_again(
    browser: Browser, page: Page, chain: Chain
) -> None:
    district, town = chain.district, chain.town

    # 1. The district's office files the petition: forwarded to 太和镇 (Art. 22, 24).
    sign_in(page, district, OFFICE)
    page.goto(f"{district.console_url}/intake/new")
    page.get_by_role("combobox", name="被反映单位").click()
    page.get_by_role("option", name="太和镇规划建设办公室").click()
    page.get_by_label("来源编号").fill("XF-2026-1288")
    page.get_by_label("反映的问题").fill(PETITION)
    page.get_by_label("涉及岗位").fill("规划建设办审核岗")
    page.get_by_label("举报人姓名").fill(PETITIONER)
    page.get_by_role("button", name="报送").click()
    expect(page.locator(".routing")).to_contain_text("批转下级")
    expect(page.get_by_text("太和镇", exact=False).first).to_be_visible()
    page.get_by_role("link", name="查看信息详情").click()
    expect(page.get_by_role("heading", name="跟踪督办（批转太和镇）")).to_be_visible()
    reload_until(page, "已送达，待反馈")  # the town's receipt, back over Kafka
    accessible(page, "chain-01-district-forwarded")

    # 2. 太和镇's 研判小组, on the town's console: verify, propose, sign (Art. 21, 25).
    context = open_context(browser)
    judge = context.new_page()
    sign_in(judge, town, TAIHE_JUDGES[0])  # (no second factor: the shift does not matter)
    judge.goto(f"{town.console_url}/judgement")
    reload_until(judge, PETITION)
    href = judge.get_by_role("link", name=PETITION).get_attribute("href")
    judge.goto(f"{town.console_url}{href}")  # (a click right after a reload may not navigate)
    judge.get_by_label("核实内容").fill("调取2026年农村建房踏勘记录\n询问建房户")
    judge.get_by_label("核实情况").fill("踏勘均由一人完成，复核签字缺失")
    judge.get_by_role("button", name="记录核实").click()
    expect(judge.get_by_text("核实情况：踏勘均由一人完成，复核签字缺失")).to_be_visible()
    judge.get_by_label("研判意见", exact=True).fill("踏勘无人复核，属苗头性问题，建议橙色预警")
    # the risk point already in force, not a new one; its responsible leader stays
    judge.locator(".el-select", has=judge.get_by_role("combobox", name="涉及的风险点")).click()
    judge.get_by_role("option", name=RISK).click()
    expect(judge.get_by_label("风险描述")).to_have_count(0)
    judge.get_by_role("radiogroup", name="腐败发生概率").get_by_text("4").click()
    judge.get_by_role("radiogroup", name="危害程度").get_by_text("3").click()
    expect(judge.locator(".preview")).to_contain_text("中")  # 2·3+2·3+3·4+3·3 = 33 → 3.3
    judge.get_by_role("button", name="提出研判意见").click()
    expect(judge.get_by_text("已签 1 / 需 3")).to_be_visible()
    assert PETITIONER not in judge.content()  # the identity stayed sealed at the district
    case_url = judge.url
    context.close()
    for member in TAIHE_JUDGES[1:]:
        context = open_context(browser)
        other = context.new_page()
        sign_in(other, town, member)
        other.goto(case_url)
        other.get_by_role("button", name="签署研判意见").click()
        expect(other.get_by_text("签署研判意见")).to_be_hidden()
        context.close()

    # 3. The unit's leadership votes the new grade through (集体审定, Art. 14).
    context = open_context(browser)
    leader = context.new_page()
    sign_in(leader, town, TAIHE_GHB_HEAD)
    to_vote = leader.locator(".todo-table tr", has_text=RISK)  # the 工作台's to-do
    expect(to_vote).to_contain_text("风险等级待集体审定")
    to_vote.get_by_role("button", name="去办理").click()
    leader.get_by_role("button", name="表决（集体审定）").click()
    vote = leader.get_by_role("dialog")
    vote.get_by_text("同意", exact=True).click()
    vote.get_by_role("button", name="提交表决").click()
    expect(vote).to_be_hidden()
    expect(leader.locator(".title")).to_contain_text("已审定")
    point_url = leader.url
    context.close()

    assert point_url.endswith(chain.point_id)  # the same point, re-graded

    # 4. The town's office publishes it (公示, Art. 10); force is refused while the period runs.
    shift = timedelta(days=1, hours=1)  # the town's clock, as the set-up left it
    context = open_context(browser)
    office = context.new_page()
    sign_in(office, town, TAIHE_OFFICE, clock_shift=shift)
    office.goto(point_url)
    office.get_by_role("button", name="发布公示").click()
    expect(office.locator(".title")).to_contain_text("公示中")
    expect(office.get_by_text("公示期：")).to_be_visible()
    office.get_by_role("button", name="确认生效").click()
    refused = office.locator(".actions [role=alert]")
    expect(refused).to_contain_text("届满后方可生效 (the publication period runs until")
    screenshot(office, "chain-02a-town-force-refused")  # the refusal as the official reads it
    expect(office.locator(".title")).to_contain_text("公示中")

    # 5. The measure the higher grade needs, chosen from the point's page (中: two categories,
    # Art. 14, 15; 规范业务流程 is 第十八条's first).
    measures = office.locator(".block", has_text="防控措施")
    expect(measures).to_contain_text("本等级至少需 2 类措施，已有 1 类")
    measures.get_by_role("button", name="制定措施").click()
    dialog = office.get_by_role("dialog", name="制定防控措施")
    dialog.locator(".el-select", has=office.get_by_role("combobox", name="措施")).click()
    office.locator(".el-select-dropdown__item:visible", has_text="规范业务流程").first.click()
    dialog.get_by_label("具体内容").fill("踏勘与审核分设岗位，踏勘记录由复核人签字后方可出具意见")
    dialog.locator(".el-select", has=office.get_by_role("combobox", name="责任人")).click()
    office.locator(".el-select-dropdown__item:visible", has_text=TAIHE_GHB_HEAD.user_id).click()
    dialog.get_by_label("完成时限").fill("2027-06-30")
    expect(office.locator(".el-message")).to_have_count(0)  # 已发布公示's toast faded (contrast)
    accessible(office, "chain-02-town-measure-dialog")
    dialog.get_by_role("button", name="保存措施").click()
    expect(dialog).to_be_hidden()
    expect(measures).to_contain_text("规范业务流程")
    expect(measures).to_contain_text("已有 2 类")
    context.close()

    # 6. The period over (the town's clock moved past it), the office brings it into force.
    shift = shift_dev_clock(chain.clock, timedelta(days=6))  # the whole shift: 7 days 1 hour
    context = open_context(browser)
    office = context.new_page()
    sign_in(office, town, TAIHE_OFFICE, clock_shift=shift)  # the old session idled out
    office.goto(point_url)
    office.get_by_role("button", name="确认生效").click()
    expect(office.locator(".title")).to_contain_text("已生效")
    expect(office.locator(".el-message")).to_have_count(0)  # toasts fade in and out
    accessible(office, "chain-03-town-in-force")
    context.close()

    # 7. On Kafka: every step, with who (the district's and the town's facts on shared topics).
    intake = facts_on_kafka(district, "intake")
    kinds = [t.rsplit(".", 2)[-2] for t, _ in intake]
    assert {"InformationForwarded", "InformationAcknowledged", "RiskReported"} <= set(kinds)
    forwarded = next(d for t, d in intake if t.endswith("InformationForwarded.v1"))
    assert forwarded["to_node_id"] == "town-taihe"
    assert PETITIONER not in str(intake)  # 保护举报人: never on a topic
    register = facts_on_kafka(district, "register")
    made = next(d for t, d in register if t.endswith("JudgementMade.v1"))
    assert {s["user_id"] for s in made["signed_by"]} == {j.user_id for j in TAIHE_JUDGES}
    point = str(made["risk_point_id"])
    assert point == chain.point_id  # the judgement re-graded the point in force
    mine = [(t.rsplit(".", 2)[-2], d) for t, d in register if d.get("risk_point_id") == point]
    through = ["RiskGraded", "RiskPointApproved", "RiskPointPublished", "RiskPointInForce"]
    assert [k for k, _ in mine if k in through] == through * 2, [k for k, _ in mine]
    first, again = [d for k, d in mine if k == "RiskGraded"]
    assert (first["grade"], first["source"]) == ("low", "identification")
    assert (again["grade"], again["previous_grade"]) == ("medium", "low")
    assert again["source"] == "judgement"
    assert again["judgement_id"] == made["judgement_id"]
