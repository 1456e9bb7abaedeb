"""The register's forms in a real browser: the office records a risk point and a power.

The district's 预防腐败室 pages the register on the server and narrows it by focus 排查重点
(Art. 12); it opens 登记风险点, sends it empty (each refusal on its field), fills it in and lands
on the new point's page, ready to be graded (Art. 10, 13, 14); it catalogues a power (Art. 11)
and lands on the power's page. Screens photographed and checked by axe-core.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from tests.browser.flows import accessible, sign_in
from tests.browser.people import OFFICE

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.browser.conftest import Stack

# The stack starts in this module's first test; on a shared machine that can take minutes.
pytestmark = pytest.mark.timeout(900)


def choose(page: Page, select_label: str, option: str) -> None:
    page.get_by_role("dialog").get_by_label(select_label).click()
    page.locator(".el-select-dropdown__item:visible", has_text=option).first.click()


def test_the_office_pages_the_register_and_records_a_point_and_a_power(
    page: Page, stack: Stack
) -> None:
    sign_in(page, stack, OFFICE)
    page.goto(f"{stack.console_url}/register/points")
    expect(page.locator(".el-table__row").first).to_be_visible()
    assert page.locator(".el-table__row").count() <= 20  # a page from the server
    expect(page.locator(".lf-pager")).to_contain_text("共")

    page.get_by_role("button", name="登记风险点").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("button", name="登记").click()  # nothing filled in
    expect(dialog.locator(".el-form-item__error").first).to_be_visible()
    accessible(page, "register-forms-01-point-refused")
    choose(page, "单位", "清新区市场监督管理局")
    dialog.get_by_label("岗位").fill("执法稽查岗")
    choose(page, "风险类别", "业务流程")
    dialog.get_by_label("风险点描述").fill("同一案件由一人调查并提出处罚意见")
    dialog.get_by_label("表现形式").fill("选择性执法\n降低处罚标准")
    dialog.get_by_text("群众反映问题较多").click()
    dialog.get_by_role("button", name="登记").click()
    page.wait_for_url(f"{stack.console_url}/register/points/**")
    expect(page.locator(".title")).to_contain_text("同一案件由一人调查并提出处罚意见")
    accessible(page, "register-forms-02-point-recorded")

    page.goto(f"{stack.console_url}/register/points?focus=many_complaints")
    expect(page.locator(".el-table__row", has_text="同一案件由一人调查")).to_be_visible()

    page.goto(f"{stack.console_url}/register/powers")
    page.get_by_role("button", name="新增职权").click()
    dialog = page.get_by_role("dialog")
    choose(page, "单位", "清新区市场监督管理局")
    dialog.get_by_label("职权名称").fill("食品经营许可")
    choose(page, "职权类别", "行政许可")
    dialog.get_by_label("法律依据").fill("《中华人民共和国食品安全法》第三十五条")
    dialog.get_by_label("行使岗位").fill("窗口受理岗\n审核岗")
    accessible(page, "register-forms-03-power-form")
    dialog.get_by_role("button", name="保存").click()
    expect(page.get_by_text("食品经营许可").first).to_be_visible()
    assert "/register/powers/" in page.url
