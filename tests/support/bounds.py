"""Checks of the bounds on input (shared/bounds.py) over HTTP: the 422 names the field and why."""

from __future__ import annotations

from typing import Any


def refused(response: Any, field: str, why: str) -> None:
    """`response` is a 422 whose first error is at `field` (a body or query field, or one of its
    items) and says `why` (e.g. "control character U+0007", "at most 200 characters")."""
    assert response.status_code == 422, response.text
    error = response.json()["detail"][0]
    assert field in error["loc"], error
    assert why in error["msg"], error


def stored(runtime: Any) -> int:
    """How many events the service's store holds."""
    return int(runtime.app.recorder.max_notification_id() or 0)
