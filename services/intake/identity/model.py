"""A petitioner's identity, sealed apart from the case (保护举报人, Art. 22).

Only ciphertext is stored (sealed by `cipher.py`); the aggregate never sees the plaintext. Each
reveal is an event saying who asked and why, and so is each read of a case with a protected
source (the access trail 等保 2.0 asks for, so that a leak to the person reported can be traced).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from shared.errors import Invalid
from shared.vocabulary import ActorRecord

IDENTITY_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:intake:protected-identity")


@dataclass(frozen=True)
class PetitionerIdentity:
    """Who petitioned: optional name, contact and id number (信访举报人, Art. 22)."""

    name: str | None = None
    contact: str | None = None
    id_number: str | None = None

    def __bool__(self) -> bool:
        return any((self.name, self.contact, self.id_number))

    def __repr__(self) -> str:  # never let a plaintext identity reach a log line
        return "PetitionerIdentity(<protected>)"

    __str__ = __repr__


class ProtectedIdentity(Aggregate):
    """The encrypted identity of one case's petitioner 举报人身份 (Art. 22)."""

    @staticmethod
    def create_id(information_id: UUID, **_: Any) -> UUID:
        return uuid5(IDENTITY_NAMESPACE, str(information_id))

    class Sealed(Aggregate.Created):
        information_id: UUID
        unit_code: str
        ciphertext: str
        sealed_at: datetime

    @event(Sealed)
    def __init__(
        self, *, information_id: UUID, unit_code: str, ciphertext: str, sealed_at: datetime
    ) -> None:
        self.information_id = information_id
        self.unit_code = unit_code
        self.ciphertext = ciphertext
        self.sealed_at = sealed_at
        self.reveals: list[dict[str, Any]] = []

    def reveal(self, by: ActorRecord, reason: str, at: datetime) -> None:
        """Record that a custodian opened the identity, and why (a reason is required)."""
        if not reason.strip():
            raise Invalid(
                "reason",
                "查阅举报人身份须写明理由 (a reason is required to reveal a petitioner's identity)",
            )
        self._revealed(by=dict(by), reason=reason.strip(), at=at)

    @event("Revealed")
    def _revealed(self, by: ActorRecord, reason: str, at: datetime) -> None:
        self.reveals.append({"by": by, "reason": reason, "at": at})

    class Resealed(Aggregate.Event):
        """The identity sealed again under the current key, so that an old key can be retired
        (key rotation, issue #17 item 7). The earlier ciphertext stays in its own event: events
        are facts; from here on the identity is opened from this one."""

        ciphertext: str
        key_id: str
        from_key_id: str
        by: ActorRecord
        authority: str
        at: datetime

    def reseal(
        self, ciphertext: str, key_id: str, from_key_id: str, by: ActorRecord, authority: str,
        at: datetime,
    ) -> None:  # fmt: skip
        """Hold the identity under a new key's ciphertext, saying who re-sealed it, on what
        authority, from which key to which."""
        if not authority.strip():
            raise Invalid("authority", "a re-seal names its authority (the key rotation order)")
        self._resealed(
            ciphertext=ciphertext, key_id=key_id, from_key_id=from_key_id, by=dict(by),
            authority=authority.strip(), at=at,
        )  # fmt: skip

    @event(Resealed)
    def _resealed(
        self, ciphertext: str, key_id: str, from_key_id: str, by: ActorRecord, authority: str,
        at: datetime,
    ) -> None:  # fmt: skip
        self.ciphertext = ciphertext


class ProtectedCaseRead(Aggregate):
    """One request to read a case with a protected source: who, in what role and unit, which
    case, through what, whether it was shown (Art. 22). No body: what was shown is the case."""

    class Recorded(Aggregate.Created):
        information_id: UUID
        user_id: str
        roles: tuple[str, ...]
        unit_code: str
        what: str
        shown: bool
        at: datetime
        trace: str

    @event(Recorded)
    def __init__(
        self, *, information_id: UUID, user_id: str, roles: tuple[str, ...], unit_code: str,
        what: str, shown: bool, at: datetime, trace: str,
    ) -> None:  # fmt: skip
        self.information_id = information_id
        self.user_id = user_id
        self.roles = roles
        self.unit_code = unit_code
        self.what = what
        self.shown = shown
        self.at = at
        self.trace = trace


CUSTODIAN_GRANT_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:intake:custodian-grant")


class CustodianGrant(Aggregate):
    """One account's custodian 举报人信息保管员 grant for one unit, as the console published it:
    each RoleGranted and RoleRevoked with its time, who and on what authority (Art. 22).

    The intake's own record of the directory's grants, so that the reveal asks who holds the
    grant *at that moment* rather than what a token said when it was minted.
    """

    @staticmethod
    def create_id(user_id: str, unit_code: str, **_: Any) -> UUID:
        return uuid5(CUSTODIAN_GRANT_NAMESPACE, f"{user_id}\n{unit_code}")

    class Noted(Aggregate.Created):
        user_id: str
        unit_code: str

    class Granted(Aggregate.Event):
        user_id: str
        unit_code: str
        at: datetime
        ce_id: str
        actor: dict[str, str]
        authority: str

    class Revoked(Aggregate.Event):
        user_id: str
        unit_code: str
        at: datetime
        ce_id: str
        actor: dict[str, str]
        authority: str

    @event(Noted)
    def __init__(self, *, user_id: str, unit_code: str) -> None:
        self.user_id = user_id
        self.unit_code = unit_code
        self.seen: set[str] = set()

    @event(Granted)
    def grant(
        self, *, user_id: str, unit_code: str, at: datetime, ce_id: str, actor: dict[str, str],
        authority: str,
    ) -> None:  # fmt: skip
        self.seen.add(ce_id)

    @event(Revoked)
    def revoke(
        self, *, user_id: str, unit_code: str, at: datetime, ce_id: str, actor: dict[str, str],
        authority: str,
    ) -> None:  # fmt: skip
        self.seen.add(ce_id)
