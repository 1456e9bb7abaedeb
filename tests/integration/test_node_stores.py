"""Each node keeps its own cases, re-told on PostgreSQL: a database per node (Art. 7, 27, 31).

The unit tests tell the story in memory and on SQLite; here each node's services store in their
own fresh PostgreSQL database, as the district's and 太和镇's deployments would.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import uuid4

import pytest

from lianfang.postgres_local import create_database, drop_database
from tests.unit.shared.test_jurisdiction import NodesStory

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lianfang.postgres_local import PgParams
    from shared.jurisdiction import Node
    from tests.unit.shared.test_jurisdiction import Stores

pytestmark = pytest.mark.postgres


class TestNodesPostgres(NodesStory):
    @pytest.fixture
    def stores(self, postgres_params: PgParams) -> Iterator[Stores]:
        made: dict[str, tuple[str, PgParams]] = {}

        def env_of(node: Node, service: str) -> dict[str, str]:
            """The node's database; its services' tables are apart by name (register_events…)."""
            if node.node_id not in made:
                name = f"t_nodes_{node.node_id.replace('-', '_')}_{uuid4().hex[:8]}"
                made[node.node_id] = (name, create_database(postgres_params, name))
            params = made[node.node_id][1]
            return {"PERSISTENCE_MODULE": "eventsourcing.postgres", **params.eventsourcing_env()}

        yield env_of
        for name, _ in made.values():
            drop_database(postgres_params, name)
