"""Assessment's in-process index: which records belong to which unit and year (Art. 30, 31).

Like the warning service's view, it follows the notification log: `catch_up()` notes which
inspections, survey rounds, recognitions and assessments appeared and files their ids under
their unit and year. It runs at start and before every query, and never writes.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any
from uuid import UUID

from eventsourcing.utils import get_topic

from services.assessment.annual import AnnualAssessment
from services.assessment.inspection import Inspection
from services.assessment.recognition import Recognition
from services.assessment.survey import SurveyRound

if TYPE_CHECKING:
    from eventsourcing.application import Application

_KINDS: dict[str, type] = {
    "inspection": Inspection,
    "survey": SurveyRound,
    "recognition": Recognition,
    "assessment": AnnualAssessment,
}
_CREATED = {get_topic(cls) + ".Opened": kind for kind, cls in _KINDS.items()} | {
    get_topic(Recognition) + ".Recorded": "recognition"
}
_PAGE = 500


class AssessmentView:
    """Ids of each kind of record by (unit, year), kept up to date from the notification log."""

    def __init__(self, app: Application[UUID]) -> None:
        self._app = app
        self._lock = threading.Lock()
        self._position = 0
        self._index: dict[tuple[str, str, int], list[UUID]] = {}

    def catch_up(self) -> None:
        """File every record created since the last call under its unit and year."""
        with self._lock:
            while True:
                page = self._app.recorder.select_notifications(
                    start=self._position, limit=_PAGE, inclusive_of_start=False
                )
                for n in page:
                    kind = _CREATED.get(n.topic)
                    if kind is not None:
                        record: Any = self._app.repository.get(UUID(str(n.originator_id)))
                        key = (kind, record.unit_code, record.year)
                        self._index.setdefault(key, []).append(record.id)
                if not page:
                    break
                self._position = page[-1].id

    def ids(self, kind: str, unit_code: str, year: int) -> list[UUID]:
        """Ids of one kind of record of a unit's year, in the order they were created."""
        self.catch_up()
        return list(self._index.get((kind, unit_code, year), []))

    def units_with(self, kind: str, year: int) -> list[str]:
        """Units that have a record of `kind` in `year`, sorted."""
        self.catch_up()
        return sorted({u for (k, u, y) in list(self._index) if k == kind and y == year})
