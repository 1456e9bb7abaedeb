"""The intake service: risk information on every channel, screened and routed (Art. 21–24)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.intake import (
    api,
    api_identity,
    api_obligations,
    api_officers,
    api_routing,
    contract,
)
from services.intake.app import IntakeApplication
from services.intake.settings import IntakeSettings
from services.intake.ticks import intake_ticks
from shared.runtime import ServiceSpec

if TYPE_CHECKING:
    from shared.clock import Clock
    from shared.orgtree import OrgDirectory
    from shared.settings import ServiceSettings


def create_application(
    env: dict[str, str], clock: Clock, org: OrgDirectory, settings: ServiceSettings
) -> IntakeApplication:
    """The application of this node, with its rules from the intake settings."""
    if not isinstance(settings, IntakeSettings):
        settings = IntakeSettings(common=settings.common)
    return IntakeApplication(env, clock=clock, org=org, rules=settings.rules())


SPEC = ServiceSpec(
    name="intake",
    title="Intake 信息收集",
    application=create_application,
    translate=contract.translate,
    routers=lambda: [
        api.router,
        api_identity.router,
        api_routing.router,
        api_routing.tracking,
        api_officers.router,
        api_obligations.router,
    ],
    # Its own topic: forwards, transfers and acknowledgements addressed to this node; the
    # register's: units registered or changed (shared/org_follow.py).
    consumes=("intake", "register"),
    ticks=intake_ticks(),
)

Settings = IntakeSettings
