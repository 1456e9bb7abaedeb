"""Sign-in told as a story per store (GB/T 22239-2019 8.1.4.1): passwords, lock-out, second factor.

太和镇's information officer 信息员 signs in with a password; its office 预防腐败室 also needs a
code from an authenticator app. Somebody guesses at the officer's password five times and locks the
account out; the district's admin unlocks it after a phone call. Nobody can tell from the answers
whether an account exists.
"""

from __future__ import annotations

import statistics
import time
from datetime import timedelta
from typing import TYPE_CHECKING, ClassVar

import pytest

from services.console.app import ConsoleApplication
from services.console.signin import handlers
from services.console.signin.factors import (
    PasswordHashing,
    SecretSealer,
    new_enrolment,
    totp_code,
)
from services.console.signin.handlers import (
    AccountLocked,
    Person,
    SecondFactorNeeded,
    SignInKit,
    SignInRefused,
)
from services.console.signin.model import Credential, SignInRules
from shared.application import ServiceApplication
from shared.auth import Principal, Role
from shared.errors import Conflict, Forbidden, Invalid
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED
from tests.support.stores import Story

if TYPE_CHECKING:
    from shared.clock import ManualClock

OFFICER = Person("u-th-officer", "李信息", "QX-TH", True, ((Role.OFFICER, "QX-TH"),))
OFFICE = Person("u-th-office", "王预防", "QX-TH", True, ((Role.OFFICE, "QX-TH"),))
SUSPENDED = Person("u-th-gone", "赵离职", "QX-TH", False, ((Role.OFFICER, "QX-TH"),))
DISTRICT_ADMIN = Principal("u-qx-admin", frozenset({Role.ADMIN}), "QX", "区管理员")
TOWN_ADMIN_ELSEWHERE = Principal("u-tp-admin", frozenset({Role.ADMIN}), "QX-TP", "太平镇管理员")
ADMIN_ACTOR = {"user_id": "u-qx-admin", "role": "admin", "unit_code": "QX"}
PASSWORD = "Taihe-2026-spring"
OTHER = "Wrong-guess-2026"
KIT = SignInKit(
    SignInRules(),
    PasswordHashing(time_cost=1, memory_kib=8 * 1024),  # cheaper than production, same code
    SecretSealer(SecretSealer.generate_key()),
)


def stored_text(app: ServiceApplication) -> str:
    """Every stored event's state as text, to look for what must never be there."""
    records = app.recorder.select_notifications(start=None, limit=10_000)
    return "\n".join(bytes(r.state).decode("utf-8", "replace") for r in records)


def event_names(app: ServiceApplication, user_id: str) -> list[str]:
    credential = handlers.credential_of(app, user_id)
    assert credential is not None
    events = app.repository.event_store.get(credential.id)
    return [type(e).__name__ for e in events]


