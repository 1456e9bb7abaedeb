"""The warning service: review meetings, warnings, deadlines (Art. 26–29)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.warning import api_proposals, api_warnings, contract
from services.warning.app import WarningApplication
from services.warning.settings import WarningSettings
from shared.runtime import ServiceSpec, Tick

if TYPE_CHECKING:
    from shared.application import ServiceApplication
    from shared.clock import Clock
    from shared.orgtree import OrgDirectory
    from shared.settings import ServiceSettings

DEADLINE_CHECK_SECONDS = 60.0


def create_application(
    env: dict[str, str], clock: Clock, org: OrgDirectory, settings: ServiceSettings
) -> WarningApplication:
    """The warning application with the rules its settings configure (Art. 27, 28)."""
    rules = settings.rules() if isinstance(settings, WarningSettings) else None
    return WarningApplication(env, clock=clock, org=org, rules=rules)


def check_deadlines(app: ServiceApplication) -> int:
    """The deadline tick: reminders, RectificationOverdue, escalation proposals (Art. 28)."""
    assert isinstance(app, WarningApplication)
    return app.check_deadlines()


SPEC = ServiceSpec(
    name="warning",
    title="Warning 预警处置",
    application=create_application,
    translate=contract.translate,
    routers=lambda: [api_proposals.router, api_warnings.router],
    consumes=("register",),
    ticks=(Tick("deadlines", DEADLINE_CHECK_SECONDS, check_deadlines),),
)

Settings = WarningSettings
