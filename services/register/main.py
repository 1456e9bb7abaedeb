"""The register service: the risk register and judgement of information (Art. 10–21, 25)."""

from __future__ import annotations

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

SPEC = ServiceSpec(
    name="register",
    title="Register 风险登记",
    application=lambda env, clock, org, _settings: RegisterApplication(env, clock=clock, org=org),
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
