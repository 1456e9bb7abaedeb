"""The supervision of a warning's disposal re-told on PostgreSQL (Art. 29 分级监督).

The unit tests tell it in memory and on SQLite; here it runs on a fresh PostgreSQL database, as
a node's warning service would store it.
"""

from __future__ import annotations

import pytest

from tests.unit.warning.test_supervision_story import SupervisionStory

pytestmark = pytest.mark.postgres


class TestSupervisionPostgres(SupervisionStory):
    @pytest.fixture
    def env(self, postgres_database: dict[str, str]) -> dict[str, str]:
        return {"PERSISTENCE_MODULE": "eventsourcing.postgres", **postgres_database}
