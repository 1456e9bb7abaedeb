"""What every browser test does: sign a person in through the form, photograph a screen and check
it with axe-core, read a service's topic from Kafka."""

from __future__ import annotations

import asyncio
import json
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import pyotp

from shared.topics import Topics
from tests.browser.people import PASSWORD, Person
from tests.browser.support import axe_violations, describe, screenshot
from tests.support.kafka import read_from_start

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.browser.conftest import Stack


def accessible(page: Page, screen: str) -> None:
    """No serious or critical axe-core violation on the screen, and its picture saved."""
    screenshot(page, screen)
    violations = axe_violations(page)
    assert not violations, f"{screen}: {describe(violations)}"


_used_codes: dict[str, str] = {}


def fresh_code(person: Person, clock_shift: timedelta = timedelta(0)) -> str:
    """The person's current TOTP code, waiting for the next one if it was used (the console
    accepts a code once, RFC 6238 section 5.2); on a node whose development clock runs
    `clock_shift` ahead (shared/clock.py DevShiftedClock), the code of the node's time."""
    assert person.totp_secret is not None
    totp = pyotp.TOTP(person.totp_secret)
    while (code := totp.at(time.time() + clock_shift.total_seconds())) == _used_codes.get(
        person.user_id
    ):
        time.sleep(0.5)
    _used_codes[person.user_id] = code
    return code


def sign_in(
    page: Page, stack: Stack, person: Person, clock_shift: timedelta = timedelta(0)
) -> tuple[float, float]:
    """Sign `person` in through the form: the seconds the server took to sign in (argon2id, the
    code), and the seconds from its answer to an interactive 工作台."""
    page.goto(f"{stack.console_url}/login")
    page.fill("#user_id", person.user_id)
    page.fill("#password", PASSWORD)
    if person.totp_secret:
        page.click("button[type=submit]")
        page.wait_for_selector("#totp")
        page.fill("#totp", fresh_code(person, clock_shift))
    started = time.perf_counter()
    with page.expect_response(lambda r: r.url.endswith("/api/session") and r.ok):
        page.click("button[type=submit]")
    signed_in = time.perf_counter()
    page.wait_for_selector("[data-ready=true]")
    return signed_in - started, time.perf_counter() - signed_in


def facts_on_kafka(stack: Stack, service: str) -> list[tuple[str, dict[str, Any]]]:
    """(event type, data) of every record on `service`'s events topic of the stack's node.
    Playwright's sync API holds this thread's event loop: Kafka is read from another thread."""
    topic = Topics(stack.node.prefix).events(service)
    with ThreadPoolExecutor(1) as reader:
        records = reader.submit(
            asyncio.run, read_from_start(stack.node.admin, topic, 1000, 10)
        ).result()
    return [(dict(r.headers)["ce_type"].decode(), json.loads(r.value)) for r in records]
