"""What the register's command groups share: rules, read model, lookups, refusal mapping."""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar
from uuid import UUID

from services.register.policy import RegisterRules
from services.register.powers import PowerItem
from services.register.read_model import RegisterView
from services.register.refusals import BadValue, NotEntitled, OutOfTurn
from services.register.risk_point import RiskPoint
from shared.application import ServiceApplication
from shared.errors import Conflict, Forbidden, Invalid, NotFound
from shared.orgtree import OrgUnit, UnknownUnit

if TYPE_CHECKING:
    from collections.abc import Iterator

    from shared.auth import Principal
    from shared.clock import Clock
    from shared.orgtree import OrgDirectory

_T = TypeVar("_T")


@contextmanager
def refusals_as_errors() -> Iterator[None]:
    """Answer the domain's refusals with the shared, HTTP-mapped errors (422, 403, 409)."""
    try:
        yield
    except BadValue as exc:
        raise Invalid(exc.field, exc.reason) from exc
    except NotEntitled as exc:
        raise Forbidden(str(exc)) from exc
    except OutOfTurn as exc:
        raise Conflict(str(exc)) from exc


def actor_of(principal: Principal) -> dict[str, str]:
    """Who acted, as stored in events: the office role first, else the first role held."""
    roles = sorted(r.value for r in principal.roles)
    role = "office" if "office" in roles else (roles[0] if roles else "unknown")
    return {"user_id": principal.user_id, "role": role, "unit_code": principal.unit_code}


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
        self.view = RegisterView(self)
        self.view.catch_up()  # built from the whole notification log at start

    def unit(self, code: str, field: str = "unit_code") -> OrgUnit:
        """A unit of the tree; Invalid naming `field` if nobody knows it."""
        try:
            return self.org.get(code)
        except UnknownUnit:
            raise Invalid(field, f"unknown unit {code!r}") from None

    def get_power(self, power_id: UUID) -> PowerItem:
        """A power of the catalogue (Art. 11); NotFound if there is none."""
        found = self._get(power_id, PowerItem)
        if found is None:
            raise NotFound(f"no power {power_id}")
        return found

    def get_risk_point(self, risk_point_id: UUID) -> RiskPoint:
        """A risk point of the register (Art. 10); NotFound if there is none."""
        found = self._get(risk_point_id, RiskPoint)
        if found is None:
            raise NotFound(f"no risk point {risk_point_id}")
        return found

    def _get(self, aggregate_id: UUID, kind: type[_T]) -> _T | None:
        if aggregate_id not in self.repository:
            return None
        aggregate: object = self.repository.get(aggregate_id)
        return aggregate if isinstance(aggregate, kind) else None
