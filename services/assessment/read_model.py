"""Assessment's in-process index: which records belong to which unit and year (Art. 30, 31).

It follows the notification log (`shared.projection.LogFollower`): each record's first event
files its id under its kind, unit and year. It catches up before every query, and never writes.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, TypeVar
from uuid import UUID

from services.assessment.inspections.model import Inspection
from services.assessment.recognition.model import Recognition
from services.assessment.scoring.model import AnnualAssessment
from services.assessment.surveys.model import SurveyRound
from shared.projection import LogFollower, event_topics

if TYPE_CHECKING:
    from collections.abc import Sequence

    from eventsourcing.application import Application
    from eventsourcing.persistence import Notification

Record = Inspection | SurveyRound | Recognition | AnnualAssessment
_R = TypeVar("_R", Inspection, SurveyRound, Recognition, AnnualAssessment)


class AssessmentView:
    """Ids of each kind of record by (unit, year), kept up to date from the notification log."""

    def __init__(self, app: Application[UUID]) -> None:
        self._app = app
        self._follower = LogFollower(
            app, event_topics(Inspection, SurveyRound, Recognition, AnnualAssessment)
        )
        self._lock = threading.Lock()
        self._index: dict[tuple[type[Record], str, int], list[UUID]] = {}
        self.catch_up()

    def catch_up(self) -> None:
        """File every record created since the last call under its kind, unit and year."""
        self._follower.follow(self._file)

    def _file(self, page: Sequence[Notification]) -> None:
        for n in page:
            if n.originator_version != 1:
                continue  # only a record's first event files it; the rest change no index
            record: object = self._app.repository.get(UUID(str(n.originator_id)))
            if isinstance(record, Inspection | SurveyRound | Recognition | AnnualAssessment):
                key = (type(record), record.unit_code, record.year)
                with self._lock:
                    self._index.setdefault(key, []).append(record.id)

    def ids(self, kind: type[_R], unit_code: str, year: int) -> list[UUID]:
        """Ids of one kind of record of a unit's year, in the order they were created."""
        self.catch_up()
        with self._lock:
            return list(self._index.get((kind, unit_code, year), []))

    def ids_within(self, kind: type[_R], units: set[str], year: int) -> list[UUID]:
        """Ids of one kind of record of `year` of any of `units`, by unit code, then creation."""
        self.catch_up()
        with self._lock:
            found = sorted((u, ids) for (k, u, y), ids in self._index.items()
                           if k is kind and y == year and u in units)  # fmt: skip
            return [i for _, ids in found for i in ids]

    def units_with(self, kind: type[_R], year: int) -> list[str]:
        """Units that have a record of `kind` in `year`, sorted."""
        self.catch_up()
        with self._lock:
            return sorted({u for (k, u, y) in self._index if k is kind and y == year})
