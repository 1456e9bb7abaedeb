"""Every service's record of suspended accounts and revoked signing keys (issue #14).

The district console publishes AccountSuspended, AccountReactivated and SigningKeyRevoked on its
topic (shared/events/console.py). Every service's worker takes them in and records each in the
service's own store (an `AccountStanding` per account, a `RevokedKey` per key), so the record
survives restarts and the service's API — often another process on the same store — sees what
the worker took in: before each token check it catches up with what was recorded since the last
one, scanning only notifications it has not seen (as shared/org_follow.py does for units).

The verifier (shared/auth.py) then refuses a suspended account's tokens issued at or before its
latest suspension, every token of an account while it is suspended, and every token signed with
a revoked key. Who suspended or revoked, when and on what authority is kept with each record:
who could act when is itself a fact on the record (Art. 23, 29).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from shared.events.console import AccountReactivated, AccountSuspended, SigningKeyRevoked
from shared.projection import LogFollower, event_topics

if TYPE_CHECKING:
    from collections.abc import Sequence

    from eventsourcing.application import Application, ProcessingEvent
    from eventsourcing.persistence import Notification

REVOCATION_EVENTS = (AccountSuspended, AccountReactivated, SigningKeyRevoked)
_ACCOUNT_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:account-standing")
_KEY_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:revoked-key")


class AccountStanding(Aggregate):
    """One account's suspensions and reactivations as the console published them."""

    @staticmethod
    def create_id(user_id: str, **_: Any) -> UUID:
        return uuid5(_ACCOUNT_NAMESPACE, user_id)

    class Noted(Aggregate.Created):
        user_id: str

    class Suspended(Aggregate.Event):
        user_id: str
        at: datetime
        ce_id: str
        actor: dict[str, str]
        authority: str

    class Reactivated(Aggregate.Event):
        user_id: str
        at: datetime
        ce_id: str
        actor: dict[str, str]
        authority: str

    @event(Noted)
    def __init__(self, *, user_id: str) -> None:
        self.user_id = user_id
        self.seen: set[str] = set()

    @event(Suspended)
    def suspend(
        self, *, user_id: str, at: datetime, ce_id: str, actor: dict[str, str], authority: str
    ) -> None:
        self.seen.add(ce_id)

    @event(Reactivated)
    def reactivate(
        self, *, user_id: str, at: datetime, ce_id: str, actor: dict[str, str], authority: str
    ) -> None:
        self.seen.add(ce_id)


class RevokedKey(Aggregate):
    """A token-signing key the console revoked: its tokens are refused from then on."""

    @staticmethod
    def create_id(kid: str, **_: Any) -> UUID:
        return uuid5(_KEY_NAMESPACE, kid)

    class Revoked(Aggregate.Created):
        kid: str
        at: datetime
        ce_id: str
        actor: dict[str, str]
        authority: str

    @event(Revoked)
    def __init__(
        self, *, kid: str, at: datetime, ce_id: str, actor: dict[str, str], authority: str
    ) -> None:
        self.kid = kid


@dataclass
class _Standing:
    suspended_at: datetime | None = None
    reactivated_at: datetime | None = None

    @property
    def suspended_now(self) -> bool:
        if self.suspended_at is None:
            return False
        return self.reactivated_at is None or self.reactivated_at < self.suspended_at


class RevocationFollower:
    """Records the console's revocation events, and answers the verifier from what is recorded
    (shared.auth.Revocations)."""

    def __init__(self, app: Application[UUID]) -> None:
        self.app = app
        self._standing: dict[str, _Standing] = {}
        self._revoked_kids: set[str] = set()
        self._log = LogFollower(app, event_topics(AccountStanding, RevokedKey))

    def record(
        self,
        upstream: AccountSuspended | AccountReactivated | SigningKeyRevoked,
        processing_event: ProcessingEvent[UUID],
    ) -> None:
        """Record the event, in the transaction that takes it in (its time is the envelope's)."""
        data = upstream.data
        at, ce_id, authority = upstream.time, upstream.id, data.authority
        actor = {k: str(v) for k, v in data.actor.model_dump().items()}
        if isinstance(upstream, SigningKeyRevoked):
            kid = upstream.data.kid
            if RevokedKey.create_id(kid) not in self.app.repository:
                revoked = RevokedKey(kid=kid, at=at, ce_id=ce_id, actor=actor, authority=authority)
                processing_event.collect_events(revoked)
            return
        user_id = upstream.data.user_id
        standing_id = AccountStanding.create_id(user_id)
        if standing_id in self.app.repository:
            standing: AccountStanding = self.app.repository.get(standing_id)
        else:
            standing = AccountStanding(user_id=user_id)
        if upstream.id in standing.seen:
            return
        change = standing.suspend if isinstance(upstream, AccountSuspended) else standing.reactivate
        change(user_id=user_id, at=at, ce_id=ce_id, actor=actor, authority=authority)
        processing_event.collect_events(standing)

    def catch_up(self) -> None:
        """Take in every suspension, reactivation and revoked key recorded since the last call."""
        self._log.follow(self._take)

    def _take(self, page: Sequence[Notification]) -> None:
        for notification in page:
            recorded = self.app.mapper.to_domain_event(notification)
            if isinstance(recorded, RevokedKey.Revoked):
                self._revoked_kids.add(recorded.kid)
            elif isinstance(recorded, AccountStanding.Suspended):
                standing = self._standing.setdefault(recorded.user_id, _Standing())
                if standing.suspended_at is None or recorded.at > standing.suspended_at:
                    standing.suspended_at = recorded.at
            elif isinstance(recorded, AccountStanding.Reactivated):
                standing = self._standing.setdefault(recorded.user_id, _Standing())
                if standing.reactivated_at is None or recorded.at > standing.reactivated_at:
                    standing.reactivated_at = recorded.at

    # shared.auth.Revocations

    def suspended(self, user_id: str, issued_at: datetime) -> bool:
        """Refused: every token while the account is suspended, and after a reactivation those
        issued at or before its latest suspension (events may arrive out of order: their
        times decide, not their arrival)."""
        self.catch_up()
        standing = self._standing.get(user_id)
        if standing is None or standing.suspended_at is None:
            return False
        return standing.suspended_now or issued_at <= standing.suspended_at

    def kid_revoked(self, kid: str) -> bool:
        self.catch_up()
        return kid in self._revoked_kids
