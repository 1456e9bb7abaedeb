"""The console service: accounts and grants, sign-in, tokens, the web console."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.console import contract
from services.console.app import ConsoleApplication
from services.console.settings import ConsoleSettings
from shared.runtime import ServiceSpec

if TYPE_CHECKING:
    from shared.clock import Clock
    from shared.orgtree import OrgDirectory
    from shared.settings import ServiceSettings


def create_application(
    env: dict[str, str], clock: Clock, org: OrgDirectory, settings: ServiceSettings
) -> ConsoleApplication:
    """The console application."""
    return ConsoleApplication(env, clock=clock, org=org)


SPEC = ServiceSpec(
    name="console",
    title="Console 控制台",
    application=create_application,
    translate=contract.translate,
    routers=lambda: [],
    # The registers' units: an admin's subtree includes units registered since the start.
    consumes=("register",),
)

Settings = ConsoleSettings
