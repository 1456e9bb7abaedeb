"""The directory of accounts 账户 and their role grants 授权, kept as events (Art. 6, 14, 22, 25).

Who may act in the system, in which role, for which unit, is itself a fact on the record: an
account is opened, its details change, each role is granted for a unit and revoked, the account
is suspended and re-activated — each with who did it, when and on what authority (a document
number or a decision), nothing overwritten. Replaying an account's events up to a moment tells
who held what then.

The rules (pure: the org tree is handed in):
- An admin 管理员 manages only the accounts and grants within their own subtree (Art. 7,
  按照干部管理权限): the account's unit and the grant's unit both lie within the admin's unit.
- A role is held for a unit of the tree within the account's own unit (a town's cadre holds no
  role for the district or for another town); nobody grants, revokes, suspends or re-activates
  their own account (no one raises their own powers). A transfer 调动 to another unit strands
  no role: the roles held must lie within the new unit.
- The custodian 举报人信息保管员 grant names the unit whose petitioners it may reveal (Art. 22),
  and one account is never both custodian and auditor: who reveals is not who audits the reveals
  (Art. 22, 29).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from shared.auth import Role
from shared.errors import Conflict, Forbidden, Invalid
from shared.vocabulary import ActorRecord

if TYPE_CHECKING:
    from shared.orgtree import OrgDirectory

ACCOUNT_NAMESPACE: Final = uuid5(NAMESPACE_URL, "urn:lianfang:console:account")

USER_ID_PATTERN: Final = r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$"
"""A user id 用户名: letters, digits and . _ @ - (up to 64), starting with a letter or digit."""
_USER_ID = re.compile(USER_ID_PATTERN)

EXCLUSIVE: Final = frozenset({Role.CUSTODIAN, Role.AUDITOR})
"""Roles one account never holds together: who reveals petitioners is not who audits the reveals
(Art. 22, 29; separation of duties 职责分离)."""


def account_id_of(user_id: str) -> UUID:
    """The one account of a user id, by a stable id (a second opening is a Conflict)."""
    return uuid5(ACCOUNT_NAMESPACE, f"account:{user_id}")


def check_user_id(user_id: str, field: str = "user_id") -> str:
    """The user id if well formed; Invalid naming `field` otherwise."""
    if not _USER_ID.match(user_id):
        raise Invalid(
            field,
            "1–64 个字符，由字母、数字或 . _ @ - 组成，以字母或数字开头 "
            "(1–64 letters, digits or . _ @ -, starting with a letter or digit)",
        )
    return user_id


class AccountStatus(enum.StrEnum):
    """Whether an account may sign in and its tokens are accepted."""

    ACTIVE = "active"
    SUSPENDED = "suspended"

    @property
    def label_zh(self) -> str:
        return "正常" if self is AccountStatus.ACTIVE else "已停用"


@dataclass(frozen=True)
class Grant:
    """A role held for a unit: granted by whom, when, on what authority (Art. 6, 14, 22, 25).

    For a custodian the unit is the one whose petitioners the holder may reveal (Art. 22).
    """

    role: Role
    unit_code: str
    authority: str
    granted_by: dict[str, str]
    granted_at: datetime


@dataclass(frozen=True)
class Suspension:
    """Why, by whom, when and on what authority an account was suspended 停用."""

    reason: str
    authority: str
    suspended_by: dict[str, str]
    suspended_at: datetime


class Account(Aggregate):
    """One person's account: who they are, their unit and posts 职务, their grants, their status."""

    @staticmethod
    def create_id(user_id: str, **_: Any) -> UUID:
        return account_id_of(user_id)

    class RoleGranted(Aggregate.Event):
        """A role granted for a unit, by whom, when, on what authority; whose (for the public
        RoleGranted: grants recorded before it was kept have an empty `user_id`)."""

        role: str
        unit_code: str
        authority: str
        granted_by: ActorRecord
        granted_at: datetime
        user_id: str = ""

    class RoleRevoked(Aggregate.Event):
        """A role withdrawn for a unit, why, by whom, when, on what authority; whose (for the
        public RoleRevoked: an empty `user_id` on those recorded before it was kept)."""

        role: str
        unit_code: str
        reason: str
        authority: str
        revoked_by: ActorRecord
        revoked_at: datetime
        user_id: str = ""

    class Suspended(Aggregate.Event):
        """The account suspended 停用; whose and which unit's, for the public AccountSuspended."""

        user_id: str
        unit_code: str
        reason: str
        authority: str
        suspended_by: ActorRecord
        suspended_at: datetime

    class Reactivated(Aggregate.Event):
        """The account re-activated 恢复; whose and which unit's, for AccountReactivated."""

        user_id: str
        unit_code: str
        reason: str
        authority: str
        reactivated_by: ActorRecord
        reactivated_at: datetime

    class EarlierChangeAnnounced(Aggregate.Event):
        """A grant (or revocation) recorded before the public RoleGranted / RoleRevoked existed
        (its stored event has no user id), announced now so every service learns it: which stored
        event (`of_version`), as it was recorded, and who announced it, when, on what authority
        (docs/accounts.md "Grants recorded before these events existed")."""

        of_version: int
        granted: bool
        user_id: str
        role: str
        unit_code: str
        authority: str
        actor: ActorRecord
        at: datetime
        announced_by: ActorRecord
        announced_at: datetime
        announced_on: str

    @event("Opened")
    def __init__(
        self,
        *,
        user_id: str,
        name: str,
        unit_code: str,
        posts: list[str],
        authority: str,
        opened_by: ActorRecord,
        opened_at: datetime,
    ) -> None:
        self.user_id = user_id
        self.name = name
        self.unit_code = unit_code
        self.posts = tuple(posts)
        self.authority = authority
        self.opened_by = dict(opened_by)
        self.opened_at = opened_at
        self.grants: dict[tuple[Role, str], Grant] = {}
        self.suspension: Suspension | None = None
        self.announced: set[int] = set()  # versions of earlier grants announced since

    @property
    def status(self) -> AccountStatus:
        """Active, or suspended until re-activated."""
        return AccountStatus.ACTIVE if self.suspension is None else AccountStatus.SUSPENDED

    @property
    def roles(self) -> frozenset[Role]:
        """Every role the account holds, for whichever unit (suspended or not)."""
        return frozenset(role for role, _ in self.grants)

    def holds(self, role: Role, unit_code: str) -> bool:
        """Whether the account, active, holds `role` for exactly `unit_code`."""
        return self.suspension is None and (role, unit_code) in self.grants

    def sorted_grants(self) -> list[Grant]:
        """The grants held, by unit then role."""
        return sorted(self.grants.values(), key=lambda g: (g.unit_code, g.role.value))

    # -- commands (rules checked by `check_*` below before these are called) -----------------

    def grant(
        self, role: Role, unit_code: str, authority: str, by: ActorRecord, at: datetime
    ) -> None:
        """Grant `role` for `unit_code`; Conflict if held already or the account is suspended."""
        if role is Role.PUBLIC:
            raise Invalid(
                "role",
                "“公众”是控制台公开页面自身使用的身份（第二十二条、第三十条第五项），不授予任何人 "
                "(public is the console's own principal for the public pages (Art. 22, 30(5)); "
                "it is never granted to a person)",
            )
        if self.suspension is not None:
            raise Conflict(
                f"账户 {self.user_id} 已停用，请先恢复 "
                f"({self.user_id} is suspended: re-activate the account first)"
            )
        if (role, unit_code) in self.grants:
            raise Conflict(
                f"{self.user_id} 已持有 {unit_code} 的“{role.label_zh}”角色 "
                f"({self.user_id} already holds {role.value} for {unit_code})"
            )
        clash = (EXCLUSIVE - {role}) & self.roles if role in EXCLUSIVE else set()
        if clash:
            held = ", ".join(sorted(r.value for r in clash))
            held_zh = "、".join(r.label_zh for r in sorted(clash))
            raise Invalid(
                "role",
                f"Art. 22, 29: {self.user_id} 已持有“{held_zh}”角色；"
                "同一账户不能既是举报人信息保管员又是审计（查看举报人身份的人不能审计查看记录） "
                f"({self.user_id} holds {held}; one account is never both custodian and auditor "
                "(who reveals is not who audits the reveals))",
            )
        self._granted(
            role=role.value, unit_code=unit_code, authority=authority, granted_by=by,
            granted_at=at, user_id=self.user_id,
        )  # fmt: skip

    @event(RoleGranted)
    def _granted(
        self, *, role: str, unit_code: str, authority: str, granted_by: ActorRecord,
        granted_at: datetime, user_id: str = "",
    ) -> None:  # fmt: skip
        held = Role(role)
        self.grants[(held, unit_code)] = Grant(
            held, unit_code, authority, dict(granted_by), granted_at
        )

    def revoke(
        self,
        role: Role,
        unit_code: str,
        reason: str,
        authority: str,
        by: ActorRecord,
        at: datetime,
    ) -> None:
        """Revoke `role` for `unit_code`; Conflict if not held."""
        if (role, unit_code) not in self.grants:
            raise Conflict(
                f"{self.user_id} 未持有 {unit_code} 的“{role.label_zh}”角色 "
                f"({self.user_id} holds no {role.value} for {unit_code})"
            )
        self._revoked(
            role=role.value, unit_code=unit_code, reason=reason, authority=authority,
            revoked_by=by, revoked_at=at, user_id=self.user_id,
        )  # fmt: skip

    @event(RoleRevoked)
    def _revoked(
        self, *, role: str, unit_code: str, reason: str, authority: str, revoked_by: ActorRecord,
        revoked_at: datetime, user_id: str = "",
    ) -> None:  # fmt: skip
        del self.grants[(Role(role), unit_code)]

    def change(
        self,
        name: str,
        unit_code: str,
        posts: tuple[str, ...],
        reason: str,
        authority: str,
        by: ActorRecord,
        at: datetime,
    ) -> list[str]:
        """Change name, unit (a transfer 调动) or posts; the fields changed (none: no event)."""
        changed = [
            field
            for field, old, new in (
                ("name", self.name, name), ("unit_code", self.unit_code, unit_code),
                ("posts", self.posts, posts),
            )
            if old != new
        ]  # fmt: skip
        if changed:
            self._changed(
                name=name, unit_code=unit_code, posts=list(posts), changed=changed, reason=reason,
                authority=authority, changed_by=by, changed_at=at,
            )  # fmt: skip
        return changed

    @event("DetailsChanged")
    def _changed(
        self, *, name: str, unit_code: str, posts: list[str], changed: list[str], reason: str,
        authority: str, changed_by: ActorRecord, changed_at: datetime,
    ) -> None:  # fmt: skip
        self.name, self.unit_code, self.posts = name, unit_code, tuple(posts)

    def suspend(self, reason: str, authority: str, by: ActorRecord, at: datetime) -> None:
        """Suspend 停用 the account: no sign-in, its tokens refused; Conflict if suspended."""
        if self.suspension is not None:
            raise Conflict(f"账户 {self.user_id} 已停用 ({self.user_id} is suspended already)")
        self._suspended(
            user_id=self.user_id, unit_code=self.unit_code, reason=reason, authority=authority,
            suspended_by=by, suspended_at=at,
        )  # fmt: skip

    @event(Suspended)
    def _suspended(
        self, *, user_id: str, unit_code: str, reason: str, authority: str,
        suspended_by: ActorRecord, suspended_at: datetime,
    ) -> None:  # fmt: skip
        self.suspension = Suspension(reason, authority, dict(suspended_by), suspended_at)

    def reactivate(self, reason: str, authority: str, by: ActorRecord, at: datetime) -> None:
        """Re-activate 恢复 a suspended account; Conflict if it is active."""
        if self.suspension is None:
            raise Conflict(
                f"账户 {self.user_id} 正常使用中，只有已停用的账户才能恢复 "
                f"({self.user_id} is active; only a suspended account is re-activated)"
            )
        self._reactivated(
            user_id=self.user_id, unit_code=self.unit_code, reason=reason, authority=authority,
            reactivated_by=by, reactivated_at=at,
        )  # fmt: skip

    @event(Reactivated)
    def _reactivated(
        self, *, user_id: str, unit_code: str, reason: str, authority: str,
        reactivated_by: ActorRecord, reactivated_at: datetime,
    ) -> None:  # fmt: skip
        self.suspension = None

    def announce_earlier(
        self,
        earlier: Account.RoleGranted | Account.RoleRevoked,
        authority: str,
        by: ActorRecord,
        at: datetime,
    ) -> bool:
        """Announce a grant or revocation of this account recorded without its user id; False
        (nothing recorded) if it names its account already or was announced before."""
        version = earlier.originator_version
        if earlier.user_id or version in self.announced:
            return False
        if isinstance(earlier, Account.RoleGranted):
            granted, actor, when = True, earlier.granted_by, earlier.granted_at
        else:
            granted, actor, when = False, earlier.revoked_by, earlier.revoked_at
        self._announced(
            of_version=version, granted=granted, user_id=self.user_id, role=earlier.role,
            unit_code=earlier.unit_code, authority=earlier.authority, actor=actor, at=when,
            announced_by=by, announced_at=at, announced_on=authority,
        )  # fmt: skip
        return True

    @event(EarlierChangeAnnounced)
    def _announced(
        self, *, of_version: int, granted: bool, user_id: str, role: str, unit_code: str,
        authority: str, actor: ActorRecord, at: datetime, announced_by: ActorRecord,
        announced_at: datetime, announced_on: str,
    ) -> None:  # fmt: skip
        self.announced.add(of_version)


