"""Intake's reporting-duty story re-told on a real PostgreSQL database (Art. 23).

The unit tests tell it in memory and on SQLite; here it runs on a fresh PostgreSQL database, as a
district node would store it: 迟报, 漏报, 瞒报 candidates and the published review of one.
"""

from __future__ import annotations

import pytest

from tests.unit.intake.test_reporting_obligations import Obligations

pytestmark = pytest.mark.postgres


class TestObligationsPostgres(Obligations):
    @pytest.fixture
    def env(self, postgres_database: dict[str, str]) -> dict[str, str]:
        return {"PERSISTENCE_MODULE": "eventsourcing.postgres", **postgres_database}
