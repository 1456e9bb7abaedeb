"""The stores a story is re-told on: mixins that give a story class its `env` fixture.

A story class (a `Story`) holds the tests and asks for `env`, `clock` and `app`;
`class TestXInMemory(InMemory, XStory)` and `class TestXSQLite(OnSQLite, XStory)` run it on each
store, and `OnPostgres` on PostgreSQL (tests/integration).
Each store has the recorder production uses: the one that hash-chains every event (Art. 23).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

import psycopg
import pytest

from shared.application import ServiceApplication
from shared.clock import ManualClock
from shared.store import with_chain
from tests.support.directory import grant_test_posts

if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import datetime
    from pathlib import Path


class _Closes(Protocol):
    def close(self) -> None: ...


_App = TypeVar("_App", bound=_Closes)

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


class OnPostgres:
    """A fresh PostgreSQL database per test (tests/integration; the server starts by itself)."""

    @pytest.fixture
    def env(self, postgres_database: dict[str, str]) -> dict[str, str]:
        return postgres_env(postgres_database)


def postgres_env(database: dict[str, str]) -> dict[str, str]:
    """The store environment of one PostgreSQL database (`postgres_database`'s or another's)."""
    return with_chain({"PERSISTENCE_MODULE": "eventsourcing.postgres", **database})


def postgres_connection(env: dict[str, str]) -> psycopg.Connection[tuple[object, ...]]:
    """A direct, autocommitting connection to the PostgreSQL database an `env` names."""
    return psycopg.connect(
        host=env["POSTGRES_HOST"],
        port=int(env["POSTGRES_PORT"]),
        user=env["POSTGRES_USER"],
        password=env["POSTGRES_PASSWORD"],
        dbname=env["POSTGRES_DBNAME"],
        autocommit=True,
    )


class Story(Generic[_App]):
    """A story re-told per store: a store mixin above gives `env`, the story makes its
    application on it (`make_app`) with a manual clock from `start`, closed after the test."""

    start: datetime | None = None
    grants_posts: bool = True
    """Whether the app starts knowing the directory's posts of the tests' people
    (tests/support/directory.py); a story that counts what it took in may start without."""

    @pytest.fixture
    def env(self) -> dict[str, str]:
        raise NotImplementedError  # a store mixin (InMemory, OnSQLite, …) provides it

    @pytest.fixture
    def clock(self) -> ManualClock:
        return ManualClock(self.start)

    @pytest.fixture
    def app(self, env: dict[str, str], clock: ManualClock) -> Iterator[_App]:
        app = self.make_app(env, clock)
        if self.grants_posts and isinstance(app, ServiceApplication):
            grant_test_posts(app)  # the demo district's posts, as the console published them
        yield app
        app.close()

    def make_app(self, env: dict[str, str], clock: ManualClock) -> _App:
        raise NotImplementedError
