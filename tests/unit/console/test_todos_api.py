"""The 工作台 over real HTTP: the console gathers a person's to-dos from the node's services.

太和镇's information officer signs in at the console; `/api/console/todos` asks the real intake
and register services (each its own HTTP server) as that person and merges their lists. The
warning service is down: its part is named unavailable and the rest still shows. The district's
office is asked at 太和镇's node for the disposals it supervises there (Art. 29). Polling with the
list's ETag is answered 304 until an event changes the list. `/api/console/people` puts names to
staff ids.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import TYPE_CHECKING

import httpx
import pytest

from services.console.bff.asking import Unavailable
from services.console.todos.handlers import Gathered, gather_todos
from services.intake.main import SPEC as INTAKE
from services.intake.settings import IntakeSettings
from services.register.main import SPEC as REGISTER
from services.register.settings import RegisterSettings
from services.warning.disposal.model import ProposalStatus
from services.warning.main import SPEC as WARNING
from services.warning.settings import WarningSettings
from shared.auth import Principal, Role
from shared.clock import BEIJING, ManualClock
from shared.http import create_api
from shared.runtime import Runtime
from shared.settings import CommonSettings
from shared.vocabulary import Grade
from tests.support.tokens import token_for
from tests.unit.console.front_door import (
    OFFICE,
    OFFICER,
    console,
    console_settings,
    serving,
    sign_in,
)
from tests.unit.warning import stories
from tests.unit.warning.upstream import feed, graded, judgement

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path
    from uuid import UUID

    from fastapi.testclient import TestClient

    from services.intake.app import IntakeApplication
    from services.warning.app import WarningApplication

NOW = datetime(2026, 3, 5, 9, 0, tzinfo=BEIJING)
FEB = datetime(2026, 2, 1, tzinfo=BEIJING)
TOWN_OFFICE = Principal(OFFICE.user_id, frozenset({Role.OFFICE}), "QX-TH", OFFICE.name)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


@pytest.fixture
def intake(clock: ManualClock) -> Iterator[Runtime]:
    runtime = Runtime(INTAKE, IntakeSettings(common=CommonSettings(store="memory")), clock)
    yield runtime
    runtime.close()


@pytest.fixture
def client(tmp_path: Path, clock: ManualClock, intake: Runtime) -> Iterator[TestClient]:
    register = Runtime(REGISTER, RegisterSettings(common=CommonSettings(store="memory")), clock)
    with (
        serving(create_api(intake)) as intake_url,
        serving(create_api(register)) as register_url,
    ):
        settings = console_settings(tmp_path, intake_url)
        settings.proxy.register_url = register_url
        settings.proxy.read_timeout_seconds = 5
        with console(settings, clock) as (_, client):
            yield client
    register.close()


def test_the_workbench_gathers_the_person_s_to_dos_and_names_a_service_that_is_down(
    client: TestClient, intake: Runtime
) -> None:
    app: IntakeApplication = intake.app  # type: ignore[assignment]
    duty = app.define_duty(
        "QX-TH", "月度廉政风险信息报告", "periodic", "monthly", 10, FEB, TOWN_OFFICE,
    )  # fmt: skip
    assert client.get("/api/console/todos").status_code == 401  # not signed in
    # The officer of 太和镇 (the office's role waits for its second factor: docs/sign-in.md).
    assert sign_in(client, OFFICER.user_id).status_code == 200

    answer = client.get("/api/console/todos")
    assert answer.status_code == 200
    body = answer.json()
    assert [i["key"] for i in body["items"]] == [
        f"duty_due:{duty.id}:2026-02",
        f"duty_due:{duty.id}:2026-03",
    ]
    item = body["items"][0]
    assert (item["service"], item["title"]) == (
        "intake",
        "信息报送：月度廉政风险信息报告（2026-02）",
    )
    assert item["deadline"] == "2026-03-11T00:00:00+08:00"  # ten days after February
    # The warning service does not answer (nothing listens there): named, not a 500.
    assert body["unavailable"] == [{"service": "warning", "reason": "暂不可用"}]
    etag = answer.headers["etag"]

    # Polling in the background with the ETag: 304 while nothing changed.
    quiet = {"If-None-Match": etag, "X-Lianfang-Background": "1"}
    unchanged = client.get("/api/console/todos", headers=quiet)
    assert (unchanged.status_code, unchanged.content) == (304, b"")

    # The report is submitted (an event): the next poll brings the new list.
    app.submit_periodic_report(duty.id, "2026-02", "本月无新增风险信息", TOWN_OFFICE)
    changed = client.get("/api/console/todos", headers=quiet)
    assert changed.status_code == 200
    assert [i["key"] for i in changed.json()["items"]] == [f"duty_due:{duty.id}:2026-03"]
    assert changed.headers["etag"] != etag


def test_names_for_ids_are_bounded(client: TestClient) -> None:
    assert client.get("/api/console/people", params={"ids": OFFICER.user_id}).status_code == 401
    assert sign_in(client, OFFICER.user_id).status_code == 200
    found = client.get(
        "/api/console/people", params={"ids": f"{OFFICE.user_id},nobody,{OFFICE.user_id}"}
    )
    assert found.status_code == 200
    assert found.json() == [
        {"user_id": OFFICE.user_id, "name": "王预防", "unit_code": "QX-TH", "unit_name": "太和镇"}
    ]
    too_many = ",".join(f"u-{n}" for n in range(51))
    refused = client.get("/api/console/people", params={"ids": too_many})
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["query", "ids"]


def test_names_for_unit_codes_outside_ones_subtree(client: TestClient) -> None:
    """A town's officer reads the names of the district and its finance bureau (Art. 27, 29)."""
    assert client.get("/api/console/unit-names", params={"codes": "QX"}).status_code == 401
    assert sign_in(client, OFFICER.user_id).status_code == 200
    found = client.get("/api/console/unit-names", params={"codes": "QX,QX-CZ,NOWHERE,QX"})
    assert found.status_code == 200
    assert [u["code"] for u in found.json()] == ["QX", "QX-CZ"]
    assert found.json()[0]["name"] == "清远市清新区"
    too_many = ",".join(f"U{n}" for n in range(51))
    refused = client.get("/api/console/unit-names", params={"codes": too_many})
    assert (refused.status_code, refused.json()["detail"][0]["loc"]) == (422, ["query", "codes"])


