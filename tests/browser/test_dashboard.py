"""区级驾驶舱 in a real browser: the district office's figures equal those counted from the stores.

After a few days of the district's work (the demo's information on five channels, one case
carried through judgement to a yellow warning, 市场监督管理局 scored), the office opens the
dashboard. Each figure is counted three ways and must agree: straight from each service's own
store (its application and read model, opened beside the running process), from the service's
summary route as the console's proxy answers it, and from what the browser shows. Each figure
opens its list, and the list holds as many rows as the figure says. Other roles do not see the
dashboard in their menu. Screens photographed and checked by axe-core.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import expect

from services.assessment.app import AssessmentApplication
from services.intake.app import IntakeApplication
from services.register.app import RegisterApplication
from services.register.judgement.model import InformationStatus
from services.warning.app import WarningApplication
from shared.clock import BEIJING
from tests.browser.flows import accessible, sign_in
from tests.browser.opsui_support import (
    DistrictWork,
    do_the_district_s_work,
    store_of,
)
from tests.browser.people import AUDITOR, OFFICE
from tests.browser.support import screenshot

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.browser.conftest import Stack

ROOT = "QX"  # the district office's subtree


@pytest.fixture(scope="module")
def work(stack: Stack) -> DistrictWork:
    return do_the_district_s_work(stack)


def figures_from_the_stores(stack: Stack) -> dict[str, Any]:
    """Each figure counted from the service's own aggregates, not through its summary route."""
    year = datetime.now(UTC).astimezone(BEIJING).year
    with store_of(stack, "register") as runtime:
        register = runtime.app
        assert isinstance(register, RegisterApplication)
        rows = register.list_information(ROOT)
        open_information = sum(r.status is InformationStatus.AWAITING_JUDGEMENT for r in rows)
    with store_of(stack, "intake") as runtime:
        intake = runtime.app
        assert isinstance(intake, IntakeApplication)
        cases = [c for c in intake.view.cases() if intake.org.is_within(c.unit_code, ROOT)]
        waiting = [c for c in cases if c.awaiting_feedback]
        breaches = [
            b for b in intake.view.breaches()
            if intake.org.is_within(b.unit_code, ROOT) and b.status != "dismissed"
        ]  # fmt: skip
    with store_of(stack, "warning") as runtime:
        warning = runtime.app
        assert isinstance(warning, WarningApplication)
        warnings = [warning.get_warning(w.id) for w in warning.list_warnings(ROOT, open_only=False)]
        overdue = warning.list_overdue(ROOT)
    with store_of(stack, "assessment") as runtime:
        assessment = runtime.app
        assert isinstance(assessment, AssessmentApplication)
        scores = {a.unit_code: a.scorecard["total"] for a in assessment.assessments(year, ROOT)}
    return {
        "open_information": open_information,
        "forwards_awaiting_feedback": len(waiting),
        "forwards_overdue": sum(c.overdue_at is not None for c in waiting),
        "open_warnings": sum(w.is_open for w in warnings),
        "overdue_actions": len(overdue),
        "breaches": len(breaches),
        "scores": scores,
    }


def figures_from_the_routes(page: Page, stack: Stack) -> dict[str, Any]:
    """The summaries as the console's proxy answers them to the signed-in office."""

    def get(service: str) -> Any:
        answer = page.request.get(f"{stack.console_url}/api/{service}/dashboard")
        assert answer.ok, answer.text()
        return answer.json()

    intake, register, warning, assessment = (
        get(s) for s in ("intake", "register", "warning", "assessment")
    )
    return {
        "open_information": register["open_information"],
        "forwards_awaiting_feedback": intake["forwards_awaiting_feedback"],
        "forwards_overdue": intake["forwards_overdue"],
        "open_warnings": sum(
            sum(towns.values()) for towns in warning["open_by_level_and_town"].values()
        ),
        "overdue_actions": warning["overdue_actions"],
        "breaches": sum(intake["breaches_by_kind"].values()),
        "scores": {s["unit_code"]: s["total"] for s in assessment["scores"]},
    }


def shown(page: Page, figure: str) -> int:
    return int(page.locator(f"[data-figure={figure}] [data-value]").inner_text())