class SignInStory(Story[ServiceApplication]):
    """Re-told per store: memory and SQLite here, PostgreSQL in tests/integration."""

    kit: ClassVar[SignInKit] = KIT

    def make_app(self, env: dict[str, str], clock: ManualClock) -> ServiceApplication:
        org = OrgDirectory.from_json(DEFAULT_ORG_SEED)
        app = ConsoleApplication(env, clock=clock, org=org, signin=self.kit)
        for person in (OFFICER, OFFICE, SUSPENDED):
            handlers.set_password(app, self.kit, person.user_id, PASSWORD, ADMIN_ACTOR)
        return app

    def sign_in(
        self, app: ServiceApplication, person: Person | None, password: str, totp: str | None = None
    ) -> handlers.SignedIn:
        user_id = person.user_id if person else "u-nobody"
        return handlers.sign_in(app, self.kit, person, user_id, password, totp)

    def test_a_right_password_signs_in_and_is_recorded_never_the_password(
        self, app: ServiceApplication
    ) -> None:
        signed = self.sign_in(app, OFFICER, PASSWORD)
        assert signed.roles == {Role.OFFICER}
        assert not signed.withheld
        assert event_names(app, OFFICER.user_id) == ["PasswordSet", "SignInSucceeded"]
        stored = stored_text(app)
        assert PASSWORD not in stored
        assert "$argon2id$" in stored  # the hash, in the credential's own events only

    def test_unknown_user_suspended_and_wrong_password_get_one_answer(
        self, app: ServiceApplication
    ) -> None:
        answers = []
        for person, password in ((None, PASSWORD), (SUSPENDED, PASSWORD), (OFFICER, OTHER)):
            with pytest.raises(SignInRefused) as refused:
                self.sign_in(app, person, password)
            answers.append((refused.value.status_code, str(refused.value)))
        assert answers == [(401, "用户名或密码错误")] * 3
        # Only the existing, active account's failure is a fact worth recording.
        assert event_names(app, OFFICER.user_id)[-1] == "SignInFailed"
        assert event_names(app, SUSPENDED.user_id) == ["PasswordSet"]

    def test_an_unknown_user_costs_a_verification_too(self, app: ServiceApplication) -> None:
        def timed(person: Person | None) -> float:
            started = time.perf_counter()
            with pytest.raises((SignInRefused, AccountLocked)):
                self.sign_in(app, person, OTHER)
            return time.perf_counter() - started

        wrong = statistics.median(timed(OFFICER) for _ in range(3))
        unknown = statistics.median(timed(None) for _ in range(3))
        # Both run argon2 over the guess; a lookup alone would be a thousand times faster.
        assert unknown > wrong / 4

    def test_five_failures_within_the_window_lock_the_account_out(
        self, app: ServiceApplication, clock: ManualClock
    ) -> None:
        for _ in range(4):
            with pytest.raises(SignInRefused):
                self.sign_in(app, OFFICER, OTHER)
            clock.advance(timedelta(minutes=2))
        with pytest.raises(AccountLocked) as locked:
            self.sign_in(app, OFFICER, OTHER)
        assert locked.value.until == clock.now() + timedelta(minutes=15)
        assert locked.value.status_code == 423
        # Locked: even the right password is turned away, and the attempt is not checked.
        clock.advance(timedelta(minutes=14))
        with pytest.raises(AccountLocked):
            self.sign_in(app, OFFICER, PASSWORD)
        assert event_names(app, OFFICER.user_id)[-1] == "LockedOut"
        clock.advance(timedelta(minutes=1))
        assert self.sign_in(app, OFFICER, PASSWORD).roles == {Role.OFFICER}

    def test_failures_spread_beyond_the_window_do_not_lock(
        self, app: ServiceApplication, clock: ManualClock
    ) -> None:
        for _ in range(8):
            with pytest.raises(SignInRefused):
                self.sign_in(app, OFFICER, OTHER)
            clock.advance(timedelta(minutes=4))  # never five within fifteen minutes
        assert self.sign_in(app, OFFICER, PASSWORD).person == OFFICER

    def test_an_admin_over_the_unit_unlocks_saying_why(
        self, app: ServiceApplication, clock: ManualClock
    ) -> None:
        for _ in range(5):
            with pytest.raises((SignInRefused, AccountLocked)):
                self.sign_in(app, OFFICER, OTHER)
        with pytest.raises(Forbidden):  # 太平镇's admin has no say over 太和镇's people
            handlers.unlock(app, OFFICER, "电话核实本人", TOWN_ADMIN_ELSEWHERE)
        officer_as_principal = Principal(OFFICER.user_id, frozenset({Role.OFFICER}), "QX-TH")
        with pytest.raises(Forbidden):
            handlers.unlock(app, OFFICER, "自己解锁", officer_as_principal)
        with pytest.raises(Invalid) as no_reason:
            handlers.unlock(app, OFFICER, "  ", DISTRICT_ADMIN)
        assert no_reason.value.field == "reason"
        handlers.unlock(app, OFFICER, "电话核实本人 (identity confirmed by phone)", DISTRICT_ADMIN)
        credential = handlers.credential_of(app, OFFICER.user_id)
        assert credential is not None
        assert credential.locked_until(clock.now()) is None
        assert event_names(app, OFFICER.user_id)[-1] == "Unlocked"
        assert self.sign_in(app, OFFICER, PASSWORD).roles == {Role.OFFICER}
        with pytest.raises(Conflict):
            handlers.unlock(app, OFFICER, "again", DISTRICT_ADMIN)

    def test_the_office_needs_a_code_from_its_authenticator(
        self, app: ServiceApplication, clock: ManualClock
    ) -> None:
        enrolment = handlers.offer_second_factor(app, OFFICE)
        assert enrolment.uri.startswith("otpauth://totp/")
        with pytest.raises(Invalid):
            handlers.confirm_second_factor(app, self.kit, OFFICE, enrolment.secret, "000000")
        code = totp_code(enrolment.secret, clock.now())
        handlers.confirm_second_factor(app, self.kit, OFFICE, enrolment.secret, code)
        assert enrolment.secret not in stored_text(app)  # sealed, never in the clear
        clock.advance(timedelta(minutes=1))

        with pytest.raises(SecondFactorNeeded) as needed:
            self.sign_in(app, OFFICE, PASSWORD)
        assert (needed.value.status_code, str(needed.value)) == (401, "需要动态口令")
        with pytest.raises(SignInRefused):  # a wrong code answers as a wrong password does
            self.sign_in(app, OFFICE, PASSWORD, "123456")
        code = totp_code(enrolment.secret, clock.now())
        with pytest.raises(SignInRefused):  # the right code with a wrong password
            self.sign_in(app, OFFICE, OTHER, code)
        signed = self.sign_in(app, OFFICE, PASSWORD, code)
        assert signed.second_factor
        assert signed.roles == {Role.OFFICE}
        with pytest.raises(SignInRefused):  # a code once used is spent (RFC 6238 5.2)
            self.sign_in(app, OFFICE, PASSWORD, code)
        names = event_names(app, OFFICE.user_id)
        assert names[:2] == ["PasswordSet", "SecondFactorEnrolled"]
        assert names.count("SignInFailed") == 3
        assert names.count("SignInSucceeded") == 1

    def test_without_an_authenticator_the_privileged_roles_are_withheld(
        self, app: ServiceApplication
    ) -> None:
        signed = self.sign_in(app, OFFICE, PASSWORD)
        assert signed.roles == frozenset()
        assert signed.withheld == {Role.OFFICE}
        assert not signed.second_factor

    def test_an_admin_removes_a_lost_authenticator(
        self, app: ServiceApplication, clock: ManualClock
    ) -> None:
        enrolment = new_enrolment(OFFICE.user_id)
        handlers.enrol_known_secret(app, self.kit, OFFICE.user_id, enrolment.secret, ADMIN_ACTOR)
        with pytest.raises(Conflict):
            handlers.offer_second_factor(app, OFFICE)
        handlers.remove_second_factor(app, OFFICE, "手机遗失 (phone lost)", DISTRICT_ADMIN)
        assert event_names(app, OFFICE.user_id)[-1] == "SecondFactorRemoved"
        assert handlers.offer_second_factor(app, OFFICE).secret != enrolment.secret
        with pytest.raises(Conflict):
            handlers.remove_second_factor(app, OFFICE, "again", DISTRICT_ADMIN)

    def test_a_changed_password_replaces_the_old_one(self, app: ServiceApplication) -> None:
        with pytest.raises(Invalid) as wrong:
            handlers.change_own_password(app, self.kit, OFFICER, OTHER, "Brand-new-2026-pass")
        assert wrong.value.field == "current_password"
        handlers.change_own_password(app, self.kit, OFFICER, PASSWORD, "Brand-new-2026-pass")
        with pytest.raises(SignInRefused):
            self.sign_in(app, OFFICER, PASSWORD)
        assert self.sign_in(app, OFFICER, "Brand-new-2026-pass").person == OFFICER
        credential = handlers.credential_of(app, OFFICER.user_id)
        assert isinstance(credential, Credential)
        assert "PasswordChanged" in event_names(app, OFFICER.user_id)

    def test_two_attempts_at_once_are_both_counted(
        self, app: ConsoleApplication, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # One attempt loads the credential; another is saved meanwhile; the first's save then
        # finds the credential changed, and is checked again on the new state.
        stale = handlers.credential_of(app, OFFICER.user_id)
        self.sign_in(app, OFFICER, PASSWORD)
        real = handlers.credential_of
        handed = iter([stale])
        monkeypatch.setattr(
            handlers, "credential_of", lambda a, u: next(handed, None) or real(a, u)
        )
        with pytest.raises(SignInRefused):
            self.sign_in(app, OFFICER, OTHER)
        monkeypatch.undo()
        assert event_names(app, OFFICER.user_id) == [
            "PasswordSet", "SignInSucceeded", "SignInFailed",
        ]  # fmt: skip