# -- the rules of who may manage whose account (pure: the org tree is handed in) ---------------


def check_administers(org: OrgDirectory, admin_unit: str, unit_code: str, what: str) -> None:
    """Refuse (403) `what` for a unit outside the admin's subtree (Art. 7, 按照干部管理权限)."""
    if not org.is_within(unit_code, admin_unit):
        what_zh = _WHAT_ZH.get(what, "该单位")
        raise Forbidden(
            f"Art. 7: {admin_unit} 的管理员只管理本单位及所属单位的账户和授权，"
            f"{what_zh} {unit_code} 不在其中 (an admin (管理员) of {admin_unit} manages "
            f"accounts and grants within its subtree only; {what} {unit_code} lies outside it)"
        )


_WHAT_ZH = {
    "the account's unit": "账户所在单位",
    "the grant's unit": "授权单位",
    "the new unit": "调入单位",
}


def check_not_self(admin_user_id: str, account: Account, doing: str) -> None:
    """Refuse (403) an admin acting on their own account: nobody raises their own powers."""
    if admin_user_id == account.user_id:
        raise Forbidden(
            "不能对本人账户进行此项操作，须由另一名管理员办理（四眼原则） "
            f"(nobody {doing} their own account; another admin does it (四眼原则))"
        )


def check_manage(org: OrgDirectory, admin_user_id: str, admin_unit: str, account: Account,
                 doing: str) -> None:  # fmt: skip
    """The checks before suspending, re-activating or otherwise managing an account."""
    check_not_self(admin_user_id, account, doing)
    check_administers(org, admin_unit, account.unit_code, "the account's unit")


