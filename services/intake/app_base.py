"""What intake's command groups share: rules, cipher, read model, lookups (Art. 22–24)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from services.intake.identity_cipher import IdentityCipher
from services.intake.policy import IntakeRules
from services.intake.read_model import IntakeView
from shared.application import ServiceApplication
from shared.errors import NotFound
from shared.orgtree import OrgUnit

if TYPE_CHECKING:
    from uuid import UUID

    from shared.clock import Clock
    from shared.orgtree import OrgDirectory

_T = TypeVar("_T")


class IntakeBase(ServiceApplication):
    """Intake's state and lookups, shared by its command groups."""

    name = "intake"

    def __init__(
        self,
        env: dict[str, str] | None = None,
        *,
        clock: Clock,
        org: OrgDirectory,
        rules: IntakeRules | None = None,
    ) -> None:
        super().__init__(env, clock=clock, org=org)
        self.rules = rules or IntakeRules()
        self.cipher = IdentityCipher(self.rules.identity_key)
        self.view = IntakeView(self)
        self.view.catch_up()

    @property
    def node_id(self) -> str:
        """This deployment's node (Art. 24): what it manages it handles itself."""
        return self.rules.node_id

    def chain(self, code: str) -> list[OrgUnit]:
        """The unit, then each unit above it."""
        self.unit(code)
        return list(self.org.ancestors(code))

    def _get(self, aggregate_id: UUID, kind: type[_T], what: str) -> _T:
        found = self.find(aggregate_id, kind)
        if found is None:
            raise NotFound(f"no {what} {aggregate_id}")
        return found
