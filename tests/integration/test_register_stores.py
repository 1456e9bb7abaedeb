"""The register's stories re-told on a real PostgreSQL database (Art. 5, 10–15, 21–25, 30).

The unit tests tell them in memory and on SQLite; here each story runs on a fresh PostgreSQL
database, as a district node would store it.
"""

from __future__ import annotations

import pytest

from tests.support.stores import OnPostgres
from tests.unit.register.test_judgement_story import JudgementStory
from tests.unit.register.test_managed_units import ManagedUnitsStory
from tests.unit.register.test_measures_story import MeasuresStory
from tests.unit.register.test_org_units_story import OrgUnitStory
from tests.unit.register.test_register_as_of import AsOfStory
from tests.unit.register.test_register_story import RegisterStory
from tests.unit.register.test_revision_story import RevisionStory

pytestmark = pytest.mark.postgres


class TestRegisterPostgres(OnPostgres, RegisterStory):
    pass


class TestJudgementPostgres(OnPostgres, JudgementStory):
    pass


class TestRevisionPostgres(OnPostgres, RevisionStory):
    pass


class TestAsOfPostgres(OnPostgres, AsOfStory):
    pass


class TestOrgUnitsPostgres(OnPostgres, OrgUnitStory):
    pass


class TestMeasuresPostgres(OnPostgres, MeasuresStory):
    pass


class TestManagedUnitsPostgres(OnPostgres, ManagedUnitsStory):
    pass