def test_the_dashboard_s_figures_equal_those_counted_from_the_stores(
    page: Page, stack: Stack, work: DistrictWork
) -> None:
    sign_in(page, stack, OFFICE)
    page.goto(f"{stack.console_url}/dashboard")
    page.wait_for_selector("[data-ready=true]")
    routes = figures_from_the_routes(page, stack)
    stores = figures_from_the_stores(stack)
    page.reload()  # the figures of the same moment as the two counts above
    page.wait_for_selector("[data-ready=true]")
    accessible(page, "dashboard-01-figures")
    screenshot(page, "dashboard-01-figures-whole", full_page=True)
    print(f"\nfigures: {stores}")
    assert routes == stores
    in_browser = {
        key: shown(page, key)
        for key in ("open_information", "forwards_awaiting_feedback", "open_warnings",
                    "overdue_actions", "breaches")
    }  # fmt: skip
    assert in_browser == {k: stores[k] for k in in_browser}
    expect(page.locator("[data-figure=forwards_awaiting_feedback]")).to_contain_text(
        f"其中逾期 {stores['forwards_overdue']} 件"
    )
    # The demo's work shows: information awaiting judgement (the rest went down to the towns or
    # was judged), forwards to the towns' nodes, the chain's yellow warning, 市场监管局's score.
    assert stores["open_information"] >= 1
    assert stores["forwards_awaiting_feedback"] >= 1
    assert stores["open_warnings"] == 1
    assert stores["scores"].get(work.scored_unit) is not None


@pytest.mark.parametrize(
    ("figure", "title"),
    [("open_information", "待研判信息"), ("forwards_awaiting_feedback", "批转待反馈"),
     ("open_warnings", "在办预警"), ("overdue_actions", "逾期未整改"), ("breaches", "报告违规")],
)  # fmt: skip
def test_every_figure_opens_its_list(
    page: Page, stack: Stack, work: DistrictWork, figure: str, title: str
) -> None:
    sign_in(page, stack, OFFICE)
    page.goto(f"{stack.console_url}/dashboard")
    page.wait_for_selector("[data-ready=true]")
    count = shown(page, figure)
    page.locator(f"[data-figure={figure}]").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)
    page.wait_for_selector("[data-ready=true]")
    expect(page.locator("[data-count]")).to_have_text(f"共 {count} 条")
    if figure in ("open_information", "open_warnings"):
        accessible(page, f"dashboard-02-list-{figure}")


def test_the_scores_open_their_list(page: Page, stack: Stack, work: DistrictWork) -> None:
    sign_in(page, stack, OFFICE)
    page.goto(f"{stack.console_url}/dashboard/list/scores")
    page.wait_for_selector("[data-ready=true]")
    scored = figures_from_the_stores(stack)["scores"]
    assert work.scored_unit in scored
    expect(page.locator("[data-count]")).to_have_text(f"共 {len(scored)} 条")
    expect(page.locator(".el-table__body")).to_contain_text("清新区市场监督管理局")
    accessible(page, "dashboard-03-scores")


def test_a_month_of_the_trend_opens_that_month_s_list(
    page: Page, stack: Stack, work: DistrictWork
) -> None:
    """Each line of the twelve-month trend, at its busiest month, opens the list of what it
    counted that (Beijing) month, as many rows as the point says; a month without any, none."""
    sign_in(page, stack, OFFICE)
    for series, title in (("reported", "风险信息（入库）"), ("filed", "信息登记（本级）"),
                          ("issued", "发出预警")):  # fmt: skip
        page.goto(f"{stack.console_url}/dashboard")
        page.wait_for_selector("[data-ready=true]")
        page.get_by_text("按月明细（点击数字查看当月清单）").click()
        cells = page.locator(f"a[data-series={series}]")
        expect(cells).to_have_count(12)
        counts = [int(cells.nth(i).inner_text()) for i in range(12)]
        busiest = max(range(12), key=lambda i: counts[i])
        assert counts[busiest] >= 1, f"{series}: the demo's work is missing from the trend"
        cell = cells.nth(busiest)
        month = cell.get_attribute("data-month") or ""
        if series == "issued":
            accessible(page, "dashboard-04-trend-table")
        cell.click()
        heading = page.get_by_role("heading", level=1)
        expect(heading).to_contain_text(title)
        expect(heading).to_contain_text(f"{month[:4]}年{int(month[5:])}月")
        page.wait_for_selector("[data-ready=true]")
        expect(page.locator("[data-count]")).to_have_text(f"共 {counts[busiest]} 条")
    accessible(page, "dashboard-05-month-list")
    page.goto(f"{stack.console_url}/dashboard/list/issued?month=2020-01")
    page.wait_for_selector("[data-ready=true]")
    expect(page.locator("[data-count]")).to_have_text("共 0 条")


def test_only_the_office_has_the_dashboard_in_its_menu(page: Page, stack: Stack) -> None:
    sign_in(page, stack, AUDITOR)
    menu = page.locator("nav[aria-label=主菜单]")
    expect(menu).to_contain_text("审计")
    expect(menu).not_to_contain_text("区级驾驶舱")


# The stack of this module starts on a machine shared with seven other suites: its setup may
# take longer than the suite's default five minutes per test.
pytestmark = pytest.mark.timeout(900)
