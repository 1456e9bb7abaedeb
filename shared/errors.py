"""Domain errors, each with the HTTP status it answers with (mapped in `shared.http`).

Plain exceptions, free of any framework, so domain and application code may raise them.
"""

from __future__ import annotations


class DomainError(Exception):
    """A command the rules refuse; the message goes back to the caller."""

    status_code = 400


class NotFound(DomainError):
    status_code = 404


class Conflict(DomainError):
    """The command clashes with the current state (e.g. approving twice, publishing a draft)."""

    status_code = 409


class Forbidden(DomainError):
    """Authenticated, but not allowed: wrong role, or outside one's jurisdiction."""

    status_code = 403


class Invalid(DomainError):
    """A field's value breaks a rule that only the domain can check (unknown unit, future time)."""

    status_code = 422

    def __init__(self, field: str, reason: str, location: str = "body") -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason
        self.location = location
