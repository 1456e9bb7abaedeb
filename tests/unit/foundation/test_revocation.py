"""A suspended account's tokens are refused by every service (issue #14 item 3).

The console publishes AccountSuspended, AccountReactivated and SigningKeyRevoked; each service's
worker records them in its own store (shared/revocation.py), and its verifier refuses the
account's tokens issued at or before the suspension, every token while it lasts, and every
token signed with a revoked key. The record survives a restart and reaches the API process on
the same store. Told on memory and SQLite here, on PostgreSQL in tests/integration.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import count
from typing import TYPE_CHECKING, Any

import pytest
from eventsourcing.persistence import Tracking

from services.warning.app import WarningApplication
from services.warning.main import SPEC
from services.warning.settings import WarningSettings
from shared.auth import Role, StaticJwks, TokenError, TokenVerifier
from shared.clock import ManualClock
from shared.events import Actor
from shared.events.console import (
    AccountReactivated,
    AccountReactivatedData,
    AccountSuspended,
    AccountSuspendedData,
    SigningKeyRevoked,
    SigningKeyRevokedData,
)
from shared.events.publish import Origin
from shared.orgtree import OrgDirectory
from shared.revocation import AccountStanding, RevokedKey
from shared.runtime import DEFAULT_ORG_SEED
from shared.settings import CommonSettings
from tests.support.http_api import served
from tests.support.stores import InMemory, OnSQLite, Story, sqlite_env
from tests.support.tokens import TEST_KEY, issuer, token_for

if TYPE_CHECKING:
    from pathlib import Path

    from shared.application import ServiceApplication
    from shared.events import CloudEvent

AT = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
CONSOLE = Origin("/lianfang/district/console", "district")
ADMIN = Actor(user_id="u-admin", role="admin", unit_code="QX")
_offsets = count(1)


def feed(app: ServiceApplication, event: CloudEvent) -> None:
    """Hand a console event to the application as the worker's inbox would."""
    app.process_event(event, Tracking("lianfang.console.events-0", next(_offsets)))  # type: ignore[arg-type]


def suspended(user: str, at: datetime) -> AccountSuspended:
    data = AccountSuspendedData(
        **CONSOLE.stamp("QX-TH", ADMIN, "纪委决定 2026-3", at), user_id=user
    )
    return AccountSuspended.create(data=data, subject=user, source=CONSOLE.source, clock_now=at)


def reactivated(user: str, at: datetime) -> AccountReactivated:
    data = AccountReactivatedData(
        **CONSOLE.stamp("QX-TH", ADMIN, "纪委决定 2026-4", at), user_id=user
    )
    return AccountReactivated.create(data=data, subject=user, source=CONSOLE.source, clock_now=at)


def key_revoked(kid: str, at: datetime) -> SigningKeyRevoked:
    data = SigningKeyRevokedData(**CONSOLE.stamp("QX", ADMIN, "密钥泄露 2026-3", at), kid=kid)
    return SigningKeyRevoked.create(data=data, subject=kid, source=CONSOLE.source, clock_now=at)


def verifier_of(app: WarningApplication, clock: ManualClock) -> TokenVerifier:
    jwks = StaticJwks(issuer(clock).jwks())
    return TokenVerifier(jwks, "lianfang", "district", clock, revocations=app.revocations)


def mint(clock: ManualClock, user: str) -> str:
    return issuer(clock).mint(user, [Role.OFFICE], "QX-TH", audience=["district"])


