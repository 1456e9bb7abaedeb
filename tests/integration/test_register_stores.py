"""The register's stories re-told on a real PostgreSQL database (Art. 5, 10–15, 21–25, 30).

The unit tests tell them in memory and on SQLite; here each story runs on a fresh PostgreSQL
database, as a district node would store it.
"""

from __future__ import annotations

import pytest

from tests.unit.register.test_judgement_story import JudgementStory
from tests.unit.register.test_measures_story import MeasuresStory
from tests.unit.register.test_org_units_story import OrgUnitStory
from tests.unit.register.test_register_as_of import AsOfStory
from tests.unit.register.test_register_story import RegisterStory
from tests.unit.register.test_revision_story import RevisionStory

pytestmark = pytest.mark.postgres


def _postgres(database: dict[str, str]) -> dict[str, str]:
    return {"PERSISTENCE_MODULE": "eventsourcing.postgres", **database}


class TestRegisterPostgres(RegisterStory):
    @pytest.fixture
    def env(self, postgres_database: dict[str, str]) -> dict[str, str]:
        return _postgres(postgres_database)


class TestJudgementPostgres(JudgementStory):
    @pytest.fixture
    def env(self, postgres_database: dict[str, str]) -> dict[str, str]:
        return _postgres(postgres_database)


class TestRevisionPostgres(RevisionStory):
    @pytest.fixture
    def env(self, postgres_database: dict[str, str]) -> dict[str, str]:
        return _postgres(postgres_database)


class TestAsOfPostgres(AsOfStory):
    @pytest.fixture
    def env(self, postgres_database: dict[str, str]) -> dict[str, str]:
        return _postgres(postgres_database)


class TestOrgUnitsPostgres(OrgUnitStory):
    @pytest.fixture
    def env(self, postgres_database: dict[str, str]) -> dict[str, str]:
        return _postgres(postgres_database)


class TestMeasuresPostgres(MeasuresStory):
    @pytest.fixture
    def env(self, postgres_database: dict[str, str]) -> dict[str, str]:
        return _postgres(postgres_database)
