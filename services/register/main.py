"""The register service: the risk register and judgement of information (Art. 10–21, 25)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.register import (
    api,
    api_overview,
    api_powers,
    api_revision,
    api_risk_points,
    api_units,
    contract,
)
from services.register.app import RegisterApplication
from services.register.settings import RegisterSettings
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
        api.router,
        api_powers.router,
        api_risk_points.router,
        api_revision.router,
        api_overview.router,
        api_units.router,
    ],
    consumes=("intake", "assessment"),
)

Settings = RegisterSettings