class RevocationStory(Story[WarningApplication]):
    start = AT

    def make_app(self, env: dict[str, str], clock: ManualClock) -> WarningApplication:
        org = OrgDirectory.from_json(DEFAULT_ORG_SEED)
        return WarningApplication(env, clock=clock, org=org)

    def test_a_suspension_voids_the_tokens_issued_until_then(
        self, app: WarningApplication, clock: ManualClock
    ) -> None:
        verifier = verifier_of(app, clock)
        before, colleague = mint(clock, "u-li"), mint(clock, "u-wang")
        clock.advance(timedelta(minutes=10))
        assert verifier.verify(before).user_id == "u-li"
        feed(app, suspended("u-li", clock.now()))
        with pytest.raises(TokenError, match="account was suspended"):
            verifier.verify(before)
        assert verifier.verify(colleague).user_id == "u-wang"  # only that account
        clock.advance(timedelta(minutes=1))
        with pytest.raises(TokenError, match="account was suspended"):
            verifier.verify(mint(clock, "u-li"))  # while suspended, even a newer token

    def test_a_reactivation_lets_new_tokens_through_never_the_old_ones(
        self, app: WarningApplication, clock: ManualClock
    ) -> None:
        verifier = verifier_of(app, clock)
        old = mint(clock, "u-li")
        clock.advance(timedelta(minutes=5))
        feed(app, suspended("u-li", clock.now()))
        clock.advance(timedelta(hours=1))
        feed(app, reactivated("u-li", clock.now()))
        clock.advance(timedelta(seconds=1))
        assert verifier.verify(mint(clock, "u-li")).user_id == "u-li"
        with pytest.raises(TokenError, match="account was suspended"):
            verifier.verify(old)

    def test_times_decide_not_the_order_of_arrival(
        self, app: WarningApplication, clock: ManualClock
    ) -> None:
        """A reactivation older than the suspension (arriving after it) does not lift it."""
        verifier = verifier_of(app, clock)
        feed(app, suspended("u-li", AT + timedelta(hours=2)))
        feed(app, reactivated("u-li", AT + timedelta(hours=1)))
        clock.advance(timedelta(hours=3))
        with pytest.raises(TokenError, match="account was suspended"):
            verifier.verify(mint(clock, "u-li"))

    def test_a_revoked_key_voids_every_token_it_signed(
        self, app: WarningApplication, clock: ManualClock
    ) -> None:
        verifier = verifier_of(app, clock)
        token = mint(clock, "u-wang")
        feed(app, key_revoked("some-other-key", clock.now()))
        assert verifier.verify(token).user_id == "u-wang"
        feed(app, key_revoked(TEST_KEY.kid, clock.now()))
        with pytest.raises(TokenError, match=f"signing key '{TEST_KEY.kid}' has been revoked"):
            verifier.verify(token)

    def test_each_fact_is_recorded_once_with_who_and_on_what_authority(
        self, app: WarningApplication, clock: ManualClock
    ) -> None:
        event = suspended("u-li", clock.now())
        feed(app, event)
        feed(app, event)  # a re-send changes nothing
        feed(app, key_revoked("k-1", clock.now()))
        feed(app, key_revoked("k-1", clock.now() + timedelta(seconds=1)))  # revoked already
        standing: AccountStanding = app.repository.get(AccountStanding.create_id("u-li"))
        assert standing.version == 2  # noted, suspended once
        stored = list(app.repository.event_store.get(standing.id))
        last: Any = stored[-1]
        assert (last.actor["user_id"], last.authority) == ("u-admin", "纪委决定 2026-3")
        assert last.at == event.time
        key: RevokedKey = app.repository.get(RevokedKey.create_id("k-1"))
        assert key.version == 1


class TestRevocationInMemory(InMemory, RevocationStory):
    pass


class TestRevocationSQLite(OnSQLite, RevocationStory):
    pass


def test_the_api_process_sees_what_the_worker_recorded_and_a_restart_keeps_it(
    tmp_path: Path, clock: ManualClock
) -> None:
    env = {**sqlite_env(tmp_path / "warning.db"), "SQLITE_LOCK_TIMEOUT": "10"}
    org = OrgDirectory.from_json(DEFAULT_ORG_SEED)
    worker = WarningApplication(env, clock=clock, org=org)
    api = WarningApplication(env, clock=clock, org=OrgDirectory.from_json(DEFAULT_ORG_SEED))
    token = mint(clock, "u-li")
    clock.advance(timedelta(minutes=1))
    api_verifier = verifier_of(api, clock)
    assert api_verifier.verify(token).user_id == "u-li"
    feed(worker, suspended("u-li", clock.now()))
    with pytest.raises(TokenError, match="account was suspended"):
        api_verifier.verify(token)
    worker.close()
    api.close()
    restarted = WarningApplication(env, clock=clock, org=OrgDirectory.from_json(DEFAULT_ORG_SEED))
    with pytest.raises(TokenError, match="account was suspended"):
        verifier_of(restarted, clock).verify(token)
    restarted.close()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(AT)


def test_the_service_s_api_answers_401_with_the_reason(clock: ManualClock) -> None:
    common = CommonSettings(store="memory")
    with served(SPEC, WarningSettings, clock, common) as (runtime, client):
        headers = {"Authorization": f"Bearer {token_for(runtime, 'u-li', [Role.OFFICE], 'QX')}"}
        assert client.get("/warnings", headers=headers).status_code == 200
        clock.advance(timedelta(seconds=30))
        feed(runtime.app, suspended("u-li", clock.now()))
        answer = client.get("/warnings", headers=headers)
        assert answer.status_code == 401
        assert "the account was suspended" in answer.json()["detail"]


def test_every_service_consumes_the_console_topic() -> None:
    from services import registry

    for name in ("intake", "register", "warning", "assessment"):
        spec, _ = registry.load(name)
        assert "console" in spec.consumes, name
