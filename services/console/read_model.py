"""The console's view of the directory: accounts by user id, and who was ever granted what.

Kept up to date from the store's notification log (`shared.projection.LogFollower`), so an account
opened by another process sharing the store shows at once. Besides each account's current row it
remembers every (role, unit) ever granted to each account, so the as-of question "who held role R
for unit U at time T" replays only the accounts that ever held it (accounts/as_of.py).
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

from services.console.accounts.model import Account, AccountStatus
from shared.auth import Role
from shared.projection import LogFollower, event_topics

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

    from eventsourcing.application import Application
    from eventsourcing.persistence import Notification


@dataclass(frozen=True)
class AccountRow:
    """One line of the directory 账户名录."""

    user_id: str
    name: str
    unit_code: str
    posts: tuple[str, ...]
    status: AccountStatus
    grants: tuple[tuple[Role, str], ...]
    opened_at: datetime


def row_of(account: Account) -> AccountRow:
    """The directory's line for an account as it stands."""
    return AccountRow(
        user_id=account.user_id,
        name=account.name,
        unit_code=account.unit_code,
        posts=account.posts,
        status=account.status,
        grants=tuple((g.role, g.unit_code) for g in account.sorted_grants()),
        opened_at=account.opened_at,
    )


class AccountsView:
    """Accounts by id, and the accounts ever granted each (role, unit)."""

    def __init__(self, app: Application[UUID]) -> None:
        self._app = app
        self._follower = LogFollower(app, event_topics(Account))
        self._lock = threading.Lock()  # held while rows are re-read: never older over newer
        self._rows: dict[UUID, AccountRow] = {}
        self._ever: defaultdict[tuple[Role, str], set[UUID]] = defaultdict(set)

    def catch_up(self) -> None:
        """Take in every account event saved since the last call."""
        with self._lock:
            changed: dict[UUID, None] = {}

            def take(page: Sequence[Notification]) -> None:
                for n in page:
                    changed[UUID(str(n.originator_id))] = None

            self._follower.follow(take)
            for account_id in changed:
                account: Account = self._app.repository.get(account_id)
                self._rows[account_id] = row_of(account)
                # Grants revoked since are found in the account's events, not its state.
                for stored in self._app.events.get(account_id):
                    if isinstance(stored, Account.RoleGranted):
                        self._ever[(Role(stored.role), stored.unit_code)].add(account_id)

    def accounts(
        self,
        units: Collection[str],
        *,
        unit_code: str | None = None,
        role: Role | None = None,
        status: AccountStatus | None = None,
    ) -> list[AccountRow]:
        """The accounts of the given units, filtered, by unit then user id."""
        self.catch_up()
        rows = [
            r
            for r in list(self._rows.values())
            if r.unit_code in units
            and (unit_code is None or r.unit_code == unit_code)
            and (role is None or any(held is role for held, _ in r.grants))
            and (status is None or r.status is status)
        ]
        return sorted(rows, key=lambda r: (r.unit_code, r.user_id))

    def all_accounts(self) -> list[UUID]:
        """Every account's id, in no particular order."""
        self.catch_up()
        return list(self._rows)

    def ever_granted(self, role: Role, units: Collection[str]) -> list[UUID]:
        """The accounts ever granted `role` for any of `units`."""
        self.catch_up()
        found: set[UUID] = set()
        for unit in units:
            found |= self._ever.get((role, unit), set())
        return sorted(found)
