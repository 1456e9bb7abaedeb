"""The real stack for the browser tests: Kafka, the district node's four services and its console
service as real processes (the console serving the built console/dist and proxying /api to the
services), the demo register, and one person per role with a password in the directory
(tests/browser/people.py).

Starting a node costs far more than most modules' tests, so the modules share one district node
(package scope) and write tests that find their own records rather than count the register's.
A module that needs a node of its own says so: `OWN_STACK = True` (its figures are the demo's
own), or `SERVICE_ENV = {"warning": {...}}` (a service configured otherwise)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.browser.people import PEOPLE
from tests.browser.stacks import Stack, serve_node
from tests.browser.support import (
    CHROMIUM_ARGS,
    chromium_path,
    open_context,
    require_built_console,
)
from tests.e2e.conftest import Node

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from lianfang.kafka_acl import Provisioner

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")

__all__ = ["Stack"]  # what the modules' type hints import from here


def _serve(
    provisioner: Provisioner, root: Path, extra: dict[str, dict[str, str]]
) -> Iterator[Stack]:
    require_built_console()
    node = Node(provisioner, root)
    try:
        yield serve_node(node, PEOPLE, service_env=extra)
    finally:
        node.stop_all()


@pytest.fixture(scope="package")
def district(
    kafka_provisioner: Provisioner, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stack]:
    """The district node the browser modules share, stopped after the last of them."""
    yield from _serve(kafka_provisioner, tmp_path_factory.mktemp("browser"), {})


@pytest.fixture(scope="module")
def stack(
    kafka_provisioner: Provisioner,
    tmp_path_factory: pytest.TempPathFactory,
    request: pytest.FixtureRequest,
) -> Iterator[Stack]:
    """The shared district node, or the module's own (`OWN_STACK`, `SERVICE_ENV`)."""
    extra: dict[str, dict[str, str]] = getattr(request.module, "SERVICE_ENV", {})
    if not extra and not getattr(request.module, "OWN_STACK", False):
        yield request.getfixturevalue("district")
        return
    yield from _serve(kafka_provisioner, tmp_path_factory.mktemp("browser"), extra)


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
