"""The assessment year on PostgreSQL: scored, reopened, replayed elsewhere, the same (Art. 31).

The unit tests replay on SQLite and in memory; this one tells the same year on a real PostgreSQL
database, reopens it from a second application (as a restarted process would), and copies every
stored event into a SQLite file: all three give the same card, evidence and all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from eventsourcing.persistence import StoredEvent

from tests.support.stores import OnPostgres
from tests.unit.assessment.story import TOWN_OFFICE, UNIT, new_app, tell_the_year
from tests.unit.assessment.test_figures_snapshots import SnapshotStory
from tests.unit.assessment.test_managed_units_scoring import ManagedUnitsStory
from tests.unit.assessment.test_scoring_story import ReportingStory

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.postgres


def test_the_year_replays_to_the_same_card_on_postgres_and_elsewhere(
    postgres_database: dict[str, str], tmp_path: Path
) -> None:
    env = {"PERSISTENCE_MODULE": "eventsourcing.postgres", **postgres_database}
    app, clock = new_app(env)
    tell_the_year(app, clock)
    card = app.score_unit(UNIT, 2026, TOWN_OFFICE).card
    assert (card["total"], card["grade"]) == (66.83, "pass")  # the hand-checked year
    app.publish(UNIT, 2026, TOWN_OFFICE)

    reopened, _ = new_app(env)
    notes = app.recorder.select_notifications(start=None, limit=10**6)
    copied, _ = new_app({"PERSISTENCE_MODULE": "eventsourcing.sqlite",
                         "SQLITE_DBNAME": str(tmp_path / "copy.db")})  # fmt: skip
    copied.recorder.insert_events(
        [StoredEvent(n.originator_id, n.originator_version, n.topic, n.state) for n in notes]
    )
    for replay in (reopened, copied):
        assessment = replay.get_assessment(UNIT, 2026)
        assert assessment.is_published
        assert assessment.card == card
        assert replay.preview(UNIT, 2026) == card
    for a in (app, reopened, copied):
        a.close()


class TestReportingPostgres(OnPostgres, ReportingStory):
    """Art. 23 in the score (untrue reports, reviewed 瞒报 candidates) on PostgreSQL."""


class TestManagedUnitsPostgres(OnPostgres, ManagedUnitsStory):
    """Art. 31 逐级 in the score (a town's card counts its units' facts) on PostgreSQL."""


class TestFigureSnapshotsOnPostgres(OnPostgres, SnapshotStory):
    """The unit's year of figures snapshots and reloads on PostgreSQL too (issue #18)."""
