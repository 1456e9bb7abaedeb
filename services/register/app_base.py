"""What the register's command groups share: rules, read model, lookups."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar
from uuid import UUID

from services.register.domain import ReportedInformation
from services.register.powers import PowerItem
from services.register.read_model import RegisterView
from services.register.risk_points.model import RiskPoint
from services.register.risk_points.rules import RegisterRules
from shared.application import ServiceApplication
from shared.errors import NotFound

if TYPE_CHECKING:
    from shared.clock import Clock
    from shared.orgtree import OrgDirectory, OrgUnit

_T = TypeVar("_T")


class RegisterBase(ServiceApplication):
    """The register application's state and lookups, shared by its command groups."""

    name = "register"

    def __init__(
        self,
        env: dict[str, str] | None = None,
        *,
        clock: Clock,
        org: OrgDirectory,
        rules: RegisterRules | None = None,
    ) -> None:
        super().__init__(env, clock=clock, org=org)
        self.rules = rules or RegisterRules()
        self.view = RegisterView(self, org)
        self.view.catch_up()  # built from the whole notification log at start

    def unit(self, code: str, field: str = "unit_code") -> OrgUnit:
        """A unit of the tree; one registered by another process sharing the store is caught up."""
        if code not in self.org:
            self.view.catch_up()  # lays units saved since over the tree (Art. 5)
        return super().unit(code, field)

    def get_information(self, information_id: UUID) -> ReportedInformation:
        """Reported information in the database 廉政风险信息库 (Art. 21); NotFound if none."""
        found = self.find(information_id, ReportedInformation)
        if found is None:
            raise NotFound(f"no reported information {information_id}")
        return found

    def get_power(self, power_id: UUID) -> PowerItem:
        """A power of the catalogue (Art. 11); NotFound if there is none."""
        found = self.find(power_id, PowerItem)
        if found is None:
            raise NotFound(f"no power {power_id}")
        return found

    def get_risk_point(self, risk_point_id: UUID) -> RiskPoint:
        """A risk point of the register (Art. 10); NotFound if there is none."""
        found = self.find(risk_point_id, RiskPoint)
        if found is None:
            raise NotFound(f"no risk point {risk_point_id}")
        return found
