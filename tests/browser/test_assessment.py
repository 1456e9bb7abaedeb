"""考核评估 in a real browser against the real district node (Art. 8, 30, 31).

The assessment demo (lianfang/demo_assessment.py) is recorded over the service's API: the annual
self-inspections tasked (教育局 done, 卫健局 not), an internal inspection of 卫健局 with two
findings, 明察暗访 of 财政局, a survey round of 教育局 with three anonymous answers, a
commendation and an accountability finding, and the three units' year scored (教育局's result
published). The district's 预防腐败室 then sees the ranking and downloads its CSV and XLSX, opens
教育局's scorecard — a chart of each component against its maximum — and drills into the events
behind a component's points (the same references as the service's explanation); it reads the
inspections and records a finding (a refusal shows on its field), the self-inspection tasks, the
survey rounds, the commendations and accountability. A bureau's leader sees its own subtree
only. Every screen is photographed and checked by axe-core.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import httpx
import pytest
from playwright.sync_api import expect

from lianfang.demo_assessment import load_assessment_demo
from shared.auth import Role
from shared.clock import BEIJING
from tests.browser.flows import accessible, sign_in
from tests.browser.people import OFFICE, SJ_HEAD
from tests.support.tokens import issuer

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.browser.conftest import Stack

YEAR = datetime.now(UTC).astimezone(BEIJING).year


@pytest.fixture(scope="module")
def scores(stack: Stack) -> dict[str, float]:
    """The assessment demo recorded; the scored totals by unit."""
    tokens = issuer().for_audience("district")
    return load_assessment_demo(stack.service_urls["assessment"], tokens)


def _explanation(stack: Stack, unit: str) -> list[dict[str, object]]:
    token = issuer().for_audience("district").mint("u-qx-office", [Role.OFFICE], "QX")
    answer = httpx.get(
        f"{stack.service_urls['assessment']}/assessments/{unit}/{YEAR}/explanation",
        headers={"Authorization": f"Bearer {token}"},
    )
    answer.raise_for_status()
    found: list[dict[str, object]] = answer.json()
    return found


@pytest.mark.timeout(600)  # the stack's start and the demo's records come first
def test_the_ranking_the_exports_and_a_scorecard_drilled_down_to_its_events(
    page: Page, stack: Stack, scores: dict[str, float]
) -> None:
    assert set(scores) == {"QX-JY", "QX-WJ", "QX-CZ"}
    sign_in(page, stack, OFFICE)
    page.get_by_role("menuitem", name="考核评估").click()
    expect(page).to_have_url(f"{stack.console_url}/assessment/ranking")
    rows = page.locator(".el-table__body-wrapper .el-table__row")
    expect(rows).to_have_count(3)
    best = max(scores, key=lambda u: scores[u])
    names = {"QX-JY": "清新区教育局", "QX-WJ": "清新区卫生健康局", "QX-CZ": "清新区财政局"}
    expect(rows.first).to_contain_text(names[best])
    expect(rows.first).to_contain_text(f"{scores[best]:g}")
    accessible(page, "assess-01-ranking")

    # The service's exports, through the console's proxy with the office's session.
    csv_href = page.locator("[data-export=csv]").get_attribute("href")
    csv = page.request.get(f"{stack.console_url}{csv_href}")
    assert csv.ok
    assert "text/csv" in csv.headers["content-type"]
    assert "QX-JY" in csv.text()
    xlsx_href = page.locator("[data-export=xlsx]").get_attribute("href")
    xlsx = page.request.get(f"{stack.console_url}{xlsx_href}")
    assert xlsx.ok
    assert xlsx.body().startswith(b"PK")  # an Office Open XML workbook (a zip)

    # 教育局's scorecard: the chart, then the events behind its social evaluation's points.
    page.get_by_role("link", name="清新区教育局").click()
    expect(page.locator("h1")).to_contain_text(f"清新区教育局 · {YEAR} 年度考核评分表")
    expect(page.locator("canvas").first).to_be_visible()
    page.get_by_role("button", name="社会评议").click()
    evidence = page.get_by_test_id("evidence")
    social = next(i for i in _explanation(stack, "QX-JY") if i["component"] == "social")
    refs = [str(e["ref"]) for e in social["evidence"]]  # type: ignore[attr-defined]
    assert refs
    for ref in refs:
        expect(evidence).to_contain_text(ref)
    expect(page.locator(".summary")).to_contain_text("已公布")
    accessible(page, "assess-02-scorecard")
    # 卫健局's was scored, not published: the office may publish it from here.
    page.goto(f"{stack.console_url}/assessment/QX-WJ/{YEAR}")
    expect(page.get_by_role("button", name="公布考核结果")).to_be_visible()
    page.get_by_role("button", name="责任追究").click()
    expect(page.get_by_test_id("evidence")).to_contain_text("-")
    accessible(page, "assess-03-scorecard-draft")


def test_inspections_self_inspections_surveys_and_recognitions(
    page: Page, stack: Stack, scores: dict[str, float]
) -> None:
    sign_in(page, stack, OFFICE)
    page.goto(f"{stack.console_url}/assessment/inspections?year={YEAR}")
    card = page.locator(".inspection", has_text="廉政风险防控检查")
    expect(card).to_contain_text("药品采购台账记录不完整")
    expect(card).to_contain_text("已补齐采购台账")
    expect(page.locator(".inspection", has_text="明察暗访")).to_contain_text("清新区财政局")
    accessible(page, "assess-04-inspections")

    visit = page.locator(".inspection", has_text="明察暗访")
    visit.get_by_role("button", name="记录发现").click()
    dialog = page.get_by_role("dialog", name="记录检查发现")
    dialog.get_by_role("button", name="记录").click()
    expect(dialog.locator(".el-form-item", has_text="发现的问题")).to_contain_text("不能为空")
    accessible(page, "assess-05-finding-refused")
    dialog.locator("#description").fill("办事指南未按规定公开收费依据")
    dialog.get_by_role("button", name="记录").click()
    expect(dialog).to_be_hidden()
    expect(visit).to_contain_text("办事指南未按规定公开收费依据")

    page.get_by_role("link", name="年度自查").click()
    rows = page.locator(".el-table__body-wrapper .el-table__row")
    expect(rows.filter(has_text="清新区教育局")).to_contain_text("完成")
    expect(rows.filter(has_text="清新区卫生健康局")).to_contain_text("未完成")
    accessible(page, "assess-06-self-inspections")

    page.get_by_role("link", name="社会评议").click()
    survey = page.locator(".el-table__row", has_text="教育系统社会评议")
    expect(survey).to_contain_text("清新区教育局")
    expect(survey).to_contain_text("结束")
    accessible(page, "assess-07-surveys")

    # A round run on paper: the office opens it and enters the returned questionnaires
    # (Art. 30(5)); a sheet's code answers the round once.
    title = f"卫健系统纸质评议 {datetime.now(UTC):%H%M%S}"
    page.get_by_role("button", name="开展评议").click()
    opening = page.get_by_role("dialog", name="开展社会评议")
    opening.locator(".el-select", has=page.get_by_role("combobox", name="被评议单位")).click()
    page.get_by_role("option", name="清新区卫生健康局", exact=True).click()
    opening.locator("#survey_title").fill(title)
    opening.locator("#questions").fill("窗口服务是否廉洁\n收费是否公开")
    opening.get_by_role("button", name="开始评议").click()
    expect(opening).to_be_hidden()
    paper_round = page.locator(".el-table__row", has_text=title)
    paper_round.get_by_role("button", name="录入纸质评议表").click()
    entry = page.get_by_role("dialog", name=f"录入纸质评议表：{title}")
    code_item = entry.locator(".el-form-item", has=page.locator("#paper_token"))
    entry.locator("#paper_token").fill("WJ-1")  # too short for a sheet's code
    entry.get_by_role("radiogroup", name="窗口服务是否廉洁").get_by_text("4 满意").click()
    entry.get_by_role("radiogroup", name="收费是否公开").get_by_text("5 很满意").click()
    entry.get_by_role("button", name="录入本份").click()
    expect(code_item.locator(".el-form-item__error")).to_have_text("至少 8 个字符")
    entry.locator("#paper_token").fill("WJ-2026-000101")
    accessible(page, "assess-07b-paper-entry")
    entry.get_by_role("button", name="录入本份").click()
    expect(entry.get_by_role("status")).to_contain_text("本次已录入 1 份")
    entry.locator("#paper_token").fill("WJ-2026-000101")  # the same sheet again
    entry.get_by_role("radiogroup", name="窗口服务是否廉洁").get_by_text("2 不满意").click()
    entry.get_by_role("radiogroup", name="收费是否公开").get_by_text("2 不满意").click()
    entry.get_by_role("button", name="录入本份").click()
    expect(entry.locator(".el-alert")).to_be_visible()  # the sheet was entered already (409)
    expect(entry.get_by_role("status")).to_contain_text("本次已录入 1 份")
    entry.get_by_role("button", name="完成").click()
    expect(paper_round.locator("td").nth(3)).to_have_text("1")  # 收回份数
    expect(paper_round.locator("td").nth(4)).to_have_text("87.5%")  # mean 4.5 on 1..5

    page.get_by_role("link", name="表彰与问责").click()
    table = page.locator(".el-table__body-wrapper")
    expect(table).to_contain_text("首创校舍维修工程全过程公开机制")
    expect(table).to_contain_text("采购验收环节失控")
    accessible(page, "assess-08-recognitions")


def test_a_bureau_leader_reads_its_own_subtree_only(
    page: Page, stack: Stack, scores: dict[str, float]
) -> None:
    sign_in(page, stack, SJ_HEAD)
    page.goto(f"{stack.console_url}/assessment/ranking")
    expect(page.locator(".el-table")).to_contain_text(f"{YEAR} 年度尚无已评分的单位")
    expect(page.get_by_role("button", name="登记检查")).to_have_count(0)
    accessible(page, "assess-09-leader-ranking")
    page.goto(f"{stack.console_url}/assessment/QX-JY/{YEAR}")
    refused = page.get_by_role("alert")
    # In Chinese for the official, the English after it (issue #16).
    expect(refused).to_contain_text("单位 QX-JY 不在您的管辖范围")
    expect(refused).to_contain_text("outside your jurisdiction")
    accessible(page, "assess-10-leader-refused-outside")
