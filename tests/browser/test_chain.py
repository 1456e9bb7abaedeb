"""The chain entirely in the browser, across two nodes on one Kafka (Art. 22, 24, 25, 14, 10).

A petition is filed at the district's console about 太和镇规划建设办公室, which 太和镇's node
manages: it is forwarded 批转 down (谁主管、谁负责, Art. 24) and the district tracks it. On 太和镇's
own console the town's 研判小组 verifies it, one member proposes the judgement — an incipient
tendency on a newly found risk point, graded from its four factors (Art. 14, 25) — and the other
two sign it; the unit's leadership votes the grade through (集体审定, Art. 14) and the town's office
publishes the point (公示, Art. 10). Everything is then checked on Kafka: the forward, the town's
receipt, the report taken in at the town, the judgement with its three signatures, the grading,
the approval and the publication.

In force 生效 is the one step the browser cannot reach here: it needs the publication period
(at least one calendar day, Art. 10) to be over and the grade's measures chosen; the wall clock
the processes run on does not move a day in a test.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from lianfang.demo_register import RegisterDemo
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
from tests.browser.support import open_context, require_built_console
from tests.e2e.conftest import Node

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser, Page

    from lianfang.kafka_acl import Provisioner
    from tests.browser.conftest import Stack

PETITION = "反映太和镇规划建设办公室踏勘人员收受建房户好处费后出具通过意见"
# Two cores shared by eight helpers: a screen's code may take more than the default 5 s to load.
expect.set_options(timeout=15_000)

PETITIONER = "孙举报"
RISK = "农村建房现场踏勘由一人完成且无人复核"


@pytest.fixture(scope="module")
def nodes(
    kafka_provisioner: Provisioner, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Stack, Stack]]:
    """The district's node and 太和镇's (town-taihe, root 太和镇), each with its console, on the
    same Kafka and topics; the town's 研判小组 appointed by its office."""
    require_built_console()
    root = tmp_path_factory.mktemp("chain")
    district = Node(kafka_provisioner, root / "district")
    town = Node(kafka_provisioner, root / "taihe", district.prefix, "town-taihe", "QX-TH")
    try:
        district_stack = serve_node(district, everyone_of_the_district(), RegisterDemo())
        town_stack = serve_node(town, TAIHE_PEOPLE, RegisterDemo())
        appoint_group(town_stack, "QX-TH", TAIHE_JUDGES)
        yield district_stack, town_stack
    finally:
        town.stop_all()
        district.stop_all()


def reload_until(page: Page, what: str, tries: int = 40) -> None:
    """Reload until `what` is shown: a fact still on its way over Kafka between nodes."""
    for _ in range(tries):
        if page.get_by_text(what).first.is_visible():
            return
        page.wait_for_timeout(1000)
        page.reload()
    expect(page.get_by_text(what).first).to_be_visible()


def test_a_petition_goes_from_the_district_to_the_town_and_its_risk_is_voted_through(
    browser: Browser, page: Page, nodes: tuple[Stack, Stack]
) -> None:
    district, town = nodes

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
    sign_in(judge, town, TAIHE_JUDGES[0])
    judge.goto(f"{town.console_url}/judgement")
    reload_until(judge, PETITION)
    href = judge.get_by_role("link", name=PETITION).get_attribute("href")
    judge.goto(f"{town.console_url}{href}")  # (a click right after a reload may not navigate)
    judge.get_by_label("核实内容").fill("调取2026年农村建房踏勘记录\n询问建房户")
    judge.get_by_label("核实情况").fill("踏勘均由一人完成，复核签字缺失")
    judge.get_by_role("button", name="记录核实").click()
    expect(judge.get_by_text("核实情况：踏勘均由一人完成，复核签字缺失")).to_be_visible()
    judge.get_by_label("研判意见", exact=True).fill("踏勘无人复核，属苗头性问题，建议黄色预警")
    judge.get_by_label("风险描述").fill(RISK)
    judge.get_by_role("radiogroup", name="腐败发生概率").get_by_text("2").click()
    judge.get_by_role("radiogroup", name="危害程度").get_by_text("2").click()
    judge.locator(".el-select", has=judge.get_by_role("combobox", name="管理责任领导")).click()
    judge.get_by_role("option", name=TAIHE_GHB_HEAD.user_id).click()
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

    # 4. The town's office publishes it (公示, Art. 10).
    context = open_context(browser)
    office = context.new_page()
    sign_in(office, town, TAIHE_OFFICE)
    office.goto(point_url)
    office.get_by_role("button", name="发布公示").click()
    expect(office.locator(".title")).to_contain_text("公示中")
    expect(office.get_by_text("公示期：")).to_be_visible()
    accessible(office, "chain-02-town-published")
    context.close()

    # 5. On Kafka: every step, with who (the district's and the town's facts on shared topics).
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
    steps = [t.rsplit(".", 2)[-2] for t, d in register if d.get("risk_point_id") == point]
    chain = ["RiskGraded", "RiskPointApproved", "RiskPointPublished"]
    assert [s for s in steps if s in chain] == chain, steps
