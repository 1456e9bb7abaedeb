"""The register service: the risk register and judgement of information (Art. 10–21, 25)."""

from __future__ import annotations

from services.register import api, api_overview, api_powers, api_risk_points, contract
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
        api_overview.router,
    ],
    consumes=("intake",),
)

Settings = RegisterSettings
