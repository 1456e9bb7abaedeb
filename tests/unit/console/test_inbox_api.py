"""The 条块结合 inbox across nodes over real HTTP (Art. 27).

区财政局 is the superior business department of every town's finance office; the towns' nodes
dispose of those offices' warnings, so the steps reported to the bureau lie on several warning
services. The console asks each as the bureau's person and merges the answers a page at a time,
the newest first: paged through, the pages hold every step once, even where a page would end
between two steps of the same moment. A node that does not answer is named and the rest shows.
The front door knows which nodes report to a unit, and the bureau's tokens are good there.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from uuid import UUID

import httpx
import pytest

from services.console.bff.asking import Unavailable
from services.console.inbox.handlers import InboxPage, ReportedStep, gather_inbox, one_page
from services.warning.disposal.model import ProposalStatus
from services.warning.main import SPEC as WARNING
from services.warning.settings import WarningSettings
from shared.auth import Role
from shared.clock import BEIJING, ManualClock
from shared.http import create_api
from shared.runtime import Runtime
from shared.settings import CommonSettings
from shared.vocabulary import Grade
from tests.support.tokens import token_for
from tests.unit.console.front_door import BUREAU, console, console_settings, serving, sign_in
from tests.unit.warning import stories
from tests.unit.warning.upstream import feed, graded, judgement

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from services.warning.app import WarningApplication

NOW = datetime(2026, 3, 5, 9, 0, tzinfo=BEIJING)


def _disposal_under_way(app: WarningApplication, clock: ManualClock) -> None:
    """太和镇 warns its finance office: proposal, meeting and warning a minute apart; the
    warning's two steps (WarningIssued, Issued) share their moment."""
    made = judgement()
    feed(app, made)
    assert made.data.risk_point_id is not None
    feed(app, graded(made.data.risk_point_id, Grade.LOW))
    proposal = app.list_proposals("QX-TH", ProposalStatus.OPEN)[-1].id
    clock.advance(timedelta(minutes=1))
    app.review(proposal, stories.MEETING, stories.TOWN_OFFICE)
    clock.advance(timedelta(minutes=1))
    app.issue_warning(proposal, stories.TOWN_OFFICE)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


@pytest.fixture
def towns(clock: ManualClock) -> Iterator[list[Runtime]]:
    """Two towns' warning services, each with a disposal of its own under way, one after the
    other."""
    town = CommonSettings(store="memory", node_id="town-taihe", node_root_unit="QX-TH")
    runtimes = [Runtime(WARNING, WarningSettings(common=town), clock) for _ in range(2)]
    for runtime in runtimes:
        _disposal_under_way(runtime.app, clock)  # type: ignore[arg-type]
        clock.advance(timedelta(seconds=30))
    yield runtimes
    for runtime in runtimes:
        runtime.close()


def _bureau(runtime: Runtime) -> str:
    """The finance bureau's leader, as the console's token says (Art. 27)."""
    return f"Bearer {token_for(runtime, 'u-cz-head', [Role.LEADER], 'QX-CZ')}"


def _gather(
    urls: dict[str | None, str], bearer: str, limit: int, before: datetime | None = None
) -> InboxPage:
    async def ask() -> InboxPage:
        async with httpx.AsyncClient(timeout=5) as http:
            return await gather_inbox(http, urls, bearer, "QX-CZ", limit, before)

    return asyncio.run(ask())


@pytest.mark.parametrize("limit", [2, 3, 50])
def test_the_bureau_pages_through_what_two_towns_report_to_it(
    towns: list[Runtime], limit: int
) -> None:
    bearer = _bureau(towns[0])
    with serving(create_api(towns[0])) as first, serving(create_api(towns[1])) as second:
        urls: dict[str | None, str] = {None: first, "QX-TP": second}
        pages: list[list[ReportedStep]] = []
        before: datetime | None = None
        while True:
            page = _gather(urls, bearer, limit, before)
            assert page.unavailable == []
            pages.append(page.steps)
            if page.before is None:
                break
            assert page.before == page.steps[-1].at  # the next page starts where this ended
            before = page.before
    seen = [s for p in pages for s in p]
    # Both towns' steps, each once, the newest first, each page at most `limit` long.
    assert len(seen) == 8 == len({(s.subject_id, s.step) for s in seen})
    assert [s.at for s in seen] == sorted((s.at for s in seen), reverse=True)
    assert all(len(p) <= limit for p in pages)
    assert {s.node for s in seen} == {None, "QX-TP"}
    assert {s.subject_unit for s in seen} == {"QX-TH-CZS"}
    assert all(s.warning_id is not None for s in seen)  # both warnings issued by now
    assert {s.notice_number for s in seen} == {"清新廉预〔2026〕黄-0001"}  # each town's first
    assert {s.step for s in seen[:2]} == {"WarningIssued", "Issued"}  # the later town's warning


