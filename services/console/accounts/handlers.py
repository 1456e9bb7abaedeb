"""Handlers of the directory: open accounts, grant and revoke roles, suspend, re-activate, import,
and ask who held a role at a moment (Art. 6, 14, 22, 25).

Plain functions `(app, ...)`: load, check the rules of model.py, call, save. The caller is an
admin 管理员 (the route checks the role); what they may touch is their own subtree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventsourcing.persistence import IntegrityError

from services.console.accounts.as_of import account_at
from services.console.accounts.imports import AccountDraft, ImportRejected, ImportRow, RowProblem
from services.console.accounts.model import (
    Account,
    account_id_of,
    check_administers,
    check_grant,
    check_manage,
    check_revoke,
    check_transfer,
    check_user_id,
)
from shared.application import actor_of
from shared.auth import Role
from shared.errors import Conflict, DomainError, Invalid

if TYPE_CHECKING:
    from datetime import datetime

    from services.console.app import ConsoleApplication
    from shared.auth import Principal


@dataclass(frozen=True)
class AccountChanges:
    """What to change of an account: None leaves a field as it is."""

    name: str | None = None
    unit_code: str | None = None
    posts: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Holder:
    """Who held a role for a unit at a moment, by which grant (Art. 14, 22, 25)."""

    user_id: str
    name: str
    account_unit: str
    unit_code: str
    authority: str
    granted_by: dict[str, str]
    granted_at: datetime


def _text(value: str, field: str, what: str) -> str:
    stripped = value.strip()
    if not stripped:
        raise Invalid(field, what)
    return stripped


def _authority(value: str) -> str:
    return _text(
        value,
        "authority",
        "请写明依据（文号或决定） (name the authority (依据: a document number or decision))",
    )


def _save(app: ConsoleApplication, *accounts: Account) -> None:
    """Save, or Conflict (409) if another admin's change to the same account came first: the
    store's optimistic concurrency keeps both from being recorded on the same version."""
    try:
        app.save(*accounts)
    except IntegrityError:
        raise Conflict(
            "该账户已被他人修改，请刷新后重试 (the account was changed meanwhile; read it again "
            "and retry)"
        ) from None


def account_of(app: ConsoleApplication, user_id: str) -> Account:
    """The account of a user id; NotFound if there is none."""
    return app.load(account_id_of(user_id), Account, "account")


def _managed(app: ConsoleApplication, user_id: str, by: Principal) -> Account:
    """The account, if it lies in the admin's subtree (403 otherwise: its existence elsewhere
    is no secret to an admin, whose directory listing is the subtree)."""
    account = account_of(app, user_id)
    app.unit(by.unit_code, "unit")
    check_administers(app.org, by.unit_code, account.unit_code, "the account's unit")
    return account


def open_account(
    app: ConsoleApplication, draft: AccountDraft, authority: str, by: Principal
) -> Account:
    """Open an account in the admin's subtree, with the roles the draft grants (Art. 6)."""
    account = _opened(app, draft, _authority(authority), by)
    _save(app, account)
    return account


def _opened(app: ConsoleApplication, draft: AccountDraft, authority: str, by: Principal) -> Account:
    account = _new_account(app, draft, authority, by)
    _grant_all(app, account, draft.grants, authority, by)
    return account


def _new_account(
    app: ConsoleApplication, draft: AccountDraft, authority: str, by: Principal
) -> Account:
    check_user_id(draft.user_id)
    name = _text(draft.name, "name", "请填写姓名 (name the person (姓名))")
    app.unit(draft.unit_code)
    check_administers(app.org, by.unit_code, draft.unit_code, "the account's unit")
    if app.find(account_id_of(draft.user_id), Account) is not None:
        raise Conflict(f"用户 {draft.user_id} 已有账户 ({draft.user_id} has an account already)")
    return Account(
        user_id=draft.user_id, name=name, unit_code=draft.unit_code, posts=list(draft.posts),
        authority=authority, opened_by=actor_of(by, "admin"), opened_at=app.clock.now(),
    )  # fmt: skip


