"""Revealing a petitioner's identity: the custodian only, with a reason, on record (Art. 22)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.intake.app_base import IntakeBase
from services.intake.identity import ProtectedIdentity
from shared.application import actor_of
from shared.auth import Role
from shared.errors import Forbidden, NotFound

if TYPE_CHECKING:
    from uuid import UUID

    from services.intake.identity_cipher import PetitionerIdentity
    from shared.auth import Principal


class IdentityCommands(IntakeBase):
    """The protected-identity vault 举报人信息保护 (Art. 22)."""

    def reveal_identity(
        self, information_id: UUID, reason: str, by: Principal
    ) -> PetitionerIdentity:
        """Open a petitioner's identity for a custodian 保管员, recording who and why."""
        if Role.CUSTODIAN not in by.roles:
            raise Forbidden(
                "only the custodian (举报人信息保管员) may reveal a petitioner's identity"
            )
        identity_id = ProtectedIdentity.create_id(information_id)
        if identity_id not in self.repository:
            raise NotFound(f"no protected identity for information {information_id}")
        sealed: object = self.repository.get(identity_id)
        assert isinstance(sealed, ProtectedIdentity)
        if not self.org.is_within(sealed.unit_code, by.unit_code):
            raise Forbidden(f"unit {sealed.unit_code} is outside your jurisdiction")
        sealed.reveal(actor_of(by, prefer="custodian"), reason, self.clock.now())
        self.save(sealed)
        return self.cipher.open(sealed.ciphertext)

    def identity_reveals(self, information_id: UUID) -> list[dict[str, object]]:
        """Who opened a case's protected identity, when and why (the audit trail)."""
        identity_id = ProtectedIdentity.create_id(information_id)
        if identity_id not in self.repository:
            return []
        sealed: object = self.repository.get(identity_id)
        assert isinstance(sealed, ProtectedIdentity)
        return [dict(r) for r in sealed.reveals]
