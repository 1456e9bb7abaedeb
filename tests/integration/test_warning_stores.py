"""The warning service's stories re-told on PostgreSQL (Art. 26–29).

The unit tests tell them in memory and on SQLite; here each runs on a fresh PostgreSQL database,
as a node's warning service would store it: the level that follows the grade, each level's
actions, lapses charged to their holders and re-grades proposed for review, and the supervision
of a disposal by the level above.
"""

from __future__ import annotations

import pytest

from tests.support.stores import OnPostgres
from tests.unit.warning.test_deadlines import DeadlineStory
from tests.unit.warning.test_supervision_story import SupervisionStory
from tests.unit.warning.test_warning_story import WarningStory

pytestmark = pytest.mark.postgres


class TestWarningPostgres(OnPostgres, WarningStory):
    pass


class TestDeadlinesPostgres(OnPostgres, DeadlineStory):
    pass


class TestSupervisionPostgres(OnPostgres, SupervisionStory):
    pass