def test_a_town_that_does_not_answer_is_named_and_the_rest_shows(towns: list[Runtime]) -> None:
    with serving(create_api(towns[0])) as first:
        page = _gather({None: first, "QX-TP": "http://127.0.0.1:9"}, _bureau(towns[0]), 50)
    assert page.unavailable == [Unavailable("warning@QX-TP", "暂不可用")]
    assert len(page.steps) == 4
    assert page.before is None


def test_a_unit_the_bureau_does_not_lead_is_refused_by_the_town(towns: list[Runtime]) -> None:
    """The town's warning service decides (Art. 7): the bureau asks for the town's inbox."""

    async def ask(url: str) -> httpx.Response:
        async with httpx.AsyncClient(timeout=5) as http:
            return await http.get(
                f"{url}/warnings/inbox",
                params={"unit_code": "QX-TH"},
                headers={"authorization": _bureau(towns[0])},
            )

    with serving(create_api(towns[0])) as first:
        assert asyncio.run(ask(first)).status_code == 403


def _step(at: datetime, name: str) -> ReportedStep:
    return ReportedStep(
        at=at, step=name, label_zh=name, subject_id=UUID(int=1), by="system", detail={},
        subject_unit="QX-TH-CZS", warning_id=None, notice_number=None,
    )  # fmt: skip


def test_a_page_never_ends_between_two_steps_of_one_moment() -> None:
    t = [NOW + timedelta(minutes=m) for m in range(3)]
    steps = [_step(t[2], "a"), _step(t[1], "b"), _step(t[1], "c"), _step(t[0], "d")]
    page, before = one_page(steps, 2)
    assert ([s.step for s in page], before) == (["a"], t[2])  # b and c go to the next page
    page, before = one_page(steps, 3)
    assert ([s.step for s in page], before) == (["a", "c", "b"], t[1])
    page, before = one_page(steps, 4)
    assert (len(page), before) == (4, None)


def test_the_console_asks_the_towns_the_bureau_follows(
    towns: list[Runtime], clock: ManualClock, tmp_path: Path
) -> None:
    """区财政局's leader signs in at the district's console, whose front door knows that 太和镇's
    node disposes of a unit the bureau leads: `/api/console/inbox` asks it, with a token the town
    accepts (its audience names the town's node), besides the district's own warning service."""
    district = CommonSettings(store="memory", node_id="district", node_root_unit="QX")
    own = Runtime(WARNING, WarningSettings(common=district), clock)
    try:
        with serving(create_api(own)) as own_url, serving(create_api(towns[0])) as town_url:
            settings = console_settings(tmp_path, "http://127.0.0.1:9")
            proxy = settings.proxy.model_copy(
                update={"warning_url": own_url, "node_urls": {"QX-TH": {"warning": town_url}}}
            )
            settings = settings.model_copy(update={"proxy": proxy})
            with console(settings, clock) as (_, client):
                assert client.get("/api/console/inbox").status_code == 401
                assert sign_in(client, BUREAU.user_id).status_code == 200
                answer = client.get("/api/console/inbox", params={"limit": 3})
                assert answer.status_code == 200, answer.text
                body = answer.json()
                assert body["unavailable"] == []
                assert len(body["items"]) == 3
                assert {i["node"] for i in body["items"]} == {"QX-TH"}
                assert body["next_before"] == body["items"][-1]["at"]
                rest = client.get(
                    "/api/console/inbox", params={"before": body["next_before"], "limit": 3}
                ).json()
                assert len(rest["items"]) == 1
                assert rest["next_before"] is None
                unknown = client.get("/api/console/inbox", params={"unit_code": "NOWHERE"})
                assert unknown.status_code == 422
                assert unknown.json()["detail"][0]["loc"] == ["query", "unit_code"]
    finally:
        own.close()
