"""The console's front door in tests: the console over HTTP with people to sign in, and a real
HTTP service behind its proxy (uvicorn on a free port) that says what reached it."""

from __future__ import annotations

import asyncio
import threading
import time
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient

from services.console.accounts.imports import AccountDraft
from services.console.app import ConsoleApplication
from services.console.bff.sessions import CSRF_COOKIE, CSRF_HEADER
from services.console.bff.settings import ProxySettings
from services.console.main import SPEC
from services.console.settings import ConsoleSettings
from services.console.signin.factors import SecretSealer
from services.console.signin.handlers import Person
from services.console.signin.settings import SignInSettings
from shared.auth import Principal, Role, StaticJwks, TokenError, TokenVerifier
from shared.http import create_api
from shared.runtime import Runtime
from shared.settings import CommonSettings
from tests.support.processes import free_port
from tests.support.tokens import TEST_KEY, TEST_KEY_FILE

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from shared.clock import Clock, ManualClock
    from shared.orgtree import OrgDirectory
    from shared.settings import ServiceSettings

OFFICER = Person("u-th-officer", "李信息", "QX-TH", True, ((Role.OFFICER, "QX-TH"),))
OFFICE = Person("u-th-office", "王预防", "QX-TH", True, ((Role.OFFICE, "QX-TH"),))
ADMIN = Person("u-qx-admin", "区管理员", "QX", True, ((Role.ADMIN, "QX"),))
BUREAU = Person("u-cz-head", "区财政局局长", "QX-CZ", True, ((Role.LEADER, "QX-CZ"),))
PEOPLE = {p.user_id: p for p in (OFFICER, OFFICE, ADMIN, BUREAU)}
PASSWORD = "Taihe-2026-spring"
SETTER = {"user_id": "u-setup", "role": "admin", "unit_code": "QX"}


SETUP_ADMIN = Principal("u-setup", frozenset({Role.ADMIN}), "QX", "建账管理员")


def _console_with_people(
    env: dict[str, str], clock: Clock, org: OrgDirectory, settings: ServiceSettings
) -> ConsoleApplication:
    """The console with the people's accounts opened in its directory and their passwords set."""
    assert isinstance(settings, ConsoleSettings)
    kit = settings.signin.kit(settings.common)
    app = ConsoleApplication(env, clock=clock, org=org, signin=kit)
    for person in PEOPLE.values():
        draft = AccountDraft(person.user_id, person.name, person.unit_code, grants=person.grants)
        app.open_account(draft, "清新纪发〔2026〕1号", SETUP_ADMIN)
        app.set_password(person.user_id, PASSWORD, SETTER)
    return app


def console_settings(tmp_path: Path, service_url: str) -> ConsoleSettings:
    """Production-like settings (no dev mode): a signing key file and a TOTP key are given."""
    return ConsoleSettings(
        common=CommonSettings(store="memory", data_dir=tmp_path / "data"),
        signin=SignInSettings(
            # The suite's key: what every runtime of the tests checks tokens with, the console's
            # own routes (/api/console/...) included.
            signing_key_file=TEST_KEY_FILE,
            signing_key_id=TEST_KEY.kid,
            totp_key=SecretSealer.generate_key(),  # type: ignore[arg-type]  # SecretStr accepts str
        ),
        proxy=ProxySettings(
            intake_url=service_url,
            register_url=service_url,
            warning_url="http://127.0.0.1:9",  # nothing listens: a 502
            assessment_url=service_url,
            max_body_bytes=4096,
            max_import_body_bytes=64 * 1024,
            read_timeout_seconds=1,
            dist_dir=tmp_path / "dist",
        ),
    )


@contextmanager
def console(settings: ConsoleSettings, clock: ManualClock) -> Iterator[tuple[Runtime, TestClient]]:
    """The console's HTTP API over https://testserver (its cookies are Secure)."""
    runtime = Runtime(replace(SPEC, application=_console_with_people), settings, clock)
    with TestClient(create_api(runtime), base_url="https://testserver") as client:
        yield runtime, client
    runtime.close()


def csrf(client: TestClient) -> dict[str, str]:
    """The CSRF header the console's script sends: the readable cookie's value."""
    return {CSRF_HEADER: client.cookies[CSRF_COOKIE]}


def sign_in(client: TestClient, user_id: str, password: str = PASSWORD, **more: Any) -> Any:
    return client.post("/api/session", json={"user_id": user_id, "password": password, **more})


class EchoService:
    """A real HTTP service that checks the bearer token with the console's JWKS and answers with
    what reached it; `/refuse-422` answers as a service refusing a field does."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.verifier: TokenVerifier | None = None
        self.api = FastAPI()

        @self.api.api_route("/{path:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
        async def echo(path: str, request: Request) -> JSONResponse:
            if path == "slow":
                await asyncio.sleep(2)
            if path == "refuse-422":
                detail = [{"loc": ["body", "unit_code"], "msg": "unknown unit", "type": "x"}]
                return JSONResponse({"detail": detail}, status_code=422)
            auth = request.headers.get("authorization", "")
            assert self.verifier is not None
            try:
                who = self.verifier.verify(auth.removeprefix("Bearer "))
            except TokenError as exc:
                return JSONResponse({"detail": str(exc)}, status_code=401)
            return JSONResponse(
                {
                    "method": request.method,
                    "path": path,
                    "query": str(request.query_params),
                    "body": (await request.body()).decode(),
                    "user": who.user_id,
                    "roles": sorted(who.roles),
                    "unit": who.unit_code,
                    "token": auth.removeprefix("Bearer "),
                    "cookie": request.headers.get("cookie"),
                },
                headers={"X-Echo": "yes"},
            )

    def trust(self, jwks: dict[str, Any]) -> None:
        """Check tokens against the console's published keys, as the district's services do."""
        self.verifier = TokenVerifier(StaticJwks(jwks), "lianfang", "district", self.clock)


@contextmanager
def serving(api: FastAPI) -> Iterator[str]:
    """`api` served by uvicorn on a free local port, in a thread; its base URL."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(api, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the echo service did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(5)
