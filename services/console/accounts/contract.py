"""An account's stored events, translated into the public contract (issue #14; Art. 22, 23).

A suspension becomes AccountSuspended and a re-activation AccountReactivated, on the console's
topic: every service follows them and refuses (or accepts again) the account's tokens. They carry
whose account, its unit, who acted and on what authority; the reason stays in the console's store
(it may name an investigation 立案审查). Openings and grants stay internal: the token carries the
roles, and the directory is the console's own. A role granted or revoked becomes RoleGranted or
RoleRevoked (without the revocation's reason): the intake follows the custodian grants to decide
who may reveal a petitioner at that moment (Art. 22; services/intake/identity/custodians.py).
"""

from __future__ import annotations

from services.console.accounts.model import Account
from shared.events import Actor
from shared.events.console import (
    AccountReactivated,
    AccountReactivatedData,
    AccountSuspended,
    AccountSuspendedData,
    RoleGranted,
    RoleGrantedData,
    RoleRevoked,
    RoleRevokedData,
)
from shared.events.publish import Origin, Translations, public_envelope, public_event_id_of

translate = Translations()
"""The public event an account's stored event becomes, if any."""


@translate.of(Account.Suspended)
def suspended(e: Account.Suspended, origin: Origin) -> AccountSuspended:
    """AccountSuspended: the account's tokens issued until now are refused everywhere."""
    stamp = origin.stamp(e.unit_code, Actor(**e.suspended_by), e.authority, e.suspended_at)
    data = AccountSuspendedData(**stamp, user_id=e.user_id)
    return public_envelope(AccountSuspended, e, origin, data=data, subject=e.user_id)


@translate.of(Account.Reactivated)
def reactivated(e: Account.Reactivated, origin: Origin) -> AccountReactivated:
    """AccountReactivated: the account's tokens issued from now on are accepted again."""
    stamp = origin.stamp(e.unit_code, Actor(**e.reactivated_by), e.authority, e.reactivated_at)
    data = AccountReactivatedData(**stamp, user_id=e.user_id)
    return public_envelope(AccountReactivated, e, origin, data=data, subject=e.user_id)


@translate.of(Account.RoleGranted)
def role_granted(e: Account.RoleGranted, origin: Origin) -> RoleGranted | None:
    """RoleGranted: whose account holds which role for which unit from now on (Art. 22)."""
    if not e.user_id:
        return None  # recorded before grants named their account (docs/accounts.md)
    stamp = origin.stamp(e.unit_code, Actor(**e.granted_by), e.authority, e.granted_at)
    data = RoleGrantedData(**stamp, user_id=e.user_id, role=e.role)
    return public_envelope(RoleGranted, e, origin, data=data, subject=e.user_id)


@translate.of(Account.RoleRevoked)
def role_revoked(e: Account.RoleRevoked, origin: Origin) -> RoleRevoked | None:
    """RoleRevoked: the account no longer holds the role for the unit; never the reason."""
    if not e.user_id:
        return None
    stamp = origin.stamp(e.unit_code, Actor(**e.revoked_by), e.authority, e.revoked_at)
    data = RoleRevokedData(**stamp, user_id=e.user_id, role=e.role)
    return public_envelope(RoleRevoked, e, origin, data=data, subject=e.user_id)


@translate.of(Account.EarlierChangeAnnounced)
def earlier_change(e: Account.EarlierChangeAnnounced, origin: Origin) -> RoleGranted | RoleRevoked:
    """An earlier grant or revocation, announced now: the public event it would have become,
    with its own time, granter and authority, and the id its stored event would have given it."""
    stamp = origin.stamp(e.unit_code, Actor(**e.actor), e.authority, e.at)
    event_id = public_event_id_of(origin.source, e.originator_id, e.of_version)
    if e.granted:
        granted = RoleGrantedData(**stamp, user_id=e.user_id, role=e.role)
        return RoleGranted.create(
            data=granted, subject=e.user_id, source=origin.source, clock_now=e.at,
            event_id=event_id,
        )  # fmt: skip
    revoked = RoleRevokedData(**stamp, user_id=e.user_id, role=e.role)
    return RoleRevoked.create(
        data=revoked, subject=e.user_id, source=origin.source, clock_now=e.at, event_id=event_id
    )
