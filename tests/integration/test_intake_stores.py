"""Intake's stories re-told on PostgreSQL: routing and tracking (Art. 24 跟踪督办) and the
reporting duties (Art. 23).

The unit tests tell them in memory and on SQLite; here the district and 太和镇 each keep their
store in a fresh PostgreSQL database of their own, as two nodes would: 迟报, 漏报, 瞒报 candidates
and the published review of one; a forward, its handling report and sign-off; the petitioner's
reveal by the custodian grant held at that moment (Art. 22).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.conftest import fresh_database
from tests.support.stores import OnPostgres, postgres_env
from tests.unit.intake.test_reporting_obligations import Obligations
from tests.unit.intake.test_routing import Routing
from tests.unit.intake.test_tracking_until_handled import TrackingUntilHandled
from tests.unit.intake.test_whistleblower_protection import Protection

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lianfang.postgres_local import PgParams

pytestmark = pytest.mark.postgres


@pytest.fixture
def town_database(postgres_params: PgParams) -> Iterator[dict[str, str]]:
    """A second fresh database: the town node's store."""
    yield from fresh_database(postgres_params, "town")


class OnTwoPostgres(OnPostgres):
    """The district's database and the town's, as two nodes keep them."""

    @pytest.fixture
    def town_env(self, town_database: dict[str, str]) -> dict[str, str]:
        return postgres_env(town_database)


class TestRoutingPostgres(OnTwoPostgres, Routing):
    pass


class TestTrackingUntilHandledPostgres(OnTwoPostgres, TrackingUntilHandled):
    pass


class TestObligationsPostgres(OnPostgres, Obligations):
    pass


class TestProtectionPostgres(OnPostgres, Protection):
    pass
