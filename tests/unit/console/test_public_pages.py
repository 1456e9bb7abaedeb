"""The public pages' way in on the console (Art. 22, 30(5)): no sign-in, a fixed list of service
routes reached as the console's own public principal, rate-limited, no cookies, no tracking.

Over real HTTP: the console in front, a real service behind it (tests/unit/console/front_door.py)
that checks the token with the console's published keys and says what reached it.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import pytest

from services.console.public.limits import Limit, RateLimited, RateLimiter
from services.console.public.settings import PublicSettings
from shared.auth import PUBLIC_USER_ID
from shared.clock import ManualClock
from tests.unit.console.front_door import (
    OFFICER,
    EchoService,
    console,
    console_settings,
    serving,
    sign_in,
)

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from fastapi.testclient import TestClient

ROUND = "5b0f2f56-1c5e-4f53-9d7e-0a4c1f6c2b11"
LIMITS = PublicSettings(
    reports_per_client=2,
    reports_overall=3,
    reports_window_seconds=600,
    lookups_per_client=4,
    lookups_overall=100,
    lookups_window_seconds=60,
)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def client(tmp_path: Path, clock: ManualClock) -> Iterator[TestClient]:
    echo = EchoService(clock)
    with serving(echo.api) as url:
        settings = console_settings(tmp_path, url).model_copy(update={"public": LIMITS})
        with console(settings, clock) as (_, client):
            echo.trust(client.get("/.well-known/jwks.json").json())
            yield client


def test_a_public_call_reaches_the_service_as_the_public_principal_only(
    client: TestClient,
) -> None:
    sign_in(client, OFFICER.user_id)  # a browser with a session: the public pages ignore it
    filed = client.post(
        "/api/public/reports?utm_source=x",
        json={"summary": "收费不开票"},
        headers={"Accept-Language": "zh-CN", "Referer": "https://elsewhere.example/"},
    )
    assert filed.status_code == 200, filed.text
    seen = filed.json()
    assert (seen["method"], seen["path"], seen["query"]) == ("POST", "public/reports", "")
    assert (seen["user"], seen["roles"], seen["unit"]) == (PUBLIC_USER_ID, ["public"], "QX")
    assert seen["body"] == '{"summary":"收费不开票"}'
    assert seen["cookie"] is None
    assert filed.headers.get_list("set-cookie") == []
    assert filed.headers["cache-control"] == "no-store"
    assert filed.headers["referrer-policy"] == "no-referrer"
    questionnaire = client.post(f"/api/public/surveys/{ROUND}/questionnaire", json={})
    assert questionnaire.json()["path"] == f"public/surveys/{ROUND}/questionnaire"
    assert client.get("/api/public/units").json()["path"] == "public/units"


def test_only_the_listed_routes_are_passed_on(client: TestClient) -> None:
    for method, path in [
        ("GET", "/api/public/reports/status"),  # a code travels in a body, never a URL
        ("POST", "/api/public/information"),
        ("POST", "/api/public/reports/../../inbox"),
        ("POST", "/api/public/surveys/not-a-round/responses"),
        ("DELETE", "/api/public/reports"),
    ]:
        answer = client.request(method, path, json={})
        assert answer.status_code in (404, 405), (method, path)
        assert "path" not in answer.json()  # the service never saw it


def test_too_many_reports_get_429_with_retry_after(client: TestClient, clock: ManualClock) -> None:
    for _ in range(2):
        assert client.post("/api/public/reports", json={}).status_code == 200
    refused = client.post("/api/public/reports", json={})
    assert refused.status_code == 429
    assert refused.headers["retry-after"] == "600"
    assert "秒后再试" in refused.json()["detail"]
    # Lookups are counted apart: a citizen over the filing limit still reads their status.
    assert client.post("/api/public/reports/status", json={}).status_code == 200
    clock.advance(timedelta(seconds=599))
    assert client.post("/api/public/reports", json={}).headers["retry-after"] == "1"
    clock.advance(timedelta(seconds=1))
    assert client.post("/api/public/reports", json={}).status_code == 200


def test_the_limits_count_per_client_and_overall() -> None:
    clock = ManualClock()
    limiter = RateLimiter(clock, per_client=Limit(2, 60), overall=Limit(3, 60))
    limiter.take("203.0.113.7")
    limiter.take("203.0.113.7")
    with pytest.raises(RateLimited) as mine:
        limiter.take("203.0.113.7")
    assert (mine.value.scope, mine.value.retry_after) == ("this address", 60)
    limiter.take("198.51.100.2")  # another address still gets in, up to the overall limit
    clock.advance(timedelta(seconds=15))
    with pytest.raises(RateLimited) as everybody:
        limiter.take("192.0.2.1")
    assert (everybody.value.scope, everybody.value.retry_after) == ("all addresses", 45)
    # The addresses are held only as keyed hashes (never as typed).
    assert not any("203.0.113.7" in key for key in limiter._clients)
    clock.advance(timedelta(seconds=45))
    limiter.take("192.0.2.1")
