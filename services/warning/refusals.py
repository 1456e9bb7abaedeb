"""Why the warning rules refuse a command, free of any web framework (Art. 26–29).

The application maps these onto the shared HTTP-mapped errors in one place, so the domain modules
import nothing but the standard library and eventsourcing.
"""

from __future__ import annotations


class Refusal(Exception):
    """A command the warning rules refuse."""


class BadValue(Refusal):
    """A value breaks a rule; `field` names it for the caller (answered as 422)."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


class OutOfTurn(Refusal):
    """The command does not fit the current state, e.g. a closed warning (answered as 409)."""


class NotEntitled(Refusal):
    """The actor may not do this, e.g. verify their own submission (answered as 403)."""
