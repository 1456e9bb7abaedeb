"""The console application: the directory of accounts and grants (Art. 6, 14, 22, 25).

The one Application of the console service: one-line delegations to each feature's handlers.
The rules live in the features' `model.py`; the handlers load, call and save.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.console.accounts import handlers as accounts
from services.console.read_model import AccountsView
from services.console.signin import handlers as signin
from services.console.signin.factors import PasswordHashing, SecretSealer
from services.console.signin.handlers import Person, SignInKit
from services.console.signin.model import SignInRules
from shared.application import ServiceApplication
from shared.errors import Invalid, NotFound

if TYPE_CHECKING:
    from datetime import datetime

    from services.console.accounts.model import AccountStatus
    from services.console.read_model import AccountRow
    from services.console.signin.factors import Enrolment
    from services.console.signin.handlers import SignedIn
    from services.console.signin.model import Credential
    from shared.auth import Principal, Role
    from shared.clock import Clock
    from shared.events import CloudEvent
    from shared.orgtree import OrgDirectory
    from shared.vocabulary import ActorRecord


class ConsoleApplication(ServiceApplication):
    """Commands and queries of the console; plain types in and out."""

    name = "console"

    def __init__(
        self,
        env: dict[str, str] | None = None,
        *,
        clock: Clock,
        org: OrgDirectory,
        signin: SignInKit | None = None,
    ) -> None:
        super().__init__(env, clock=clock, org=org)
        self.view = AccountsView(self)
        # Without a kit from the settings (tests, tools) TOTP secrets are sealed with a key
        # that dies with the process.
        self.signin = signin or SignInKit(
            SignInRules(), PasswordHashing(), SecretSealer(SecretSealer.generate_key())
        )

    def concerns(self, upstream: CloudEvent) -> bool:
        """Nothing but the registers' unit news (taken in by the base class) concerns it."""
        return False

    # -- the directory of accounts and grants: accounts/handlers.py -----------------------------

    account = accounts.account_of
    open_account = accounts.open_account
    grant_role = accounts.grant_role
    revoke_role = accounts.revoke_role
    change_account = accounts.change_account
    suspend_account = accounts.suspend_account
    reactivate_account = accounts.reactivate_account
    import_accounts = accounts.import_accounts
    announce_earlier_grants = accounts.announce_earlier_grants

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
            raise Invalid(
                "at",
                "请注明时区，如 2026-03-01T09:00:00+08:00 "
                "(give a time zone (e.g. 2026-03-01T09:00:00+08:00))",
                "query",
            )
        elif at > self.clock.now():
            raise Invalid("at", "时间不能晚于当前时间 (lies in the future)", "query")
        return accounts.holders(self, role, unit_code, at, covering=covering)

    # -- sign-in (signin/handlers.py; GB/T 22239-2019 8.1.4.1) -------------------------------

    def person(self, user_id: str) -> Person | None:
        """What sign-in needs to know of an account; None if there is none."""
        return signin.person_of(self, user_id)

    def _person(self, user_id: str) -> Person:
        found = self.person(user_id)
        if found is None:
            raise NotFound(f"未找到账户 {user_id} (no account {user_id})")
        return found

    def sign_in(self, user_id: str, password: str, totp: str | None) -> SignedIn:
        return signin.sign_in(self, self.signin, self.person(user_id), user_id, password, totp)

    def credential(self, user_id: str) -> Credential | None:
        return signin.credential_of(self, user_id)

    def credential_status(self, user_id: str, by: Principal) -> dict[str, str | bool | None]:
        return signin.credential_status(self, self._person(user_id), by)

    def set_password(self, user_id: str, password: str, by: ActorRecord) -> None:
        signin.set_password(self, self.signin, user_id, password, by)

    def reset_password(self, user_id: str, password: str, by: Principal) -> None:
        signin.reset_password(self, self.signin, self._person(user_id), password, by)

    def change_own_password(self, user_id: str, current: str, new: str) -> None:
        signin.change_own_password(self, self.signin, self._person(user_id), current, new)

    def unlock_credential(self, user_id: str, reason: str, by: Principal) -> None:
        signin.unlock(self, self._person(user_id), reason, by)

    def offer_second_factor(self, user_id: str) -> Enrolment:
        return signin.offer_second_factor(self, self._person(user_id))

    def confirm_second_factor(self, user_id: str, secret: str, code: str) -> None:
        signin.confirm_second_factor(self, self.signin, self._person(user_id), secret, code)

    def remove_second_factor(self, user_id: str, reason: str, by: Principal) -> None:
        signin.remove_second_factor(self, self._person(user_id), reason, by)

    def enrol_known_secret(self, user_id: str, secret: str, by: ActorRecord) -> None:
        signin.enrol_known_secret(self, self.signin, user_id, secret, by)
