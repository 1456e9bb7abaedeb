"""The console's front door with real processes: `lianfang serve console` in front of
`lianfang serve register`, over real HTTP and Kafka (issue #14 item 2, issue #15's backend).

The district's admin opens two accounts of 太和镇 and sets their first passwords. The leadership
member signs in at the console: the browser holds a cookie, and its call to
`/api/register/risk-points` reaches the register as that member (200); the information officer's
same call reaches it as an officer, whom the register turns away by name (403). A call without the
CSRF header never leaves the console; a session left idle ends.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import httpx
import pytest

from shared.auth import Role

if TYPE_CHECKING:
    from tests.e2e.conftest import Node

pytestmark = pytest.mark.kafka

DECISION = "清新纪发〔2026〕12号"
PASSWORD = "Taihe-2026-spring"
IDLE_SECONDS = 6


def test_signed_in_calls_reach_the_register_as_the_person(node: Node) -> None:
    _, register = node.serve("register")
    _, console = node.serve_with(
        "console",
        LIANFANG_CONSOLE_REGISTER_URL=f"http://127.0.0.1:{register}",
        LIANFANG_CONSOLE_IDLE_TIMEOUT_MINUTES=str(IDLE_SECONDS / 60),
    )
    base = f"http://127.0.0.1:{console}"
    admin = {"Authorization": f"Bearer {node.token(Role.ADMIN, 'QX', 'qx-admin')}"}
    with httpx.Client(base_url=base, timeout=15) as http:
        for user_id, role in (("th-leader", "leader"), ("th-officer", "officer")):
            account = {"user_id": user_id, "name": user_id, "unit_code": "QX-TH",
                       "grants": [{"role": role}], "authority": DECISION}  # fmt: skip
            opened = http.post("/api/console/accounts", json=account, headers=admin)
            assert opened.status_code == 201, opened.text
            first = http.put(
                f"/api/console/credentials/{user_id}/password",
                json={"password": PASSWORD},
                headers=admin,
            )
            assert first.status_code == 204, first.text

    # The leadership member, in a browser of their own.
    with httpx.Client(base_url=base, timeout=15) as browser:
        signed = browser.post("/api/session", json={"user_id": "th-leader", "password": PASSWORD})
        assert signed.status_code == 200, signed.text
        assert signed.json()["user"]["roles"] == ["leader"]
        assert "lianfang_session" in browser.cookies
        listed = browser.get("/api/register/risk-points", params={"within": "QX-TH"})
        assert listed.status_code == 200, listed.text
        assert "traceparent" in listed.headers  # the register's own answer, passed back

        forged = browser.post("/api/register/risk-points", json={})
        assert forged.status_code == 403
        assert "CSRF" in forged.json()["detail"]
        csrf = {"X-Lianfang-CSRF": browser.cookies["lianfang_csrf"]}
        reached = browser.post("/api/register/risk-points", json={}, headers=csrf)
        assert reached.status_code in (403, 422), reached.text  # the register's own refusal
        assert "CSRF" not in reached.text

        time.sleep(IDLE_SECONDS + 1)
        assert browser.get("/api/session").status_code == 401
        assert browser.get("/api/register/risk-points").status_code == 401

    # The information officer: the register sees an officer, and says so.
    with httpx.Client(base_url=base, timeout=15) as browser:
        assert browser.post(
            "/api/session", json={"user_id": "th-officer", "password": PASSWORD}
        ).status_code == 200  # fmt: skip
        refused = browser.get("/api/register/risk-points", params={"within": "QX-TH"})
        assert refused.status_code == 403
        assert "you hold: officer" in refused.json()["detail"]
        unknown = browser.post("/api/session", json={"user_id": "nobody", "password": PASSWORD})
        wrong = browser.post("/api/session", json={"user_id": "th-officer", "password": "x"})
        assert unknown.json() == wrong.json() == {"detail": "用户名或密码错误"}
