"""What the intake and chain browser tests add to the shared stack: more people (the district's
研判小组 has three members, Art. 25; 太和镇's people for its own node), a node's console started
for any node (the district's, or 太和镇's on the same Kafka and topics, Art. 24), and the set-up
an office would have done beforehand (an officer appointed, the judgement group appointed)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import httpx

from services.console.accounts.imports import AccountDraft
from services.console.app import ConsoleApplication
from services.console.main import SPEC as CONSOLE_SPEC
from shared.auth import Role
from shared.runtime import Runtime
from tests.browser.conftest import FOUR_SERVICES, TOTP_KEY, Stack, _console_settings
from tests.browser.people import PASSWORD, PEOPLE, SETUP, Person
from tests.support.processes import ServiceProcess, free_port
from tests.support.tokens import TEST_KEY, TEST_KEY_FILE, issuer

if TYPE_CHECKING:
    from collections.abc import Iterable

    from lianfang.demo_register import RegisterDemo
    from tests.e2e.conftest import Node

# The district's 研判小组 needs three sign-offs (at least 3, Art. 25): two more members.
JUDGE2 = Person("u-qx-judge2", "林研判", "QX", ((Role.JUDGE, "QX"),))
JUDGE3 = Person("u-qx-judge3", "黄研判", "QX", ((Role.JUDGE, "QX"),))
DISTRICT_EXTRA = (JUDGE2, JUDGE3)

# 太和镇's node (town-taihe): its office (with an authenticator), its 研判小组 and the leader of
# its 规划建设办公室 (that unit's whole leadership team in the org seed).
TAIHE_OFFICE = Person(
    "u-taihe-office", "何镇预防", "QX-TH", ((Role.OFFICE, "QX-TH"),),
    "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
)  # fmt: skip
TAIHE_JUDGES = tuple(
    Person(f"u-taihe-judge{n}", name, "QX-TH", ((Role.JUDGE, "QX-TH"),))
    for n, name in ((1, "梁研判"), (2, "罗研判"), (3, "宋研判"))
)
TAIHE_GHB_HEAD = Person("u-taihe-ghb-head", "钟主任", "QX-TH-GHB", ((Role.LEADER, "QX-TH-GHB"),))
TAIHE_PEOPLE = (TAIHE_OFFICE, *TAIHE_JUDGES, TAIHE_GHB_HEAD)
GROUP_AUTHORITY = "清新纪发〔2026〕研判小组"


def open_accounts(node: Node, people: Iterable[Person]) -> None:
    """The people's accounts, passwords and authenticators, in the node's console store before
    its process starts (as an admin's setup would)."""
    node.data_dir.mkdir(parents=True, exist_ok=True)
    runtime = Runtime(CONSOLE_SPEC, _console_settings(node))
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


# Two cores shared by eight helpers: a service may take minutes to answer its first /healthz.
STARTUP_SECONDS = 300.0


def _start(node: Node, service: str, **extra: str) -> tuple[ServiceProcess, int]:
    """`lianfang serve SERVICE` started, not yet waited for (Node.serve_with waits 60 s)."""
    port = free_port()
    env = node.env(service, **{f"LIANFANG_{service.upper()}_PORT": str(port)}, **extra)
    log = node.root / f"{service}-serve-{len(node.processes)}.log"
    proc = ServiceProcess(["serve", service], env, log).start()
    node.processes.append(proc)
    return proc, port


def serve_node(node: Node, people: Iterable[Person], demo: RegisterDemo, **extra: str) -> Stack:
    """The node's four services and its console as processes, the people able to sign in;
    `extra` settings (e.g. LIANFANG_DEV_CLOCK_FILE) for every process of the node."""
    people = tuple(people)
    open_accounts(node, people)
    started = {service: _start(node, service, **extra) for service in FOUR_SERVICES}
    ports = {service: port for service, (_, port) in started.items()}
    console, console_port = _start(
        node,
        "console",
        **{f"LIANFANG_CONSOLE_{s.upper()}_URL": f"http://127.0.0.1:{p}" for s, p in ports.items()},
        LIANFANG_CONSOLE_SIGNING_KEY_FILE=str(TEST_KEY_FILE),
        LIANFANG_CONSOLE_SIGNING_KEY_ID=TEST_KEY.kid,
        LIANFANG_CONSOLE_TOTP_KEY=TOTP_KEY,
        **extra,
    )
    for proc, port in (*started.values(), (console, console_port)):
        proc.wait_http(port, STARTUP_SECONDS)
    urls = {s: f"http://127.0.0.1:{p}" for s, p in ports.items()}
    return Stack(
        node, f"http://127.0.0.1:{console_port}", urls["register"], demo, urls,
        {p.user_id: p for p in people},
    )  # fmt: skip


def everyone_of_the_district() -> tuple[Person, ...]:
    return (*PEOPLE, *DISTRICT_EXTRA)


def as_office(stack: Stack, unit: str, user: str) -> dict[str, str]:
    """An office's bearer token for the stack's node (set-up a test does not enact)."""
    minter = issuer().for_audience(stack.node.node_id)
    return {"Authorization": f"Bearer {minter.mint(user, [Role.OFFICE], unit)}"}


def appoint_officer(stack: Stack, officer: Person, units: list[str]) -> None:
    """The office appoints the information officer 信息员 covering `units` (Art. 22)."""
    body = {"user_id": officer.user_id, "name": officer.name, "kind": "internal", "units": units,
            "active_from": (datetime.now(UTC) - timedelta(days=1)).isoformat()}  # fmt: skip
    office = as_office(stack, stack.node.root_unit, "u-setup-office")
    answer = httpx.post(f"{stack.service_urls['intake']}/officers", json=body, headers=office)
    assert answer.status_code == 201, answer.text


def appoint_group(stack: Stack, unit: str, members: Iterable[Person]) -> None:
    """The office appoints the unit's 研判小组 (Art. 25)."""
    office = as_office(stack, stack.node.root_unit, "u-setup-office")
    for m in members:
        body = {"user_id": m.user_id, "name": m.name, "authority": GROUP_AUTHORITY}
        answer = httpx.post(
            f"{stack.register_url}/units/{unit}/judgement-group/members", json=body,
            headers=office,
        )  # fmt: skip
        assert answer.status_code == 201, answer.text
