"""An account's stored events, translated into the public contract (issue #14; Art. 22, 23).

A suspension becomes AccountSuspended and a re-activation AccountReactivated, on the console's
topic: every service follows them and refuses (or accepts again) the account's tokens. They carry
whose account, its unit, who acted and on what authority; the reason stays in the console's store
(it may name an investigation 立案审查). Openings and grants stay internal: the token carries the
roles, and the directory is the console's own.
"""

from __future__ import annotations

from services.console.accounts.model import Account
from shared.events import Actor
from shared.events.console import (
    AccountReactivated,
    AccountReactivatedData,
    AccountSuspended,
    AccountSuspendedData,
)
from shared.events.publish import Origin, Translations, public_envelope

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
