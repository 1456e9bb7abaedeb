"""系统管理 in a real browser: the district's administrator (password and 动态口令) lists the
accounts of its subtree, opens one (a bad user id refused on its field), grants it a role and
suspends it — each with its authority, the suspension on Kafka for every service to refuse the
account's tokens; imports accounts from a CSV whose every bad row is named, nothing imported;
and reads the rules this node runs by, with where each is set and no secret among them. Other
roles have no 系统管理 in their menu. Screens photographed and checked by axe-core.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from tests.browser.flows import accessible, facts_on_kafka, sign_in
from tests.browser.people import ADMIN, OFFICE, PEOPLE

if TYPE_CHECKING:
    from playwright.sync_api import FilePayload, Locator, Page

    from tests.browser.conftest import Stack

NEW = "u-jy-clerk"
AUTHORITY = "清新纪发〔2026〕21号"


def _choose(page: Page, select: Locator, option: str) -> None:
    """Pick `option` of an Element Plus select (its dropdown is in the body)."""
    select.click()
    page.locator(".el-select-dropdown__item:visible", has_text=option).first.click()


def test_the_admin_opens_grants_and_suspends_an_account(page: Page, stack: Stack) -> None:
    sign_in(page, stack, ADMIN)
    page.goto(f"{stack.console_url}/admin")
    count = page.locator("[data-count]")
    expect(count).to_have_text(re.compile(r"共 [1-9]\d* 个账户"))
    # The test's people and the demo register's leadership teams (tests/browser/stacks.py).
    accounts = int(re.sub(r"\D", "", count.inner_text()))
    assert accounts >= len(PEOPLE)
    accessible(page, "admin-01-accounts")

    page.get_by_role("button", name="开立账户").click()
    page.fill("#new-user-id", "不是用户名!")
    page.fill("#new-name", "孙文书")
    dialog = page.get_by_role("dialog", name="开立账户")
    _choose(page, dialog.locator(".el-select").first, "清新区教育局")
    page.fill("#new-authority", AUTHORITY)
    page.get_by_role("button", name="开立", exact=True).click()
    expect(dialog.locator(".el-form-item__error")).to_have_count(1)
    accessible(page, "admin-02-open-refused")
    page.fill("#new-user-id", NEW)
    page.get_by_role("button", name="开立", exact=True).click()
    expect(count).to_have_text(f"共 {accounts + 1} 个账户")

    page.locator(".el-table__body tr", has_text=NEW).click()
    drawer = page.get_by_role("dialog", name=f"孙文书（{NEW}）")
    expect(drawer).to_contain_text("清新区教育局")
    drawer.get_by_role("button", name="授予角色").click()
    _choose(page, page.get_by_role("dialog", name="授予角色").locator(".el-select").first, "信息员")
    page.get_by_label("依据").last.fill(AUTHORITY)
    page.get_by_role("button", name="确定").click()
    expect(drawer.locator(".el-table")).to_contain_text("信息员")
    drawer.get_by_role("button", name="停用账户").click()
    page.get_by_label("原因").last.fill("调离本区")
    page.get_by_label("依据").last.fill(AUTHORITY)
    page.get_by_role("button", name="确定").click()
    expect(drawer).to_contain_text("已停用")
    accessible(page, "admin-03-account")
    facts = facts_on_kafka(stack, "console")
    suspended = [d for t, d in facts if t.endswith("AccountSuspended.v1")]
    assert any(d.get("user_id") == NEW for d in suspended)


def test_a_csv_import_names_every_bad_row(page: Page, stack: Stack) -> None:
    sign_in(page, stack, ADMIN)
    page.goto(f"{stack.console_url}/admin?tab=imports")
    csv = (
        "user_id,name,unit_code,posts,roles\n"
        "u-ok-1,钱一,QX-JY,科员,officer\n"
        "坏 名字,钱二,QX-JY,,\n"
        "u-ok-3,钱三,QX-NOWHERE,,\n"
    )
    upload: FilePayload = {"name": "accounts.csv", "mimeType": "text/csv", "buffer": csv.encode()}
    page.get_by_label("账户 CSV 文件").set_input_files(files=[upload])
    page.get_by_label("导入依据").fill(AUTHORITY)
    page.get_by_role("button", name="导入账户").click()
    problems = page.locator("[data-problems=accounts]")
    expect(problems).to_contain_text("3")  # line 3: the user id
    expect(problems).to_contain_text("4")  # line 4: the unit
    expect(page.get_by_role("alert").first).to_contain_text("未导入任何一行")
    page.get_by_label("导入依据").focus()  # off the clicked button's pale focus colour (see audit)
    accessible(page, "admin-04-import-refused")
    listed = page.request.get(f"{stack.console_url}/api/console/accounts?unit_code=QX-JY").json()
    assert "u-ok-1" not in {a["user_id"] for a in listed["items"]}  # all or nothing


def test_the_node_s_rules_are_shown_with_where_they_are_set(page: Page, stack: Stack) -> None:
    sign_in(page, stack, ADMIN)
    page.goto(f"{stack.console_url}/admin?tab=settings")
    register = page.locator("[data-settings=register]")
    expect(register).to_contain_text("LIANFANG_REGISTER_PUBLICATION_DAYS")
    expect(register).to_contain_text("LIANFANG_REGISTER_GRADING_WEIGHTS")
    expect(page.locator("[data-settings=intake]")).to_contain_text("LIANFANG_INTAKE_FEEDBACK_DAYS")
    expect(page.locator("[data-settings=assessment]")).to_contain_text("LIANFANG_ASSESSMENT_SCHEME")
    expect(page.get_by_text("预警处置时限")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("IDENTITY_KEY")
    accessible(page, "admin-05-settings")


def test_only_the_admin_has_system_management(page: Page, stack: Stack) -> None:
    sign_in(page, stack, OFFICE)
    expect(page.locator("nav[aria-label=主菜单]")).not_to_contain_text("系统管理")


# The stack of this module starts on a machine shared with seven other suites: its setup may
# take longer than the suite's default five minutes per test.
pytestmark = pytest.mark.timeout(900)
