"""Timer work of intake, run by the worker on the injected clock (Art. 23, 24).

Each tick is safe to run in two workers at once: what it records has an id derived from what it
is about (a breach from duty + period + kind; a reminder is the case's next version), so the
second save fails with IntegrityError and is counted as done by the other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from shared.runtime import Tick

if TYPE_CHECKING:
    from services.intake.app import IntakeApplication
    from shared.application import ServiceApplication


def _intake(app: ServiceApplication) -> IntakeApplication:
    from services.intake.app import IntakeApplication

    assert isinstance(app, IntakeApplication)
    return app


def chase_feedback(app: ServiceApplication) -> int:
    """Remind lower nodes before, and record overdue after, a forward's deadline (Art. 24)."""
    return _intake(app).chase_feedback()


def find_breaches(app: ServiceApplication) -> int:
    """Record missed periodic reports 漏报 and concealment candidates 瞒报 (Art. 23)."""
    intake = _intake(app)
    return intake.find_missed_reports() + intake.find_concealment_candidates()


def intake_ticks(every_seconds: float = 60.0) -> tuple[Tick, ...]:
    """The ticks of the intake worker."""
    return (
        Tick("chase-feedback", every_seconds, chase_feedback),
        Tick("find-breaches", every_seconds, find_breaches),
    )
