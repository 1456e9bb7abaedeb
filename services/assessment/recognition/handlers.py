"""Record commendations 表彰 and accountability findings 责任追究; both count in the
assessment (Art. 8, 31). Plain functions `(app, ...)`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.assessment.recognition.model import Recognition, RecognitionKind
from shared.application import actor_of

if TYPE_CHECKING:
    from services.assessment.app import AssessmentApplication
    from shared.auth import Principal


def recognise(
    app: AssessmentApplication,
    kind: RecognitionKind,
    unit_code: str,
    reason: str,
    reference: str,
    by: Principal,
    year: int | None = None,
) -> Recognition:
    """Record a commendation 表彰 or an accountability finding 责任追究 (Art. 8)."""
    what = "a commendation" if kind is RecognitionKind.COMMENDATION else "accountability"
    app.ensure_above(by, unit_code, what)
    record = Recognition(
        kind=kind.value, unit_code=unit_code, year=year or app.this_year(), reason=reason,
        reference=reference, decided_by_unit=by.unit_code, by=actor_of(by),
        at=app.clock.now(),
    )  # fmt: skip
    app.save_once(record)
    return record


def recognitions_of(app: AssessmentApplication, unit_code: str, year: int) -> list[Recognition]:
    """A unit's commendations and accountability findings of a year (Art. 8)."""
    ids = app.view.ids(Recognition, unit_code, year)
    return [app.get(i, Recognition, "recognition") for i in ids]


def recognitions_within(app: AssessmentApplication, within: str, year: int) -> list[Recognition]:
    """The commendations and accountability findings of a year of the subtree of `within`
    (Art. 8)."""
    ids = app.view.ids_within(Recognition, app.units_within(within), year)
    return [app.get(i, Recognition, "recognition") for i in ids]
