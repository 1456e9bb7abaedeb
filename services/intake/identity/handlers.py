"""A petitioner's identity: sealed, revealed to the custodian alone with a reason, and every
read of a protected case kept (Art. 22)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from uuid import UUID

from eventsourcing.utils import get_topic

from services.intake.identity.model import (
    PetitionerIdentity,
    ProtectedCaseRead,
    ProtectedIdentity,
)
from shared import tracing
from shared.auth import Role
from shared.errors import Forbidden, Invalid, NotFound
from shared.projection import LogFollower, event_topics

if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import datetime

    from services.intake.app import IntakeApplication
    from shared.auth import Principal
    from shared.vocabulary import ActorRecord


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
    """Open a petitioner's identity for a custodian 保管员, recording who and why (Art. 22).

    Only for an account that, at this moment, holds the custodian grant of the directory for
    the case's unit or a unit above it (custodians.py follows the console's grants), signed in
    with its second factor (the token's `amr`, RFC 8176). What the token's roles say does not
    decide: a grant withdrawn a minute ago is withdrawn.
    """
    if not by.used_second_factor:
        raise Forbidden(
            "Art. 22: 只有以动态口令登录的举报人信息保管员才能查阅举报人身份，请使用动态口令"
            "重新登录 (only a custodian (举报人信息保管员) signed in with the second factor "
            "(动态口令) may reveal a petitioner's identity; sign in again with it)"
        )
    now = app.clock.now()
    if not app.custodians.held(by.user_id, now):
        # No grant at all: refused before anything about the case is looked at (review L1).
        raise Forbidden(
            f"Art. 22: {by.user_id} 当前未获举报人信息保管员授权，只有保管员才能查阅举报人身份 "
            f"({by.user_id} holds no custodian grant (举报人信息保管员) now; only a custodian "
            "may reveal)"
        )
    sealed = app.find(ProtectedIdentity.create_id(information_id), ProtectedIdentity)
    if sealed is None:
        raise NotFound(
            f"信息 {information_id} 没有受保护的举报人身份 "
            f"(no protected identity for information {information_id})"
        )
    app.unit(sealed.unit_code)  # the tree as it is now (a unit moved a moment ago, review L1)
    covering = app.custodians.covering(app.org, by.user_id, sealed.unit_code, now)
    if not covering:
        raise Forbidden(
            f"Art. 22: {by.user_id} 当前未获 {sealed.unit_code} 或其上级单位的举报人信息保管员"
            f"授权，只有该单位的保管员才能查阅 ({by.user_id} holds no custodian grant "
            f"(举报人信息保管员) for {sealed.unit_code} or a unit above it now; only its custodian "
            "may reveal)"
        )
    nearest = max(covering, key=lambda unit: len(list(app.org.ancestors(unit))))
    actor = {"user_id": by.user_id, "role": Role.CUSTODIAN.value, "unit_code": nearest}
    sealed.reveal(actor, reason, now)
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


@dataclass
class Resealing:
    """What a re-seal did: how many identities it sealed again, how many the current key held
    already, and by key id those no configured key opens (an old key dropped too soon)."""

    key_id: str
    resealed: int = 0
    current: int = 0
    unopened: dict[str, int] = field(default_factory=dict)


def reseal_identities(
    app: IntakeApplication, by: ActorRecord, authority: str, batch: int = 200
) -> Resealing:
    """Seal every stored identity that an older key sealed again under the current key, each a
    `Resealed` event naming who, on what authority and from which key (key rotation, Art. 22,
    issue #17 item 7); idempotent: what the current key holds is left. The plaintext exists only
    in this process, between opening and sealing; nothing is logged of it."""
    if not authority.strip():
        raise Invalid("authority", "a re-seal names its authority (the key rotation order)")
    done = Resealing(app.cipher.key_id)
    now = app.clock.now()
    pending: list[ProtectedIdentity] = []
    for sealed in _every_sealed_identity(app):
        sealed_with = app.cipher.sealed_with(sealed.ciphertext)
        if sealed_with == app.cipher.key_id:
            done.current += 1
            continue
        try:
            identity = app.cipher.open(sealed.ciphertext, sealed.information_id)
        except RuntimeError:
            done.unopened[sealed_with] = done.unopened.get(sealed_with, 0) + 1
            continue
        ciphertext = app.cipher.seal(identity, sealed.information_id)
        sealed.reseal(ciphertext, app.cipher.key_id, sealed_with, by, authority, now)
        pending.append(sealed)
        if len(pending) >= batch:
            app.save(*pending)
            done.resealed += len(pending)
            pending = []
    if pending:
        app.save(*pending)
        done.resealed += len(pending)
    return done


def _every_sealed_identity(app: IntakeApplication) -> Iterator[ProtectedIdentity]:
    """Each stored identity, as it stands now, a page of the log at a time (never all at once)."""
    sealing = (get_topic(ProtectedIdentity.Sealed),)
    for page in LogFollower(app, sealing).pages():
        for notification in page:
            found = app.find(UUID(str(notification.originator_id)), ProtectedIdentity)
            if found is not None:
                yield found
