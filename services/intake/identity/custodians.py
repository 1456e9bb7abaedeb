"""Who holds the custodian grant 举报人信息保管员 for which unit, at a given moment (Art. 22).

The directory of accounts lives in the district console (docs/accounts.md); it publishes each
role granted or revoked as RoleGranted / RoleRevoked on its topic. The intake's worker records
the custodian ones in the intake's own store (a `CustodianGrant` per account and unit, each
change with its time, who and on what authority), and the reveal asks this record — not the
token, which says only what its holder was when it was minted — whether the caller holds a
custodian grant covering the case's unit now. The API, another process on the same store,
catches up before each question, as shared/revocation.py does for suspensions.

The events' times decide, not their order of arrival: a grant and its revocation may arrive in
either order; the latest one at or before the moment asked about wins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.intake.identity.model import CustodianGrant
from shared.auth import Role
from shared.events.console import RoleGranted, RoleRevoked
from shared.grants import held_at
from shared.projection import LogFollower, event_topics

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime
    from uuid import UUID

    from eventsourcing.application import Application, ProcessingEvent
    from eventsourcing.persistence import Notification

    from shared.orgtree import OrgDirectory

GRANT_EVENTS = (RoleGranted, RoleRevoked)


def is_custodian_grant(upstream: object) -> bool:
    """Whether a console event grants or revokes the custodian role (what the intake follows)."""
    return isinstance(upstream, GRANT_EVENTS) and upstream.data.role == Role.CUSTODIAN.value


class CustodianGrants:
    """The intake's record of the custodian grants, and the answer to "who holds one now"."""

    def __init__(self, app: Application[UUID]) -> None:
        self.app = app
        # (user id, unit) → every change as (when, granted?), in the order taken in.
        self._changes: dict[tuple[str, str], list[tuple[datetime, bool]]] = {}
        self._log = LogFollower(app, event_topics(CustodianGrant))

    def record(
        self, upstream: RoleGranted | RoleRevoked, processing_event: ProcessingEvent[UUID]
    ) -> None:
        """Record a custodian grant or revocation, in the transaction that takes it in."""
        data = upstream.data
        user_id, unit_code = data.user_id, data.unit_code
        grant_id = CustodianGrant.create_id(user_id, unit_code)
        if grant_id in self.app.repository:
            grant: CustodianGrant = self.app.repository.get(grant_id)
        else:
            grant = CustodianGrant(user_id=user_id, unit_code=unit_code)
        if upstream.id in grant.seen:
            return
        change = grant.grant if isinstance(upstream, RoleGranted) else grant.revoke
        change(
            user_id=user_id, unit_code=unit_code, at=upstream.time, ce_id=upstream.id,
            actor={k: str(v) for k, v in data.actor.model_dump().items()},
            authority=data.authority,
        )  # fmt: skip
        processing_event.collect_events(grant)

    def catch_up(self) -> None:
        """Take in every grant and revocation recorded since the last call."""
        self._log.follow(self._take)

    def _take(self, page: Sequence[Notification]) -> None:
        for notification in page:
            recorded = self.app.mapper.to_domain_event(notification)
            if isinstance(recorded, CustodianGrant.Granted | CustodianGrant.Revoked):
                key = (recorded.user_id, recorded.unit_code)
                granted = isinstance(recorded, CustodianGrant.Granted)
                self._changes.setdefault(key, []).append((recorded.at, granted))

    def held(self, user_id: str, at: datetime) -> list[str]:
        """The units `user_id` holds the custodian grant for at `at`, sorted."""
        self.catch_up()
        units = []
        for (holder, unit_code), changes in self._changes.items():
            if holder != user_id:
                continue
            if held_at(changes, at):  # the latest change by then; a revocation wins a tie
                units.append(unit_code)
        return sorted(units)

    def covering(self, org: OrgDirectory, user_id: str, unit_code: str, at: datetime) -> list[str]:
        """The units of `user_id`'s custodian grants at `at` whose subtree holds `unit_code`."""
        return [
            held
            for held in self.held(user_id, at)
            if held in org and unit_code in org and org.is_within(unit_code, held)
        ]
