"""预警处置 in a real browser against the real district node (Art. 26–29).

The demo case about 清新区市场监督管理局 is judged by the district's 研判小组 over the register's
API (the judgement forms are the 研判 screen's, lane intakeui): its new point is graded 低, so the
warning service proposes a yellow warning. From there everything happens in the browser: the
district's 预防腐败室 records the review meeting (a refusal shows on the field it concerns),
issues the 预警通知书 with the rectification due about a minute later, previews it, prints it and
downloads its PDF; the bureau's head reports the explanation and the analysis, the office verifies
them; the rectification's countdown turns red by itself when its deadline passes, and the service's
RectificationOverdue appears on the open page without a reload; the head reports it late, the
office verifies it and the warning is closed — WarningIssued, RectificationOverdue and
WarningClosed are on Kafka. The board, the overdue list and the dual-reporting inbox are seen by
the office and by the bureau's leader. Every screen is photographed and checked by axe-core.

The deadline watch runs every 2 s here (`LIANFANG_TICK_SECONDS`, the common setting the services'
timers take) instead of its default minute, so the overdue is recorded within seconds of the
deadline; the deadline itself is set in the issue form, as an office would.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from playwright.sync_api import expect

from lianfang.demo import CHAIN_CASE, load_demo
from lianfang.demo_chain import judge_case, wait_for_proposal
from shared.auth import Role
from shared.clock import BEIJING
from tests.browser.flows import accessible, facts_on_kafka, sign_in
from tests.browser.people import AUDITOR, OFFICE, SJ_HEAD
from tests.browser.support import open_context
from tests.support.tokens import issuer

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

    from tests.browser.conftest import Stack

SERVICE_ENV = {"warning": {"LIANFANG_TICK_SECONDS": "2"}}
BUREAU = "清新区市场监督管理局"
DUE_IN = timedelta(seconds=75)


@pytest.fixture(scope="module")
def proposal(stack: Stack) -> dict[str, Any]:
    """The demo case judged (over the register's API) and its yellow proposal at the warning
    service, awaiting the review meeting."""
    tokens = issuer().for_audience("district")
    ids = load_demo(stack.service_urls["intake"], tokens)
    assert judge_case(stack.register_url, tokens, ids[CHAIN_CASE]) is not None
    with httpx.Client(base_url=stack.service_urls["warning"], headers=_office(), timeout=10) as w:
        return wait_for_proposal(w)


def _office() -> dict[str, str]:
    token = issuer().for_audience("district").mint("u-qx-office", [Role.OFFICE], "QX")
    return {"Authorization": f"Bearer {token}"}


def _action_row(page: Page, kind: str) -> Locator:
    return page.locator(".actions tbody tr", has_text=kind)


def _report_documents(page: Page, kind: str, ref: str) -> None:
    _action_row(page, kind).get_by_role("button", name="报送").click()
    dialog = page.get_by_role("dialog", name="报送落实情况")
    dialog.locator("#document_refs").fill(ref)
    dialog.locator("#note").fill("已按要求完成并报送")
    dialog.get_by_role("button", name="报送").click()
    expect(dialog).to_be_hidden()
    expect(_action_row(page, kind)).to_contain_text("已报送，待核实")


def _verify(page: Page, kind: str) -> None:
    _action_row(page, kind).get_by_role("button", name="核实").click()
    dialog = page.get_by_role("dialog", name="核实落实情况")
    dialog.get_by_role("button", name="确定").click()
    expect(dialog).to_be_hidden()
    expect(_action_row(page, kind)).to_contain_text("已核实")


def _report_talk_over_api(stack: Stack, warning: dict[str, Any]) -> None:
    """The warning talk is the disposing body's (the district office's) to report; whoever
    reports may not verify (Art. 28), so another member of the office reports it here."""
    tokens = issuer().for_audience("district")
    clerk = {"Authorization": f"Bearer {tokens.mint('u-qx-clerk', [Role.OFFICE], 'QX')}"}
    talk = next(a for a in warning["actions"] if a["kind"] == "warning_talk")
    held = (datetime.now(UTC) - timedelta(minutes=5)).isoformat()
    with httpx.Client(base_url=stack.service_urls["warning"], headers=clerk, timeout=10) as w:
        path = f"/warnings/{warning['id']}/actions/{talk['action_id']}/reports"
        answer = w.post(path, json={"held_at": held, "participants": ["市场监管局局长 李某"]})
        assert answer.status_code == 201, answer.text


@pytest.mark.timeout(900)  # the stack's start, the judgement, and a deadline allowed to pass
def test_the_chain_from_the_meeting_to_a_closed_warning_with_an_overdue_turning_red(
    browser: Browser, stack: Stack, proposal: dict[str, Any]
) -> None:
    office_context = open_context(browser)
    page = office_context.new_page()
    sign_in(page, stack, OFFICE)
    page.get_by_role("menuitem", name="预警处置").click()
    expect(page).to_have_url(f"{stack.console_url}/warnings/board")
    page.get_by_role("link", name="处置建议与会议审核").click()
    row = page.locator(".el-table__row", has_text=BUREAU).first
    expect(row).to_contain_text("黄色预警")
    expect(row).to_contain_text("待会议审核")
    accessible(page, "warn-01-proposals")

    # The meeting's record: without attendees the server refuses, on that field.
    row.get_by_role("button", name="会议审核").click()
    review = page.get_by_role("dialog", name="专题会议审核")
    review.locator("#minutes_ref").fill("清新廉会〔2026〕5号")
    review.get_by_role("button", name="记录审核结果").click()
    expect(review.locator(".el-form-item", has_text="参会人员")).to_contain_text("至少 1 项")
    accessible(page, "warn-02-meeting-refused")
    review.locator("#attendees").fill("区纪委副书记 王某\n区预防腐败室主任 李某")
    review.get_by_role("button", name="记录审核结果").click()

    # The notice, its rectification due shortly (Beijing time, as the form says).
    issue = page.get_by_role("dialog", name="发出预警通知书")
    expect(issue).to_be_visible()
    due = datetime.now(UTC) + DUE_IN
    picker = issue.locator("input[placeholder='选择时限']")
    picker.click()
    picker.fill(f"{due.astimezone(BEIJING):%Y-%m-%d %H:%M:%S}")
    picker.press("Enter")
    # Element Plus gives the open picker's panel role=dialog without a name; the screen is judged
    # once it has closed (its leave transition can outlast the Enter).
    expect(page.locator(".el-picker__popper:visible")).to_have_count(0)
    accessible(page, "warn-03-issue")
    issue.get_by_role("button", name="发出预警通知书").click()
    page.wait_for_url(f"{stack.console_url}/warnings/*")
    expect(page.locator("h1")).to_contain_text("清新廉预〔")
    expect(page.locator("h1")).to_contain_text("处置中")
    warning_id = page.url.rsplit("/", 1)[1]
    rectification = _action_row(page, "限期整改")
    expect(rectification).to_contain_text("还剩")
    expect(rectification).to_contain_text("预警对象")
    expect(_action_row(page, "预警谈话")).to_contain_text("处置机关")
    accessible(page, "warn-04-warning")

    # The notice previewed in the page, printable, and as the service's PDF.
    page.get_by_role("tab", name="预警通知书").click()
    notice = page.get_by_test_id("notice")
    expect(notice.locator("h1")).to_contain_text("黄色预警通知书")
    expect(notice).to_contain_text(BUREAU)
    expect(page.get_by_role("button", name="打印预警通知书")).to_be_visible()
    accessible(page, "warn-05-notice")
    pdf = page.request.get(f"{stack.console_url}/api/warning/warnings/{warning_id}/notice.pdf")
    assert pdf.ok
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    page.emulate_media(media="print")
    page.evaluate("document.body.classList.add('lf-printing-notice')")
    page.screenshot(path="tests/browser/screenshots/warn-06-notice-print.png")
    page.evaluate("document.body.classList.remove('lf-printing-notice')")
    page.emulate_media(media="screen")
    page.get_by_role("tab", name="处置措施").click()

    # The bureau's head, in another browser, reports the warned unit's documents.
    head_context = open_context(browser)
    head = head_context.new_page()
    sign_in(head, stack, SJ_HEAD)
    head.goto(f"{stack.console_url}/warnings/{warning_id}")
    expect(head.locator("h1")).to_contain_text("清新廉预〔")
    expect(head.get_by_role("button", name="核实")).to_have_count(0)  # a leader is not the office
    _report_documents(head, "作出说明、分析原因", "市监说〔2026〕1号")
    _report_documents(head, "写出剖析材料", "市监剖〔2026〕1号")
    accessible(head, "warn-07-head-reported")
    with httpx.Client(headers=_office(), timeout=10) as w:
        warning = w.get(f"{stack.service_urls['warning']}/warnings/{warning_id}").json()
    _report_talk_over_api(stack, warning)

    # The office verifies what was reported (the page polls: the reports appear by themselves).
    for kind in ("作出说明、分析原因", "写出剖析材料", "预警谈话"):
        _verify(page, kind)

    # The rectification's deadline passes: red without a reload, then the service's record.
    left = max(0.0, (due - datetime.now(UTC)).total_seconds())
    expect(rectification.locator("[data-overdue=true]")).to_be_visible(timeout=(left + 15) * 1000)
    expect(rectification.locator(".lf-overdue").first).to_contain_text("已逾期")
    expect(rectification.locator(".overdue-recorded")).to_be_visible(timeout=30_000)
    accessible(page, "warn-08-overdue-red")
    page.get_by_role("link", name="预警台账").click()
    late = page.locator("tr.late[data-action=rectification]")
    expect(late).to_contain_text("逾期未整改")
    accessible(page, "warn-09-board")
    page.get_by_role("link", name="逾期未整改").click()
    expect(page.locator(".el-table__row", has_text="限期整改")).to_contain_text(BUREAU)
    accessible(page, "warn-10-overdue-list")

    # Reported late and verified: every action done, the warning is closed.
    head.reload()
    _report_documents(head, "限期整改", "市监整〔2026〕1号")
    page.goto(f"{stack.console_url}/warnings/{warning_id}")
    _verify(page, "限期整改")
    expect(page.locator("h1")).to_contain_text("已办结")
    page.get_by_role("tab", name="处置全过程").click()
    expect(page.locator(".timeline")).to_contain_text("预警办结")
    accessible(page, "warn-11-closed-timeline")

    deadline = time.monotonic() + 30
    while True:
        facts = facts_on_kafka(stack, "warning")
        kinds = {t.split(".")[-2] for t, d in facts if d.get("warning_id") == warning_id}
        if {"WarningIssued", "RectificationOverdue", "WarningClosed"} <= kinds:
            break
        assert time.monotonic() < deadline, f"on Kafka: {sorted(kinds)}"
        time.sleep(1)
    head_context.close()
    office_context.close()


def test_the_boards_and_the_inbox_by_role(
    page: Page, stack: Stack, proposal: dict[str, Any]
) -> None:
    """The office's inbox 条块结合 holds the disposal's steps; a leader and an auditor read the
    board, neither records a meeting."""
    sign_in(page, stack, OFFICE)
    page.goto(f"{stack.console_url}/warnings/inbox")
    expect(page.locator(".el-table")).to_contain_text("预警")
    accessible(page, "warn-12-inbox")
    page.get_by_role("button", name="退出").click()
    for person, screen in ((SJ_HEAD, "warn-13-board-leader"), (AUDITOR, "warn-14-board-auditor")):
        sign_in(page, stack, person)
        page.goto(f"{stack.console_url}/warnings/board")
        page.get_by_text("含已办结").click()  # the chain's warning was closed above
        expect(page.locator("article.card").first).to_contain_text("清新廉预〔")
        expect(page.locator("article.card").first).to_contain_text("已办结")
        accessible(page, screen)
        page.goto(f"{stack.console_url}/warnings/proposals")
        expect(page.locator("h1")).to_contain_text("预警处置建议")
        expect(page.get_by_role("button", name="会议审核")).to_have_count(0)
        page.get_by_role("button", name="退出").click()
        expect(page.locator("#user_id")).to_be_visible()
