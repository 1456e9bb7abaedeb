"""The console application: the directory of accounts and grants (Art. 6, 14, 22, 25).

The one Application of the console service: one-line delegations to each feature's handlers.
The rules live in the features' `model.py`; the handlers load, call and save.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.console.accounts import handlers as accounts
from services.console.read_model import AccountsView
from shared.application import ServiceApplication
from shared.errors import Invalid

if TYPE_CHECKING:
    from datetime import datetime

    from services.console.accounts.model import AccountStatus
    from services.console.read_model import AccountRow
    from shared.auth import Role
    from shared.clock import Clock
    from shared.events import CloudEvent
    from shared.orgtree import OrgDirectory


class ConsoleApplication(ServiceApplication):
    """Commands and queries of the console; plain types in and out."""

    name = "console"

    def __init__(
        self, env: dict[str, str] | None = None, *, clock: Clock, org: OrgDirectory
    ) -> None:
        super().__init__(env, clock=clock, org=org)
        self.view = AccountsView(self)

    def concerns(self, upstream: CloudEvent) -> bool:
        """Nothing but the registers' unit news (taken in by the base class) concerns it."""
        return False

    # -- the directory of accounts and grants: accounts/handlers.py -----------------------------

    account = accounts.account_of
    open_account = accounts.open_account
    grant_role = accounts.grant_role
    revoke_role = accounts.revoke_role
    suspend_account = accounts.suspend_account
    reactivate_account = accounts.reactivate_account
    import_accounts = accounts.import_accounts

    def list_accounts(
        self,
        within: str,
        *,
        unit_code: str | None = None,
        role: Role | None = None,
        status: AccountStatus | None = None,
    ) -> list[AccountRow]:
        """The accounts of the subtree of `within`, filtered, by unit then user id."""
        units = self.units_within(within)
        return self.view.accounts(units, unit_code=unit_code, role=role, status=status)

    def holders(
        self, role: Role, unit_code: str, at: datetime | None = None, *, covering: bool = False
    ) -> list[accounts.Holder]:
        """Who held `role` for the unit at `at` (now if not given) (Art. 14, 22, 25): e.g. the
        leadership team 领导班子 (leader), the information officers 信息员 (officer), who could
        reveal petitioners 举报人 (custodian, `covering` the units above)."""
        self.unit(unit_code)
        if at is None:
            at = self.clock.now()
        elif at.tzinfo is None:
            raise Invalid("at", "give a time zone (e.g. 2026-03-01T09:00:00+08:00)", "query")
        elif at > self.clock.now():
            raise Invalid("at", "lies in the future", "query")
        return accounts.holders(self, role, unit_code, at, covering=covering)
