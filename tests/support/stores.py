"""The stores a story is re-told on: mixins that give a story class its `env` fixture.

A story class holds the tests and asks for `env`; `class TestXInMemory(InMemory, XStory)` and
`class TestXSQLite(OnSQLite, XStory)` run it on each store (tests/integration adds PostgreSQL).
Each store has the recorder production uses: the one that hash-chains every event (Art. 23).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from shared.store import with_chain

if TYPE_CHECKING:
    from pathlib import Path

MEMORY = with_chain({"PERSISTENCE_MODULE": "eventsourcing.popo"})


def sqlite_env(path: Path) -> dict[str, str]:
    return with_chain({"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": str(path)})


class InMemory:
    @pytest.fixture
    def env(self) -> dict[str, str]:
        return dict(MEMORY)


class OnSQLite:
    @pytest.fixture
    def env(self, tmp_path: Path) -> dict[str, str]:
        return sqlite_env(tmp_path / "store.db")
