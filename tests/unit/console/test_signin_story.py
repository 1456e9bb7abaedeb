"""The sign-in story in memory and on SQLite (PostgreSQL: tests/integration)."""

from __future__ import annotations

from tests.support.stores import InMemory, OnSQLite
from tests.unit.console.signin_story import SignInStory


class TestSignInInMemory(InMemory, SignInStory):
    pass


class TestSignInOnSQLite(OnSQLite, SignInStory):
    pass
