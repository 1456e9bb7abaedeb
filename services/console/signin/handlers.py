"""Handlers of sign-in: set a password, sign in, unlock, enrol and remove a second factor.

Plain functions `(app, kit, ...)`: load the person's `Credential`, call it, save it (GB/T
22239-2019 8.1.4.1). What the directory knows of the person (name, unit, grants, whether
suspended) comes in as a `Person`; the console's application looks it up in the accounts.

An unknown user, a suspended account, a wrong password and a wrong TOTP code all get the one
answer `SignInRefused` ("用户名或密码错误"), and an unknown user costs an argon2 verification too,
so neither the answer nor its timing tells an attacker which part failed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventsourcing.persistence import IntegrityError

from services.console.accounts.model import Account, AccountStatus, account_id_of
from services.console.signin.factors import (
    Enrolment,
    PasswordHashing,
    SecretSealer,
    new_enrolment,
    totp_step,
)
from services.console.signin.model import Credential, SignInRules, check_password, credential_id_of
from shared.application import actor_of
from shared.auth import Role
from shared.errors import Conflict, DomainError, Forbidden, Invalid, NotFound

if TYPE_CHECKING:
    from datetime import datetime

    from shared.application import ServiceApplication
    from shared.auth import Principal
    from shared.vocabulary import ActorRecord

REFUSED = "用户名或密码错误"
SAVE_ATTEMPTS = 3
NEED_SECOND_FACTOR = "需要动态口令"
ONLY_AN_ADMIN = "GB/T 22239-2019 8.1.4.1: 此操作须由管理员办理 (only an admin (管理员) does this)"


def _no_password(user_id: str) -> str:
    return f"{user_id} 尚未设置口令 ({user_id} has no password set)"


class SignInRefused(DomainError):
    """Unknown user, suspended account, wrong password or wrong code: the same answer for each."""

    status_code = 401

    def __init__(self) -> None:
        super().__init__(REFUSED)


class SecondFactorNeeded(DomainError):
    """The password was right and the person's roles need a TOTP code, which was not given."""

    status_code = 401

    def __init__(self) -> None:
        super().__init__(NEED_SECOND_FACTOR)


class AccountLocked(DomainError):
    """Locked out after repeated failures (8.1.4.1 b), until `until`."""

    status_code = 423

    def __init__(self, until: datetime) -> None:
        super().__init__(f"账户已锁定，请于 {until.isoformat()} 后再试或联系管理员解锁")
        self.until = until


@dataclass(frozen=True)
class Person:
    """What sign-in needs to know of an account of the directory."""

    user_id: str
    name: str
    unit_code: str
    active: bool
    grants: tuple[tuple[Role, str], ...]
    """(role, unit) pairs the person holds now."""

    @property
    def roles_here(self) -> frozenset[Role]:
        """The roles granted at the person's own (acting) unit: what a token carries."""
        return frozenset(role for role, unit in self.grants if unit == self.unit_code)

    @property
    def all_roles(self) -> frozenset[Role]:
        return frozenset(role for role, _ in self.grants)


@dataclass(frozen=True)
class SignInKit:
    """The rules and the cryptography a console's sign-in works with (from its settings)."""

    rules: SignInRules
    hashing: PasswordHashing
    sealer: SecretSealer


@dataclass(frozen=True)
class SignedIn:
    """A successful sign-in: who, whether with a second factor, and the roles the token carries."""

    person: Person
    second_factor: bool
    roles: frozenset[Role]
    withheld: frozenset[Role]
    """Privileged roles left out until the person enrols and uses a second factor."""
    amr: tuple[str, ...] = ()
    """How they proved it (RFC 8176) when not the console's password (and TOTP): an external
    issuer's sign-in (oidc/)."""


def credential_of(app: ServiceApplication, user_id: str) -> Credential | None:
    """The person's credential, if a password was ever set."""
    return app.find(credential_id_of(user_id), Credential)


def set_password(
    app: ServiceApplication, kit: SignInKit, user_id: str, password: str, by: ActorRecord
) -> None:
    """Set (first time) or change a person's password, after the complexity rules (8.1.4.1 a)."""
    check_password(password, user_id, kit.rules)
    password_hash = kit.hashing.hash(password)
    now = app.clock.now()
    credential = credential_of(app, user_id)
    if credential is None:
        credential = Credential(user_id=user_id, password_hash=password_hash, by=by, at=now)
    else:
        credential.change_password(password_hash, by, now)
    app.save(credential)


