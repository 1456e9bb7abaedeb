"""A suspended account is refused by every service within a minute (issue #14), for real: the
four services of a node as processes on the real broker, an AccountSuspended on the console's
topic, and each service's API answering 401 with the reason soon after."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from uuid import uuid4

import httpx

from shared.auth import Role
from shared.events import Actor
from shared.events.console import AccountSuspended, AccountSuspendedData
from shared.events.publish import Origin
from tests.e2e.conftest import Node

# A call each service answers for an office of the district (or 404s past the door).
DOORS = {
    "intake": f"/information/{uuid4()}",
    "register": "/measures",
    "warning": "/warnings",
    "assessment": "/assessment-schemes/2026",
}


def suspension(user: str) -> AccountSuspended:
    console = Origin("/lianfang/district/console", "district")
    admin = Actor(user_id="u-admin", role="admin", unit_code="QX")
    now = datetime.now(UTC)
    data = AccountSuspendedData(**console.stamp("QX", admin, "纪委决定 2026-12", now), user_id=user)
    return AccountSuspended.create(data=data, subject=user, source=console.source, clock_now=now)


async def test_a_suspended_account_is_refused_by_every_service_within_a_minute(
    node: Node,
) -> None:
    ports = {service: node.serve(service)[1] for service in DOORS}
    token = node.token(Role.OFFICE, "QX", user="u-suspended")
    other = node.token(Role.OFFICE, "QX", user="u-colleague")

    def status(service: str, bearer: str) -> httpx.Response:
        url = f"http://127.0.0.1:{ports[service]}{DOORS[service]}"
        return httpx.get(url, headers={"Authorization": f"Bearer {bearer}"}, timeout=10)

    for service in DOORS:
        assert status(service, token).status_code != 401, service

    await asyncio.sleep(1.5)  # the suspension comes after the token's iat (whole seconds)
    await node.produce_events("console", [suspension("u-suspended")])
    started = time.monotonic()
    refused: dict[str, float] = {}
    while len(refused) < len(DOORS) and time.monotonic() - started < 60:
        for service in set(DOORS) - set(refused):
            answer = status(service, token)
            if answer.status_code == 401:
                assert "the account was suspended" in answer.json()["detail"]
                refused[service] = time.monotonic() - started
        await asyncio.sleep(0.5)
    assert set(refused) == set(DOORS), f"refused within a minute only by {refused}"
    for service in DOORS:  # a colleague's token still passes
        assert status(service, other).status_code != 401, service
