"""What the warning application's command groups share: rules, lookups, authority (Art. 27, 29)."""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

from services.warning.issued_warning import IssuedWarning
from services.warning.proposal import Proposal
from services.warning.read_model import WarningView
from services.warning.refusals import BadValue, NotEntitled, OutOfTurn
from services.warning.rules import WarningRules
from shared.application import ServiceApplication
from shared.errors import Conflict, Forbidden, Invalid, NotFound
from shared.orgtree import OrgUnit, UnknownUnit

if TYPE_CHECKING:
    from collections.abc import Iterator
    from uuid import UUID

    from shared.auth import Principal
    from shared.clock import Clock
    from shared.orgtree import OrgDirectory

_T = TypeVar("_T")
SYSTEM_ACTOR = {"user_id": "system", "role": "system"}


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


class WarningBase(ServiceApplication):
    """The warning application's state and lookups, shared by its command groups."""

    name = "warning"

    def __init__(
        self,
        env: dict[str, str] | None = None,
        *,
        clock: Clock,
        org: OrgDirectory,
        rules: WarningRules | None = None,
    ) -> None:
        super().__init__(env, clock=clock, org=org)
        self.rules = rules or WarningRules()
        self.view = WarningView(self)
        self.view.catch_up()

    # -- the organisation (Art. 27, 29) ---------------------------------------------------------

    def unit(self, code: str, field: str = "unit_code") -> OrgUnit:
        """A unit of the tree; Invalid naming `field` if nobody knows it."""
        try:
            return self.org.get(code)
        except UnknownUnit:
            raise Invalid(field, f"unknown unit {code!r}") from None

    def disposing_unit(self, subject_unit: str) -> str:
        """The body with cadre-management authority 干部管理权限 over a unit: its parent (Art. 27).

        Towns and district departments are managed by the district, a town's units by the town;
        the district, at the top of the tree, disposes of its own.
        """
        unit = self.org.get(subject_unit)
        return unit.parent_code or unit.code

    def reported_to(self, subject_unit: str) -> list[str]:
        """Who follows the disposal 条块结合 (Art. 27): business line, then same-level office."""
        same_level = self.disposing_unit(subject_unit)
        business = self.rules.business_lines.get(subject_unit)
        return [business, same_level] if business and business != same_level else [same_level]

    def ensure_within(self, principal: Principal, unit_code: str) -> None:
        """Refuse (403) a caller whose subtree does not hold `unit_code` (Art. 29)."""
        if unit_code not in self.org or not self.org.is_within(unit_code, principal.unit_code):
            mine = principal.unit_code
            raise Forbidden(
                f"unit {unit_code} is outside your jurisdiction (the subtree of {mine})"
            )

    # -- lookups --------------------------------------------------------------------------------

    def get_proposal(self, proposal_id: UUID) -> Proposal:
        """A disposal proposal; NotFound if there is none."""
        found = self._get(proposal_id, Proposal)
        if found is None:
            raise NotFound(f"no proposal {proposal_id}")
        return found

    def get_warning(self, warning_id: UUID) -> IssuedWarning:
        """An issued warning; NotFound if there is none."""
        found = self._get(warning_id, IssuedWarning)
        if found is None:
            raise NotFound(f"no warning {warning_id}")
        return found

    def _get(self, aggregate_id: UUID, kind: type[_T]) -> _T | None:
        if aggregate_id not in self.repository:
            return None
        aggregate: object = self.repository.get(aggregate_id)
        return aggregate if isinstance(aggregate, kind) else None
