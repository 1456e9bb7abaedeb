"""The console's front door over real HTTP: sign in, the session's cookies, the proxy to a service.

太和镇's information officer signs in at the console; the browser gets two cookies and never a
token; the officer's calls to `/api/register/...` reach the service with the officer's identity in
a token the service checks with the console's published keys. A page of another site cannot make
the browser change anything (CSRF), and fifteen idle minutes end the session.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import TYPE_CHECKING

import jwt
import pytest

from services.console.app import ConsoleApplication
from services.console.bff.sessions import CSRF_COOKIE, SESSION_COOKIE
from services.console.signin.factors import new_enrolment, totp_code
from shared.auth import Role
from shared.clock import ManualClock
from tests.support.tokens import TEST_KEY, bearer
from tests.unit.console.front_door import (
    ADMIN,
    OFFICE,
    OFFICER,
    PASSWORD,
    SETUP_ADMIN,
    EchoService,
    console,
    console_settings,
    csrf,
    serving,
    sign_in,
)

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from fastapi.testclient import TestClient

    from shared.runtime import Runtime


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def echo(clock: ManualClock) -> EchoService:
    return EchoService(clock)


@pytest.fixture
def front(
    tmp_path: Path, clock: ManualClock, echo: EchoService
) -> Iterator[tuple[Runtime, TestClient]]:
    with serving(echo.api) as url, console(console_settings(tmp_path, url), clock) as served:
        echo.trust(served[1].get("/.well-known/jwks.json").json())
        yield served


@pytest.fixture
def client(front: tuple[Runtime, TestClient]) -> TestClient:
    return front[1]


def set_cookie_headers(response: object) -> list[str]:
    return response.headers.get_list("set-cookie")  # type: ignore[attr-defined, no-any-return]


def test_signing_in_sets_an_httponly_session_cookie_and_a_readable_csrf_one(
    client: TestClient,
) -> None:
    answer = sign_in(client, OFFICER.user_id)
    assert answer.status_code == 200
    me = answer.json()["user"]
    assert (me["user_id"], me["name"], me["unit_code"], me["unit_name"]) == (
        "u-th-officer", "李信息", "QX-TH", "太和镇",
    )  # fmt: skip
    assert me["roles"] == ["officer"]
    assert me["grants"] == [{"role": "officer", "unit_code": "QX-TH"}]
    assert me["idle_timeout_seconds"] == 15 * 60
    assert me["second_factor"] is False
    session_cookie, csrf_cookie = sorted(
        set_cookie_headers(answer), key=lambda c: not c.startswith(SESSION_COOKIE)
    )
    assert "HttpOnly" in session_cookie
    assert "SameSite=strict" in session_cookie
    assert "Secure" in session_cookie
    assert "Path=/" in session_cookie
    assert csrf_cookie.startswith(CSRF_COOKIE)
    assert "HttpOnly" not in csrf_cookie
    assert "SameSite=strict" in csrf_cookie
    assert "token" not in answer.text  # the token stays on the server
    assert client.get("/api/session").json()["user"] == me


def test_unknown_user_and_wrong_password_get_the_same_answer(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    unknown = sign_in(client, "u-nobody")
    wrong = sign_in(client, OFFICER.user_id, "Wrong-guess-2026")
    assert unknown.status_code == wrong.status_code == 401
    assert unknown.json() == wrong.json() == {"detail": "用户名或密码错误"}
    assert SESSION_COOKIE not in client.cookies
    sign_in(client, OFFICER.user_id)
    assert "sign-in refused: u-th-officer" in caplog.text
    assert "signed in: u-th-officer" in caplog.text
    assert "Wrong-guess-2026" not in caplog.text
    assert PASSWORD not in caplog.text


def test_a_form_post_or_a_bad_body_signs_nobody_in(client: TestClient) -> None:
    form = client.post("/api/session", data={"user_id": OFFICER.user_id, "password": PASSWORD})
    assert form.status_code == 415
    missing = client.post("/api/session", json={"user_id": OFFICER.user_id})
    assert missing.status_code == 422
    assert missing.json()["detail"][0]["loc"] == ["body", "password"]
    huge = client.post(
        "/api/session",
        json={"user_id": OFFICER.user_id, "password": "x" * 10_000},
    )
    assert huge.status_code == 413  # bounded before it was parsed


def test_five_wrong_passwords_lock_the_account_out(client: TestClient) -> None:
    answers = [sign_in(client, OFFICER.user_id, "Wrong-guess-2026") for _ in range(5)]
    assert [a.status_code for a in answers] == [401, 401, 401, 401, 423]
    locked = sign_in(client, OFFICER.user_id)
    assert locked.status_code == 423
    assert locked.json()["locked_until"].startswith("2026-01-05T09:15")
    assert "账户已锁定" in locked.json()["detail"]


def test_the_office_signs_in_with_its_authenticator(
    client: TestClient, front: tuple[Runtime, TestClient], clock: ManualClock
) -> None:
    # Enrolment: signed in with the password alone, the office's role is held back.
    first = sign_in(client, OFFICE.user_id).json()["user"]
    assert first["roles"] == []
    assert first["withheld_roles"] == ["office"]
    assert first["second_factor_required"] is True
    offer = client.post("/api/session/totp", headers=csrf(client))
    assert offer.status_code == 200
    assert offer.json()["otpauth_uri"].startswith("otpauth://totp/")
    secret = offer.json()["secret"]
    bad = client.put("/api/session/totp", json={"totp": "000000"}, headers=csrf(client))
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["body", "totp"]
    good = client.put(
        "/api/session/totp", json={"totp": totp_code(secret, clock.now())}, headers=csrf(client)
    )
    assert good.json()["user"]["second_factor"] is True
    assert client.delete("/api/session").status_code == 204
    clock.advance(timedelta(seconds=30))

    needed = sign_in(client, OFFICE.user_id)
    assert needed.status_code == 401
    assert needed.json() == {"detail": "需要动态口令", "second_factor": "required"}
    signed = sign_in(client, OFFICE.user_id, totp=totp_code(secret, clock.now()))
    assert signed.status_code == 200
    assert signed.json()["user"]["roles"] == ["office"]
    # The token says the code was verified (RFC 8176 amr): what the intake's reveal asks for.
    token = client.get("/api/register/whoami").json()["token"]
    assert jwt.decode(token, options={"verify_signature": False})["amr"] == ["otp", "pwd"]


def test_calls_reach_the_service_as_the_signed_in_person(
    client: TestClient, echo: EchoService
) -> None:
    sign_in(client, OFFICER.user_id)
    answer = client.get("/api/register/risk-points?within=QX-TH&page=2")
    assert answer.status_code == 200
    assert answer.headers["x-echo"] == "yes"
    seen = answer.json()
    assert (seen["method"], seen["path"], seen["query"]) == (
        "GET", "risk-points", "within=QX-TH&page=2",
    )  # fmt: skip
    assert (seen["user"], seen["roles"], seen["unit"]) == ("u-th-officer", ["officer"], "QX-TH")
    assert seen["cookie"] is None  # the browser's cookies stay at the console
    assert jwt.decode(seen["token"], options={"verify_signature": False})["amr"] == ["pwd"]
    filed = client.post(
        "/api/intake/information", json={"summary": "村务公开不及时"}, headers=csrf(client)
    )
    assert filed.status_code == 200
    assert filed.json()["body"] == '{"summary":"村务公开不及时"}'
    refused = client.post("/api/register/refuse-422", json={}, headers=csrf(client))
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "unit_code"]
    down = client.get("/api/warning/warnings")
    assert down.status_code == 502
    assert "warning" in down.json()["detail"]


def test_bodies_are_bounded_and_slow_services_time_out(client: TestClient) -> None:
    sign_in(client, OFFICER.user_id)
    rows = "code,name\n" + "QX-TH-X,某单位\n" * 400  # about 6 KB: over the 4 KB of a form
    too_large = client.post(
        "/api/register/units", content=rows, headers={**csrf(client), "Content-Type": "text/csv"}
    )
    assert too_large.status_code == 413
    imported = client.post(
        "/api/register/units/import",
        content=rows,
        headers={**csrf(client), "Content-Type": "text/csv"},
    )
    assert imported.status_code == 200  # an import may be larger
    assert len(imported.json()["body"].encode()) == len(rows.encode())
    slow = client.get("/api/register/slow")
    assert slow.status_code == 504
    assert "register" in slow.json()["detail"]


def test_a_state_changing_call_without_the_csrf_header_is_refused(client: TestClient) -> None:
    sign_in(client, OFFICER.user_id)
    forged = client.post("/api/intake/information", json={"summary": "forged"})
    assert forged.status_code == 403
    assert "CSRF" in forged.json()["detail"]
    wrong = client.post(
        "/api/intake/information", json={}, headers={"X-Lianfang-CSRF": "not-the-value"}
    )
    assert wrong.status_code == 403
    console_own = client.post("/api/console/credentials/u-th-officer/unlock", json={"reason": "x"})
    assert console_own.status_code == 403


def test_without_a_session_the_api_answers_401(client: TestClient) -> None:
    assert client.get("/api/session").status_code == 401
    assert client.get("/api/register/risk-points").status_code == 401
    assert client.get("/api/console/accounts").status_code == 401


def test_fifteen_idle_minutes_end_the_session(client: TestClient, clock: ManualClock) -> None:
    sign_in(client, OFFICER.user_id)
    first_token = client.get("/api/register/x").json()["token"]
    for _ in range(4):  # busy for an hour: the session lives, its token is renewed
        clock.advance(timedelta(minutes=14))
        assert client.get("/api/register/x").status_code == 200
    assert client.get("/api/register/x").json()["token"] != first_token
    clock.advance(timedelta(minutes=15))
    assert client.get("/api/register/x").status_code == 401
    assert client.get("/api/session").status_code == 401


def test_the_consoles_own_polling_does_not_keep_a_session_alive(
    client: TestClient, clock: ManualClock
) -> None:
    sign_in(client, OFFICER.user_id)
    polling = {"X-Lianfang-Background": "1"}
    for _ in range(2):
        clock.advance(timedelta(minutes=7))
        assert client.get("/api/register/to-dos", headers=polling).status_code == 200
    clock.advance(timedelta(minutes=1))  # 15 minutes since the person last did anything
    assert client.get("/api/session", headers=polling).status_code == 401


def test_the_consoles_own_routes_take_the_session(
    client: TestClient, front: tuple[Runtime, TestClient], clock: ManualClock
) -> None:
    secret = new_enrolment(ADMIN.user_id).secret
    app = front[0].app
    assert isinstance(app, ConsoleApplication)
    app.enrol_known_secret(ADMIN.user_id, secret, {"user_id": "setup"})
    sign_in(client, ADMIN.user_id, totp=totp_code(secret, clock.now()))
    listed = client.get("/api/console/accounts", params={"within": "QX-TH"})
    assert listed.status_code == 200, listed.text
    assert "u-th-officer" in listed.text
    forged = client.post("/api/console/accounts/u-th-officer/suspend", json={})
    assert forged.status_code == 403  # no CSRF header: refused before the route


def test_a_suspended_person_is_signed_out_within_minutes(
    client: TestClient, front: tuple[Runtime, TestClient], clock: ManualClock
) -> None:
    sign_in(client, OFFICER.user_id)
    app = front[0].app
    assert isinstance(app, ConsoleApplication)
    app.suspend_account(OFFICER.user_id, "调离", "清新纪发〔2026〕2号", SETUP_ADMIN)
    clock.advance(timedelta(minutes=6))  # the token nears its end: renewing reads the account
    assert client.get("/api/register/x").status_code == 401
    assert sign_in(client, OFFICER.user_id).json() == {"detail": "用户名或密码错误"}


def test_an_admin_sets_a_first_password_through_the_api(
    client: TestClient, front: tuple[Runtime, TestClient]
) -> None:
    admin = bearer(front[0], "u-qx-admin", [Role.ADMIN], "QX")
    weak = client.put(
        "/api/console/credentials/u-th-officer/password", json={"password": "short"}, headers=admin
    )
    assert weak.status_code == 422
    assert weak.json()["detail"][0]["loc"] == ["body", "password"]
    sign_in(client, OFFICER.user_id)  # the old password's session ends with the reset
    reset = client.put(
        "/api/console/credentials/u-th-officer/password",
        json={"password": "Reset-by-admin-2026"},
        headers=admin,
    )
    assert reset.status_code == 204
    assert client.get("/api/session").status_code == 401
    assert sign_in(client, OFFICER.user_id).status_code == 401
    assert sign_in(client, OFFICER.user_id, "Reset-by-admin-2026").status_code == 200
    officer = bearer(front[0], "u-th-officer", [Role.OFFICER], "QX-TH")
    refused = client.put(
        "/api/console/credentials/u-th-office/password", json={"password": "Reset-by-admin-2026"},
        headers=officer,
    )  # fmt: skip
    assert refused.status_code == 403


def test_signing_in_again_replaces_the_session(client: TestClient) -> None:
    sign_in(client, OFFICER.user_id)
    before = client.cookies[SESSION_COOKIE]
    sign_in(client, OFFICER.user_id)
    assert client.cookies[SESSION_COOKIE] != before
    client.cookies.set(SESSION_COOKIE, before)
    assert client.get("/api/session").status_code == 401  # the old id opens nothing


def test_signing_out_ends_the_session(client: TestClient) -> None:
    sign_in(client, OFFICER.user_id)
    cookie = client.cookies[SESSION_COOKIE]
    assert client.delete("/api/session").status_code == 204
    client.cookies.set(SESSION_COOKIE, cookie)  # a copy of the old cookie opens nothing
    assert client.get("/api/session").status_code == 401


def test_an_admin_unlocks_a_locked_out_account(
    client: TestClient, front: tuple[Runtime, TestClient], clock: ManualClock
) -> None:
    for _ in range(5):
        sign_in(client, OFFICER.user_id, "Wrong-guess-2026")
    secret = new_enrolment(ADMIN.user_id).secret
    app = front[0].app
    assert isinstance(app, ConsoleApplication)
    app.enrol_known_secret(ADMIN.user_id, secret, {"user_id": "setup"})
    without_code = sign_in(client, ADMIN.user_id)
    assert without_code.json()["second_factor"] == "required"
    sign_in(client, ADMIN.user_id, totp=totp_code(secret, clock.now()))
    status = client.get("/api/console/credentials/u-th-officer").json()
    assert status["locked_until"] is not None
    assert "password_hash" not in status
    no_reason = client.post(
        "/api/console/credentials/u-th-officer/unlock", json={"reason": ""}, headers=csrf(client)
    )
    assert no_reason.status_code == 422
    unlocked = client.post(
        "/api/console/credentials/u-th-officer/unlock",
        json={"reason": "电话核实本人"},
        headers=csrf(client),
    )
    assert unlocked.status_code == 204
    client.delete("/api/session")
    assert sign_in(client, OFFICER.user_id).status_code == 200
    # An officer is no admin.
    refused = client.get("/api/console/credentials/u-qx-admin")
    assert refused.status_code == 403


def test_the_issuer_publishes_its_public_key_only(client: TestClient) -> None:
    [key] = client.get("/.well-known/jwks.json").json()["keys"]
    assert (key["kty"], key["crv"], key["alg"], key["kid"]) == (
        "OKP", "Ed25519", "EdDSA", TEST_KEY.kid,
    )  # fmt: skip
    assert "d" not in key  # the private part never leaves


def test_the_web_console_is_served_with_a_fallback_to_index(
    client: TestClient, tmp_path: Path
) -> None:
    missing = client.get("/register/points")
    assert missing.status_code == 503
    assert "控制台尚未构建" in missing.text
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><title>廉防</title>", encoding="utf-8")
    (dist / "assets" / "app-1a2b.js").write_text("console.log(1)", encoding="utf-8")
    deep = client.get("/register/points/42")
    assert deep.status_code == 200
    assert "<title>廉防</title>" in deep.text
    assert "frame-ancestors 'none'" in deep.headers["content-security-policy"]
    asset = client.get("/assets/app-1a2b.js")
    assert asset.text == "console.log(1)"
    assert "immutable" in asset.headers["cache-control"]
    assert client.get("/../../etc/passwd").text == deep.text  # never outside the build
    assert client.get("/api/nowhere").status_code == 404
    assert client.get("/healthz").json() == {"status": "ok"}


def test_a_refused_sign_in_never_echoes_the_password_or_the_code(client: TestClient) -> None:
    """Review L5, issue #17 item 5: a 422 names where and why, not what was typed."""
    password = "口令-" + "s3cret" * 30  # over 128 characters
    answer = sign_in(client, OFFICE.user_id, password, totp="12\x0734")
    assert answer.status_code == 422
    locations = {tuple(e["loc"]) for e in answer.json()["detail"]}
    assert {("body", "password"), ("body", "totp")} <= locations
    assert "s3cret" not in answer.text
    assert "12\\u000734" not in answer.text
    assert "12\x0734" not in answer.text
    assert all(set(e) <= {"loc", "msg", "type", "ctx"} for e in answer.json()["detail"])
    # The context keeps the rule's limits only, never how long the refused value was.
    assert all(
        set(e.get("ctx", {})) <= {"min_length", "max_length"} for e in answer.json()["detail"]
    )
