"""A person's sign-in credential and the 等保 2.0 rules it keeps, as events.

GB/T 22239-2019 (等保 2.0, level 3) 8.1.4.1 身份鉴别: a) identify and authenticate every user with
a secret that is complex and changed; b) on failed sign-ins, end the session, limit the attempts
and lock the account out, and end an idle session (登录失败处理, 连接超时自动退出); d) use two or
more techniques for privileged users. The district's choices are data (`SignInRules`, from the
console's settings): a password of at least 12 characters from 3 of the 4 classes (lower case,
upper case, digits, others) that does not contain the user id; 5 failures within 15 minutes lock
the account for 15 minutes; a session idle for 15 minutes ends; the custodian 举报人信息保管员,
admin 管理员 and office 预防腐败室 roles need a TOTP second factor (RFC 6238).

The `Credential` holds no password, only its argon2id hash, and the TOTP secret only sealed (see
factors.py); its events stay in the console's store and never reach a topic.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Final
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from shared.auth import Role
from shared.errors import Conflict, Invalid
from shared.vocabulary import ActorRecord

CREDENTIAL_NAMESPACE: Final = uuid5(NAMESPACE_URL, "urn:lianfang:console:credential")

MAX_PASSWORD_LENGTH: Final = 128
"""Longer ones are refused before hashing: argon2 of a megabyte is a cheap denial of service."""

PRIVILEGED_ROLES: Final = frozenset({Role.CUSTODIAN, Role.ADMIN, Role.OFFICE})


def credential_id_of(user_id: str) -> UUID:
    """The one credential of a user, by a stable id."""
    return uuid5(CREDENTIAL_NAMESPACE, f"credential:{user_id}")


@dataclass(frozen=True)
class SignInRules:
    """The district's sign-in rules (GB/T 22239-2019 8.1.4.1), built from the console's settings."""

    min_password_length: int = 12
    min_character_classes: int = 3
    max_failures: int = 5
    failure_window: timedelta = timedelta(minutes=15)
    lockout: timedelta = timedelta(minutes=15)
    idle_timeout: timedelta = timedelta(minutes=15)
    second_factor_roles: frozenset[Role] = field(default_factory=lambda: PRIVILEGED_ROLES)
    totp_window: int = 1
    """Codes of this many 30-second steps before and after now are accepted (clock drift)."""

    def needs_second_factor(self, roles: set[Role] | frozenset[Role]) -> bool:
        """Whether holding `roles` needs a second factor (8.1.4.1 d, privileged users)."""
        return bool(self.second_factor_roles & roles)


def character_classes(password: str) -> int:
    """How many of the four classes (lower, upper, digit, other) the password uses."""
    return sum(
        (
            any(c in string.ascii_lowercase for c in password),
            any(c in string.ascii_uppercase for c in password),
            any(c in string.digits for c in password),
            any(not (c.isascii() and c.isalnum()) for c in password),
        )
    )


def check_password(password: str, user_id: str, rules: SignInRules) -> None:
    """Refuse (422 on `password`) a password too weak for 8.1.4.1 a); the reason says which rule."""
    if len(password) < rules.min_password_length:
        raise Invalid(
            "password", f"口令至少 {rules.min_password_length} 个字符 (at least "
            f"{rules.min_password_length} characters; GB/T 22239-2019 8.1.4.1 a)",
        )  # fmt: skip
    if len(password) > MAX_PASSWORD_LENGTH:
        raise Invalid(
            "password",
            f"口令至多 {MAX_PASSWORD_LENGTH} 个字符 (at most {MAX_PASSWORD_LENGTH} characters)",
        )
    if password.strip() != password:
        raise Invalid("password", "口令首尾不能是空白 (no leading or trailing blanks)")
    if character_classes(password) < rules.min_character_classes:
        raise Invalid(
            "password", f"口令须含小写字母、大写字母、数字、其他字符中的至少 "
            f"{rules.min_character_classes} 类 (at least {rules.min_character_classes} of: lower "
            "case, upper case, digits, others; GB/T 22239-2019 8.1.4.1 a)",
        )  # fmt: skip
    if user_id and user_id.casefold() in password.casefold():
        raise Invalid("password", "口令不能包含用户名 (must not contain the user id)")


class Credential(Aggregate):
    """How one person proves who they are: password hash, failures, lock-out, second factor."""

    @staticmethod
    def create_id(user_id: str, **_: Any) -> UUID:
        return credential_id_of(user_id)

    @event("PasswordSet")
    def __init__(self, *, user_id: str, password_hash: str, by: ActorRecord, at: datetime) -> None:
        self.user_id = user_id
        self.password_hash = password_hash
        self.password_set_at = at
        self.failures: list[datetime] = []
        self.locked_until_at: datetime | None = None
        self.sealed_totp_secret: str | None = None
        self.last_totp_step = -1
        self.last_signed_in_at: datetime | None = None

    # -- password ----------------------------------------------------------------------------

    def change_password(self, password_hash: str, by: ActorRecord, at: datetime) -> None:
        """A new password, set by the user or reset by an admin (who is `by`)."""
        self._password_changed(password_hash=password_hash, by=by, at=at)

    @event("PasswordChanged")
    def _password_changed(self, *, password_hash: str, by: ActorRecord, at: datetime) -> None:
        self.password_hash = password_hash
        self.password_set_at = at

    # -- sign-in outcomes --------------------------------------------------------------------

    def locked_until(self, now: datetime) -> datetime | None:
        """The end of the lock-out in force at `now`, if any (8.1.4.1 b)."""
        if self.locked_until_at is not None and now < self.locked_until_at:
            return self.locked_until_at
        return None

    def fail(self, factor: str, at: datetime, rules: SignInRules) -> datetime | None:
        """Record a failed sign-in (`factor`: "password" or "second_factor"); lock the account
        out when it is the `max_failures`th within the window. The lock-out's end, if it locked."""
        self._failed(factor=factor, at=at)
        recent = [t for t in self.failures if at - t < rules.failure_window]
        if len(recent) >= rules.max_failures:
            self._locked_out(at=at, until=at + rules.lockout, failures=len(recent))
            return self.locked_until_at
        return None

    @event("SignInFailed")
    def _failed(self, *, factor: str, at: datetime) -> None:
        self.failures.append(at)

    @event("LockedOut")
    def _locked_out(self, *, at: datetime, until: datetime, failures: int) -> None:
        self.locked_until_at = until
        self.failures = []  # the count starts afresh once the lock-out ends

    def succeed(self, at: datetime, *, second_factor: bool, totp_step: int | None) -> None:
        """Record a sign-in; a TOTP step, once used, is never accepted again (RFC 6238 5.2)."""
        if totp_step is not None and totp_step <= self.last_totp_step:
            raise Conflict("该动态口令已使用过，请等待下一个 (this TOTP code was used already)")
        self._succeeded(at=at, second_factor=second_factor, totp_step=totp_step)

    @event("SignInSucceeded")
    def _succeeded(self, *, at: datetime, second_factor: bool, totp_step: int | None) -> None:
        self.failures = []
        self.last_signed_in_at = at
        if totp_step is not None:
            self.last_totp_step = totp_step

    def unlock(self, reason: str, by: ActorRecord, at: datetime) -> None:
        """An admin ends a lock-out before its time (who and why are recorded)."""
        if self.locked_until(at) is None and not self.failures:
            raise Conflict(
                f"账户 {self.user_id} 未被锁定 (the account {self.user_id} is not locked out)"
            )
        self._unlocked(reason=reason, by=by, at=at)

    @event("Unlocked")
    def _unlocked(self, *, reason: str, by: ActorRecord, at: datetime) -> None:
        self.locked_until_at = None
        self.failures = []

    # -- second factor -----------------------------------------------------------------------

    @property
    def has_second_factor(self) -> bool:
        return self.sealed_totp_secret is not None

    def enrol_second_factor(
        self, sealed_secret: str, totp_step: int, by: ActorRecord, at: datetime
    ) -> None:
        """Enrol a TOTP authenticator, confirmed with a code of step `totp_step` (8.1.4.1 d)."""
        if self.has_second_factor:
            raise Conflict(
                f"{self.user_id} 已绑定动态口令，须先由管理员解除 "
                f"({self.user_id} has a second factor already; an admin removes it first)"
            )
        self._enrolled(sealed_secret=sealed_secret, totp_step=totp_step, by=by, at=at)

    @event("SecondFactorEnrolled")
    def _enrolled(
        self, *, sealed_secret: str, totp_step: int, by: ActorRecord, at: datetime
    ) -> None:
        self.sealed_totp_secret = sealed_secret
        self.last_totp_step = totp_step

    def remove_second_factor(self, reason: str, by: ActorRecord, at: datetime) -> None:
        """An admin removes a lost or compromised authenticator (who and why are recorded)."""
        if not self.has_second_factor:
            raise Conflict(
                f"{self.user_id} 未绑定动态口令，无需解除 "
                f"({self.user_id} has no second factor to remove)"
            )
        self._factor_removed(reason=reason, by=by, at=at)

    @event("SecondFactorRemoved")
    def _factor_removed(self, *, reason: str, by: ActorRecord, at: datetime) -> None:
        self.sealed_totp_secret = None
