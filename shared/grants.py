"""A service's record of the directory's role grants: who held which post for which unit, when.

The directory of accounts lives in the district console (docs/accounts.md); it publishes each role
granted or revoked as RoleGranted / RoleRevoked on its topic. A service whose rules name people
by their post follows the roles it needs (`ServiceApplication.follows_roles`):

- the register: the leadership team 领导班子 that approves gradings collectively (Art. 14,
  `leader`) and the judgement group 研判小组 (Art. 25, `judge`);
- the intake: the principal leader owing reports (Art. 23, `leader`) and the information
  officers 信息员 (Art. 22, `officer`).

Its worker records each in the service's own store (a `HeldRole` per role, account and unit, each
change with its time, who and on what authority), and the API — often another process on the
same store — catches up before each question, as shared/revocation.py does for suspensions. So
a vote, a membership or a report duty is checked against who held the grant *at that moment*,
not against a name typed into a form. The events' times decide, not their order of arrival.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from shared.auth import Role
from shared.events.console import RoleGranted, RoleRevoked
from shared.projection import LogFollower, event_topics

if TYPE_CHECKING:
    from collections.abc import Sequence

    from eventsourcing.application import Application, ProcessingEvent
    from eventsourcing.persistence import Notification

GRANT_EVENTS = (RoleGranted, RoleRevoked)
_HELD_ROLE_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:held-role")

ROLE_NAMES = {
    Role.LEADER: "领导班子成员",
    Role.JUDGE: "研判小组成员",
    Role.OFFICER: "信息员",
}
"""How the directory's roles a service follows are named to people."""


class HeldRole(Aggregate):
    """One account's grant of one role for one unit, as the console published it."""

    @staticmethod
    def create_id(role: str, user_id: str, unit_code: str, **_: Any) -> UUID:
        return uuid5(_HELD_ROLE_NAMESPACE, f"{role}\n{user_id}\n{unit_code}")

    class Noted(Aggregate.Created):
        role: str
        user_id: str
        unit_code: str

    class Granted(Aggregate.Event):
        role: str
        user_id: str
        unit_code: str
        at: datetime
        ce_id: str
        actor: dict[str, str]
        authority: str

    class Revoked(Aggregate.Event):
        role: str
        user_id: str
        unit_code: str
        at: datetime
        ce_id: str
        actor: dict[str, str]
        authority: str

    @event(Noted)
    def __init__(self, *, role: str, user_id: str, unit_code: str) -> None:
        self.role = role
        self.user_id = user_id
        self.unit_code = unit_code
        self.seen: set[str] = set()

    @event(Granted)
    def grant(
        self, *, role: str, user_id: str, unit_code: str, at: datetime, ce_id: str,
        actor: dict[str, str], authority: str,
    ) -> None:  # fmt: skip
        self.seen.add(ce_id)

    @event(Revoked)
    def revoke(
        self, *, role: str, user_id: str, unit_code: str, at: datetime, ce_id: str,
        actor: dict[str, str], authority: str,
    ) -> None:  # fmt: skip
        self.seen.add(ce_id)


class DirectoryGrants:
    """The grants of the roles a service follows, and the answer to "who held it then"."""

    def __init__(self, app: Application[UUID], roles: frozenset[Role]) -> None:
        self.app = app
        self.roles = roles
        # (role, unit) → user id → every change as (when, granted?), in the order taken in.
        self._changes: dict[tuple[str, str], dict[str, list[tuple[datetime, bool]]]] = {}
        self._log = LogFollower(app, event_topics(HeldRole))

    def follows(self, upstream: object) -> bool:
        """Whether an upstream event grants or revokes one of the roles followed."""
        return isinstance(upstream, GRANT_EVENTS) and upstream.data.role in self.roles

    def record(
        self, upstream: RoleGranted | RoleRevoked, processing_event: ProcessingEvent[UUID]
    ) -> None:
        """Record a grant or revocation, once, in the transaction that takes it in."""
        data = upstream.data
        held_id = HeldRole.create_id(data.role, data.user_id, data.unit_code)
        if held_id in self.app.repository:
            held: HeldRole = self.app.repository.get(held_id)
        else:
            held = HeldRole(role=data.role, user_id=data.user_id, unit_code=data.unit_code)
        if upstream.id in held.seen:
            return
        change = held.grant if isinstance(upstream, RoleGranted) else held.revoke
        change(
            role=data.role, user_id=data.user_id, unit_code=data.unit_code, at=upstream.time,
            ce_id=upstream.id, actor={k: str(v) for k, v in data.actor.model_dump().items()},
            authority=data.authority,
        )  # fmt: skip
        processing_event.collect_events(held)

    def catch_up(self) -> None:
        """Take in every grant and revocation recorded since the last call."""
        self._log.follow(self._take)

    def _take(self, page: Sequence[Notification]) -> None:
        for notification in page:
            recorded = self.app.mapper.to_domain_event(notification)
            if isinstance(recorded, HeldRole.Granted | HeldRole.Revoked):
                by_user = self._changes.setdefault((recorded.role, recorded.unit_code), {})
                granted = isinstance(recorded, HeldRole.Granted)
                by_user.setdefault(recorded.user_id, []).append((recorded.at, granted))

    def holders(self, role: Role, unit_code: str, at: datetime) -> list[str]:
        """Who held `role` for exactly `unit_code` at `at`, by user id."""
        self.catch_up()
        by_user = self._changes.get((role.value, unit_code), {})
        return sorted(user for user, changes in by_user.items() if held_at(changes, at))

    def holds(self, user_id: str, role: Role, unit_code: str, at: datetime) -> bool:
        """Whether `user_id` held `role` for exactly `unit_code` at `at`."""
        return user_id in self.holders(role, unit_code, at)


def held_at(changes: list[tuple[datetime, bool]], at: datetime) -> bool:
    """The latest change at or before `at` decides; at equal times a revocation wins."""
    before = [change for change in changes if change[0] <= at]
    return bool(before) and max(before, key=lambda c: (c[0], not c[1]))[1]


def not_held(user_id: str, role: Role, unit_code: str) -> str:
    """The refusal's reason: the person holds no such grant in the directory now."""
    return (
        f"{user_id} holds no {role.value} grant ({ROLE_NAMES.get(role, role.value)}) for "
        f"{unit_code} in the directory of accounts now (docs/accounts.md)"
    )
