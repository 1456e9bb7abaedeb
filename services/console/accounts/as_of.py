"""An account as it stood at a past moment: who held which role then (Art. 14, 22, 25).

Every stored event carries the time it happened, from the service's clock
(`shared/event_clock.py`). An account's state at a moment is the aggregate at the last version
whose event happened by then: the repository replays the stored events up to that version, so the
answer to "who could reveal identities on 2026-03-01?" is read off the record, not approximated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventsourcing.domain import DomainEvent

from services.console.accounts.model import Account

if TYPE_CHECKING:
    from datetime import datetime
    from uuid import UUID

    from eventsourcing.application import Application


def account_at(app: Application[UUID], account_id: UUID, at: datetime) -> Account | None:
    """The account as it was at `at`; None if it had not been opened by then."""
    version: int | None = None
    for stored in app.events.get(account_id):
        assert isinstance(stored, DomainEvent)  # an account's events are its own @event classes
        if stored.timestamp > at:
            break
        version = stored.originator_version
    if version is None:
        return None
    account: object = app.repository.get(account_id, version=version)
    assert isinstance(account, Account)
    return account