def _grant_all(
    app: ConsoleApplication,
    account: Account,
    grants: tuple[tuple[Role, str], ...],
    authority: str,
    by: Principal,
) -> None:
    for role, unit_code in grants:
        app.unit(unit_code, "unit_code")
        check_grant(app.org, by.user_id, by.unit_code, account, role, unit_code)
        account.grant(role, unit_code, authority, actor_of(by, "admin"), app.clock.now())


def grant_role(
    app: ConsoleApplication,
    user_id: str,
    role: Role,
    unit_code: str | None,
    authority: str,
    by: Principal,
) -> Account:
    """Grant a role for a unit (the account's own unless named; a custodian's must be named,
    the unit whose petitioners it may reveal, Art. 22)."""
    account = _managed(app, user_id, by)
    if unit_code is None:
        if role is Role.CUSTODIAN:
            raise Invalid(
                "unit_code", "Art. 22: 授予举报人信息保管员须写明其可查看哪个单位的举报人身份 "
                "(a custodian grant names the unit whose petitioners it may reveal)",
            )  # fmt: skip
        unit_code = account.unit_code
    app.unit(unit_code, "unit_code")
    check_grant(app.org, by.user_id, by.unit_code, account, role, unit_code)
    account.grant(role, unit_code, _authority(authority), actor_of(by, "admin"), app.clock.now())
    _save(app, account)
    return account


def revoke_role(
    app: ConsoleApplication,
    user_id: str,
    role: Role,
    unit_code: str,
    reason: str,
    authority: str,
    by: Principal,
) -> Account:
    """Revoke a role held for a unit, with the reason and authority."""
    account = _managed(app, user_id, by)
    app.unit(unit_code, "unit_code")
    check_revoke(app.org, by.user_id, by.unit_code, account, unit_code)
    why = _text(reason, "reason", "请写明撤销理由 (say why the role is revoked)")
    account.revoke(role, unit_code, why, _authority(authority), actor_of(by, "admin"),
                   app.clock.now())  # fmt: skip
    _save(app, account)
    return account


def change_account(
    app: ConsoleApplication,
    user_id: str,
    changes: AccountChanges,
    reason: str,
    authority: str,
    by: Principal,
) -> tuple[Account, list[str]]:
    """Change an account's name, unit (a transfer 调动, within the admin's subtree) or posts,
    with the reason and authority; the account and the fields changed."""
    account = _managed(app, user_id, by)
    unit_code = account.unit_code if changes.unit_code is None else changes.unit_code
    app.unit(unit_code)
    check_transfer(app.org, by.user_id, by.unit_code, account, unit_code)
    name = (
        account.name
        if changes.name is None
        else _text(changes.name, "name", "请填写姓名 (name the person)")
    )
    posts = account.posts if changes.posts is None else tuple(changes.posts)
    why = _text(reason, "reason", "请写明变更理由 (say why the account changes)")
    changed = account.change(
        name, unit_code, posts, why, _authority(authority), actor_of(by, "admin"), app.clock.now()
    )
    if changed:
        _save(app, account)
    return account, changed


def suspend_account(
    app: ConsoleApplication, user_id: str, reason: str, authority: str, by: Principal
) -> Account:
    """Suspend an account 停用: no sign-in; every service refuses its tokens issued before."""
    account = _managed(app, user_id, by)
    check_manage(app.org, by.user_id, by.unit_code, account, "suspends")
    why = _text(reason, "reason", "请写明停用理由 (say why the account is suspended)")
    account.suspend(why, _authority(authority), actor_of(by, "admin"), app.clock.now())
    _save(app, account)
    return account


def reactivate_account(
    app: ConsoleApplication, user_id: str, reason: str, authority: str, by: Principal
) -> Account:
    """Re-activate a suspended account 恢复."""
    account = _managed(app, user_id, by)
    check_manage(app.org, by.user_id, by.unit_code, account, "re-activates")
    why = _text(reason, "reason", "请写明恢复理由 (say why the account is re-activated)")
    account.reactivate(why, _authority(authority), actor_of(by, "admin"), app.clock.now())
    _save(app, account)
    return account


