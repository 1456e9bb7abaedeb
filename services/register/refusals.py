"""Why the register's rules refuse a command, without any web framework (Art. 10–20).

The application turns these into the shared HTTP-mapped errors (`shared.errors`) in one place, so
the domain modules import nothing but the standard library and eventsourcing.
"""

from __future__ import annotations


class Refusal(Exception):
    """A command the register's rules refuse."""


class BadValue(Refusal):
    """A value breaks a rule; `field` names it for the caller (answered as 422)."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


class OutOfTurn(Refusal):
    """The command does not fit the risk point's current state (answered as 409)."""


class NotEntitled(Refusal):
    """The actor may not do this, e.g. a vote by someone outside the leadership team (403)."""
