"""A node as the browser tests reach it: its four services and its console as real processes
(the console serving the built console/dist and proxying /api to the services), the people able
to sign in, and the register's demo catalogue.

The five processes start side by side and are waited for together: each spends a few seconds of
CPU importing and opening its store, and the suite starts a node per browser module."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cryptography.fernet import Fernet
from pydantic import SecretStr

from lianfang.demo_accounts import DEMO_ACCOUNTS
from lianfang.demo_register import RegisterDemo, load_register_demo
from services.console.accounts.imports import AccountDraft
from services.console.app import ConsoleApplication
from services.console.main import SPEC as CONSOLE_SPEC
from services.console.settings import ConsoleSettings
from services.console.signin.settings import SignInSettings
from shared.auth import Role
from shared.runtime import Runtime
from shared.settings import CommonSettings
from tests.browser.people import PASSWORD, SETUP, Person
from tests.support.processes import ServiceProcess, free_port
from tests.support.tokens import TEST_KEY, TEST_KEY_FILE, issuer

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from tests.e2e.conftest import Node

FOUR_SERVICES = ("register", "intake", "warning", "assessment")

TOTP_KEY = Fernet.generate_key().decode("ascii")
"""The key sealing TOTP secrets, the same for the set-up below and the console process."""

STARTUP_SECONDS = 300.0
"""How long a process may take to answer its first /healthz: CI's two cores start five
processes at once, and a stack that starts slowly is not a failure of the screens under test."""


@dataclass
class Stack:
    """A node as the browser reaches it: the console's URL, and the node's parts."""

    node: Node
    console_url: str
    register_url: str
    demo: RegisterDemo
    service_urls: dict[str, str] = field(default_factory=dict)
    """Each of the node's four services' own URL (for setting up facts a test does not enact)."""
    people: dict[str, Person] = field(default_factory=dict)


def console_settings(node: Node) -> ConsoleSettings:
    """The node's console as its process runs it (same store, same keys)."""
    common = CommonSettings.model_validate(
        {"store": "sqlite", "data_dir": node.data_dir, "topic_prefix": node.prefix,
         "kafka_bootstrap": node.bootstrap, "env": "dev", "dev_key_file": TEST_KEY_FILE}
    )  # fmt: skip
    signin = SignInSettings(
        totp_key=SecretStr(TOTP_KEY), signing_key_file=TEST_KEY_FILE, signing_key_id=TEST_KEY.kid
    )
    return ConsoleSettings(common=common, signin=signin)


def open_accounts(node: Node, people: Iterable[Person]) -> None:
    """The people's accounts, passwords and authenticators, in the node's console store before
    its process starts (as an admin's setup would)."""
    node.data_dir.mkdir(parents=True, exist_ok=True)
    runtime = Runtime(CONSOLE_SPEC, console_settings(node))
    try:
        app = runtime.app
        assert isinstance(app, ConsoleApplication)
        setter = {"user_id": SETUP.user_id, "role": "admin", "unit_code": SETUP.unit_code}
        for p in people:
            draft = AccountDraft(p.user_id, p.name, p.unit_code, grants=p.grants)
            app.open_account(draft, "清新纪发〔2026〕1号", SETUP)
            app.set_password(p.user_id, PASSWORD, setter)
            if p.totp_secret:
                app.enrol_known_secret(p.user_id, p.totp_secret, setter)
    finally:
        runtime.close()


def demo_posts(people: Iterable[Person]) -> tuple[Person, ...]:
    """The demo's leadership teams and 研判小组 (lianfang/demo_accounts.py) that `people` lack:
    the register checks a responsible leader, each vote (Art. 14) and each judge (Art. 25)
    against the directory's grants, so the demo register and the demo chain need them as
    accounts even though they never sign in."""
    known = {p.user_id for p in people}
    return tuple(
        Person(a.user_id, a.name, a.unit_code, ((a.role, a.unit_code),))
        for a in DEMO_ACCOUNTS
        if a.role in (Role.LEADER, Role.JUDGE) and a.user_id not in known
    )


def _start(node: Node, service: str, **extra: str) -> tuple[ServiceProcess, int]:
    """`lianfang serve SERVICE` started on a free port, not yet waited for."""
    port = free_port()
    env = node.env(service, **{f"LIANFANG_{service.upper()}_PORT": str(port)}, **extra)
    log = node.root / f"{service}-serve-{len(node.processes)}.log"
    proc = ServiceProcess(["serve", service], env, log).start()
    node.processes.append(proc)
    return proc, port


def serve_node(
    node: Node,
    people: Iterable[Person],
    demo: RegisterDemo | None = None,
    service_env: Mapping[str, Mapping[str, str]] | None = None,
    **every: str,
) -> Stack:
    """The node's four services and its console as processes, the people able to sign in.

    `demo` is what the register already holds; None loads the register's demo catalogue
    (lianfang.demo_register) once the services answer. `service_env` gives a service more
    environment (e.g. a shorter deadline tick for the warning service), `every` gives all five
    processes more (e.g. LIANFANG_DEV_CLOCK_FILE, which a node's processes share)."""
    people = tuple(people)
    extra = service_env or {}
    open_accounts(node, people if demo is not None else (*people, *demo_posts(people)))
    started = {s: _start(node, s, **every, **extra.get(s, {})) for s in FOUR_SERVICES}
    ports = {service: port for service, (_, port) in started.items()}
    console, console_port = _start(
        node,
        "console",
        **{f"LIANFANG_CONSOLE_{s.upper()}_URL": f"http://127.0.0.1:{p}" for s, p in ports.items()},
        LIANFANG_CONSOLE_SIGNING_KEY_FILE=str(TEST_KEY_FILE),
        LIANFANG_CONSOLE_SIGNING_KEY_ID=TEST_KEY.kid,
        LIANFANG_CONSOLE_TOTP_KEY=TOTP_KEY,
        **every,
        **extra.get("console", {}),
    )
    for proc, port in (*started.values(), (console, console_port)):
        proc.wait_http(port, STARTUP_SECONDS)
    urls = {s: f"http://127.0.0.1:{p}" for s, p in ports.items()}
    if demo is None:
        demo = load_register_demo(urls["register"], issuer().for_audience(node.node_id))
    return Stack(
        node, f"http://127.0.0.1:{console_port}", urls["register"], demo, urls,
        {p.user_id: p for p in people},
    )  # fmt: skip
