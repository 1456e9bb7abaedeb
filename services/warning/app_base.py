"""What the warning application's command groups share: rules, lookups, authority (Art. 27, 29)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from services.warning.issued_warning import IssuedWarning
from services.warning.proposal import Proposal
from services.warning.read_model import WarningView
from services.warning.rules import WarningRules
from shared.application import ServiceApplication
from shared.errors import NotFound

if TYPE_CHECKING:
    from uuid import UUID

    from shared.clock import Clock
    from shared.orgtree import OrgDirectory

_T = TypeVar("_T")
SYSTEM_ACTOR = {"user_id": "system", "role": "system"}


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

    def disposing_unit(self, subject_unit: str) -> str:
        """The body with cadre-management authority 干部管理权限 over a unit: its parent (Art. 27).

        Towns and district departments are managed by the district, a town's units by the town;
        the district, at the top of the tree, disposes of its own.
        """
        unit = self.org.get(subject_unit)
        return unit.parent_code or unit.code

    def reported_to(self, subject_unit: str) -> list[str]:
        """Who follows the disposal 条块结合 (Art. 27): business line, then same-level office.

        The business line is the unit's superior business department in the org tree, unless
        the warning settings map the unit to another one.
        """
        same_level = self.disposing_unit(subject_unit)
        business = self.rules.business_lines.get(subject_unit)
        if business is None:
            business = self.org.get(subject_unit).business_department
        return [business, same_level] if business and business != same_level else [same_level]

    # -- lookups --------------------------------------------------------------------------------

    def get_proposal(self, proposal_id: UUID) -> Proposal:
        """A disposal proposal; NotFound if there is none."""
        found = self.find(proposal_id, Proposal)
        if found is None:
            raise NotFound(f"no proposal {proposal_id}")
        return found

    def get_warning(self, warning_id: UUID) -> IssuedWarning:
        """An issued warning; NotFound if there is none."""
        found = self.find(warning_id, IssuedWarning)
        if found is None:
            raise NotFound(f"no warning {warning_id}")
        return found
