"""The intake service: risk information on every channel, screened and routed (Art. 21–24)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.intake import contract
from services.intake.app import IntakeApplication
from services.intake.dashboard import api as dashboard_api
from services.intake.duties import api as duties_api
from services.intake.duties.handlers import find_breaches
from services.intake.filing import api as filing_api
from services.intake.identity import api as identity_api
from services.intake.officers import api as officers_api
from services.intake.public import api as public_api
from services.intake.routing import api as routing_api
from services.intake.routing.handlers import chase_feedback
from services.intake.settings import IntakeSettings
from services.intake.todos import api as todos_api
from shared.runtime import ServiceSpec, Tick

if TYPE_CHECKING:
    from collections.abc import Callable

    from shared.application import ServiceApplication
    from shared.clock import Clock
    from shared.orgtree import OrgDirectory
    from shared.settings import ServiceSettings

TICK_SECONDS = 60.0


def create_application(
    env: dict[str, str], clock: Clock, org: OrgDirectory, settings: ServiceSettings
) -> IntakeApplication:
    """The application of this node, with its rules from the intake settings."""
    if not isinstance(settings, IntakeSettings):
        settings = IntakeSettings(common=settings.common)
    return IntakeApplication(env, clock=clock, org=org, rules=settings.rules())


def on_intake(work: Callable[[IntakeApplication], int]) -> Callable[[ServiceApplication], int]:
    """A feature's timer work, as the worker runs it on the service's application."""

    def run(app: ServiceApplication) -> int:
        assert isinstance(app, IntakeApplication)
        return work(app)

    return run


SPEC = ServiceSpec(
    name="intake",
    title="Intake 信息收集",
    application=create_application,
    translate=contract.translate,
    routers=lambda: [
        filing_api.router,
        filing_api.workbench,
        identity_api.router,
        routing_api.router,
        routing_api.tracking,
        officers_api.router,
        duties_api.router,
        todos_api.router,
        dashboard_api.router,
        public_api.router,
        public_api.office_router,
    ],
    # Its own topic: forwards, transfers, receipts, handling reports and supervision addressed
    # to this node; the register's: units registered or changed (shared/org_follow.py).
    # And the console's suspended accounts and revoked keys (shared/revocation.py).
    consumes=("intake", "register", "console"),
    ticks=(
        # Remind lower nodes (a chase to their inbox) before a forward's handling report is due,
        # and record it overdue after (Art. 24).
        Tick("chase-feedback", TICK_SECONDS, on_intake(chase_feedback)),
        # Record missed periodic reports 漏报 and concealment candidates 瞒报 (Art. 23).
        Tick("find-breaches", TICK_SECONDS, on_intake(find_breaches)),
    ),
)

Settings = IntakeSettings
