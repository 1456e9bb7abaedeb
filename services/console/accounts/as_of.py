"""An account as it stood at a past moment: who held which role then (Art. 14, 22, 25).

An account's state at a moment is the aggregate replayed to its last event by then
(`shared/history.py`), so the answer to "who could reveal identities on 2026-03-01?" is read off
the record, not approximated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.console.accounts.model import Account
from shared.history import aggregate_at

if TYPE_CHECKING:
    from datetime import datetime
    from uuid import UUID

    from eventsourcing.application import Application


def account_at(app: Application[UUID], account_id: UUID, at: datetime) -> Account | None:
    """The account as it was at `at`; None if it had not been opened by then."""
    return aggregate_at(app, account_id, at, Account)
