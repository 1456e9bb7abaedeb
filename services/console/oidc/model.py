"""Each sign-in through the external issuer, kept as an event (GB/T 22239-2019 8.1.4.1, 8.1.4.3).

One `ExternalSignIn` per attempt that came back from the issuer with a code for a sign-in this
console started: who the issuer said it was (its `sub` and the claim naming our user id), which
account that is, whether the issuer showed a second factor, and the outcome — signed in, or
refused and why (unknown account, suspended, a token that does not verify). The reason stays in
the console's store; the person is told only that the sign-in failed. Callbacks for no pending
sign-in (a forged or replayed `state`) are logged, not stored: anyone could send them.
"""

from __future__ import annotations

import enum
from datetime import datetime
from uuid import UUID, uuid4

from eventsourcing.domain import Aggregate, event


class Outcome(enum.StrEnum):
    SIGNED_IN = "signed_in"
    REFUSED = "refused"


class ExternalSignIn(Aggregate):
    """One sign-in through the external OIDC issuer and its outcome."""

    @staticmethod
    def create_id(**_: object) -> UUID:
        return uuid4()

    class Recorded(Aggregate.Created):
        issuer: str
        subject: str
        user_id: str
        outcome: str
        reason: str
        second_factor: bool
        at: datetime

    @event(Recorded)
    def __init__(
        self, *, issuer: str, subject: str, user_id: str, outcome: str, reason: str,
        second_factor: bool, at: datetime,
    ) -> None:  # fmt: skip
        self.issuer = issuer
        self.subject = subject
        self.user_id = user_id
        self.outcome = Outcome(outcome)
        self.reason = reason
        self.second_factor = second_factor
        self.at = at
