"""Intake's stories re-told on PostgreSQL: routing and tracking (Art. 24 跟踪督办) and the
reporting duties (Art. 23).

The unit tests tell them in memory and on SQLite; here the district and 太和镇 each keep their
store in a fresh PostgreSQL database of their own, as two nodes would: 迟报, 漏报, 瞒报 candidates
and the published review of one; a forward, its handling report and sign-off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import uuid4

import pytest

from lianfang.postgres_local import create_database, drop_database
from tests.support.stores import OnPostgres, postgres_env
from tests.unit.intake.test_reporting_obligations import Obligations
from tests.unit.intake.test_routing import Routing
from tests.unit.intake.test_tracking_until_handled import TrackingUntilHandled

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lianfang.postgres_local import PgParams

pytestmark = pytest.mark.postgres


@pytest.fixture
def town_database(postgres_params: PgParams) -> Iterator[dict[str, str]]:
    """A second fresh database: the town node's store."""
    name = f"t_town_{uuid4().hex[:8]}"
    params = create_database(postgres_params, name)
    try:
        yield params.eventsourcing_env()
    finally:
        drop_database(postgres_params, name)


class TestRoutingPostgres(OnPostgres, Routing):
    @pytest.fixture
    def town_env(self, town_database: dict[str, str]) -> dict[str, str]:
        return postgres_env(town_database)


class TestTrackingUntilHandledPostgres(OnPostgres, TrackingUntilHandled):
    @pytest.fixture
    def town_env(self, town_database: dict[str, str]) -> dict[str, str]:
        return postgres_env(town_database)


class TestObligationsPostgres(OnPostgres, Obligations):
    pass
