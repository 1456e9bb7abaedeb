"""信息收集 and 研判 in a real browser, one role at a time, against the real district node.

An information officer 信息员 files a petition on a phone: the identity fields are marked 保密,
a refusal shows on the field it concerns, and once filed the identity is never shown again —
not on the officer's case page. The custodian 举报人信息保管员 signs in with 动态口令 and opens the
identity with a reason; the opening is recorded with who, when and why (Art. 22). The district's
研判小组 verifies the officer's report, a member proposes a judgement, withdraws it with a
reason, proposes it again, and the other two sign it: the judgement is the group's (Art. 25),
on Kafka. The office screens: its list by status, a case about a village of 太和镇 forwarded
down and chased 催办, another transferred to the discipline authority 移送纪检监察机关 (Art. 24),
the duties and breaches page (Art. 23). The office keeps its 信息员 roster (appoint, refuse on
the field, relieve with a reason: Art. 22) and sets a unit's reporting duty (Art. 23); the list
is read from the server a page at a time. A citizen reports on the public page from a phone,
without signing in: the report reaches the office's 工作台, the office asks, the citizen answers
with the receipt code and sees the status; a 社会评议 code answers once (Art. 22, 30(5)). Every
screen is photographed and checked by axe-core.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import httpx
import pytest
from playwright.sync_api import expect

from lianfang.demo_chain import VERIFICATION
from lianfang.demo_register import RegisterDemo
from shared.auth import Role
from tests.browser.flows import accessible, facts_on_kafka, sign_in
from tests.browser.intake_support import (
    JUDGE2,
    JUDGE3,
    appoint_group,
    appoint_officer,
    as_office,
    everyone_of_the_district,
    serve_node,
)
from tests.browser.people import CUSTODIAN, JUDGE, OFFICE, OFFICER, Person
from tests.browser.support import PHONE_SCREEN, open_context, require_built_console
from tests.e2e.conftest import Node
from tests.support.tokens import issuer

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser, Page

    from lianfang.kafka_acl import Provisioner
    from tests.browser.conftest import Stack

# Two cores shared by eight helpers: a screen's code may take more than the default 5 s to load.
expect.set_options(timeout=15_000)

PETITIONER = "钱举报"
PETITION = "反映市场监管所执法人员接受商户宴请后减轻处罚"
REPORT = "市场监督管理局行政处罚自由裁量标准执行不一致"
VILLAGE_CASE = "反映村集体土地发包未经村民代表会议表决"
CITIZEN_REPORT = "网上举报：区市场监督管理局办证窗口收取费用不开收据，多人反映"
CITIZEN_QUESTION = "请问收费发生的大致时间和每次金额？"
CITIZEN_ANSWER = "2026年11月，每次收取200元现金"
SURVEY_TITLE = "教育局扫码社会评议（浏览器测试）"


@pytest.fixture(scope="module")
def stack(
    kafka_provisioner: Provisioner, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stack]:
    """The district node with its console, three judges in its 研判小组 and the officer
    appointed for the whole district (the office's set-up, over HTTP)."""
    require_built_console()
    node = Node(kafka_provisioner, tmp_path_factory.mktemp("intake"))
    try:
        served = serve_node(node, everyone_of_the_district(), RegisterDemo())
        appoint_officer(served, OFFICER, ["QX"])
        appoint_group(served, "QX", [JUDGE, JUDGE2, JUDGE3])
        yield served
    finally:
        node.stop_all()


def judge_unfounded(stack: Stack, information_id: str) -> None:
    """The district's 研判小组 verifies the case and judges it unfounded; the other two sign."""
    minter = issuer().for_audience(stack.node.node_id)

    def as_judge(judge: Person) -> dict[str, str]:
        return {"Authorization": f"Bearer {minter.mint(judge.user_id, [Role.JUDGE], 'QX')}"}

    case = f"{stack.register_url}/information/{information_id}"
    for _ in range(60):  # the register takes the report in from Kafka
        if httpx.get(case, headers=as_judge(JUDGE), timeout=10).status_code == 200:
            break
        time.sleep(0.5)
    steps = [
        (f"{case}/verification", JUDGE, VERIFICATION),
        (
            f"{case}/judgement",
            JUDGE,
            {"verdict": "unfounded", "reasoning": "收费有票据可查，不属实"},
        ),
        (f"{case}/judgement/sign-off", JUDGE2, None),
        (f"{case}/judgement/sign-off", JUDGE3, None),
    ]
    for url, judge, body in steps:
        answer = httpx.post(url, json=body, headers=as_judge(judge), timeout=10)
        assert answer.is_success, answer.text


def choose(page: Page, combobox: str, option: str) -> None:
    page.locator(".el-select", has=page.get_by_role("combobox", name=combobox)).click()
    page.get_by_role("option", name=option).click()


def test_an_officer_files_a_petition_on_a_phone_and_never_sees_the_identity_again(
    browser: Browser, stack: Stack
) -> None:
    context = open_context(browser, PHONE_SCREEN, phone=True)
    phone = context.new_page()
    sign_in(phone, stack, OFFICER)
    phone.goto(f"{stack.console_url}/intake/new")
    expect(phone.get_by_role("heading", name="报送廉政风险信息")).to_be_visible()
    expect(phone.get_by_text("保密", exact=True)).to_be_visible()  # a petition by default
    choose(phone, "被反映单位", "清新区市场监督管理局")
    phone.get_by_label("举报人姓名").fill(PETITIONER)
    phone.get_by_label("举报人联系方式").fill("13800000000")
    phone.get_by_role("button", name="报送").click()  # no source reference, no summary
    summary_item = phone.locator(".el-form-item", has=phone.get_by_label("反映的问题"))
    expect(summary_item.locator(".el-form-item__error")).to_have_text("不能为空")
    assert phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    accessible(phone, "intake-01-file-phone-refused")

    phone.get_by_label("来源编号").fill("XF-2026-1202")
    phone.get_by_label("反映的问题").fill(PETITION)
    phone.get_by_role("button", name="报送").click()
    expect(phone.get_by_text("信息已报送")).to_be_visible()
    expect(phone.get_by_text("本级直接处理")).to_be_visible()
    accessible(phone, "intake-02-filed-phone")
    phone.get_by_role("link", name="查看信息详情").click()
    expect(phone.get_by_text(PETITION).first).to_be_visible()
    expect(phone.get_by_text("举报人信息保密")).to_be_visible()
    expect(phone.get_by_text("报送登记")).to_be_visible()  # the timeline
    assert PETITIONER not in phone.content()
    context.close()


def test_an_officer_files_a_report_at_the_office_screen(page: Page, stack: Stack) -> None:
    sign_in(page, stack, OFFICER)
    page.click("nav[aria-label=主菜单] >> text=信息收集")
    expect(page.get_by_role("link", name=PETITION)).to_be_visible()  # what the officer filed
    accessible(page, "intake-03-officer-list")
    page.click("nav[aria-label=信息收集] >> text=报送信息")
    page.get_by_role("radiogroup", name="信息来源渠道").get_by_text("信息员报告").click()
    expect(page.get_by_text("保密", exact=True)).to_be_hidden()  # no petitioner on this channel
    choose(page, "被反映单位", "清新区市场监督管理局")
    page.get_by_label("来源编号").fill("XXY-2026-0031")
    page.get_by_label("反映的问题").fill(REPORT)
    page.get_by_label("涉及岗位").fill("执法稽查股")
    accessible(page, "intake-04-file-report")
    page.get_by_role("button", name="报送").click()
    expect(page.get_by_text("信息已报送")).to_be_visible()


def test_the_custodian_opens_the_identity_with_a_reason_and_it_is_recorded(
    page: Page, stack: Stack
) -> None:
    sign_in(page, stack, CUSTODIAN)
    page.click("nav[aria-label=主菜单] >> text=信息收集")
    expect(page.get_by_role("link", name=REPORT)).to_be_hidden()  # no protected source
    page.get_by_role("link", name=PETITION).click()
    expect(page.get_by_role("heading", name="举报人信息（保密）")).to_be_visible()
    assert PETITIONER not in page.content()
    page.get_by_role("button", name="查阅举报人信息").click()
    dialog = page.get_by_role("dialog", name="查阅举报人信息")
    dialog.get_by_role("button", name="确认查阅").click()  # no reason
    expect(dialog.locator(".el-form-item__error")).to_have_text("不能为空")
    dialog.get_by_label("查阅事由").fill("核实需联系举报人补充宴请时间地点")
    dialog.get_by_role("button", name="确认查阅").click()
    identity = page.get_by_label("举报人信息", exact=True)
    expect(identity).to_contain_text(PETITIONER)
    expect(identity).to_contain_text("13800000000")
    records = page.get_by_label("举报人信息查阅记录")
    expect(records).to_contain_text("核实需联系举报人补充宴请时间地点")
    expect(records).to_contain_text(CUSTODIAN.user_id)
    accessible(page, "intake-05-custodian-reveal")
    page.reload()  # the identity was shown once, for this opening only
    expect(page.get_by_role("button", name="查阅举报人信息")).to_be_visible()
    assert PETITIONER not in page.content()


def test_the_judgement_group_verifies_proposes_withdraws_and_signs(
    browser: Browser, page: Page, stack: Stack
) -> None:
    sign_in(page, stack, JUDGE)
    page.click("nav[aria-label=主菜单] >> text=研判")
    expect(page.get_by_role("heading", name="研判")).to_be_visible()
    # The case by its address: its id is random (issue #17), so it is read from what intake
    # published about the reference filed above; the register takes the report in from Kafka,
    # so the page is reloaded until it is there.
    case = next(
        data["information_id"]
        for _, data in facts_on_kafka(stack, "intake")
        if data.get("source_reference") == "XXY-2026-0031"
    )
    page.goto(f"{stack.console_url}/judgement/{case}")
    for _ in range(30):
        if page.get_by_text(REPORT).first.is_visible():
            break
        page.wait_for_timeout(1000)
        page.reload()
    expect(page.get_by_role("heading", name="核实与研判")).to_be_visible()
    page.get_by_label("核实内容").fill("调取2026年行政处罚案卷\n询问执法稽查股人员")
    page.get_by_label("核实情况").fill("同类违法行为处罚幅度差异较大")
    page.get_by_role("button", name="记录核实").click()
    expect(page.get_by_text("核实情况：同类违法行为处罚幅度差异较大")).to_be_visible()

    page.get_by_role("button", name="提出研判意见").click()  # no reasoning, no description
    expect(page.locator(".el-form-item", has=page.get_by_label("研判意见", exact=True)).locator(
        ".el-form-item__error")).to_have_text("不能为空")  # fmt: skip
    page.get_by_label("研判意见", exact=True).fill("自由裁量执行不一致，属苗头性问题")
    page.get_by_label("风险描述").fill("行政处罚自由裁量权行使不规范")
    page.get_by_role("radiogroup", name="腐败发生概率").get_by_text("2").click()
    page.get_by_role("radiogroup", name="危害程度").get_by_text("2").click()
    expect(page.locator(".preview")).to_contain_text("黄色预警")
    choose(page, "管理责任领导", "u-sj-head")  # a new point names its responsible leader
    accessible(page, "judgement-01-propose")
    page.get_by_role("button", name="提出研判意见").click()
    expect(page.get_by_role("heading", name="研判意见（待签署：已签 1 / 需 3）")).to_be_visible()

    page.get_by_role("button", name="撤回研判意见").click()
    dialog = page.get_by_role("dialog", name="撤回研判意见")
    dialog.get_by_label("撤回理由").fill("危害程度评分需再议")
    dialog.get_by_role("button", name="确认撤回").click()
    expect(page.get_by_role("heading", name="已撤回的研判意见")).to_be_visible()
    page.get_by_label("研判意见", exact=True).fill("自由裁量执行不一致，属苗头性问题，建议黄色预警")
    page.get_by_label("风险描述").fill("行政处罚自由裁量权行使不规范")
    page.get_by_role("button", name="提出研判意见").click()
    expect(page.get_by_role("heading", name="研判意见（待签署：已签 1 / 需 3）")).to_be_visible()
    case_url = page.url

    for member in (JUDGE2, JUDGE3):
        context = open_context(browser)
        other = context.new_page()
        sign_in(other, stack, member)
        other.goto(case_url)
        other.get_by_role("button", name="签署研判意见").click()
        if member is JUDGE2:
            two = other.get_by_role("heading", name="研判意见（待签署：已签 2 / 需 3）")
            expect(two).to_be_visible()
            accessible(other, "judgement-02-sign")
        else:
            expect(other.get_by_role("heading", name="研判结论（已生效）")).to_be_visible()
        context.close()
    page.reload()
    expect(page.get_by_role("heading", name="研判结论（已生效）")).to_be_visible()
    expect(page.get_by_text("苗头性、倾向性问题").first).to_be_visible()
    accessible(page, "judgement-03-made")

    made = [d for t, d in facts_on_kafka(stack, "register") if t.endswith("JudgementMade.v1")]
    assert len(made) == 1
    assert {s["user_id"] for s in made[0]["signed_by"]} == {
        JUDGE.user_id, JUDGE2.user_id, JUDGE3.user_id,
    }  # fmt: skip


def test_the_office_screens_routes_and_tracks(page: Page, stack: Stack) -> None:
    sign_in(page, stack, OFFICE)
    page.click("nav[aria-label=主菜单] >> text=信息收集")
    expect(page.get_by_role("link", name=PETITION)).to_be_visible()
    expect(page.get_by_role("link", name=REPORT)).to_be_visible()
    accessible(page, "intake-06-office-list")

    # A matter of a village that 太和镇 manages: forwarded down, tracked, chased (Art. 24).
    page.click("nav[aria-label=信息收集] >> text=报送信息")
    page.get_by_role("radiogroup", name="信息来源渠道").get_by_text("监督检查").click()
    choose(page, "被反映单位", "太和镇第一村民委员会（示例）")
    expect(page.get_by_text("报送后将按“谁主管、谁负责”批转")).to_be_visible()
    page.get_by_label("来源编号").fill("JC-2026-0007")
    page.get_by_label("反映的问题").fill(VILLAGE_CASE)
    page.get_by_role("button", name="报送").click()
    expect(page.get_by_text("批转下级")).to_be_visible()
    expect(page.locator(".routing")).to_contain_text("批转下级")
    page.get_by_role("link", name="查看信息详情").click()
    expect(page.get_by_role("heading", name="跟踪督办（批转太和镇）")).to_be_visible()
    page.get_by_role("button", name="催办").click()
    prompt = page.get_by_role("dialog", name="催办")
    prompt.locator("textarea").fill("请于三日内报告处理情况")
    prompt.get_by_role("button", name="提交").click()
    expect(page.get_by_text("催办 1 次")).to_be_visible()
    expect(page.get_by_text("请于三日内报告处理情况")).to_be_visible()  # on the timeline
    accessible(page, "intake-07-forward-tracked")

    # The petition goes to the discipline authority, with the reason (Art. 24).
    page.click("nav[aria-label=信息收集] >> text=信息列表")
    page.get_by_role("radiogroup", name="处理状态").get_by_text("批转下级").click()
    expect(page.locator(".el-table__body tr")).to_have_count(1)
    page.get_by_role("radiogroup", name="处理状态").get_by_text("本级直接处理").click()
    page.get_by_role("link", name=PETITION).click()
    page.get_by_role("button", name="移送纪检监察机关").click()
    prompt = page.get_by_role("dialog", name="移送纪检监察机关")
    prompt.locator("textarea").fill("涉嫌违纪，依规移送")
    prompt.get_by_role("button", name="提交").click()
    expect(page.get_by_text("涉嫌违纪，依规移送").first).to_be_visible()
    expect(page.locator(".title")).to_contain_text("纪检监察机关")
    accessible(page, "intake-08-case-transferred")

    page.click("nav[aria-label=信息收集] >> text=报告义务与违规")
    expect(page.get_by_role("heading", name="各单位报送情况")).to_be_visible()
    accessible(page, "intake-09-duties")

    kinds = {t.rsplit(".", 2)[-2] for t, _ in facts_on_kafka(stack, "intake")}
    assert {"RiskReported", "InformationForwarded", "InformationTransferred"} <= kinds


def test_a_citizen_reports_online_the_office_asks_and_the_citizen_answers(
    browser: Browser, page: Page, stack: Stack
) -> None:
    """网上举报 (Art. 22): no sign-in, on a phone; the receipt code follows the case (Art. 24)."""
    context = open_context(browser, PHONE_SCREEN, phone=True)
    phone = context.new_page()
    phone.goto(f"{stack.console_url}/p/report")
    phone.wait_for_selector("[data-ready=true]")
    phone.select_option("#pub_unit", "QX-SJ")
    phone.get_by_label("反映的问题").fill("太短")
    phone.get_by_role("button", name="提交举报").click()
    expect(phone.get_by_text("请至少写 10 个字")).to_be_visible()
    phone.get_by_label("反映的问题").fill(CITIZEN_REPORT)
    phone.get_by_label("姓名").fill("孙群众")
    phone.get_by_label("联系方式").fill("13900002222")
    accessible(phone, "public-01-report-form-phone")
    phone.get_by_role("button", name="提交举报").click()
    receipt = phone.locator("[data-test=receipt-code]")
    expect(receipt).to_have_text(re.compile(r"^[A-Z2-7]{4}(-[A-Z2-7]{4}){5}$"))
    code = receipt.inner_text()
    accessible(phone, "public-02-receipt-phone")
    assert context.cookies() == []  # no tracking: the public pages set no cookie

    # The district office finds it on its 工作台, to screen (Art. 24), and asks from the case page.
    sign_in(page, stack, OFFICE)
    todo = page.locator(".todo-table tr", has_text=CITIZEN_REPORT)
    expect(todo).to_contain_text("网上举报待筛选")
    accessible(page, "public-03-office-workbench")
    todo.get_by_role("button", name="去办理").click()
    expect(page.get_by_role("heading", name=re.compile("与举报人沟通"))).to_be_visible()
    expect(page.get_by_text("举报人信息保密")).to_be_visible()
    page.get_by_label("向举报人提问").fill(CITIZEN_QUESTION)
    page.get_by_role("button", name="发送提问").click()
    expect(page.get_by_text("待举报人回答")).to_be_visible()
    assert "孙群众" not in page.content()  # the identity stays sealed on the office's page
    accessible(page, "public-04-office-asks")

    # The citizen answers with the receipt code and sees the status, nothing of the routing.
    phone.get_by_role("navigation", name="公众服务").get_by_role("link", name="查询进度").click()
    phone.get_by_label("查询码").fill(code.lower())
    phone.get_by_role("button", name="查询").click()
    expect(phone.locator("[data-test=public-status]")).to_have_text("办理中")
    expect(phone.get_by_text(CITIZEN_QUESTION)).to_be_visible()
    phone.get_by_label("回答第 1 个问题").fill(CITIZEN_ANSWER)
    phone.get_by_role("button", name="提交回答").click()
    expect(phone.get_by_text(f"您的回答：{CITIZEN_ANSWER}")).to_be_visible()
    assert "市场监督管理局" not in phone.locator(".result").inner_text()  # no unit names
    accessible(phone, "public-05-track-answered-phone")
    page.reload()
    expect(page.locator("[data-test=citizen-answer]")).to_contain_text(CITIZEN_ANSWER)

    # The district's 研判小组 judges the case (over the register's API; its screens are tested
    # above): the same code now shows it concluded 已办结 (Art. 25, 22).
    match = re.search(r"/intake/cases/([0-9a-f-]{36})", page.url)
    assert match is not None, page.url
    judge_unfounded(stack, match.group(1))
    status = phone.locator("[data-test=public-status]")
    for _ in range(30):  # the judgement reaches intake over Kafka
        phone.get_by_role("button", name="查询").click()
        phone.wait_for_timeout(1000)
        if status.inner_text() == "已办结":
            break
    expect(status).to_have_text("已办结")
    accessible(phone, "public-05b-track-concluded-phone")

    # Filing is rate-limited per address: five an hour, then 429 with Retry-After, said plainly.
    phone.goto(f"{stack.console_url}/p/report")
    phone.wait_for_selector("[data-ready=true]")
    statuses = phone.evaluate(
        """async () => { const out = [];
          for (let i = 0; i < 4; i++) {
            const r = await fetch('/api/public/reports', {method: 'POST',
              headers: {'Content-Type': 'application/json'},
              body: JSON.stringify({unit_code: 'QX-SJ',
                                    summary: '限流测试：第' + i + '件重复提交的举报'})});
            out.push(r.status);
          } return out; }"""
    )
    assert statuses == [201, 201, 201, 201]
    phone.select_option("#pub_unit", "QX-SJ")
    phone.get_by_label("反映的问题").fill("第六件举报：同一地址一小时内超过五件")
    with phone.expect_response(lambda r: r.url.endswith("/api/public/reports")) as refused:
        phone.get_by_role("button", name="提交举报").click()
    assert refused.value.status == 429
    assert int(refused.value.headers["retry-after"]) > 0
    expect(phone.get_by_text(re.compile(r"提交过于频繁，请约 \d+ 分钟后再试"))).to_be_visible()
    accessible(phone, "public-06-rate-limited-phone")
    context.close()

    facts = [d for t, d in facts_on_kafka(stack, "intake") if t.endswith("RiskReported.v1")]
    reported = [d for d in facts if d.get("summary") == CITIZEN_REPORT]
    assert len(reported) == 1
    assert reported[0]["channel"] == "petition"
    on_topic = str(facts)
    assert "孙群众" not in on_topic
    assert "13900002222" not in on_topic
    assert code.replace("-", "") not in on_topic


def test_a_survey_code_answers_once_then_is_refused(
    browser: Browser, page: Page, stack: Stack
) -> None:
    """社会评议 by a one-time QR code (Art. 30(5)): printed by the office, used once."""
    office = as_office(stack, "QX", "u-setup-office")
    questions = [{"id": "q1", "text": "办事是否廉洁"}, {"id": "q2", "text": "服务是否满意"}]
    body = {"unit_code": "QX-JY", "title": SURVEY_TITLE, "questions": questions}
    opened = httpx.post(f"{stack.service_urls['assessment']}/surveys", json=body, headers=office)
    assert opened.status_code == 201, opened.text
    round_id = opened.json()["id"]

    sign_in(page, stack, OFFICE)
    page.goto(f"{stack.console_url}/assessment/surveys")
    row = page.locator(".el-table__row", has_text=SURVEY_TITLE)
    row.get_by_role("button", name="发放评议码").click()
    dialog = page.get_by_role("dialog", name="发放评议码（扫码评议）")
    dialog.get_by_role("spinbutton").fill("2")
    dialog.get_by_role("button", name="生成").click()
    sheet = page.locator("[data-test=code-sheet]")
    expect(sheet.locator("svg")).to_have_count(2)
    accessible(page, "public-07-survey-code-sheet")
    link = sheet.locator("[data-test=code-link]").first.inner_text()
    assert link.startswith(f"{stack.console_url}/p/survey/{round_id}#")

    context = open_context(browser, PHONE_SCREEN, phone=True)
    phone = context.new_page()
    phone.goto(link)
    expect(phone.get_by_role("heading", name=SURVEY_TITLE)).to_be_visible()
    phone.get_by_role("group", name="1. 办事是否廉洁").get_by_label("很满意").check()
    phone.get_by_role("group", name="2. 服务是否满意").get_by_label("满意", exact=True).check()
    accessible(phone, "public-08-survey-phone")
    phone.get_by_role("button", name="提交评议").click()
    expect(phone.locator("[data-test=survey-done]")).to_be_visible()
    phone.goto("about:blank")
    phone.goto(link)
    expect(phone.locator("[data-test=survey-problem]")).to_contain_text("该评议码已使用")
    accessible(phone, "public-09-survey-code-used-phone")
    assert context.cookies() == []
    context.close()

    shown = httpx.get(f"{stack.service_urls['assessment']}/surveys/{round_id}", headers=office)
    assert (shown.json()["responses"], shown.json()["score"]) == (1, 0.875)


def pick_in_dialog(page: Page, dialog_name: str, combobox: str, option: str) -> None:
    """Choose an option of a select inside a dialog, then close its drop-down (by its title)."""
    dialog = page.get_by_role("dialog", name=dialog_name)
    dialog.locator(".el-select", has=page.get_by_role("combobox", name=combobox)).click()
    page.get_by_role("option", name=option, exact=True).click()
    dialog.locator(".el-dialog__title").click()


@pytest.mark.timeout(600)  # the module's last test: the node's stop is counted in it too
def test_the_office_keeps_the_roster_sets_a_duty_and_pages_the_list(
    page: Page, stack: Stack
) -> None:
    sign_in(page, stack, OFFICE)
    page.goto(f"{stack.console_url}/intake")
    page.click("nav[aria-label=信息收集] >> text=信息员名册")
    expect(page.get_by_role("heading", name="信息员名册")).to_be_visible()
    roster = page.get_by_test_id("officers")
    expect(roster).to_contain_text(OFFICER.name)  # appointed by the set-up

    # 聘任 (Art. 22): a refusal on the field it concerns, then the appointment.
    page.get_by_role("button", name="聘任信息员").click()
    title = "聘任信息员（第二十二条）"
    dialog = page.get_by_role("dialog", name=title)
    dialog.get_by_label("账号（用户名）").fill("u-th-sun")
    pick_in_dialog(page, title, "联系单位", "太和镇")
    dialog.get_by_role("button", name="聘任").click()
    name_item = dialog.locator(".el-form-item", has=page.get_by_label("姓名", exact=True))
    expect(name_item.locator(".el-form-item__error")).to_have_text("不能为空")
    dialog.get_by_label("姓名", exact=True).fill("孙联络")
    dialog.get_by_text("外聘信息员").click()
    accessible(page, "intake-10-appoint-officer")
    dialog.get_by_role("button", name="聘任").click()
    expect(dialog).to_be_hidden()
    sun = roster.locator("tr", has_text="孙联络")
    expect(sun).to_contain_text("外聘信息员")
    expect(sun).to_contain_text("太和镇")
    expect(sun).to_contain_text("在聘")
    accessible(page, "intake-11-roster")

    # 解聘 with a reason: the officer stays on the roster, no longer active.
    sun.get_by_role("button", name="解聘").click()
    prompt = page.get_by_role("dialog", name="解聘信息员")
    prompt.locator("textarea").fill("本人申请辞去信息员")
    prompt.get_by_role("button", name="解聘").click()
    expect(sun).to_contain_text("未在聘")
    expect(sun.get_by_role("button", name="解聘")).to_be_hidden()

    # 设定报告义务 (Art. 23) for a unit of the district.
    page.click("nav[aria-label=信息收集] >> text=报告义务与违规")
    page.get_by_role("button", name="设定报告义务").click()
    title = "设定报告义务（第二十三条）"
    dialog = page.get_by_role("dialog", name=title)
    pick_in_dialog(page, title, "报告单位", "清新区教育局")
    dialog.get_by_label("义务名称").fill("教育局季度廉政风险信息报告")
    dialog.locator(".el-select", has=page.get_by_role("combobox", name="报告周期")).click()
    page.get_by_role("option", name="每季度", exact=True).click()
    accessible(page, "intake-12-define-duty")
    dialog.get_by_role("button", name="设定").click()
    expect(dialog).to_be_hidden()
    duty = page.get_by_test_id("duties").locator("tr", has_text="教育局季度廉政风险信息报告")
    expect(duty).to_contain_text("清新区教育局")
    expect(duty).to_contain_text("定期（每季度）")
    expect(duty).to_contain_text("10 天内")

    # Twenty-one shared-data leads, filed over HTTP: the list shows twenty, newest first, and
    # asks the server for the next page (docs/paging.md).
    office = as_office(stack, "QX", "u-setup-office")
    for n in range(1, 22):
        lead = {"channel": "data_sharing", "source_reference": f"GX-PAGE-{n:02d}",
                "unit_code": "QX-JY", "summary": f"共享数据比对线索第{n:02d}条",
                "learned_at": (datetime.now(UTC) - timedelta(hours=1)).isoformat()}  # fmt: skip
        filed = httpx.post(f"{stack.service_urls['intake']}/information", json=lead,
                           headers=office)  # fmt: skip
        assert filed.status_code == 201, filed.text
    page.click("nav[aria-label=信息收集] >> text=信息列表")
    page.locator(".el-select", has=page.get_by_role("combobox", name="信息来源渠道")).click()
    page.get_by_role("option", name="资源共享", exact=True).click()
    cases = page.get_by_test_id("cases")
    expect(cases.get_by_role("link", name="共享数据比对线索第21条")).to_be_visible()
    expect(cases.locator(".el-table__body tr")).to_have_count(20)
    expect(cases.get_by_role("link", name="共享数据比对线索第01条")).to_be_hidden()
    expect(page.get_by_text("第 1 页")).to_be_visible()
    accessible(page, "intake-13-list-paged")
    page.get_by_role("button", name="下一页").click()
    expect(page.get_by_text("第 2 页")).to_be_visible()
    expect(cases.get_by_role("link", name="共享数据比对线索第01条")).to_be_visible()
    expect(cases.get_by_role("link", name="共享数据比对线索第21条")).to_be_hidden()
    page.get_by_role("button", name="上一页").click()
    expect(cases.get_by_role("link", name="共享数据比对线索第21条")).to_be_visible()

    # The roster as the service keeps it (its events stay in intake's store, not on a topic).
    officers = httpx.get(f"{stack.service_urls['intake']}/officers", headers=office).json()
    [kept] = [o for o in officers if o["user_id"] == "u-th-sun"]
    assert (kept["name"], kept["kind"]) == ("孙联络", "external")
    assert [p["units"] for p in kept["periods"]] == [["QX-TH"]]
    assert kept["periods"][0]["end"] is not None  # relieved