def _finished_disposal(app: WarningApplication, clock: ManualClock) -> UUID:
    """太和镇 warned its finance office and every action is reported and verified (Art. 28)."""
    made = judgement()
    feed(app, made)
    assert made.data.risk_point_id is not None
    feed(app, graded(made.data.risk_point_id, Grade.LOW))
    proposal = app.list_proposals("QX-TH", ProposalStatus.OPEN)[-1].id
    app.review(proposal, stories.MEETING, stories.TOWN_OFFICE)
    warning = app.issue_warning(proposal, stories.TOWN_OFFICE)
    for action in list(warning.actions.values()):
        talk = action.kind == "warning_talk"
        app.report_action(
            warning.id, action.action_id, stories.TOWN_CLERK if talk else stories.UNIT_HEAD,
            note="已整改", document_refs=[] if talk else ["doc-1"],
            held_at=clock.now() if talk else None, participants=["出纳 张某"] if talk else [],
        )  # fmt: skip
        app.verify_action(warning.id, action.action_id, stories.TOWN_OFFICE, accepted=True)
    return warning.id


def test_the_level_above_is_asked_at_the_node_below_and_led_there(clock: ManualClock) -> None:
    """分级监督 (Art. 29): the district's office asks 太和镇's warning service (real HTTP) for the
    town's finished disposal it is to sign off or return; the item leads to the warning on that
    node (`?node=QX-TH`). That node down is named by its root, and the rest still shows."""
    town = CommonSettings(store="memory", node_id="town-taihe", node_root_unit="QX-TH")
    runtime = Runtime(WARNING, WarningSettings(common=town), clock)
    warning_id = _finished_disposal(runtime.app, clock)  # type: ignore[arg-type]
    bearer = f"Bearer {token_for(runtime, 'u-qx-office', [Role.OFFICE], 'QX')}"

    async def gather(supervised: dict[str, str]) -> Gathered:
        async with httpx.AsyncClient(timeout=5) as http:
            return await gather_todos(http, {}, bearer, supervised)

    try:
        with serving(create_api(runtime)) as town_url:
            asked = asyncio.run(gather({"QX-TH": town_url}))
        assert asked.unavailable == []
        [item] = asked.items
        assert (item.kind, item.link) == (
            "disposal_to_sign_off", f"/warnings/{warning_id}?node=QX-TH"
        )  # fmt: skip
        down = asyncio.run(gather({"QX-TH": "http://127.0.0.1:9"}))
        assert (down.items, down.unavailable) == ([], [Unavailable("warning@QX-TH", "暂不可用")])
    finally:
        runtime.close()
