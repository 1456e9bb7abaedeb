"""The 工作台 in a real browser: a to-do appears, on the page and on the bell, when another acts.

清新区市场监督管理局's head (a leadership-team member, Art. 14) has the 工作台 open. The bureau's
office re-grades one of its published risk points over the register's API — another person, in
another place. Without a reload, the 工作台 lists 风险等级待集体审定 for that point (its deadline
column, a 新 mark) and the bell counts it; the bell opens on it and leads to the point, where the
head votes; back on the 工作台 the to-do is gone. Screens photographed and checked by axe-core.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx
import pytest
from playwright.sync_api import expect

from shared.auth import Role
from tests.browser.flows import accessible, sign_in
from tests.browser.people import SJ_HEAD
from tests.support.tokens import issuer

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.browser.conftest import Stack

# The stack starts in this module's first test; on a machine shared by the whole team that alone
# can take minutes.
pytestmark = pytest.mark.timeout(900)

POINT = "说情打招呼干预处罚裁量"  # a published point of 清新区市场监督管理局 in the demo register
LIVE_SECONDS = 20  # the console polls every 5 s; a shared machine is slow


def regrade_as_the_bureau_s_office(stack: Stack, point_id: str) -> None:
    """The bureau's office re-grades the point 一级（高）: a new round of votes (Art. 14, 30)."""
    token = issuer().for_audience("district").mint("u-sj-office", [Role.OFFICE], "QX-SJ")
    factors = {"importance": 5, "discretion": 5, "probability": 5, "harm": 5}
    answer = httpx.post(
        f"{stack.register_url}/risk-points/{point_id}/grading",
        headers={"Authorization": f"Bearer {token}"},
        json={
            "factors": factors,
            "reason": "群众反映增多，重新评定",
            "responsible_leader_id": "u-sj-head",
        },
        timeout=10,
    )
    assert answer.status_code == 200, answer.text


def test_a_new_to_do_appears_on_the_workbench_and_the_bell_without_reloading(
    page: Page, stack: Stack
) -> None:
    point_id = stack.demo.risk_points[POINT]
    sign_in(page, stack, SJ_HEAD)
    table_or_empty = page.locator(".todo-table, .el-empty")
    expect(table_or_empty.first).to_be_visible()
    assert page.locator(".todo-table tr", has_text=POINT).count() == 0
    accessible(page, "todos-01-workbench-before")
    # The shared district may already owe the head other things (its warnings' actions): count
    # what is new from here on.
    unread = int(page.locator("[data-figure=unread]").inner_text())
    loads = []
    page.on("framenavigated", lambda frame: loads.append(frame.url))

    regrade_as_the_bureau_s_office(stack, point_id)

    row = page.locator(".todo-table tr", has_text=POINT)
    expect(row).to_be_visible(timeout=LIVE_SECONDS * 1000)
    expect(row).to_contain_text("风险等级待集体审定（高）")
    expect(row).to_contain_text("清新区市场监督管理局")
    expect(row).to_contain_text("新")
    bell = page.locator("[data-test=bell-count] .el-badge__content")
    expect(bell).to_be_visible()
    expect(page.get_by_role("button", name=f"消息提醒：{unread + 1} 项新待办")).to_be_visible()
    assert loads == []  # no reload, no navigation: the page followed by itself
    accessible(page, "todos-02-workbench-new-item")

    page.get_by_role("button", name=f"消息提醒：{unread + 1} 项新待办").click()
    panel = page.get_by_role("region", name="新待办")
    expect(panel).to_contain_text("集体审定")
    expect(panel).to_contain_text(POINT)
    accessible(page, "todos-03-bell-open")
    panel.get_by_role("link", name="风险等级待集体审定（高）").click()
    expect(page).to_have_url(f"{stack.console_url}/register/points/{point_id}")
    expect(page.get_by_role("button", name="消息提醒：没有新待办")).to_be_visible()

    # The head votes on the point's page; back on the 工作台, the to-do is settled and gone.
    page.get_by_role("button", name="表决（集体审定）").click()
    vote = page.get_by_role("dialog")
    vote.get_by_text("同意", exact=True).click()
    vote.get_by_role("button", name="提交表决").click()
    expect(vote).to_be_hidden()
    page.get_by_role("menuitem", name="工作台").click()
    expect(page.locator(".todo-table tr", has_text=POINT)).to_have_count(0)
    expect(page.locator("[data-figure=unread]")).to_have_text("0")