def import_accounts(
    app: ConsoleApplication, rows: list[ImportRow], authority: str, by: Principal
) -> list[str]:
    """Open every account of a file, or none: ImportRejected lists every bad row by its line."""
    doc = _authority(authority)
    found: list[RowProblem] = []
    first_row: dict[str, int] = {}
    staged: list[Account] = []
    for row in rows:
        found += row.problems
        draft = row.draft
        if draft is None:
            continue
        if draft.user_id in first_row:
            first = first_row[draft.user_id]
            found.append(
                RowProblem(row.row, "user_id", f"与第 {first} 行重复 (also in row {first})")
            )
            continue
        first_row[draft.user_id] = row.row
        try:
            account = _new_account(app, draft, doc, by)
        except DomainError as refused:
            found.append(RowProblem(row.row, *_field_and_reason(refused, "unit_code")))
            continue
        try:
            _grant_all(app, account, draft.grants, doc, by)
        except DomainError as refused:
            found.append(RowProblem(row.row, "roles", _field_and_reason(refused, "roles")[1]))
            continue
        staged.append(account)
    if not rows:
        found.append(RowProblem(0, "file", "文件中没有账户 (no accounts in the file)"))
    if found:
        raise ImportRejected(found)
    _save(app, *staged)  # one transaction: all or nothing
    return [a.user_id for a in staged]


def holders(
    app: ConsoleApplication, role: Role, unit_code: str, at: datetime, *, covering: bool = False
) -> list[Holder]:
    """Who held `role` for the unit at `at`, their accounts active then (Art. 14, 22, 25).

    `covering`: also a grant for a unit above it, whose subtree includes it (a district
    custodian may reveal a town's petitioners).
    """
    units = [u.code for u in app.org.ancestors(unit_code)] if covering else [unit_code]
    found = []
    for account_id in app.view.ever_granted(role, units):
        then = account_at(app, account_id, at)
        if then is None or then.suspension is not None:
            continue
        for unit in units:
            grant = then.grants.get((role, unit))
            if grant is not None:
                holder = Holder(
                    then.user_id, then.name, then.unit_code, grant.unit_code,
                    grant.authority, grant.granted_by, grant.granted_at,
                )  # fmt: skip
                found.append(holder)
    return sorted(found, key=lambda h: (h.unit_code, h.user_id))


def _field_and_reason(refused: DomainError, default: str) -> tuple[str, str]:
    """The row's field a refusal is about, and why: an Invalid names it, a Conflict is about
    the user id (an account exists), a Forbidden about the unit (outside the subtree)."""
    if isinstance(refused, Invalid):
        return refused.field, refused.reason
    return ("user_id" if isinstance(refused, Conflict) else default), str(refused)


def announce_earlier_grants(app: ConsoleApplication, authority: str, by: Principal) -> int:
    """Announce once every grant and revocation recorded before the public RoleGranted /
    RoleRevoked existed (no user id on the stored event), so that every service follows them
    (docs/accounts.md); how many were announced. A second run announces nothing: each account
    remembers what it announced, and each public event's id is the one its original stored event
    would have had (consumers drop a repeat by it)."""
    why = _authority(authority)
    actor = actor_of(by, "admin")
    announced = 0
    for account_id in app.view.all_accounts():
        account: Account = app.repository.get(account_id)
        earlier = [
            stored
            for stored in app.events.get(account_id)
            if isinstance(stored, Account.RoleGranted | Account.RoleRevoked)
        ]
        count = sum(account.announce_earlier(e, why, actor, app.clock.now()) for e in earlier)
        if count:
            try:
                app.save(account)
            except IntegrityError:
                continue  # another run announced this account's grants meanwhile
            announced += count
    return announced
