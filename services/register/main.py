"""The register service: units, powers, the risk register, judgement of information (Art. 5–30)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.register import contract
from services.register.app import RegisterApplication
from services.register.catalogue import api as catalogue_api
from services.register.dashboard import api as dashboard_api
from services.register.groups import api as groups_api
from services.register.judgement import api as judgement_api
from services.register.risk_points import api as risk_points_api
from services.register.risk_points.watch import TICK
from services.register.settings import RegisterSettings
from services.register.todos import api as todos_api
from services.register.units import api as units_api
from shared.runtime import ServiceSpec

if TYPE_CHECKING:
    from shared.clock import Clock
    from shared.orgtree import OrgDirectory
    from shared.settings import ServiceSettings


def create_application(
    env: dict[str, str], clock: Clock, org: OrgDirectory, settings: ServiceSettings
) -> RegisterApplication:
    """The register application with the rules its settings configure (Art. 10, 14)."""
    rules = settings.rules() if isinstance(settings, RegisterSettings) else None
    return RegisterApplication(env, clock=clock, org=org, rules=rules)


SPEC = ServiceSpec(
    name="register",
    title="Register 风险登记",
    application=create_application,
    translate=contract.translate,
    routers=lambda: [
        judgement_api.router,
        groups_api.router,
        catalogue_api.router,
        risk_points_api.router,
        units_api.router,
        todos_api.router,
        dashboard_api.router,
    ],
    # Reports and revision requests; the other nodes' registers' units (shared/org_follow.py).
    # And the console's suspended accounts and revoked keys (shared/revocation.py).
    consumes=("intake", "assessment", "register", "console"),
    ticks=(TICK,),
)

Settings = RegisterSettings