def reset_password(
    app: ServiceApplication, kit: SignInKit, person: Person, password: str, by: Principal
) -> None:
    """An admin over the person's unit sets their first password or resets a forgotten one."""
    actor = _admin_over(app, person, by)
    set_password(app, kit, person.user_id, password, actor)


def change_own_password(
    app: ServiceApplication, kit: SignInKit, person: Person, current: str, new: str
) -> None:
    """A signed-in person changes their own password, proving the current one."""
    credential = credential_of(app, person.user_id)
    if credential is None or not kit.hashing.verify(credential.password_hash, current):
        raise Invalid("current_password", "当前口令不正确 (the current password is wrong)")
    if current == new:
        raise Invalid("new_password", "新口令不能与当前口令相同 (must differ from the current one)")
    by: ActorRecord = {"user_id": person.user_id, "role": "self", "unit_code": person.unit_code}
    set_password(app, kit, person.user_id, new, by)


def sign_in(
    app: ServiceApplication,
    kit: SignInKit,
    person: Person | None,
    user_id: str,
    password: str,
    totp: str | None,
) -> SignedIn:
    """Check a password and, where the roles need it, a TOTP code (8.1.4.1 a, b, d).

    Refused alike: unknown, suspended, wrong password, wrong code (`SignInRefused`); locked out
    (`AccountLocked`, 423); a right password without the code its roles need (`SecondFactorNeeded`).
    Every failure on an existing credential and every success is an event of the credential.
    Attempts on one account at the same moment (a double click, a guesser in parallel) are each
    counted: the one whose save finds the credential changed is checked again on the new state.
    """
    for _ in range(SAVE_ATTEMPTS - 1):
        try:
            return _sign_in(app, kit, person, user_id, password, totp)
        except IntegrityError:
            continue
    try:
        return _sign_in(app, kit, person, user_id, password, totp)
    except IntegrityError:
        raise Conflict("同时登录的请求过多，请稍后再试 (too many sign-ins at once)") from None


def _sign_in(
    app: ServiceApplication,
    kit: SignInKit,
    person: Person | None,
    user_id: str,
    password: str,
    totp: str | None,
) -> SignedIn:
    credential = credential_of(app, user_id) if person is not None and person.active else None
    if person is None or credential is None:
        kit.hashing.verify_nobody(password)
        raise SignInRefused
    now = app.clock.now()
    locked = credential.locked_until(now)
    if locked is not None:
        raise AccountLocked(locked)  # not checked nor recorded: the lock-out is the record
    if not kit.hashing.verify(credential.password_hash, password):
        _fail(app, kit, credential, "password", now)
    # Any privileged grant, for whichever unit, asks for the code (8.1.4.1 d).
    privileged = kit.rules.needs_second_factor(person.all_roles)
    step: int | None = None
    if privileged and credential.has_second_factor:
        if not totp:
            raise SecondFactorNeeded
        assert credential.sealed_totp_secret is not None
        secret = kit.sealer.open(credential.sealed_totp_secret)
        step = totp_step(secret, totp, now, kit.rules.totp_window)
        if step is None or step <= credential.last_totp_step:
            _fail(app, kit, credential, "second_factor", now)
    credential.succeed(now, second_factor=step is not None, totp_step=step)
    app.save(credential)
    withheld = (
        person.roles_here & kit.rules.second_factor_roles if privileged and step is None else set()
    )
    return SignedIn(person, step is not None, person.roles_here - withheld, frozenset(withheld))


def _fail(
    app: ServiceApplication, kit: SignInKit, credential: Credential, factor: str, now: datetime
) -> None:
    locked = credential.fail(factor, now, kit.rules)
    app.save(credential)
    if locked is not None:
        raise AccountLocked(locked)
    raise SignInRefused


def _admin_over(app: ServiceApplication, person: Person, by: Principal) -> ActorRecord:
    if Role.ADMIN not in by.roles:
        raise Forbidden(ONLY_AN_ADMIN)
    if not app.org.is_within(person.unit_code, by.unit_code):
        raise Forbidden(
            f"{person.user_id} 属于 {person.unit_code}，"
            f"不在您管理的范围（{by.unit_code} 及其所属单位）内 "
            f"({person.user_id} belongs to {person.unit_code}, "
            f"outside your subtree ({by.unit_code}))"
        )
    return actor_of(by, prefer=Role.ADMIN.value)