def check_grant(
    org: OrgDirectory,
    admin_user_id: str,
    admin_unit: str,
    account: Account,
    role: Role,
    unit_code: str,
) -> None:
    """Refuse a grant the rules forbid: outside the admin's subtree (403), to oneself (403), for
    a unit the holder could not hold a role for (422, naming `unit_code`)."""
    check_manage(org, admin_user_id, admin_unit, account, "grants roles on")
    check_administers(org, admin_unit, unit_code, "the grant's unit")
    if not org.is_within(unit_code, account.unit_code):
        raise Invalid(
            "unit_code",
            f"角色只能在账户所在单位（{account.unit_code}）或其所属单位担任，{unit_code} 不在其中 "
            f"(a role is held for the account's own unit ({account.unit_code}) or one within it; "
            f"{unit_code} is not)",
        )


def check_transfer(
    org: OrgDirectory, admin_user_id: str, admin_unit: str, account: Account, unit_code: str
) -> None:
    """Refuse moving an account to a unit outside the admin's subtree or by its owner (403), or
    while it holds a role for a unit outside the new one (422: revoke that grant first)."""
    check_manage(org, admin_user_id, admin_unit, account, "changes")
    check_administers(org, admin_unit, unit_code, "the new unit")
    stranded = sorted(
        f"{g.role.value}@{g.unit_code}"
        for g in account.grants.values()
        if not org.is_within(g.unit_code, unit_code)
    )
    if stranded:
        raise Invalid(
            "unit_code",
            f"角色只能在账户所在单位或其所属单位担任：调入 {unit_code} 前，请先撤销 "
            f"{', '.join(stranded)} (a role is held for the account's own unit or one within "
            f"it: revoke {', '.join(stranded)} before the move to {unit_code})",
        )


def check_revoke(
    org: OrgDirectory, admin_user_id: str, admin_unit: str, account: Account, unit_code: str
) -> None:
    """Refuse a revocation outside the admin's subtree or of one's own grant (403)."""
    check_manage(org, admin_user_id, admin_unit, account, "revokes roles on")
    check_administers(org, admin_unit, unit_code, "the grant's unit")
