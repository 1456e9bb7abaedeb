"""A petitioner's identity: sealed, revealed to the custodian alone with a reason, and every
read of a protected case kept (Art. 22)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.intake.identity.model import (
    PetitionerIdentity,
    ProtectedCaseRead,
    ProtectedIdentity,
)
from shared import tracing
from shared.application import actor_of
from shared.auth import Role
from shared.errors import Forbidden, NotFound
from shared.projection import LogFollower, event_topics

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
        ciphertext=app.cipher.seal(petitioner, information_id),
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
    return app.cipher.open(sealed.ciphertext, information_id)


def identity_reveals(app: IntakeApplication, information_id: UUID) -> list[dict[str, object]]:
    """Who opened a case's protected identity, when and why: the audit trail (Art. 22)."""
    sealed = app.find(ProtectedIdentity.create_id(information_id), ProtectedIdentity)
    return [] if sealed is None else [dict(r) for r in sealed.reveals]


def record_read(
    app: IntakeApplication, who: Principal, information_id: UUID, what: str, *, shown: bool
) -> None:
    """Keep one read of a case with a protected source, shown or refused (Art. 22)."""
    trace = tracing.current()
    app.save(
        ProtectedCaseRead(
            information_id=information_id, user_id=who.user_id,
            roles=tuple(sorted(r.value for r in who.roles)), unit_code=who.unit_code, what=what,
            shown=shown, at=app.clock.now(), trace=trace.trace_id if trace else "",
        )
    )  # fmt: skip


def protected_reads(app: IntakeApplication, information_id: UUID) -> list[ProtectedCaseRead]:
    """Every recorded read of one protected case, oldest first (Art. 22)."""
    reads: list[ProtectedCaseRead] = []
    for page in LogFollower(app, event_topics(ProtectedCaseRead)).pages():
        for notification in page:
            e = app.mapper.to_domain_event(notification)
            if isinstance(e, ProtectedCaseRead.Recorded) and e.information_id == information_id:
                reads.append(app.repository.get(e.originator_id))
    return reads
