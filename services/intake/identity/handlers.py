"""Sealing and revealing a petitioner's identity: the custodian only, with a reason (Art. 22)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.intake.identity.model import PetitionerIdentity, ProtectedIdentity
from shared.application import actor_of
from shared.auth import Role
from shared.errors import Forbidden, NotFound

if TYPE_CHECKING:
    from datetime import datetime
    from uuid import UUID

    from services.intake.app import IntakeApplication
    from shared.auth import Principal


def seal(
    app: IntakeApplication,
    information_id: UUID,
    unit_code: str,
    petitioner: PetitionerIdentity,
    at: datetime,
) -> ProtectedIdentity:
    """A case's petitioner identity, encrypted, to be saved with the case (Art. 22)."""
    return ProtectedIdentity(
        information_id=information_id,
        unit_code=unit_code,
        ciphertext=app.cipher.seal(petitioner),
        sealed_at=at,
    )


def reveal_identity(
    app: IntakeApplication, information_id: UUID, reason: str, by: Principal
) -> PetitionerIdentity:
    """Open a petitioner's identity for a custodian 保管员, recording who and why (Art. 22)."""
    if Role.CUSTODIAN not in by.roles:
        raise Forbidden("only the custodian (举报人信息保管员) may reveal a petitioner's identity")
    sealed = app.find(ProtectedIdentity.create_id(information_id), ProtectedIdentity)
    if sealed is None:
        raise NotFound(f"no protected identity for information {information_id}")
    if not app.org.is_within(sealed.unit_code, by.unit_code):
        raise Forbidden(f"unit {sealed.unit_code} is outside your jurisdiction")
    sealed.reveal(actor_of(by, prefer="custodian"), reason, app.clock.now())
    app.save(sealed)
    return app.cipher.open(sealed.ciphertext)


def identity_reveals(app: IntakeApplication, information_id: UUID) -> list[dict[str, object]]:
    """Who opened a case's protected identity, when and why: the audit trail (Art. 22)."""
    sealed = app.find(ProtectedIdentity.create_id(information_id), ProtectedIdentity)
    return [] if sealed is None else [dict(r) for r in sealed.reveals]
