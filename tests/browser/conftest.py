"""The real stack for the browser tests: Kafka, the district node's four services and its console
service as real processes (the console serving the built console/dist and proxying /api to the
services), the demo register, and one person per role with a password in the directory
(tests/browser/people.py). Each test module gets its own stack (module scope): a module may
change the register without another module's counts moving."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pytest
from cryptography.fernet import Fernet
from playwright.sync_api import Browser, Page, sync_playwright
from pydantic import SecretStr

from lianfang.demo_register import RegisterDemo, load_register_demo
from services.console.accounts.imports import AccountDraft
from services.console.app import ConsoleApplication
from services.console.main import SPEC as CONSOLE_SPEC
from services.console.settings import ConsoleSettings
from services.console.signin.settings import SignInSettings
from shared.runtime import Runtime
from shared.settings import CommonSettings
from tests.browser.people import PASSWORD, PEOPLE, SETUP, Person
from tests.browser.support import (
    CHROMIUM_ARGS,
    chromium_path,
    open_context,
    require_built_console,
)
from tests.e2e.conftest import Node
from tests.support.tokens import TEST_KEY, TEST_KEY_FILE, issuer

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lianfang.kafka_acl import Provisioner

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")

FOUR_SERVICES = ("register", "intake", "warning", "assessment")

# The key sealing TOTP secrets, the same for the setup below and the console process.
TOTP_KEY = Fernet.generate_key().decode("ascii")


@dataclass
class Stack:
    """The district node as the browser reaches it: the console's URL, and the node's parts."""

    node: Node
    console_url: str
    register_url: str
    demo: RegisterDemo
    service_urls: dict[str, str] = field(default_factory=dict)
    """Each of the node's four services' own URL (for setting up facts a test does not enact)."""
    people: dict[str, Person] = field(default_factory=dict)


def _console_settings(node: Node) -> ConsoleSettings:
    common = CommonSettings.model_validate(
        {"store": "sqlite", "data_dir": node.data_dir, "topic_prefix": node.prefix,
         "kafka_bootstrap": node.bootstrap, "env": "dev", "dev_key_file": TEST_KEY_FILE}
    )  # fmt: skip
    signin = SignInSettings(
        totp_key=SecretStr(TOTP_KEY), signing_key_file=TEST_KEY_FILE, signing_key_id=TEST_KEY.kid
    )
    return ConsoleSettings(common=common, signin=signin)


def _open_accounts(node: Node) -> None:
    """The people's accounts, passwords and the office's authenticator, recorded in the console's
    store before its process starts (as an admin's setup would)."""
    node.data_dir.mkdir(parents=True, exist_ok=True)
    runtime = Runtime(CONSOLE_SPEC, _console_settings(node))
    try:
        app = runtime.app
        assert isinstance(app, ConsoleApplication)
        setter = {"user_id": SETUP.user_id, "role": "admin", "unit_code": "QX"}
        for p in PEOPLE:
            draft = AccountDraft(p.user_id, p.name, p.unit_code, grants=p.grants)
            app.open_account(draft, "清新纪发〔2026〕1号", SETUP)
            app.set_password(p.user_id, PASSWORD, setter)
            if p.totp_secret:
                app.enrol_known_secret(p.user_id, p.totp_secret, setter)
    finally:
        runtime.close()


@pytest.fixture(scope="module")
def stack(
    kafka_provisioner: Provisioner,
    tmp_path_factory: pytest.TempPathFactory,
    request: pytest.FixtureRequest,
) -> Iterator[Stack]:
    require_built_console()
    node = Node(kafka_provisioner, tmp_path_factory.mktemp("browser"))
    # A module may give a service more environment: `SERVICE_ENV = {"warning": {...}}`.
    extra: dict[str, dict[str, str]] = getattr(request.module, "SERVICE_ENV", {})
    try:
        _open_accounts(node)
        ports = {s: node.serve_with(s, **extra.get(s, {}))[1] for s in FOUR_SERVICES}
        _, console_port = node.serve_with(
            "console",
            **{
                f"LIANFANG_CONSOLE_{s.upper()}_URL": f"http://127.0.0.1:{p}"
                for s, p in ports.items()
            },
            LIANFANG_CONSOLE_SIGNING_KEY_FILE=str(TEST_KEY_FILE),
            LIANFANG_CONSOLE_SIGNING_KEY_ID=TEST_KEY.kid,
            LIANFANG_CONSOLE_TOTP_KEY=TOTP_KEY,
        )
        register_url = f"http://127.0.0.1:{ports['register']}"
        demo = load_register_demo(register_url, issuer().for_audience("district"))
        yield Stack(
            node, f"http://127.0.0.1:{console_port}", register_url, demo,
            {s: f"http://127.0.0.1:{p}" for s, p in ports.items()},
            {p.user_id: p for p in PEOPLE},
        )  # fmt: skip
    finally:
        node.stop_all()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    # Module scope: Playwright's sync API runs an event loop in this thread while it is started,
    # and the rest of the suite's asyncio.run() calls need it stopped once the browser tests end.
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser profile (no cookies) on an office screen, in Chinese, in Beijing."""
    context = open_context(browser)
    opened = context.new_page()
    yield opened
    context.close()
