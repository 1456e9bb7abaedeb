"""The warning service: review meetings, warnings, deadlines (Art. 26–29)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.warning import contract
from services.warning.app import WarningApplication
from services.warning.dashboard import api as dashboard_api
from services.warning.deadlines import api as deadlines_api
from services.warning.deadlines.watch import TICK
from services.warning.disposal import api as disposal_api
from services.warning.notice import api as notice_api
from services.warning.settings import WarningSettings
from services.warning.supervision import api as supervision_api
from services.warning.supervision.watch import TICK as REWORK_TICK
from services.warning.todos import api as todos_api
from shared.runtime import ServiceSpec

if TYPE_CHECKING:
    from shared.clock import Clock
    from shared.orgtree import OrgDirectory
    from shared.settings import ServiceSettings


def create_application(
    env: dict[str, str], clock: Clock, org: OrgDirectory, settings: ServiceSettings
) -> WarningApplication:
    """The warning application with the rules its settings configure (Art. 27, 28)."""
    rules = settings.rules() if isinstance(settings, WarningSettings) else None
    return WarningApplication(env, clock=clock, org=org, rules=rules)


SPEC = ServiceSpec(
    name="warning",
    title="Warning 预警处置",
    application=create_application,
    translate=contract.translate,
    routers=lambda: [
        disposal_api.proposals,
        disposal_api.warnings,
        supervision_api.router,
        notice_api.router,
        todos_api.router,
        dashboard_api.router,
        deadlines_api.router,
    ],
    # And the console's suspended accounts and revoked keys (shared/revocation.py).
    consumes=("register", "console"),
    ticks=(TICK, REWORK_TICK),
)

Settings = WarningSettings
