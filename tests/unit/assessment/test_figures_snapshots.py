"""A unit's year of figures is loaded from a snapshot, and nothing counted is lost (Art. 31).

Every fact is an event on the unit's `UnitYearFigures`; snapshots every 50 versions keep taking
one more fact in from replaying the whole year (issue #18). A reopened store, reading the latest
snapshot and the events after it, shows every fact in the order it came, as a store that never
took a snapshot does. Told on SQLite here and on PostgreSQL in tests/integration.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from services.assessment.figures.model import FactKind, UnitYearFigures
from services.assessment.figures.snapshots import FIGURES_SNAPSHOT_INTERVAL
from tests.support.events import risk_reported
from tests.support.stores import OnSQLite
from tests.unit.assessment.story import UNIT, new_app
from tests.unit.assessment.upstream import feed


class SnapshotStory:
    """Needs `env` from a store mixin (tests/support/stores.py)."""

    def test_a_busy_year_reloads_from_its_snapshot_with_every_fact(
        self, env: dict[str, str]
    ) -> None:
        app, _ = new_app(env)
        start = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
        reports = [risk_reported(UNIT, at=start + timedelta(minutes=n)) for n in range(120)]
        for report in reports:
            feed(app, report)

        figures_id = UnitYearFigures.create_id(UNIT, 2026)
        assert app.snapshots is not None
        snapshots = list(app.snapshots.get(figures_id, desc=True, limit=1))
        # Opened is version 1; the 120 facts bring the year to version 121: the last snapshot
        # is at 100, and a load replays the 21 events after it.
        assert [s.originator_version for s in snapshots] == [2 * FIGURES_SNAPSHOT_INTERVAL]

        reopened, _ = new_app(env)
        figures = reopened.figures_of(UNIT, 2026)
        assert figures is not None
        assert figures.version == 121
        assert figures.counts == {FactKind.RISK_REPORTED.value: 120}
        reported = [f.event_id for f in figures.of_kind(FactKind.RISK_REPORTED)]
        assert reported == [r.id for r in reports]
        assert figures.live()["on_time_reporting_rate"] == 1.0
        reopened.close()
        app.close()


class TestSnapshotsSQLite(OnSQLite, SnapshotStory):
    pass