def unlock(
    app: ServiceApplication,
    person: Person,
    reason: str,
    by: Principal,
) -> None:
    """An admin over the person's unit ends their lock-out, saying why (8.1.4.1 b)."""
    actor = _admin_over(app, person, by)
    why = reason.strip()
    if not why:
        raise Invalid("reason", "说明解锁理由 (say why, e.g. identity confirmed by phone)")
    credential = credential_of(app, person.user_id)
    if credential is None:
        raise NotFound(_no_password(person.user_id))
    credential.unlock(why, actor, app.clock.now())
    app.save(credential)


def remove_second_factor(
    app: ServiceApplication,
    person: Person,
    reason: str,
    by: Principal,
) -> None:
    """An admin over the person's unit removes a lost authenticator, saying why (8.1.4.1 d)."""
    actor = _admin_over(app, person, by)
    why = reason.strip()
    if not why:
        raise Invalid("reason", "说明理由 (say why, e.g. phone lost)")
    credential = credential_of(app, person.user_id)
    if credential is None:
        raise NotFound(_no_password(person.user_id))
    credential.remove_second_factor(why, actor, app.clock.now())
    app.save(credential)


def offer_second_factor(app: ServiceApplication, person: Person) -> Enrolment:
    """A fresh TOTP secret for the person to scan; nothing is recorded until confirmed."""
    credential = credential_of(app, person.user_id)
    if credential is None:
        raise NotFound(_no_password(person.user_id))
    if credential.has_second_factor:
        raise Conflict("已绑定动态口令 (a second factor is enrolled; an admin removes it first)")
    return new_enrolment(person.user_id, person.name)


def confirm_second_factor(
    app: ServiceApplication, kit: SignInKit, person: Person, secret: str, code: str
) -> None:
    """Enrol the offered secret once the person proves it with a current code (RFC 6238)."""
    credential = credential_of(app, person.user_id)
    if credential is None:
        raise NotFound(_no_password(person.user_id))
    now = app.clock.now()
    step = totp_step(secret, code, now, kit.rules.totp_window)
    if step is None:
        raise Invalid("totp", "动态口令不正确 (the code does not match; check the phone's time)")
    by: ActorRecord = {"user_id": person.user_id, "role": "self", "unit_code": person.unit_code}
    credential.enrol_second_factor(kit.sealer.seal(secret), step, by, now)
    app.save(credential)


def enrol_known_secret(
    app: ServiceApplication, kit: SignInKit, user_id: str, secret: str, by: ActorRecord
) -> None:
    """Enrol a given TOTP secret without a code: the dev demo's pre-enrolled authenticators."""
    credential = credential_of(app, user_id)
    if credential is None:
        raise NotFound(_no_password(user_id))
    if not credential.has_second_factor:
        credential.enrol_second_factor(kit.sealer.seal(secret), -1, by, app.clock.now())
        app.save(credential)


def credential_status(
    app: ServiceApplication, person: Person, by: Principal
) -> dict[str, str | bool | None]:
    """What an admin over the person's unit may see of the credential: never hash nor secret."""
    _admin_over(app, person, by)
    credential = credential_of(app, person.user_id)
    now = app.clock.now()
    locked = credential.locked_until(now) if credential else None
    last = credential.last_signed_in_at if credential else None
    return {
        "user_id": person.user_id,
        "password_set": credential is not None,
        "locked_until": locked.isoformat() if locked else None,
        "second_factor": bool(credential and credential.has_second_factor),
        "last_signed_in_at": last.isoformat() if last else None,
    }


def person_of(app: ServiceApplication, user_id: str) -> Person | None:
    """What sign-in needs to know of the account `user_id` in the directory; None if none."""
    account = app.find(account_id_of(user_id), Account)
    if account is None:
        return None
    return Person(
        user_id=account.user_id,
        name=account.name,
        unit_code=account.unit_code,
        active=account.status is AccountStatus.ACTIVE,
        grants=tuple((g.role, g.unit_code) for g in account.sorted_grants()),
    )
